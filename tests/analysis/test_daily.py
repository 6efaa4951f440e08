"""The days Insights reads: epoch days, Days (series, between, equality) and read_days's limits."""

from datetime import date, datetime, time, timedelta

import numpy as np
import pytest

from aijournal.analysis.daily import Days, Occasion, calendar, epoch, factor_series, read_days
from aijournal.model import records as r

TODAY = date(2026, 11, 27)  # the clock fixture's day


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def days_of(n: int, **changes) -> Days:
    """`n` days from epoch day 100: burnout 1…n, everything else a plain count."""
    day = np.arange(100, 100 + n)
    measures = [np.arange(1.0, n + 1), *(np.full(n, 3.0) for _ in range(3))]
    measures += [np.arange(n, dtype=float) % 3, *(np.ones(n) for _ in range(4))]
    return Days.of(day, measures, **changes)


def test_epoch_days_count_from_1970_and_go_back():
    assert epoch(date(1970, 1, 1)) == 0 and epoch(date(1970, 1, 11)) == 10
    assert epoch(date(1969, 12, 31)) == -1
    assert calendar(epoch(TODAY)) == TODAY and calendar(np.int64(1)) == date(1970, 1, 2)
    assert factor_series("abc") == "factor:abc"


def test_augmentation_is_the_share_of_the_days_ai_uses_and_nan_without_any():
    days = days_of(3)  # ai_uses 0, 1, 2; augmenting 1 each day
    np.testing.assert_array_equal(days.series("augmentation"), [np.nan, 1.0, 0.5])
    assert days.series("burnout").dtype == np.float64
    with pytest.raises(AttributeError):
        days.series("no such measure")


def test_between_keeps_both_ends_and_the_occasions_and_extras_inside():
    walk = np.array([1.0, 0, 1, 0, 1])
    occasions = (Occasion(100, True), Occasion(102, False), Occasion(104, True))
    days = days_of(5, occasions=occasions, extra={"factor:walk": walk})
    part = days.between(101, 103)
    assert part.day.tolist() == [101, 102, 103]
    assert part.burnout.tolist() == [2.0, 3.0, 4.0]
    assert part.occasions == (Occasion(102, False),)
    assert part.series("factor:walk").tolist() == [0.0, 1.0, 0.0]
    assert days.between(200, 300).day.tolist() == []


def test_days_are_equal_by_value_with_nan_equal_and_are_not_hashable():
    first, second = days_of(4), days_of(4)
    first.energy[1] = second.energy[1] = np.nan
    assert first == second
    second.energy[2] = 4.0
    assert first != second
    assert days_of(2) != days_of(2, occasions=(Occasion(100, True),))
    assert days_of(2) != days_of(2, extra={"factor:x": np.ones(2)})
    with pytest.raises(TypeError):
        hash(first)


def test_read_days_keeps_to_its_period_and_reads_nudge_occasions(journal):
    for offset in range(5):
        journal.save_checkin(r.Checkin(day=TODAY - timedelta(days=offset), burnout=2, connection=3))
    for offset, status in ((4, "acted"), (2, "dismissed"), (1, "acted")):
        day = TODAY - timedelta(days=offset)
        journal.add(r.Nudge(rule_id="lonely", day=day, facts=(), message="Meet", status=status))
    journal.add(
        r.AIUse(started_at=at(TODAY - timedelta(days=4)), tool="C", pattern="learning", minutes=7)
    )
    start, end = TODAY - timedelta(days=3), TODAY - timedelta(days=1)
    days = read_days(journal, start, end)
    assert days.day.tolist() == [epoch(start), epoch(start) + 1, epoch(end)]
    assert days.ai_minutes.tolist() == [0, 0, 0]  # the use before the period is not counted
    assert days.occasions == (Occasion(epoch(end) - 1, False), Occasion(epoch(end), True))


def test_an_empty_journal_reads_as_no_days(journal):
    days = read_days(journal)
    assert len(days.day) == 0 and days.occasions == () and days.extra == {}
    assert days == days_of(0)
