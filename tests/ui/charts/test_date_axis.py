"""The one-level date axis: which days get ticks, how they read, and that labels never touch."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from aijournal.ui.charts.date_axis import GAP_PX, DayAxis, label, tick_days
from aijournal.ui.charts.growth import seconds


def test_day_ticks_are_every_day_or_every_other_on_a_fixed_grid():
    first, last = date(2026, 10, 28), date(2026, 11, 2)
    assert list(tick_days(first, last, "day", 1)) == [first + timedelta(days=n) for n in range(6)]
    pairs = list(tick_days(first, last, "day", 2))
    shifted = list(tick_days(first + timedelta(days=1), last, "day", 2))
    assert len(pairs) == 3 and {d.toordinal() % 2 for d in pairs} == {0}
    assert shifted == [d for d in pairs if d > first]  # the same days whatever the start


def test_week_ticks_are_mondays_and_the_same_mondays_whatever_the_range():
    weekly = list(tick_days(date(2026, 11, 4), date(2026, 11, 30), "week", 1))
    assert weekly == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30)]
    fortnight = list(tick_days(date(2026, 9, 1), date(2026, 12, 31), "week", 2))
    later = list(tick_days(date(2026, 10, 6), date(2026, 12, 31), "week", 2))
    assert all(d.weekday() == 0 for d in fortnight)
    assert {b - a for a, b in zip(fortnight, fortnight[1:])} == {timedelta(weeks=2)}
    assert later == [d for d in fortnight if d >= date(2026, 10, 6)]


def test_month_and_year_ticks_start_at_the_first_whole_one():
    assert list(tick_days(date(2026, 1, 15), date(2026, 5, 1), "month", 1)) == [
        date(2026, 2, 1),
        date(2026, 3, 1),
        date(2026, 4, 1),
        date(2026, 5, 1),
    ]
    quarters = list(tick_days(date(2026, 1, 1), date(2026, 12, 31), "month", 3))
    assert quarters == [date(2026, m, 1) for m in (1, 4, 7, 10)]
    assert list(tick_days(date(2020, 3, 1), date(2031, 1, 1), "year", 5)) == [
        date(2025, 1, 1),
        date(2030, 1, 1),
    ]
    assert list(tick_days(date(2026, 3, 1), date(2026, 2, 1), "day", 1)) == []  # no range


def test_labels_read_as_one_level():
    assert label(date(2026, 10, 6), "day") == "6 Oct"
    assert label(date(2026, 10, 5), "week") == "5 Oct"
    assert label(date(2026, 10, 1), "month") == "Oct"
    assert label(date(2027, 1, 1), "month") == "Jan 2027"
    assert label(date(2027, 1, 1), "year") == "2027"


@pytest.fixture
def axis(qtbot):
    made = DayAxis(orientation="bottom")
    yield made
    made.deleteLater()


@pytest.mark.parametrize("pixels", [2000, 600, 150])
def test_ticks_leave_room_between_labels_at_any_width(axis, pixels):
    start, end = seconds(date(2026, 9, 1)), seconds(date(2026, 11, 30))
    [(spacing, values)] = axis.tickValues(start, end, pixels)
    strings = axis.tickStrings(values, 1, spacing)
    widest = max(axis._width(text) for text in strings)
    gaps = [b - a for a, b in zip(values, values[1:])]
    assert values and all(start <= v <= end for v in values)
    assert min(gaps, default=end - start) * pixels / (end - start) >= widest + GAP_PX
    assert len(set(strings)) == len(strings)  # one level: no label repeats


def test_a_wide_axis_shows_days_and_a_narrow_one_months(axis):
    start, end = seconds(date(2026, 11, 1)), seconds(date(2026, 11, 8))
    [(_, values)] = axis.tickValues(start, end, 1200)
    assert axis.tickStrings(values, 1, 0) == [f"{n} Nov" for n in range(1, 9)]
    start, end = seconds(date(2026, 1, 1)), seconds(date(2026, 12, 31))
    [(_, values)] = axis.tickValues(start, end, 300)
    strings = axis.tickStrings(values, 1, 0)
    assert strings and all(" " not in s or s.startswith("Jan") for s in strings)
    assert all(
        s[:3]
        in {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
        for s in strings
    )


def test_no_ticks_for_an_empty_range_or_no_room(axis):
    day = seconds(date(2026, 11, 1))
    assert axis.tickValues(day, day, 500) == []
    assert axis.tickValues(day + 10, day, 500) == []
    assert axis.tickValues(day, day + 86400 * 30, 0) == []


def test_days_across_the_change_of_clocks_are_each_labelled_once(berlin, axis):
    start, end = seconds(date(2026, 10, 22)), seconds(date(2026, 10, 28))  # clocks go back 25th
    [(_, values)] = axis.tickValues(start, end, 1400)
    assert axis.tickStrings(values, 1, 0) == [f"{n} Oct" for n in range(22, 29)]
    assert values[4] - values[3] == 25 * 3600  # the 25-hour day
