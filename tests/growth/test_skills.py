"""Skills learned with AI, by AI and from people, and goal alignment, on hand-built journals."""

import json
from datetime import date, timedelta

import pytest
from clitools import run

from aijournal.growth import skills as growth
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput

TODAY = date(2026, 11, 27)  # the `clock` fixture's day


def ago(clock, days: int):
    return clock() - timedelta(days=days)


def use(
    journal,
    clock,
    days_ago: int,
    pattern: str,
    minutes: int,
    *skills: str,
    goal: r.Goal | None = None,
    tool: str = "Claude",
) -> r.AIUse:
    return journal.add(
        r.AIUse(
            started_at=ago(clock, days_ago),
            tool=tool,
            pattern=pattern,
            minutes=minutes,
            skills=skills,
            goal_id=goal.id if goal else None,
        )
    )


def touch(
    journal,
    clock,
    days_ago: int,
    kind: str,
    minutes: int | None,
    *skills: str,
    person: str | None = None,
    goal: r.Goal | None = None,
) -> r.Touchpoint:
    return journal.add(
        r.Touchpoint(
            at=ago(clock, days_ago),
            kind=kind,
            minutes=minutes,
            skills=skills,
            person=person,
            goal_id=goal.id if goal else None,
        )
    )


def rate(journal, skill: str, day: str, rating: int, note: str = "") -> None:
    journal.rate_skill(
        r.SkillRating(skill=skill, day=date.fromisoformat(day), rating=rating, note=note)
    )


def by_name(overview):
    return {g.name: g for g in overview}


# ---- rating change over 90 days -------------------------------------------------------------


def test_change_is_latest_minus_the_rating_at_the_window_start(journal):
    rate(journal, "SQL", "2026-06-01", 1)
    rate(journal, "SQL", "2026-08-29", 3)  # exactly today - 90: the baseline
    rate(journal, "SQL", "2026-10-01", 4)
    rate(journal, "SQL", "2026-11-20", 5)
    [sql] = growth.skill_overview(journal, TODAY)
    assert (sql.rating, sql.rated_on, sql.change_90d) == (5, date(2026, 11, 20), 2)


def test_without_a_rating_before_the_window_the_first_inside_is_the_baseline(journal):
    rate(journal, "Pitching", "2026-09-10", 2)
    rate(journal, "Pitching", "2026-11-01", 4)
    rate(journal, "Old skill", "2025-01-01", 3)  # rated once, long ago: no change
    rate(journal, "Once", "2026-11-26", 3)  # rated once, recently: no change either
    journal.skill_named("Unrated", create=True)
    found = by_name(growth.skill_overview(journal, TODAY))
    assert found["Pitching"].change_90d == 2
    assert found["Old skill"].change_90d == 0
    assert found["Once"].change_90d == 0
    assert (found["Unrated"].rating, found["Unrated"].change_90d) == (None, None)


def test_a_later_rating_the_same_day_wins_and_deleted_ratings_do_not_count(journal):
    rate(journal, "SQL", "2026-11-01", 2)
    rate(journal, "SQL", "2026-11-02", 3)
    rate(journal, "SQL", "2026-11-02", 4)
    rate(journal, "SQL", "2026-11-03", 5)
    journal.delete(journal.skill_ratings("SQL")[-1])
    [sql] = growth.skill_overview(journal, TODAY)
    assert (sql.rating, sql.change_90d) == (4, 2)


def test_growth_as_of_an_earlier_day_ignores_later_ratings(journal):
    rate(journal, "SQL", "2026-01-05", 2)
    rate(journal, "SQL", "2026-03-01", 3)
    rate(journal, "SQL", "2026-11-01", 5)
    [sql] = growth.skill_overview(journal, date(2026, 3, 31))
    assert (sql.rating, sql.change_90d) == (3, 1)


# ---- practice by source -----------------------------------------------------------------


