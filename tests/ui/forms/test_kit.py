"""The inputs forms are built from (forms/kit.py): 1–5 scales, yes/no, completers, parsing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from aijournal.model.errors import InvalidInput
from aijournal.ui.forms.kit import (
    AGREEMENT,
    CommaCompleter,
    ScaleInput,
    YesNoInput,
    error_text,
    parse_whole_number,
    split_names,
)

K = Qt.Key


@pytest.fixture
def parent(show):
    return show(QWidget(), 500, 200)


def scale(parent, *, optional: bool) -> ScaleInput:
    widget = ScaleInput(AGREEMENT, optional=optional, parent=parent)
    widget.show()
    return widget


def test_digits_and_arrows_pick_and_say_what_the_answer_means(qtbot, parent):
    field = scale(parent, optional=True)
    changes = []
    field.changed.connect(lambda: changes.append(field.value()))
    qtbot.keyClick(field, K.Key_4)
    assert field.value() == 4 and field.lineEdit().text() == "4 — Agree"
    qtbot.keyClick(field, K.Key_Right)
    qtbot.keyClick(field, K.Key_Right)  # already at the top: no change
    qtbot.keyClick(field, K.Key_9)  # beyond the scale: ignored
    assert field.value() == 5
    qtbot.keyClick(field, K.Key_Down)
    assert [b.isChecked() for b in field.buttons] == [False, False, False, True, False]
    qtbot.keyClick(field, K.Key_Delete)
    assert field.value() is None and field.lineEdit().text() == "not answered"
    assert changes == [4, 5, 4, None]


def test_a_required_scale_cannot_be_cleared(qtbot, parent):
    field = scale(parent, optional=False)
    qtbot.keyClick(field, K.Key_Left)  # from nothing, Left starts at 1
    assert field.value() == 1
    qtbot.keyClick(field, K.Key_Delete)
    qtbot.mouseClick(field.buttons[0], Qt.MouseButton.LeftButton)  # a second click keeps it
    assert field.value() == 1


def test_clicking_the_chosen_answer_of_an_optional_scale_clears_it(qtbot, parent):
    field = scale(parent, optional=True)
    qtbot.mouseClick(field.buttons[2], Qt.MouseButton.LeftButton)
    assert field.value() == 3 and field.hasFocus()
    qtbot.mouseClick(field.buttons[2], Qt.MouseButton.LeftButton)
    assert field.value() is None


def test_set_value_shows_without_counting_as_an_edit(parent):
    field = scale(parent, optional=True)
    changes = []
    field.changed.connect(lambda: changes.append(True))
    field.set_value(2)
    assert field.value() == 2 and field.buttons[1].isChecked()
    field.set_value(7)  # not on the scale: nothing
    assert field.value() is None and changes == []


def test_yes_no_answers_with_y_n_space_and_delete(qtbot, parent):
    field = YesNoInput(parent)
    field.show()
    assert field.value() is None and [b.text() for b in field.buttons] == ["Yes", "No"]
    qtbot.keyClick(field, K.Key_Y)
    assert field.value() == 1 and field.lineEdit().text() == "yes"
    qtbot.keyClick(field, K.Key_Space)
    assert field.value() == 0 and field.lineEdit().text() == "no"
    qtbot.keyClick(field, K.Key_Delete)
    assert field.value() is None and field.lineEdit().text() == "not answered"
    qtbot.keyClick(field, K.Key_N)
    assert field.value() == 0
    field.set_value(1)
    assert field.buttons[0].isChecked() and not field.buttons[1].isChecked()


def test_the_comma_completer_completes_the_last_name(qtbot, parent):
    field = QLineEdit(parent)
    completer = CommaCompleter(["SQL", "Python testing", "Data pipelines"], field)
    field.setCompleter(completer)
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "SQL, test")
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    assert completer.completionCount() == 1  # "test" is in one name only
    assert completer.currentCompletion() == "SQL, Python testing"
    qtbot.keyClick(completer.popup(), K.Key_Tab)
    assert field.text() == "SQL, Python testing"


def test_whole_numbers_and_names_as_typed():
    assert parse_whole_number("minutes", "  25 ") == 25
    assert parse_whole_number("minutes", "   ") is None
    with pytest.raises(InvalidInput, match="use a whole number"):
        parse_whole_number("minutes", "2.5")
    assert split_names(" SQL ,, Python testing, ") == ("SQL", "Python testing")
    assert error_text(InvalidInput("tool", "", "name the tool")) == "Required: name the tool"
    assert "use 0 to 1440" in error_text(InvalidInput("minutes", 2000, "use 0 to 1440"))
