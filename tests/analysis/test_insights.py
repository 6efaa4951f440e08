"""Insights: Holm by hand, the analysis schedule, the tests on sticky data, and real journals."""

from datetime import date, datetime, time, timedelta

import numpy as np
import pytest

from aijournal.analysis import hypotheses, inference, insights, schedule
from aijournal.analysis.daily import Days, Occasion, epoch, read_days
from aijournal.model import records as r

TODAY = date(2026, 11, 27)  # the `clock` fixture's day


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


# ---- Holm ------------------------------------------------------------------------------------


def test_holm_steps_down_by_hand():
    # Equal weights, alpha 0.05 over 4: 0.01 <= 0.0125, then 0.016 <= 0.05/3, then 0.03 > 0.025.
    assert inference.holm([0.03, 0.01, 0.2, 0.016], [1, 1, 1, 1], 0.05) == [
        False,
        True,
        False,
        True,
    ]
    # Weights: 0.02 against 0.05 * 2/4 = 0.025 passes; alone with weight 1 it would not.
    assert inference.holm([0.02, 0.5, 0.5], [2, 1, 1], 0.05) == [True, False, False]
    assert inference.holm([0.02, 0.5, 0.5], [1, 1, 1], 0.05) == [False, False, False]
    assert inference.holm([], [], 0.05) == []


# ---- the schedule ------------------------------------------------------------------------------


def test_windows_are_fixed_in_advance_and_spend_at_most_ten_percent_a_year():
    first = date(2026, 1, 1)
    ends = [schedule.window(first, n).end for n in range(1, 7)]
    assert [(e - first).days + 1 for e in ends] == [30, 60, 120, 240, 480, 720]
    assert schedule.window(first, 5).start == first + timedelta(days=240)
    in_first_year = [schedule.window(first, n) for n in range(1, 5)]
    assert sum(w.alpha for w in in_first_year) <= 0.10
    assert all(schedule.window(first, n).alpha <= 0.05 for n in range(1, 10))
    assert schedule.latest(first, first + timedelta(days=28)) is None
    assert schedule.latest(first, first + timedelta(days=29)).number == 1
    assert schedule.latest(first, first + timedelta(days=118)).number == 2
    assert schedule.latest(first, first + timedelta(days=500)).number == 5


# ---- the tests on sticky data ------------------------------------------------------------------


def test_a_clear_difference_on_independent_days_is_estimated_with_its_interval():
    rng = np.random.default_rng(4)
    day = np.arange(120)
    group = (rng.random(120) < 0.5).astype(float)
    y = np.clip(np.round(3 + rng.standard_normal(120) + 1.0 * group), 1, 5)
    found = inference.persistent_contrast(day, y, group)
    plain = y[group == 1].mean() - y[group == 0].mean()
    assert found.value == pytest.approx(plain, abs=0.15)
    assert found.low < found.value < found.high and found.excludes_zero
    assert found.p < 1e-4 and found.n == 120


def test_two_independent_random_walks_do_not_make_a_finding():
    # Sticky series drift together by chance: plain means would call this a large difference.
    rng = np.random.default_rng(9)
    mood = np.clip(np.round(3 + np.cumsum(rng.normal(0, 0.3, 90))), 1, 5)
    busy = (np.cumsum(rng.normal(0, 0.3, 90)) > 0).astype(float)
    day = np.arange(90)
    found = inference.persistent_contrast(day, mood, busy)
    assert found is None or found.p > 0.01


def test_a_shift_between_halves_of_a_calm_series_is_found_and_not_in_a_sticky_one():
    rng = np.random.default_rng(2)
    day = np.arange(120)
    later = (day >= 60).astype(float)
    calm = np.clip(np.round(3 + rng.standard_normal(120) + 1.2 * later), 1, 5)
    found = inference.level_shift(day, calm, later)
    assert found.excludes_zero and found.value > 0.5
    walk = np.clip(np.round(3 + np.cumsum(rng.normal(0, 0.35, 120))), 1, 5)
    sticky = inference.level_shift(day, walk, later)
    assert sticky is None or sticky.p > 0.01


def test_welch_over_occasions_matches_scipy_by_hand():
    found = inference.occasion_difference(np.array([1.0, 2, 3]), np.array([0.0, 0.5]), 30)
    assert found.value == pytest.approx(1.75)
    # Welch: se = sqrt(1/3 + 0.125/2); df ≈ 2.57; the interval is symmetric about 1.75.
    assert (found.low + found.high) / 2 == pytest.approx(1.75)
    assert found.low < 0 < found.high and found.n == 30


# ---- the family, on a journal ------------------------------------------------------------------


def fill(journal, days: int, effect: float, seed: int = 1) -> date:
    """`days` daily check-ins ending yesterday; connection `effect` higher on busy days."""
    rng = np.random.default_rng(seed)
    first = TODAY - timedelta(days=days)
    with journal.transaction():
        for offset in range(days):
            day = first + timedelta(days=offset)
            busy = rng.random() < 0.5
            connection = int(np.clip(round(3 + rng.standard_normal() + effect * busy), 1, 5))
            journal.save_checkin(r.Checkin(day=day, burnout=2, connection=connection))
            for hour in range(3 if busy else int(rng.integers(0, 2))):
                journal.add(r.Touchpoint(at=at(day, 9 + hour), kind="one-to-one"))
    return first


