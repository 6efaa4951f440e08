"""Days and times as people type them: the grammar, with the day it is counted from given."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.model.errors import InvalidInput
from aijournal.model.plain_dates import DAY_FORMS, MOMENT_FORMS, parse_day, parse_moment

FRIDAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 10, 0).astimezone()  # a Friday morning, local time

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", FRIDAY),
        (" Yesterday ", date(2026, 11, 26)),
        ("tomorrow", date(2026, 11, 28)),
        ("fri", FRIDAY),  # today is a Friday: "fri" is today
        ("friday", FRIDAY),
        ("last friday", date(2026, 11, 20)),  # "last" is never today
        ("mon", date(2026, 11, 23)),
        ("MONDAY", date(2026, 11, 23)),
        ("last mon", date(2026, 11, 23)),
        ("sat", date(2026, 11, 21)),
        ("tues", date(2026, 11, 24)),
        ("thurs", date(2026, 11, 26)),
        ("sun", date(2026, 11, 22)),
        ("1 day ago", date(2026, 11, 26)),
        ("3 days ago", date(2026, 11, 24)),
        ("0 days ago", FRIDAY),
        ("2 weeks ago", date(2026, 11, 13)),
        ("1 week ago", date(2026, 11, 20)),
        ("2026-02-28", date(2026, 2, 28)),
        ("2024-02-29", date(2024, 2, 29)),
        ("next friday", date(2026, 12, 4)),  # "next" is never today
        ("next mon", date(2026, 11, 30)),
        ("in 3 days", date(2026, 11, 30)),
        ("in 1 week", date(2026, 12, 4)),
    ],
)
def test_days_in_words_and_iso(text, expected):
    assert parse_day("date", text, FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fri", FRIDAY),  # today is that day
        ("mon", date(2026, 11, 30)),  # the coming Monday, not the past one
        ("sat", date(2026, 11, 28)),
        ("thu", date(2026, 12, 3)),
        ("last mon", date(2026, 11, 23)),  # said outright: still the past one
        ("next fri", date(2026, 12, 4)),
        ("yesterday", date(2026, 11, 26)),  # a day to come may still be refused later
    ],
)
def test_a_day_ahead_takes_the_coming_weekday(text, expected):
    assert parse_day("date", text, FRIDAY, ahead=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "someday",
        "2026-02-30",
        "2026-13-01",
        "3 days",
        "days ago",
        "-3 days ago",
        "next",
        "next last friday",
        "in 3",
        "in -3 days",
        "last",
        "14:30",
        "9999999 days ago",
        "999999 weeks ago",
        "frid",
    ],
)
def test_other_days_are_refused_with_the_forms_allowed(text):
    with pytest.raises(InvalidInput) as refused:
        parse_day("date", text, FRIDAY)
    assert refused.value.field == "date" and refused.value.value == text
    assert refused.value.allowed == DAY_FORMS
    assert "\n" not in str(refused.value) and "yesterday" in str(refused.value)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("14:30", FRIDAY, time(14, 30)),  # a time alone is today, even later today
        ("9:05", FRIDAY, time(9, 5)),
        ("yesterday 14:30", date(2026, 11, 26), time(14, 30)),
        ("yesterday at 8:00", date(2026, 11, 26), time(8, 0)),
        ("mon 9:00", date(2026, 11, 23), time(9, 0)),
        ("3 days ago 23:59:30", date(2026, 11, 24), time(23, 59, 30)),
        ("last fri 07:15", date(2026, 11, 20), time(7, 15)),
        ("yesterday", date(2026, 11, 26), time(10, 0)),  # this time yesterday
        ("2026-03-01T14:30", date(2026, 3, 1), time(14, 30)),
        ("2026-03-01 14:30", date(2026, 3, 1), time(14, 30)),
        ("2026-03-01", date(2026, 3, 1), time(0, 0)),  # ISO: its midnight
    ],
)
def test_moments_in_words_and_iso_are_local_time(text, day, at):
    moment = parse_moment("when", text, NOW)
    assert (moment.date(), moment.time()) == (day, at)
    assert moment.utcoffset() == datetime.combine(day, at).astimezone().utcoffset()


def test_today_without_a_time_is_now_and_an_offset_is_kept():
    assert parse_moment("when", "today", NOW) == NOW
    assert parse_moment("when", "fri", NOW) == NOW
    given = parse_moment("when", "2026-03-01T14:30+02:00", NOW)
    assert given.utcoffset() == timedelta(hours=2) and given.hour == 14
    assert parse_moment("when", "2026-03-01T14:30Z", NOW).utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "now-ish",
        "25:00",
        "14:60",
        "yesterday 25:00",
        "someday 14:30",
        "14",
        "14:3",
        "2026-02-30T10:00",
        "tomorrow at",
        "9999999 days ago 10:00",
    ],
)
def test_other_moments_are_refused_with_the_forms_allowed(text):
    with pytest.raises(InvalidInput) as refused:
        parse_moment("when", text, NOW)
    assert refused.value.field == "when" and refused.value.value == text
    assert refused.value.allowed == MOMENT_FORMS


@given(today=days, count=st.integers(min_value=0, max_value=3000))
def test_n_days_ago_is_exactly_n_days_before_today(today, count):
    unit = "day" if count == 1 else "days"
    assert parse_day("date", f"{count} {unit} ago", today) == today - timedelta(days=count)
    assert parse_day("date", f"{count} weeks ago", today) == today - timedelta(weeks=count)


@given(today=days, name=st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]))
def test_a_weekday_is_the_most_recent_one_and_last_is_before_today(today, name):
    day = parse_day("date", name, today)
    last = parse_day("date", f"last {name}", today)
    assert day.strftime("%a").casefold() == name == last.strftime("%a").casefold()
    assert 0 <= (today - day).days <= 6
    assert 1 <= (today - last).days <= 7
    coming = parse_day("date", name, today, ahead=True)
    following = parse_day("date", f"next {name}", today)
    assert coming.strftime("%a").casefold() == name == following.strftime("%a").casefold()
    assert 0 <= (coming - today).days <= 6
    assert 1 <= (following - today).days <= 7


@given(day=days, today=days)
def test_any_iso_date_round_trips(day, today):
    assert parse_day("date", day.isoformat(), today) == day


@given(
    moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
    offset=st.integers(min_value=-14 * 60, max_value=14 * 60),
)
def test_any_iso_moment_with_an_offset_round_trips(moment, offset):
    from datetime import timezone

    aware = moment.replace(tzinfo=timezone(timedelta(minutes=offset)))
    assert parse_moment("when", aware.isoformat(), NOW) == aware
    assert parse_moment("when", aware.isoformat(), NOW).utcoffset() == aware.utcoffset()


@given(
    day=st.dates(min_value=date(1970, 1, 2), max_value=date(2200, 1, 1)),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
)
def test_a_time_alone_is_that_time_on_the_day_of_now(day, hour, minute):
    now = datetime.combine(day, time(12)).astimezone()
    moment = parse_moment("when", f"{hour}:{minute:02d}", now)
    assert moment.date() == day and (moment.hour, moment.minute) in {
        (hour, minute),
        (hour + 1, minute),
    }


def test_a_day_across_a_dst_change_gets_the_offset_of_that_day(berlin):
    now = datetime(2026, 3, 30, 10, 0).astimezone()  # summer time began on Sunday 29 March
    assert now.utcoffset() == timedelta(hours=2)
    before = parse_moment("when", "2 days ago 12:00", now)
    assert (before.date(), before.hour, before.utcoffset()) == (
        date(2026, 3, 28),
        12,
        timedelta(hours=1),
    )
    same_time = parse_moment("when", "3 days ago", now)  # this time of day, in winter time
    assert (same_time.hour, same_time.utcoffset()) == (10, timedelta(hours=1))
    assert now - same_time == timedelta(days=3, hours=-1)
