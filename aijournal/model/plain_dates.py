"""Days and times as people type them on the command line: ISO, or a few plain words.

A day is an ISO date (2026-03-01), `today`, `yesterday`, `tomorrow`, a weekday (`mon`,
`monday`: the most recent one, today if today is that day; for a day ahead, such as a planned
touchpoint or a goal's target, the coming one), `last friday` (the one before today, never
today), `next friday` (the one after today, never today), `N days ago` / `N weeks ago`, or
`in N days` / `in N weeks`. A moment is an ISO date-time (with or
without its UTC offset), a day followed by a time (`yesterday 14:30`, `mon 9:00`), or a time
alone (`14:30`: today). A day in words without a time keeps the time of day of `now`
(`yesterday` is this time yesterday, `today` is now); an ISO date alone is its midnight, as
ISO says. Times without an offset are local time. Whether a moment may lie in the future is
the gateway's rule, not the grammar's.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput

DAY_FORMS = (
    "use YYYY-MM-DD, today, yesterday, tomorrow, a weekday (mon, monday), last friday, "
    "next friday, 3 days ago, 2 weeks ago or in 3 days"
)
MOMENT_FORMS = (
    "use an ISO date and time (2026-03-01T14:30), a time (14:30), or a day and a time "
    "(yesterday 14:30, mon 9:00, 3 days ago 8:15)"
)

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("mon", "monday"),
        ("tue", "tues", "tuesday"),
        ("wed", "wednesday"),
        ("thu", "thur", "thurs", "thursday"),
        ("fri", "friday"),
        ("sat", "saturday"),
        ("sun", "sunday"),
    )
):
    WEEKDAYS.update(dict.fromkeys(_names, _number))

NAMED_DAYS = {"today": 0, "yesterday": 1, "tomorrow": -1}
AGO = re.compile(r"(\d{1,6}) (day|days|week|weeks) ago")
AHEAD = re.compile(r"in (\d{1,6}) (day|days|week|weeks)")
TIME = re.compile(r"(?:(.*?) )?(?:at )?(\d{1,2}):(\d{2})(?::(\d{2}))?")


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _day_in_words(words: str, today: date, ahead: bool = False) -> date | None:
    """The day `words` name, or None when they are not a day in words."""
    if words in NAMED_DAYS:
        return today - timedelta(days=NAMED_DAYS[words])
    which, _, name = words.rpartition(" ")
    weekday = WEEKDAYS.get(name)
    if weekday is not None and which in ("", "last", "next"):
        back = (today.weekday() - weekday) % 7
        if which == "next" or (ahead and not which):
            return today + timedelta(days=(-back % 7) or (7 if which else 0))
        return today - timedelta(days=back or (7 if which else 0))
    for pattern, sign in ((AGO, -1), (AHEAD, 1)):
        if found := pattern.fullmatch(words):
            count = int(found[1]) * (7 if found[2].startswith("week") else 1)
            return today + sign * timedelta(days=count)
    return None


def parse_day(name: str, text: str, today: date, *, ahead: bool = False) -> date:
    """The day `text` names, counted from `today`; `InvalidInput` naming `name` otherwise.
    `ahead`: the day is one to come (a plan, a target), so a bare weekday is the coming one."""
    words = _words(text) if isinstance(text, str) else ""
    try:
        day = _day_in_words(words, today, ahead)
    except OverflowError:  # "999999 weeks ago" is before year 1
        day = None
    if day is not None:
        return day
    try:
        return r.parse_day(name, text)
    except InvalidInput:
        raise InvalidInput(name, text, DAY_FORMS) from None


def parse_moment(name: str, text: str, now: datetime) -> datetime:
    """The moment `text` names, counted from `now` (timezone-aware); local time if no offset."""
    words = _words(text) if isinstance(text, str) else ""
    try:
        moment = _moment_in_words(words, now)
    except (OverflowError, ValueError, OSError):  # before year 1, or a time like 25:00
        moment = None
    if moment is not None:
        return moment
    try:
        return r.parse_moment(name, text)
    except InvalidInput:
        raise InvalidInput(name, text, MOMENT_FORMS) from None


def _moment_in_words(words: str, now: datetime) -> datetime | None:
    today = now.date()
    if found := TIME.fullmatch(words):
        head, hour, minute, second = found.groups()
        at = time(int(hour), int(minute), int(second or 0))  # ValueError past 23:59:59
        day = today if head is None else _day_in_words(head, today)
    else:
        day, at = _day_in_words(words, today), now.time().replace(tzinfo=None)
        if day == today:
            return now
    if day is None:
        return None
    return datetime.combine(day, at).astimezone()  # the local offset of that day (DST)
