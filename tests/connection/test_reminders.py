"""The daily check-in reminder: due after its time, only while today's check-in is missing."""

from datetime import datetime, time

import pytest

from aijournal.connection.reminders import checkin_reminder_due
from aijournal.journaling.settings import Settings
from aijournal.model import records as r


def moment(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(datetime(2026, 11, 27), time(hour, minute)).astimezone()


@pytest.mark.parametrize(
    "hour, minute, due", [(16, 59, False), (17, 0, True), (23, 59, True), (8, 0, False)]
)
def test_due_from_the_default_time_on(journal, hour, minute, due):
    assert checkin_reminder_due(journal, moment(hour, minute)) is due


def test_not_due_once_today_is_checked_in(journal):
    journal.save_checkin(r.Checkin(day=moment(9).date(), burnout=2, connection=4))
    assert not checkin_reminder_due(journal, moment(18))
    assert checkin_reminder_due(journal, moment(18).replace(day=28))  # the next day: due again


def test_the_chosen_time_and_switching_it_off(journal):
    settings = Settings(journal)
    settings["reminder_time"] = "08:30"
    assert checkin_reminder_due(journal, moment(8, 30))
    assert not checkin_reminder_due(journal, moment(8, 29))
    settings["reminder_enabled"] = False
    assert not checkin_reminder_due(journal, moment(20))


def test_without_a_moment_the_journal_clock_decides(journal, clock):
    assert not checkin_reminder_due(journal)  # the clock says 10:00
    clock.set(moment(17, 30))
    assert checkin_reminder_due(journal)
