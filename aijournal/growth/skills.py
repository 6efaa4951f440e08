"""Freelancer growth: skills learned with AI, done by AI or learned from people, and goals.

Every AI use or touchpoint that names a skill is a learning event. Its source decides what it
says about growth: augmentation patterns (learning, validation, task-iteration) are practice
"with AI", automation patterns (directive, feedback-loop) are work "done by AI", touchpoints
are learning "from people". Alignment is the share of AI minutes linked to a goal.

Qt-free; the journal does the counting in SQL, this module names the figures and windows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from aijournal.model.errors import InvalidInput
from aijournal.model.patterns import Mode, augmentation_ids, mode_of
from aijournal.model.records import AIUse, Goal, Skill

if TYPE_CHECKING:
    from aijournal.storage import Journal

GROWTH_DAYS = 90  # "recent growth" in a self-rating
ALIGNMENT_DAYS = 28  # "the last 4 weeks" of goal alignment
UNASSIGNED_DAYS = 14


class Source(StrEnum):
    """Where practice of a skill came from."""

    WITH_AI = "with-ai"
    BY_AI = "by-ai"
    FROM_PEOPLE = "from-people"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Source.WITH_AI: "learned with AI",
    Source.BY_AI: "done by AI",
    Source.FROM_PEOPLE: "learned from people",
}


def source_of_pattern(pattern_id: str) -> Source:
    return Source.WITH_AI if mode_of(pattern_id) is Mode.AUGMENTATION else Source.BY_AI


@dataclass(frozen=True)
class Practice:
    """How often and how long a skill was practised from one source."""

    count: int = 0
    minutes: int = 0


@dataclass(frozen=True)
class SkillGrowth:
    """One skill in the overview: its rating, recent growth and practice by source."""

    skill: Skill
    rating: int | None
    rated_on: date | None
    change_90d: int | None  # None: never rated
    with_ai: Practice
    by_ai: Practice
    from_people: Practice
    last_practised: date | None

    @property
    def name(self) -> str:
        return self.skill.name

    @property
    def niche(self) -> bool:
        return self.skill.niche

    @property
    def only_delegated(self) -> bool:
        """Only ever done by AI: a prompt to learn it yourself or pair with someone."""
        return self.by_ai.count > 0 and not (self.with_ai.count or self.from_people.count)

    def practice(self, source: Source) -> Practice:
        return {
            Source.WITH_AI: self.with_ai,
            Source.BY_AI: self.by_ai,
            Source.FROM_PEOPLE: self.from_people,
        }[source]

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "niche": self.niche,
            "rating": self.rating,
            "rated_on": _day(self.rated_on),
            "change_90d": self.change_90d,
            **{
                f"{s.value.replace('-', '_')}_{f}": getattr(self.practice(s), f)
                for s in Source
                for f in ("minutes", "count")
            },
            "last_practised": _day(self.last_practised),
            "only_delegated": self.only_delegated,
        }


@dataclass(frozen=True)
class RatingPoint:
    day: date
    rating: int
    note: str


@dataclass(frozen=True)
class AISession:
    id: str
    day: date
    pattern: str
    minutes: int
    tool: str

    @property
    def source(self) -> Source:
        return source_of_pattern(self.pattern)


@dataclass(frozen=True)
class PersonHelp:
    """A touchpoint where someone helped with the skill; `person` may be unnamed."""

    id: str
    day: date
    kind: str
    minutes: int | None
    person: str | None


@dataclass(frozen=True)
class MonthMinutes:
    month: str  # YYYY-MM
    with_ai: int
    by_ai: int
    from_people: int


@dataclass(frozen=True)
class SkillTimeline:
    """One skill's history: self-ratings, AI sessions, people who helped, minutes per month."""

    skill: Skill
    ratings: list[RatingPoint]
    ai_sessions: list[AISession]
    people: list[PersonHelp]
    months: list[MonthMinutes]

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.skill.name,
            "niche": self.skill.niche,
            "ratings": [_plain(x) for x in self.ratings],
            "ai_sessions": [_plain(x) | {"source": x.source.value} for x in self.ai_sessions],
            "people": [_plain(x) for x in self.people],
            "months": [_plain(x) for x in self.months],
        }


@dataclass(frozen=True)
class GoalFigures:
    """One goal with the AI time and the touchpoints that served it."""

    goal: Goal
    ai_minutes: int
    ai_uses: int
    recent_ai_minutes: int  # the last 4 weeks
    touchpoints: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.goal.name,
            "kind": self.goal.kind,
            "target_date": _day(self.goal.target_date),
            "archived": self.goal.archived,
            "ai_minutes": self.ai_minutes,
            "ai_uses": self.ai_uses,
            "ai_minutes_4w": self.recent_ai_minutes,
            "touchpoints": self.touchpoints,
        }


