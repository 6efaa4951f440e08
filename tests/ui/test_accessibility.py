"""What assistive technology gets: every input named and telling its value (a 1–5 answer as a
value in its range), no dead Tab stops, and Tab in the order the page reads."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from aijournal.model import records as r
from aijournal.ui.forms.keys import tab_stops
from aijournal.ui.forms.kit import ScaleInput
from aijournal.ui.widgets.basics import find

INPUTS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)
SIZES = {"small": (800, 500), "laptop": (1280, 720)}


@pytest.fixture
def window(qtbot, sample_journal):
    from aijournal.ui.main_window import MainWindow

    shown = MainWindow(sample_journal, use_tray=False)
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def name_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def each_view(qtbot, window):
    for index, view in enumerate(window.views):
        window.show_view(index)
        qtbot.wait(20)
        yield view


def test_every_input_and_tab_stop_is_named_and_none_is_dead(qtbot, window):
    unnamed, dead = [], []
    for view in each_view(qtbot, window):
        for widget in view.findChildren(QWidget):
            if not widget.isVisibleTo(view) or not isinstance(widget, INPUTS):
                continue
            if isinstance(widget, QLineEdit) and widget.focusProxy() is not None:
                continue  # a combo box's own field: the combo box is named
            if isinstance(widget.parentWidget(), QLineEdit):
                continue  # a field's clear button, part of the named field
            if not name_of(widget):
                unnamed.append(f"{view.title}: {type(widget).__name__}")
        for stop in tab_stops(view):
            role = QAccessible.queryAccessibleInterface(stop).role()
            is_page = isinstance(stop, QAbstractScrollArea) and not isinstance(
                stop, (QAbstractItemView, QPlainTextEdit, QTextEdit)
            )
            if is_page or role in (QAccessible.Role.Client, QAccessible.Role.Pane):
                dead.append(f"{view.title}: {type(stop).__name__} {name_of(stop)!r}")
            elif not name_of(stop):
                unnamed.append(f"{view.title}: Tab stop {type(stop).__name__}")
    assert unnamed == [] and dead == []


def test_a_one_to_five_answer_tells_its_value_and_range(qtbot, window):
    from aijournal.ui.views.today import TodayView

    form = window.view(TodayView).checkin_form
    connection = find(form, ScaleInput, "Connection")
    face = QAccessible.queryAccessibleInterface(connection)
    assert face.role() == QAccessible.Role.SpinBox and face.text(QAccessible.Text.Name) == (
        "Connection"
    )
    value = face.valueInterface()
    assert (value.minimumValue(), value.maximumValue()) == (1, 5)
    form.connection.set_value(None)
    assert value.currentValue() == 0 and face.text(QAccessible.Text.Value) == "not answered"
    connection.setFocus()
    qtbot.keyClick(connection, Qt.Key.Key_4)
    assert value.currentValue() == 4 and face.text(QAccessible.Text.Value) == "4 — Agree"
    value.setCurrentValue(2)  # a screen reader's own control
    assert connection.value() == 2 and form.has_edits()
    burnout = QAccessible.queryAccessibleInterface(form.burnout_buttons[1])
    assert burnout.role() == QAccessible.Role.RadioButton and burnout.text(
        QAccessible.Text.Name
    ).startswith("Occasionally I am under stress")  # the published wording


def _rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def back_steps(stops: list[QWidget]) -> list[str]:
    """Steps of Tab that go against the reading order: back up the same column, or leftwards
    along the same line."""
    wrong = []
    for a, b in zip(stops, stops[1:]):
        ra, rb = _rect(a), _rect(b)
        up_same_column = rb.bottom() < ra.top() and rb.left() < ra.right()
        left_same_line = abs(rb.top() - ra.top()) < 4 and rb.right() <= ra.left()
        if up_same_column or left_same_line:
            wrong.append(f"{name_of(a) or type(a).__name__} → {name_of(b) or type(b).__name__}")
    return wrong


@pytest.mark.parametrize("size", SIZES)
def test_tab_follows_the_order_each_view_reads_in(qtbot, window, size):
    window.resize(*SIZES[size])
    wrong = {}
    for view in each_view(qtbot, window):
        view.refresh()
        qtbot.wait(20)
        if steps := back_steps(tab_stops(view)):
            wrong[view.title] = steps
    assert wrong == {}


def test_due_questionnaires_come_before_the_checkin(qtbot, journal, clock):
    from aijournal.ui.views.today import TodayView

    for days in range(1, 8):
        journal.add(r.Checkin(day=clock().date() - timedelta(days=days), burnout=2, connection=3))
    view = TodayView(journal)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    stops = tab_stops(view)
    due = [card.button for card in view._due_cards]
    assert len(due) == 3
    first_checkin = stops.index(view.checkin_form.first_input())
    assert all(stops.index(button) < first_checkin for button in due)
