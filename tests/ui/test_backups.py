"""Backups in the app (ui/backups.py): the quiet daily backup at start, and restoring one in
place of the window's journal, each on a worker."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from aijournal.model import records as r
from aijournal.ui import backups


@pytest.fixture
def stand_in(qtbot, journal):
    """What the daily backup uses of the main window: its journal and its status bar."""
    window = QMainWindow()
    window.journal = journal
    qtbot.addWidget(window)
    return window


@pytest.fixture
def warnings(qtbot):
    """The texts of message boxes that showed up; each is closed at once so nothing hangs."""
    seen: list[str] = []

    def watch() -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                seen.append(box.text())
                box.close()

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(10)
    yield seen
    timer.stop()


def test_the_daily_backup_is_made_once_a_day_and_said_quietly(qtbot, stand_in, journal, clock):
    job = backups.back_up_if_due(stand_in)
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    [made] = journal.backups()
    assert stand_in.statusBar().currentMessage() == f"Daily backup saved: {made.name}"

    stand_in.statusBar().clearMessage()
    clock.advance(hours=20)
    again = backups.back_up_if_due(stand_in)
    qtbot.waitUntil(lambda: again.done, timeout=10_000)
    assert journal.backups() == [made]  # not due yet: nothing made, nothing said
    assert stand_in.statusBar().currentMessage() == ""

    clock.advance(hours=5)
    later = backups.back_up_if_due(stand_in)
    qtbot.waitUntil(lambda: later.done, timeout=10_000)
    assert len(journal.backups()) == 2


def test_a_failed_daily_backup_says_why_in_the_status_bar(qtbot, stand_in, journal):
    journal.paths.backups.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(journal.paths.backups, ignore_errors=True)
    journal.paths.backups.write_text("a file where the backups folder should be")
    job = backups.back_up_if_due(stand_in)
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert stand_in.statusBar().currentMessage().startswith("The daily backup failed: ")


def test_restore_reopens_the_journal_and_names_the_safety_copy(qtbot, main_window, journal):
    journal.add(r.Person(name="Dana", cadence_days=14))
    backup = journal.backup()
    journal.add(r.Person(name="Eli"))
    backups.restore(main_window, backup)
    assert not main_window.notifier.timer.isActive()  # nothing reads the journal meanwhile
    qtbot.waitUntil(lambda: main_window.journal is not journal, timeout=10_000)

    restored = main_window.journal
    assert [p.name for p in restored.people()] == ["Dana"]
    assert main_window.notifier.timer.isActive()
    assert main_window.sections.journal is restored  # every view starts on it
    said = f"Restored {backup.name}. The journal as it was before is kept as "
    message = main_window.statusBar().currentMessage()
    assert message.startswith(said) and message.endswith(".")
    safety = restored.paths.backups / message.removeprefix(said).removesuffix(".")
    assert safety.is_file() and safety != backup


def test_the_warm_up_waits_for_the_restored_journal(qtbot, main_window, journal, monkeypatch):
    """A restore in the first seconds: the warm-up (sources, Trends) must not read the closed
    journal, and runs on the restored one instead."""
    from aijournal.ui.main_window import TRENDS, VIEWS

    warm_up = main_window._after_start
    assert warm_up.isActive()  # the window has just started
    backup = journal.backup()
    backups.restore(main_window, backup)
    assert not warm_up.isActive()
    qtbot.waitUntil(lambda: main_window.journal is not journal, timeout=10_000)
    assert warm_up.isActive()
    warm_up.setInterval(0)
    warm_up.start()
    qtbot.waitUntil(lambda: VIEWS.index(TRENDS) in main_window.sections.built, timeout=10_000)


def test_a_refused_restore_says_why_and_keeps_the_journal(
    qtbot, main_window, journal, tmp_path, warnings
):
    journal.add(r.Person(name="Dana"))
    missing = tmp_path / "no-such-backup.db"
    backups.restore(main_window, missing)
    qtbot.waitUntil(lambda: main_window.journal is not journal, timeout=10_000)
    qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    assert "does not exist; nothing was changed" in warnings[0]
    assert [p.name for p in main_window.journal.people()] == ["Dana"]
    assert main_window.notifier.timer.isActive()
    assert not main_window.statusBar().currentMessage().startswith("Restored")
