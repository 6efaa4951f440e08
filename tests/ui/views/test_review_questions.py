"""The questions Review imports asks (ui/views/review_questions.py): pattern, goal, skills."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from aijournal.model import records as r
from aijournal.ui.views import review_questions as q


@pytest.fixture
def parent(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def use(suggested: str | None = "learning", pattern: str = "task-iteration") -> r.AIUse:
    return r.AIUse(
        started_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        tool="ChatGPT",
        pattern=pattern,
        minutes=20,
        to_review=True,
        suggested_pattern=suggested,
    )


def texts(dialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel) if label.text()]


def test_pattern_question_names_the_count_and_starts_on_the_common_suggestion(parent):
    answers = []
    dialog = q.ask_pattern(parent, [use(), use()], answers.append)
    assert dialog.windowTitle() == "Set pattern for 2 AI uses"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert "How did you work with the AI in these sessions?" in texts(dialog)
    assert dialog.ok.text() == "Set pattern" and dialog.ok.isEnabled()
    assert dialog.field.value() == "learning"
    dialog.field.buttons["task-iteration"].setChecked(True)
    dialog.ok.click()
    assert answers == ["task-iteration"]


def test_pattern_ok_waits_for_a_choice_when_the_suggestions_differ(qtbot, parent):
    answers = []
    dialog = q.ask_pattern(parent, [use("learning"), use(None, "task-iteration")], answers.append)
    assert dialog.windowTitle() == "Set pattern for 2 AI uses"
    assert dialog.field.value() == "" and not dialog.ok.isEnabled()
    qtbot.keyClick(dialog.field.keys.target(), Qt.Key.Key_2)  # the second pattern shown: Learning
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert answers == ["learning"]


def test_goal_question_hands_over_the_goal_id(parent):
    ship = r.Goal(name="Ship reporting")
    learn = r.Goal(name="Learn Rust")
    answers = []
    dialog = q.ask_goal(parent, [use()], [ship, learn], answers.append)
    assert dialog.windowTitle() == "Link 1 AI use to a goal"
    assert dialog.ok.text() == "Link goal" and dialog.ok.isEnabled()
    assert q.GOAL.intro in texts(dialog)
    assert dialog.field.accessibleName() == "Goal"
    dialog.field.setCurrentIndex(1)
    dialog.ok.click()
    assert answers == [learn.id]


def test_without_goals_there_is_no_ok_and_the_intro_says_why(parent):
    answers = []
    dialog = q.ask_goal(parent, [use(), use(), use()], [], answers.append)
    assert dialog.windowTitle() == "Link 3 AI uses to a goal"
    assert not dialog.ok.isEnabled()
    assert q.NO_GOALS in texts(dialog) and q.GOAL.intro not in texts(dialog)
    dialog.reject()
    assert answers == []


def test_skills_ok_only_once_a_name_is_typed(qtbot, parent):
    answers = []
    dialog = q.ask_skills(parent, [use()], ["SQL", "Python testing"], answers.append)
    assert dialog.windowTitle() == "Add skills to 1 AI use"
    assert dialog.ok.text() == "Add skills" and not dialog.ok.isEnabled()
    field = dialog.field
    qtbot.keyClicks(field, " , ")  # only separators: still no skill
    assert not dialog.ok.isEnabled()
    field.setText("SQL, Data modelling ,")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert answers == [("SQL", "Data modelling")]


def test_cancel_hands_nothing_over_and_the_dialog_goes(qtbot, parent):
    answers = []
    dialog = q.ask_pattern(parent, [use()], answers.append)
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.reject()
    assert answers == [] and not dialog.isVisible()


def test_as_slot_drops_the_arguments_and_the_return_value():
    calls = []
    slot = q.as_slot(lambda: calls.append("ran") or True)
    assert slot(1, "two") is None
    assert calls == ["ran"]
