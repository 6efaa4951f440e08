"""Notifications that reach the user, against a real freedesktop notification server on a
private D-Bus (tests/notification_server.py): what is sent, when, with which actions; a click
opens the right form; nothing twice, nothing for a day already logged, nothing that shows
journal data while locked; without a server, the app says it itself."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta

import pytest

from aijournal.connection import notices, nudges
from aijournal.journaling.settings import Settings
from aijournal.model import records as r
from aijournal.ui.lock import LOCKED_NOTICE

EVENING = datetime(2026, 11, 27, 17, 30)  # the reminder is due (17:00), no quiet hours yet


@pytest.fixture
def make_window(qtbot, journal):
    from aijournal.ui.main_window import MainWindow

    def make(bus: str | None, *, tray: bool = False) -> MainWindow:
        window = MainWindow(journal, use_tray=tray, bus=bus)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make


@pytest.fixture
def window(make_window, notification_server):
    return make_window(notification_server.address)


def arrived(qtbot, server, count: int) -> list[dict]:
    """The notifications the server holds, once there are `count` of them."""
    qtbot.waitUntil(lambda: len(server.sent()) >= count, timeout=5000)
    sent = server.sent()
    assert len(sent) == count, sent
    return sent


def focused_in(widget) -> bool:
    """Whether the keyboard focus of `widget`'s window is inside it (active or not)."""
    focus = widget.window().focusWidget()
    return focus is not None and widget.isAncestorOf(focus)


def test_the_checkin_reminder_is_a_desktop_notification_once_and_opens_the_checkin(
    qtbot, window, notification_server, journal, clock
):
    from aijournal.ui.views.today import TodayView

    Settings(journal)["nudges_enabled"] = False
    clock.set(EVENING - timedelta(minutes=31))
    assert window.notifier.check() == []
    clock.set(EVENING)
    window.notifier.check()
    [sent] = arrived(qtbot, notification_server, 1)
    assert (sent["app_name"], sent["summary"], sent["body"]) == (
        "AI Journal",
        "Daily check-in",
        notices.CHECKIN_TEXT,
    )
    assert sent["actions"] == [["default", "Check in"], ["open", "Check in"]]
    assert sent["hints"]["desktop-entry"] == "aijournal" and sent["replaces_id"] == 0
    assert sent["app_icon"].endswith("aijournal.svg")
    clock.advance(minutes=5)
    assert window.notifier.check() == []  # once a day, and remembered

    window.show_view(1)
    window.hide()
    notification_server.invoke(sent["id"], "open")
    today = window.view(TodayView)
    qtbot.waitUntil(lambda: window.isVisible() and window.stack.currentWidget() is today)
    qtbot.waitUntil(lambda: focused_in(today.checkin_form))

    journal.add(r.Checkin(day=clock().date(), burnout=2, connection=4))
    clock.advance(days=1)  # the next evening, logged already
    journal.add(r.Checkin(day=clock().date(), burnout=2, connection=4))
    assert window.notifier.check() == []
    assert len(notification_server.sent()) == 1


def test_logging_the_day_withdraws_the_reminder_still_showing(
    qtbot, window, notification_server, journal, clock
):
    clock.set(EVENING)
    Settings(journal)["nudges_enabled"] = False
    window.notifier.check()
    [sent] = arrived(qtbot, notification_server, 1)
    journal.add(r.Checkin(day=clock().date(), burnout=2, connection=4))
    window.notifier.check()
    qtbot.waitUntil(lambda: notification_server.sent()[0]["closed"] == 3)  # CloseNotification
    assert len(notification_server.sent()) == 1


def test_a_planned_touchpoint_opens_the_form_filled_in_for_the_plan(
    qtbot, window, notification_server, journal, clock
):
    from aijournal.ui.views.today import TodayView

    journal.add(r.Person(name="Dana", cadence_days=7))
    journal.add(r.Touchpoint(at=clock() - timedelta(days=8), kind="pairing", person="Dana"))
    [nudge] = [n for n in nudges.refresh(journal) if n.rule_id == "overdue-person"]
    nudges.plan(journal, nudge.id, journal.person_named("Dana").id, clock().date())
    Settings(journal)["nudges_enabled"] = False
    window.notifier.check()
    [sent] = arrived(qtbot, notification_server, 1)
    assert sent["summary"] == "Touchpoint planned with Dana"
    assert sent["body"].startswith("You planned a touchpoint with Dana for today: ")
    assert sent["actions"][0] == ["default", "Log the touchpoint"]
    notification_server.invoke(sent["id"])  # a click on the notification itself
    today = window.view(TodayView)
    qtbot.waitUntil(lambda: focused_in(today.touch_form))
    assert today.touch_form.person.text() == "Dana"
    clock.advance(hours=2)
    assert window.notifier.check() == []


