"""The idle lock holds: while locked, no menu, shortcut, tray action, dialog, view or notice
shows or exports journal data. Each action of the window is tried while locked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QMenu

from aijournal.model import records as r
from aijournal.ui.lock import LOCKED_NOTICE


@pytest.fixture
def journal(tmp_path, clock):
    """A passphrase journal: the lock screen asks for the passphrase again."""
    from aijournal.storage import DataPaths, Journal
    from aijournal.storage.unlock import Key

    key = Key.from_passphrase("correct horse battery")
    with Journal.create(DataPaths(tmp_path / "journal"), key, clock=clock) as opened:
        yield opened


@pytest.fixture
def window(qtbot, journal, clock, tmp_path, monkeypatch):
    """A window over a journal with data and a nudge (gratitude), then locked."""
    from aijournal.ui.main_window import MainWindow

    journal.add(r.Touchpoint(at=clock() - timedelta(days=20), kind="pairing", person="Dana"))
    journal.add(r.Checkin(day=clock().date(), burnout=4, connection=1, note="Rough day"))
    monkeypatch.chdir(tmp_path)
    shown = MainWindow(journal, use_tray=True)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    shown.lock()
    assert shown.locked
    yield shown
    shown.tray.hide()


@pytest.fixture
def opened(qtbot):
    """Titles of windows that showed up; any modal one is closed at once so nothing hangs."""
    seen: list[str] = []

    def watch() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.windowTitle() != "AI Journal":
                seen.append(widget.windowTitle() or type(widget).__name__)
                widget.close()

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(10)
    yield seen
    timer.stop()
    watch()


def data_on_screen(window) -> list[str]:
    """What a passer-by could read: visible windows other than the lock screen, the status;
    and anything done behind the lock screen (another view, focus taken away from it)."""
    found = [
        w.windowTitle() or type(w).__name__
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not window and not isinstance(w, QMenu)
    ]
    if window.stack.isVisible():
        found.append("the views")
    if window.stack.currentIndex() != 0:
        found.append(f"switched to view {window.stack.currentIndex()}")
    if not window.lock_screen.isAncestorOf(QApplication.focusWidget()):
        found.append("focus left the lock screen")
    if (status := window.statusBar().currentMessage()) not in ("", LOCKED_NOTICE):
        found.append(status)
    return found


def menu_actions(window) -> list[QAction]:
    actions = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu():
                walk(action.menu())
            elif not action.isSeparator() and action.text() != "Quit":
                actions.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return actions


def test_every_menu_action_is_refused_while_locked(qtbot, window, opened):
    actions = menu_actions(window)
    assert {a.text() for a in actions} >= {
        "Import AI history…",
        "Export summary…",
        "Export journal…",
        "Import/merge journal…",
        "Coach view…",
        "Check in",
        "Log an AI use",
        "Log a touchpoint",
    }
    for action in actions:
        assert not action.isEnabled(), f"{action.text()} is offered while locked"
        action.setEnabled(True)  # even if something enabled it, the gate still says no
        action.trigger()
        qtbot.wait(30)
        assert window.locked and data_on_screen(window) == [], action.text()
    assert opened == []


def test_every_shortcut_of_the_window_is_refused_while_locked(qtbot, window, opened):
    sequences = [s.key() for s in window.findChildren(QShortcut)]
    sequences += [a.shortcut() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    quit_keys = next(a for a in window.findChildren(QAction) if a.text() == "Quit").shortcut()
    assert len(sequences) >= 14  # views, search, sections, menus, the forms' own keys
    for keys in sequences:
        if keys == quit_keys:
            continue
        qtbot.keySequence(QApplication.focusWidget() or window, keys)
        qtbot.wait(20)
        assert window.locked and data_on_screen(window) == [], keys.toString()
    assert opened == []


def test_tray_actions_show_the_lock_screen_only(qtbot, window, opened):
    for action in window.tray.contextMenu().actions():
        if action.text() in ("Quit", ""):
            continue
        action.trigger()
        qtbot.wait(20)
        assert window.locked and data_on_screen(window) == [], action.text()
        assert window.isVisible()
    assert opened == []


def test_notices_say_nothing_of_the_journal_while_locked(qtbot, window, journal, monkeypatch):
    told = []
    monkeypatch.setattr(window.tray, "showMessage", lambda title, text, *rest: told.append(text))
    window.notifier.timer.timeout.emit()  # the minute timer: reminder and nudges
    window.notifier.say("planned", "Dana", "You last talked to Dana 20 days ago.", "Log it")
    assert told and set(told) == {LOCKED_NOTICE}
    assert window.statusBar().currentMessage() in ("", LOCKED_NOTICE)
    window.lock_screen.form.field.setText("correct horse battery")
    window.lock_screen.form.button.click()
    assert not window.locked
    window.notifier.timer.timeout.emit()  # now the nudge is announced, with its facts
    assert any("thank" in text.lower() for text in told[1:]), told


def test_locking_closes_dialogs_and_hides_other_windows_until_unlock(qtbot, journal, clock):
    from aijournal.ui.main_window import MainWindow
    from aijournal.ui.views.today import TodayView

    window = MainWindow(journal, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    stored = journal.add(r.Checkin(day=clock().date(), burnout=3, connection=2, note="private"))
    today = window.view(TodayView)
    dialog = today.open_entry(stored)
    questionnaire = today.open_instrument("who5")
    window.menus.show_coach_view()
    coach = window.menus.coach
    qtbot.waitUntil(lambda: dialog.isVisible() and questionnaire.isVisible() and coach.isVisible())

    window.lock()
    assert not dialog.isVisible() and not questionnaire.isVisible() and not coach.isVisible()
    assert journal.checkin_on(clock().date()) == stored  # cancelled, nothing half-saved
    qtbot.waitUntil(lambda: data_on_screen(window) == [])
    window.unlock()
    assert coach.isVisible()  # the coach view holds no journal data; it comes back
    coach.close()
