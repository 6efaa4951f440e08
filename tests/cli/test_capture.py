"""`log-ai`, `checkin`, `touchpoint` and `assess`: what each stores, and bad input refused whole."""

from datetime import date, timedelta

import pytest
from clitools import run

from aijournal.cli import capture as capture_cli
from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal


def opened(home) -> Journal:
    return Journal.open(DataPaths(home))


def counts(home) -> dict[str, int]:
    with opened(home) as journal:
        return journal.counts()


def test_log_ai_stores_every_option_it_was_given(home):
    assert run("goal", "add", "Ship reporting")[0] == 0
    code, out = run(
        "log-ai", "Drafted the report intro", "--tool", "Claude", "--pattern", "directive",
        "--minutes", "40", "--skill", "Writing", "--skill", "SQL", "--goal", "ship REPORTING",
        "--replaced-person", "--outcome", "2", "--when", "3 days ago 8:15", "--note", "meh",
    )  # fmt: skip
    assert code == 0, out
    assert out.startswith("Logged: ") and out.count("\n") == 1
    with opened(home) as journal:
        (use,) = journal.all(r.AIUse)
        goal = journal.goal_named("Ship reporting")
    assert (use.task, use.tool, use.pattern, use.minutes) == (
        "Drafted the report intro",
        "Claude",
        "directive",
        40,
    )
    assert (use.skills, use.goal_id, use.replaced_person, use.outcome, use.note) == (
        ("Writing", "SQL"),
        goal.id,
        True,
        2,
        "meh",
    )
    started = use.started_at.astimezone()
    assert (started.date(), started.hour, started.minute) == (
        date.today() - timedelta(days=3),
        8,
        15,
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("log-ai", "--tool", "X", "--pattern", "learning", "--minutes", "5", "--outcome", "6"),
         "outcome: 6 is not allowed"),
        (("log-ai", "--tool", "X", "--pattern", "learning", "--minutes", "-5"),
         "minutes: -5 is not allowed; use a whole number from 0 to 1440"),
        (("log-ai", "--pattern", "learning", "--minutes", "5"), "Missing option '--tool'"),
        (("checkin", "--burnout", "2", "--connection", "4", "--safety", "6"), "safety: 6"),
        (("checkin", "--burnout", "2", "--connection", "0"), "connection: 0"),
        (("checkin", "--burnout", "2", "--connection", "4", "--energy", "9"), "energy: 9"),
        (("checkin", "--connection", "4"), "burnout: '' is not allowed; give --burnout 1–5"),
        (("checkin", "--burnout", "2", "--connection", "4", "--nudge-helped", "maybe"),
         "'maybe' is not one of 'yes', 'no'"),
        (("touchpoint", "--kind", "pairing", "--quality", "0"), "quality: 0"),
        (("touchpoint", "--kind", "pairing", "--minutes", "-1"), "minutes: -1"),
        (("touchpoint", "--kind", "pairing", "--when", "yesterday 25:00"),
         "when: 'yesterday 25:00' is not allowed"),
        (("assess", "ucla3", "--answers", "1,2"), "ucla3 answer count: 2 is not allowed"),
        (("assess", "ucla3", "--answers", "1,x,3"), "answer 2: 'x' is not allowed"),
        (("assess", "ucla3", "--answers", "1,2,3", "--date", "tomorrow"),
         f"date: '{date.today() + timedelta(days=1)}' is not allowed; use today"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_naming_the_field_and_nothing_is_written(home, args, says):
    before = counts(home)
    code, out = run(*args)
    assert code == 2, out
    (line,) = out.strip().splitlines()
    assert says in line, out
    assert "Traceback" not in out
    assert counts(home) == before


def test_a_follow_up_answer_with_no_nudge_waiting_leaves_no_check_in_behind(home):
    code, out = run("checkin", "--burnout", "2", "--connection", "4", "--nudge-helped", "yes")
    assert code == 2
    assert out.strip() == (
        "aijournal: nudge-helped: 'yes' is not allowed; no nudge is waiting for it"
    )
    with opened(home) as journal:  # the check-in and the answer go together, or neither
        assert journal.checkin_on(date.today()) is None


def test_checkin_for_a_plain_past_day_then_an_update_names_only_what_changes(home):
    yesterday = date.today() - timedelta(days=1)
    code, out = run(
        "checkin", "--burnout", "3", "--connection", "2", "--no-asked-advice",
        "--conversations", "0", "--date", "yesterday",
    )  # fmt: skip
    assert code == 0 and out.startswith(f"Checked in for {yesterday.isoformat()}: "), out
    code, out = run("checkin", "--energy", "4", "--note", "better", "--date", "yesterday")
    assert code == 0 and out.startswith(f"Updated the check-in for {yesterday.isoformat()}"), out
    with opened(home) as journal:
        stored = journal.checkin_on(yesterday)
        assert journal.checkin_on(date.today()) is None
    assert (stored.burnout, stored.connection, stored.asked_advice, stored.conversations) == (
        3,
        2,
        False,
        0,
    )
    assert (stored.energy, stored.note) == (4, "better")


def test_touchpoint_at_a_plain_moment_with_someone_already_in_the_circle(home):
    assert run("person", "add", "Dana", "--relationship", "peer")[0] == 0
    code, out = run(
        "touchpoint", "Talked through the schema", "--kind", "pairing", "--person", "dana",
        "--minutes", "30", "--quality", "5", "--skill", "SQL", "--when", "yesterday 14:30",
    )  # fmt: skip
    assert code == 0, out
    assert "to your circle" not in out and out.startswith("Logged: ")
    with opened(home) as journal:
        (tp,) = journal.all(r.Touchpoint)
        assert [p.name for p in journal.all(r.Person)] == ["Dana"]
    at = tp.at.astimezone()
    assert (at.date(), at.hour, at.minute) == (date.today() - timedelta(days=1), 14, 30)
    assert (tp.kind, tp.minutes, tp.quality, tp.skills, tp.note) == (
        "pairing",
        30,
        5,
        ("SQL",),
        "Talked through the schema",
    )


def test_assess_on_a_plain_day_stores_the_answers_and_the_score(home):
    code, out = run("assess", "ucla3", "--answers", "3,2,3", "--date", "yesterday")
    assert code == 0, out
    assert out.startswith("Three-Item Loneliness Scale (UCLA): 8")
    with opened(home) as journal:
        (taken,) = journal.all(r.Assessment)
    assert (taken.instrument, taken.day, taken.answers, taken.score) == (
        "ucla3",
        date.today() - timedelta(days=1),
        (3, 2, 3),
        8,
    )


def test_assess_in_a_terminal_asks_each_item_and_refuses_an_option_not_offered(home, monkeypatch):
    monkeypatch.setattr(capture_cli, "interactive", lambda: True)
    code, out = run("assess", "ucla3", input="1\n7\n2\n3\n")  # 7 is asked again
    assert code == 0, out
    assert "\n1. How often do you feel that you lack companionship?" in out
    assert "   3  Often" in out and "Error: '7' is not one of '1', '2', '3'." in out
    assert "Three-Item Loneliness Scale (UCLA): 6" in out
    with opened(home) as journal:
        (taken,) = journal.all(r.Assessment)
    assert (taken.answers, taken.score, taken.day) == ((1, 2, 3), 6, date.today())