@dataclass(frozen=True)
class Alignment:
    """The share of AI minutes linked to a goal, all time and over the last 4 weeks."""

    minutes: int
    linked: int
    recent_minutes: int
    recent_linked: int

    @property
    def share(self) -> float | None:
        return self.linked / self.minutes if self.minutes else None

    @property
    def recent_share(self) -> float | None:
        return self.recent_linked / self.recent_minutes if self.recent_minutes else None

    def as_dict(self) -> dict[str, Any]:
        return _plain(self) | {"share": self.share, "share_4w": self.recent_share}


@dataclass(frozen=True)
class GoalDetail:
    """One goal: its figures, minutes per month and AI minutes by pattern."""

    figures: GoalFigures
    months: list[dict[str, Any]]
    patterns: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return self.figures.as_dict() | {"months": self.months, "patterns": self.patterns}


# ---- skills ------------------------------------------------------------------------------


def skill_overview(journal: Journal, today: date) -> list[SkillGrowth]:
    """Every skill with its growth, most recent growth first, never-rated skills last."""
    skills = {s.id: s for s in journal.skills()}
    since = today - timedelta(days=GROWTH_DAYS)
    found = []
    for row in journal.skill_figures(today, since, augmentation_ids()):
        rating, baseline = row["rating"], row["baseline"]
        found.append(
            SkillGrowth(
                skill=skills[row["id"]],
                rating=rating,
                rated_on=_date(row["rated_on"]),
                change_90d=None if rating is None else rating - baseline,
                **{
                    column: Practice(row[f"{column}_count"], row[f"{column}_minutes"])
                    for column in ("with_ai", "by_ai", "from_people")
                },
                last_practised=_date(row["last_practised"]),
            )
        )
    # Stable sorts, least important key first: then by last practised, then by growth.
    found.sort(key=lambda g: g.last_practised or date.min, reverse=True)
    found.sort(key=lambda g: (g.change_90d is None, -(g.change_90d or 0)))
    return found


def skill_timeline(journal: Journal, name: str) -> SkillTimeline:
    """One skill's ratings, AI sessions, helpers and monthly minutes, oldest first."""
    skill = find_skill(journal, name)
    return SkillTimeline(
        skill=skill,
        ratings=[RatingPoint(x.day, x.rating, x.note) for x in journal.skill_ratings(skill.name)],
        ai_sessions=[
            AISession(x["id"], date.fromisoformat(x["day"]), x["pattern"], x["minutes"], x["tool"])
            for x in journal.skill_ai_sessions(skill.id)
        ],
        people=[
            PersonHelp(x["id"], date.fromisoformat(x["day"]), x["kind"], x["minutes"], x["person"])
            for x in journal.skill_helpers(skill.id)
        ],
        months=[MonthMinutes(**x) for x in journal.skill_months(skill.id, augmentation_ids())],
    )


def find_skill(journal: Journal, name: str) -> Skill:
    """The skill with this name; InvalidInput naming the skills there are otherwise."""
    if skill := journal.skill_named(name):
        return skill
    names = [s.name for s in journal.skills()]
    raise InvalidInput(
        "skill",
        name,
        ("use one of " + ", ".join(names)) if names else "add it with `skill add` first",
    )


def set_niche(journal: Journal, name: str, niche: bool = True) -> Skill:
    """Mark a skill as part of the user's niche (or not)."""
    skill = find_skill(journal, name)
    return skill if skill.niche == niche else journal.update(skill.touched(niche=niche))


# ---- goals -------------------------------------------------------------------------------


def goal_overview(journal: Journal, today: date) -> list[GoalFigures]:
    """Every goal (archived ones last) with its AI minutes and touchpoints, busiest first."""
    figures = journal.goal_figures(today, today - timedelta(days=ALIGNMENT_DAYS - 1))
    found = [GoalFigures(goal=g, **figures[g.id]) for g in journal.goals(archived=True)]
    found.sort(key=lambda f: (f.goal.archived, -f.ai_minutes, f.goal.name.casefold()))
    return found


def alignment(journal: Journal, today: date) -> Alignment:
    """Share of AI minutes linked to a goal: all time, and the 4 weeks ending today."""
    return Alignment(**journal.goal_alignment(today, today - timedelta(days=ALIGNMENT_DAYS - 1)))


def goal_detail(journal: Journal, name: str, today: date) -> GoalDetail:
    goal = journal.goal_named(name)
    [figures] = [f for f in goal_overview(journal, today) if f.goal.id == goal.id]
    return GoalDetail(figures, journal.goal_months(goal.id), journal.goal_patterns(goal.id))


def unassigned_uses(journal: Journal, today: date, days: int = UNASSIGNED_DAYS) -> list[AIUse]:
    """AI uses of the `days` days ending today that serve no goal, newest first."""
    return journal.unassigned_uses(today - timedelta(days=days - 1), today)


def assign_goal(journal: Journal, use_ids: Iterable[str], goal_id: str | None) -> int:
    """Link these AI uses to a goal (None unlinks), all or none; how many changed."""
    return journal.assign_goal(list(use_ids), goal_id)


# ---- helpers -----------------------------------------------------------------------------


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _plain(record: Any) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(record).items()}
