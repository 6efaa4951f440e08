"""Skills & goals view: two lists a user adds to, renames, marks and archives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

from aijournal.ui.views.skills_goals import SkillsGoalsView
from aijournal.ui.widgets.basics import find


@pytest.fixture
def view(show, journal):
    return show(SkillsGoalsView(journal))


def column(panel, col: int = 0) -> list[str]:
    return [panel.table.item(row, col).text() for row in range(panel.table.rowCount())]


def type_into(qtbot, field, text: str) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def save(qtbot, field) -> None:
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_both_lists_start_empty_with_a_hint(view):
    assert view.skills.empty.isVisible() and view.goals.empty.isVisible()
    assert view.skills.empty.text().startswith("No skills yet")
    assert view.goals.empty.text().startswith("No goals yet")


def test_add_rename_and_mark_a_skill_niche(qtbot, view, journal):
    changes = []
    view.changed.connect(lambda: changes.append(1))
    name = find(view, QLineEdit, "Skill name")
    type_into(qtbot, name, "SQL window functions")
    save(qtbot, name)
    assert [(s.name, s.niche) for s in journal.skills()] == [("SQL window functions", False)]
    assert column(view.skills) == ["SQL window functions"]

    view.skills.table.selectRow(0)
    qtbot.mouseClick(find(view.skills, QPushButton, "Edit"), Qt.MouseButton.LeftButton)
    type_into(qtbot, name, "SQL windows")
    find(view, QCheckBox, "Niche skill").click()
    save(qtbot, name)
    assert [(s.name, s.niche) for s in journal.skills()] == [("SQL windows", True)]
    assert column(view.skills, 1) == ["Niche"]

    view.skills.table.selectRow(0)
    qtbot.mouseClick(find(view.skills, QPushButton, "Not niche"), Qt.MouseButton.LeftButton)
    assert [s.niche for s in journal.skills()] == [False]
    assert column(view.skills, 1) == [""]
    assert len(changes) == 3


def test_add_a_goal_with_kind_and_target_date_then_archive_it(qtbot, view, journal):
    name = find(view, QLineEdit, "Goal name")
    type_into(qtbot, name, "Ship reporting")
    qtbot.keyClicks(find(view, QComboBox, "Kind"), "Organisation")
    target = find(view, QLineEdit, "Target date")
    type_into(qtbot, target, "2027-02-30")
    save(qtbot, target)
    assert view.goals.error.text().startswith("Target date: '2027-02-30' is not allowed")
    assert journal.goals() == []

    type_into(qtbot, target, "2027-03-01")
    save(qtbot, target)
    [goal] = journal.goals()
    assert (goal.name, goal.kind, str(goal.target_date)) == (
        "Ship reporting",
        "organisation",
        "2027-03-01",
    )
    assert column(view.goals, 2) == ["2027-03-01"]

    view.goals.table.selectRow(0)
    qtbot.mouseClick(find(view.goals, QPushButton, "Edit"), Qt.MouseButton.LeftButton)
    type_into(qtbot, name, "Ship Q1 reporting")
    save(qtbot, name)
    assert [g.name for g in journal.goals()] == ["Ship Q1 reporting"]

    view.goals.table.selectRow(0)
    qtbot.mouseClick(find(view.goals, QPushButton, "Archive"), Qt.MouseButton.LeftButton)
    assert journal.goals() == []
    assert view.goals.empty.isVisible()
    view.goals.show_archived.click()
    assert column(view.goals, 3) == ["Archived"]