def test_a_new_nudge_opens_in_insights(qtbot, window, notification_server, journal, clock):
    from aijournal.ui.sections import INSIGHTS

    journal.add(r.Touchpoint(at=clock() - timedelta(days=20), kind="pairing", person="Dana"))
    window.notifier.check()  # stores the nudges that fire and announces the newest
    [sent] = arrived(qtbot, notification_server, 1)
    [shown] = window.notifier.showing.values()
    newest = nudges.active(journal)[0]
    assert shown.nudge_id == newest.id
    told = nudges.explain(journal, [newest])[0]
    assert (sent["summary"], sent["body"]) == (told.title, told.what_to_do)
    assert sent["actions"][1] == ["open", "See the nudge"]
    notification_server.invoke(sent["id"], "open")
    insights = window.view(INSIGHTS)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is insights)
    card = next(c for c in insights.cards if c.nudge.id == newest.id)
    qtbot.waitUntil(lambda: focused_in(card))
    clock.advance(hours=3)
    assert window.notifier.check() == []  # one nudge a day, each once


def test_quiet_hours_hold_notifications_until_they_end(
    qtbot, window, notification_server, journal, clock
):
    Settings(journal)["nudges_enabled"] = False
    Settings(journal)["quiet_hours"] = "17:00-18:00"
    clock.set(EVENING)
    assert window.notifier.check() == []
    clock.set(EVENING + timedelta(minutes=30))
    assert [n.kind for n in window.notifier.check()] == ["checkin"]
    assert len(arrived(qtbot, notification_server, 1)) == 1


def test_while_locked_a_notification_says_nothing_and_opens_only_the_lock_screen(
    qtbot, window, notification_server, journal, clock
):
    journal.add(r.Touchpoint(at=clock() - timedelta(days=20), kind="pairing", person="Dana"))
    window.notifier.check()
    [nudge_sent] = arrived(qtbot, notification_server, 1)
    window.lock()  # what shows may hold journal data: withdrawn
    qtbot.waitUntil(lambda: notification_server.sent()[0]["closed"] == 3)
    clock.set(EVENING)
    window.notifier.check()
    sent = arrived(qtbot, notification_server, 2)[1]
    assert (sent["summary"], sent["body"]) == ("AI Journal", LOCKED_NOTICE)
    assert sent["actions"] == [["default", "Unlock"], ["open", "Unlock"]]
    window.hide()
    notification_server.invoke(sent["id"])
    qtbot.waitUntil(window.isVisible)
    assert window.locked and window.screens.currentWidget() is window.lock_screen
    assert nudge_sent["body"] not in window.statusBar().currentMessage()


@pytest.mark.parametrize("notification_server", [["--no-actions"]], indirect=True)
def test_a_server_without_buttons_gets_none(qtbot, window, notification_server, journal, clock):
    Settings(journal)["nudges_enabled"] = False
    clock.set(EVENING)
    window.notifier.check()
    [sent] = arrived(qtbot, notification_server, 1)
    assert sent["actions"] == [] and sent["summary"] == "Daily check-in"
    status = window.notifier.delivery.status()
    assert "It shows no buttons" in status[-1] and "actions" not in status[1]


@pytest.mark.parametrize("notification_server", [["--nameless"]], indirect=True)
def test_without_a_notification_server_the_tray_says_it(
    qtbot, make_window, notification_server, journal, clock, monkeypatch
):
    window = make_window(notification_server.address, tray=True)
    told = []
    monkeypatch.setattr(window.tray, "showMessage", lambda title, text, *_: told.append(text))
    Settings(journal)["nudges_enabled"] = False
    clock.set(EVENING)
    window.notifier.check()
    assert told == [notices.CHECKIN_TEXT]
    assert window.statusBar().currentMessage() == notices.CHECKIN_TEXT
    [line, *rest] = window.notifier.delivery.status()
    assert line.startswith("No desktop notifications: no notification server answers")
    assert rest == ["Reminders show as messages from the AI Journal icon in the tray."]
    from aijournal.ui.views.today import TodayView

    window.tray.messageClicked.emit()  # a click on the tray's message opens the check-in
    qtbot.waitUntil(lambda: focused_in(window.view(TodayView).checkin_form))
    window.tray.hide()


def test_without_any_bus_the_status_bar_says_it(qtbot, make_window, journal, clock, tmp_path):
    window = make_window(f"unix:path={tmp_path / 'no-bus'}")
    Settings(journal)["nudges_enabled"] = False
    clock.set(EVENING)
    assert [n.kind for n in window.notifier.check()] == ["checkin"]
    assert window.statusBar().currentMessage() == notices.CHECKIN_TEXT
    [line, rest] = window.notifier.delivery.status()
    assert line.startswith("No desktop notifications: the session bus does not answer")
    assert rest.startswith("Reminders show in the window's status bar")


# ---- Settings → Notifications, closing, start at login ---------------------------------------


