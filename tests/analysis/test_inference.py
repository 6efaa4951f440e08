"""The statistics behind Insights: when an estimate is refused, covariates, gaps, Welch and Holm."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aijournal.analysis import inference
from aijournal.analysis.inference import Estimate


def independent_days(n: int, effect: float, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    group = (rng.random(n) < 0.5).astype(float)
    return np.arange(n), 3 + rng.standard_normal(n) + effect * group, group


def test_an_interval_excludes_zero_only_when_both_ends_are_on_one_side():
    def estimate(low, high):
        return Estimate(0.0, low, high, 0.5, 10, "m")

    assert estimate(0.1, 2).excludes_zero and estimate(-2, -0.1).excludes_zero
    assert not estimate(-0.1, 2).excludes_zero and not estimate(0.0, 1).excludes_zero


def test_nothing_is_estimated_when_nothing_varies_or_there_are_too_few_days():
    day, y, group = independent_days(40, 1.0, seed=3)
    assert inference.persistent_contrast(day, np.full(40, 3.0), group) is None
    assert inference.persistent_contrast(day, y, np.ones(40)) is None
    # intercept + group need 2 + 6 days
    assert inference.persistent_contrast(day[:7], y[:7], group[:7]) is None


def test_a_constant_covariate_is_dropped_and_changes_nothing():
    day, y, group = independent_days(60, 1.5, seed=11)
    plain = inference.persistent_contrast(day, y, group)
    with_constant = inference.persistent_contrast(day, y, group, [np.full(60, 7.0)])
    assert plain is not None and plain == with_constant
    assert plain.n == 60 and plain.method == inference.METHOD
    assert plain.low < plain.value < plain.high and 0 <= plain.p <= 1


def test_days_with_gaps_are_allowed_and_a_clear_effect_still_shows():
    day, y, group = independent_days(80, 2.0, seed=21)
    day = day * 2 + (day > 40) * 10  # every other day, and a ten-day break in the middle
    found = inference.persistent_contrast(day, y, group)
    assert found is not None and found.excludes_zero and found.p < 0.01
    assert found.value == pytest.approx(2.0, abs=0.6)


def test_welch_needs_two_occasions_a_side_and_some_variation():
    assert inference.occasion_difference(np.array([1.0]), np.array([0.0, 1.0]), 9) is None
    assert inference.occasion_difference(np.array([2.0, 2.0]), np.array([1.0, 1.0]), 9) is None
    found = inference.occasion_difference(np.array([2.5, 1.5]), np.array([1.0, 1.5, 0.5]), 42)
    assert found is not None and found.value == pytest.approx(1.0) and found.n == 42
    assert found.method.startswith("Welch")


@pytest.mark.filterwarnings("ignore:Precision loss")  # scipy: one side is constant
@settings(max_examples=200, deadline=None)
@given(
    first=st.lists(st.integers(1, 5), min_size=2, max_size=40),
    second=st.lists(st.integers(1, 5), min_size=2, max_size=40),
)
def test_welch_is_scipy_stats_welch(first, second):
    """The textbook formula over scipy.special gives what scipy.stats.ttest_ind gives."""
    from scipy import stats

    a, b = np.array(first, dtype=float), np.array(second, dtype=float)
    found = inference.occasion_difference(a, b, 9)
    if np.ptp(a) == 0 and np.ptp(b) == 0:
        assert found is None
        return
    expected = stats.ttest_ind(a, b, equal_var=False)
    interval = expected.confidence_interval(inference.CONFIDENCE)
    assert found.p == pytest.approx(float(expected.pvalue), rel=1e-9, abs=1e-12)
    assert (found.low, found.high) == pytest.approx(
        (float(interval.low), float(interval.high)), rel=1e-9, abs=1e-12
    )


def test_the_distributions_are_scipy_stats_ones():
    from scipy import special, stats

    for df in (1.5, 4, 29.3, 200):
        assert special.stdtrit(df, 0.975) == pytest.approx(stats.t.ppf(0.975, df), rel=1e-12)
        assert 2 * special.stdtr(df, -2.1) == pytest.approx(2 * stats.t.sf(2.1, df), rel=1e-12)
    for level in (0.95, 0.99):
        assert special.chdtri(1, 1 - level) == pytest.approx(stats.chi2.ppf(level, 1), rel=1e-12)


def test_holm_rejects_at_the_boundary_and_does_not_depend_on_the_order():
    assert inference.holm([0.05], [1], 0.05) == [True]
    assert inference.holm([0.0501], [1], 0.05) == [False]
    p, w = [0.2, 0.001, 0.02, 0.013], [1, 1, 2, 1]
    shown = inference.holm(p, w, 0.05)
    order = [3, 1, 0, 2]
    assert inference.holm([p[i] for i in order], [w[i] for i in order], 0.05) == [
        shown[i] for i in order
    ]
    # 0.001 ≤ .05·1/5; then 0.02/2 = .01 ≤ .05·2/4; 0.013 ≤ .05·1/2; 0.2 > .05·1/1
    assert shown == [False, True, True, True]
