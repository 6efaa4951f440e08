"""`UndoBar`: hidden until an action happened; says what it did, under a name assistive
technology reads; Undo is the caller's, Dismiss hides it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from aijournal.ui.widgets.basics import find
from aijournal.ui.widgets.undo_bar import UndoBar


@pytest.fixture
def bar(show):
    page = show(QWidget(), 600, 200)
    yield UndoBar("Deleted", "Undo (Ctrl+Z)", page)  # the page lives as long as the test


def test_it_stays_hidden_until_shown_and_names_its_parts(bar):
    assert bar.isHidden() and bar.parent() is not None
    assert find(bar, QLabel, "Deleted") is bar.text and bar.text.wordWrap()
    assert bar.undo.toolTip() == "Undo (Ctrl+Z)"
    assert find(bar, QPushButton, "Undo") is bar.undo
    assert find(bar, QPushButton, "Dismiss") is bar.dismiss


def test_dismiss_hides_it_and_undo_is_left_to_the_caller(qtbot, bar):
    undone = []
    bar.undo.clicked.connect(lambda: undone.append(bar.text.text()))
    bar.text.setText("Deleted 3 entries.")
    bar.show()
    qtbot.mouseClick(bar.undo, Qt.MouseButton.LeftButton)
    assert undone == ["Deleted 3 entries."] and bar.isVisible()
    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and undone == ["Deleted 3 entries."]


def test_its_buttons_work_from_the_keyboard(qtbot, bar):
    undone = []
    bar.undo.clicked.connect(lambda: undone.append(True))
    bar.show()
    assert bar.undo.autoDefault() and bar.dismiss.autoDefault()
    bar.undo.setFocus()
    qtbot.keyClick(bar.undo, Qt.Key.Key_Space)
    assert undone == [True]
    bar.dismiss.setFocus()
    qtbot.keyClick(bar.dismiss, Qt.Key.Key_Space)
    assert bar.isHidden()
