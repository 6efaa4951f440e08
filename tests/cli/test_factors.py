"""`aijournal factor` and `checkin --factor`: the same figures as the Trends view."""

import json
from datetime import date

from clitools import run

from aijournal.analysis import trends
from aijournal.storage import DataPaths, Journal


def test_add_answer_list_show_and_archive(home):
    assert (
        run("factor", "add", "Slept well", "--kind", "yes-no", "--question", "Slept well?")[0] == 0
    )
    assert run("factor", "add", "Focus", "--kind", "scale")[0] == 0
    code, out = run("checkin", "--burnout", "2", "--connection", "4", "--factor", "slept well=yes")
    assert code == 0 and "Slept well: yes" in out, out
    code, out = run("checkin", "--factor", "focus=4")  # a partial update of today's
    assert code == 0 and "Updated the check-in" in out and "Focus: 4" in out, out
    code, out = run("factor", "list", "--format", "json")
    listed = json.loads(out)
    assert [(f["name"], f["kind"], f["days_answered"]) for f in listed] == [
        ("Slept well", "yes-no", 1),
        ("Focus", "scale", 1),
    ]
    assert listed[0]["yes_share"] == 1.0 and listed[1]["mean"] == 4.0
    code, out = run("stats", "--format", "json")
    assert json.loads(out)[-1]["factors"] == {"Slept well": 1.0, "Focus": 4.0}
    code, out = run("list", "--kind", "checkin", "--format", "json")
    assert json.loads(out)[0]["factors"] == {"Slept well": True, "Focus": 4}

    code, out = run("factor", "show", "focus", "--format", "json")
    shown = json.loads(out)
    with Journal.open(DataPaths(home)) as journal:
        focus = journal.factor_named("Focus")
        assert shown["points"] == trends.factor_chart(journal, focus).rows()
    assert shown["points"][0]["answer"] == 4

    assert run("factor", "archive", "FOCUS")[0] == 0
    code, out = run("factor", "list", "--format", "json")
    assert [f["name"] for f in json.loads(out)] == ["Slept well"]
    code, out = run("factor", "list", "--all", "--format", "json")
    assert [f["archived"] for f in json.loads(out)] == [False, True]
    assert run("factor", "unarchive", "focus")[0] == 0
    assert run("factor", "edit", "focus", "--name", "Deep focus")[0] == 0
    code, out = run("factor", "list")
    assert code == 0 and "Deep focus" in out


def test_bad_input_is_one_line_and_writes_nothing(home):
    assert run("factor", "add", "Gym", "--kind", "yes-no")[0] == 0
    for args, start in (
        (("factor", "add", "gym", "--kind", "scale"), "aijournal: factor: 'gym'"),
        (("factor", "add", "Walk", "--kind", "often"), "aijournal: kind: 'often'"),
        (
            ("checkin", "--burnout", "2", "--connection", "3", "--factor", "gym=3"),
            "aijournal: Gym: '3'",
        ),
        (
            ("checkin", "--burnout", "2", "--connection", "3", "--factor", "swim=yes"),
            "aijournal: factor: 'swim'",
        ),
        (("checkin", "--factor", "gym=yes"), "aijournal: burnout: ''"),
        (("factor", "archive", "Run"), "aijournal: factor: 'Run'"),
    ):
        code, out = run(*args)
        assert code == 2 and out.count("\n") == 1 and out.startswith(start), (args, out)
    with Journal.open(DataPaths(home)) as journal:
        assert journal.checkin_on(date.today()) is None
        assert [f.name for f in journal.factors()] == ["Gym"]
