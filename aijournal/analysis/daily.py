"""The days Insights reads: one row per check-in day with that day's AI and people figures.

`read_days` gets them from the journal (aggregated in SQL); the simulation in
tests/analysis and bench/insights_simulation.py builds the same `Days` directly, so both run
the same statistics on the same shape of data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from aijournal.model.patterns import augmentation_ids
from aijournal.storage import Journal

EPOCH = date(1970, 1, 1)
CHECKIN_MEASURES = ("burnout", "connection", "energy", "safety")
DAY_MEASURES = ("ai_uses", "ai_minutes", "replaced", "augmenting", "touchpoints")
NUDGE_STATUSES = ("new", "snoozed", "planned", "dismissed", "acted")


def factor_series(factor_id: str) -> str:
    """The name of a factor's daily series in `Days.extra`."""
    return f"factor:{factor_id}"


def epoch(day: date) -> int:
    return (day - EPOCH).days


def calendar(epoch_day: int) -> date:
    return EPOCH + timedelta(days=int(epoch_day))


@dataclass(frozen=True)
class Occasion:
    """A nudge the rules produced: the day it fired and whether the user acted on it."""

    day: int  # epoch day
    acted: bool


@dataclass(frozen=True, eq=False)
class Days:
    """Check-in days (epoch days, increasing) and per day each measure; NaN: not answered.

    `extra` holds further daily series by name (the user's own check-in factors join here),
    aligned with `day`.
    """

    day: np.ndarray
    burnout: np.ndarray
    connection: np.ndarray
    energy: np.ndarray
    safety: np.ndarray
    ai_uses: np.ndarray  # 0 on a day without AI uses
    ai_minutes: np.ndarray
    replaced: np.ndarray  # AI uses that stood in for a person
    augmenting: np.ndarray  # AI uses that augmented the user's own work
    touchpoints: np.ndarray
    occasions: tuple[Occasion, ...] = ()
    extra: Mapping[str, np.ndarray] = field(default_factory=dict)

    def series(self, name: str) -> np.ndarray:
        """A measure by name: a check-in answer, a day figure, "augmentation" or an extra."""
        if name == "augmentation":  # the share of the day's AI uses that augmented
            with np.errstate(invalid="ignore", divide="ignore"):
                return np.where(self.ai_uses > 0, self.augmenting / self.ai_uses, np.nan)
        if name in self.extra:
            return np.asarray(self.extra[name], dtype=np.float64)
        return np.asarray(getattr(self, name), dtype=np.float64)

    def between(self, start: int, end: int) -> Days:
        """The days from `start` to `end` (epoch days, inclusive) and their occasions."""
        keep = (self.day >= start) & (self.day <= end)
        return Days.of(
            self.day[keep],
            [getattr(self, m)[keep] for m in CHECKIN_MEASURES + DAY_MEASURES],
            tuple(o for o in self.occasions if start <= o.day <= end),
            {k: np.asarray(v)[keep] for k, v in self.extra.items()},
        )

    @classmethod
    def of(
        cls,
        day: np.ndarray,
        measures: Sequence[np.ndarray],
        occasions: tuple[Occasion, ...] = (),
        extra: Mapping[str, np.ndarray] | None = None,
    ) -> Days:
        """Days from the measures in `CHECKIN_MEASURES + DAY_MEASURES` order."""
        named: dict[str, Any] = dict(zip(CHECKIN_MEASURES + DAY_MEASURES, measures))
        return cls(day=day, occasions=occasions, extra=extra or {}, **named)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Days):
            return NotImplemented
        names = ("day", *CHECKIN_MEASURES, *DAY_MEASURES)
        return (
            all(np.array_equal(self.series(n), other.series(n), equal_nan=True) for n in names)
            and self.occasions == other.occasions
            and self.extra.keys() == other.extra.keys()
            and all(
                np.array_equal(self.series(k), other.series(k), equal_nan=True) for k in self.extra
            )
        )

    __hash__ = None  # type: ignore[assignment]


def read_days(journal: Journal, start: date | None = None, end: date | None = None) -> Days:
    """The check-in days from `start` to `end` with their figures, and the nudges fired then."""
    rows = np.array(journal.checkin_values(start, end), dtype=np.float64).reshape(-1, 5)
    day = rows[:, 0].astype(np.int64)
    figures = np.zeros((len(DAY_MEASURES), len(day)))
    augmenting = set(augmentation_ids())
    for at_day, pattern, uses, minutes, _goal, replaced in journal.ai_use_totals(start, end, "day"):
        if (at := _index(day, at_day)) is not None:
            figures[:4, at] += (uses, minutes, replaced, uses if pattern in augmenting else 0)
    for at_day, count, _minutes in journal.touchpoint_totals(start, end, "day"):
        if (at := _index(day, at_day)) is not None:
            figures[4, at] = count
    occasions = tuple(
        Occasion(epoch(n.day), n.status == "acted")
        for n in sorted(journal.nudges(NUDGE_STATUSES), key=lambda n: n.day)
        if (start is None or n.day >= start) and (end is None or n.day <= end)
    )
    return Days.of(
        day, [*rows[:, 1:].T, *figures], occasions, _factor_series(journal, day, start, end)
    )


def _factor_series(
    journal: Journal, day: np.ndarray, start: date | None, end: date | None
) -> dict[str, np.ndarray]:
    """Each factor's answers aligned with the check-in days (NaN: not answered)."""
    series = {
        factor_series(f.id): np.full(len(day), np.nan) for f in journal.factors(archived=True)
    }
    for factor_id, at_day, value in journal.factor_answers(start, end):
        name = factor_series(factor_id)
        if name in series and (at := _index(day, at_day)) is not None:
            series[name][at] = value
    return series


def _index(day: np.ndarray, at_day: int) -> int | None:
    """Where `at_day` is among the check-in days, None when it is not one."""
    at = int(np.searchsorted(day, at_day))
    return at if at < len(day) and day[at] == at_day else None
