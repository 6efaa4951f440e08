"""A realistic, reproducible year of sample data for trying the app.

The story: a data engineer and part-time freelancer who leans on AI more and more. Spring is
busy and lonely (burnout climbs, connection falls, more uses stand in for asking a person);
after a mentor conversation in early summer they pair more and learn with AI rather than
delegating to it. The same seed always gives the same journal, ids included.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from aijournal.model import records as r
from aijournal.model.errors import Cancelled, JournalError
from aijournal.storage import Journal
from aijournal.wellbeing import instruments

Progress = Callable[[int, int], bool | None]  # (done, total) -> False to cancel

PEOPLE = [
    ("Dana", "mentor", 14),
    ("Sam", "peer", 7),
    ("Priya", "manager", 7),
    ("Alex", "client", 21),
    ("Jordan", "friend", 30),
    ("Mo", "peer", 14),
]
SKILLS = [
    ("SQL window functions", True),
    ("Data pipelines", True),
    ("Python testing", False),
    ("Prompt design", False),
    ("Client communication", False),
]
GOALS = [
    ("Ship reporting", "organisation"),
    ("Grow my data-engineering niche", "personal"),
    ("Acme migration", "client"),
]
TOOLS = [("ChatGPT", 5), ("Claude", 4), ("Copilot", 3), ("Gemini", 1)]
TASKS = [
    "Draft a migration plan",
    "Explain a window function",
    "Review a pull request",
    "Write unit tests",
    "Summarise a client call",
    "Fix a failing pipeline",
    "Outline a blog post",
    "Refactor a report query",
    "Check an estimate",
    "Learn dbt macros",
    "Write an email to a client",
    "Debug a flaky test",
]
AI_NOTES = [
    "Faster than I expected.",
    "Had to correct it twice.",
    "Should have asked Sam.",
    "Good explanation, I understand it now.",
    "",
    "",
    "",
    "Saved me an hour.",
]
DAY_NOTES = [
    "Long meeting day.",
    "Deep work, few interruptions.",
    "Felt stuck most of the day.",
    "Good chat with the team at lunch.",
    "",
    "",
    "Tired.",
    "Shipped something!",
]
TOUCH_NOTES = [
    "Helpful, should do this more often.",
    "",
    "Quick but useful.",
    "They had the same problem last year.",
    "",
]
TOUCH_KINDS = [
    ("one-to-one", 3),
    ("pairing", 3),
    ("advice-asked", 3),
    ("feedback-asked", 2),
    ("social", 3),
    ("team-reflection", 1),
    ("mentoring-received", 1),
    ("feedback-given", 1),
    ("gratitude-sent", 1),
    ("mentoring-given", 1),
]


def fill(
    journal: Journal, *, days: int = 365, seed: int = 2026, progress: Progress | None = None
) -> dict[str, int]:
    """Add `days` days of sample data ending today, in one transaction; returns counts.

    Refuses a journal that already holds entries, so sample data never mixes with real ones.
    A progress callback returning False cancels, and then nothing is written.
    """
    if any(journal.counts()[t] for t in ("ai_uses", "checkins", "touchpoints")):
        raise JournalError(
            "This journal already has entries; sample data goes into a new "
            "journal (for example `aijournal --data-dir /tmp/sample demo`)."
        )
    rng = random.Random(seed)
    today = journal.clock().date()
    zone = journal.clock().tzinfo
    start = today - timedelta(days=days - 1)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def stamp(day: date, hour: float = 18.0) -> str:
        moment = datetime.combine(day, time(int(hour), int(hour % 1 * 60)), zone)
        return r.utc_stamp(min(moment, journal.clock()))

    with journal.transaction():
        for name, relationship, cadence in PEOPLE:
            journal.add(
                r.Person(
                    id=new_id(),
                    name=name,
                    relationship=relationship,
                    cadence_days=cadence,
                    created_at=stamp(start, 8),
                    updated_at=stamp(start, 8),
                )
            )
        for name, niche in SKILLS:
            journal.add(
                r.Skill(
                    id=new_id(),
                    name=name,
                    niche=niche,
                    created_at=stamp(start, 8),
                    updated_at=stamp(start, 8),
                )
            )
        goal_ids = []
        for name, kind in GOALS:
            goal = journal.add(
                r.Goal(
                    id=new_id(),
                    name=name,
                    kind=kind,
                    created_at=stamp(start, 8),
                    updated_at=stamp(start, 8),
                )
            )
            goal_ids.append(goal.id)
        for offset in range(days):
            day = start + timedelta(days=offset)
            _one_day(journal, rng, new_id, stamp, day, offset / max(days - 1, 1), goal_ids)
            if progress and progress(offset + 1, days) is False:
                raise Cancelled("Sample data cancelled; nothing was added.")
    return journal.counts()


def _one_day(journal, rng, new_id, stamp, day, progress_in_year, goal_ids) -> None:
    """Write one day: AI uses, touchpoints, a check-in, and instruments when due."""
    workday = day.weekday() < 5
    # Stress peaks around 40% into the year, then eases after the mentor's advice at ~55%.
    strain = max(0.0, 1 - abs(progress_in_year - 0.4) / 0.25)
    recovering = progress_in_year > 0.55
    now = journal.clock()

    def at(hour: float) -> datetime:
        return min(datetime.combine(day, time(int(hour), int(hour % 1 * 60)), now.tzinfo), now)

    replaced = 0
    uses = rng.randint(3, 7) if workday else rng.choice([0, 0, 1])
    for _ in range(uses):
        automate = 0.35 + 0.3 * strain - (0.15 if recovering else 0)
        if rng.random() < automate:
            pattern = rng.choice(["directive", "directive", "feedback-loop"])
        else:
            pattern = rng.choice(["task-iteration", "learning", "validation", "learning"])
        replaced_person = rng.random() < (0.15 + 0.35 * strain) * (
            1.5 if pattern == "directive" else 0.6
        )
        replaced += replaced_person
        hour = rng.uniform(8.5, 18)
        skills = (rng.choice(SKILLS)[0],) if rng.random() < 0.45 else ()
        journal.add(
            r.AIUse(
                id=new_id(),
                started_at=at(hour),
                tool=_weighted(rng, TOOLS),
                pattern=pattern,
                minutes=max(2, int(rng.lognormvariate(2.8, 0.6))),
                task=rng.choice(TASKS),
                replaced_person=replaced_person,
                goal_id=rng.choice(goal_ids) if rng.random() < 0.6 else None,
                skills=skills,
                outcome=rng.choice([3, 4, 4, 5, 2]),
                note=rng.choice(AI_NOTES),
                source="demo",
                created_at=stamp(day, hour),
                updated_at=stamp(day, hour),
            )
        )

    touches = rng.choice([0, 1, 1, 2, 2, 3]) if workday else rng.choice([0, 0, 1])
    if strain > 0.6 and rng.random() < 0.5:
        touches = max(0, touches - 1)
    if recovering and workday and rng.random() < 0.3:
        touches += 1
    for _ in range(touches):
        hour = rng.uniform(9, 19)
        kind = _weighted(rng, TOUCH_KINDS)
        person = rng.choice(PEOPLE)[0] if rng.random() < 0.85 else None
        journal.add(
            r.Touchpoint(
                id=new_id(),
                at=at(hour),
                kind=kind,
                person=person,
                minutes=rng.choice([10, 15, 20, 30, 45, 60]),
                quality=rng.choice([3, 4, 4, 5]),
                skills=(rng.choice(SKILLS)[0],)
                if kind in ("pairing", "mentoring-received") and rng.random() < 0.6
                else (),
                note=rng.choice(TOUCH_NOTES),
                created_at=stamp(day, hour),
                updated_at=stamp(day, hour),
            )
        )

    if rng.random() < (0.85 if workday else 0.3):
        burnout = _clamp(round(1.7 + 1.8 * strain + rng.gauss(0, 0.6)))
        connection = _clamp(
            round(3.8 - 1.3 * strain - 0.3 * replaced + 0.3 * touches + rng.gauss(0, 0.6))
        )
        journal.add(
            r.Checkin(
                id=new_id(),
                day=day,
                burnout=burnout,
                connection=connection,
                safety=_clamp(round(3.6 - strain + rng.gauss(0, 0.7))),
                conversations=touches + rng.randint(0, 2),
                asked_advice=touches > 0 and rng.random() < 0.5,
                energy=_clamp(round(3.6 - 1.4 * strain + rng.gauss(0, 0.7))),
                note=rng.choice(DAY_NOTES),
                created_at=stamp(day, 18),
                updated_at=stamp(day, 18),
            )
        )

    day_number = day.toordinal()
    for instrument_id, cadence in (("ucla3", 7), ("who5", 14), ("cbi", 30)):
        if day_number % cadence == 0:
            answers = _answers(rng, instrument_id, strain)
            result = instruments.score(instrument_id, answers)
            journal.add(
                r.Assessment(
                    id=new_id(),
                    instrument=instrument_id,
                    day=day,
                    answers=tuple(answers),
                    score=result.score,
                    band=result.band,
                    created_at=stamp(day, 19),
                    updated_at=stamp(day, 19),
                )
            )
    if day_number % 30 == 0:
        for name, _ in SKILLS:
            rating = _clamp(
                round(1.5 + 3 * progress_in_year * (0.6 + 0.4 * (name < "P")) + rng.gauss(0, 0.3))
            )
            journal.add(
                r.SkillRating(
                    id=new_id(),
                    skill=name,
                    day=day,
                    rating=rating,
                    created_at=stamp(day, 20),
                    updated_at=stamp(day, 20),
                )
            )


def _answers(rng: random.Random, instrument_id: str, strain: float) -> list[int]:
    """Answers that worsen with the year's strain, within each item's own options."""
    answers = []
    for item in instruments.instrument(instrument_id).items:
        badness = min(1.0, max(0.0, 0.2 + 0.6 * strain + rng.gauss(0, 0.12)))
        low, high = item.values[0], item.values[-1]
        # WHO-5 counts up with well-being; UCLA-3 counts up with loneliness; a CBI answer's
        # first option is the worst one, except for the reversed item.
        if instrument_id == "who5" or (instrument_id == "cbi" and not item.reversed):
            badness = 1 - badness
        answers.append(low + round((high - low) * badness))
    return answers


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _clamp(value: int, low: int = 1, high: int = 5) -> int:
    return max(low, min(high, value))
