"""How form inputs answer the keyboard (ui/forms/keys.py): radio groups, completers, Tab stops."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCompleter,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.ui.forms.keys import (
    CompleterKeys,
    RadioKeys,
    accept_pending,
    cycle_focus,
    focus_target,
    tab_stops,
)

K = Qt.Key
STRONG, CLICK = Qt.FocusPolicy.StrongFocus, Qt.FocusPolicy.ClickFocus


@pytest.fixture
def form(qtbot):
    """A shown, active window to put inputs in."""
    window = QWidget()
    QVBoxLayout(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def radios(form, count: int = 3, *, digits: bool = False) -> tuple[list[QRadioButton], RadioKeys]:
    group = QButtonGroup(form)
    buttons = []
    for number in range(count):
        button = QRadioButton(f"Answer {number + 1}", form)
        form.layout().addWidget(button)
        button.show()
        group.addButton(button)
        buttons.append(button)
    return buttons, RadioKeys(group, digits=digits)


def checked(buttons) -> list[int]:
    return [i for i, b in enumerate(buttons) if b.isChecked()]


def test_arrows_home_and_end_select_the_answer_not_only_focus_it(qtbot, form):
    buttons, _ = radios(form)
    buttons[0].setFocus()
    qtbot.keyClick(buttons[0], K.Key_Down)
    assert checked(buttons) == [1] and QApplication.focusWidget() is buttons[1]
    qtbot.keyClick(buttons[1], K.Key_Right)
    assert checked(buttons) == [2]
    qtbot.keyClick(buttons[2], K.Key_Down)  # at the end: stays on the last answer
    assert checked(buttons) == [2]
    qtbot.keyClick(buttons[2], K.Key_Home)
    assert checked(buttons) == [0]
    qtbot.keyClick(buttons[0], K.Key_Up)  # at the start: stays on the first
    assert checked(buttons) == [0]
    qtbot.keyClick(buttons[0], K.Key_End)
    assert checked(buttons) == [2] and QApplication.focusWidget() is buttons[2]


def test_up_from_nothing_chosen_takes_the_focused_answer(qtbot, form):
    buttons, _ = radios(form)
    buttons[1].setFocus()
    qtbot.keyClick(buttons[1], K.Key_Up)
    assert checked(buttons) == [1]


def test_digits_pick_one_to_n_only_when_asked_for(qtbot, form):
    buttons, _ = radios(form, digits=True)
    qtbot.keyClick(buttons[0], K.Key_3)
    assert checked(buttons) == [2]
    qtbot.keyClick(buttons[2], K.Key_4)  # beyond the three answers: ignored
    assert checked(buttons) == [2]
    qtbot.keyClick(buttons[2], K.Key_Down, Qt.KeyboardModifier.ControlModifier)  # not ours
    assert checked(buttons) == [2]

    plain, _ = radios(form)
    qtbot.keyClick(plain[0], K.Key_2)
    assert checked(plain) == []


def test_the_group_is_one_tab_stop_on_its_answer(qtbot, form):
    buttons, keys = radios(form)
    assert [b.focusPolicy() for b in buttons] == [STRONG, CLICK, CLICK]  # nothing chosen: first
    assert focus_target(buttons[2]) is buttons[0]
    buttons[2].setChecked(True)
    assert [b.focusPolicy() for b in buttons] == [CLICK, CLICK, STRONG]
    assert keys.target() is buttons[2] and focus_target(buttons[0]) is buttons[2]
    assert tab_stops(form) == [buttons[2]]
    lone = QLineEdit(form)
    assert focus_target(lone) is lone  # not a radio button: itself


def completing(form, names=("ChatGPT", "Claude", "Copilot")) -> tuple[QLineEdit, QCompleter]:
    field = QLineEdit(form)
    form.layout().addWidget(field)
    completer = QCompleter(list(names), field)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    field.setCompleter(completer)
    CompleterKeys(completer)
    field.show()
    field.setFocus()
    return field, completer


def test_tab_takes_the_first_suggestion_and_moves_on(qtbot, form):
    field, completer = completing(form)
    after = QLineEdit(form)
    form.layout().addWidget(after)
    qtbot.keyClicks(field, "Ch")
    qtbot.waitUntil(completer.popup().isVisible)
    qtbot.keyClick(completer.popup(), K.Key_Tab)
    assert field.text() == "ChatGPT"  # never "Ch"
    assert not completer.popup().isVisible()


def test_enter_takes_the_highlighted_suggestion(qtbot, form):
    field, completer = completing(form)
    qtbot.keyClicks(field, "c")
    qtbot.waitUntil(completer.popup().isVisible)
    popup = completer.popup()
    popup.setCurrentIndex(completer.completionModel().index(1, 0))  # "Claude"
    qtbot.keyClick(popup, K.Key_Return)
    assert field.text() == "Claude"


def test_accept_pending_takes_only_a_showing_suggestion(qtbot, form):
    field, completer = completing(form)
    accept_pending(form)  # no list showing: nothing typed for the person
    assert field.text() == ""
    qtbot.keyClicks(field, "Co")
    qtbot.waitUntil(completer.popup().isVisible)
    accept_pending(form)
    assert field.text() == "Copilot"


def test_tab_goes_round_the_usable_stops_of_a_form(qtbot, form):
    first, hidden, disabled, last = (QLineEdit(form) for _ in range(4))
    for field in (first, hidden, disabled, last):
        form.layout().addWidget(field)
        field.show()
    hidden.hide()
    disabled.setEnabled(False)
    assert tab_stops(form) == [first, last]
    assert tab_stops(form, usable_now=False) == [first, hidden, disabled, last]
    last.setFocus()
    assert cycle_focus(form, forward=True) is True
    assert QApplication.focusWidget() is first  # round from the end to the start
    assert cycle_focus(form, forward=False) is True
    assert QApplication.focusWidget() is last
    empty = QWidget(form)
    assert cycle_focus(empty, forward=True) is False
