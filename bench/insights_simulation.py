"""How often Insights shows a false finding, finds a real one, and covers the truth.

    python bench/insights_simulation.py              # a quick look (about a minute)
    python bench/insights_simulation.py --thorough   # the figures in docs/insights.md
    python bench/insights_simulation.py --thorough --workers 2 --json bench/insights.json

Simulated journals are `Days`, the shape `aijournal.analysis.daily.read_days` gives the app,
analysed by the app's own `insights.analyse` over the app's own analysis windows
(`schedule.latest`); tests/analysis/test_insights_simulation.py checks that writing such a
journal through the real `Journal` gateway and reading it back gives the same `Days`.

Daily series: each measure is its own latent process (independent days, AR(1) with φ = 0.5,
0.8 or 0.9, or a bounded random walk), turned into what people log: 1–5 answers (rounded and
clipped, so heavily tied), touchpoint and replaced-person counts (Poisson quantiles, small),
AI minutes (log-normal) and the augmenting share of the day's AI uses. 5–30% of days have no
check-in (in some journals weekends are mostly skipped), energy and safety are skipped on some
days, and half the journals fire nudges about every nine days, acted on at random.

`--factors` measures the user's own factors instead: journals with 3 independent random
factors (yes/no, 1–5, yes/no; each its own latent process of the scenario's kind, answered on
90% of check-in days) whose 6 questions join the family, the false-finding rates with them,
and the power for a d ≈ 0.8 effect of a yes/no factor on burnout (figures in docs/insights.md,
bench/insights_factor_results.json).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from scipy import stats

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aijournal.analysis import insights, schedule  # noqa: E402
from aijournal.analysis.daily import Days, Occasion, calendar, epoch, factor_series  # noqa: E402
from aijournal.analysis.hypotheses import Hypothesis, factor_hypotheses, family  # noqa: E402
from aijournal.model.records import Factor  # noqa: E402

START = date(2026, 1, 5)  # a Monday; every simulated journal starts here
ANSWER_SCALE = 1.0  # latent SD -> answer points: 1–5 answers around 3
NULLS = ("iid", "ar0.5", "ar0.9", "walk")
# The simulated user's own factors, fixed so their questions' ids are the same in every run.
FACTORS = tuple(
    Factor(id=str(uuid.UUID(int=i + 1)), name=name, kind=kind)
    for i, (name, kind) in enumerate(
        (("Long meetings", "yes-no"), ("Focus", "scale"), ("Gym", "yes-no"))
    )
)
FACTOR_EFFECT = f"factor-{FACTORS[0].id}-burnout"  # burnout higher on "long meetings" days
FACTOR_ANSWERED = 0.9  # share of check-in days a factor is answered on


@dataclass(frozen=True)
class Scenario:
    """How the daily series move, and which real effect (if any) is planted."""

    process: str  # iid, ar (with phi) or walk
    phi: float = 0.0
    effect: str | None = None  # a hypothesis id: touchpoints-connection or long-ai-burnout
    shift: float = 0.0  # latent shift on the effect's days (answer SDs)
    missing: bool = True  # days without a check-in
    answer_scale: float = ANSWER_SCALE
    touchpoints_mean: float = 1.7
    factors: int = 0  # the user's own random factors (the first `factors` of FACTORS)

    @property
    def name(self) -> str:
        base = self.process if self.process != "ar" else f"ar{self.phi:g}"
        effect = "factor" if self.effect == FACTOR_EFFECT else self.effect
        return (
            base + (f"+{effect}" if effect else "") + (f"+{self.factors}f" if self.factors else "")
        )

    @property
    def hypotheses(self) -> tuple[Hypothesis, ...]:
        """The family the app tests for this journal: built in, plus its factors' questions."""
        return family(factor_hypotheses(FACTORS[: self.factors]))


SCENARIOS = {
    "iid": Scenario("iid"),
    "ar0.5": Scenario("ar", 0.5),
    "ar0.9": Scenario("ar", 0.9),
    "walk": Scenario("walk"),
}


