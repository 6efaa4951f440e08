"""`person`, `skill` and `goal`: the circle's order and archive, unique names, dated ratings."""

import json
from datetime import date, timedelta

from clitools import run

from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal


def opened(home) -> Journal:
    return Journal.open(DataPaths(home))


def test_the_circle_lists_the_most_overdue_first_and_archived_people_only_when_asked(home):
    ten_days_ago = (date.today() - timedelta(days=10)).isoformat()
    code, out = run("person", "add", "Sam", "--relationship", "peer", "--cadence", "7")
    assert (code, out) == (0, "Added Sam (peer) to your circle.\n")
    assert run("person", "add", "dana", "--relationship", "manager", "--cadence", "30")[0] == 0
    assert run("person", "add", "Ali")[0] == 0
    assert run("touchpoint", "--kind", "pairing", "--person", "Sam", "--when", ten_days_ago)[0] == 0
    code, out = run("person", "list", "--format", "json")
    assert code == 0, out
    listed = [(p["name"], p["last_contact"], p["overdue_days"]) for p in json.loads(out)]
    assert listed == [("dana", None, 30), ("Sam", ten_days_ago, 3), ("Ali", None, 0)]

    code, out = run("person", "archive", "SAM")
    assert (code, out) == (0, "Archived Sam.\n")
    assert [p["name"] for p in json.loads(run("person", "list", "--format", "json")[1])] == [
        "dana",
        "Ali",
    ]
    code, out = run("person", "list", "--archived", "--format", "json")
    assert {p["name"] for p in json.loads(out)} == {"dana", "Sam", "Ali"}
    with opened(home) as journal:  # kept in old entries
        (tp,) = journal.all(r.Touchpoint)
        assert tp.person == "Sam"


def test_names_are_unique_ignoring_case_and_spacing_and_a_repeat_writes_nothing(home):
    assert run("person", "add", "Dana Lee")[0] == 0
    assert run("skill", "add", "SQL", "--niche")[0] == 0
    for args, line in (
        (
            ("person", "add", " dana   LEE "),
            "aijournal: name: 'dana LEE' is not allowed; someone in your circle with that name "
            "exists already (names ignore case)",
        ),
        (
            ("skill", "add", "sql"),
            "aijournal: skill: 'sql' is not allowed; a skill with that name exists already "
            "(names ignore case)",
        ),
        (
            ("person", "archive", "Zed"),
            "aijournal: name: 'Zed' is not allowed; use the name of someone in your circle",
        ),
        (
            ("skill", "show", "SQL", "--format", "csv"),
            "aijournal: format: 'csv' is not allowed; use one of table, json",
        ),
    ):
        code, out = run(*args)
        assert (code, out) == (2, line + "\n"), args
    with opened(home) as journal:
        assert [(p.name, p.archived) for p in journal.all(r.Person)] == [("Dana Lee", False)]
        assert [(s.name, s.niche) for s in journal.all(r.Skill)] == [("SQL", True)]


def test_skill_rate_on_a_plain_day_with_what_changed(home):
    yesterday = date.today() - timedelta(days=1)
    code, out = run("skill", "rate", "SQL", "4", "--date", "yesterday", "--note", "LAG clicked")
    assert (code, out) == (0, f"Rated SQL 4/5 on {yesterday.isoformat()}.\n")
    code, out = run("skill", "show", "sql", "--format", "json")
    shown = json.loads(out)
    assert [(x["day"], x["rating"], x["note"]) for x in shown["ratings"]] == [
        (yesterday.isoformat(), 4, "LAG clicked")
    ]
    code, out = run("skill", "show", "SQL")
    assert code == 0 and out.startswith("SQL\n\nRatings:\n")
    assert "\nAI sessions:\nNone yet.\n" in out


def test_goal_targets_may_lie_ahead_and_archived_goals_are_listed_only_when_asked(home):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert run("goal", "add", "Ship reporting", "--kind", "client", "--target", "tomorrow") == (
        0,
        "Added the goal Ship reporting.\n",
    )
    assert run("goal", "add", "Learn Rust", "--target", "2031-01-31")[0] == 0
    code, out = run("goal", "add", "Move", "--target", "someday")
    assert code == 2 and out.startswith("aijournal: target date: 'someday'"), out
    with opened(home) as journal:
        rust = journal.goal_named("learn rust")
        journal.update(rust.touched(archived=True))
    code, out = run("goal", "list", "--format", "json")
    assert [(g["name"], g["kind"], g["target_date"]) for g in json.loads(out)["goals"]] == [
        ("Ship reporting", "client", tomorrow)
    ]
    code, out = run("goal", "list", "--archived", "--format", "json")
    assert [(g["name"], g["archived"]) for g in json.loads(out)["goals"]] == [
        ("Ship reporting", False),
        ("Learn Rust", True),
    ]


def test_empty_lists_say_how_to_start(home):
    assert run("person", "list") == (
        0,
        "Nobody in your circle yet; add someone with `person add`.\n",
    )
    assert run("skill", "list") == (0, "No skills yet; add one with `skill add`.\n")
    code, out = run("goal", "list")
    assert (code, out.splitlines()[0]) == (0, "No goals yet; add one with `goal add`.")
    assert out.splitlines()[-1] == (
        "Alignment: – of AI minutes served a goal (– in the last 4 weeks)."
    )
    code, out = run("goal", "show", "Ship reporting")
    assert code == 2 and out.startswith("aijournal: goal: 'Ship reporting'"), out
