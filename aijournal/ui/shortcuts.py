"""The window-wide keys of the keyboard contract (README.md, "Keyboard").

From anywhere in the main window: Ctrl+K the check-in, Ctrl+N an AI use, Ctrl+Shift+N a
touchpoint, Ctrl+1…9 the views, F6 between the Sections list and the view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

CHECK_IN = QKeySequence("Ctrl+K")
AI_USE = QKeySequence("Ctrl+N")
TOUCHPOINT = QKeySequence("Ctrl+Shift+N")
SECTIONS = QKeySequence("F6")
VIEWS = tuple(QKeySequence(f"Ctrl+{number}") for number in range(1, 10))
WINDOW_KEYS = (CHECK_IN, AI_USE, TOUCHPOINT, SECTIONS, *VIEWS)
_OVERRIDE = QEvent.Type.ShortcutOverride  # looked up once: the filter sees every event


class WindowKeys(QObject):
    """Keeps the window's own keys from being taken by the focused field: a text field would
    read Ctrl+K as "delete to the end of the line" and the shortcut would never fire.

    Not a child of the window, for the same reason as the idle lock: the window detaches it.
    """

    def __init__(self, window: QWidget, keys: tuple[QKeySequence, ...] = WINDOW_KEYS):
        super().__init__()
        self.window = window
        self.combined = {key[0].toCombined() for key in keys}
        QApplication.instance().installEventFilter(self)

    def detach(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # isinstance first: it is cheap, and asking every event its type() is not.
        if not isinstance(event, QKeyEvent) or event.type() != _OVERRIDE:
            return False
        if event.keyCombination().toCombined() not in self.combined:
            return False
        # Swallowed unaccepted: the field never claims the keys, so the shortcut fires.
        return isinstance(watched, QWidget) and watched.window() is self.window
