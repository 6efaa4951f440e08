"""The questions Insights asks, fixed in advance and written as data.

Each `Hypothesis` says what it compares, how much of a run's error budget it may claim
(`weight`), and how a finding reads. A run tests every hypothesis of the family that its window
has enough data for, and Holm's correction runs over all of them together, so adding a question
never raises the chance of a false finding: it spreads the same budget thinner.

The family is `BUILT_IN` plus whatever `family(extra)` is given: the user's own check-in
factors (yes/no or 1–5 items) join as `DayContrast` hypotheses reading `Days.extra`
(`factor_hypotheses`: for each factor, burnout and connection on its days against the
others, weight 0.5 each), with `Days.extra["factor:<id>"]` holding the answer per check-in
day (yes 1, no 0; NaN: not answered). See docs/insights.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from aijournal.analysis import inference
from aijournal.analysis.daily import Days, epoch, factor_series
from aijournal.analysis.inference import Estimate
from aijournal.analysis.schedule import Window
from aijournal.model.records import Factor

MIN_DAYS = 14  # no claim from fewer paired days (DESIGN)
MIN_GROUP_DAYS = 7  # days on each side of a comparison
MIN_SHIFT_WINDOW = 60  # halves of at least 30 days before a change over a period is judged
NUDGE_AFTER = (1, 7)  # the week after a nudge fired, in days after it
NUDGE_BASELINE = (-21, -8)  # the weeks before, leaving out the week that fired it
MIN_NUDGE_CHECKINS = 3  # check-ins in each of those windows for an occasion to count


@dataclass(frozen=True)
class Tested:
    """One hypothesis in one run: its estimate, or why it could not be tested."""

    hypothesis: Hypothesis
    estimate: Estimate | None
    reason: str = ""  # why it was not tested
    groups: tuple[int, int] = (0, 0)  # days (or occasions) on each side
    means: tuple[float, float] = (float("nan"), float("nan"))  # the two sides' plain means

    @property
    def tested(self) -> bool:
        return self.estimate is not None


@dataclass(frozen=True)
class Hypothesis:
    """A question fixed in advance; subclasses say how it is tested and how a finding reads."""

    id: str
    question: str
    weight: float
    kind: ClassVar[str] = "difference"  # how findings are labelled: difference, trend, nudges

    def test(self, days: Days, window: Window) -> Tested:
        raise NotImplementedError

    def sentence(self, tested: Tested) -> str:
        """The finding in plain words (only called for a finding)."""
        raise NotImplementedError

    def sizes(self, tested: Tested) -> str:
        """What the two sides of the comparison are, with their sizes."""
        raise NotImplementedError

    def untested(self, reason: str, groups: tuple[int, int] = (0, 0)) -> Tested:
        return Tested(self, None, reason, groups)

    @property
    def scale(self) -> float:
        """How the estimate is shown: 1 for answers, 100 for shares (percentage points)."""
        return 1.0


@dataclass(frozen=True)
class DayContrast(Hypothesis):
    """Is `outcome` different on days when `grouping` is at least `at_least`?

    Workdays and weekends are compared within themselves (a covariate), so a pattern that is
    only the weekend's does not count.
    """

    outcome: str = ""
    grouping: str = ""
    at_least: float = 1
    group_words: str = ""  # "days with two or more touchpoints"
    outcome_words: str = ""  # "connection"

    def test(self, days: Days, window: Window) -> Tested:
        x, y = days.series(self.grouping), days.series(self.outcome)
        known = ~(np.isnan(x) | np.isnan(y))
        day, y, group = days.day[known], y[known], (x[known] >= self.at_least).astype(float)
        sides = (int(group.sum()), int(len(group) - group.sum()))
        if len(day) < MIN_DAYS:
            return self.untested(f"{len(day)} paired days, fewer than {MIN_DAYS}", sides)
        if min(sides) < MIN_GROUP_DAYS:
            return self.untested(f"fewer than {MIN_GROUP_DAYS} days on one side", sides)
        weekend = ((day + 3) % 7 >= 5).astype(float)  # epoch day 0 was a Thursday
        both = min(weekend.sum(), len(weekend) - weekend.sum()) >= 3
        found = inference.persistent_contrast(day, y, group, [weekend] if both else [])
        if found is None:
            return self.untested("too persistent to tell a pattern from drift", sides)
        return Tested(self, found, "", sides, (y[group == 1].mean(), y[group == 0].mean()))

    def sentence(self, tested: Tested) -> str:
        value = tested.estimate.value if tested.estimate else 0.0
        return (
            f"On {self.group_words}, your {self.outcome_words} averaged {abs(value):.1f} "
            f"{'higher' if value > 0 else 'lower'} than on other days."
        )

    def sizes(self, tested: Tested) -> str:
        return f"{tested.groups[0]} {self.group_words}, {tested.groups[1]} other days"


@dataclass(frozen=True)
class HalfShift(Hypothesis):
    """Did `measure` change between the first and the second half of the window?"""

    kind: ClassVar[str] = "trend"
    measure: str = ""
    words: str = ""  # "burnout"
    share: bool = False  # a share 0–1, shown as a percent

    def test(self, days: Days, window: Window) -> Tested:
        if window.days < MIN_SHIFT_WINDOW:
            return self.untested(f"judged from windows of {MIN_SHIFT_WINDOW} days on")
        y = days.series(self.measure)
        known = ~np.isnan(y)
        day, y = days.day[known], y[known]
        middle = epoch(window.start) + window.days // 2
        later = (day >= middle).astype(float)
        sides = (int(len(later) - later.sum()), int(later.sum()))
        if min(sides) < MIN_DAYS:
            return self.untested(f"fewer than {MIN_DAYS} days in one half", sides)
        found = inference.level_shift(day, y, later)
        if found is None:
            return self.untested("too persistent to tell a change from drift", sides)
        return Tested(self, found, "", sides, (y[later == 0].mean(), y[later == 1].mean()))

    def sentence(self, tested: Tested) -> str:
        before, after = tested.means
        value = tested.estimate.value if tested.estimate else 0.0
        shown = (
            (f"{before:.0%}", f"{after:.0%}") if self.share else (f"{before:.1f}", f"{after:.1f}")
        )
        return (
            f"Your {self.words} was {'higher' if value > 0 else 'lower'} in the second half of "
            f"the period than in the first (averages {shown[1]} and {shown[0]})."
        )

    def sizes(self, tested: Tested) -> str:
        return f"{tested.groups[0]} days in the first half, {tested.groups[1]} in the second"

    @property
    def scale(self) -> float:
        return 100.0 if self.share else 1.0


@dataclass(frozen=True)
class NudgeEffect(Hypothesis):
    """After nudges the user acted on, did `outcome` change more than after the others?

    Every nudge fired on a low point, so both kinds start low and drift back up alike (the
    regression to the mean that makes a before/after comparison flatter itself). The change of
    each is measured from the weeks before it, leaving out the week that fired it.
    """

    kind: ClassVar[str] = "nudges"
    outcome: str = "connection"

    def test(self, days: Days, window: Window) -> Tested:
        y = days.series(self.outcome)
        sides: dict[bool, list[tuple[float, int]]] = {True: [], False: []}
        for start, acted in _clusters(days):
            after = _values(days, y, start, NUDGE_AFTER)
            before = _values(days, y, start, NUDGE_BASELINE)
            if min(len(after), len(before)) >= MIN_NUDGE_CHECKINS:
                sides[acted].append((after.mean() - before.mean(), len(after)))
        counts = (len(sides[True]), len(sides[False]))
        days_each = [sum(n for _, n in sides[side]) for side in (True, False)]
        if min(days_each) < MIN_DAYS or min(counts) < 2:
            return self.untested(
                f"needs {MIN_DAYS} days after nudges acted on and {MIN_DAYS} after others",
                counts,
            )
        after_acting = np.array([c for c, _ in sides[True]])
        after_others = np.array([c for c, _ in sides[False]])
        found = inference.occasion_difference(after_acting, after_others, sum(days_each))
        if found is None:
            return self.untested("the changes never varied", counts)
        means = (float(after_acting.mean()), float(after_others.mean()))
        return Tested(self, found, "", counts, means)

    def sentence(self, tested: Tested) -> str:
        value = tested.estimate.value if tested.estimate else 0.0
        return (
            f"In the week after nudges you acted on, your connection changed by {abs(value):.1f} "
            f"{'more' if value > 0 else 'less'} (from the weeks before) than after nudges you "
            "let pass. Acting was your choice, so other things may differ between them."
        )

    def sizes(self, tested: Tested) -> str:
        return f"{tested.groups[0]} occasions acted on, {tested.groups[1]} let pass"


def _clusters(days: Days) -> list[tuple[int, bool]]:
    """Nudges less than 4 weeks apart are one occasion, acted on if any of them was.

    So no occasion's weeks before overlap another's week after.
    """
    found: list[tuple[int, bool]] = []
    for occasion in days.occasions:
        if found and occasion.day - found[-1][0] < NUDGE_AFTER[1] - NUDGE_BASELINE[0]:
            found[-1] = (found[-1][0], found[-1][1] or occasion.acted)
        else:
            found.append((occasion.day, occasion.acted))
    return found


def _values(days: Days, y: np.ndarray, start: int, offsets: tuple[int, int]) -> np.ndarray:
    inside = (days.day >= start + offsets[0]) & (days.day <= start + offsets[1])
    values = y[inside]
    return values[~np.isnan(values)]


BUILT_IN: tuple[Hypothesis, ...] = (
    DayContrast(
        "touchpoints-connection",
        "Is your connection higher on days with two or more touchpoints?",
        2.0,
        outcome="connection",
        grouping="touchpoints",
        at_least=2,
        group_words="days with two or more touchpoints",
        outcome_words="connection",
    ),
    DayContrast(
        "long-ai-burnout",
        "Is your burnout higher on days with two hours or more of AI use?",
        2.0,
        outcome="burnout",
        grouping="ai_minutes",
        at_least=120,
        group_words="days with two hours or more of AI use",
        outcome_words="burnout",
    ),
    DayContrast(
        "replaced-connection",
        "Is your connection lower on days when AI stood in for a person?",
        1.0,
        outcome="connection",
        grouping="replaced",
        at_least=1,
        group_words="days when AI stood in for a person",
        outcome_words="connection",
    ),
    DayContrast(
        "augmentation-energy",
        "Is your energy different on days when most of your AI use augmented your own work?",
        1.0,
        outcome="energy",
        grouping="augmentation",
        at_least=0.5,
        group_words="days when at least half your AI uses augmented your own work",
        outcome_words="energy",
    ),
    HalfShift(
        "burnout-shift",
        "Did your burnout change from the first half of the period to the second?",
        0.5,
        measure="burnout",
        words="burnout",
    ),
    HalfShift(
        "connection-shift",
        "Did your connection change from the first half of the period to the second?",
        0.5,
        measure="connection",
        words="connection",
    ),
    NudgeEffect(
        "nudges-helped",
        "After nudges you acted on, did your connection recover more than after the others?",
        0.5,
    ),
)


FACTOR_WEIGHT = 0.5  # each factor question's share of the budget, against 2 and 1 above
FACTOR_OUTCOMES = ("burnout", "connection")
SCALE_HIGH = 4  # a 1–5 factor's days "4 or 5" against its other days


def factor_hypotheses(factors: Iterable[Factor]) -> tuple[Hypothesis, ...]:
    """Two questions per factor, fixed when the factor exists: is burnout, and is connection,
    different on its days (yes; for 1–5, answered 4 or 5) than on the others?"""
    found: list[Hypothesis] = []
    for factor in factors:
        if factor.yes_no:
            days, question_days = (
                f"“{factor.name}” days",
                f"days you answered yes to “{factor.name}”",
            )
        else:
            days = question_days = (
                f"days you rated “{factor.name}” {SCALE_HIGH} or {SCALE_HIGH + 1}"
            )
        for outcome in FACTOR_OUTCOMES:
            found.append(
                DayContrast(
                    f"factor-{factor.id}-{outcome}",
                    f"Is your {outcome} different on {question_days}?",
                    FACTOR_WEIGHT,
                    outcome=outcome,
                    grouping=factor_series(factor.id),
                    at_least=1 if factor.yes_no else SCALE_HIGH,
                    group_words=days,
                    outcome_words=outcome,
                )
            )
    return tuple(found)


def family(extra: Iterable[Hypothesis] = ()) -> tuple[Hypothesis, ...]:
    """The built-in hypotheses and `extra` ones, tested together under one correction."""
    found = (*BUILT_IN, *extra)
    ids = [h.id for h in found]
    if len(set(ids)) != len(ids):
        raise ValueError(f"hypothesis ids must be unique: {ids}")
    if any(h.weight <= 0 for h in found):
        raise ValueError("every hypothesis needs a weight above 0")
    return found
