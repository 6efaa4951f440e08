"""Delivering what aijournal/connection/notices.py says is due: as a desktop notification when
the desktop has a notification server (aijournal/ui/freedesktop.py), else inside the app (a
tray message, or the status bar when there is no tray). `Delivery` is the one small interface
both ways share; `Notifier` runs the minute check, says everything through the lock
(aijournal/ui/lock.py) and hands the user's click on an action back to the window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from aijournal.connection import notices, nudges
from aijournal.model.presentation import escape
from aijournal.model.resources import resource
from aijournal.ui import theme
from aijournal.ui.freedesktop import FreedesktopNotifications, NoServer, ServerInfo

TEST_KEY = "test"
BACKGROUND_KEY = "background"  # "AI Journal is still running"
CHECK_EVERY_MS = 60_000
SHOWN_MS = 60 * 60_000  # a notice stays this long in the status bar
RETRY_AFTER_S = 300  # no server yet (say, started at login before the desktop's): ask again


@dataclass(frozen=True)
class Message:
    """What one notification shows, as the lock allows it: `key` names it among those shown;
    the action's label, if any."""

    key: str
    title: str
    body: str
    action: str = ""


class Delivery(QObject):
    """How messages reach the user. `chosen` carries the key of a message whose action (or
    body) the user clicked."""

    chosen = Signal(str)

    def status(self) -> list[str]:
        """How notifications reach the user here, in a line or two for Settings."""
        raise NotImplementedError

    def send(self, message: Message) -> None:
        raise NotImplementedError

    def withdraw(self, key: str) -> None:
        """Take this message off the screen if it still shows."""

    def withdraw_all(self) -> None:
        """Take every message of ours off the screen."""


class InAppDelivery(Delivery):
    """The tray's own message bubble (a click on it is the action), or nothing beyond the
    status bar when there is no tray."""

    def __init__(self, tray: QSystemTrayIcon | None, parent: QObject | None = None):
        super().__init__(parent)
        self.tray = tray
        self._last = ""
        if tray is not None:
            tray.messageClicked.connect(self._clicked)

    def _clicked(self) -> None:
        if self._last:
            self.chosen.emit(self._last)

    def status(self) -> list[str]:
        if self.tray is not None:
            return ["Reminders show as messages from the AI Journal icon in the tray."]
        return ["Reminders show in the window's status bar, while the window is open."]

    def send(self, message: Message) -> None:
        if self.tray is not None:
            self._last = message.key
            self.tray.showMessage(message.title, message.body, theme.app_icon(), 15_000)


class DesktopDelivery(Delivery):
    """Desktop notifications, each replacing the one of the same key still showing; when the
    server cannot be reached, the in-app way instead (and Settings says why)."""

    def __init__(self, address: str, fallback: Delivery, parent: QObject | None = None):
        super().__init__(parent)
        self.bus = FreedesktopNotifications(address, self)
        self.fallback = fallback
        fallback.chosen.connect(self.chosen)
        self.problem = ""
        self._tried = 0.0
        self._ids: dict[str, int] = {}  # key -> id of the notification showing
        self._asked: set[str] = set()  # keys sent, the server's id not yet back
        self._unwanted: set[str] = set()  # of those, the ones withdrawn meanwhile
        self.bus.invoked.connect(self._invoked)
        self.bus.closed.connect(self._closed)
        self.bus.lost.connect(self._lost)

    @property
    def server(self) -> ServerInfo | None:
        """The notification server, connected to at first need (and asked again a while
        after none answered)."""
        if self.bus.server is None and (
            not self.problem or time.monotonic() - self._tried > RETRY_AFTER_S
        ):
            self._tried = time.monotonic()
            try:
                self.bus.open()
                self.problem = ""
            except NoServer as why:
                self.problem = str(why)
        return self.bus.server

    def status(self) -> list[str]:
        server = self.server
        if server is None:
            return [f"No desktop notifications: {self.problem}.", *self.fallback.status()]
        by = f" by {server.vendor}" if server.vendor else ""
        lines = [
            f"Desktop notifications work here: {server.name} {server.version}{by} "
            f"(specification {server.spec_version}).",
            "It can do: " + (", ".join(server.capabilities) or "nothing beyond the basics") + ".",
        ]
        if server.actions:
            lines.append("A notification's button opens the form it is about.")
        else:
            lines.append("It shows no buttons: open AI Journal yourself to act on a reminder.")
        return lines

    def send(self, message: Message) -> None:
        server = self.server
        if server is None:
            self.fallback.send(message)
            return
        actions = [("default", message.action), ("open", message.action)]
        body = escape(message.body) if server.markup else message.body

        def done(notification_id: int | None) -> None:
            self._asked.discard(message.key)
            if notification_id is None:
                self.fallback.send(message)  # refused: say it in the app instead
                return
            self._ids[message.key] = notification_id
            if message.key in self._unwanted:  # withdrawn before its id came back
                self._unwanted.discard(message.key)
                self.withdraw(message.key)

        self._asked.add(message.key)
        self._unwanted.discard(message.key)
        try:
            self.bus.notify(
                message.title,
                body,
                actions if server.actions and message.action else [],
                replaces=self._ids.get(message.key, 0),
                icon=_icon(),
                done=done,
            )
        except NoServer:
            self._asked.discard(message.key)
            self.fallback.send(message)

    def withdraw(self, key: str) -> None:
        if key in self._asked:
            self._unwanted.add(key)
        if (notification_id := self._ids.pop(key, None)) is not None and self.bus.server:
            try:
                self.bus.close_notification(notification_id)
            except NoServer:
                pass  # gone with the bus

    def withdraw_all(self) -> None:
        for key in {*self._ids, *self._asked}:
            self.withdraw(key)

    def _invoked(self, notification_id: int, _action: str) -> None:
        key = next((k for k, shown in self._ids.items() if shown == notification_id), None)
        if key is not None:
            self.chosen.emit(key)

    def _closed(self, notification_id: int, _reason: int) -> None:
        self._ids = {k: shown for k, shown in self._ids.items() if shown != notification_id}

    def _lost(self, why: str) -> None:
        self._ids.clear()
        self._asked.clear()
        self._unwanted.clear()
        self.problem = ""  # the next message tries again (the desktop may have restarted)


