"""Logging entries does the same from the CLI, the app and a merge: a touchpoint closes the
nudge whose plan it fulfils; a check-in can answer "did it help?"; nudges are acted on alike."""

from datetime import timedelta

import pytest
from clitools import run
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from aijournal.connection import nudges
from aijournal.journaling import capture
from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal, exchange
from aijournal.storage.unlock import Key
from aijournal.ui.forms.touchpoint import TouchpointForm
from aijournal.ui.widgets.basics import find


def planned_nudge(journal: Journal, person: str | None) -> r.Nudge:
    """A stored low-connection nudge with a touchpoint planned for today."""
    who = journal.add(r.Person(name=person)) if person else None
    today = journal.clock().date()
    nudge = journal.add(r.Nudge(rule_id="low-connection", day=today, facts=(), message="Reach out"))
    return nudges.plan(journal, nudge.id, who.id if who else None, today)


@pytest.fixture
def cli_journal(home):
    with Journal.open(DataPaths(home)) as journal:
        yield journal


def test_a_touchpoint_logged_from_the_cli_closes_its_plan(cli_journal):
    plan = planned_nudge(cli_journal, "Dana")
    code, printed = run("touchpoint", "--kind", "pairing", "--person", "Dana", "--minutes", "30")
    assert code == 0 and "planned touchpoint done" in printed, printed
    done = cli_journal.get(r.Nudge, plan.id)
    (touchpoint,) = cli_journal.all(r.Touchpoint)
    assert (done.status, done.touchpoint_id) == ("acted", touchpoint.id)


def test_a_touchpoint_with_someone_else_leaves_the_plan_open(cli_journal):
    plan = planned_nudge(cli_journal, "Dana")
    assert run("touchpoint", "--kind", "pairing", "--person", "Sam")[0] == 0
    assert cli_journal.get(r.Nudge, plan.id).status == "planned"


def test_the_app_form_closes_the_plan_the_same_way(qtbot, journal):
    plan = planned_nudge(journal, "Dana")
    form = TouchpointForm(journal)
    qtbot.addWidget(form)
    qtbot.keyClicks(find(form, QComboBox, "Kind"), "Pairing")
    qtbot.keyClicks(find(form, QLineEdit, "Person"), "Dana")
    qtbot.mouseClick(find(form, QPushButton, "Save touchpoint"), Qt.MouseButton.LeftButton)
    assert journal.get(r.Nudge, plan.id).status == "acted"
    assert "planned touchpoint done" in form.status.text()


def test_a_touchpoint_merged_from_a_second_machine_closes_the_plan(journal, tmp_path):
    plan = planned_nudge(journal, None)
    with Journal.create(DataPaths(tmp_path / "laptop"), Key.random(), clock=journal.clock) as other:
        other.add(r.Touchpoint(at=journal.clock(), kind="one-to-one"))
        data = exchange.export_data(other)
    assert capture.merge_export(journal, data, dry_run=True).plans_done == 1  # the preview says
    assert journal.get(r.Nudge, plan.id).status == "planned"  # a dry run changes nothing
    report = capture.merge_export(journal, data)
    assert report.plans_done == 1 and "1 planned touchpoint done" in report.line()
    assert journal.get(r.Nudge, plan.id).status == "acted"


def test_a_partial_checkin_keeps_what_it_does_not_name(journal):
    today = journal.clock().date()
    capture.save_checkin(journal, today, {"burnout": 2, "connection": 4, "energy": 3})
    stored, created = capture.save_checkin(journal, today, {"burnout": 3, "energy": None})
    assert not created and (stored.burnout, stored.connection, stored.energy) == (3, 4, 3)


def test_the_checkin_answers_did_it_help_from_the_cli(cli_journal):
    plan = planned_nudge(cli_journal, "Dana")
    touchpoint = cli_journal.add(
        r.Touchpoint(at=cli_journal.clock() - timedelta(days=1), kind="pairing", person="Dana")
    )
    nudges.acted(cli_journal, plan.id, touchpoint.id)
    code, printed = run("checkin", "--burnout", "2", "--connection", "4", "--nudge-helped", "yes")
    assert code == 0 and "helped" in printed, printed
    assert cli_journal.get(r.Nudge, plan.id).helped is True
    code, printed = run("checkin", "--burnout", "2", "--connection", "4", "--nudge-helped", "no")
    assert code == 2 and "nudge-helped" in printed  # asked once: nothing waits any more
    assert cli_journal.checkin_on(cli_journal.clock().date()).burnout == 2


def test_nudges_are_acted_on_snoozed_and_dismissed_from_the_cli(cli_journal):
    today = cli_journal.clock().date()
    first = cli_journal.add(r.Nudge(rule_id="gratitude", day=today, facts=(), message="Thank"))
    second = cli_journal.add(r.Nudge(rule_id="quiet-days", day=today, facts=(), message="Talk"))
    third = cli_journal.add(r.Nudge(rule_id="lonely", day=today, facts=(), message="Meet"))
    assert run("nudges", "snooze", first.id[:8], "--days", "3")[0] == 0
    assert run("nudges", "dismiss", second.id)[0] == 0
    code, printed = run("nudges", "act", third.id[:8])
    assert code == 0 and "Planned a touchpoint" in printed
    snoozed, dismissed, planned = (cli_journal.get(r.Nudge, n.id) for n in (first, second, third))
    assert (snoozed.status, snoozed.snoozed_until) == ("snoozed", today + timedelta(days=3))
    assert dismissed.status == "dismissed"
    assert (planned.status, planned.planned_day) == ("planned", today)
    code, printed = run("nudges", "dismiss", "nope")
    assert code == 2 and printed.count("\n") == 1
