"""The calendar: a year (or a month) of days at a glance, and the check-in streaks.

Each day says whether it has a check-in, its burnout and connection, how many entries the
Journal lists for it, and its band on the chosen measure: band 1 is the best answer (burnout 1,
connection 5), band 5 the worst (burnout 5, connection 1), so one colour scale serves both.

Streaks count consecutive days with a check-in. The current streak ends today, or yesterday
while today is not logged yet (the day is not over); it is 0 once a whole day was missed. The
longest streak is over the whole journal; of two equally long, the later one.
"""

from __future__ import annotations

import calendar as months
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from aijournal.model import records as r
from aijournal.model.presentation import plural
from aijournal.storage import Journal

MEASURES = ("burnout", "connection")
# Each measure's answers by band, best first: (value, what it means, in a few words).
SCALES: dict[str, tuple[tuple[int, str], ...]] = {
    "burnout": (
        (1, "no symptoms of burnout"),
        (2, "occasional stress"),
        (3, "burning out"),
        (4, "symptoms that won't go away"),
        (5, "completely burned out"),
    ),
    "connection": (
        (5, "strongly agree: connected"),
        (4, "agree"),
        (3, "neither agree nor disagree"),
        (2, "disagree"),
        (1, "strongly disagree: not connected"),
    ),
}
STREAK_RULE = (
    "consecutive days with a check-in, ending today, or yesterday while today is not logged yet"
)


@dataclass(frozen=True)
class Day:
    day: date
    checkin: bool
    burnout: int | None
    connection: int | None
    entries: int  # what the Journal lists for the day, the check-in included
    band: int | None  # 1 best … 5 worst on the chosen measure; None without a check-in

    def describe(self) -> str:
        """The day in words, as a tooltip and assistive technology say it."""
        when = f"{self.day:%a} {self.day.day} {self.day:%B %Y}"
        if not self.checkin:
            said = "no check-in"
        else:
            said = f"burnout {self.burnout}, connection {self.connection}"
        if self.entries > (1 if self.checkin else 0):
            said += f" ({plural(self.entries, 'entry', 'entries')})"
        return f"{when}: {said}"


@dataclass(frozen=True)
class Streak:
    first: date
    last: date
    days: int

    def describe(self) -> str:
        span = f"{self.first.day} {self.first:%b %Y} to {self.last.day} {self.last:%b %Y}"
        return f"{plural(self.days, 'day')}, {span}"

    def as_json(self) -> dict[str, Any]:
        return {"days": self.days, "first": self.first.isoformat(), "last": self.last.isoformat()}


@dataclass(frozen=True)
class Calendar:
    year: int
    month: int | None
    measure: str
    today: date
    days: tuple[Day, ...]  # every day of the year (or month), in order
    current: Streak | None  # None: no streak running now
    longest: Streak | None  # None: no check-in yet

    @property
    def logged_days(self) -> int:
        return sum(day.checkin for day in self.days)

    def month_days(self, month: int) -> tuple[Day, ...]:
        return tuple(day for day in self.days if day.day.month == month)

    def streak_text(self) -> tuple[str, str]:
        """The current and the longest streak in words."""
        if self.current is None:
            current = "Current streak: none (check in today to start one)"
        else:
            current = f"Current streak: {self.current.describe()}"
            if self.current.last < self.today:
                current += " (check in today to keep it)"
        longest = "Longest streak: none yet"
        if self.longest is not None:
            longest = f"Longest streak: {self.longest.describe()}"
        return current, longest

    def as_json(self) -> dict[str, Any]:
        """The documented shape of `aijournal calendar --format json` (docs/calendar.md)."""
        return {
            "year": self.year,
            "month": self.month,
            "measure": self.measure,
            "today": self.today.isoformat(),
            "scale": [
                {"band": band, "value": value, "label": label}
                for band, (value, label) in enumerate(SCALES[self.measure], 1)
            ],
            "logged_days": self.logged_days,
            "days": [
                {
                    "day": d.day.isoformat(),
                    "checkin": d.checkin,
                    "burnout": d.burnout,
                    "connection": d.connection,
                    "band": d.band,
                    "entries": d.entries,
                }
                for d in self.days
            ],
            "streaks": {
                "rule": STREAK_RULE,
                "current": self.current.as_json() if self.current else None,
                "longest": self.longest.as_json() if self.longest else None,
            },
        }


def text_lines(year: Calendar) -> list[str]:
    """The calendar for a terminal: a row per month, a column per day (the answer, "·" for a
    day without a check-in), then the streaks."""
    value_of = {"burnout": lambda d: d.burnout, "connection": lambda d: d.connection}[year.measure]
    scale = " … ".join(f"{v} {label}" for v, label in sorted(SCALES[year.measure])[::4])
    span = f"{months.month_name[year.month]} {year.year}" if year.month else str(year.year)
    lines = [f"{year.measure.capitalize()} by day, {span} ({scale}; · no check-in)"]
    header = [" "] * (4 + 2 * 31)
    for mark in (1, 5, 10, 15, 20, 25, 30):
        end = 3 + 2 * mark  # under the answer of day `mark`
        header[end - len(str(mark)) : end] = str(mark)
    lines.append("".join(header).rstrip())
    for month in (year.month,) if year.month else range(1, 13):
        cells = "".join(
            f" {value_of(d) if d.checkin else ' ' if d.day > year.today else '·'}"
            for d in year.month_days(month)
        )
        lines.append(f"{months.month_abbr[month]:4}{cells[1:]}".rstrip())
    logged = plural(year.logged_days, "day")
    lines += ["", f"Checked in on {logged} of {len(year.days)}.", *year.streak_text()]
    return lines


def band(measure: str, value: int) -> int:
    """The band (1 best … 5 worst) of an answer on `measure`."""
    return value if measure == "burnout" else 6 - value


def build(
    journal: Journal,
    year: int,
    month: int | None = None,
    measure: str = "burnout",
    today: date | None = None,
) -> Calendar:
    """The calendar of `year` (or one month of it) on `measure`, and the streaks as of `today`
    (default: the journal's clock)."""
    r.check_choice("measure", measure, MEASURES)
    r.check_scale("year", year, 1, 9998)
    r.check_scale("month", month, 1, 12, required=False)
    today = today or journal.clock().date()
    first = date(year, month or 1, 1)
    last = date(year, month or 12, months.monthrange(year, month or 12)[1])
    found = {row[0]: row[1:] for row in journal.calendar_days(first, last)}
    days = []
    for number in range((last - first).days + 1):
        day = first + timedelta(days=number)
        burnout, connection, entries = found.get(day.isoformat(), (None, None, 0))
        value = burnout if measure == "burnout" else connection
        shade = None if value is None else band(measure, value)
        days.append(Day(day, burnout is not None, burnout, connection, entries, shade))
    longest, current = _streaks(journal, today)
    return Calendar(year, month, measure, today, tuple(days), current, longest)


def _streaks(journal: Journal, today: date) -> tuple[Streak | None, Streak | None]:
    runs = [
        Streak(date.fromisoformat(a), date.fromisoformat(b), n)
        for a, b, n in journal.checkin_runs(today)
    ]
    if not runs:
        return None, None
    longest, latest = runs
    running = latest.last >= today - timedelta(days=1)
    return longest, latest if running else None
