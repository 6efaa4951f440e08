"""What every entry form shares (forms/entry_form.py), seen through the AI-use and touchpoint
forms: Ctrl+Enter on nothing, every problem at once, the waiting list, the confirmation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QWidget

from aijournal.model import records as r
from aijournal.storage.entries import EntryFilter
from aijournal.ui.forms.ai_use import AIUseForm
from aijournal.ui.forms.touchpoint import TouchpointForm
from aijournal.ui.widgets.basics import find

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def make(qtbot, show, journal):
    parents = []  # qtbot holds widgets weakly: the parents live as long as the test

    def made(form_type, record: r.Record | None = None):
        parent = show(QWidget(), 900, 900)
        parents.append(parent)
        parent.activateWindow()
        form = form_type(journal, parent, record=record)
        form.resize(900, 900)
        form.show()
        qtbot.waitUntil(parent.isActiveWindow)
        return form

    yield made


def entries(journal) -> list[r.Record]:
    return journal.entries(EntryFilter(kinds=("ai-use", "touchpoint")))


def ctrl_enter(qtbot, field) -> None:
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Return, CTRL)


def test_ctrl_enter_on_an_untouched_form_saves_nothing(qtbot, make, journal, clock):
    form = make(TouchpointForm)  # valid as it is: every field is optional
    assert form.save_button.isEnabled()
    ctrl_enter(qtbot, find(form, QLineEdit, "Minutes"))
    assert form.status.text() == "Nothing entered yet." and entries(journal) == []

    stored = journal.add(r.Touchpoint(at=clock() - timedelta(hours=1), kind="pairing"))
    editing = make(TouchpointForm, stored)
    ctrl_enter(qtbot, find(editing, QLineEdit, "Minutes"))
    assert editing.status.text() == "Nothing changed to save."
    assert journal.get(r.Touchpoint, stored.id).updated_at == stored.updated_at


def test_saving_a_wrong_form_shows_every_problem_and_focuses_the_first(qtbot, make, journal):
    form = make(AIUseForm)
    qtbot.keyClicks(find(form, QLineEdit, "Minutes"), "9999")
    assert not find(form, QLabel, "Tool error").isVisible()  # not touched yet
    assert form.save() is None and entries(journal) == []
    for name in ("Tool error", "Pattern error", "Minutes error"):
        assert find(form, QLabel, name).isVisible(), name
    assert find(form, QLabel, "Tool error").text().startswith("Required: ")
    assert QApplication.focusWidget() is find(form, QComboBox, "Tool")


def test_the_status_names_the_fields_still_needed(qtbot, make):
    form = make(AIUseForm)
    validity = []
    form.validity_changed.connect(validity.append)
    assert form.status.text() == "To save, fill in: Tool, Pattern, Minutes"
    qtbot.keyClicks(find(form, QComboBox, "Tool").lineEdit(), "Claude")
    assert form.status.text() == "To save, fill in: Pattern, Minutes"
    qtbot.mouseClick(form.pattern.buttons["learning"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(find(form, QLineEdit, "Minutes"), "5")
    assert form.status.text() == "" and form.save_button.isEnabled()
    assert validity[0] is False and validity[-1] is True


def test_the_confirmation_gives_way_to_the_next_edit(qtbot, make, journal):
    form = make(TouchpointForm)
    qtbot.keyClicks(find(form, QLineEdit, "Person"), "Dana")
    form.save()
    assert form.status.text() == "✓ Touchpoint saved"
    assert form.status.property("role") == "notice"
    qtbot.keyClicks(find(form, QLineEdit, "Minutes"), "x")
    assert not form.status.text().startswith("✓")
    assert find(form, QLabel, "Minutes error").isVisible()


def test_clear_drops_the_typing_and_its_errors(qtbot, make):
    form = make(AIUseForm)
    qtbot.keyClicks(find(form, QLineEdit, "Minutes"), "abc")
    assert form.has_edits() and find(form, QLabel, "Minutes error").isVisible()
    form.clear()
    assert not form.has_edits()
    assert find(form, QLineEdit, "Minutes").text() == ""
    assert not find(form, QLabel, "Minutes error").isVisible()
