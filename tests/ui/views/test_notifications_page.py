"""Settings → Notifications box: its status lines, the test button and the start at login."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from aijournal.journaling import desktop_entry
from aijournal.ui.views.notifications_page import NotificationsBox
from aijournal.ui.widgets.basics import find


@pytest.fixture
def config(tmp_path, monkeypatch):
    """An XDG config folder of this test's own: autostart entries go there."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def box(show, config):
    return show(NotificationsBox())


def entry(config):
    return config / "autostart" / "aijournal.desktop"


def test_status_lines_and_the_test_button(qtbot, box):
    box.show_status(["Server: dunst 1.9", "Buttons: yes"])
    assert find(box, QLabel, "Notifications here").text() == "Server: dunst 1.9\nButtons: yes"
    sent = find(box, QLabel, "Test notification")
    assert not sent.isVisible()
    with qtbot.waitSignal(box.test_requested, timeout=1000):
        qtbot.mouseClick(box.test, Qt.MouseButton.LeftButton)
    box.confirm_sent()
    assert sent.isVisible() and sent.text().startswith("Sent.")


def test_switching_on_writes_the_entry_and_off_removes_it(qtbot, box, config):
    switch = find(box, QCheckBox, "Start at login")
    assert not switch.isChecked() and not box.where.isVisible()
    with qtbot.waitSignal(box.autostart_changed, timeout=1000) as on:
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert on.args == [True]
    assert entry(config).is_file()
    assert "--hidden" in entry(config).read_text()
    assert box.where.isVisible() and box.where.text() == f"Started by {entry(config)}"

    with qtbot.waitSignal(box.autostart_changed, timeout=1000) as off:
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert off.args == [False]
    assert not entry(config).exists()
    assert not switch.isChecked() and not box.where.isVisible()


def test_an_entry_made_elsewhere_shows_as_on(show, config):
    desktop_entry.enable_autostart()  # e.g. by an earlier run, or by hand
    box = show(NotificationsBox())
    assert find(box, QCheckBox, "Start at login").isChecked()
    assert box.where.text() == f"Started by {entry(config)}"


def test_a_folder_that_cannot_be_written_says_why_and_stays_off(qtbot, box, config):
    config.mkdir()
    (config / "autostart").write_text("a file where the folder should be")
    seen = []
    box.autostart_changed.connect(seen.append)
    switch = find(box, QCheckBox, "Start at login")
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert box.error.isVisible() and box.error.text()
    assert not switch.isChecked() and not box.where.isVisible()
    assert seen == []