def latent(rng: np.random.Generator, n: int, scenario: Scenario) -> np.ndarray:
    """One standardised daily series of the scenario's kind."""
    noise = rng.standard_normal(n)
    if scenario.process == "iid":
        return noise
    out = np.empty(n)
    if scenario.process == "ar":
        phi, scale = scenario.phi, math.sqrt(1 - scenario.phi**2)
        out[0] = noise[0]
        for t in range(1, n):
            out[t] = phi * out[t - 1] + scale * noise[t]
        return out
    # A random walk between -2 and 2, reflected at the ends (sd of its spread ≈ 1.15).
    out[0] = rng.uniform(-2, 2)
    for t in range(1, n):
        step = out[t - 1] + 0.3 * noise[t]
        out[t] = 4 - step if step > 2 else (-4 - step if step < -2 else step)
    return out / 1.15


def answers(z: np.ndarray, scale: float) -> np.ndarray:
    return np.clip(np.round(3 + scale * z), 1, 5)


def counts(z: np.ndarray, mean: float) -> np.ndarray:
    return stats.poisson.ppf(stats.norm.cdf(z), mean)


def simulate(rng: np.random.Generator, scenario: Scenario, length: int) -> Days:
    """A journal of `length` calendar days from START, as `read_days` would give it."""
    z = {name: latent(rng, length, scenario) for name in LATENT}
    touchpoints = counts(z["touchpoints"], scenario.touchpoints_mean)
    ai_uses = counts(z["ai_uses"], 2.5)
    minutes = np.where(ai_uses > 0, np.round(np.exp(4.5 + 0.8 * z["ai_minutes"])), 0)
    augmenting = rng.binomial(ai_uses.astype(int), stats.norm.cdf(z["augmenting"]))
    replaced = np.minimum(counts(z["replaced"], 0.5), ai_uses)
    planted = {"touchpoints-connection": touchpoints >= 2, "long-ai-burnout": minutes >= 120}
    if scenario.effect == "touchpoints-connection":
        z["connection"] = z["connection"] + scenario.shift * planted[scenario.effect]
    elif scenario.effect == "long-ai-burnout":
        z["burnout"] = z["burnout"] + scenario.shift * planted[scenario.effect]
    checked = _checked_days(rng, length, scenario.missing)
    sometimes = lambda: np.where(rng.random(length) < 0.8, 1.0, np.nan)  # noqa: E731
    start = epoch(START)
    energy_kept, safety_kept = sometimes(), sometimes()
    occasions = _occasions(rng, length, start)
    extra = {}  # drawn last, so journals without factors are the ones measured before
    for factor in FACTORS[: scenario.factors]:
        z_factor = latent(rng, length, scenario)
        answered = np.where(rng.random(length) < FACTOR_ANSWERED, 1.0, np.nan)
        if factor.yes_no:
            values = (z_factor > 0).astype(float)
            if scenario.effect == f"factor-{factor.id}-burnout":
                z["burnout"] = z["burnout"] + scenario.shift * values
        else:
            values = answers(z_factor, scenario.answer_scale)
        extra[factor_series(factor.id)] = (values * answered)[checked]
    return Days(
        start + np.flatnonzero(checked),
        answers(z["burnout"], scenario.answer_scale)[checked],
        answers(z["connection"], scenario.answer_scale)[checked],
        (answers(z["energy"], scenario.answer_scale) * energy_kept)[checked],
        (answers(z["safety"], scenario.answer_scale) * safety_kept)[checked],
        ai_uses[checked],
        minutes[checked],
        replaced[checked],
        augmenting.astype(float)[checked],
        touchpoints[checked],
        occasions=occasions,
        extra=extra,
    )


LATENT = (
    "burnout",
    "connection",
    "energy",
    "safety",
    "touchpoints",
    "ai_uses",
    "ai_minutes",
    "augmenting",
    "replaced",
)


