"""The tray icon: its quick actions in order, a left click opens the window, the context-menu
click does not, and the icon and menu go with the window they belong to."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from aijournal.ui.tray import Tray, tray_available

Reason = QSystemTrayIcon.ActivationReason


@pytest.fixture
def window(qtbot):
    made = QWidget()
    qtbot.addWidget(made)
    return made


@pytest.fixture
def calls():
    return []


@pytest.fixture
def tray(window, calls):
    return Tray(
        window,
        [
            ("Check in now", lambda: calls.append("check-in")),
            ("Log a touchpoint", lambda: calls.append("touchpoint")),
        ],
        on_click=lambda: calls.append("open"),
    )


def test_the_quick_actions_are_the_menu_in_order_and_call_their_slot(tray, calls):
    actions = tray.contextMenu().actions()
    assert [a.text() for a in actions] == ["Check in now", "Log a touchpoint"]
    actions[1].trigger()
    actions[0].trigger()
    assert calls == ["touchpoint", "check-in"]


def test_only_a_plain_click_opens_the_window(tray, calls):
    for reason in (Reason.Context, Reason.DoubleClick, Reason.MiddleClick, Reason.Unknown):
        tray.activated.emit(reason)
    assert calls == []
    tray.activated.emit(Reason.Trigger)
    assert calls == ["open"]


def test_it_is_named_and_shows_the_app_icon(tray):
    assert tray.toolTip() == "AI Journal"
    assert not tray.icon().isNull()
    assert not tray.isVisible()  # shown by the main window when a tray is there


def test_the_tray_and_its_menu_belong_to_the_window(tray, window):
    assert tray.parent() is window and tray.contextMenu().parent() is window
    assert tray_available() is QSystemTrayIcon.isSystemTrayAvailable()
    assert isinstance(tray_available(), bool)
