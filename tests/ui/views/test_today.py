"""Today: the check-in, the quick AI-use and touchpoint forms, due instruments, today's list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QRadioButton

from aijournal.model import records as r
from aijournal.model.patterns import PATTERNS
from aijournal.storage.entries import EntryFilter
from aijournal.ui.forms.kit import ScaleInput
from aijournal.ui.views.today import EMPTY_TODAY, TodayView
from aijournal.ui.widgets.basics import find
from aijournal.wellbeing import instruments


@pytest.fixture
def view(show, journal):
    shown = show(TodayView(journal), 1300, 900)
    shown.activateWindow()
    return shown


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text: str) -> None:
    target = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    qtbot.keyClicks(target, text)


def ai_uses(journal) -> list[r.AIUse]:
    return journal.entries(EntryFilter(kinds=("ai-use",)))


def today_lines(view) -> list[str]:
    tree = view.entries
    return [
        " ".join(tree.topLevelItem(i).text(c) for c in range(3))
        for i in range(tree.topLevelItemCount())
    ]


# ---- check-in -----------------------------------------------------------------------------


def test_checkin_is_created_then_updated(qtbot, view, journal, clock):
    form = view.checkin_form
    burnout_texts = instruments.burnout_answer_texts()
    click(qtbot, find(form, QRadioButton, burnout_texts[1]))
    qtbot.keyClick(find(form, ScaleInput, "Connection"), Qt.Key.Key_4)
    qtbot.keyClick(find(form, ScaleInput, "Psychological safety"), Qt.Key.Key_5)
    qtbot.keyClick(find(form, ScaleInput, "Energy"), Qt.Key.Key_2)
    qtbot.keyClicks(find(form, QLineEdit, "Conversations"), "3")
    click(qtbot, find(form, QCheckBox, "Asked a person for advice today"))
    qtbot.keyClicks(form.note, "Good day")
    click(qtbot, find(form, QPushButton, "Save check-in"))

    first = journal.checkin_on(clock().date())
    assert (first.burnout, first.connection, first.safety, first.energy) == (2, 4, 5, 2)
    assert (first.conversations, first.asked_advice, first.note) == (3, True, "Good day")
    assert "Check-in saved" in form.status.text()
    # the day's record stays on screen, so the next save updates it
    assert find(form, ScaleInput, "Connection").value() == 4
    assert find(form, QRadioButton, burnout_texts[1]).isChecked()

    qtbot.keyClick(find(form, ScaleInput, "Connection"), Qt.Key.Key_Left)
    click(qtbot, find(form, QPushButton, "Update check-in"))
    second = journal.checkin_on(clock().date())
    assert second.id == first.id
    assert second.connection == 3 and second.burnout == 2
    assert journal.counts()["checkins"] == 1
    assert "Check-in updated" in form.status.text()
    assert any("Check-in" in line and "connection 3" in line for line in today_lines(view))


def test_checkin_with_negative_conversations_is_refused_inline(qtbot, view, journal, clock):
    form = view.checkin_form
    click(qtbot, find(form, QRadioButton, instruments.burnout_answer_texts()[0]))
    qtbot.keyClick(find(form, ScaleInput, "Connection"), Qt.Key.Key_3)
    save = find(form, QPushButton, "Save check-in")
    assert save.isEnabled()

    qtbot.keyClicks(find(form, QLineEdit, "Conversations"), "-1")
    error = find(form, QLabel, "Conversations error")
    assert error.isVisible()
    assert "conversations: -1 is not allowed" in error.text()
    assert not save.isEnabled()
    qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, save)
    assert journal.checkin_on(clock().date()) is None

    qtbot.keyClick(find(form, QLineEdit, "Conversations"), Qt.Key.Key_Backspace)
    qtbot.keyClick(find(form, QLineEdit, "Conversations"), Qt.Key.Key_Backspace)
    assert not error.isVisible()
    assert save.isEnabled()


def test_checkin_waits_for_burnout_and_connection(qtbot, view, journal, clock):
    form = view.checkin_form
    save = find(form, QPushButton, "Save check-in")
    assert not save.isEnabled()
    assert "Burnout" in form.status.text() and "Connection" in form.status.text()
    qtbot.keyClick(find(form, ScaleInput, "Connection"), Qt.Key.Key_3)
    assert not save.isEnabled()
    assert "Connection" not in form.status.text()


# ---- AI use -------------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_ai_use_with_each_pattern(qtbot, view, journal, pattern):
    form = view.ai_form
    assert "Perplexity" not in form.tool_suggestions()
    assert view.empty.isVisible() and view.empty.text() == EMPTY_TODAY
    type_into(qtbot, find(form, QComboBox, "Tool"), "Perplexity")
    qtbot.keyClicks(find(form, QLineEdit, "Task"), "Refactor a report query")
    click(qtbot, find(form, QRadioButton, pattern.label))
    qtbot.keyClicks(find(form, QLineEdit, "Minutes"), "25")
    click(qtbot, find(form, QCheckBox, "Replaced a person"))
    qtbot.keyClicks(find(form, QLineEdit, "Skills"), "SQL window functions, Python testing")
    click(qtbot, find(form, QPushButton, "Save AI use"))

    [stored] = ai_uses(journal)
    assert stored.pattern == pattern.id
    assert (stored.tool, stored.task, stored.minutes) == (
        "Perplexity",
        "Refactor a report query",
        25,
    )
    assert stored.replaced_person is True
    assert stored.skills == ("SQL window functions", "Python testing")
    assert {s.name for s in journal.skills()} == {"SQL window functions", "Python testing"}
    assert "AI use saved" in form.status.text()
    # the form is empty for the next one, and the tool is now a suggestion
    assert find(form, QComboBox, "Tool").currentText() == ""
    assert find(form, QLineEdit, "Minutes").text() == ""
    assert form.pattern.value() == ""
    assert "Perplexity" in form.tool_suggestions()
    assert not view.empty.isVisible()
    assert any("Perplexity" in line and pattern.label in line for line in today_lines(view))


def test_ai_use_shows_inline_errors_and_refuses_a_future_time(qtbot, view, journal, clock):
    form = view.ai_form
    save = find(form, QPushButton, "Save AI use")
    assert not save.isEnabled()
    assert "Tool" in form.status.text() and "Pattern" in form.status.text()
    type_into(qtbot, find(form, QComboBox, "Tool"), "Claude")
    click(qtbot, find(form, QRadioButton, "Learning"))
    qtbot.keyClicks(find(form, QLineEdit, "Minutes"), "2000")
    error = find(form, QLabel, "Minutes error")
    assert error.isVisible() and "0 to 1440" in error.text()
    assert not save.isEnabled()
    find(form, QLineEdit, "Minutes").clear()
    qtbot.keyClicks(find(form, QLineEdit, "Minutes"), "30")
    assert save.isEnabled()

    when = form.when
    when.setDateTime(when.dateTime().addSecs(3 * 3600))  # three hours from now
    assert find(form, QLabel, "When error").isVisible()
    assert not save.isEnabled()
    click(qtbot, save)
    assert ai_uses(journal) == []


def test_ctrl_enter_saves_and_escape_clears(qtbot, view, journal):
    form = view.ai_form
    type_into(qtbot, find(form, QComboBox, "Tool"), "Claude")
    click(qtbot, find(form, QRadioButton, "Validation"))
    minutes = find(form, QLineEdit, "Minutes")
    qtbot.keyClicks(minutes, "15")
    qtbot.keyClick(minutes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [stored] = ai_uses(journal)
    assert (stored.tool, stored.pattern, stored.minutes) == ("Claude", "validation", 15)

    task = find(form, QLineEdit, "Task")
    qtbot.keyClicks(task, "Something I will not log")
    type_into(qtbot, find(form, QComboBox, "Tool"), "Gemini")
    qtbot.keyClick(task, Qt.Key.Key_Escape)
    assert task.text() == ""
    assert find(form, QComboBox, "Tool").currentText() == ""
    assert len(ai_uses(journal)) == 1


def test_goal_is_stored_with_the_ai_use(qtbot, journal, view):
    goal = journal.add(r.Goal(name="Ship reporting"))
    view.refresh()
    form = view.ai_form
    type_into(qtbot, find(form, QComboBox, "Tool"), "Copilot")
    click(qtbot, find(form, QRadioButton, "Directive"))
    qtbot.keyClicks(find(form, QLineEdit, "Minutes"), "5")
    goals = find(form, QComboBox, "Goal")
    goals.setCurrentIndex(goals.findText("Ship reporting"))
    qtbot.keyClick(find(form, type(form.outcome), "Outcome"), Qt.Key.Key_4)
    click(qtbot, find(form, QPushButton, "Save AI use"))
    [stored] = ai_uses(journal)
    assert stored.goal_id == goal.id and stored.outcome == 4


# ---- touchpoint ---------------------------------------------------------------------------


def test_touchpoint_with_a_new_person_adds_them_to_the_circle(qtbot, view, journal):
    form = view.touch_form
    kind = find(form, QComboBox, "Kind")
    kind.lineEdit().selectAll()
    qtbot.keyClicks(kind.lineEdit(), "Pairing")
    person = find(form, QLineEdit, "Person")
    qtbot.keyClicks(person, "Dana")
    hint = find(form, QLabel, "New person")
    assert hint.isVisible()
    assert hint.text() == "New person: Dana will be added to your circle"
    qtbot.keyClicks(find(form, QLineEdit, "Minutes"), "45")
    qtbot.keyClick(find(form, ScaleInput, "Quality"), Qt.Key.Key_5)
    qtbot.keyClicks(find(form, QLineEdit, "Skills"), "Data pipelines")
    click(qtbot, find(form, QPushButton, "Save touchpoint"))

    [stored] = journal.entries(EntryFilter(kinds=("touchpoint",)))
    assert (stored.kind, stored.person, stored.minutes, stored.quality) == (
        "pairing",
        "Dana",
        45,
        5,
    )
    assert stored.skills == ("Data pipelines",)
    assert journal.person_named("Dana") is not None
    assert "Touchpoint saved" in form.status.text()
    assert person.text() == "" and not hint.isVisible()
    qtbot.keyClicks(person, "dana")  # known now: no hint
    assert not hint.isVisible()
    assert any("with Dana" in line for line in today_lines(view))


# ---- instruments --------------------------------------------------------------------------


def a_week_of_checkins(journal, clock) -> None:
    for days in range(1, 8):
        journal.add(r.Checkin(day=clock().date() - timedelta(days=days), burnout=2, connection=3))


def test_no_questionnaire_is_due_before_a_week_of_checkins(qtbot, view, journal, clock):
    assert view.due_instruments() == []
    assert not view.due_box.isVisible()  # a new user meets the check-in first
    a_week_of_checkins(journal, clock)
    view.refresh()
    assert sorted(view.due_instruments()) == ["cbi", "ucla3", "who5"]
    assert view.due_box.isVisible()


def test_a_questionnaire_started_early_follows_its_cadence(qtbot, view, journal, clock):
    dialog = view.open_instrument("ucla3")  # Log > Take a questionnaire, before the week is up
    qtbot.waitExposed(dialog)
    for item in instruments.instrument("ucla3").items:
        click(qtbot, find(dialog, QRadioButton, f"{item.text}: {item.options[0].label}"))
    click(qtbot, find(dialog, QPushButton, "Save"))
    assert view.due_instruments() == []
    clock.advance(days=7)  # UCLA-3 is weekly; the others still wait for check-ins
    view.refresh()
    assert view.due_instruments() == ["ucla3"]


def test_who5_card_appears_when_due_and_goes_after_taking_it(qtbot, view, journal, clock):
    a_week_of_checkins(journal, clock)
    view.refresh()
    assert "who5" in view.due_instruments()
    click(qtbot, find(view, QPushButton, "Take WHO-5 Well-Being Index"))
    dialog = view.instrument_dialog
    assert dialog is not None and dialog.isVisible()
    save = find(dialog, QPushButton, "Save")
    for item in instruments.instrument("who5").items:
        assert not save.isEnabled()
        click(qtbot, find(dialog, QRadioButton, f"{item.text}: At no time"))
    assert save.isEnabled()
    click(qtbot, save)

    assert journal.last_assessments()["who5"] == clock().date()
    [stored] = journal.entries(EntryFilter(kinds=("assessment",)))
    assert stored.score == 0 and stored.answers == (0, 0, 0, 0, 0)
    assert "consider talking" in dialog.message.text()
    assert "diagnos" not in dialog.message.text()
    assert "who5" not in view.due_instruments()
    with pytest.raises(LookupError):
        find(view, QPushButton, "Take WHO-5 Well-Being Index")
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: view.instrument_dialog is None)


def test_cbi_scores_from_four_answers_and_refuses_three(qtbot, view, journal):
    dialog = view.open_instrument("cbi")
    qtbot.waitExposed(dialog)
    cbi = instruments.instrument("cbi")
    save = find(dialog, QPushButton, "Save")
    for item in cbi.items[:3]:
        click(qtbot, find(dialog, QRadioButton, f"{item.text}: {item.options[1].label}"))
    assert not save.isEnabled()
    assert cbi.incomplete_message in dialog.status.text()
    dialog.save()
    assert journal.entries(EntryFilter(kinds=("assessment",))) == []

    item = cbi.items[3]
    click(qtbot, find(dialog, QRadioButton, f"{item.text}: {item.options[1].label}"))
    assert save.isEnabled()
    click(qtbot, save)
    [stored] = journal.entries(EntryFilter(kinds=("assessment",)))
    assert stored.instrument == "cbi" and stored.score == 75
    assert stored.answers == (2, 2, 2, 2, None, None, None)
    assert "75" in dialog.score_label.text()
    assert "cbi" not in view.due_instruments()