def _checked_days(rng: np.random.Generator, length: int, missing: bool) -> np.ndarray:
    if not missing:
        return np.ones(length, dtype=bool)
    rate = rng.uniform(0.05, 0.3)
    checked = rng.random(length) > rate
    if rng.random() < 0.3:  # someone who rarely checks in at weekends
        weekend = (np.arange(length) % 7) >= 5
        checked &= ~weekend | (rng.random(length) < 0.3)
    checked[0] = True  # the journal starts with its first check-in
    return checked


def _occasions(rng: np.random.Generator, length: int, start: int) -> tuple[Occasion, ...]:
    if rng.random() < 0.5:
        return ()
    fired = np.flatnonzero(rng.random(length) < 1 / 9)
    return tuple(Occasion(start + int(d), bool(rng.random() < 0.5)) for d in fired)


def write_journal(journal, days: Days) -> None:
    """Store `days` through the real `Journal` gateway: check-ins, AI uses, touchpoints, nudges.

    `read_days` on the journal gives `days` back (tests/analysis/test_insights_simulation.py).
    """
    from datetime import datetime
    from datetime import time as clock_time

    from aijournal.model import records as r

    def at(day: int, hour: int) -> datetime:
        return datetime.combine(calendar(day), clock_time(hour)).astimezone()

    def answer(value: float) -> int | None:
        return None if np.isnan(value) else int(value)

    factors = [f for f in FACTORS if factor_series(f.id) in days.extra]
    with journal.transaction():
        for factor in factors:
            journal.add(factor)
        for i, day in enumerate(days.day.tolist()):
            given = {f.id: answer(days.extra[factor_series(f.id)][i]) for f in factors}
            journal.save_checkin(
                r.Checkin(
                    day=calendar(day),
                    burnout=int(days.burnout[i]),
                    connection=int(days.connection[i]),
                    energy=answer(days.energy[i]),
                    safety=answer(days.safety[i]),
                    factors=tuple((k, v) for k, v in given.items() if v is not None),
                )
            )
            uses, minutes = int(days.ai_uses[i]), int(days.ai_minutes[i])
            for use in range(uses):
                share = minutes // uses + (1 if use < minutes % uses else 0)
                journal.add(
                    r.AIUse(
                        started_at=at(day, 8 + use % 12),
                        tool="Claude",
                        pattern="learning" if use < days.augmenting[i] else "directive",
                        minutes=share,
                        replaced_person=use < days.replaced[i],
                    )
                )
            for touch in range(int(days.touchpoints[i])):
                journal.add(r.Touchpoint(at=at(day, 9 + touch % 10), kind="one-to-one"))
        for occasion in days.occasions:
            journal.add(
                r.Nudge(
                    rule_id="low-connection",
                    day=calendar(occasion.day),
                    facts=("Simulated.",),
                    message="Simulated.",
                    status="acted" if occasion.acted else "dismissed",
                )
            )


# ---- what is measured ----------------------------------------------------------------------


def analysed(
    days: Days, length: int, hypotheses: tuple[Hypothesis, ...] | None = None
) -> insights.Run | None:
    """What the app shows on the day after the journal's `length`-th day (None: nothing yet)."""
    first = calendar(int(days.day[0]))
    window = schedule.latest(first, first + timedelta(days=length - 1))
    if window is None:
        return None
    within = days.between(epoch(window.start), epoch(window.end))
    return insights.analyse(within, window, hypotheses)


def one_run(seed: int, scenario: Scenario) -> bool:
    """A journal of 30–365 days looked at once: does it show any finding?"""
    rng = np.random.default_rng(seed)
    length = int(rng.integers(30, 366))
    found = analysed(simulate(rng, scenario, length), length, scenario.hypotheses)
    return bool(found and found.findings)


def weekly_looks(seed: int, scenario: Scenario) -> bool:
    """A journal looked at every week for a year (52 looks): any finding at any look?"""
    rng = np.random.default_rng(seed)
    days = simulate(rng, scenario, 364)
    first = calendar(int(days.day[0]))
    seen: dict[int, bool] = {}
    for week in range(1, 53):
        window = schedule.latest(first, first + timedelta(days=7 * week - 1))
        if window is None or window.number in seen:
            continue  # the same window as the last look shows the same findings
        within = days.between(epoch(window.start), epoch(window.end))
        run = insights.analyse(within, window, scenario.hypotheses)
        seen[window.number] = bool(run.findings)
    return any(seen.values())


