"""Today's "On this day" card and reflection prompt, driven as a person would."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit

from aijournal.journaling import lookback
from aijournal.journaling.settings import Settings
from aijournal.model import records as r
from aijournal.ui.views.settings import SettingsView
from aijournal.ui.views.today import TodayView
from aijournal.ui.widgets.basics import find


@pytest.fixture
def looked_back(journal, clock):
    month = lookback.month_ago(clock().date())
    journal.save_checkin(r.Checkin(day=month, burnout=4, connection=2, note="Deadline week."))
    at = datetime(month.year, month.month, month.day, 14).astimezone()
    journal.add(r.Touchpoint(at=at, kind="advice-asked", person="Dana", note="Dana knew."))
    return journal


def test_the_card_shows_a_month_ago_and_hides_for_good(qtbot, show, looked_back):
    view = show(TodayView(looked_back), 1300, 900)
    card = view.on_this_day
    assert card.isVisible() and len(card.days) == 1
    text = card.days[0].text()
    assert "A month ago" in text and "burnout 4 · connection 2" in text
    assert "“Deadline week.”" in text and "Dana: Dana knew." in text
    assert "Asked for advice · with Dana" in card.days[0].toolTip()  # the whole day, on hover
    with qtbot.waitSignal(view.changed):
        qtbot.keyClick(card.hide_button, Qt.Key.Key_Space)
    assert not card.isVisible() and Settings(looked_back)["on_this_day"] is False
    again = show(TodayView(looked_back), 1300, 900)  # the next start: still hidden
    assert not again.on_this_day.isVisible()
    Settings(looked_back)["on_this_day"] = True
    again.refresh()
    assert again.on_this_day.isVisible()


def test_the_keyboard_reaches_hide_from_the_sections_list(qtbot, looked_back):
    from PySide6.QtWidgets import QApplication

    from aijournal.ui.main_window import MainWindow

    window = MainWindow(looked_back, use_tray=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    card = window.view(TodayView).on_this_day
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_F6)  # into the view, then Tab as the page reads
    form = window.view(TodayView).checkin_form
    for _ in range(10):  # a nudge's and due questionnaires' buttons come first
        if QApplication.focusWidget() is card.hide_button:
            break
        assert not form.isAncestorOf(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is card.hide_button
    qtbot.keyClick(card.hide_button, Qt.Key.Key_Tab)  # then the check-in, as the page reads
    assert form.isAncestorOf(QApplication.focusWidget())
    card.hide_button.setFocus()
    qtbot.keyClick(card.hide_button, Qt.Key.Key_Space)
    assert not card.isVisible() and Settings(looked_back)["on_this_day"] is False


def test_nothing_logged_then_no_card(show, journal):
    view = show(TodayView(journal), 1300, 900)
    assert not view.on_this_day.isVisible()


def test_the_prompt_of_the_day_is_the_notes_placeholder(show, journal, clock):
    view = show(TodayView(journal), 1300, 900)
    prompt = lookback.todays_prompt(journal, clock().date())
    assert prompt and view.checkin_form.note.placeholderText().startswith(prompt)
    assert prompt in view.checkin_form.note.accessibleDescription()
    Settings(journal)["reflection_prompt"] = False
    view.refresh()
    assert prompt not in view.checkin_form.note.placeholderText()


def test_settings_switch_both_and_edit_the_prompts(qtbot, show, journal, clock):
    view = show(SettingsView(journal), 1000, 700)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    find(view, QCheckBox, "On this day").click()
    assert Settings(journal)["on_this_day"] is False
    prompts = find(view, QPlainTextEdit, "Reflection prompts")
    assert prompts.toPlainText().splitlines() == list(lookback.default_prompts())
    prompts.setFocus()
    prompts.selectAll()
    qtbot.keyClicks(prompts, "Who made you smile?")
    qtbot.keyClick(prompts, Qt.Key.Key_Tab)  # Tab leaves the field, which saves it
    assert Settings(journal)["reflection_prompts"] == "Who made you smile?"
    assert lookback.todays_prompt(journal, clock().date()) == "Who made you smile?"
    prompts.setFocus()
    prompts.setPlainText("\n".join(lookback.default_prompts()))
    qtbot.keyClick(prompts, Qt.Key.Key_Tab)
    assert Settings(journal)["reflection_prompts"] == ""  # the built-in ones again
