"""Weekly figures: augmentation share, AI minutes, touchpoints, replaced-person uses, moods.

Sums and means come from SQL (`Journal.weekly_figures`); this module shapes them into weeks,
fills the weeks with nothing logged, and derives the shares.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

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
        return data


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(journal: Journal, start: date | None = None, end: date | None = None) -> list[Week]:
    """One `Week` per calendar week from the first to the last with data (or the range given)."""
    rows = {row["week"]: row for row in journal.weekly_figures(start, end)}
    if not rows and (start is None or end is None):
        return []
    first = monday(start) if start else date.fromisoformat(min(rows))
    last = monday(end) if end else date.fromisoformat(max(rows))
    weeks = []
    week = first
    while week <= last:
        row = rows.get(week.isoformat())
        weeks.append(_week(week, row) if row else Week(week, 0, 0, 0, 0, 0, 0, 0, None, None))
        week += timedelta(days=7)
    return weeks


def _week(start: date, row: dict[str, Any]) -> Week:
    return Week(
        start,
        row["ai_uses"],
        row["augmentation_uses"],
        row["ai_minutes"],
        row["replaced"],
        row["touchpoints"],
        row["touchpoint_minutes"],
        row["checkins"],
        row["burnout_mean"],
        row["connection_mean"],
    )


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