@pytest.fixture
def practised(journal, clock):
    """SQL practised every way; Invoicing only delegated; Docs delegated and paired on."""
    use(journal, clock, 3, "learning", 30, "SQL")
    use(journal, clock, 5, "validation", 20, "SQL", tool="ChatGPT")
    use(journal, clock, 9, "task-iteration", 10, "SQL")
    use(journal, clock, 2, "directive", 40, "SQL", "Invoicing")
    use(journal, clock, 1, "feedback-loop", 15, "Invoicing")
    touch(journal, clock, 4, "pairing", 45, "SQL", person="Dana")
    touch(journal, clock, 6, "advice-asked", None, "SQL")  # minutes unknown: counted, 0 min
    gone = use(journal, clock, 1, "learning", 999, "SQL")
    journal.delete(gone)
    use(journal, clock, 8, "directive", 25, "Docs")
    touch(journal, clock, 7, "mentoring-received", 30, "Docs", person="Sam")
    rate(journal, "SQL", "2026-11-01", 3, note="Window functions finally clicked")
    journal.update(journal.skill_named("SQL").touched(niche=True))
    return journal


def test_minutes_and_counts_by_source(practised):
    found = by_name(growth.skill_overview(practised, TODAY))
    sql = found["SQL"]
    assert sql.with_ai == growth.Practice(count=3, minutes=60)
    assert sql.by_ai == growth.Practice(count=1, minutes=40)
    assert sql.from_people == growth.Practice(count=2, minutes=45)
    assert sql.last_practised == date(2026, 11, 25)
    assert sql.niche and not found["Invoicing"].niche
    assert found["Invoicing"].by_ai == growth.Practice(count=2, minutes=55)
    assert found["Invoicing"].last_practised == date(2026, 11, 26)


def test_only_delegated_flags_skills_never_learned_with_ai_or_people(practised):
    flagged = {g.name for g in growth.skill_overview(practised, TODAY) if g.only_delegated}
    assert flagged == {"Invoicing"}  # Docs was also paired on with a person


def test_removing_a_skill_from_an_entry_removes_its_learning_event(practised, clock):
    [pairing] = [t for t in practised.all(r.Touchpoint) if t.person == "Dana"]
    practised.update(pairing.touched(skills=()))
    sql = by_name(growth.skill_overview(practised, TODAY))["SQL"]
    assert sql.from_people == growth.Practice(count=1, minutes=0)


def test_overview_sorts_by_recent_growth(journal):
    rate(journal, "Flat", "2026-10-01", 3)
    rate(journal, "Flat", "2026-11-01", 3)
    rate(journal, "Grew", "2026-10-01", 2)
    rate(journal, "Grew", "2026-11-01", 4)
    rate(journal, "Slipped", "2026-10-01", 4)
    rate(journal, "Slipped", "2026-11-01", 3)
    journal.skill_named("Never rated", create=True)
    names = [g.name for g in growth.skill_overview(journal, TODAY)]
    assert names == ["Grew", "Flat", "Slipped", "Never rated"]


def test_timeline(practised):
    line = growth.skill_timeline(practised, "sql")  # names match case-insensitively
    assert line.skill.name == "SQL"
    assert [(x.day, x.rating, x.note) for x in line.ratings] == [
        (date(2026, 11, 1), 3, "Window functions finally clicked")
    ]
    assert [(x.day, x.pattern, x.minutes, x.tool, x.source) for x in line.ai_sessions] == [
        (date(2026, 11, 18), "task-iteration", 10, "Claude", growth.Source.WITH_AI),
        (date(2026, 11, 22), "validation", 20, "ChatGPT", growth.Source.WITH_AI),
        (date(2026, 11, 24), "learning", 30, "Claude", growth.Source.WITH_AI),
        (date(2026, 11, 25), "directive", 40, "Claude", growth.Source.BY_AI),
    ]
    assert [(x.person, x.day, x.kind, x.minutes) for x in line.people] == [
        (None, date(2026, 11, 21), "advice-asked", None),
        ("Dana", date(2026, 11, 23), "pairing", 45),
    ]
    assert line.months == [growth.MonthMinutes("2026-11", with_ai=60, by_ai=40, from_people=45)]
    with pytest.raises(InvalidInput, match="use one of Docs, Invoicing, SQL"):
        growth.skill_timeline(practised, "Cobol")


def test_minutes_per_month_by_source(journal, clock):
    use(journal, clock, 60, "learning", 30, "SQL")  # 2026-09-28
    use(journal, clock, 40, "directive", 20, "SQL")  # 2026-10-18
    touch(journal, clock, 35, "pairing", 50, "SQL", person="Dana")  # 2026-10-23
    assert growth.skill_timeline(journal, "SQL").months == [
        growth.MonthMinutes("2026-09", 30, 0, 0),
        growth.MonthMinutes("2026-10", 0, 20, 50),
    ]


