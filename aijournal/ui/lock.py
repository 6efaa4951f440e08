"""The idle lock: the lock screen, the timer that shows it, and the one gate every action asks.

While the window is locked no view, dialog, menu action, shortcut, tray action or notification
shows or exports journal data. `Lock.locked` is the only place that decides; the window makes
every action through `Lock.guard`, so an action added later asks it too.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from aijournal.model.errors import WrongPassphrase
from aijournal.storage import Journal
from aijournal.ui import theme
from aijournal.ui.dialogs.welcome import UnlockForm
from aijournal.ui.widgets.basics import muted, with_role

LOCKED_NOTICE = "AI Journal has something for you; unlock it to see."
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}
_INPUT = (QKeyEvent, QMouseEvent, QWheelEvent)


class IdleLock(QObject):
    """Calls `lock` after `minutes` without a key press or mouse movement in the app.

    Not a child of the window: an application event filter must not be half destroyed while
    the window's teardown still sends events, so the window detaches it explicitly instead.
    """

    def __init__(self, lock: Callable[[], None]):
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lock)
        QApplication.instance().installEventFilter(self)

    def detach(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # The filter sees every event of the app: the cheap isinstance comes before type().
        if isinstance(event, _INPUT) and self.timer.isActive() and event.type() in _ACTIVITY:
            self.timer.start()
        return False


class LockScreen(QWidget):
    """Covers the journal; a passphrase journal asks for the passphrase again."""

    unlocked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        icon = QLabel()
        icon.setPixmap(theme.app_icon().pixmap(QSize(96, 96)))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(icon)
        title = with_role(QLabel("AI Journal is locked"), "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        layout.addWidget(title)
        self.hint = muted("")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.hint)
        self.holder = QHBoxLayout()
        layout.addLayout(self.holder)
        layout.addStretch(2)
        self.form: UnlockForm | None = None

    def prepare(self, journal: Journal) -> None:
        asks = journal.config.protection == "passphrase"
        self.hint.setText(
            "Type your passphrase to go on."
            if asks
            else "It locked itself after a while without use."
        )
        while self.holder.count():
            if old := self.holder.takeAt(0).widget():
                old.deleteLater()

        def check(text: str) -> None:
            if asks and not journal.check_passphrase(text):
                raise WrongPassphrase()

        self.form = UnlockForm(check, ask_passphrase=asks)
        self.form.setMaximumWidth(420)
        self.form.unlocked.connect(lambda _: self.unlocked.emit())
        self.holder.addStretch(1)
        self.holder.addWidget(self.form, 2)
        self.holder.addStretch(1)

    def focus(self) -> None:
        if self.form is not None:
            (self.form.field or self.form.button).setFocus()


class Lock(QObject):
    """Locks and unlocks a main window whose central widget is `screens` (page 0: the
    journal), and gates every action of that window."""

    changed = Signal(bool)  # locked now

    def __init__(self, window: QMainWindow, screens: QStackedWidget, journal: Journal):
        super().__init__(window)
        self.window, self.screens, self.journal = window, screens, journal
        self.screen = LockScreen(window)
        self.screen.unlocked.connect(self.unlock)
        screens.addWidget(self.screen)
        self.idle = IdleLock(self.lock)
        self._actions: list[QAction] = []
        self._away: list[QWidget] = []  # windows hidden while locked, shown again after

    @property
    def locked(self) -> bool:
        """Whether journal data may not show now: the one question every action asks."""
        return self.screens.currentWidget() is self.screen

    def guard(self, slot: Callable[[], object], *, quiet: bool = False) -> Callable[..., None]:
        """`slot`, run only while unlocked; while locked it shows the lock screen instead
        (`quiet`: does nothing, for timers)."""

        def guarded(*_: object) -> None:
            if not self.locked:
                slot()
            elif not quiet:
                self.window.showNormal()
                self.window.raise_()
                self.window.activateWindow()
                self.screen.focus()

        return guarded

    def guard_action(self, action: QAction, slot: Callable[[], object]) -> QAction:
        """Connect a menu action; it is also greyed out while locked."""
        action.triggered.connect(self.guard(slot))
        self._actions.append(action)
        action.setEnabled(not self.locked)
        return action

    def notice(self, text: str) -> str:
        """What a notification may say now: `text`, or while locked a line without data."""
        return LOCKED_NOTICE if self.locked else text

    def notification(self, title: str, body: str, action: str = "") -> tuple[str, str, str]:
        """What a desktop notification may show now: its title, text and action's label, or
        while locked the app's name, a line without data and an action that only unlocks."""
        if self.locked:
            return "AI Journal", LOCKED_NOTICE, "Unlock" if action else ""
        return title, body, action

    def lock(self) -> None:
        if self.locked:
            return
        self.screen.prepare(self.journal)
        self.screens.setCurrentWidget(self.screen)
        self._hide_windows()
        self.window.statusBar().clearMessage()
        for action in self._actions:
            action.setEnabled(False)
        self.idle.timer.stop()
        self.window.activateWindow()
        self.screen.focus()
        self.changed.emit(True)

    def unlock(self) -> None:
        self.screens.setCurrentIndex(0)
        for action in self._actions:
            action.setEnabled(True)
        for window in self._away:
            if shiboken6.isValid(window):
                window.show()
        self._away.clear()
        self.changed.emit(False)

    def _hide_windows(self) -> None:
        """Close every dialog (a cancel: nothing half-done is saved) and hide other windows
        (the coach view) until unlock."""
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible():
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.hide()
                if widget.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                    self._away.append(widget)
