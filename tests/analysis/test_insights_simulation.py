"""The simulation, CI-sized: false findings, power and coverage on simulated journals.

bench/insights_simulation.py --thorough measures the same figures on 4,000 journals per cell
(docs/insights.md). Here each cell has a few dozen journals, so each assertion allows for
that sample: a bound that a procedure meeting the budget would break with probability of
about 1% or less (binomial tails, computed below), while the uncorrected tests this replaced
(39% of random journals with a finding in one run, every one over a year) fail it at once.
Seeds are fixed, so the outcome is the same on every run.
"""

from datetime import date, datetime, time

import numpy as np
import pytest
from scipy import stats

from aijournal.analysis import insights
from aijournal.analysis.daily import read_days
from bench import insights_simulation as sim

ONE_RUN_JOURNALS = 50  # per persistence
WEEKLY_JOURNALS = 12
POWER_JOURNALS = 40


def most_allowed(journals: int, rate: float) -> int:
    """The largest count a true `rate` exceeds with probability ≤ 1%."""
    return int(stats.binom.ppf(0.99, journals, rate))


def least_allowed(journals: int, rate: float) -> int:
    """The smallest count a true `rate` falls below with probability ≤ 1%."""
    return int(stats.binom.ppf(0.01, journals, rate))


def test_simulated_journals_are_what_the_journal_gateway_gives_back(journal):
    days = sim.simulate(np.random.default_rng(3), sim.SCENARIOS["ar0.5"], 75)
    sim.write_journal(journal, days)
    assert read_days(journal) == days
    # And the app's own run over the journal is the simulation's analysis of those days.
    journal.clock = lambda: datetime.combine(date(2026, 3, 21), time(12)).astimezone()
    app = insights.run(journal)
    simulated = sim.analysed(days, 75)
    assert app.window == simulated.window and app.window.days == 60
    assert [r.estimate for r in app.results] == [r.estimate for r in simulated.results]


def test_one_look_at_random_journals_rarely_shows_a_finding():
    found = 0
    for name in sim.NULLS:  # independent days, AR(1) 0.5 and 0.9, bounded random walks
        scenario = sim.SCENARIOS[name]
        found += sum(sim.one_run(seed, scenario) for seed in range(ONE_RUN_JOURNALS))
    journals = ONE_RUN_JOURNALS * len(sim.NULLS)
    assert found <= most_allowed(journals, 0.05), f"{found} of {journals}"


def test_a_year_of_weekly_looks_rarely_shows_a_finding():
    found = 0
    for name in sim.NULLS:
        scenario = sim.SCENARIOS[name]
        found += sum(sim.weekly_looks(1000 + seed, scenario) for seed in range(WEEKLY_JOURNALS))
    journals = WEEKLY_JOURNALS * len(sim.NULLS)
    assert found <= most_allowed(journals, 0.10), f"{found} of {journals}"


@pytest.mark.parametrize(("length", "power"), [(60, 0.60), (120, 0.90)])
def test_a_real_effect_is_found_in_the_right_direction(length, power):
    scenario = sim.Scenario("iid", 0, "touchpoints-connection", sim.EFFECT_SHIFT, missing=False)
    assert sim.cohens_d(scenario) == pytest.approx(0.8, abs=0.05)
    found = [sim.detected(seed, scenario, length) for seed in range(POWER_JOURNALS)]
    right = sum(r for r, _ in found)
    assert right >= least_allowed(POWER_JOURNALS, power), f"{right} of {POWER_JOURNALS}"
    assert not any(w for _, w in found)


@pytest.mark.parametrize("name", ["iid", "ar0.8_ties"])
def test_intervals_cover_the_truth(name):
    cells = [ok for seed in range(20) for _, ok in sim.covered(seed, sim.COVERAGE[name], 120)]
    # Roughly 100 intervals: a true 95% covers between these counts 99% of the time.
    low, high = stats.binom.ppf([0.005, 0.995], len(cells), 0.95)
    assert low <= sum(cells) <= high, f"{sum(cells)} of {len(cells)}"


def test_simulated_factors_are_what_the_journal_gives_back_and_join_the_run(journal):
    scenario = sim.Scenario("iid", factors=3)
    days = sim.simulate(np.random.default_rng(5), scenario, 75)
    assert len(days.extra) == 3
    sim.write_journal(journal, days)
    assert read_days(journal) == days
    journal.clock = lambda: datetime.combine(date(2026, 3, 21), time(12)).astimezone()
    app = insights.run(journal)
    simulated = sim.analysed(days, 75, scenario.hypotheses)
    assert [r.hypothesis.id for r in app.results] == [h.id for h in scenario.hypotheses]
    assert [r.estimate for r in app.results] == [r.estimate for r in simulated.results]


def test_random_factors_do_not_raise_the_false_finding_rate():
    found = 0
    for name in sim.NULLS:
        scenario = sim.replace(sim.SCENARIOS[name], factors=3)
        found += sum(sim.one_run(5000 + seed, scenario) for seed in range(ONE_RUN_JOURNALS // 2))
    journals = ONE_RUN_JOURNALS // 2 * len(sim.NULLS)
    assert found <= most_allowed(journals, 0.05), f"{found} of {journals}"