def test_a_real_difference_over_60_days_is_a_finding_that_shows_what_it_rests_on(journal):
    first = fill(journal, 60, effect=1.5)
    run = insights.run(journal)
    assert (run.window.start, run.window.end) == (first, first + timedelta(days=59))
    [finding] = [f for f in run.findings if f.id == "touchpoints-connection"]
    assert finding.text.startswith(
        "On days with two or more touchpoints, your connection averaged"
    ) and finding.text.endswith("higher than on other days.")
    assert finding.low > 0 and finding.n == 60 and finding.groups[0] + finding.groups[1] == 60
    assert (finding.start, finding.end) == (run.window.start, run.window.end)
    assert f"of {run.tested} tested questions held up" in finding.details
    assert "95% interval" in finding.details and finding.method in finding.details
    assert "day-to-day persistence" in finding.method
    assert "chance" not in finding.text + finding.details
    assert run.tested >= 2 and run.alpha == schedule.FIRST_WINDOWS[1][1]


def test_no_pattern_gives_no_finding_and_says_what_that_means(journal):
    fill(journal, 60, effect=0.0, seed=3)
    run = insights.run(journal)
    assert run.findings == () and run.tested >= 2
    assert "not proof of no pattern" in insights.error_rate(run.alpha)
    assert "rule out chance" not in insights.error_rate(run.alpha)


def test_before_30_days_nothing_is_analysed_and_the_next_analysis_is_named(journal):
    first = fill(journal, 25, effect=3.0)
    run = insights.run(journal)
    assert run.window is None and run.findings == () and run.tested == 0
    ready = first + timedelta(days=30)
    assert f"ready on {ready.day} {ready:%b %Y}" in run.summary()


def test_findings_hold_until_the_next_window_completes(journal, clock):
    fill(journal, 60, effect=1.5)
    shown = insights.run(journal).findings
    clock.advance(days=20)  # more days logged or not: the same window, the same findings
    assert insights.run(journal).findings == shown


def test_fewer_than_14_paired_days_are_not_tested():
    days = Days(
        np.arange(13),
        *(np.full(13, 3.0) for _ in range(4)),
        *(np.ones(13) for _ in range(5)),
    )
    window = schedule.window(date(1970, 1, 1), 1)
    result = hypotheses.BUILT_IN[0].test(days, window)
    assert not result.tested and "fewer than 14" in result.reason


def nudged_days(recovery_acted: float, recovery_other: float, seed: int = 5) -> Days:
    """240 days; every 30 days a nudge fires on a low week, acted on every other time."""
    rng = np.random.default_rng(seed)
    n = 240
    connection = np.clip(np.round(3.5 + 0.5 * rng.standard_normal(n)), 1, 5)
    occasions = []
    for k, fired in enumerate(range(30, 220, 30)):
        acted = k % 2 == 0
        connection[fired - 6 : fired + 1] = 1  # the low week that fired it
        lift = recovery_acted if acted else recovery_other
        connection[fired + 1 : fired + 8] = np.clip(connection[fired + 1 : fired + 8] + lift, 1, 5)
        occasions.append(Occasion(fired, acted))
    zeros = np.zeros(n)
    return Days(
        np.arange(n),
        zeros + 2,
        connection,
        zeros * np.nan,
        zeros * np.nan,
        *([zeros] * 5),
        occasions=tuple(occasions),
    )


def test_nudges_that_only_recover_from_their_low_point_do_not_look_helpful():
    # Both kinds of occasion bounce back from the low week alike: regression to the mean.
    # Comparing with the week before would read "higher after acting"; this compares like
    # with like and finds nothing.
    window = schedule.window(date(1970, 1, 1), 4)
    result = hypotheses.NudgeEffect("nudges-helped", "?", 0.5).test(nudged_days(0, 0), window)
    assert result.tested and result.groups == (4, 3)
    assert result.estimate.low < 0 < result.estimate.high


def test_nudges_acted_on_that_help_more_than_the_others_are_estimated():
    window = schedule.window(date(1970, 1, 1), 4)
    result = hypotheses.NudgeEffect("nudges-helped", "?", 0.5).test(nudged_days(1.5, 0), window)
    assert result.tested and result.estimate.value > 0.8 and result.estimate.excludes_zero


def test_an_extra_hypothesis_joins_the_family_and_shares_its_budget():
    rng = np.random.default_rng(8)
    n = 60
    walked = (rng.random(n) < 0.5).astype(float)
    connection = np.clip(np.round(3 + rng.standard_normal(n) + 1.5 * walked), 1, 5)
    zeros = np.zeros(n)
    days = Days(
        np.arange(n),
        zeros + 2,
        connection,
        zeros * np.nan,
        zeros * np.nan,
        *([zeros] * 5),
        extra={"factor:walk": walked},
    )
    factor = hypotheses.DayContrast(
        "factor-walk-connection",
        "Is your connection different on days you walked?",
        0.5,
        outcome="connection",
        grouping="factor:walk",
        at_least=1,
        group_words="days you walked",
        outcome_words="connection",
    )
    window = schedule.window(date(1970, 1, 1), 2)
    run = insights.analyse(days, window, hypotheses.family([factor]))
    assert [f.id for f in run.findings] == ["factor-walk-connection"]
    assert run.findings[0].text.startswith("On days you walked, your connection averaged")
    with pytest.raises(ValueError):
        hypotheses.family([factor, factor])


