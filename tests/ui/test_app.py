"""The app shell: first run, unlocking, the window, reminder, single instance, errors, lock."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QWidget

from aijournal.connection.notices import CHECKIN_TEXT
from aijournal.journaling.settings import Settings
from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal, SecretStore
from aijournal.storage.unlock import Key
from aijournal.ui import crash_report as errors
from aijournal.ui.app import SingleInstance
from aijournal.ui.dialogs import welcome
from aijournal.ui.dialogs.welcome import UnlockDialog, WelcomeDialog, open_journal
from aijournal.ui.widgets.basics import find

PASSPHRASE = "correct horse battery"


@pytest.fixture
def paths(tmp_path) -> DataPaths:
    return DataPaths(tmp_path / "fresh")


@pytest.fixture
def window(qtbot, journal):
    from aijournal.ui.main_window import MainWindow

    shown = MainWindow(journal, use_tray=False)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def click(qtbot, root: QWidget, text: str) -> None:
    qtbot.mouseClick(find(root, QPushButton, text), Qt.MouseButton.LeftButton)


def welcome_dialog(qtbot, paths, clock, **kwargs) -> WelcomeDialog:
    dialog = WelcomeDialog(paths, SecretStore(), clock=clock, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# ---- first run -----------------------------------------------------------------------------


def test_first_run_keeps_the_key_in_the_secret_store_and_opens_on_today(
    qtbot, paths, clock, memory_keyring
):
    def start_empty():
        click(qtbot, QApplication.activeModalWidget(), "Start empty")

    QTimer.singleShot(0, start_empty)
    journal = open_journal(paths, SecretStore(), clock=clock)
    assert journal is not None
    with journal:
        assert journal.config.protection == "keyring"
        assert len(memory_keyring.passwords) == 1
        from aijournal.ui.main_window import MainWindow
        from aijournal.ui.views.today import TodayView

        window = MainWindow(journal, use_tray=False)
        qtbot.addWidget(window)
        assert isinstance(window.stack.currentWidget(), TodayView)
        assert window.nav.currentItem().text() == "Today"


def test_the_welcome_names_the_secret_store(qtbot, paths, clock, memory_keyring):
    dialog = welcome_dialog(qtbot, paths, clock)
    assert SecretStore().name in dialog.where_key.text()
    assert not dialog.passphrase.isVisible()


def test_without_a_secret_store_the_first_run_asks_for_a_passphrase(
    qtbot, paths, clock, no_keyring
):
    dialog = welcome_dialog(qtbot, paths, clock)
    assert dialog.passphrase.isVisible()
    assert "No secret store works here" in dialog.where_key.text()
    first = find(dialog, QLineEdit, "Passphrase")
    again = find(dialog, QLineEdit, "Repeat passphrase")

    qtbot.keyClicks(first, "short")
    qtbot.keyClicks(again, "short")
    click(qtbot, dialog, "Start empty")
    assert dialog.passphrase.error.text() == "Use at least 8 characters."
    assert not paths.db.exists()

    qtbot.keyClicks(first, " but longer")
    qtbot.keyClicks(again, " but longen")
    assert dialog.passphrase.error.text() == "The two passphrases do not match."
    click(qtbot, dialog, "Start empty")
    assert not paths.db.exists()

    qtbot.keyClick(again, Qt.Key.Key_Backspace)
    qtbot.keyClicks(again, "r")
    assert not dialog.passphrase.error.isVisible()
    click(qtbot, dialog, "Start empty")
    assert dialog.result() == QDialog.DialogCode.Accepted
    with dialog.journal as journal:
        assert journal.config.protection == "passphrase"
    Journal.open(paths, passphrase=lambda: "short but longer").close()


def test_a_store_that_fails_to_keep_the_key_falls_back_to_a_passphrase(
    qtbot, paths, clock, failing_keyring
):
    dialog = welcome_dialog(qtbot, paths, clock)
    assert not dialog.passphrase.isVisible()  # the store looked usable
    click(qtbot, dialog, "Start empty")
    assert dialog.passphrase.isVisible()
    assert "store is locked" in dialog.where_key.text()
    assert not paths.db.exists() and not paths.config.exists()


def test_explore_with_sample_data_fills_the_journal_in_the_background(
    qtbot, paths, clock, memory_keyring
):
    dialog = welcome_dialog(qtbot, paths, clock, demo_days=21)
    click(qtbot, dialog, "Explore with sample data")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    with dialog.journal as journal:
        counts = journal.counts()
        assert counts["people"] == 6 and counts["ai_uses"] > 20 and counts["checkins"] > 5


# ---- later starts --------------------------------------------------------------------------


def test_unlock_with_a_wrong_then_the_right_passphrase(qtbot, paths, clock):
    Journal.create(paths, Key.from_passphrase(PASSPHRASE)).close()
    dialog = UnlockDialog(paths, SecretStore(), clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    field = find(dialog, QLineEdit, "Passphrase")
    qtbot.keyClicks(field, "not it at all")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.form.error.text() == "The passphrase is wrong. Try again."
    assert dialog.journal is None

    qtbot.keyClicks(field, PASSPHRASE)  # the wrong one was selected: typing replaces it
    click(qtbot, dialog, "Unlock")
    assert dialog.result() == QDialog.DialogCode.Accepted
    with dialog.journal as journal:
        assert journal.config.protection == "passphrase"


def test_quitting_the_unlock_dialog_opens_nothing(qtbot, paths, clock):
    Journal.create(paths, Key.from_passphrase(PASSPHRASE)).close()
    QTimer.singleShot(0, lambda: click(qtbot, QApplication.activeModalWidget(), "Quit"))
    assert open_journal(paths, SecretStore(), clock=clock) is None


def test_a_missing_key_says_so_and_retry_works_once_it_is_back(
    qtbot, paths, clock, memory_keyring, monkeypatch
):
    Journal.create(paths, Key.random()).close()
    saved = dict(memory_keyring.passwords)
    memory_keyring.passwords.clear()
    asked = []

    def answer(text: str) -> bool:
        asked.append(text)
        memory_keyring.passwords.update(saved)  # the user unlocked or restored the store
        return len(asked) == 1

    monkeypatch.setattr(welcome, "ask_retry", answer)
    with open_journal(paths, SecretStore(), clock=clock) as journal:
        assert journal.config.protection == "keyring"
    assert "missing from the secret store" in asked[0]

    memory_keyring.passwords.clear()
    assert open_journal(paths, SecretStore(), clock=clock) is None
    assert len(asked) == 2


# ---- the window ----------------------------------------------------------------------------


def test_ctrl_number_switches_views(qtbot, window):
    from aijournal.ui.views.calendar import CalendarView
    from aijournal.ui.views.people import PeopleView
    from aijournal.ui.views.settings import SettingsView

    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), PeopleView)
    assert window.nav.currentItem().text() == "People"
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), CalendarView)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), SettingsView)


def test_a_write_in_one_view_refreshes_the_others_when_shown(qtbot, window, monkeypatch):
    from aijournal.ui.views.people import PeopleView
    from aijournal.ui.views.skills_goals import SkillsGoalsView

    refreshed = []
    skills = window.view(SkillsGoalsView)
    monkeypatch.setattr(skills, "refresh", lambda: refreshed.append("skills"))
    people = window.view(PeopleView)
    window.show_view(window.views.index(people))
    qtbot.keyClicks(find(people, QLineEdit, "Name"), "Mo")
    click(qtbot, people, "Add person")
    assert refreshed == []
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert refreshed == ["skills"]
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert refreshed == ["skills"]  # nothing changed since


def test_every_input_is_named_after_its_label(window):
    from PySide6.QtWidgets import QLabel

    from aijournal.ui.views.people import PeopleView
    from aijournal.ui.views.settings import SettingsView
    from aijournal.ui.views.skills_goals import SkillsGoalsView

    for view_class in (PeopleView, SkillsGoalsView, SettingsView):
        labels = [
            label
            for label in window.view(view_class).findChildren(QLabel)
            if label.buddy() is not None
        ]
        assert labels
        for label in labels:
            assert label.buddy().accessibleName() == label.text().replace("&", "")


# ---- reminder ------------------------------------------------------------------------------


def test_the_reminder_fires_once_a_day_and_only_without_a_checkin(qtbot, window, journal, clock):
    fired = []
    window.notifier.delivered.connect(lambda notice: fired.append(notice.body))
    clock.set(datetime(2026, 11, 27, 16, 59))
    assert not window.notifier.check()
    clock.set(datetime(2026, 11, 27, 17, 1))
    assert [notice.kind for notice in window.notifier.check()] == ["checkin"]
    assert fired == [CHECKIN_TEXT]
    assert window.statusBar().currentMessage() == CHECKIN_TEXT  # no tray: the status bar
    assert not window.notifier.check()  # at most once a day

    clock.set(datetime(2026, 11, 28, 18, 0))
    journal.add(r.Checkin(day=clock().date(), burnout=2, connection=4))
    assert not window.notifier.check()
    assert fired == [CHECKIN_TEXT]


# ---- single instance, tray, lock -----------------------------------------------------------


def test_a_second_start_shows_the_running_window(qtbot, window, journal):
    first = SingleInstance(journal.paths)
    first.show_requested.connect(window.bring_to_front)
    first.listen()
    window.hide()
    assert SingleInstance(journal.paths).ask_running()
    qtbot.waitUntil(window.isVisible)
    assert not SingleInstance(DataPaths(journal.paths.root / "other")).ask_running(100)


def test_closing_with_a_tray_keeps_running_and_says_so_once(qtbot, journal, monkeypatch):
    from aijournal.ui.main_window import MainWindow

    Settings(journal)["run_in_background"] = True
    window = MainWindow(journal, use_tray=True)
    qtbot.addWidget(window)
    notices = []
    monkeypatch.setattr(window.tray, "showMessage", lambda title, *rest: notices.append(title))
    window.show()
    window.close()
    assert not window.isVisible()
    assert journal.setting("tray_notice_shown") is True
    window.show()
    window.close()
    assert notices == ["AI Journal is still running"]
    window.tray.hide()


def test_idle_lock_asks_for_the_passphrase_again(qtbot, tmp_path, clock):
    from aijournal.ui.main_window import MainWindow

    with Journal.create(
        DataPaths(tmp_path / "p"), Key.from_passphrase(PASSPHRASE), clock=clock
    ) as journal:
        Settings(journal)["lock_after_minutes"] = 5
        window = MainWindow(journal, use_tray=False)
        qtbot.addWidget(window)
        window.show()
        assert window.idle.timer.isActive() and window.idle.timer.interval() == 300_000
        window.idle.timer.timeout.emit()
        assert window.locked and not window.stack.isVisible()
        field = find(window.lock_screen, QLineEdit, "Passphrase")
        qtbot.keyClicks(field, "wrong guess")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert window.locked
        assert "wrong" in window.lock_screen.form.error.text()
        qtbot.keyClicks(field, PASSPHRASE)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert not window.locked and window.stack.isVisible()


def test_a_keyring_journal_unlocks_with_a_button(qtbot, window):
    window.lock()
    assert window.locked
    click(qtbot, window.lock_screen, "Unlock")
    assert not window.locked


# ---- unexpected errors ---------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        errors.ErrorDialog, "exec", lambda self: shown.append((self.windowTitle(), self.details))
    )
    monkeypatch.setattr("sys.excepthook", None)
    log = tmp_path / "data" / "aijournal.log"
    errors.install(log)
    button = QPushButton("Boom")
    qtbot.addWidget(button)

    def broken() -> None:
        raise RuntimeError("the slot broke")

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    [(title, details)] = shown
    assert title == "Something went wrong"
    assert "RuntimeError: the slot broke" in details and "broken" in details
    assert "RuntimeError: the slot broke" in log.read_text()
    assert os.stat(log).st_mode & 0o777 == 0o600


def test_views_loaded_later_are_named_as_their_classes():
    from aijournal.ui.sections import VIEWS, LaterView

    for spec in VIEWS:
        if isinstance(spec, LaterView):
            view_class = spec.load()
            assert spec == view_class and spec.title == view_class.title


def test_the_single_instance_socket_lives_in_a_private_folder(qtbot, tmp_path, monkeypatch):
    import stat

    from PySide6.QtNetwork import QLocalServer

    from aijournal.ui import app

    paths = DataPaths(tmp_path / "journal")
    private = tmp_path / "runtime"
    private.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(private))
    assert Path(app.server_name(paths)).parent == private
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))  # not private: not used
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    name = Path(app.server_name(paths))
    assert name.parent != shared and not name.parent.stat().st_mode & 0o077
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777  # and left as it was
    # Someone squats the name the shared temporary folder would have given: no matter.
    squatter = QLocalServer()
    assert squatter.listen(name.name)
    first = SingleInstance(paths)
    first.listen()
    assert first.server.isListening() and first.server.fullServerName() == str(name)
    assert SingleInstance(paths).ask_running()
    squatter.close()
    first.server.close()