def test_set_niche(journal):
    journal.skill_named("SQL", create=True)
    assert growth.set_niche(journal, "sql").niche
    assert growth.skill_overview(journal, TODAY)[0].niche
    assert not growth.set_niche(journal, "SQL", False).niche


# ---- goals ------------------------------------------------------------------------------


@pytest.fixture
def goals(journal, clock):
    reporting = journal.add(r.Goal(name="Ship reporting", kind="client"))
    course = journal.add(r.Goal(name="Finish the course"))
    old = journal.add(r.Goal(name="Old goal"))
    uses = {
        "reporting": use(journal, clock, 2, "task-iteration", 60, goal=reporting),
        "course": use(journal, clock, 40, "learning", 30, goal=course),
        "free-recent": use(journal, clock, 1, "directive", 90),
        "free-older": use(journal, clock, 20, "directive", 20),
        "old-goal": use(journal, clock, 3, "learning", 10, goal=old),
    }
    journal.delete(old)  # its uses no longer serve a goal
    touch(journal, clock, 2, "one-to-one", 30, goal=reporting)
    touch(journal, clock, 9, "feedback-asked", None, goal=reporting)
    return journal, uses


def test_goal_overview(goals):
    journal, _ = goals
    found = [
        (f.goal.name, f.ai_minutes, f.ai_uses, f.recent_ai_minutes, f.touchpoints)
        for f in growth.goal_overview(journal, TODAY)
    ]
    assert found == [("Ship reporting", 60, 1, 60, 2), ("Finish the course", 30, 1, 0, 0)]


def test_alignment_overall_and_for_the_last_4_weeks(goals):
    journal, _ = goals
    aligned = growth.alignment(journal, TODAY)
    assert (aligned.minutes, aligned.linked) == (210, 90)
    assert aligned.share == pytest.approx(90 / 210)
    assert (aligned.recent_minutes, aligned.recent_linked) == (180, 60)  # 40 days ago is out
    assert aligned.recent_share == pytest.approx(60 / 180)


def test_alignment_without_ai_use_is_unknown(journal):
    aligned = growth.alignment(journal, TODAY)
    assert (aligned.share, aligned.recent_share) == (None, None)


def test_unassigned_uses_of_the_last_two_weeks(goals, clock):
    journal, uses = goals
    use(journal, clock, 13, "learning", 5)  # 2026-11-14: the first of the 14 days
    use(journal, clock, 14, "learning", 5)  # one day too early
    found = growth.unassigned_uses(journal, TODAY)
    assert [(u.day, u.minutes) for u in found] == [
        (date(2026, 11, 26), 90),
        (date(2026, 11, 24), 10),
        (date(2026, 11, 14), 5),
    ]
    assert uses["old-goal"].id in {u.id for u in found}  # its goal was deleted


def test_bulk_assign_is_one_transaction(goals):
    journal, uses = goals
    reporting = journal.goal_named("Ship reporting")
    ids = [uses["free-recent"].id, uses["free-older"].id, uses["reporting"].id]
    assert growth.assign_goal(journal, ids, reporting.id) == 2  # one was assigned already
    assert growth.unassigned_uses(journal, TODAY) == [journal.get(r.AIUse, uses["old-goal"].id)]
    assert growth.alignment(journal, TODAY).linked == 200

    before = journal.get(r.AIUse, uses["old-goal"].id)
    with pytest.raises(InvalidInput, match="AI use"):
        growth.assign_goal(journal, [uses["old-goal"].id, r.new_id()], reporting.id)
    assert journal.get(r.AIUse, uses["old-goal"].id) == before  # nothing written
    with pytest.raises(InvalidInput, match="goal"):
        growth.assign_goal(journal, [uses["old-goal"].id], r.new_id())
    assert growth.assign_goal(journal, [], reporting.id) == 0
    assert growth.assign_goal(journal, [uses["reporting"].id], None) == 1  # unlink


def test_goal_detail(goals):
    journal, _ = goals
    detail = growth.goal_detail(journal, "ship reporting", TODAY)
    assert detail.figures.ai_minutes == 60
    assert detail.months == [{"month": "2026-11", "ai_minutes": 60, "ai_uses": 1, "touchpoints": 2}]
    assert detail.patterns == {"task-iteration": 60}


def test_the_sample_journal_has_figures_for_every_skill(sample_journal):
    overview = growth.skill_overview(sample_journal, TODAY)
    assert overview and {g.name for g in overview} == {s.name for s in sample_journal.skills()}
    assert any(g.with_ai.minutes for g in overview)
    aligned = growth.alignment(sample_journal, TODAY)
    assert 0 <= aligned.linked <= aligned.minutes


