"""A real freedesktop notification server for the tests, on a private session bus.

Run it as `dbus-run-session -- python notification_server.py [--no-actions] [--nameless]`
(`start()` does, and returns a `Control`): it owns
org.freedesktop.Notifications on that bus (Notify, CloseNotification, GetCapabilities,
GetServerInformation; the signals ActionInvoked and NotificationClosed), checks each call's
signature as GDBus servers do, and prints the bus address once it is ready. The test drives it
over the same bus through a small control interface (CONTROL): what was sent, invoke an action,
dismiss, quit. `--nameless` owns no name: a desktop without a notification server. Nothing
here imports the app or Qt.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from itertools import count
from pathlib import Path

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_call,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CONTROL = "org.aijournal.TestNotifications"  # the test's own interface, on PATH too
NOTIFY_SIGNATURE = "susssasa{sv}i"
SERVER = ("Test Notifications", "aijournal tests", "1.0", "1.2")
DISMISSED, CLOSED_BY_CALL = 2, 3  # NotificationClosed reasons of the specification


class Server:
    def __init__(self, connection, capabilities: list[str]):
        self.connection = connection
        self.capabilities = capabilities
        self.sent: list[dict] = []
        self.ids = count(1)
        self.running = True

    def signal(self, name: str, signature: str, body: tuple) -> None:
        self.connection.send(new_signal(DBusAddress(PATH, interface=NAME), name, signature, body))

    def closed(self, notification_id: int, reason: int) -> None:
        for sent in self.sent:
            if sent["id"] == notification_id and sent["closed"] is None:
                sent["closed"] = reason
                self.signal("NotificationClosed", "uu", (notification_id, reason))

    def handle(self, message) -> None:
        fields = message.header.fields
        interface, member = fields.get(HeaderFields.interface), fields.get(HeaderFields.member)
        signature = fields.get(HeaderFields.signature, "")
        try:
            reply = self.answer(interface, member, signature, message.body)
        except LookupError as error:
            reply = None
            self.connection.send(
                new_error(message, "org.freedesktop.DBus.Error.InvalidArgs", "s", (str(error),))
            )
        if reply is not None:
            self.connection.send(new_method_return(message, *reply))

    def answer(self, interface: str, member: str, signature: str, body: tuple):
        if interface == NAME and member == "Notify":
            if signature != NOTIFY_SIGNATURE:
                raise LookupError(f"Notify takes ({NOTIFY_SIGNATURE}), not ({signature})")
            return "u", (self.notify(*body),)
        if interface == NAME and member == "CloseNotification":
            if signature != "u":
                raise LookupError(f"CloseNotification takes (u), not ({signature})")
            self.closed(body[0], CLOSED_BY_CALL)
            return "", ()
        if interface == NAME and member == "GetCapabilities":
            return "as", (self.capabilities,)
        if interface == NAME and member == "GetServerInformation":
            return "ssss", SERVER
        if interface == CONTROL:
            return self.control(member, body)
        raise LookupError(f"no method {interface}.{member}")

    def notify(self, app, replaces, icon, summary, body, actions, hints, timeout) -> int:
        notification_id = replaces or next(self.ids)
        self.sent.append(
            {
                "id": notification_id,
                "app_name": app,
                "replaces_id": replaces,
                "app_icon": icon,
                "summary": summary,
                "body": body,
                "actions": [list(pair) for pair in zip(actions[::2], actions[1::2])],
                "hints": {key: value for key, (_signature, value) in hints.items()},
                "timeout": timeout,
                "closed": None,
            }
        )
        return notification_id

    def control(self, member: str, body: tuple):
        if member == "Sent":
            return "s", (json.dumps(self.sent),)
        if member == "Invoke":  # a click on the action button (or the body: "default")
            notification_id, key = body
            self.signal("ActionInvoked", "us", (notification_id, key))
            self.closed(notification_id, DISMISSED)
            return "", ()
        if member == "Dismiss":
            self.closed(body[0], DISMISSED)
            return "", ()
        if member == "Quit":
            self.running = False
            return "", ()
        raise LookupError(f"no control {member}")


def main(argv: list[str]) -> int:
    capabilities = ["body", "icon-static", "persistence"]
    if "--no-actions" not in argv:
        capabilities.insert(0, "actions")
    with open_dbus_connection(bus="SESSION") as connection:
        name = CONTROL if "--nameless" in argv else NAME
        reply = connection.send_and_get_reply(message_bus.RequestName(name, 0x4))
        if reply.body[0] != 1:  # 1: the primary owner
            print(f"could not own {name}: {reply.body}", file=sys.stderr)
            return 1
        server = Server(connection, capabilities)
        print(os.environ["DBUS_SESSION_BUS_ADDRESS"], flush=True)
        while server.running:
            message = connection.receive()
            if message.header.message_type == MessageType.method_call:
                server.handle(message)
    return 0


# ---- the test's side -----------------------------------------------------------------------


class Control:
    """The server, seen from the test: its bus address, what it was sent, clicks."""

    def __init__(self, process: subprocess.Popen, address: str, nameless: bool):
        self.process, self.address = process, address
        self.connection = open_dbus_connection(bus=address)
        self.target = DBusAddress(PATH, bus_name=CONTROL if nameless else NAME, interface=CONTROL)

    def _call(self, member: str, signature: str | None = None, body: tuple = ()) -> tuple:
        message = new_method_call(self.target, member, signature, body)
        return self.connection.send_and_get_reply(message, timeout=5).body

    def sent(self) -> list[dict]:
        """Every notification received, oldest first (with `closed`: why, or None)."""
        return json.loads(self._call("Sent")[0])

    def invoke(self, notification_id: int, key: str = "default") -> None:
        """The user clicks the action `key` ("default": the notification itself)."""
        self._call("Invoke", "us", (notification_id, key))

    def dismiss(self, notification_id: int) -> None:
        self._call("Dismiss", "u", (notification_id,))

    def stop(self) -> None:
        try:
            self._call("Quit")
        finally:
            self.connection.close()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)  # the session we started, and its bus
                self.process.wait()


def start(*flags: str) -> Control:
    """This server on a private bus of its own; raises LookupError without dbus-run-session."""
    runner = shutil.which("dbus-run-session")
    if runner is None:
        raise LookupError("dbus-run-session is missing (Debian: apt-get install dbus)")
    process = subprocess.Popen(
        [runner, "--", sys.executable, str(Path(__file__).resolve()), *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # dbus-daemon's own chatter (fd limits and the like)
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    address = process.stdout.readline().strip()
    if not address:
        process.wait(timeout=5)
        raise RuntimeError(f"the notification server did not start (exit {process.returncode})")
    return Control(process, address, "--nameless" in flags)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
