"""Desktop notifications over D-Bus, as the freedesktop Notifications specification says
(org.freedesktop.Notifications: Notify, CloseNotification, GetCapabilities,
GetServerInformation; the signals ActionInvoked and NotificationClosed).

jeepney speaks the protocol (PySide6's QtDBus cannot send the unsigned ids Notify takes, and
servers built on GDBus refuse a call whose signature is off); the connection's socket is read
on Qt's event loop, so replies and clicks arrive like any other Qt event. Nothing blocks for
long: connecting and asking the server what it is take a local round trip, bounded by a timeout.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
NOTIFY_SIGNATURE = "susssasa{sv}i"
ASK_TIMEOUT = 2.0  # seconds for the server to say what it is
NORMAL_URGENCY = 1


@dataclass(frozen=True)
class ServerInfo:
    """What the notification server said about itself."""

    name: str
    vendor: str
    version: str
    spec_version: str
    capabilities: tuple[str, ...]

    @property
    def actions(self) -> bool:
        """Whether the server shows action buttons (and reports clicks on them)."""
        return "actions" in self.capabilities

    @property
    def markup(self) -> bool:
        return "body-markup" in self.capabilities


class NoServer(Exception):
    """No notification server answers on this bus; `str()` says why, for Settings."""


def session_address() -> str:
    """The session bus: $DBUS_SESSION_BUS_ADDRESS, else the systemd user bus in
    $XDG_RUNTIME_DIR (desktops that start the bus that way do not always set the former)."""
    if address := os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and (Path(runtime) / "bus").exists():
        return f"unix:path={Path(runtime) / 'bus'}"
    raise NoServer("there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")


class FreedesktopNotifications(QObject):
    """One connection to the bus, to the notification server on it."""

    invoked = Signal(int, str)  # the notification's id, the action's key ("default": the body)
    closed = Signal(int, int)  # the notification's id, why (1 expired, 2 dismissed, 3 closed)
    lost = Signal(str)  # the bus went away: why

    def __init__(self, address: str, parent: QObject | None = None):
        super().__init__(parent)
        self.address = address
        self.connection: Any = None
        self.server: ServerInfo | None = None
        self._reader: QSocketNotifier | None = None
        self._waiting: dict[int, Callable[[Any], None]] = {}

    # ---- connecting ----------------------------------------------------------------------

    def open(self) -> ServerInfo:
        """Connect and ask the server what it is; NoServer says why when none answers."""
        try:
            from jeepney import MatchRule
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection
        except ImportError:
            raise NoServer("D-Bus support (jeepney) is not installed") from None
        address = session_address() if self.address == "SESSION" else self.address
        self.shut()  # opened again: one connection, never two
        try:
            self.connection = open_dbus_connection(bus=address, auth_timeout=ASK_TIMEOUT)
        except (OSError, RuntimeError, ValueError, TimeoutError) as error:
            raise NoServer(f"the session bus does not answer ({error})") from None
        rule = MatchRule(type="signal", interface=NAME, path=PATH)
        self.connection.send(message_bus.AddMatch(rule))
        self._reader = QSocketNotifier(
            self.connection.sock.fileno(), QSocketNotifier.Type.Read, self
        )
        self._reader.activated.connect(self._read)
        try:
            [name, vendor, version, spec] = self._ask("GetServerInformation")
            [capabilities] = self._ask("GetCapabilities")
        except NoServer:
            self.shut()
            raise
        self.server = ServerInfo(name, vendor, version, spec, tuple(capabilities))
        return self.server

    def shut(self) -> None:
        if self._reader is not None:
            self._reader.setEnabled(False)
            self._reader.deleteLater()
            self._reader = None
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        self.server = None
        self._waiting.clear()

    # ---- calls -------------------------------------------------------------------------------

    def notify(
        self,
        summary: str,
        body: str,
        actions: list[tuple[str, str]],
        *,
        replaces: int = 0,
        icon: str = "",
        done: Callable[[int | None], None] = lambda _: None,
    ) -> None:
        """Show a notification (replacing notification `replaces`, if still shown); `done`
        gets its id, or None when the server refused it."""
        from jeepney import MessageType

        flat = [part for pair in actions for part in pair]
        hints = {"desktop-entry": ("s", "aijournal"), "urgency": ("y", NORMAL_URGENCY)}
        body_args = ("AI Journal", replaces, icon, summary, body, flat, hints, -1)

        def answered(reply) -> None:
            ok = reply.header.message_type == MessageType.method_return
            done(int(reply.body[0]) if ok else None)

        self._call("Notify", NOTIFY_SIGNATURE, body_args, answered)

    def close_notification(self, notification_id: int) -> None:
        """Take a notification off the screen (the server answers with NotificationClosed)."""
        self._call("CloseNotification", "u", (notification_id,), lambda _: None)

    def _message(self, method: str, signature: str | None = None, body: tuple = ()):
        from jeepney import DBusAddress, new_method_call

        target = DBusAddress(PATH, bus_name=NAME, interface=NAME)
        return new_method_call(target, method, signature, body)

    def _call(self, method: str, signature: str, body: tuple, answered) -> None:
        if self.connection is None:
            raise NoServer("not connected")
        serial = next(self.connection.outgoing_serial)
        self._waiting[serial] = answered
        try:
            self.connection.send(self._message(method, signature, body), serial=serial)
        except OSError as error:
            self._lose(error)
            raise NoServer(f"the session bus went away ({error})") from None

    def _ask(self, method: str) -> tuple:
        """A call whose answer is needed now (a local round trip, at most ASK_TIMEOUT);
        whatever else arrives meanwhile is handled as usual."""
        from jeepney import HeaderFields, MessageType

        serial = next(self.connection.outgoing_serial)
        self.connection.send(self._message(method), serial=serial)
        deadline = time.monotonic() + ASK_TIMEOUT
        while True:
            try:
                reply = self.connection.receive(timeout=max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                raise NoServer("no notification server answers on this desktop") from None
            except OSError as error:
                raise NoServer(f"the session bus went away ({error})") from None
            if reply.header.fields.get(HeaderFields.reply_serial) != serial:
                self._dispatch(reply)
            elif reply.header.message_type == MessageType.error:
                error = reply.header.fields.get(HeaderFields.error_name, "")
                raise NoServer(f"no notification server answers on this desktop ({error})")
            else:
                return reply.body

    # ---- what arrives ----------------------------------------------------------------------

    def _read(self, *_: object) -> None:
        while self.connection is not None:
            try:
                message = self.connection.receive(timeout=0)
            except TimeoutError:
                return  # everything that arrived is handled
            except (OSError, ValueError) as error:
                self._lose(error)
                return
            self._dispatch(message)

    def _dispatch(self, message) -> None:
        from jeepney import HeaderFields, MessageType

        fields = message.header.fields
        kind = message.header.message_type
        if kind in (MessageType.method_return, MessageType.error):
            if answered := self._waiting.pop(fields.get(HeaderFields.reply_serial), None):
                answered(message)
        elif kind == MessageType.signal and fields.get(HeaderFields.interface) == NAME:
            member = fields.get(HeaderFields.member)
            if member == "ActionInvoked":
                self.invoked.emit(int(message.body[0]), str(message.body[1]))
            elif member == "NotificationClosed":
                self.closed.emit(int(message.body[0]), int(message.body[1]))

    def _lose(self, error: BaseException) -> None:
        self.shut()
        self.lost.emit(f"the session bus went away ({error})")
