"""The questions Review imports asks before confirming: which pattern, which goal, which skills.

Each is a small window-modal dialog with one input and an OK button that names the action;
OK hands the answer to `then` (the view's action, called again with it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.model import records as r
from aijournal.model.presentation import plural
from aijournal.sources.review import suggested
from aijournal.ui.forms.kit import CommaCompleter, _PatternChoice, split_names
from aijournal.ui.widgets.basics import as_slot, heading, muted


class ChoiceDialog(QDialog):
    """A small window-modal question: one input, an OK button that names the action."""

    def __init__(self, parent: QWidget, title: str, intro: str, field: QWidget, ok: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(title))
        if intro:
            layout.addWidget(muted(intro))
        layout.addWidget(field)
        self.field = field
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        self.ok = QPushButton(ok, self)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)


@dataclass(frozen=True)
class Wording:
    """A question's title ("{}" takes "3 AI uses"), its intro and its OK button."""

    title: str
    intro: str
    ok: str


PATTERN = Wording(
    "Set pattern for {}", "How did you work with the AI in these sessions?", "Set pattern"
)
GOAL = Wording("Link {} to a goal", "Each keeps its suggested pattern.", "Link goal")
NO_GOALS = "No goals yet: add one under Skills & goals first."
SKILLS = Wording(
    "Add skills to {}",
    "Skills you practised or learned in these sessions. Each keeps its suggested pattern.",
    "Add skills",
)


def ask_about(
    parent: QWidget,
    wording: Wording,
    count: int,
    field: QWidget,
    then: Callable[[Any], object],
    *,
    answer: Callable[[], Any],
    edited: SignalInstance | None = None,
) -> ChoiceDialog:
    """Ask about `count` AI uses (window-modal, deleted once closed). OK, allowed while
    `answer()` is something (looked at again on each `edited`), hands `answer()` to `then`."""
    title = wording.title.format(plural(count, "AI use"))
    dialog = ChoiceDialog(parent, title, wording.intro, field, wording.ok)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(as_slot(lambda: then(answer())))
    dialog.open()
    field.setFocus()
    dialog.ok.setEnabled(bool(answer()))
    if edited is not None:
        edited.connect(as_slot(lambda: dialog.ok.setEnabled(bool(answer()))))
    return dialog


def pattern_field(uses: Sequence[r.AIUse]) -> _PatternChoice:
    """The five patterns to choose from, the one all `uses` were suggested chosen already."""
    choice = _PatternChoice()
    common = {suggested(use) for use in uses}
    choice.set_value(common.pop() if len(common) == 1 else None)
    return choice


def goal_field(goals: Sequence[r.Goal]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName("Goal")
    for goal in goals:
        box.addItem(goal.name, goal.id)
    return box


def skills_field(known: Iterable[str]) -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName("Skills")
    field.setPlaceholderText("Comma-separated, e.g. SQL, Python testing")
    field.setCompleter(CommaCompleter(known, field))
    return field


def ask_pattern(
    parent: QWidget, uses: Sequence[r.AIUse], then: Callable[[str], object]
) -> ChoiceDialog:
    """Which pattern all `uses` get; OK once one is chosen."""
    choice = pattern_field(uses)
    edited = choice.group.buttonToggled
    return ask_about(parent, PATTERN, len(uses), choice, then, answer=choice.value, edited=edited)


def ask_goal(
    parent: QWidget,
    uses: Sequence[r.AIUse],
    goals: Sequence[r.Goal],
    then: Callable[[str], object],
) -> ChoiceDialog:
    """Which of `goals` to link `uses` to (the goal's id to `then`); no OK without goals."""
    box = goal_field(goals)
    wording = GOAL if goals else replace(GOAL, intro=NO_GOALS)
    return ask_about(parent, wording, len(uses), box, then, answer=box.currentData)


def ask_skills(
    parent: QWidget,
    uses: Sequence[r.AIUse],
    known: Iterable[str],
    then: Callable[[tuple[str, ...]], object],
) -> ChoiceDialog:
    """Which skills to add to `uses` (`known` ones suggested); OK once one is typed."""
    field = skills_field(known)
    answer, edited = (lambda: split_names(field.text())), field.textChanged
    return ask_about(parent, SKILLS, len(uses), field, then, answer=answer, edited=edited)
