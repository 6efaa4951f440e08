"""The check-in form (forms/checkin.py): another day's check-in, a future day, "not answered"
kept apart from "no", and factors that wait while the user types."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget

from aijournal.journaling import factors
from aijournal.model import records as r
from aijournal.ui.forms.checkin import CheckinForm
from aijournal.ui.forms.kit import ScaleInput
from aijournal.ui.widgets.basics import find


@pytest.fixture
def form(show, journal):
    parents = []  # qtbot holds widgets weakly: the parents live as long as the test

    def made(**kwargs) -> CheckinForm:
        parent = show(QWidget(), 900, 900)
        parents.append(parent)
        made_form = CheckinForm(journal, parent, **kwargs)
        made_form.resize(900, 900)
        made_form.show()
        return made_form

    yield made


def answer(qtbot, form, burnout: int, connection: int) -> None:
    qtbot.mouseClick(form.burnout_buttons[burnout - 1], Qt.MouseButton.LeftButton)
    qtbot.keyClick(find(form, ScaleInput, "Connection"), getattr(Qt.Key, f"Key_{connection}"))


def test_another_day_is_checked_in_on_that_day(qtbot, form, journal, clock):
    today = clock().date()
    yesterday, before = today - timedelta(days=1), today - timedelta(days=2)
    journal.add(r.Checkin(day=before, burnout=4, connection=2, note="tired"))
    shown = form()
    shown.show_day(yesterday)
    assert shown.burnout.checkedButton() is None
    assert find(shown, QPushButton, "Save check-in").isVisible()
    answer(qtbot, shown, 1, 5)
    stored = shown.save()
    assert stored.day == yesterday and journal.checkin_on(today) is None
    assert shown.save_button.text() == "Update check-in"

    shown.show_day(before)
    assert shown.burnout.checkedId() == 4 and shown.note.toPlainText() == "tired"
    assert shown.save_button.text() == "Update check-in" and not shown.has_edits()


def test_a_future_day_is_refused(qtbot, form, journal, clock):
    tomorrow = clock().date() + timedelta(days=1)
    shown = form(day=tomorrow)
    answer(qtbot, shown, 2, 3)
    assert not shown.save_button.isEnabled()
    assert shown.status.property("role") == "error"
    assert shown.status.text().endswith(f"use today ({clock().date()}) or earlier")
    assert shown.save() is None and journal.checkin_on(tomorrow) is None


def test_advice_not_answered_stays_apart_from_no(qtbot, form, journal, clock):
    day = clock().date()
    stored = journal.add(r.Checkin(day=day, burnout=2, connection=3))
    assert stored.asked_advice is None
    shown = form()
    shown.show_day(day)
    advice = find(shown, QCheckBox, "Asked a person for advice today")
    assert not advice.isChecked()
    qtbot.keyClick(find(shown, ScaleInput, "Connection"), Qt.Key.Key_4)
    assert shown.save().asked_advice is None  # left alone: still not answered

    qtbot.mouseClick(advice, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(advice, Qt.MouseButton.LeftButton)  # ticked, then unticked: a "no"
    assert shown.save().asked_advice is False
    assert journal.checkin_on(day).asked_advice is False


def test_a_new_factor_waits_until_the_typing_is_saved(qtbot, form, journal):
    shown = form()
    qtbot.keyClicks(shown.note, "half a thought")
    factors.add(journal, "Walked", "yes-no")
    shown.refresh_suggestions()
    assert shown.factors == [] and shown.note.toPlainText() == "half a thought"
    answer(qtbot, shown, 2, 4)
    shown.save()
    shown.refresh_suggestions()
    assert [f.name for f in shown.factors] == ["Walked"]
    assert shown.note.toPlainText() == "half a thought"  # the day's record shows again
    assert find(shown, ScaleInput, "Connection").value() == 4


def test_the_edit_form_keeps_an_archived_factor_answered_that_day(form, journal, clock):
    gym = factors.add(journal, "Gym", "yes-no")
    stored = journal.add(
        r.Checkin(day=clock().date(), burnout=2, connection=3, factors=((gym.id, 1),))
    )
    factors.set_archived(journal, journal.get(r.Factor, gym.id), True)
    assert [f.name for f in form().factors] == []  # Today: the archived factor is gone
    editing = form(record=stored)
    assert [f.name for f in editing.factors] == ["Gym"]
    assert editing.factor_inputs[gym.id].value() == 1
