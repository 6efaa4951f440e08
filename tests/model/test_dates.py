"""Days and weeks: a week runs Monday to Sunday, and SQL groups days by the same rule."""

import sqlite3
from datetime import date, timedelta

import pytest

from aijournal.model.dates import EPOCH, epoch_day, from_epoch_day, week_start
from aijournal.storage.rows import PERIODS


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 11, 23), date(2026, 11, 23)),  # a Monday is its own week's start
        (date(2026, 11, 27), date(2026, 11, 23)),  # Friday
        (date(2026, 11, 29), date(2026, 11, 23)),  # Sunday still belongs to that week
        (date(2026, 1, 1), date(2025, 12, 29)),  # the week crosses into the year before
    ],
)
def test_week_start_is_the_monday(day, monday):
    assert week_start(day) == monday
    assert week_start(day).weekday() == 0


def test_epoch_days_count_from_1970():
    assert EPOCH == date(1970, 1, 1) and EPOCH.weekday() == 3  # a Thursday
    assert epoch_day(EPOCH) == 0
    assert epoch_day(date(1970, 1, 2)) == 1
    assert epoch_day(date(1969, 12, 31)) == -1
    assert epoch_day(date(2000, 1, 1)) == 10_957  # 30 years with 7 leap days


def test_from_epoch_day_undoes_epoch_day():
    for day in (date(1969, 12, 29), EPOCH, date(2000, 2, 29), date(2026, 11, 27)):
        assert from_epoch_day(epoch_day(day)) == day


def test_sql_weeks_and_python_weeks_agree():
    """The week of `rows.PERIODS` gives the epoch day of the same Monday as `week_start`."""
    conn = sqlite3.connect(":memory:")
    first = date(2026, 10, 20)
    for offset in range(15):
        day = first + timedelta(days=offset)
        (week,) = conn.execute(
            f"SELECT {PERIODS['week']} FROM (SELECT ? AS d)", [epoch_day(day)]
        ).fetchone()
        assert from_epoch_day(week) == week_start(day), day
