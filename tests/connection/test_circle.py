"""The connection circle: days since each person was met, who is overdue, and in what order."""

from datetime import date, datetime, time, timedelta

from aijournal.connection import circle
from aijournal.model import records as r

TODAY = date(2026, 11, 27)  # the clock fixture's day


def met(journal, name: str, days_ago: int) -> r.Touchpoint:
    day = TODAY - timedelta(days=days_ago)
    return journal.add(
        r.Touchpoint(
            at=datetime.combine(day, time(12)).astimezone(), kind="one-to-one", person=name
        )
    )


def test_overdue_is_days_past_the_cadence_and_never_negative(journal):
    journal.add(r.Person(name="Dana", cadence_days=7))
    journal.add(r.Person(name="Sam", cadence_days=14))
    met(journal, "Dana", 10)
    met(journal, "Sam", 3)
    dana, sam = circle.contacts(journal)
    assert (dana.person.name, dana.last_contact, dana.days_since) == (
        "Dana",
        TODAY - timedelta(10),
        10,
    )
    assert (dana.overdue_days, dana.overdue) == (3, True)
    assert (sam.days_since, sam.overdue_days, sam.overdue) == (3, 0, False)


def test_someone_never_met_is_due_a_first_contact_only_with_a_cadence(journal):
    journal.add(r.Person(name="New colleague", cadence_days=5))
    journal.add(r.Person(name="Old friend"))
    new, old = circle.contacts(journal)
    assert (new.last_contact, new.days_since, new.overdue_days) == (None, None, 5)
    assert (old.person.name, old.overdue_days, old.overdue) == ("Old friend", 0, False)


def test_the_most_overdue_come_first_then_by_name_whatever_the_case(journal):
    for name, cadence, ago in (("bea", None, 1), ("Cal", None, 40), ("Cy", 7, 9), ("Di", 7, 20)):
        journal.add(r.Person(name=name, cadence_days=cadence))
        met(journal, name, ago)
    assert [c.person.name for c in circle.contacts(journal)] == ["Di", "Cy", "bea", "Cal"]


def test_the_newest_touchpoint_counts_and_a_deleted_one_does_not(journal):
    journal.add(r.Person(name="Dana", cadence_days=7))
    met(journal, "Dana", 12)
    latest = met(journal, "Dana", 2)
    assert circle.contacts(journal)[0].days_since == 2
    journal.delete(latest)
    assert circle.contacts(journal)[0].days_since == 12


def test_archived_people_are_left_out_unless_asked_for(journal):
    journal.add(r.Person(name="Dana"))
    journal.add(r.Person(name="Former boss", archived=True))
    assert [c.person.name for c in circle.contacts(journal)] == ["Dana"]
    names = [c.person.name for c in circle.contacts(journal, archived=True)]
    assert sorted(names) == ["Dana", "Former boss"]


def test_today_can_be_given_and_defaults_to_the_journal_clock(journal, clock):
    journal.add(r.Person(name="Dana", cadence_days=7))
    met(journal, "Dana", 7)
    assert not circle.contacts(journal)[0].overdue
    clock.advance(days=1)
    assert circle.contacts(journal)[0].overdue_days == 1
    assert circle.contacts(journal, TODAY + timedelta(days=30))[0].overdue_days == 30
