"""Looking back: "on this day" a month and a year ago, and the day's reflection prompt.

"A month ago" is the same day of the month in the month before, clamped to that month's end
(31 March → 28 or 29 February); "a year ago" is the same date a year before, clamped too
(29 February → 28 February). Each day brings its check-in (burnout, connection, energy,
note) and the notes of its AI uses and touchpoints; a day with nothing logged is left out.

The prompt rotates by day: the same one all day, the next one tomorrow, through the user's
own list (Settings) or the built-in one (`DEFAULT_PROMPTS`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from aijournal.journaling import describe
from aijournal.journaling.settings import Settings
from aijournal.model import records as r
from aijournal.storage import Journal
from aijournal.storage.entries import EntryFilter

AGO = ("a month ago", "a year ago")

# Open questions about people, learning and energy, in line with what the journal tracks.
DEFAULT_PROMPTS = (
    "Who helped you today?",
    "What did you learn today, and from whom?",
    "When did you feel most like yourself today?",
    "What would you have asked a colleague, had you not asked an AI?",
    "What gave you energy today, and what drained it?",
    "Whom could you thank for something this week?",
    "What did you do today that you are proud of?",
    "Where did you work with someone rather than alone?",
    "What would you like to do differently tomorrow?",
    "What conversation stayed with you today?",
)


def month_ago(day: date) -> date:
    """The same day of the month, a month earlier, clamped to that month's last day."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def year_ago(day: date) -> date:
    """The same date a year earlier (29 February → 28 February)."""
    year = day.year - 1
    return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


@dataclass(frozen=True)
class Note:
    """A note of one entry on a day looked back on."""

    kind: str  # the entry's kind label ("AI use", "Touchpoint")
    title: str  # the line the entry is known by (describe.title)
    text: str
    short: str  # a word or two for a compact line: the AI tool, the person or the kind


@dataclass(frozen=True)
class LookedBack:
    """One day looked back on: its check-in, its entries' notes, how many entries it had."""

    ago: str  # "a month ago", "a year ago"
    day: date
    checkin: r.Checkin | None
    notes: tuple[Note, ...]
    entries: int  # AI uses and touchpoints logged that day

    def checkin_line(self) -> str:
        """ "Burnout 2 · connection 4 · energy 3" ("" without a check-in)."""
        if self.checkin is None:
            return ""
        parts = [f"burnout {self.checkin.burnout}", f"connection {self.checkin.connection}"]
        if self.checkin.energy is not None:
            parts.append(f"energy {self.checkin.energy}")
        line = " · ".join(parts)
        return line[:1].upper() + line[1:]

    def as_dict(self) -> dict[str, Any]:
        checkin = self.checkin
        return {
            "ago": self.ago,
            "day": self.day.isoformat(),
            "checkin": None
            if checkin is None
            else {
                "burnout": checkin.burnout,
                "connection": checkin.connection,
                "energy": checkin.energy,
                "note": checkin.note,
            },
            "entries": self.entries,
            "notes": [{"kind": n.kind, "title": n.title, "note": n.text} for n in self.notes],
        }


def on_this_day(journal: Journal, today: date) -> list[LookedBack]:
    """A month and a year before `today`, each only when something was logged that day."""
    found = []
    for ago, day in zip(AGO, (month_ago(today), year_ago(today)), strict=True):
        entries = journal.entries(EntryFilter(kinds=("ai-use", "touchpoint"), start=day, end=day))
        checkin = journal.checkin_on(day)
        if checkin is None and not entries:
            continue
        notes = tuple(_note(e) for e in reversed(entries) if e.note.strip())  # type: ignore[attr-defined]
        found.append(LookedBack(ago, day, checkin, notes, len(entries)))
    return found


def _note(entry: r.Record) -> Note:
    if isinstance(entry, r.AIUse):
        short = entry.tool
    else:
        assert isinstance(entry, r.Touchpoint)
        short = entry.person or describe.TOUCHPOINT_LABELS[entry.kind]
    return Note(
        describe.KIND_LABELS[entry.record_kind],
        describe.title(entry),
        entry.note,
        short,
    )


def default_prompts() -> tuple[str, ...]:
    """The built-in reflection prompts."""
    return DEFAULT_PROMPTS


def prompts_from_text(text: str) -> tuple[str, ...]:
    """The user's prompts, one per line (blank lines left out)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def prompt_of_day(prompts: tuple[str, ...], day: date) -> str | None:
    """The prompt for `day`: the same all day, the next one the day after (None: no prompts)."""
    return prompts[day.toordinal() % len(prompts)] if prompts else None


def todays_prompt(journal: Journal, day: date) -> str | None:
    """The reflection prompt for `day` as the settings say (None when they are off)."""
    settings = Settings(journal)
    if not settings["reflection_prompt"]:
        return None
    own = prompts_from_text(settings["reflection_prompts"])
    return prompt_of_day(own or default_prompts(), day)


def shown_on_today(journal: Journal, today: date) -> list[LookedBack]:
    """ "On this day" as the settings say (empty when hidden)."""
    return on_this_day(journal, today) if Settings(journal)["on_this_day"] else []
