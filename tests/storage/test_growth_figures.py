"""The growth part: practice of each skill by source, ratings over time, AI time per goal."""

from datetime import date, datetime

import pytest

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput

TODAY = date(2026, 11, 27)  # the clock's day
SINCE = date(2026, 11, 1)
LEARNING = ("learning", "task-iteration")


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def use(day, pattern="learning", minutes=30, **more) -> r.AIUse:
    return r.AIUse(started_at=at(day), tool="Claude", pattern=pattern, minutes=minutes, **more)


def by_name(rows):
    return {row["name"]: row for row in rows}


def test_practice_by_source(journal):
    journal.add(use(date(2026, 11, 3), "learning", 20, skills=("SQL",)))
    journal.add(use(date(2026, 11, 4), "directive", 15, skills=("SQL",)))
    journal.add(r.Touchpoint(at=at(date(2026, 11, 5)), kind="pairing", minutes=40, skills=("SQL",)))
    journal.add(r.Touchpoint(at=at(date(2026, 11, 6)), kind="social", skills=("SQL",)))
    gone = journal.add(use(date(2026, 11, 7), "learning", 99, skills=("SQL",)))
    journal.delete(gone)
    journal.add(r.Skill(name="Rust"))
    skills = by_name(journal.skill_figures(TODAY, SINCE, LEARNING))
    sql = skills["SQL"]
    assert (sql["with_ai_count"], sql["with_ai_minutes"]) == (1, 20)
    assert (sql["by_ai_count"], sql["by_ai_minutes"]) == (1, 15)
    assert (sql["from_people_count"], sql["from_people_minutes"]) == (2, 40)
    assert sql["last_practised"] == "2026-11-06"
    rust = skills["Rust"]
    assert rust["with_ai_count"] == rust["from_people_minutes"] == 0
    assert rust["last_practised"] is None and rust["rating"] is None
    assert list(skills) == ["Rust", "SQL"]  # by name


def test_rating_and_baseline(journal):
    for day, rating in ((date(2026, 10, 1), 1), (date(2026, 10, 20), 2), (date(2026, 11, 10), 4)):
        journal.add(r.SkillRating(skill="SQL", day=day, rating=rating))
    journal.add(r.SkillRating(skill="Rust", day=date(2026, 11, 12), rating=3))
    skills = by_name(journal.skill_figures(TODAY, SINCE, LEARNING))
    assert (skills["SQL"]["rating"], skills["SQL"]["rated_on"]) == (4, "2026-11-10")
    assert skills["SQL"]["baseline"] == 2  # the last rating on or before `since`
    assert skills["Rust"]["baseline"] == 3  # none before: the first one after
    earlier = by_name(journal.skill_figures(date(2026, 10, 25), SINCE, LEARNING))
    assert earlier["SQL"]["rating"] == 2  # a rating after `today` does not count yet


def test_sessions_and_helpers_of_one_skill(journal):
    late = journal.add(use(date(2026, 11, 9), "validation", 10, skills=("SQL",)))
    early = journal.add(use(date(2026, 11, 2), "learning", 25, skills=("SQL",)))
    journal.add(use(date(2026, 11, 3), skills=("Rust",)))
    helped = journal.add(
        r.Touchpoint(
            at=at(date(2026, 11, 4)), kind="pairing", person="Dana", minutes=30, skills=("SQL",)
        )
    )
    [skill] = [s for s in journal.all(r.Skill) if s.name == "SQL"]
    sessions = journal.skill_ai_sessions(skill.id)
    assert [(s["id"], s["day"], s["pattern"]) for s in sessions] == [
        (early.id, "2026-11-02", "learning"),
        (late.id, "2026-11-09", "validation"),
    ]
    assert journal.skill_helpers(skill.id) == [
        {"id": helped.id, "day": "2026-11-04", "kind": "pairing", "minutes": 30, "person": "Dana"}
    ]
    assert journal.skill_months(skill.id, LEARNING) == [
        {"month": "2026-11", "with_ai": 25, "by_ai": 10, "from_people": 30}
    ]


def test_goal_figures_and_alignment(journal):
    goal = journal.add(r.Goal(name="Ship reporting"))
    idle = journal.add(r.Goal(name="Idle"))
    journal.add(use(date(2026, 10, 10), minutes=50, goal_id=goal.id))
    journal.add(use(date(2026, 11, 10), "directive", 20, goal_id=goal.id))
    journal.add(use(date(2026, 11, 11), minutes=30))  # serves no goal
    journal.add(r.Touchpoint(at=at(date(2026, 11, 12)), kind="pairing", goal_id=goal.id))
    figures = journal.goal_figures(TODAY, SINCE)
    assert figures[goal.id] == {
        "ai_minutes": 70,
        "ai_uses": 2,
        "recent_ai_minutes": 20,
        "touchpoints": 1,
    }
    assert figures[idle.id] == {
        "ai_minutes": 0,
        "ai_uses": 0,
        "recent_ai_minutes": 0,
        "touchpoints": 0,
    }
    assert journal.goal_alignment(TODAY, SINCE) == {
        "minutes": 100,
        "linked": 70,
        "recent_minutes": 50,
        "recent_linked": 20,
    }
    assert journal.goal_months(goal.id) == [
        {"month": "2026-10", "ai_minutes": 50, "ai_uses": 1, "touchpoints": 0},
        {"month": "2026-11", "ai_minutes": 20, "ai_uses": 1, "touchpoints": 1},
    ]
    assert journal.goal_patterns(goal.id) == {"learning": 50, "directive": 20}
    journal.delete(goal)  # time for a deleted goal is no longer linked
    assert journal.goal_alignment(TODAY, SINCE)["linked"] == 0
    assert goal.id not in journal.goal_figures(TODAY, SINCE)


def test_learning_patterns_must_be_known(journal):
    journal.add(use(date(2026, 11, 3), skills=("SQL",)))
    with pytest.raises(InvalidInput, match="^pattern: .* not allowed; use one of task-it"):
        journal.skill_figures(TODAY, SINCE, ["learning')"])
    nothing_learns = by_name(journal.skill_figures(TODAY, SINCE, []))
    assert nothing_learns["SQL"]["with_ai_count"] == 0 and nothing_learns["SQL"]["by_ai_count"] == 1