def _icon() -> str:
    """The app's icon as a file the server can read, when there is one."""
    icon = resource("icons", "aijournal.svg")
    return str(icon) if icon.is_file() else "aijournal"


class Notifier(QObject):
    """Each minute: what is due (connection.notices) goes out through the lock; notices no
    longer true are withdrawn; locking withdraws everything shown. The user's click on an
    action calls `open_notice` with the notice, through the lock's gate."""

    delivered = Signal(object)  # the Notice

    def __init__(
        self,
        window: QMainWindow,
        delivery: Delivery,
        open_notice: Callable[[notices.Notice], None],
    ):
        super().__init__(window)
        self.window, self.delivery, self.open_notice = window, delivery, open_notice
        self.journal = window.journal
        self.gate = window.gate
        self.showing: dict[str, notices.Notice] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        delivery.chosen.connect(self._chosen)
        self.gate.changed.connect(self._lock_changed)

    def check(self) -> list[notices.Notice]:
        """Deliver what is due now and withdraw what no longer holds; the notices delivered."""
        locked = self.gate.locked
        if not locked and nudges.refresh(self.journal):
            self.window.notices.announce()  # new nudges: the views showing nudges redraw
        due = notices.take_due(self.journal, locked=locked)
        for notice in due:
            self.showing[notice.key] = notice
            self.say(notice.key, notice.title, notice.body, notice.action)
            self.delivered.emit(notice)
        self.withdraw_stale()
        return due

    def say(self, key: str, title: str, body: str, action: str = "") -> Message:
        """Show one message, as the lock allows it now; also in the status bar."""
        message = Message(key, *self.gate.notification(title, body, action))
        self.window.statusBar().showMessage(message.body, SHOWN_MS)
        self.delivery.send(message)
        return message

    def send_test(self) -> Message:
        """Settings → Send a test notification: one that looks like a reminder."""
        return self.say(
            TEST_KEY,
            "AI Journal",
            "Notifications work: this is how reminders will reach you.",
            "Open AI Journal",
        )

    def withdraw_stale(self) -> None:
        """Withdraw the notices no longer true (today logged, plan done, nudge answered)."""
        for key, notice in list(self.showing.items()):
            if not notices.still_wanted(self.journal, notice):
                del self.showing[key]
                self.delivery.withdraw(key)

    def _chosen(self, key: str) -> None:
        notice = self.showing.get(key)
        if notice is None:
            self.gate.guard(self.window.bring_to_front)()
        else:
            self.gate.guard(lambda: self.open_notice(notice))()

    def _lock_changed(self, locked: bool) -> None:
        if locked:  # what shows may hold journal data
            self.delivery.withdraw_all()
            self.showing.clear()
