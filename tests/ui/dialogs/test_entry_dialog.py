"""Editing one stored entry (EntryDialog, open_entry): the form per kind, an assessment's
read-only details, Cancel and Escape, and the save handed back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from aijournal.model import records as r
from aijournal.ui.dialogs.entry_dialog import EntryDialog, open_entry
from aijournal.ui.forms.ai_use import AIUseForm
from aijournal.ui.forms.checkin import CheckinForm
from aijournal.ui.forms.kit import ScaleInput
from aijournal.ui.forms.touchpoint import TouchpointForm
from aijournal.ui.widgets.basics import find
from aijournal.wellbeing import assessing, instruments


@pytest.fixture
def parent(show):
    from PySide6.QtWidgets import QWidget

    return show(QWidget(), 400, 300)


@pytest.fixture
def dialog(qtbot, journal, parent):
    def opened(record: r.Record) -> EntryDialog:
        shown = EntryDialog(journal, record, parent)
        shown.show()
        qtbot.waitExposed(shown)
        return shown

    return opened


def texts(widget) -> list[str]:
    """The labels' texts in the order they were made: each detail's name, then its value."""
    return [label.text() for label in widget.findChildren(QLabel)]


def after(found: list[str], name: str) -> str:
    return found[found.index(name) + 1]


@pytest.fixture
def checkin(journal, clock):
    return journal.add(r.Checkin(day=clock().date(), burnout=2, connection=3, note="ok"))


def test_each_kind_is_edited_in_its_own_form(dialog, journal, clock, checkin):
    now = clock()
    use = journal.add(r.AIUse(started_at=now, tool="Claude", pattern="learning", minutes=5))
    touch = journal.add(r.Touchpoint(at=now, kind="pairing", person="Dana"))
    for record, form_type, kind in (
        (checkin, CheckinForm, "Check-in"),
        (use, AIUseForm, "AI use"),
        (touch, TouchpointForm, "Touchpoint"),
    ):
        shown = dialog(record)
        assert isinstance(shown.form, form_type)
        assert shown.windowTitle().startswith(f"{kind} · ")
        assert shown.form.save_button.text() == "Save changes"
        assert find(shown, QPushButton, "Cancel").isVisible()


def test_saving_updates_the_entry_and_accepts(qtbot, dialog, journal, checkin):
    shown = dialog(checkin)
    qtbot.keyClick(find(shown.form, ScaleInput, "Connection"), Qt.Key.Key_5)
    qtbot.mouseClick(shown.form.save_button, Qt.MouseButton.LeftButton)
    assert shown.result() == EntryDialog.DialogCode.Accepted
    assert shown.stored.id == checkin.id and shown.stored.connection == 5
    assert journal.checkin_on(checkin.day).connection == 5
    assert journal.counts()["checkins"] == 1


def test_escape_in_the_form_cancels_and_keeps_the_entry(qtbot, dialog, journal, checkin):
    shown = dialog(checkin)
    connection = find(shown.form, ScaleInput, "Connection")
    qtbot.keyClick(connection, Qt.Key.Key_1)
    qtbot.keyClick(connection, Qt.Key.Key_Escape)
    assert not shown.isVisible() and shown.stored is None
    assert shown.result() == EntryDialog.DialogCode.Rejected
    assert journal.checkin_on(checkin.day).connection == 3


def test_an_assessment_shows_its_answers_read_only(qtbot, dialog, journal):
    cbi = instruments.instrument("cbi")
    stored, result = assessing.take(journal, "cbi", [2, 2, 2, 2, None, None, None])
    shown = dialog(stored)
    assert shown.form is None
    found = texts(shown)
    assert after(found, "Instrument") == cbi.name
    assert after(found, "Date") == stored.day.isoformat()
    assert after(found, "Score") == "75"
    assert after(found, "Band") == cbi.band_named(result.band).label
    assert after(found, cbi.items[0].text) == cbi.items[0].options[1].label
    assert after(found, cbi.items[6].text) == "not answered"
    qtbot.mouseClick(find(shown, QPushButton, "Close"), Qt.MouseButton.LeftButton)
    assert not shown.isVisible()


def test_an_assessment_of_an_instrument_not_known_here_still_shows(dialog, journal, clock):
    stored = journal.add(
        r.Assessment(instrument="phq9", day=clock().date(), answers=(1, None), score=None)
    )
    found = texts(dialog(stored))
    assert after(found, "Instrument") == "phq9"
    assert after(found, "Score") == "no score"
    assert (after(found, "Item 1"), after(found, "Item 2")) == ("1", "not answered")
    assert "Band" not in found


def test_open_entry_hands_the_saved_entry_back(qtbot, journal, parent, checkin):
    saved = []
    shown = open_entry(journal, checkin, parent, saved.append)
    qtbot.waitExposed(shown)
    assert shown.windowModality() == Qt.WindowModality.WindowModal  # not blocking
    qtbot.keyClick(find(shown.form, ScaleInput, "Connection"), Qt.Key.Key_4)
    qtbot.mouseClick(shown.form.save_button, Qt.MouseButton.LeftButton)
    assert [record.connection for record in saved] == [4]
    assert saved[0].id == checkin.id
