"""The user's settings, each declared once: key, default, label, what is allowed.

The desktop Settings view is built from `SETTINGS`; values are kept inside the encrypted journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any

from aijournal.model.errors import InvalidInput
from aijournal.storage import Journal


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    label: str
    help: str
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    lines: bool = False  # text of several lines (one item a line)

    def check(self, value: Any) -> Any:
        """The value, normalised, or InvalidInput naming this setting."""
        if self.choices:
            if value not in self.choices:
                raise InvalidInput(self.label, value, "use one of " + ", ".join(self.choices))
        elif isinstance(self.default, bool):
            if not isinstance(value, bool):
                raise InvalidInput(self.label, value, "use yes or no")
        elif isinstance(self.default, int):
            assert self.low is not None and self.high is not None  # every number has its range
            if (
                isinstance(value, bool)
                or not isinstance(value, int)
                or not (self.low <= value <= self.high)
            ):
                raise InvalidInput(
                    self.label, value, f"use a whole number from {self.low} to {self.high}"
                )
        elif self.key == "reminder_time":
            try:
                return time.fromisoformat(value).strftime("%H:%M")
            except (TypeError, ValueError):
                raise InvalidInput(self.label, value, "use a time as HH:MM") from None
        elif self.key == "quiet_hours":
            span = quiet_span(self.label, value)
            return "" if span is None else "-".join(t.strftime("%H:%M") for t in span)
        elif not isinstance(value, str):
            raise InvalidInput(self.label, value, "use text")
        elif self.key == "reflection_prompts":
            return _prompt_lines(self.label, value)
        return value


PROMPT_LENGTH, PROMPT_COUNT = 200, 100


def _prompt_lines(label: str, text: str) -> str:
    """Prompts one per line, trimmed, blank lines left out; each short enough to read."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if long := next((line for line in lines if len(line) > PROMPT_LENGTH), None):
        raise InvalidInput(
            label, long[:40] + "…", f"use prompts of {PROMPT_LENGTH} characters or fewer"
        )
    if len(lines) > PROMPT_COUNT:
        raise InvalidInput(label, f"{len(lines)} prompts", f"use {PROMPT_COUNT} or fewer")
    return "\n".join(lines)


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "reminder_enabled",
        True,
        "Daily reminder",
        "Remind me to check in when today's check-in is missing.",
    ),
    Setting("reminder_time", "17:00", "Reminder time", "When the daily reminder may fire."),
    # Notifications (aijournal.connection.notices decides, the app delivers).
    Setting(
        "quiet_hours",
        "22:00-08:00",
        "Quiet hours",
        "No notifications between these times, as HH:MM-HH:MM; empty: none. What falls in "
        "them comes after.",
    ),
    Setting(
        "run_in_background",
        False,
        "Keep running",
        "Closing the window keeps it running for reminders.",
    ),
    Setting(
        "who5_cadence_days", 14, "WHO-5 every (days)", "How often WHO-5 is due.", low=1, high=90
    ),
    Setting(
        "ucla3_cadence_days", 7, "UCLA-3 every (days)", "How often UCLA-3 is due.", low=1, high=90
    ),
    Setting(
        "cbi_cadence_days", 30, "CBI every (days)", "How often the CBI is due.", low=1, high=180
    ),
    Setting(
        "theme",
        "system",
        "Theme",
        "Light, dark, or follow the system.",
        choices=("system", "light", "dark"),
    ),
    Setting(
        "lock_after_minutes",
        0,
        "Lock after idle (minutes)",
        "Lock the window after this many idle minutes; 0 never locks.",
        low=0,
        high=240,
    ),
    Setting(
        "backup_folder",
        "",
        "Backup folder",
        "Where backups go; empty means the data folder's backups.",
    ),
    # Looking back (aijournal.journaling.lookback); Settings shows them in their own box.
    Setting(
        "on_this_day",
        True,
        "On this day",
        "Show on Today the check-in and notes of a month and a year ago.",
    ),
    Setting(
        "reflection_prompt",
        True,
        "Reflection prompt",
        "Suggest a question for the check-in's note, a different one each day.",
    ),
    Setting(
        "reflection_prompts",
        "",
        "Reflection prompts",
        "One per line, used in turn; empty uses the built-in ones.",
        lines=True,
    ),
    # Nudge thresholds (DESIGN "Nudge rules"); aijournal.connection.nudges reads them.
    Setting("nudges_enabled", True, "Nudges", "Suggest reaching out when the journal shows drift."),
    Setting(
        "nudge_low_connection_level",
        2,
        "Low connection is (or below)",
        "A check-in with connection at or below this counts as low.",
        low=1,
        high=4,
    ),
    Setting(
        "nudge_low_connection_count",
        3,
        "Low-connection check-ins",
        "Nudge when this many of the recent check-ins were low.",
        low=1,
        high=10,
    ),
    Setting(
        "nudge_low_connection_window",
        5,
        "…out of the last (check-ins)",
        "How many recent check-ins the low-connection rule looks at.",
        low=1,
        high=14,
    ),
    Setting(
        "nudge_replaced_per_week",
        3,
        "Uses that replaced a person (per week)",
        "Nudge when this many AI uses this week stood in for a person.",
        low=1,
        high=50,
    ),
    Setting(
        "nudge_burnout_level",
        3,
        "Burnout is high from",
        "The single-item burnout answer that counts as burning out.",
        low=2,
        high=5,
    ),
    Setting(
        "nudge_burnout_streak",
        3,
        "High-burnout check-ins in a row",
        "Nudge after this many consecutive check-ins at or above that level.",
        low=2,
        high=14,
    ),
    Setting(
        "nudge_burnout_rise",
        1,
        "Burnout rise (7-day mean, points)",
        "Nudge when the 7-day mean burnout rose this much over the week before.",
        low=1,
        high=4,
    ),
    Setting(
        "nudge_automation_rise",
        20,
        "Automation rise (percentage points)",
        "Nudge when the automation share of the last 4 weeks rose this much over the "
        "4 weeks before.",
        low=5,
        high=100,
    ),
    Setting(
        "nudge_quiet_workdays",
        3,
        "Quiet workdays in a row",
        "Nudge after this many workdays without a touchpoint.",
        low=1,
        high=20,
    ),
    Setting(
        "nudge_gratitude_days",
        14,
        "Days without thanking someone",
        'Nudge after this many days without a "gratitude sent" touchpoint.',
        low=1,
        high=90,
    ),
    Setting(
        "nudge_ucla3_lonely",
        6,
        "UCLA-3 lonely from",
        "A UCLA-3 score at or above this suggests loneliness (research cut-off 6).",
        low=3,
        high=9,
    ),
    Setting(
        "nudge_who5_low",
        50,
        "WHO-5 low at or below",
        "A WHO-5 score at or below this is low well-being (cut-off 50).",
        low=0,
        high=100,
    ),
)
BY_KEY = {s.key: s for s in SETTINGS}


