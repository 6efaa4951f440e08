"""Planning a touchpoint from a nudge (PlanDialog): defaults, the plan stored, a refusal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog

from aijournal.model import records as r
from aijournal.ui.dialogs.plan_touchpoint import ANYONE, PlanDialog
from aijournal.ui.widgets.basics import find


@pytest.fixture
def nudge(journal, clock):
    return journal.add(
        r.Nudge(rule_id="low-connection", day=clock().date(), facts=(), message="Reach out")
    )


@pytest.fixture
def dana(journal):
    return journal.add(r.Person(name="Dana", relationship="peer"))


@pytest.fixture
def dialog(qtbot, journal):
    def opened(*args, **kwargs) -> PlanDialog:
        shown = PlanDialog(journal, *args, **kwargs)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        return shown

    return opened


def qdate(day) -> QDate:
    return QDate(day.year, day.month, day.day)


def test_it_suggests_anyone_tomorrow_and_no_day_before_today(dialog, nudge, dana, clock):
    today = clock().date()
    shown = dialog(nudge)
    person, day = find(shown, QComboBox, "Person"), find(shown, QDateEdit, "Day")
    assert [person.itemText(i) for i in range(person.count())] == [ANYONE, "Dana"]
    assert person.currentText() == ANYONE
    assert day.date() == qdate(today + timedelta(days=1))
    day.setDate(qdate(today - timedelta(days=3)))
    assert day.date() == qdate(today)  # the past cannot be chosen


def test_plan_stores_whom_and_which_day(qtbot, dialog, journal, nudge, dana, clock):
    shown = dialog(nudge, person_id=dana.id)
    assert find(shown, QComboBox, "Person").currentText() == "Dana"
    in_three = clock().date() + timedelta(days=3)
    find(shown, QDateEdit, "Day").setDate(qdate(in_three))
    qtbot.mouseClick(shown.plan_button, Qt.MouseButton.LeftButton)
    assert shown.result() == QDialog.DialogCode.Accepted
    stored = journal.get(r.Nudge, nudge.id)
    assert (stored.status, stored.planned_day, stored.planned_person_id) == (
        "planned",
        in_three,
        dana.id,
    )
    assert shown.planned == stored


def test_a_planned_nudge_opens_as_planned(dialog, journal, nudge, dana, clock):
    from aijournal.connection import nudges

    later = clock().date() + timedelta(days=5)
    planned = nudges.plan(journal, nudge.id, dana.id, later)
    shown = dialog(planned)
    assert find(shown, QComboBox, "Person").currentText() == "Dana"
    assert find(shown, QDateEdit, "Day").date() == qdate(later)


def test_a_person_gone_meanwhile_is_refused_inline(dialog, journal, nudge, dana):
    shown = dialog(nudge, person_id=dana.id)
    journal.delete(dana)
    shown.plan()
    assert shown.isVisible() and shown.planned is None
    assert shown.error.isVisible() and "use someone in your circle" in shown.error.text()
    assert journal.get(r.Nudge, nudge.id).status == "new"
