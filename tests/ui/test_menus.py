"""The window's menus (ui/menus.py): the File and Log actions and their keys, each guarded by
the lock (greyed out and showing the lock screen while locked) but Quit, and the coach view."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from aijournal.ui import shortcuts
from aijournal.ui.views.coach import CoachWindow
from aijournal.wellbeing import instruments

FILE = [
    "Import AI history…",
    "Export summary…",
    "Coach view…",
    "Export journal…",
    "Import/merge journal…",
    "Quit",
]
LOG = ["Check in", "Log an AI use", "Log a touchpoint", "Take a questionnaire"]


@pytest.fixture
def window(main_window):
    return main_window


def entries(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if not a.isSeparator()]


def guarded(window) -> list[QAction]:
    """Every action of both menus (questionnaires too) but Quit."""
    found = []
    for menu in (window.menus.file, window.menus.log):
        for action in entries(menu):
            if action.menu() is not None:
                found += entries(action.menu())
            elif action.text() != "Quit":
                found.append(action)
    return found


def test_the_file_menu_in_order_with_its_keys(window):
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Log"]
    actions = {a.text(): a for a in entries(window.menus.file)}
    assert list(actions) == FILE
    assert actions["Import AI history…"].shortcut() == QKeySequence("Ctrl+I")
    assert actions["Export summary…"].shortcut() == QKeySequence("Ctrl+E")
    assert actions["Quit"].shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert actions["Coach view…"].shortcut().isEmpty()
    separators = [a.text() for a in window.menus.file.actions() if a.isSeparator()]
    assert len(separators) == 2  # summaries | the whole journal | quit


def test_the_log_menu_has_the_window_keys_and_every_questionnaire(window):
    actions = {a.text(): a for a in entries(window.menus.log)}
    assert list(actions) == LOG
    assert actions["Check in"].shortcut() == shortcuts.CHECK_IN
    assert actions["Log an AI use"].shortcut() == shortcuts.AI_USE
    assert actions["Log a touchpoint"].shortcut() == shortcuts.TOUCHPOINT
    questionnaires = actions["Take a questionnaire"].menu()
    assert [a.text() for a in questionnaires.actions()] == [
        f"{one.short_name} · {one.name}" for one in instruments.instruments()
    ]


def test_locking_greys_out_every_guarded_action_and_unlocking_brings_them_back(window):
    actions = guarded(window)
    assert len(actions) == len(FILE) - 1 + len(LOG) - 1 + len(instruments.instruments())
    assert all(a.isEnabled() for a in actions)
    window.lock()
    assert [a.text() for a in actions if a.isEnabled()] == []
    quit_action = next(a for a in entries(window.menus.file) if a.text() == "Quit")
    assert quit_action.isEnabled()  # the one way out that needs no unlock
    window.unlock()
    assert all(a.isEnabled() for a in actions)


def test_a_guarded_action_shows_the_lock_screen_instead_while_locked(qtbot, window):
    coach_action = next(a for a in entries(window.menus.file) if a.text() == "Coach view…")
    window.lock()
    coach_action.setEnabled(True)  # even if something enabled it, the gate still says no
    coach_action.trigger()
    assert window.menus.coach is None
    assert window.locked and window.screens.currentWidget() is window.lock_screen


def test_the_coach_view_opens_in_a_window_of_its_own(qtbot, window):
    coach_action = next(a for a in entries(window.menus.file) if a.text() == "Coach view…")
    coach_action.trigger()
    coach = window.menus.coach
    assert isinstance(coach, CoachWindow) and coach.isVisible()
    assert coach.parent() is None  # not inside the journal's window: it needs no journal
    window.lock()
    assert not coach.isVisible()  # hidden while locked
    window.unlock()
    assert coach.isVisible()


def test_quit_works_while_locked(qtbot, window):
    window.lock()
    quit_action = next(a for a in entries(window.menus.file) if a.text() == "Quit")
    quit_action.trigger()
    assert not window.isVisible()
    assert not window.notifier.timer.isActive()  # nothing reads the journal any more