def test_settings_say_which_server_and_send_a_test_notification(qtbot, window, notification_server):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from aijournal.ui.widgets.basics import find

    window.show_view(window.nav.count() - 1)
    box = window.settings_view.notifications
    assert box.status.text().splitlines() == [
        "Desktop notifications work here: Test Notifications 1.0 by aijournal tests "
        "(specification 1.2).",
        "It can do: actions, body, icon-static, persistence.",
        "A notification's button opens the form it is about.",
    ]
    qtbot.mouseClick(find(box, QPushButton, "Send a test notification"), Qt.MouseButton.LeftButton)
    [sent] = arrived(qtbot, notification_server, 1)
    assert sent["summary"] == "AI Journal" and sent["body"].startswith("Notifications work")
    assert sent["actions"][0] == ["default", "Open AI Journal"]
    assert box.sent.isVisible()
    window.hide()
    notification_server.invoke(sent["id"])
    qtbot.waitUntil(window.isVisible)


def test_closing_keeps_running_only_when_chosen_and_says_so_once(
    qtbot, window, notification_server, journal
):
    from PySide6.QtWidgets import QCheckBox

    from aijournal.ui.widgets.basics import find

    window.show_view(window.nav.count() - 1)
    find(window.settings_view, QCheckBox, "Keep running").click()
    assert Settings(journal)["run_in_background"] is True
    window.close()
    assert not window.isVisible()
    [sent] = arrived(qtbot, notification_server, 1)  # no tray: a desktop notification
    assert sent["summary"] == "AI Journal is still running" and sent["actions"] == []
    assert "application menu" in sent["body"]
    window.show()
    window.close()
    assert len(notification_server.sent()) == 1  # said once
    window.show()
    find(window.settings_view, QCheckBox, "Keep running").click()
    assert window.close()  # accepted: the app quits


def test_start_at_login_writes_the_autostart_entry_and_keeps_running(
    qtbot, make_window, journal, tmp_path, monkeypatch
):
    import shutil
    import subprocess

    from PySide6.QtWidgets import QCheckBox

    from aijournal.ui.widgets.basics import find

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    window = make_window(None)
    window.show_view(window.nav.count() - 1)
    view = window.settings_view
    switch = find(view, QCheckBox, "Start at login")
    assert not switch.isChecked()
    switch.click()
    entry = tmp_path / "config" / "autostart" / "aijournal.desktop"
    text = entry.read_text()
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" --hidden")
    assert Settings(journal)["run_in_background"] is True
    assert find(view, QCheckBox, "Keep running").isChecked()
    assert window.keep_running
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
        assert checked.returncode == 0, checked.stdout
    switch.click()
    assert not entry.exists() and not switch.isChecked()
    assert view.notice.text() == "AI Journal no longer starts at login."


# `aijournal --hidden` in a process of its own, as the autostart entry starts it: no window; the
# check-in reminder arrives as a desktop notification; its click opens the window on the
# check-in. The app reports what it shows in a file the test reads.
HIDDEN_APP = textwrap.dedent("""
    import sys
    from pathlib import Path

    import keyring
    import keyring.backend


    class MemoryKeyring(keyring.backend.KeyringBackend):
        priority = 1
        passwords = {}

        def get_password(self, service, username):
            return self.passwords.get((service, username))

        def set_password(self, service, username, password):
            self.passwords[(service, username)] = password

        def delete_password(self, service, username):
            self.passwords.pop((service, username), None)


    keyring.set_keyring(MemoryKeyring())
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from aijournal.cli import main
    from aijournal.journaling.settings import Settings
    from aijournal.storage import DataPaths, Journal, SecretStore
    from aijournal.storage.unlock import Key

    with Journal.create(DataPaths.resolve(), Key.random(), store=SecretStore()) as journal:
        settings = Settings(journal)
        settings["reminder_time"] = "00:00"  # due whenever the test runs
        settings["quiet_hours"] = ""
        settings["nudges_enabled"] = False
    report = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])


    def tell(text):  # whole or not at all: the test may read it at any moment
        part = report.with_suffix(".part")
        part.write_text(text)
        part.replace(report)


    def watch():
        shown = [w for w in app.topLevelWidgets() if w.isVisible()]
        if not shown:
            tell("hidden")
            return
        window = shown[0]
        view = window.stack.currentWidget()
        where = "check-in" if view.checkin_form.isAncestorOf(window.focusWidget()) else "?"
        tell(f"shown {view.title}, focus in the {where}")
        app.quit()


    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(50)
    main(["--hidden"])
""")


def test_started_hidden_it_notifies_and_a_click_opens_the_checkin(
    notification_server, tmp_path, aijournal_home
):
    report = tmp_path / "shown.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["DBUS_SESSION_BUS_ADDRESS"] = notification_server.address
    app = subprocess.Popen(
        [sys.executable, "-c", HIDDEN_APP, str(report)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        # the notification may come before the first look at the windows
        while not (notification_server.sent() and report.exists()) and app.poll() is None:
            assert time.monotonic() < deadline, "no notification from the hidden app"
            time.sleep(0.1)
        assert app.poll() is None, app.stdout.read()
        assert report.read_text() == "hidden"  # running, no window ever shown
        [sent] = notification_server.sent()
        assert (sent["summary"], sent["body"]) == ("Daily check-in", notices.CHECKIN_TEXT)
        notification_server.invoke(sent["id"], "open")
        output, _ = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, output
    assert report.read_text() == "shown Today, focus in the check-in"
