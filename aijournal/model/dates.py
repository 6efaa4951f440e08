"""Days and weeks, one definition each: a week is Monday to Sunday in the user's calendar.

SQL groups by the same rule (`storage.rows.PERIODS`): a day's "epoch day" is its number of days
since 1970-01-01, and its week is the epoch day of its Monday.
"""

from __future__ import annotations

from datetime import date, timedelta

EPOCH = date(1970, 1, 1)  # a Thursday


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def epoch_day(day: date) -> int:
    return (day - EPOCH).days


def from_epoch_day(number: int) -> date:
    return EPOCH + timedelta(days=number)
