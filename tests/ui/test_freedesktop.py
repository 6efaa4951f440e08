"""Desktop notifications over D-Bus, against the real test server on a private bus
(tests/notification_server.py): what the server says it is, Notify with its hints, closing,
clicks, a bus without a server or that goes away, and where the session bus is found."""

from __future__ import annotations

import pytest

from aijournal.ui.freedesktop import (
    NORMAL_URGENCY,
    FreedesktopNotifications,
    NoServer,
    ServerInfo,
    session_address,
)


@pytest.fixture
def connect(qtbot):
    """Open a FreedesktopNotifications on an address; shut when the test ends."""
    made = []

    def opened(address: str) -> FreedesktopNotifications:
        notifications = FreedesktopNotifications(address)
        made.append(notifications)
        return notifications

    yield opened
    for notifications in made:
        notifications.shut()


def test_the_server_says_what_it_is_and_can_do(connect, notification_server):
    notifications = connect(notification_server.address)
    info = notifications.open()
    assert info == ServerInfo(
        "Test Notifications",
        "aijournal tests",
        "1.0",
        "1.2",
        ("actions", "body", "icon-static", "persistence"),
    )
    assert info.actions and not info.markup and notifications.server is info


@pytest.mark.parametrize("notification_server", [["--no-actions"]], indirect=True)
def test_a_server_without_buttons_says_so(connect, notification_server):
    assert not connect(notification_server.address).open().actions


def test_notify_gets_an_id_and_a_replacement_keeps_it(qtbot, connect, notification_server):
    notifications = connect(notification_server.address)
    notifications.open()
    ids = []
    notifications.notify(
        "Daily check-in", "How was today?", [("open", "Check in")], done=ids.append
    )
    qtbot.waitUntil(lambda: len(ids) == 1)
    notifications.notify("Daily check-in", "Still time", [], replaces=ids[0], done=ids.append)
    qtbot.waitUntil(lambda: len(ids) == 2)
    assert ids[0] == ids[1] == 1
    first, second = notification_server.sent()
    assert (first["app_name"], first["summary"], first["body"]) == (
        "AI Journal",
        "Daily check-in",
        "How was today?",
    )
    assert first["actions"] == [["open", "Check in"]] and first["timeout"] == -1
    assert first["hints"] == {"desktop-entry": "aijournal", "urgency": NORMAL_URGENCY}
    assert second["replaces_id"] == 1 and second["actions"] == []


def test_clicks_and_closing_arrive_as_signals(qtbot, connect, notification_server):
    notifications = connect(notification_server.address)
    notifications.open()
    ids = []
    notifications.notify("One", "", [("open", "Open")], done=ids.append)
    notifications.notify("Two", "", [], done=ids.append)
    qtbot.waitUntil(lambda: len(ids) == 2)
    heard = []
    notifications.invoked.connect(lambda *args: heard.append(("invoked", *args)))
    notifications.closed.connect(lambda *args: heard.append(("closed", *args)))
    notification_server.invoke(ids[0], "open")
    qtbot.waitUntil(lambda: len(heard) == 2)
    assert heard == [("invoked", ids[0], "open"), ("closed", ids[0], 2)]  # 2: dismissed
    with qtbot.waitSignal(notifications.closed) as closed:
        notifications.close_notification(ids[1])
    assert closed.args == [ids[1], 3]  # closed by the call


@pytest.mark.parametrize("notification_server", [["--nameless"]], indirect=True)
def test_a_bus_without_a_notification_server(connect, notification_server):
    notifications = connect(notification_server.address)
    with pytest.raises(NoServer, match="no notification server answers on this desktop"):
        notifications.open()
    assert notifications.connection is None and notifications.server is None
    with pytest.raises(NoServer, match="not connected"):
        notifications.notify("Nobody", "hears this", [])


def test_a_bus_that_is_not_there(connect, tmp_path):
    with pytest.raises(NoServer, match="the session bus does not answer"):
        connect(f"unix:path={tmp_path / 'no-bus'}").open()


def test_a_bus_that_goes_away_is_reported(qtbot, connect):
    import notification_server as server

    try:
        control = server.start()
    except LookupError as missing:
        pytest.skip(f"needs a private D-Bus: {missing}")
    notifications = connect(control.address)
    notifications.open()
    with qtbot.waitSignal(notifications.lost, timeout=10_000) as lost:
        control.stop()  # the server, and with it the private bus, ends
    assert lost.args[0].startswith("the session bus went away")
    assert notifications.connection is None and notifications.server is None


def test_the_session_bus_is_the_environment_s_or_the_user_bus(monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/elsewhere")
    assert session_address() == "unix:path=/run/elsewhere"
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    with pytest.raises(NoServer, match="there is no D-Bus session bus"):
        session_address()
    (tmp_path / "bus").touch()
    assert session_address() == f"unix:path={tmp_path / 'bus'}"
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    with pytest.raises(NoServer):
        session_address()