def test_read_days_pairs_each_check_in_with_its_day(journal):
    day = TODAY - timedelta(days=2)
    journal.save_checkin(r.Checkin(day=day, burnout=4, connection=2, energy=3))
    journal.save_checkin(r.Checkin(day=TODAY, burnout=1, connection=5))
    for pattern, minutes, replaced in (("learning", 30, False), ("directive", 100, True)):
        journal.add(
            r.AIUse(
                started_at=at(day),
                tool="Claude",
                pattern=pattern,
                minutes=minutes,
                replaced_person=replaced,
            )
        )
    journal.add(
        r.AIUse(started_at=at(TODAY - timedelta(days=1)), tool="C", pattern="learning", minutes=5)
    )
    journal.add(r.Touchpoint(at=at(TODAY), kind="social"))
    days = read_days(journal)
    assert days.day.tolist() == [epoch(day), epoch(TODAY)]
    assert days.ai_uses.tolist() == [2, 0] and days.ai_minutes.tolist() == [130, 0]
    assert days.replaced.tolist() == [1, 0] and days.touchpoints.tolist() == [0, 1]
    np.testing.assert_allclose(days.series("augmentation"), [0.5, np.nan])
    np.testing.assert_allclose(days.energy, [3, np.nan])


def test_cli_insights_json_reports_the_run(home):
    import json

    from clitools import run

    first = date.today() - timedelta(days=40)
    for offset in range(31):
        day = (first + timedelta(days=offset)).isoformat()
        assert run("checkin", "--date", day, "--burnout", "2", "--connection", "3")[0] == 0
    code, out = run("insights", "--format", "json")
    found = json.loads(out)
    assert code == 0 and found["window"]["days"] == 30
    assert found["correction"]["method"].startswith("Holm") and found["correction"]["alpha"] > 0
    assert {h["id"] for h in found["hypotheses"]} == {h.id for h in hypotheses.BUILT_IN}
    assert found["tested"] == sum(h["tested"] for h in found["hypotheses"])
    assert all(h["reason"] for h in found["hypotheses"] if not h["tested"])
    code, out = run("insights")
    assert code == 0 and "(30 days)" in out and "not proof of no pattern" in out


def test_a_factor_joins_the_family_from_the_journal_and_is_counted(journal):
    from aijournal.journaling import capture, factors

    slept = factors.add(journal, "Slept well", "yes-no")
    focus = factors.add(journal, "Focus", "scale")  # pure noise: tested, never a finding
    rng = np.random.default_rng(4)
    first = TODAY - timedelta(days=60)
    with journal.transaction():
        for offset in range(60):
            well = bool(rng.random() < 0.5)
            burnout = int(np.clip(round(3 + rng.standard_normal() - 1.5 * well), 1, 5))
            answers = {slept.id: int(well), focus.id: int(rng.integers(1, 6))}
            given = {"burnout": burnout, "connection": 3, "factors": answers}
            capture.save_checkin(journal, first + timedelta(days=offset), given)
    factors.set_archived(journal, slept, True)  # archived: its history is still tested
    run = insights.run(journal)
    ids = [t.hypothesis.id for t in run.results]
    assert ids[-4:] == [
        f"factor-{slept.id}-burnout",
        f"factor-{slept.id}-connection",
        f"factor-{focus.id}-burnout",
        f"factor-{focus.id}-connection",
    ]
    [finding] = run.findings
    assert finding.id == f"factor-{slept.id}-burnout"
    assert finding.text.startswith("On “Slept well” days, your burnout averaged")
    assert finding.text.endswith("lower than on other days.")
    # Connection never varies, so it cannot be tested; the other three factor questions are.
    tested = {t.hypothesis.id for t in run.results if t.tested}
    assert f"factor-{focus.id}-burnout" in tested and f"factor-{slept.id}-connection" not in tested
    assert f"of {run.tested} tested questions held up" in finding.details
    weights = [t.hypothesis.weight for t in run.results if t.hypothesis.id.startswith("factor-")]
    assert weights == [hypotheses.FACTOR_WEIGHT] * 4


def test_factor_answers_reach_the_days_insights_read(journal):
    from aijournal.journaling import capture, factors

    gym = factors.add(journal, "Gym", "yes-no")
    for offset, given in ((2, {gym.id: 1}), (1, {}), (0, {gym.id: 0})):
        day = TODAY - timedelta(days=offset)
        capture.save_checkin(journal, day, {"burnout": 2, "connection": 3, "factors": given})
    days = read_days(journal)
    np.testing.assert_array_equal(days.series(f"factor:{gym.id}"), [1, np.nan, 0])
