"""The journal's record types and every rule about what a valid value is.

Records are frozen dataclasses; building one validates it, so an invalid record cannot exist.
Storage turns rows into records and back; the CLI and the desktop app build records from what
the user typed, through the parse_* helpers here, and show `InvalidInput` messages as they are.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar, Self

from aijournal.model.errors import InvalidInput
from aijournal.model.patterns import PATTERN_IDS

Clock = Callable[[], datetime]

TOUCHPOINT_KINDS: tuple[str, ...] = (
    "one-to-one",
    "mentoring-given",
    "mentoring-received",
    "feedback-asked",
    "feedback-given",
    "pairing",
    "team-reflection",
    "advice-asked",
    "gratitude-sent",
    "social",
)
RELATIONSHIPS: tuple[str, ...] = ("mentor", "peer", "manager", "client", "friend", "other")
GOAL_KINDS: tuple[str, ...] = ("personal", "client", "organisation")
FACTOR_KINDS: tuple[str, ...] = ("yes-no", "scale")  # the user's own check-in items
SOURCES: tuple[str, ...] = (
    "manual",
    "cli",
    "chatgpt-export",
    "claude-export",
    "json",
    "demo",
    # sessions read from tools on this machine (aijournal/sources)
    "claude-code",
    "codex",
    "aider",
    "open-webui",
)
MAX_MINUTES = 24 * 60
MAX_TEXT = 10_000
# A clock a few minutes fast on another machine should not make a fresh entry "in the future".
FUTURE_SLACK = timedelta(minutes=5)


def now() -> datetime:
    """The current local time, timezone-aware: the default clock."""
    return datetime.now().astimezone()


def utc_stamp(moment: datetime | None = None) -> str:
    """An ISO 8601 UTC timestamp; UTC so that `updated_at` strings compare in time order."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    return str(uuid.uuid4())


# ---- field rules ---------------------------------------------------------------------------


def check_scale(
    name: str, value: int | None, low: int = 1, high: int = 5, required: bool = True
) -> None:
    if value is None and not required:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(name, value, f"use a whole number from {low} to {high}")


def check_count(name: str, value: int | None, high: int, required: bool = False) -> None:
    check_scale(name, value, 0, high, required)


def check_choice(name: str, value: str, allowed: Iterable[str]) -> None:
    allowed = tuple(allowed)
    if value not in allowed:
        raise InvalidInput(name, value, "use one of " + ", ".join(allowed))


def check_text(name: str, value: str, required: bool = False, limit: int = MAX_TEXT) -> None:
    if not isinstance(value, str):
        raise InvalidInput(name, value, "use text")
    if required and not value.strip():
        raise InvalidInput(name, value, "it cannot be empty")
    if len(value) > limit:
        raise InvalidInput(name, value[:20] + "…", f"use at most {limit} characters")


def check_moment(name: str, value: datetime) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise InvalidInput(name, value, "use a date and time with its UTC offset")


def check_day(name: str, value: date) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidInput(name, value, "use a date as YYYY-MM-DD")


def check_not_future_day(name: str, day: date, clock: Clock) -> None:
    today = clock().date()
    if day > today:
        raise InvalidInput(name, day.isoformat(), f"use today ({today.isoformat()}) or earlier")


def check_not_future_moment(name: str, moment: datetime, clock: Clock) -> None:
    if moment > clock() + FUTURE_SLACK:
        raise InvalidInput(name, moment.isoformat(timespec="minutes"), "use a time up to now")


