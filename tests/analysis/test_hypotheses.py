"""The questions Insights asks: when each is testable, how findings read, factors and the family."""

from datetime import date

import numpy as np
import pytest

from aijournal.analysis import hypotheses, schedule
from aijournal.analysis.daily import Days
from aijournal.model import records as r

EPOCH = date(1970, 1, 1)  # windows counted from epoch day 0, as the Days below are
BY_ID = {h.id: h for h in hypotheses.BUILT_IN}


def days_with(n: int, **measures: np.ndarray) -> Days:
    """`n` days from epoch day 0; measures not given are NaN answers and zero figures."""
    nan, zero = np.full(n, np.nan), np.zeros(n)
    answers = [measures.get(m, nan) for m in ("burnout", "connection", "energy", "safety")]
    figures = [
        measures.get(m, zero)
        for m in ("ai_uses", "ai_minutes", "replaced", "augmenting", "touchpoints")
    ]
    return Days.of(np.arange(n), [*answers, *figures])


def test_a_contrast_needs_seven_days_on_each_side():
    rng = np.random.default_rng(2)
    touchpoints = np.zeros(30)
    touchpoints[:6] = 2  # six busy days: one short
    days = days_with(30, connection=3 + rng.standard_normal(30), touchpoints=touchpoints)
    result = BY_ID["touchpoints-connection"].test(days, schedule.window(EPOCH, 1))
    assert not result.tested and result.reason == "fewer than 7 days on one side"
    assert result.groups == (6, 24)


def test_a_contrast_counts_only_days_with_both_answers():
    rng = np.random.default_rng(3)
    connection = 3 + rng.standard_normal(30)
    connection[::2] = np.nan  # 15 answered days
    touchpoints = np.tile([0.0, 0, 2, 2, 2], 6)
    days = days_with(30, connection=connection, touchpoints=touchpoints)
    result = BY_ID["touchpoints-connection"].test(days, schedule.window(EPOCH, 1))
    assert sum(result.groups) == 15


def test_a_change_between_halves_is_judged_only_from_sixty_day_windows():
    burnout = np.r_[np.full(30, 1.0), np.full(30, 4.0)] + np.tile([0.0, 0.5], 30)
    days = days_with(60, burnout=burnout)
    shift = BY_ID["burnout-shift"]
    early = shift.test(days, schedule.window(EPOCH, 1))
    assert not early.tested and early.reason == "judged from windows of 60 days on"
    found = shift.test(days, schedule.window(EPOCH, 2))
    assert found.tested and found.groups == (30, 30) and found.means == (1.25, 4.25)
    assert found.estimate.value == pytest.approx(3.0, abs=0.1)
    assert shift.sentence(found) == (
        "Your burnout was higher in the second half of the period than in the first "
        "(averages 4.2 and 1.2)."
    )
    assert shift.sizes(found) == "30 days in the first half, 30 in the second"


def test_a_share_reads_in_percent_and_is_scaled_to_points():
    share = hypotheses.HalfShift("share-shift", "?", 1.0, measure="augmentation", share=True)
    tested = hypotheses.Tested(share, None, means=(0.25, 0.6))
    assert share.scale == 100.0 and BY_ID["burnout-shift"].scale == 1.0
    assert "(averages 60% and 25%)" in share.sentence(tested)
    assert "lower in the second half" in share.sentence(tested)  # no estimate: not higher


def test_each_factor_asks_two_questions_with_its_own_words():
    slept = r.Factor(name="Slept well")
    focus = r.Factor(name="Focus", kind="scale")
    asked = hypotheses.factor_hypotheses([slept, focus])
    assert [h.id for h in asked] == [
        f"factor-{slept.id}-burnout",
        f"factor-{slept.id}-connection",
        f"factor-{focus.id}-burnout",
        f"factor-{focus.id}-connection",
    ]
    assert (
        asked[0].question == "Is your burnout different on days you answered yes to “Slept well”?"
    )
    assert (asked[0].grouping, asked[0].at_least) == (f"factor:{slept.id}", 1)
    assert asked[3].question == "Is your connection different on days you rated “Focus” 4 or 5?"
    assert asked[3].at_least == 4 and asked[3].group_words == "days you rated “Focus” 4 or 5"
    assert {h.weight for h in asked} == {hypotheses.FACTOR_WEIGHT}
    assert hypotheses.factor_hypotheses([]) == ()


def test_the_family_refuses_a_question_without_weight():
    free = hypotheses.DayContrast("free", "?", 0.0, outcome="burnout", grouping="touchpoints")
    with pytest.raises(ValueError, match="weight"):
        hypotheses.family([free])
    assert hypotheses.family() == hypotheses.BUILT_IN


def test_a_contrast_finding_reads_which_way_it_went():
    lower = hypotheses.Tested(
        BY_ID["replaced-connection"], inference_estimate(-0.84), groups=(9, 40)
    )
    assert BY_ID["replaced-connection"].sentence(lower) == (
        "On days when AI stood in for a person, your connection averaged 0.8 lower than on "
        "other days."
    )
    assert BY_ID["replaced-connection"].sizes(lower) == (
        "9 days when AI stood in for a person, 40 other days"
    )


def inference_estimate(value: float):
    from aijournal.analysis.inference import Estimate

    return Estimate(value, value - 0.3, value + 0.3, 0.01, 49, "m")
