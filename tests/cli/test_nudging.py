"""`nudges` and its `act`, `plan`, `snooze`, `dismiss`: what each prints, stores and refuses."""

import json
from datetime import date, timedelta

import pytest
from clitools import run

from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal


@pytest.fixture
def journal_at_home(home):
    """The `aijournal init` journal, open beside the commands under test."""
    with Journal.open(DataPaths(home)) as opened:
        yield opened


def nudge(journal: Journal, rule_id: str = "low-connection", **fields) -> r.Nudge:
    return journal.add(
        r.Nudge(
            rule_id=rule_id,
            day=date.today(),
            facts=("Connection averaged 1.8 over the last 5 check-ins.",),
            message="Reach out to someone you work with.",
            **fields,
        )
    )


def test_no_nudges_and_a_format_it_has_not(home):
    assert run("nudges") == (0, "No nudges right now.\n")
    assert run("nudges", "--format", "json") == (0, "[]\n")
    code, out = run("nudges", "--format", "csv")
    assert code == 2 and "format: 'csv'" in out and out.count("\n") == 1


def test_a_nudge_reads_with_why_what_to_try_and_how_to_answer_it(journal_at_home):
    shown = nudge(journal_at_home)
    code, out = run("nudges")
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0] == (
        f"{date.today().isoformat()}  You've felt less connected lately  [new, {shown.id}]"
    )
    assert lines[1] == "  Why: Connection averaged 1.8 over the last 5 check-ins."
    assert lines[2] == "  Try: Reach out to someone you work with."
    assert lines[3].startswith("  Evidence: Sandstrom & Dunn 2014")
    assert lines[4] == f"  Do: aijournal nudges act|snooze|dismiss {shown.id[:8]}"


def test_all_includes_the_nudges_already_answered(journal_at_home):
    nudge(journal_at_home, status="dismissed")
    assert run("nudges") == (0, "No nudges right now.\n")
    [listed] = json.loads(run("nudges", "--all", "--format", "json")[1])
    assert listed["status"] == "dismissed" and listed["rule"] == "low-connection"


def test_planning_with_someone_names_them_and_the_day(journal_at_home):
    dana = journal_at_home.add(r.Person(name="Dana"))
    planned = nudge(journal_at_home)
    tomorrow = date.today() + timedelta(days=1)
    code, out = run("nudges", "plan", planned.id[:8], "--person", "dana", "--date", "tomorrow")
    assert code == 0, out
    assert out.startswith(f"Planned a touchpoint with Dana on {tomorrow.isoformat()};")
    assert "--person 'Dana'" in out
    stored = journal_at_home.get(r.Nudge, planned.id)
    assert (stored.status, stored.planned_day, stored.planned_person_id) == (
        "planned",
        tomorrow,
        dana.id,
    )


@pytest.mark.parametrize("words", ["mon", "saturday", "next wed", "in 3 days"])
def test_a_plan_in_words_is_a_day_to_come(journal_at_home, words):
    from aijournal.model.plain_dates import parse_day

    planned = nudge(journal_at_home)
    code, out = run("nudges", "plan", planned.id[:8], "--date", words)
    assert code == 0, out
    day = journal_at_home.get(r.Nudge, planned.id).planned_day
    assert 0 <= (day - date.today()).days <= 7  # never the weekday just gone
    assert day == parse_day("date", words, date.today(), ahead=True)


@pytest.mark.parametrize(
    "args, says",
    [
        (("--person", "Nobody"), "person: 'Nobody'"),
        (("--date", "yesterday"), "use today"),
    ],
)
def test_a_plan_for_someone_unknown_or_a_past_day_is_refused(journal_at_home, args, says):
    journal_at_home.add(r.Person(name="Dana"))
    waiting = nudge(journal_at_home)
    code, out = run("nudges", "plan", waiting.id, *args)
    assert code == 2 and says in out and out.count("\n") == 1, out
    assert journal_at_home.get(r.Nudge, waiting.id).status == "new"


def test_acting_with_a_logged_touchpoint_closes_the_nudge(journal_at_home):
    waiting = nudge(journal_at_home)
    code, out = run("nudges", "act", waiting.id, "--touchpoint", "no-such-touchpoint")
    assert code == 2 and "touchpoint: 'no-such-touchpoint'" in out
    assert journal_at_home.get(r.Nudge, waiting.id).status == "new"
    touchpoint = journal_at_home.add(r.Touchpoint(at=r.now(), kind="pairing"))
    code, out = run("nudges", "act", waiting.id[:8], "--touchpoint", touchpoint.id)
    assert (code, out) == (
        0,
        "Done: You've felt less connected lately, with the touchpoint you logged.\n",
    )
    stored = journal_at_home.get(r.Nudge, waiting.id)
    assert (stored.status, stored.touchpoint_id) == ("acted", touchpoint.id)


def test_short_ids_and_out_of_range_snoozes_are_refused(journal_at_home):
    waiting = nudge(journal_at_home)
    code, out = run("nudges", "snooze", waiting.id[:5])  # fewer than 6 characters
    assert code == 2 and "nudge:" in out
    code, out = run("nudges", "snooze", waiting.id, "--days", "0")
    assert code == 2 and "days: 0" in out
    assert journal_at_home.get(r.Nudge, waiting.id).status == "new"
