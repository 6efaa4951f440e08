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
from typing import Any

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
# The user's own check-in factors of the story: (name, kind, question). Their ids and answers
# come from a generator of their own, so the rest of the story is the same with or without them.
FACTORS = [
    ("Slept well", "yes-no", "Did you sleep well last night?"),
    ("Focus time", "scale", "How much deep, uninterrupted focus did you get today?"),
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
    while journal.get(r.Person, _first_id(seed), deleted=True):  # removed sample data
        seed += 1  # its ids stay taken (Undo may bring it back): the next seed's story
    story = _Story(
        journal, random.Random(seed), journal.clock().date() - timedelta(days=days - 1), seed
    )
    with journal.transaction():
        before = journal.last_rowids()
        goal_ids = story.circle()
        story.add_factors()
        for offset in range(days):
            story.one_day(offset, offset / max(days - 1, 1), goal_ids)
            if progress and progress(offset + 1, days) is False:
                raise Cancelled("Sample data cancelled; nothing was added.")
        journal.mark_sample(before)  # so that exactly these can be removed (sample_data.py)
    return journal.counts()


def _first_id(seed: int) -> str:
    """The id of the story's first record (its first person) for this seed."""
    return _Story.id_from(random.Random(seed))


class _Story:
    """The sample year, written day by day with one seeded random generator."""

    def __init__(self, journal: Journal, rng: random.Random, start: date, seed: int = 2026):
        self.journal, self.rng, self.start = journal, rng, start
        self.now = journal.clock()
        self.factor_rng = random.Random(f"{seed}-factors")
        self.factor_ids: list[str] = []

    def add_factors(self) -> None:
        """The story's own check-in factors (`FACTORS`)."""
        first = self.stamps(self.start, 8)
        for name, kind, question in FACTORS:
            factor_id = str(uuid.UUID(int=self.factor_rng.getrandbits(128), version=4))
            self.journal.add(
                r.Factor(id=factor_id, name=name, kind=kind, question=question, **first)
            )
            self.factor_ids.append(factor_id)

    def factor_answers(self, workday: bool, strain: float) -> tuple[tuple[str, int], ...]:
        """Sleep suffers and focus time shrinks as the strain builds."""
        rng = self.factor_rng
        slept, focus = self.factor_ids
        answers = {slept: int(rng.random() < 0.8 - 0.5 * strain)}
        if workday or rng.random() < 0.3:
            answers[focus] = _clamp(round(3.7 - 1.6 * strain + rng.gauss(0, 0.8)))
        return tuple(answers.items())

    def new_id(self) -> str:
        return self.id_from(self.rng)

    @staticmethod
    def id_from(rng: random.Random) -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def at(self, day: date, hour: float) -> datetime:
        """That hour of that day, never later than now."""
        moment = datetime.combine(day, time(int(hour), int(hour % 1 * 60)), self.now.tzinfo)
        return min(moment, self.now)

    def stamps(self, day: date, hour: float) -> dict[str, Any]:
        stamp = r.utc_stamp(self.at(day, hour))
        return {"created_at": stamp, "updated_at": stamp}

    def circle(self) -> list[str]:
        """The people, skills and goals of the story; the goals' ids."""
        first = self.stamps(self.start, 8)
        for name, relationship, cadence in PEOPLE:
            self.journal.add(
                r.Person(
                    id=self.new_id(),
                    name=name,
                    relationship=relationship,
                    cadence_days=cadence,
                    **first,
                )
            )
        for name, niche in SKILLS:
            self.journal.add(r.Skill(id=self.new_id(), name=name, niche=niche, **first))
        return [
            self.journal.add(r.Goal(id=self.new_id(), name=name, kind=kind, **first)).id
            for name, kind in GOALS
        ]

    def one_day(self, offset: int, progress_in_year: float, goal_ids: list[str]) -> None:
        """Write one day: AI uses, touchpoints, a check-in, and instruments when due."""
        day = self.start + timedelta(days=offset)
        workday = day.weekday() < 5
        # Stress peaks around 40% into the year, then eases after the mentor's advice at ~55%.
        strain = max(0.0, 1 - abs(progress_in_year - 0.4) / 0.25)
        recovering = progress_in_year > 0.55
        replaced = self.ai_uses(day, workday, strain, recovering, goal_ids)
        touches = self.touchpoints(day, workday, strain, recovering)
        self.checkin(day, workday, strain, replaced, touches)
        self.measures(day, strain, progress_in_year)

    def ai_uses(
        self, day: date, workday: bool, strain: float, recovering: bool, goal_ids: list[str]
    ) -> int:
        """The day's AI uses; how many replaced a person."""
        rng, replaced = self.rng, 0
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
            self.journal.add(
                r.AIUse(
                    id=self.new_id(),
                    started_at=self.at(day, hour),
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
                    **self.stamps(day, hour),
                )
            )
        return replaced

    def touchpoints(self, day: date, workday: bool, strain: float, recovering: bool) -> int:
        """The day's touchpoints; how many."""
        rng = self.rng
        touches = rng.choice([0, 1, 1, 2, 2, 3]) if workday else rng.choice([0, 0, 1])
        if strain > 0.6 and rng.random() < 0.5:
            touches = max(0, touches - 1)
        if recovering and workday and rng.random() < 0.3:
            touches += 1
        for _ in range(touches):
            hour = rng.uniform(9, 19)
            kind = _weighted(rng, TOUCH_KINDS)
            person = rng.choice(PEOPLE)[0] if rng.random() < 0.85 else None
            self.journal.add(
                r.Touchpoint(
                    id=self.new_id(),
                    at=self.at(day, hour),
                    kind=kind,
                    person=person,
                    minutes=rng.choice([10, 15, 20, 30, 45, 60]),
                    quality=rng.choice([3, 4, 4, 5]),
                    skills=(rng.choice(SKILLS)[0],)
                    if kind in ("pairing", "mentoring-received") and rng.random() < 0.6
                    else (),
                    note=rng.choice(TOUCH_NOTES),
                    **self.stamps(day, hour),
                )
            )
        return touches

    def checkin(self, day: date, workday: bool, strain: float, replaced: int, touches: int) -> None:
        rng = self.rng
        if rng.random() >= (0.85 if workday else 0.3):
            return
        burnout = _clamp(round(1.7 + 1.8 * strain + rng.gauss(0, 0.6)))
        connection = _clamp(
            round(3.8 - 1.3 * strain - 0.3 * replaced + 0.3 * touches + rng.gauss(0, 0.6))
        )
        self.journal.add(
            r.Checkin(
                id=self.new_id(),
                day=day,
                burnout=burnout,
                connection=connection,
                safety=_clamp(round(3.6 - strain + rng.gauss(0, 0.7))),
                conversations=touches + rng.randint(0, 2),
                asked_advice=touches > 0 and rng.random() < 0.5,
                energy=_clamp(round(3.6 - 1.4 * strain + rng.gauss(0, 0.7))),
                note=rng.choice(DAY_NOTES),
                factors=self.factor_answers(workday, strain),
                **self.stamps(day, 18),
            )
        )

    def measures(self, day: date, strain: float, progress_in_year: float) -> None:
        """Instruments on their cadence, skill self-ratings monthly."""
        day_number = day.toordinal()
        for instrument_id, cadence in (("ucla3", 7), ("who5", 14), ("cbi", 30)):
            if day_number % cadence == 0:
                answers = _answers(self.rng, instrument_id, strain)
                result = instruments.score(instrument_id, answers)
                self.journal.add(
                    r.Assessment(
                        id=self.new_id(),
                        instrument=instrument_id,
                        day=day,
                        answers=tuple(answers),
                        score=result.score,
                        band=result.band,
                        **self.stamps(day, 19),
                    )
                )
        if day_number % 30 == 0:
            for name, _ in SKILLS:
                growth = 3 * progress_in_year * (0.6 + 0.4 * (name < "P"))
                rating = _clamp(round(1.5 + growth + self.rng.gauss(0, 0.3)))
                self.journal.add(
                    r.SkillRating(
                        id=self.new_id(),
                        skill=name,
                        day=day,
                        rating=rating,
                        **self.stamps(day, 20),
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