def detected(seed: int, scenario: Scenario, length: int) -> tuple[bool, bool]:
    """Is the planted effect a finding after `length` days: (right direction, wrong one)."""
    rng = np.random.default_rng(seed)
    run = analysed(simulate(rng, scenario, length), length, scenario.hypotheses)
    found = [f for f in (run.findings if run else ()) if f.id == scenario.effect]
    if not found:
        return False, False
    right = (found[0].difference > 0) == (scenario.shift > 0)
    return right, not right


def covered(seed: int, scenario: Scenario, length: int) -> list[tuple[str, bool]]:
    """For every hypothesis a run tested: does its interval cover the true difference?"""
    rng = np.random.default_rng(seed)
    run = analysed(simulate(rng, scenario, length), length, scenario.hypotheses)
    truth = true_difference(scenario)
    return [
        (r.hypothesis.id, r.estimate.low <= truth.get(r.hypothesis.id, 0.0) <= r.estimate.high)
        for r in (run.results if run else ())
        if r.estimate is not None
    ]


def true_difference(scenario: Scenario) -> dict[str, float]:
    """The planted effect on the answers' scale (every other hypothesis is truly 0)."""
    if not scenario.effect:
        return {}

    def mean(shift: float) -> float:
        values = np.arange(1, 6)
        edges = (np.r_[-np.inf, values[:-1] + 0.5] - 3) / scenario.answer_scale
        upper = (np.r_[values[:-1] + 0.5, np.inf] - 3) / scenario.answer_scale
        p = stats.norm.cdf(upper - shift) - stats.norm.cdf(edges - shift)
        return float(values @ p)

    return {scenario.effect: mean(scenario.shift) - mean(0.0)}


def cohens_d(scenario: Scenario, rng: np.random.Generator | None = None) -> float:
    """The planted effect as Cohen's d on the answers (pooled within-group sd)."""
    rng = rng or np.random.default_rng(0)
    z = rng.standard_normal(200_000)
    base = answers(z, scenario.answer_scale)
    shifted = answers(z + scenario.shift, scenario.answer_scale)
    return float((shifted.mean() - base.mean()) / math.sqrt((base.var() + shifted.var()) / 2))


# ---- running it ------------------------------------------------------------------------------


def share(flags: Iterable[bool]) -> float:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else float("nan")


def _map(function: Callable, jobs: list, workers: int) -> list:
    if workers <= 1:
        return [function(*job) for job in jobs]
    from multiprocessing import Pool

    with Pool(workers) as pool:
        return pool.starmap(function, jobs, chunksize=16)