def clean_names(name: str, values: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, non-empty, de-duplicated names in their given order."""
    seen: dict[str, str] = {}
    for value in values:
        check_text(name, value, limit=200)
        value = " ".join(value.split())
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return tuple(seen.values())


# ---- parsing what people type ------------------------------------------------------------


def parse_day(name: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InvalidInput(name, text, "use a date as YYYY-MM-DD") from None


def parse_moment(name: str, text: str) -> datetime:
    """An ISO date or date-time; a time without offset is taken as local time."""
    try:
        moment = datetime.fromisoformat(text.strip())
        # Local time at the very ends of the calendar (0001-01-01, 9999-12-31) has no UTC.
        return moment if moment.tzinfo else moment.astimezone()
    except (ValueError, AttributeError, OverflowError, OSError):
        raise InvalidInput(name, text, "use an ISO date and time like 2026-03-01T14:30") from None


# ---- records -----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Record:
    """Fields every record has: a UUID and the times that make merges and undo possible."""

    record_kind: ClassVar[str] = ""
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=utc_stamp)
    updated_at: str = field(default_factory=utc_stamp)
    deleted_at: str | None = None

    def __post_init__(self) -> None:
        try:
            uuid.UUID(self.id)
        except (ValueError, TypeError, AttributeError):
            raise InvalidInput("id", self.id, "use a UUID") from None
        for name in ("created_at", "updated_at", "deleted_at"):
            stamp = getattr(self, name)
            if stamp is None and name == "deleted_at":
                continue
            try:
                if datetime.fromisoformat(stamp).tzinfo is None:
                    raise ValueError
            except (ValueError, TypeError):
                raise InvalidInput(name, stamp, "use an ISO 8601 time with UTC offset") from None
        self.validate()

    def validate(self) -> None:
        """Check the kind's own fields; raise InvalidInput for the first wrong one."""

    def touched(self, **changes: Any) -> Self:
        """A copy with these changes and a fresh `updated_at`."""
        return replace(self, **changes, updated_at=utc_stamp())

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True, kw_only=True)
class AIUse(Record):
    record_kind: ClassVar[str] = "ai-use"
    started_at: datetime
    tool: str
    pattern: str
    minutes: int
    task: str = ""
    replaced_person: bool = False
    goal_id: str | None = None
    skills: tuple[str, ...] = ()
    outcome: int | None = None
    note: str = ""
    source: str = "manual"
    source_ref: str | None = None
    to_review: bool = False
    turns: int | None = None  # the user's turns in an imported conversation
    suggested_pattern: str | None = None  # what the import rules guessed, for review
    suggestion_confidence: float | None = None
    suggestion_reason: str = ""

    def validate(self) -> None:
        check_moment("when", self.started_at)
        check_text("tool", self.tool, required=True, limit=100)
        check_choice("pattern", self.pattern, PATTERN_IDS)
        check_scale("minutes", self.minutes, 0, MAX_MINUTES)
        check_text("task", self.task, limit=500)
        check_scale("outcome", self.outcome, required=False)
        check_text("note", self.note)
        check_choice("source", self.source, SOURCES)
        check_count("turns", self.turns, 100_000)
        if self.suggested_pattern is not None:
            check_choice("suggested pattern", self.suggested_pattern, PATTERN_IDS)
        confidence = self.suggestion_confidence
        if confidence is not None and not (
            isinstance(confidence, float | int) and 0 <= confidence <= 1
        ):
            raise InvalidInput("confidence", confidence, "use a number from 0 to 1")
        check_text("reason", self.suggestion_reason, limit=500)
        object.__setattr__(self, "tool", self.tool.strip())
        object.__setattr__(self, "skills", clean_names("skill", self.skills))

    @property
    def day(self) -> date:
        return self.started_at.date()


