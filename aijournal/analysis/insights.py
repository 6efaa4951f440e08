"""Plain-language findings from the journal that are statistically honest.

No finding rests on fewer than `MIN_DAYS` paired days. Relationships use Spearman's rho (ranks,
ties averaged) with a 95% interval from Fisher's z and the Fieller, Hartley & Pearson (1957)
variance for Spearman, 1.06 / (n − 3); a finding shows only when its interval excludes 0.
Differences between groups of days, changes over the last 4 weeks and "did acting on nudges
help" use Welch's difference of means with a t interval. The candidates are data: add one to
`RELATIONSHIPS`, `DIFFERENCES` or `TRENDS`.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from aijournal.model.patterns import augmentation_ids
from aijournal.model.presentation import number
from aijournal.model.records import Nudge, Touchpoint
from aijournal.storage import Journal

MIN_DAYS = 14  # no claim from fewer paired days (DESIGN)
MIN_GROUP_DAYS = 7  # each side of a group difference
MIN_TREND_USES = 10  # AI uses in each 4-week window for a change in share
MIN_TREND_CHECKINS = 7  # check-ins in each 4-week window for a change in a mean
MIN_ACTED_NUDGES = 3
TREND_DAYS = 28
Z95 = 1.959964
SPEARMAN_VARIANCE = 1.06  # Fieller, Hartley & Pearson 1957: var(z) ≈ 1.06 / (n − 3)
CAVEAT = "These are patterns in your own journal, not proof that one thing causes another."


@dataclass(frozen=True)
class Insight:
    """One finding: its text and the numbers behind it."""

    id: str
    kind: str  # relationship, difference, trend or nudges
    text: str
    n: int  # paired days (relationship), days in both groups, uses or check-ins, nudges
    rho: float | None = None
    low: float | None = None  # the 95% interval of rho, or of the difference
    high: float | None = None
    difference: float | None = None
    groups: tuple[int, int] | None = None  # (in the group, the rest) or (before, after)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("rho", "low", "high", "difference"):
            if data[name] is not None:
                data[name] = round(data[name], 3)
        data["groups"] = list(self.groups) if self.groups else None
        return data


# ---- statistics ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Correlation:
    rho: float
    low: float
    high: float
    n: int

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks; tied values share the mean of the ranks they span."""
    values = np.asarray(values, dtype=np.float64)
    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    starts_group = np.r_[True, ordered[1:] != ordered[:-1]]
    starts = np.flatnonzero(starts_group)
    sizes = np.diff(np.r_[starts, len(values)])
    mean_rank = starts + (sizes + 1) / 2
    out = np.empty(len(values))
    out[order] = mean_rank[np.cumsum(starts_group) - 1]
    return out


def spearman(x: np.ndarray, y: np.ndarray) -> Correlation | None:
    """Spearman's rho of the pairs where both are known, with its 95% interval.

    None with fewer than 4 pairs or when either side never varies.
    """
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    known = ~(np.isnan(x) | np.isnan(y))
    x, y = x[known], y[known]
    n = len(x)
    if n < 4:
        return None
    rx, ry = ranks(x), ranks(y)
    rx, ry = rx - rx.mean(), ry - ry.mean()
    spread = math.sqrt(float(rx @ rx) * float(ry @ ry))
    if spread == 0:
        return None
    rho = float(rx @ ry) / spread
    z = math.atanh(max(-0.999999, min(0.999999, rho)))
    margin = Z95 * math.sqrt(SPEARMAN_VARIANCE / (n - 3))
    return Correlation(rho, math.tanh(z - margin), math.tanh(z + margin), n)


def t95(df: float) -> float:
    """The two-sided 95% t quantile (Cornish–Fisher expansion; within 0.01 from 4 df)."""
    z = Z95
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


