"""The main window (ui/main_window.py): its sections, views made when first shown, the
Log menu's questionnaires, Find, the notices' actions, showing and hiding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit

from aijournal.connection.notices import Notice
from aijournal.model import records as r
from aijournal.ui.sections import JOURNAL, SHOWS, VIEWS
from aijournal.ui.views.today import TodayView
from aijournal.ui.widgets.basics import find
from aijournal.wellbeing import instruments


@pytest.fixture
def window(qtbot, main_window):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


def menu_actions(window, menu_title: str) -> dict[str, QAction]:
    """The actions of a menu (and of its submenus) by their text, as a person reads them."""
    found: dict[str, QAction] = {}

    def walk(actions):
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif action.text():
                found[action.text()] = action

    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == menu_title]
    walk(menu.actions())
    return found


def test_the_sections_list_every_view_with_its_key(window):
    nav = window.nav
    assert [nav.item(i).text() for i in range(nav.count())] == [v.title for v in VIEWS]
    assert [nav.item(i).toolTip() for i in range(nav.count())] == [
        f"Ctrl+{n}" for n in range(1, len(VIEWS) + 1)
    ]
    assert set(SHOWS) == {view.title for view in VIEWS}  # every view redraws on its tables
    assert nav.currentItem().text() == "Today"
    assert isinstance(window.stack.currentWidget(), TodayView)
    assert window.key_status.text() == "Encrypted · key in the secret store"


def test_a_view_is_made_when_it_is_first_shown(window):
    from aijournal.ui.views.people import PeopleView

    index = VIEWS.index(PeopleView)
    assert not isinstance(window.stack.widget(index), PeopleView)
    window.nav.setCurrentRow(index)  # a click in the Sections list
    made = window.stack.currentWidget()
    assert isinstance(made, PeopleView) and window.stack.widget(index) is made
    window.show_view(0)
    window.show_view(index)
    assert window.stack.currentWidget() is made  # made once


def test_the_log_menu_offers_every_questionnaire(qtbot, window, journal):
    actions = menu_actions(window, "&Log")
    offered = {f"{one.short_name} · {one.name}" for one in instruments.instruments()}
    assert offered <= set(actions)
    assert {"Check in", "Log an AI use", "Log a touchpoint"} <= set(actions)
    assert actions["Check in"].shortcut().toString() == "Ctrl+K"

    ucla = instruments.instrument("ucla3")
    window.show_view(VIEWS.index(JOURNAL))  # from another view
    actions[f"{ucla.short_name} · {ucla.name}"].trigger()
    today = window.view(TodayView)
    assert window.stack.currentWidget() is today
    dialog = today.instrument_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog.windowTitle() == ucla.name
    dialog.reject()


def test_find_opens_the_journal_on_its_search(qtbot, window):
    window.view(TodayView).checkin_form.note.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentItem().text() == "Journal"
    search = find(window.stack.currentWidget(), QLineEdit, "Search")
    qtbot.waitUntil(search.hasFocus)


def test_a_planned_touchpoints_notice_opens_the_form_with_the_person(qtbot, window, journal):
    journal.add(r.Person(name="Dana", relationship="peer"))
    window.show_view(VIEWS.index(JOURNAL))
    window.open_notice(Notice("planned", "Touchpoint with Dana", "Today", "Log it", None, "Dana"))
    today = window.view(TodayView)
    assert window.stack.currentWidget() is today
    assert find(today.touch_form, QLineEdit, "Person").text() == "Dana"
    assert QApplication.focusWidget() is today.touch_form.first_input()

    window.open_notice(Notice("checkin", "Check in", "How was today?", "Check in"))
    assert today.checkin_form.isAncestorOf(QApplication.focusWidget())


def test_toggle_shown_hides_and_brings_back(qtbot, window):
    window.toggle_shown()
    assert not window.isVisible()
    window.toggle_shown()
    qtbot.waitExposed(window)
    assert window.isVisible()
