"""Taking a questionnaire (InstrumentDialog): by keyboard, Clear answers, Cancel, a bad id."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QRadioButton

from aijournal.model.errors import InvalidInput
from aijournal.storage.entries import EntryFilter
from aijournal.ui.dialogs.instrument import InstrumentDialog
from aijournal.ui.widgets.basics import find
from aijournal.wellbeing import instruments


@pytest.fixture
def dialog(qtbot, journal):
    def opened(instrument_id: str) -> InstrumentDialog:
        shown = InstrumentDialog(journal, instrument_id)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        shown.activateWindow()
        qtbot.waitUntil(shown.isActiveWindow)
        return shown

    return opened


def assessments(journal):
    return journal.entries(EntryFilter(kinds=("assessment",)))


def button(dialog, item, option) -> QRadioButton:
    return find(dialog, QRadioButton, f"{item.text}: {option.label}")


def test_answered_by_keyboard_and_saved(qtbot, dialog, journal):
    ucla = instruments.instrument("ucla3")
    shown = dialog("ucla3")
    taken = []
    shown.taken.connect(taken.append)
    first = button(shown, ucla.items[0], ucla.items[0].options[0])
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    for _ in ucla.items:  # End picks "Often"; Tab goes on to the next question
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert shown.answers() == [3, 3, 3]
    assert shown.status.text() == "3 of 3 answered"
    assert QApplication.focusWidget() is shown.reset_button  # Tab after the last question
    qtbot.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)

    [stored] = assessments(journal)
    assert (stored.instrument, stored.answers, stored.score) == ("ucla3", (3, 3, 3), 9)
    assert taken == [stored] and shown.assessment == stored
    assert shown.score_label.text() == "Score 9 of 9 — Often lonely"
    assert "Reaching out to someone" in find(shown, QLabel, "Result").text()


def test_enter_saves_once_every_question_is_answered(qtbot, dialog, journal):
    ucla = instruments.instrument("ucla3")
    shown = dialog("ucla3")
    for item in ucla.items:
        qtbot.mouseClick(button(shown, item, item.options[0]), Qt.MouseButton.LeftButton)
    assert shown.save_button.isEnabled()
    qtbot.keyClick(button(shown, ucla.items[2], ucla.items[2].options[0]), Qt.Key.Key_Return)
    assert [a.answers for a in assessments(journal)] == [(1, 1, 1)]


def test_clear_answers_empties_every_question_and_save_waits(qtbot, dialog, journal):
    who5 = instruments.instrument("who5")
    shown = dialog("who5")
    for item in who5.items[:2]:
        qtbot.mouseClick(button(shown, item, item.options[3]), Qt.MouseButton.LeftButton)
    assert shown.status.text() == "2 of 5 answered; answer all 5 to save."
    qtbot.mouseClick(find(shown, QPushButton, "Clear answers"), Qt.MouseButton.LeftButton)
    assert shown.answers() == [None] * 5
    assert shown.status.text() == "0 of 5 answered; answer all 5 to save."
    assert not shown.save_button.isEnabled()
    shown.save()  # as a stray Enter would
    assert assessments(journal) == [] and shown.assessment is None


def test_an_instrument_that_allows_blanks_says_how_many_give_a_score(dialog):
    shown = dialog("cbi")
    note = "You may leave questions blank; at least 4 of 7 answers give a score."
    assert any(label.text() == note for label in shown.findChildren(QLabel))


def test_cancel_stores_nothing(qtbot, dialog, journal):
    ucla = instruments.instrument("ucla3")
    shown = dialog("ucla3")
    for item in ucla.items:
        qtbot.mouseClick(button(shown, item, item.options[0]), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(shown, QPushButton, "Cancel"), Qt.MouseButton.LeftButton)
    assert not shown.isVisible() and assessments(journal) == []


def test_an_unknown_instrument_is_refused(journal):
    with pytest.raises(InvalidInput):
        InstrumentDialog(journal, "phq9")