@dataclass(frozen=True, kw_only=True)
class Checkin(Record):
    record_kind: ClassVar[str] = "checkin"
    day: date
    burnout: int
    connection: int
    safety: int | None = None
    conversations: int | None = None
    asked_advice: bool | None = None
    energy: int | None = None
    note: str = ""
    # The user's own factors answered that day: (factor id, value) pairs, sorted by id; a
    # yes/no factor is 1 or 0, a 1–5 factor its answer. Which kind each is lives with the
    # factor, so `Factor.check_value` checks a value against it.
    factors: tuple[tuple[str, int], ...] = ()

    def validate(self) -> None:
        check_day("date", self.day)
        check_scale("burnout", self.burnout)
        check_scale("connection", self.connection)
        check_scale("safety", self.safety, required=False)
        check_count("conversations", self.conversations, 200)
        check_scale("energy", self.energy, required=False)
        check_text("note", self.note)
        object.__setattr__(self, "factors", _factor_values(self.factors))

    @property
    def factor_values(self) -> dict[str, int]:
        """The factors answered that day, by factor id."""
        return dict(self.factors)

    def with_factors(self, values: dict[str, int | None]) -> Checkin:
        """A copy with these factors answered (None: the answer removed); others stay."""
        merged = self.factor_values
        for factor_id, value in values.items():
            if value is None:
                merged.pop(factor_id, None)
            else:
                merged[factor_id] = value
        return replace(self, factors=tuple(merged.items()))


def _factor_values(given: Any) -> tuple[tuple[str, int], ...]:
    """Factor answers as sorted (UUID, 0–5) pairs, from pairs or a mapping."""
    try:
        pairs = list(given.items() if isinstance(given, dict) else given)
        values = {str(uuid.UUID(str(key))): value for key, value in pairs}
    except (ValueError, TypeError, AttributeError):
        raise InvalidInput("factors", given, "use pairs of a factor id and its answer") from None
    for value in values.values():
        check_scale("factor", value, 0, 5)
    return tuple(sorted(values.items()))


@dataclass(frozen=True, kw_only=True)
class Touchpoint(Record):
    record_kind: ClassVar[str] = "touchpoint"
    at: datetime
    kind: str
    person: str | None = None
    minutes: int | None = None
    quality: int | None = None
    skills: tuple[str, ...] = ()
    goal_id: str | None = None
    note: str = ""

    def validate(self) -> None:
        check_moment("when", self.at)
        check_choice("kind", self.kind, TOUCHPOINT_KINDS)
        if self.person is not None:
            check_text("person", self.person, required=True, limit=200)
            object.__setattr__(self, "person", " ".join(self.person.split()))
        check_count("minutes", self.minutes, MAX_MINUTES)
        check_scale("quality", self.quality, required=False)
        check_text("note", self.note)
        object.__setattr__(self, "skills", clean_names("skill", self.skills))

    @property
    def day(self) -> date:
        return self.at.date()


@dataclass(frozen=True, kw_only=True)
class Person(Record):
    record_kind: ClassVar[str] = "person"
    name: str
    relationship: str = "other"
    cadence_days: int | None = None
    archived: bool = False

    def validate(self) -> None:
        check_text("name", self.name, required=True, limit=200)
        object.__setattr__(self, "name", " ".join(self.name.split()))
        check_choice("relationship", self.relationship, RELATIONSHIPS)
        check_scale("cadence", self.cadence_days, 1, 365, required=False)


@dataclass(frozen=True, kw_only=True)
class Skill(Record):
    record_kind: ClassVar[str] = "skill"
    name: str
    niche: bool = False

    def validate(self) -> None:
        check_text("skill", self.name, required=True, limit=200)
        object.__setattr__(self, "name", " ".join(self.name.split()))


@dataclass(frozen=True, kw_only=True)
class SkillRating(Record):
    record_kind: ClassVar[str] = "skill-rating"
    skill: str
    day: date
    rating: int
    note: str = ""

    def validate(self) -> None:
        check_text("skill", self.skill, required=True, limit=200)
        check_day("date", self.day)
        check_scale("rating", self.rating)
        check_text("note", self.note, limit=500)


@dataclass(frozen=True, kw_only=True)
class Goal(Record):
    record_kind: ClassVar[str] = "goal"
    name: str
    kind: str = "personal"
    target_date: date | None = None
    archived: bool = False

    def validate(self) -> None:
        check_text("goal", self.name, required=True, limit=200)
        object.__setattr__(self, "name", " ".join(self.name.split()))
        check_choice("goal kind", self.kind, GOAL_KINDS)
        if self.target_date is not None:
            check_day("target date", self.target_date)


