"""The window-wide keys (aijournal/ui/shortcuts.py): a focused field never takes them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from aijournal.ui import shortcuts
from aijournal.ui.shortcuts import WindowKeys

CTRL = Qt.KeyboardModifier.ControlModifier
TEXT = "Refactor a query"
MODIFIER_KEYS = {Qt.Key.Key_Control, Qt.Key.Key_Shift}


class ClaimingField(QLineEdit):
    """A text field that claims every key for itself, as QLineEdit does with Ctrl+K on an X11
    desktop (offscreen Qt binds no such key); it notes the keys it was sent."""

    def __init__(self, parent: QWidget):
        super().__init__(TEXT, parent)
        self.pressed: list[str] = []

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() not in MODIFIER_KEYS:
            self.pressed.append(Qt.Key(event.key()).name)
        super().keyPressEvent(event)


class Window(QWidget):
    """A window with one text field and a shortcut (Ctrl+K) that counts its firings."""

    def __init__(self, key: QKeySequence = shortcuts.CHECK_IN):
        super().__init__()
        self.field = ClaimingField(self)
        QVBoxLayout(self).addWidget(self.field)
        self.fired = 0
        QShortcut(key, self).activated.connect(self._fire)

    def _fire(self) -> None:
        self.fired += 1


def shown(qtbot, window: Window) -> Window:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.field.setFocus()
    window.field.setCursorPosition(0)
    qtbot.waitUntil(window.field.hasFocus)
    return window


@pytest.fixture
def window(qtbot):
    return shown(qtbot, Window())


@pytest.fixture
def keys(window):
    filter_ = WindowKeys(window)
    yield filter_
    filter_.detach()


def test_without_the_filter_the_field_takes_ctrl_k(qtbot, window):
    qtbot.keyClick(window.field, Qt.Key.Key_K, CTRL)
    assert window.field.pressed == ["Key_K"] and window.fired == 0


@pytest.mark.parametrize("key", shortcuts.WINDOW_KEYS, ids=lambda key: key.toString())
def test_each_window_key_in_a_field_reaches_the_window(qtbot, key):
    window = shown(qtbot, Window(key))
    keys = WindowKeys(window)
    combination = key[0]
    qtbot.keyClick(window.field, combination.key(), combination.keyboardModifiers())
    keys.detach()
    assert window.fired == 1
    assert window.field.pressed == [] and window.field.text() == TEXT


def test_keys_that_are_not_the_windows_stay_with_the_field(qtbot, window, keys):
    qtbot.keyClick(window.field, Qt.Key.Key_A, CTRL)  # select all
    qtbot.keyClicks(window.field, "x")
    assert window.field.pressed == ["Key_A", "Key_X"]
    assert window.field.text() == "x"


def test_another_window_keeps_its_fields_keys(qtbot, window, keys):
    other = shown(qtbot, Window())
    qtbot.keyClick(other.field, Qt.Key.Key_K, CTRL)
    assert other.field.pressed == ["Key_K"] and other.fired == 0
    assert window.fired == 0


def test_after_detach_the_field_takes_the_key_again(qtbot, window):
    filter_ = WindowKeys(window)
    filter_.detach()
    qtbot.keyClick(window.field, Qt.Key.Key_K, CTRL)
    assert window.field.pressed == ["Key_K"] and window.fired == 0


def test_the_window_keys_are_the_keyboard_contract():
    texts = [key.toString() for key in shortcuts.WINDOW_KEYS]
    assert texts[:4] == ["Ctrl+K", "Ctrl+N", "Ctrl+Shift+N", "F6"]
    assert texts[4:] == [f"Ctrl+{n}" for n in range(1, 10)]
    assert len(set(texts)) == len(texts)
