"""What is notified, when: the check-in reminder only for a day not logged, each plan on its
day, one new nudge a day; each once, across restarts; nothing in quiet hours."""

from datetime import date, datetime, timedelta

import pytest

from aijournal.connection import notices, nudges
from aijournal.journaling.settings import Settings
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput

TODAY = date(2026, 11, 27)  # a Friday


def at(hour: int, minute: int = 0, day: date = TODAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def kinds(found):
    return [notice.kind for notice in found]


def quiet_journal(journal):
    """No quiet hours, no nudge rules: only what a test adds."""
    Settings(journal)["quiet_hours"] = ""
    Settings(journal)["nudges_enabled"] = False
    return journal


def planned_with_dana(journal, clock, day: date):
    """A nudge (Dana is overdue) planned as a touchpoint with Dana on `day`."""
    journal.add(r.Person(name="Dana", cadence_days=7))
    journal.add(r.Touchpoint(at=clock() - timedelta(days=8), kind="pairing", person="Dana"))
    [nudge] = [n for n in nudges.refresh(journal) if n.rule_id == "overdue-person"]
    return nudges.plan(journal, nudge.id, journal.person_named("Dana").id, day)


def test_the_checkin_reminder_comes_once_from_its_time_only_for_a_day_not_logged(journal, clock):
    quiet_journal(journal)
    assert notices.take_due(journal, at(16, 59)) == []
    [reminder] = notices.take_due(journal, at(17, 0))
    assert (reminder.kind, reminder.action, reminder.key) == ("checkin", "Check in", "checkin")
    assert reminder.body == notices.CHECKIN_TEXT
    assert notices.take_due(journal, at(17, 1)) == []  # once a day
    assert notices.take_due(journal, at(21, 0)) == []

    tomorrow = TODAY + timedelta(days=1)
    clock.set(at(18, 0, tomorrow))
    journal.add(r.Checkin(day=tomorrow, burnout=2, connection=4))
    assert notices.take_due(journal, at(18, 0, tomorrow)) == []  # that day is logged
    Settings(journal)["reminder_time"] = "09:30"
    Settings(journal)["reminder_enabled"] = False
    assert notices.take_due(journal, at(10, 0, tomorrow + timedelta(days=1))) == []
    Settings(journal)["reminder_enabled"] = True
    assert kinds(notices.take_due(journal, at(9, 30, tomorrow + timedelta(days=1)))) == ["checkin"]


def test_a_notice_said_is_remembered_in_the_journal(journal):
    quiet_journal(journal)
    assert kinds(notices.take_due(journal, at(18))) == ["checkin"]
    journal.close()
    again = journal.connect_again()
    try:
        assert notices.take_due(again, at(19)) == []
    finally:
        again.close()


def test_quiet_hours_hold_a_notice_until_they_end(journal):
    quiet_journal(journal)
    Settings(journal)["reminder_time"] = "06:00"
    Settings(journal)["quiet_hours"] = "22:00-08:00"  # over midnight
    assert notices.in_quiet_hours(journal, at(23, 30))
    assert notices.in_quiet_hours(journal, at(7, 59))
    assert not notices.in_quiet_hours(journal, at(8, 0))
    assert notices.take_due(journal, at(7, 59)) == []  # held, not lost
    assert kinds(notices.take_due(journal, at(8, 0))) == ["checkin"]

    Settings(journal)["quiet_hours"] = "12:00-13:30"  # within a day
    assert [
        notices.in_quiet_hours(journal, at(h, m)) for h, m in [(11, 59), (12, 0), (13, 30)]
    ] == [
        False,
        True,
        False,
    ]
    Settings(journal)["quiet_hours"] = ""
    assert not notices.in_quiet_hours(journal, at(3, 0))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("22:00-08:00", "22:00-08:00"), (" 21:30 – 07:15 ", "21:30-07:15"), ("", "")],
)
def test_quiet_hours_are_stored_normalised(journal, typed, stored):
    Settings(journal)["quiet_hours"] = typed
    assert Settings(journal)["quiet_hours"] == stored


@pytest.mark.parametrize("typed", ["22:00", "10pm-8am", "08:00-08:00", "22:00-08:00-09:00", 5])
def test_quiet_hours_refuse_what_is_not_a_span(journal, typed):
    with pytest.raises(InvalidInput) as refused:
        Settings(journal)["quiet_hours"] = typed
    assert refused.value.field == "Quiet hours"


