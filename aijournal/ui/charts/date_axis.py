"""A date axis whose labels never run together.

pyqtgraph's DateAxisItem draws two levels at once (days, and a month name at the month's start),
so "29" and "Oct" touch and read "29Oct". This axis draws one level: the finest step (days,
weeks, months, years) whose widest label still fits between two ticks with room to spare, at
the axis's real width in pixels. Values are Unix seconds at local midnight, as elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pyqtgraph as pg
import PySide6  # noqa: F401  (pyqtgraph picks the Qt binding already imported)
from PySide6.QtGui import QFontMetricsF

GAP_PX = 12  # at least this much empty space between two labels
# (unit, how many of it between ticks), finest first
STEPS = (
    ("day", 1),
    ("day", 2),
    ("week", 1),
    ("week", 2),
    ("week", 4),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 25),
)


# The most days two neighbouring ticks of a unit can be apart (a day may have 25 hours).
LONGEST_DAYS = {"day": 1 + 1 / 24, "week": 7 + 1 / 24, "month": 31 + 1 / 24, "year": 366 + 1 / 24}
# Every label a unit can show is at least as wide as the narrowest of these.
SHORTEST_LABELS = {
    "day": [
        label
        for m in range(1, 13)
        for label in (f"{d} {date(2000, m, 1):%b}" for d in range(1, 10))
    ],
    "month": [f"{date(2000, m, 1):%b}" for m in range(1, 13)],
}
SHORTEST_LABELS["week"] = SHORTEST_LABELS["day"]


def _day(seconds: float) -> date:
    return datetime.fromtimestamp(seconds).date()


def _seconds(day: date) -> float:
    return datetime.combine(day, time()).astimezone().timestamp()


def tick_days(first: date, last: date, unit: str, every: int) -> Iterator[date]:
    """The tick days from `first` to `last`: every day, Monday, month start or new year."""
    if unit in ("day", "week"):
        day = first if unit == "day" else first + timedelta(days=-first.weekday() % 7)
        if unit == "day" and every > 1:
            day += timedelta(days=-day.toordinal() % every)
        if unit == "week" and every > 1:  # the same Mondays whatever the range
            day += timedelta(weeks=-(day.toordinal() // 7) % every)
        step = timedelta(days=every * (7 if unit == "week" else 1))
        while day <= last:
            yield day
            day += step
        return
    if unit == "month":
        month = first.year * 12 + first.month - 1
        month += -month % every
        if first.day > 1 and month == first.year * 12 + first.month - 1:
            month += every
        while (day := date(month // 12, month % 12 + 1, 1)) <= last:
            yield day
            month += every
        return
    year = first.year + (1 if (first.month, first.day) > (1, 1) else 0)
    year += -year % every
    while (day := date(year, 1, 1)) <= last:
        yield day
        year += every


def label(day: date, unit: str) -> str:
    """How a tick reads: "6 Oct" for days and weeks, "Oct" for months ("Jan 2027" at a new
    year), "2027" for years."""
    if unit in ("day", "week"):
        return f"{day.day} {day:%b}"
    if unit == "month":
        return f"{day:%b}" + (f" {day.year}" if day.month == 1 else "")
    return str(day.year)


class DayAxis(pg.DateAxisItem):
    """A bottom date axis with one level of ticks, spaced so no two labels overlap."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._unit = "day"

    def _width(self, text: str) -> float:
        # The painter's metrics once drawing began (generateDrawSpecs sets them), else the font's.
        metrics = getattr(self, "fontMetrics", None) or QFontMetricsF(
            self.style.get("tickFont") or self.font()
        )
        return metrics.boundingRect(text).width()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph API)
        if maxVal <= minVal or size <= 0:
            return []
        first, last = _day(minVal), _day(maxVal)
        per_second = size / (maxVal - minVal)
        narrowest = {
            unit: min(self._width(text) for text in texts)
            for unit, texts in SHORTEST_LABELS.items()
        }
        for unit, every in STEPS:
            # A step whose ticks cannot be far enough apart even for its narrowest label is
            # passed over without listing its ticks (years of days would be thousands).
            most_px = every * LONGEST_DAYS[unit] * 86_400 * per_second
            if unit in narrowest and most_px < narrowest[unit] + GAP_PX:
                continue
            days = [d for d in tick_days(first, last, unit, every) if minVal <= _seconds(d)]
            values = [_seconds(d) for d in days if _seconds(d) <= maxVal]
            if not values:
                continue
            room = min((b - a for a, b in zip(values, values[1:])), default=maxVal - minVal)
            widest = max(self._width(label(d, unit)) for d in days[: len(values)])
            if room * per_second >= widest + GAP_PX:
                self._unit = unit
                return [(room, values)]
        return []

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        return [label(_day(v), self._unit) for v in values]
