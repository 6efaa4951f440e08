"""Analysis windows: their days, how they follow one another and the error budget each spends."""

from datetime import date, timedelta

import pytest

from aijournal.analysis import schedule

FIRST = date(2026, 1, 15)


def test_the_first_four_windows_all_start_on_the_first_check_in_and_spend_nine_percent():
    windows = [schedule.window(FIRST, n) for n in range(1, 5)]
    assert [w.days for w in windows] == [30, 60, 120, 240]
    assert {w.start for w in windows} == {FIRST}
    assert sum(w.alpha for w in windows) == pytest.approx(0.09)
    assert windows[0].end == date(2026, 2, 13)


def test_later_windows_are_240_days_each_back_to_back_at_four_percent():
    fourth, fifth, sixth = (schedule.window(FIRST, n) for n in (4, 5, 6))
    assert fifth.start == fourth.end + timedelta(days=1)
    assert sixth.start == fifth.end + timedelta(days=1)
    assert (fifth.days, sixth.days) == (240, 240)
    assert (fifth.alpha, sixth.alpha) == (0.04, 0.04)
    assert sixth.number == 6


def test_a_window_counts_once_its_last_day_is_reached():
    first = schedule.window(FIRST, 1)
    assert schedule.latest(FIRST, first.end - timedelta(days=1)) is None
    assert schedule.latest(FIRST, first.end) == first
    assert schedule.latest(FIRST, FIRST - timedelta(days=3)) is None  # before the first day
    assert schedule.latest(FIRST, schedule.window(FIRST, 7).end).number == 7


def test_following_starts_with_the_first_and_then_steps_one_at_a_time():
    assert schedule.following(None, FIRST) == schedule.window(FIRST, 1)
    second = schedule.window(FIRST, 2)
    assert schedule.following(second, FIRST).number == 3
    assert schedule.following(schedule.window(FIRST, 4), FIRST).start == FIRST + timedelta(days=240)


def test_windows_depend_only_on_the_first_day():
    moved = FIRST + timedelta(days=10)
    assert schedule.window(moved, 3).end - schedule.window(FIRST, 3).end == timedelta(days=10)
    assert schedule.window(FIRST, 3) == schedule.window(FIRST, 3)  # fixed: equal each time