def test_a_plan_is_recalled_once_on_its_day_and_again_when_moved(journal, clock):
    quiet_journal(journal)
    Settings(journal)["nudges_enabled"] = True
    plan = planned_with_dana(journal, clock, TODAY + timedelta(days=1))
    Settings(journal)["nudges_enabled"] = False
    Settings(journal)["reminder_enabled"] = False
    assert notices.take_due(journal, at(11)) == []  # not yet its day
    tomorrow = TODAY + timedelta(days=1)
    clock.set(at(9, 0, tomorrow))
    [recall] = notices.take_due(journal, at(9, 0, tomorrow))
    assert (recall.kind, recall.nudge_id, recall.person) == ("planned", plan.id, "Dana")
    assert recall.title == "Touchpoint planned with Dana"
    assert recall.body.startswith("You planned a touchpoint with Dana for today: ")
    assert recall.action == "Log the touchpoint" and recall.key == f"planned:{plan.id}"
    assert notices.take_due(journal, at(15, 0, tomorrow)) == []
    assert notices.still_wanted(journal, recall, tomorrow)

    moved = nudges.plan(journal, plan.id, plan.planned_person_id, tomorrow + timedelta(days=2))
    assert notices.take_due(journal, at(9, 0, tomorrow + timedelta(days=1))) == []
    later = tomorrow + timedelta(days=3)  # the app was not running on the new day
    clock.set(at(9, 0, later))
    [missed] = notices.take_due(journal, at(9, 0, later))
    assert f"for {moved.planned_day:%a %d %b}:" in missed.body

    logged = journal.add(r.Touchpoint(at=clock(), kind="one-to-one", person="Dana"))
    nudges.touchpoint_logged(journal, logged)
    assert not notices.still_wanted(journal, missed, later)
    assert journal.setting(notices.PLANNED_SAID_KEY) == [f"{plan.id}@{moved.planned_day}"]
    notices.take_due(journal, at(10, 0, later))
    assert journal.setting(notices.PLANNED_SAID_KEY) == []  # closed plans are forgotten


def test_one_new_nudge_a_day_each_only_once(journal, clock):
    Settings(journal)["quiet_hours"] = ""
    Settings(journal)["reminder_enabled"] = False
    journal.add(r.Touchpoint(at=clock() - timedelta(days=20), kind="pairing", person="Dana"))
    journal.add(r.Person(name="Sam", cadence_days=7))
    journal.add(r.Touchpoint(at=clock() - timedelta(days=9), kind="pairing", person="Sam"))
    stored = nudges.refresh(journal)
    assert len(stored) >= 2
    [first] = notices.take_due(journal, at(11))
    assert first.kind == "nudge" and first.action == "See the nudge"
    assert first.nudge_id == stored[-1].id  # the newest
    told = nudges.explain(journal, [journal.get(r.Nudge, first.nudge_id)])[0]
    assert (first.title, first.body) == (told.title, told.what_to_do)
    assert notices.take_due(journal, at(12)) == []  # one a day

    clock.advance(days=1)
    [second] = notices.take_due(journal, at(11, day=TODAY + timedelta(days=1)))
    assert second.nudge_id != first.nudge_id
    assert notices.still_wanted(journal, second)
    nudges.snooze(journal, second.nudge_id)
    assert not notices.still_wanted(journal, second)  # withdrawn once snoozed


def test_no_nudge_is_notified_with_nudges_switched_off(journal, clock):
    Settings(journal)["quiet_hours"] = ""
    journal.add(r.Touchpoint(at=clock() - timedelta(days=20), kind="pairing", person="Dana"))
    assert nudges.refresh(journal)
    Settings(journal)["nudges_enabled"] = False
    assert notices.take_due(journal, at(11)) == []
    Settings(journal)["nudges_enabled"] = True
    assert kinds(notices.take_due(journal, at(11, 1))) == ["nudge"]


def test_while_locked_only_the_checkin_reminder_is_due_the_rest_waits(journal, clock):
    Settings(journal)["quiet_hours"] = ""
    journal.add(r.Touchpoint(at=clock() - timedelta(days=20), kind="pairing", person="Dana"))
    nudges.refresh(journal)
    assert kinds(notices.take_due(journal, at(18), locked=True)) == ["checkin"]
    assert kinds(notices.take_due(journal, at(18, 1))) == ["nudge"]  # after the unlock


def test_a_checkin_reminder_showing_is_withdrawn_once_the_day_is_logged(journal, clock):
    quiet_journal(journal)
    [reminder] = notices.take_due(journal, at(18))
    assert notices.still_wanted(journal, reminder, TODAY)
    journal.add(r.Checkin(day=TODAY, burnout=2, connection=4))
    assert not notices.still_wanted(journal, reminder, TODAY)