# ---- the command line -------------------------------------------------------------------


def today_at(hour: int) -> str:
    return f"{date.today().isoformat()}T{hour:02d}:00"


def test_cli_capture_records_learning_with_ai_and_from_a_person(home):
    when = (date.today() - timedelta(days=1)).isoformat()
    assert (
        run(
            "log-ai",
            "--tool",
            "Claude",
            "--pattern",
            "learning",
            "--minutes",
            "25",
            "--skill",
            "SQL",
            "--when",
            when + "T09:00",
        )[0]
        == 0
    )
    assert (
        run(
            "log-ai",
            "--tool",
            "Claude",
            "--pattern",
            "directive",
            "--minutes",
            "10",
            "--skill",
            "Invoicing",
            "--when",
            when + "T10:00",
        )[0]
        == 0
    )
    code, out = run(
        "touchpoint",
        "--kind",
        "pairing",
        "--person",
        "Dana",
        "--minutes",
        "40",
        "--skill",
        "SQL",
        "--when",
        when + "T11:00",
    )
    assert code == 0, out
    assert run("skill", "rate", "SQL", "3", "--note", "LAG makes sense now")[0] == 0
    assert run("skill", "niche", "sql")[0] == 0
    code, out = run("skill", "list", "--format", "json")
    assert code == 0, out
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["SQL"]["niche"] is True and rows["Invoicing"]["niche"] is False
    assert (rows["SQL"]["with_ai_minutes"], rows["SQL"]["from_people_minutes"]) == (25, 40)
    assert (rows["SQL"]["rating"], rows["SQL"]["change_90d"]) == (3, 0)
    assert rows["Invoicing"]["only_delegated"] and not rows["SQL"]["only_delegated"]

    code, out = run("skill", "show", "SQL", "--format", "json")
    assert code == 0, out
    shown = json.loads(out)
    assert [p["person"] for p in shown["people"]] == ["Dana"]
    assert [(s["pattern"], s["minutes"]) for s in shown["ai_sessions"]] == [("learning", 25)]
    assert shown["ratings"][0]["note"] == "LAG makes sense now"

    assert run("skill", "niche", "SQL", "--off")[0] == 0
    assert not {
        row["name"]: row for row in json.loads(run("skill", "list", "--format", "json")[1])
    }["SQL"]["niche"]
    code, out = run("skill", "niche", "Cobol")
    assert code == 2 and "skill" in out


def test_cli_skill_tables_read_as_text(home):
    assert (
        run(
            "log-ai",
            "--tool",
            "Claude",
            "--pattern",
            "directive",
            "--minutes",
            "10",
            "--skill",
            "Invoicing",
            "--when",
            today_at(0),
        )[0]
        == 0
    )
    code, out = run("skill", "list")
    assert code == 0 and "Invoicing" in out and "only delegated" in out
    code, out = run("skill", "show", "Invoicing")
    assert code == 0 and "directive" in out and "Claude" in out


def test_cli_goals(home):
    assert run("goal", "add", "Ship reporting", "--kind", "client")[0] == 0
    assert (
        run(
            "log-ai",
            "--tool",
            "Claude",
            "--pattern",
            "learning",
            "--minutes",
            "30",
            "--goal",
            "Ship reporting",
            "--when",
            today_at(0),
        )[0]
        == 0
    )
    assert (
        run(
            "log-ai",
            "--tool",
            "Claude",
            "--pattern",
            "directive",
            "--minutes",
            "10",
            "--when",
            today_at(0),
        )[0]
        == 0
    )
    code, out = run("goal", "list", "--format", "json")
    assert code == 0, out
    listed = json.loads(out)
    assert [(g["name"], g["ai_minutes"]) for g in listed["goals"]] == [("Ship reporting", 30)]
    assert listed["alignment"]["share"] == pytest.approx(0.75)
    assert listed["alignment"]["share_4w"] == pytest.approx(0.75)
    code, out = run("goal", "list")
    assert code == 0 and "75%" in out
    code, out = run("goal", "show", "ship reporting", "--format", "json")
    assert code == 0, out
    assert json.loads(out)["patterns"] == {"learning": 30}
    code, out = run("goal", "show", "Nope")
    assert code == 2 and "Ship reporting" in out