@dataclass(frozen=True, kw_only=True)
class Assessment(Record):
    record_kind: ClassVar[str] = "assessment"
    instrument: str
    day: date
    answers: tuple[int | None, ...]
    score: float | None
    band: str | None = None

    def validate(self) -> None:
        check_text("instrument", self.instrument, required=True, limit=20)
        check_day("date", self.day)
        for answer in self.answers:
            check_scale("answer", answer, 0, 100, required=False)
        if self.score is not None and (
            isinstance(self.score, bool)
            or not isinstance(self.score, int | float)
            or not -1e6 <= self.score <= 1e6
        ):
            raise InvalidInput("score", self.score, "use a number or nothing")
        if self.band is not None:
            check_text("band", self.band, limit=50)


@dataclass(frozen=True, kw_only=True)
class Factor(Record):
    """The user's own check-in item: yes/no or 1–5, with an optional question."""

    record_kind: ClassVar[str] = "factor"
    name: str
    kind: str = "yes-no"
    question: str = ""
    archived: bool = False

    def validate(self) -> None:
        check_text("factor", self.name, required=True, limit=60)
        object.__setattr__(self, "name", " ".join(self.name.split()))
        check_choice("factor kind", self.kind, FACTOR_KINDS)
        check_text("question", self.question, limit=200)
        object.__setattr__(self, "question", " ".join(self.question.split()))

    @property
    def yes_no(self) -> bool:
        return self.kind == "yes-no"

    def check_value(self, value: int) -> None:
        """InvalidInput naming the factor unless `value` is one of its answers."""
        if self.yes_no:
            if isinstance(value, bool) or value not in (0, 1):
                raise InvalidInput(self.name, value, "use yes or no")
        else:
            check_scale(self.name, value)


NUDGE_STATUSES: tuple[str, ...] = ("new", "snoozed", "planned", "acted", "dismissed")


@dataclass(frozen=True, kw_only=True)
class Nudge(Record):
    """A prompt a nudge rule produced, the facts behind it, and what the user did with it."""

    record_kind: ClassVar[str] = "nudge"
    rule_id: str
    day: date
    facts: tuple[str, ...]
    message: str
    status: str = "new"
    snoozed_until: date | None = None
    planned_day: date | None = None
    planned_person_id: str | None = None
    touchpoint_id: str | None = None
    helped: bool | None = None  # the answer to the follow-up "did it help?"

    def validate(self) -> None:
        check_text("rule", self.rule_id, required=True, limit=50)
        check_day("date", self.day)
        check_text("message", self.message, required=True, limit=1000)
        check_choice("status", self.status, NUDGE_STATUSES)
        for name in ("snoozed_until", "planned_day"):
            if getattr(self, name) is not None:
                check_day(name.replace("_", " "), getattr(self, name))
        object.__setattr__(self, "facts", tuple(str(f) for f in self.facts))


RECORD_TYPES: tuple[type[Record], ...] = (
    Person,
    Skill,
    Goal,
    AIUse,
    Checkin,
    Touchpoint,
    SkillRating,
    Assessment,
    Nudge,
    Factor,
)
BY_KIND: dict[str, type[Record]] = {t.record_kind: t for t in RECORD_TYPES}
ENTRY_KINDS: tuple[str, ...] = ("ai-use", "checkin", "touchpoint", "assessment")


def check_timely(record: Record, clock: Clock) -> None:
    """No entry may lie in the future of `clock` (a few minutes' slack for times)."""
    if isinstance(record, AIUse):
        check_not_future_moment("when", record.started_at, clock)
    elif isinstance(record, Touchpoint):
        check_not_future_moment("when", record.at, clock)
    elif isinstance(record, Checkin | SkillRating | Assessment):
        check_not_future_day("date", record.day, clock)
