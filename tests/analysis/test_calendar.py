"""The calendar's figures and the check-in streaks, against a real journal."""

from datetime import date, datetime, time, timedelta

import pytest

from aijournal.analysis import calendar
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput

TODAY = date(2026, 11, 27)  # the `clock` fixture's Friday


def check_in(journal, day: date, burnout: int = 2, connection: int = 4) -> r.Checkin:
    return journal.save_checkin(r.Checkin(day=day, burnout=burnout, connection=connection))[0]


def check_in_days(journal, first: date, days: int) -> None:
    for number in range(days):
        check_in(journal, first + timedelta(days=number))


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def test_an_empty_journal_has_every_day_and_no_streak(journal):
    year = calendar.build(journal, 2026)
    assert len(year.days) == 365 and year.days[0].day == date(2026, 1, 1)
    assert year.days[-1].day == date(2026, 12, 31)
    assert year.logged_days == 0 and (year.current, year.longest) == (None, None)
    assert all(not d.checkin and d.entries == 0 and d.band is None for d in year.days)
    assert year.streak_text() == (
        "Current streak: none (check in today to start one)",
        "Longest streak: none yet",
    )


def test_each_day_has_its_answers_band_and_entries(journal):
    march = date(2026, 3, 3)
    check_in(journal, march, burnout=2, connection=4)
    check_in(journal, march + timedelta(days=1), burnout=5, connection=1)
    for minutes in (10, 20):
        journal.add(
            r.AIUse(started_at=at(march), tool="Claude", pattern="learning", minutes=minutes)
        )
    journal.add(r.Touchpoint(at=at(march, 15), kind="pairing"))
    journal.add(r.Assessment(instrument="who5", day=march, answers=(3, 3, 3, 3, 3), score=60.0))
    only_uses = date(2026, 3, 10)
    journal.add(r.AIUse(started_at=at(only_uses), tool="Claude", pattern="directive", minutes=5))
    gone = journal.add(r.Touchpoint(at=at(only_uses, 11), kind="social"))
    journal.delete(gone)
    journal.delete(check_in(journal, date(2026, 3, 20)))

    by_burnout = {d.day: d for d in calendar.build(journal, 2026, 3).days}
    assert len(by_burnout) == 31
    tuesday = by_burnout[march]
    assert (tuesday.checkin, tuesday.burnout, tuesday.connection) == (True, 2, 4)
    assert (tuesday.entries, tuesday.band) == (5, 2)  # check-in, 2 AI uses, touchpoint, WHO-5
    assert tuesday.describe() == "Tue 3 March 2026: burnout 2, connection 4 (5 entries)"
    assert (by_burnout[march + timedelta(days=1)].band, by_burnout[only_uses].entries) == (5, 1)
    assert not by_burnout[only_uses].checkin and by_burnout[only_uses].band is None
    assert by_burnout[only_uses].describe() == "Tue 10 March 2026: no check-in (1 entry)"
    assert by_burnout[date(2026, 3, 20)] == calendar.Day(
        date(2026, 3, 20), False, None, None, 0, None
    )

    by_connection = {d.day: d for d in calendar.build(journal, 2026, 3, "connection").days}
    assert by_connection[march].band == 2  # connection 4: second best
    assert by_connection[march + timedelta(days=1)].band == 5  # connection 1: the worst


def test_bands_put_the_best_answer_first_on_both_measures():
    assert [calendar.band("burnout", v) for v, _ in calendar.SCALES["burnout"]] == [1, 2, 3, 4, 5]
    assert [calendar.band("connection", v) for v, _ in calendar.SCALES["connection"]] == [
        1,
        2,
        3,
        4,
        5,
    ]


def test_the_current_streak_ends_today_or_yesterday_and_a_gap_ends_it(journal, clock):
    check_in_days(journal, date(2026, 10, 1), 10)  # 1–10 October: the longest
    check_in_days(journal, TODAY - timedelta(days=3), 3)  # Tuesday to Thursday; not today yet
    year = calendar.build(journal, 2026)
    assert year.current == calendar.Streak(date(2026, 11, 24), date(2026, 11, 26), 3)
    assert year.longest == calendar.Streak(date(2026, 10, 1), date(2026, 10, 10), 10)
    assert year.streak_text() == (
        "Current streak: 3 days, 24 Nov 2026 to 26 Nov 2026 (check in today to keep it)",
        "Longest streak: 10 days, 1 Oct 2026 to 10 Oct 2026",
    )
    check_in(journal, TODAY)
    assert calendar.build(journal, 2026).current.days == 4
    clock.advance(days=2)  # Sunday: Saturday was missed
    assert calendar.build(journal, 2026).current is None
    assert calendar.build(journal, 2026).longest.days == 10