@dataclass(frozen=True)
class Difference:
    """Mean of `a` minus mean of `b`, with a 95% Welch interval."""

    value: float
    low: float
    high: float
    sizes: tuple[int, int]

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def difference(a: np.ndarray, b: np.ndarray) -> Difference | None:
    """Welch's difference of means; None when either side has fewer than 2 values."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if len(a) < 2 or len(b) < 2:
        return None
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    value = float(a.mean() - b.mean())
    se = math.sqrt(va + vb)
    if se == 0:
        return Difference(value, value, value, (len(a), len(b)))
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    margin = t95(df) * se
    return Difference(value, value - margin, value + margin, (len(a), len(b)))


def mean_change(changes: np.ndarray) -> Difference | None:
    """The mean of paired changes with a 95% t interval; None with fewer than 2."""
    changes = np.asarray(changes, dtype=np.float64)
    n = len(changes)
    if n < 2:
        return None
    value = float(changes.mean())
    margin = t95(n - 1) * float(changes.std(ddof=1)) / math.sqrt(n)
    return Difference(value, value - margin, value + margin, (n, n))


# ---- the days, side by side ---------------------------------------------------------------

MEASURES = (
    "burnout",
    "connection",
    "energy",
    "safety",
    "ai_uses",
    "ai_minutes",
    "replaced",
    "augmentation",
    "touchpoints",
    "touchpoint_minutes",
)


def paired_days(
    journal: Journal, start: date | None = None, end: date | None = None
) -> dict[str, np.ndarray]:
    """Per check-in day: its answers and that day's AI and people figures (NaN: not known).

    A day without AI uses had 0 of them and no augmentation share.
    """
    checkins = np.array(journal.checkin_values(start, end), dtype=np.float64).reshape(-1, 5)
    day = checkins[:, 0].astype(np.int64)
    out = {"day": day, **dict(zip(MEASURES[:4], checkins[:, 1:].T))}
    ai = journal.ai_use_totals(start, end, "day")
    uses = np.zeros((3, len(day)))
    augmenting = np.zeros(len(day))
    if ai and len(day):
        at_day, names, n, minutes, _goal, replaced = (np.array(c) for c in zip(*ai))
        at = np.searchsorted(day, at_day)
        on_checkin_day = (at < len(day)) & (day[np.minimum(at, len(day) - 1)] == at_day)
        at, keep = at[on_checkin_day], on_checkin_day
        np.add.at(
            uses, (slice(None), at), np.array([n, minutes, replaced], dtype=np.float64)[:, keep]
        )
        np.add.at(augmenting, at, np.where(np.isin(names, augmentation_ids()), n, 0)[keep])
    out["ai_uses"], out["ai_minutes"], out["replaced"] = uses
    with np.errstate(invalid="ignore", divide="ignore"):
        out["augmentation"] = np.where(uses[0] > 0, augmenting / uses[0], np.nan)
    people = np.zeros((2, len(day)))
    tp = journal.touchpoint_totals(start, end, "day")
    if tp and len(day):
        table = np.array(tp, dtype=np.float64)
        at = np.searchsorted(day, table[:, 0])
        keep = (at < len(day)) & (day[np.minimum(at, len(day) - 1)] == table[:, 0])
        people[:, at[keep]] = table[keep, 1:].T
    out["touchpoints"], out["touchpoint_minutes"] = people
    return out


# ---- candidates ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Relationship:
    """Does `y` tend to move with `x` across days? `text` has a {direction} slot."""

    id: str
    x: str
    y: str
    text: str


@dataclass(frozen=True)
class GroupDifference:
    """Were days with `x` ≥ `at_least` different in `y` from the other days?"""

    id: str
    x: str
    at_least: float
    y: str
    text: str  # with {size} and {direction} slots


@dataclass(frozen=True)
class Trend:
    """Did `measure` change between the 4 weeks before and the last 4 weeks?"""

    id: str
    measure: str  # "augmentation" (a share of AI uses) or a check-in answer
    text: str  # with {direction}, {before} and {after} slots


RELATIONSHIPS: tuple[Relationship, ...] = (
    Relationship(
        "replaced-connection",
        "replaced",
        "connection",
        "On days with more AI uses that replaced a person, your connection tended "
        "to be {direction}",
    ),
    Relationship(
        "ai-minutes-burnout",
        "ai_minutes",
        "burnout",
        "On days with more minutes of AI use, your burnout tended to be {direction}",
    ),
    Relationship(
        "touchpoints-connection",
        "touchpoints",
        "connection",
        "On days with more touchpoints with people, your connection tended to be {direction}",
    ),
    Relationship(
        "augmentation-energy",
        "augmentation",
        "energy",
        "On days when more of your AI uses augmented your own work, your energy "
        "tended to be {direction}",
    ),
    Relationship(
        "touchpoints-burnout",
        "touchpoints",
        "burnout",
        "On days with more touchpoints with people, your burnout tended to be {direction}",
    ),
    Relationship(
        "ai-minutes-connection",
        "ai_minutes",
        "connection",
        "On days with more minutes of AI use, your connection tended to be {direction}",
    ),
)
DIFFERENCES: tuple[GroupDifference, ...] = (
    GroupDifference(
        "replaced-two-connection",
        "replaced",
        2,
        "connection",
        "On days with two or more AI uses that replaced a person, your connection "
        "was {size} {direction}",
    ),
    GroupDifference(
        "touchpoint-connection",
        "touchpoints",
        1,
        "connection",
        "On days with at least one touchpoint, your connection was {size} {direction}",
    ),
    GroupDifference(
        "long-ai-burnout",
        "ai_minutes",
        120,
        "burnout",
        "On days with two hours or more of AI use, your burnout was {size} {direction}",
    ),
)
TRENDS: tuple[Trend, ...] = (
    Trend(
        "augmentation-trend",
        "augmentation",
        "Your augmentation share {direction} from {before} to {after} over the last 4 weeks",
    ),
    Trend(
        "connection-trend",
        "connection",
        "Your connection {direction} from {before} to {after} on average over the last 4 weeks",
    ),
    Trend(
        "burnout-trend",
        "burnout",
        "Your burnout {direction} from {before} to {after} on average over the last 4 weeks",
    ),
)


# ---- findings ------------------------------------------------------------------------------


def findings(journal: Journal, start: date | None = None, end: date | None = None) -> list[Insight]:
    """Every finding that holds up for the days from `start` to `end`, changes first."""
    end_day = end or journal.clock().date()
    days = paired_days(journal, start, end)
    found = [i for t in TRENDS if (i := _trend(journal, t, end_day, start))]
    related = [i for rel in RELATIONSHIPS if (i := _relationship(rel, days))]
    found += sorted(related, key=lambda i: -abs(i.rho or 0))
    found += [i for d in DIFFERENCES if (i := _difference(d, days))]
    if acted := nudges_helped(journal, start, end):
        found.append(acted)
    return found


def _relationship(spec: Relationship, days: dict[str, np.ndarray]) -> Insight | None:
    found = spearman(days[spec.x], days[spec.y])
    if found is None or found.n < MIN_DAYS or not found.excludes_zero:
        return None
    text = (
        spec.text.format(direction="higher" if found.rho > 0 else "lower")
        + f" (Spearman's rho {number(found.rho, 2)}, 95% interval {number(found.low, 2)} to "
        f"{number(found.high, 2)}, n = {found.n} days)."
    )
    return Insight(spec.id, "relationship", text, found.n, found.rho, found.low, found.high)


def _difference(spec: GroupDifference, days: dict[str, np.ndarray]) -> Insight | None:
    x, y = days[spec.x], days[spec.y]
    known = ~(np.isnan(x) | np.isnan(y))
    group = known & (x >= spec.at_least)
    rest = known & (x < spec.at_least)
    n_group, n_rest = int(group.sum()), int(rest.sum())
    if n_group + n_rest < MIN_DAYS or min(n_group, n_rest) < MIN_GROUP_DAYS:
        return None
    found = difference(y[group], y[rest])
    if found is None or not found.excludes_zero:
        return None
    text = (
        spec.text.format(
            size=f"{abs(found.value):.1f}", direction="higher" if found.value > 0 else "lower"
        )
        + f" than on other days (95% interval {number(found.low, 2)} to "
        f"{number(found.high, 2)}; n = {n_group} days, against {n_rest})."
    )
    return Insight(
        spec.id,
        "difference",
        text,
        n_group + n_rest,
        low=found.low,
        high=found.high,
        difference=found.value,
        groups=(n_group, n_rest),
    )


def _trend(journal: Journal, spec: Trend, end: date, start: date | None) -> Insight | None:
    after_start = end - timedelta(days=TREND_DAYS - 1)
    before_start = after_start - timedelta(days=TREND_DAYS)
    if start and before_start < start:
        return None  # the range asked for does not reach back 8 weeks
    before_end = after_start - timedelta(days=1)
    if spec.measure == "augmentation":
        return _share_trend(journal, spec, (before_start, before_end), (after_start, end))
    before = paired_days(journal, before_start, before_end)[spec.measure]
    after = paired_days(journal, after_start, end)[spec.measure]
    before, after = before[~np.isnan(before)], after[~np.isnan(after)]
    if min(len(before), len(after)) < MIN_TREND_CHECKINS:
        return None
    found = difference(after, before)
    if found is None or not found.excludes_zero:
        return None
    text = (
        spec.text.format(
            direction="rose" if found.value > 0 else "fell",
            before=f"{before.mean():.1f}",
            after=f"{after.mean():.1f}",
        )
        + f" (95% interval of the change {number(found.low, 2)} to "
        f"{number(found.high, 2)}; {len(before)} and {len(after)} check-ins)."
    )
    return Insight(
        spec.id,
        "trend",
        text,
        len(before) + len(after),
        low=found.low,
        high=found.high,
        difference=found.value,
        groups=(len(before), len(after)),
    )


def _share_trend(
    journal: Journal, spec: Trend, before: tuple[date, date], after: tuple[date, date]
) -> Insight | None:
    (aug_b, n_b), (aug_a, n_a) = (_augmenting_uses(journal, *w) for w in (before, after))
    if min(n_b, n_a) < MIN_TREND_USES:
        return None
    p_b, p_a = aug_b / n_b, aug_a / n_a
    change = p_a - p_b
    # Two proportions: the normal interval of their difference.
    margin = Z95 * math.sqrt(p_b * (1 - p_b) / n_b + p_a * (1 - p_a) / n_a)
    low, high = change - margin, change + margin
    if not (low > 0 or high < 0):
        return None
    text = (
        spec.text.format(
            direction="rose" if change > 0 else "fell", before=f"{p_b:.0%}", after=f"{p_a:.0%}"
        )
        + f" ({n_b} AI uses in the 4 weeks before, {n_a} in the last 4)."
    )
    return Insight(
        spec.id, "trend", text, n_b + n_a, low=low, high=high, difference=change, groups=(n_b, n_a)
    )


def _augmenting_uses(journal: Journal, start: date, end: date) -> tuple[int, int]:
    rows = journal.ai_use_totals(start, end, "day")
    augmenting = sum(row[2] for row in rows if row[1] in augmentation_ids())
    return augmenting, sum(row[2] for row in rows)


def nudges_helped(
    journal: Journal, start: date | None = None, end: date | None = None
) -> Insight | None:
    """Connection in the 7 days after each acted-on nudge against the 7 days before."""
    acted = [
        n
        for n in journal.nudges(["acted"])
        if (start is None or n.day >= start) and (end is None or n.day <= end)
    ]
    if len(acted) < MIN_ACTED_NUDGES:
        return None
    days = paired_days(journal)
    day, connection = days["day"], days["connection"]
    changes = []
    for nudge in acted:  # a handful of nudges, not rows: a loop reads best
        when = _acted_day(journal, nudge)
        before = connection[(day >= when - 7) & (day < when)]
        after = connection[(day > when) & (day <= when + 7)]
        if len(before) and len(after):
            changes.append(after.mean() - before.mean())
    found = mean_change(np.array(changes))
    if found is None or len(changes) < MIN_ACTED_NUDGES:
        return None
    n = len(changes)
    size = f"{abs(found.value):.1f} {'higher' if found.value >= 0 else 'lower'}"
    interval = f"95% interval {number(found.low, 2)} to {number(found.high, 2)}"
    if found.excludes_zero:
        text = (
            f"In the week after the {n} nudges you acted on, your connection averaged "
            f"{size} than in the week before ({interval}, n = {n})."
        )
    else:
        text = (
            f"In the week after the {n} nudges you acted on, your connection averaged "
            f"{size} than in the week before, but with n = {n} that could be chance "
            f"({interval})."
        )
    answered = [n.helped for n in acted if n.helped is not None]
    if answered:
        text += f" You said it helped {sum(answered)} of {len(answered)} times."
    return Insight(
        "nudges-helped", "nudges", text, n, low=found.low, high=found.high, difference=found.value
    )


def _acted_day(journal: Journal, nudge: Nudge) -> int:
    touchpoint = journal.get(Touchpoint, nudge.touchpoint_id) if nudge.touchpoint_id else None
    when = touchpoint.day if touchpoint else nudge.day
    return (when - date(1970, 1, 1)).days
