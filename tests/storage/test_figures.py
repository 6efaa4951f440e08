"""The figures part: counts, sums and means grouped by day, week or month in SQL."""

from datetime import date, datetime, timedelta

from aijournal.model import records as r
from aijournal.model.dates import epoch_day

MONDAY = date(2026, 11, 23)  # the clock's Friday is 2026-11-27


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def use(day: date, pattern="learning", minutes=30, **more) -> r.AIUse:
    return r.AIUse(started_at=at(day), tool="Claude", pattern=pattern, minutes=minutes, **more)


def checkin(day: date, burnout: int, connection: int, **more) -> r.Checkin:
    return r.Checkin(day=day, burnout=burnout, connection=connection, **more)


def test_ai_use_totals_per_week_and_pattern(journal, clock):
    clock.set(at(MONDAY + timedelta(days=7)))  # the week is over
    goal = journal.add(r.Goal(name="Reporting"))
    journal.add(use(MONDAY, minutes=20, goal_id=goal.id))
    journal.add(use(MONDAY + timedelta(days=6), minutes=10, replaced_person=True))  # Sunday
    journal.add(use(MONDAY + timedelta(days=2), pattern="directive", minutes=5))
    journal.add(use(MONDAY - timedelta(days=1), minutes=40))  # the Sunday before
    gone = journal.add(use(MONDAY, minutes=99))
    journal.delete(gone)
    week = epoch_day(MONDAY)
    assert journal.ai_use_totals(MONDAY - timedelta(days=7), None) == [
        (week - 7, "learning", 1, 40, 0, 0),
        (week, "directive", 1, 5, 0, 0),
        (week, "learning", 2, 30, 20, 1),
    ]
    assert journal.ai_use_totals(MONDAY, MONDAY, period="day") == [(week, "learning", 1, 20, 20, 0)]


def test_touchpoint_totals_of_one_kind(journal):
    journal.add(r.Touchpoint(at=at(MONDAY), kind="pairing", minutes=30))
    journal.add(r.Touchpoint(at=at(MONDAY + timedelta(days=1)), kind="pairing"))  # no minutes
    journal.add(r.Touchpoint(at=at(MONDAY), kind="social", minutes=60))
    week = epoch_day(MONDAY)
    assert journal.touchpoint_totals(None, None) == [(week, 3, 90)]
    assert journal.touchpoint_totals(None, None, kind="pairing") == [(week, 2, 30)]
    assert journal.touchpoints_by_kind(MONDAY, MONDAY + timedelta(days=6)) == {
        "pairing": (2, 30),
        "social": (1, 60),
    }
    assert journal.touchpoint_days(MONDAY, MONDAY + timedelta(days=6)) == {
        MONDAY,
        MONDAY + timedelta(days=1),
    }
    assert journal.last_touchpoint_day("pairing") == MONDAY + timedelta(days=1)
    assert journal.last_touchpoint_day("mentoring-given") is None


def test_check_in_means_and_the_calendar(journal):
    journal.save_checkin(checkin(MONDAY, 1, 5))
    journal.save_checkin(checkin(MONDAY + timedelta(days=1), 4, 2, energy=3))
    journal.add(use(MONDAY + timedelta(days=1)))
    journal.add(use(MONDAY + timedelta(days=2)))
    assert journal.checkin_totals(None, None) == [(epoch_day(MONDAY), 2, 2.5, 3.5)]
    assert journal.checkin_values(None, None) == [
        (epoch_day(MONDAY), 1, 5, None, None),
        (epoch_day(MONDAY) + 1, 4, 2, 3, None),
    ]
    assert journal.calendar_days(MONDAY, MONDAY + timedelta(days=6)) == [
        ("2026-11-23", 1, 5, 1),
        ("2026-11-24", 4, 2, 2),
        ("2026-11-25", None, None, 1),  # no check-in that day
    ]


def test_check_in_runs_longest_and_latest(journal):
    for offset in (0, 1, 2, 5, 6):  # three days in a row, a gap, two days
        journal.save_checkin(checkin(MONDAY - timedelta(days=10) + timedelta(days=offset), 2, 3))
    longest, latest = journal.checkin_runs(MONDAY)
    assert longest == ("2026-11-13", "2026-11-15", 3)
    assert latest == ("2026-11-18", "2026-11-19", 2)
    assert journal.checkin_runs(date(2026, 11, 13)) == (
        ("2026-11-13", "2026-11-13", 1),
        ("2026-11-13", "2026-11-13", 1),
    )


def test_an_empty_journal_has_no_figures(journal):
    assert journal.first_entry_day() is None
    assert journal.checkin_runs(MONDAY) == ()
    assert journal.ai_use_totals(None, None) == []
    assert journal.latest_scores(MONDAY) == {}
    assert journal.checkin_halves(MONDAY, MONDAY, MONDAY)[0]["days"] == 0


def test_first_entry_day_and_latest_scores(journal):
    journal.add(r.Touchpoint(at=at(date(2026, 10, 3)), kind="social"))
    journal.add(use(date(2026, 10, 5)))
    assert journal.first_entry_day() == date(2026, 10, 3)
    for day, score in ((date(2026, 10, 1), 40.0), (date(2026, 11, 1), 55.0)):
        journal.add(r.Assessment(instrument="who5", day=day, answers=(3,), score=score))
    journal.add(r.Assessment(instrument="ucla3", day=date(2026, 9, 1), answers=(1,), score=3.0))
    assert journal.latest_scores(date(2026, 10, 15)) == {"who5": (date(2026, 11, 1), 55.0)}


def test_checkin_halves_split_at_the_middle(journal):
    for offset, burnout in enumerate((1, 3, 4, 5)):
        journal.save_checkin(checkin(MONDAY + timedelta(days=offset), burnout, 3, safety=4))
    halves = {
        row["part"]: row
        for row in journal.checkin_halves(MONDAY, MONDAY + timedelta(days=2), MONDAY + timedelta(3))
    }
    assert halves["all"]["days"] == 4 and halves["all"]["burnout"] == 3.25
    assert halves["all"]["burnout_days"] == 3 and halves["all"]["energy"] is None
    assert (halves["first"]["days"], halves["first"]["burnout"]) == (2, 2.0)
    assert (halves["second"]["days"], halves["second"]["burnout_days"]) == (2, 2)


def test_touchpoints_by_person_and_nudge_counts(journal):
    journal.add(r.Touchpoint(at=at(MONDAY), kind="pairing", person="Dana", minutes=30))
    journal.add(r.Touchpoint(at=at(MONDAY), kind="pairing", person="Dana", minutes=15))
    journal.add(r.Touchpoint(at=at(MONDAY), kind="social", person="Ali"))
    journal.add(r.Touchpoint(at=at(MONDAY), kind="social"))  # nobody named
    people = journal.touchpoints_by_person(MONDAY, MONDAY)
    assert [(p["name"], p["touchpoints"], p["minutes"]) for p in people] == [
        ("Dana", 2, 45),
        ("Ali", 1, 0),
        (None, 1, 0),  # nobody named comes last
    ]
    for status, helped in (("acted", True), ("acted", False), ("dismissed", None)):
        journal.add(
            r.Nudge(
                rule_id="quiet", day=MONDAY, facts=(), message="m", status=status, helped=helped
            )
        )
    assert journal.nudge_counts(MONDAY, MONDAY) == [
        {"rule_id": "quiet", "fired": 3, "acted": 2, "dismissed": 1, "helped": 1, "not_helped": 1}
    ]