def test_of_equal_streaks_the_longest_is_the_later(journal):
    check_in_days(journal, date(2026, 5, 1), 4)
    check_in_days(journal, date(2026, 6, 1), 4)
    assert calendar.build(journal, 2026).longest.first == date(2026, 6, 1)


def test_a_leap_year_has_29_february(journal, clock):
    clock.set(datetime(2024, 3, 2, 9, 0))
    check_in_days(journal, date(2024, 2, 27), 5)  # 27 Feb to 2 March over 29 February
    leap = calendar.build(journal, 2024)
    assert len(leap.days) == 366 and len(leap.month_days(2)) == 29
    assert {d.day for d in leap.days if d.checkin} == {
        date(2024, 2, 27),
        date(2024, 2, 28),
        date(2024, 2, 29),
        date(2024, 3, 1),
        date(2024, 3, 2),
    }
    assert leap.current == calendar.Streak(date(2024, 2, 27), date(2024, 3, 2), 5)
    assert len(calendar.build(journal, 2024, 2).days) == 29
    assert len(calendar.build(journal, 2023, 2).days) == 28


def test_a_streak_spanning_new_year_counts_both_years(journal, clock):
    clock.set(datetime(2026, 1, 3, 8, 0))
    check_in_days(journal, date(2025, 12, 29), 5)  # 29 Dec 2025 to 2 Jan 2026
    new_year = calendar.build(journal, 2026)
    assert new_year.current == calendar.Streak(date(2025, 12, 29), date(2026, 1, 2), 5)
    assert new_year.logged_days == 2  # the year itself holds two of the days
    assert calendar.build(journal, 2025).longest == new_year.longest == new_year.current


def test_streaks_across_a_dst_change_count_local_days(journal, clock, berlin):
    # Summer time begins on Sunday 29 March 2026: a 23-hour day is still one day.
    check_in_days(journal, date(2026, 3, 27), 5)  # Friday 27 to Tuesday 31 March
    # 00:30 on Wednesday 1 April in Berlin is still 31 March in UTC: today is the local day.
    clock.set(datetime.combine(date(2026, 4, 1), time(0, 30)).astimezone())
    assert clock().utcoffset() == timedelta(hours=2)
    spring = calendar.build(journal, 2026, 3)
    assert spring.today == date(2026, 4, 1)
    assert spring.current == calendar.Streak(date(2026, 3, 27), date(2026, 3, 31), 5)
    assert [d.day.day for d in spring.days if d.checkin] == [27, 28, 29, 30, 31]


def test_future_check_ins_from_another_clock_do_not_make_a_streak(journal, clock):
    check_in(journal, TODAY)
    clock.set(datetime(2026, 11, 20, 9, 0))  # the clock went back: 27 November is "future"
    check_in(journal, date(2026, 11, 20))
    assert calendar.build(journal, 2026).current == calendar.Streak(
        date(2026, 11, 20), date(2026, 11, 20), 1
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"measure": "energy"}, "measure"), ({"month": 13}, "month"), ({"year": 0}, "year")],
)
def test_bad_choices_are_refused(journal, kwargs, field):
    with pytest.raises(InvalidInput) as refused:
        calendar.build(journal, **({"year": 2026} | kwargs))
    assert refused.value.field == field


def test_the_year_is_one_query_through_the_day_indexes(journal):
    check_in(journal, TODAY)
    statements: list[str] = []
    journal.db.conn.set_trace_callback(statements.append)
    try:
        calendar.build(journal, 2026)
    finally:
        journal.db.conn.set_trace_callback(None)
    year, streaks = statements  # the days of the year, and the streaks
    assert "ai_uses" in year and "julianday" in streaks
    plan = " / ".join(row[-1] for row in journal.db.execute(f"EXPLAIN QUERY PLAN {year}"))
    for index in ("checkins_one_per_day", "ai_uses_day", "touchpoints_day"):
        assert index in plan, plan
    for table in ("checkins", "ai_uses", "touchpoints"):
        assert f"SCAN {table} " not in f"{plan} ", plan