def quiet_span(label: str, value: Any) -> tuple[time, time] | None:
    """Quiet hours as (from, until), None when there are none; InvalidInput naming `label`."""
    if not isinstance(value, str):
        raise InvalidInput(label, value, "use times as HH:MM-HH:MM, or nothing")
    text = value.strip().replace("\u2013", "-").replace(" ", "")
    if not text:
        return None
    try:
        start, end = (time.fromisoformat(part) for part in text.split("-"))
    except ValueError:
        raise InvalidInput(label, value, "use times as HH:MM-HH:MM, or nothing") from None
    if start == end:
        raise InvalidInput(label, value, "use two different times, or nothing for none")
    return start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)


class Settings:
    """Typed access to the settings stored in a journal."""

    def __init__(self, journal: Journal):
        self._journal = journal

    def __getitem__(self, key: str) -> Any:
        setting = BY_KEY[key]
        value = self._journal.setting(key, setting.default)
        try:
            return setting.check(value)
        except InvalidInput:
            return setting.default  # a value from an older version: fall back quietly

    def __setitem__(self, key: str, value: Any) -> None:
        self._journal.set_setting(key, BY_KEY[key].check(value))

    def cadence_days(self, instrument_id: str) -> int | None:
        key = f"{instrument_id}_cadence_days"
        return self[key] if key in BY_KEY else None
