"""Weekly figures: augmentation share, AI minutes, touchpoints, replaced-person uses, moods.

Sums and means come from SQL (`Journal.ai_use_totals`, `touchpoint_totals` and `checkin_totals`,
grouped by the one week rule of `model.dates`, the same queries Trends and summaries read); this
module shapes them into weeks, fills the weeks with nothing logged, and derives the shares.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from aijournal.model.dates import epoch_day, from_epoch_day, week_start
from aijournal.model.patterns import augmentation_ids
from aijournal.storage import Journal


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    ai_uses: int
    augmentation_uses: int
    ai_minutes: int
    replaced: int
    touchpoints: int
    touchpoint_minutes: int
    checkins: int
    burnout_mean: float | None
    connection_mean: float | None
    # The user's factors answered this week, by name: a yes/no factor's share of yes, a 1–5
    # factor's mean (what the Trends factor charts show per week).
    factors: dict[str, float] = field(default_factory=dict, compare=False, kw_only=True)

    @property
    def augmentation_share(self) -> float | None:
        """Share of this week's AI uses that augmented the user's own work (0–1)."""
        return self.augmentation_uses / self.ai_uses if self.ai_uses else None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["augmentation_share"] = _round(self.augmentation_share, 3)
        data["burnout_mean"] = _round(self.burnout_mean, 2)
        data["connection_mean"] = _round(self.connection_mean, 2)
        data["factors"] = {name: round(value, 3) for name, value in self.factors.items()}
        return data


def weekly(journal: Journal, start: date | None = None, end: date | None = None) -> list[Week]:
    """One `Week` per calendar week from the first to the last with data (or the range given,
    kept within the weeks that have data or have begun: no empty centuries)."""
    aug = set(augmentation_ids())
    figures: dict[int, list[Any]] = {}

    def at(week: int) -> list[Any]:
        return figures.setdefault(week, [0, 0, 0, 0, 0, 0, 0, None, None])

    for week, pattern, uses, minutes, _goal_minutes, replaced in journal.ai_use_totals(
        start, end, "week"
    ):
        row = at(week)
        row[0] += uses
        row[1] += uses if pattern in aug else 0
        row[2] += minutes
        row[3] += replaced
    for week, touchpoints, minutes in journal.touchpoint_totals(start, end, "week"):
        at(week)[4:6] = [touchpoints, minutes]
    for week, checkins, burnout, connection in journal.checkin_totals(start, end, "week"):
        at(week)[6:9] = [checkins, burnout, connection]
    if not figures and (start is None or end is None):
        return []
    # The weeks asked for, but never past the current week (or the last with data) nor, when
    # there is data, before its first week: `--to 9999-12-31` means "up to now".
    this_week = epoch_day(week_start(journal.clock().date()))
    newest = max([this_week, *figures])
    last = min(epoch_day(week_start(end)), newest) if end else max(figures)
    oldest = min([last, *figures]) if figures else None
    first = epoch_day(week_start(start)) if start else min(figures)
    first = first if oldest is None else max(first, oldest)
    answers = _factor_weeks(journal, start, end)
    return [
        Week(
            from_epoch_day(week),
            *figures.get(week, [0, 0, 0, 0, 0, 0, 0, None, None]),
            factors=answers.get(week, {}),
        )
        for week in range(first, last + 1, 7)
    ]


def _factor_weeks(
    journal: Journal, start: date | None, end: date | None
) -> dict[int, dict[str, float]]:
    """Per week (epoch day of its Monday): each answered factor's mean answer, by name."""
    names = {f.id: f.name for f in journal.factors(archived=True)}
    sums: dict[int, dict[str, list[float]]] = {}
    for factor_id, day, value in journal.factor_answers(start, end):
        if factor_id in names:
            week = epoch_day(week_start(from_epoch_day(day)))
            total = sums.setdefault(week, {}).setdefault(names[factor_id], [0.0, 0.0])
            total[0] += value
            total[1] += 1
    return {
        week: {name: total / count for name, (total, count) in by_name.items()}
        for week, by_name in sums.items()
    }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
