"""The AI-use form (forms/ai_use.py): tool suggestions, the pattern by digit, the next entry,
and edits that keep their time and a goal deleted since."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QWidget

from aijournal.model import records as r
from aijournal.model.patterns import PATTERNS
from aijournal.storage.entries import EntryFilter
from aijournal.ui.forms.ai_use import AIUseForm
from aijournal.ui.forms.kit import DEFAULT_TOOLS
from aijournal.ui.widgets.basics import find


@pytest.fixture
def form(show, journal):
    parents = []  # qtbot holds widgets weakly: the parents live as long as the test

    def made(record: r.AIUse | None = None) -> AIUseForm:
        parent = show(QWidget(), 900, 900)
        parents.append(parent)
        parent.activateWindow()
        made_form = AIUseForm(journal, parent, record=record)
        made_form.resize(900, 900)
        made_form.show()
        return made_form

    yield made


def ai_uses(journal) -> list[r.AIUse]:
    return journal.entries(EntryFilter(kinds=("ai-use",)))


def use(clock, tool: str = "Claude", **changes) -> r.AIUse:
    fields = dict(started_at=clock() - timedelta(hours=2), tool=tool, pattern="learning", minutes=5)
    return r.AIUse(**(fields | changes))


def test_tools_used_come_first_then_the_defaults_not_used(form, journal, clock):
    for tool in ("Perplexity", "claude", "Perplexity"):
        journal.add(use(clock, tool))
    shown = form()
    assert shown.tool_suggestions() == ["Perplexity", "claude", "ChatGPT", "Copilot", "Gemini"]
    assert set(DEFAULT_TOOLS) - {"Claude"} <= set(shown.tool_suggestions())


def test_a_digit_on_the_pattern_picks_it_in_the_order_shown(qtbot, form):
    shown = form()
    first = shown.pattern.buttons[PATTERNS[0].id]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_4)
    assert shown.pattern.value() == PATTERNS[3].id == "directive"
    assert QApplication.focusWidget() is shown.pattern.buttons["directive"]


def test_after_a_save_the_form_is_ready_for_the_next_one(qtbot, form, journal):
    shown = form()
    tool = find(shown, QComboBox, "Tool")
    tool.lineEdit().setFocus()
    qtbot.waitUntil(tool.lineEdit().hasFocus)
    qtbot.keyClicks(tool.lineEdit(), "Gemini")
    qtbot.mouseClick(shown.pattern.buttons["validation"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(find(shown, QLineEdit, "Minutes"), "10")
    shown.save()
    assert [(u.tool, u.pattern, u.minutes) for u in ai_uses(journal)] == [
        ("Gemini", "validation", 10)
    ]
    assert QApplication.focusWidget() is shown.first_input()
    assert tool.currentText() == "" and not shown.has_edits()


def test_an_edit_keeps_its_time_and_a_goal_deleted_since(qtbot, form, journal, clock):
    goal = journal.add(r.Goal(name="Ship reporting"))
    stored = journal.add(use(clock, goal_id=goal.id))
    journal.delete(goal)
    shown = form(stored)
    goals = find(shown, QComboBox, "Goal")
    assert goals.currentText() == "Ship reporting" and goals.currentData() == goal.id
    minutes = find(shown, QLineEdit, "Minutes")
    minutes.selectAll()
    qtbot.keyClicks(minutes, "50")
    clock.advance(hours=3)
    updated = shown.save()
    assert updated.id == stored.id and updated.minutes == 50
    assert updated.started_at == stored.started_at and updated.goal_id == goal.id
    assert shown.status.text() == "✓ AI use updated"
    assert find(shown, QLineEdit, "Minutes").text() == "50"  # an edit stays shown


def test_a_task_longer_than_allowed_is_refused_under_it(qtbot, form, journal):
    shown = form()
    find(shown, QLineEdit, "Task").setText("x" * 5000)
    qtbot.keyClicks(find(shown, QLineEdit, "Task"), "x")
    error = find(shown, QLabel, "Task error")
    assert error.isVisible() and error.text()
    assert not shown.save_button.isEnabled()