def measure(journals: int, workers: int = 1, seed: int = 1) -> dict:
    """Every figure of docs/insights.md, from `journals` simulated journals per cell."""
    out: dict = {"journals": journals, "hypotheses": len(family())}
    for name in NULLS:
        scenario = SCENARIOS[name]
        jobs = [(seed * 1_000_003 + i, scenario) for i in range(journals)]
        out[f"false_one_run_{name}"] = share(_map(one_run, jobs, workers))
        weekly = jobs[: max(1, journals // 2)]
        out[f"false_weekly_{name}"] = share(_map(weekly_looks, weekly, workers))
    for effect in ("touchpoints-connection", "long-ai-burnout"):
        for process, phi in (("iid", 0.0), ("ar", 0.5)):
            scenario = Scenario(process, phi, effect, EFFECT_SHIFT, missing=False)
            for length in (14, 30, 60, 120):
                jobs = [(seed * 7919 + i, scenario, length) for i in range(journals)]
                found = _map(detected, jobs, workers)
                key = f"power_{scenario.name}_{length}"
                out[key] = share(r for r, _ in found)
                out[key + "_wrong"] = share(w for _, w in found)
        missing = replace(Scenario("iid", 0, effect, EFFECT_SHIFT), missing=True)
        for length in (60, 120):
            jobs = [(seed * 104_729 + i, missing, length) for i in range(journals)]
            out[f"power_{effect}_missing_days_{length}"] = share(
                r for r, _ in _map(detected, jobs, workers)
            )
    out["effect_d"] = cohens_d(Scenario("iid", 0, "touchpoints-connection", EFFECT_SHIFT))
    for name, scenario in COVERAGE.items():
        cells = []
        for length in (60, 120, 240):
            jobs = [(seed * 15_485_863 + i, scenario, length) for i in range(journals)]
            for found in _map(covered, jobs, workers):
                cells += found
        out[f"coverage_{name}"] = share(ok for _, ok in cells)
        out[f"coverage_{name}_intervals"] = len(cells)
        effect = [ok for h, ok in cells if h == scenario.effect]
        if effect:
            out[f"coverage_{name}_effect"] = share(effect)
    return out


def measure_factors(journals: int, workers: int = 1, seed: int = 1) -> dict:
    """The factor figures of docs/insights.md: false findings with 3 random factors in the
    family, and the power for a factor's d ≈ 0.8 effect (and what the factors cost the
    built-in questions' power)."""
    out: dict = {
        "journals": journals,
        "hypotheses": len(family()),
        "hypotheses_with_factors": len(Scenario("iid", factors=3).hypotheses),
    }
    for name in NULLS:
        scenario = replace(SCENARIOS[name], factors=3)
        jobs = [(seed * 1_000_003 + i, scenario) for i in range(journals)]
        out[f"false_one_run_{name}_3_factors"] = share(_map(one_run, jobs, workers))
        weekly = jobs[: max(1, journals // 2)]
        out[f"false_weekly_{name}_3_factors"] = share(_map(weekly_looks, weekly, workers))
    cells = (
        ("factor", FACTOR_EFFECT, 3),
        ("touchpoints_without_factors", "touchpoints-connection", 0),
        ("touchpoints_with_3_factors", "touchpoints-connection", 3),
    )
    for label, effect, count in cells:
        for process, phi in (("iid", 0.0), ("ar", 0.5)):
            if label != "factor" and process == "ar":
                continue
            scenario = Scenario(process, phi, effect, EFFECT_SHIFT, missing=False, factors=count)
            for length in (30, 60, 120):
                jobs = [(seed * 7919 + i, scenario, length) for i in range(journals)]
                found = _map(detected, jobs, workers)
                key = f"power_{label}_{scenario.process}{phi or ''}_{length}"
                out[key] = share(r for r, _ in found)
                out[key + "_wrong"] = share(w for _, w in found)
    return out


EFFECT_SHIFT = 0.85  # latent shift giving Cohen's d ≈ 0.8 on rounded 1–5 answers
COVERAGE = {
    "iid": Scenario("iid", 0, "touchpoints-connection", EFFECT_SHIFT),
    "ar0.8": Scenario("ar", 0.8, "touchpoints-connection", EFFECT_SHIFT),
    "strong_ties": Scenario(
        "iid", 0, "touchpoints-connection", 2.5, answer_scale=0.6, touchpoints_mean=0.8
    ),
    "ar0.8_ties": Scenario(
        "ar", 0.8, "long-ai-burnout", EFFECT_SHIFT, answer_scale=0.6, touchpoints_mean=0.8
    ),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thorough", action="store_true", help="4,000 journals per cell")
    parser.add_argument("--journals", type=int, help="journals per cell (default 200)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--factors", action="store_true", help="the user's own factors' figures instead"
    )
    args = parser.parse_args(argv)
    journals = args.journals or (4000 if args.thorough else 200)
    began = time.perf_counter()
    figures = (measure_factors if args.factors else measure)(journals, args.workers, args.seed)
    figures["seconds"] = round(time.perf_counter() - began, 1)
    for key, value in figures.items():
        print(f"{key:45} {value:.4f}" if isinstance(value, float) else f"{key:45} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
