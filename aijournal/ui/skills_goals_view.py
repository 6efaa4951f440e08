"""Skills and goals: the two lists a freelancer keeps, side by side."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from aijournal.errors import InvalidInput
from aijournal.records import GOAL_KINDS, Goal, Skill, parse_day
from aijournal.storage import Journal
from aijournal.ui.widgets import RecordPanel, choose, combo, labelled, status_item


class SkillsPanel(RecordPanel):
    columns = ("Skill", "Niche")
    noun = "skill"
    empty_text = "No skills yet — add what you are learning, with AI or from people."
    intro = "A niche skill is one that sets your work apart."

    def records(self, archived: bool):
        return [(skill, [skill.name, "Niche" if skill.niche else ""])
                for skill in self.journal.skills()]

    def build_form(self, form: QFormLayout) -> None:
        self.name = labelled(form, "Skill name", QLineEdit())
        self.niche = labelled(form, "Niche skill", QCheckBox())

    def fill_form(self, skill: Skill | None) -> None:
        self.name.setText(skill.name if skill else "")
        self.niche.setChecked(bool(skill and skill.niche))

    def from_form(self, editing: Skill | None) -> Skill:
        values = {"name": self.name.text(), "niche": self.niche.isChecked()}
        skill = Skill(**values) if editing is None else editing.touched(**values)
        same = self.journal.skill_named(skill.name)
        if same is not None and same.id != skill.id:
            raise InvalidInput("skill", skill.name, "that skill is already in the list")
        return skill

    def toggle_text(self, skill: Skill | None) -> str:
        return "Not niche" if skill is not None and skill.niche else "Mark niche"

    def toggled(self, skill: Skill) -> Skill:
        return skill.touched(niche=not skill.niche)

    def toggle_notice(self, skill: Skill) -> str:
        return f"{skill.name} is {'now' if skill.niche else 'no longer'} a niche skill."


class GoalsPanel(RecordPanel):
    columns = ("Goal", "Kind", "Target date", "Status")
    noun = "goal"
    empty_text = "No goals yet — add your own, a client's or your organisation's."
    intro = "AI uses can link to a goal, so you see how much AI time serves it."
    archivable = True

    def records(self, archived: bool):
        return [(goal, [goal.name, goal.kind.capitalize(),
                        goal.target_date.isoformat() if goal.target_date else "—",
                        status_item("Archived", "muted") if goal.archived else ""])
                for goal in self.journal.goals(archived=archived)]

    def build_form(self, form: QFormLayout) -> None:
        self.name = labelled(form, "Goal name", QLineEdit())
        self.kind = labelled(form, "Kind", combo(GOAL_KINDS))
        target = QLineEdit()
        target.setPlaceholderText("YYYY-MM-DD, optional")
        self.target = labelled(form, "Target date", target)

    def fill_form(self, goal: Goal | None) -> None:
        self.name.setText(goal.name if goal else "")
        choose(self.kind, goal.kind if goal else "personal")
        self.target.setText(goal.target_date.isoformat() if goal and goal.target_date else "")

    def from_form(self, editing: Goal | None) -> Goal:
        text = self.target.text().strip()
        values = {"name": self.name.text(), "kind": self.kind.currentData(),
                  "target_date": parse_day("target date", text) if text else None}
        return Goal(**values) if editing is None else editing.touched(**values)


class SkillsGoalsView(QWidget):
    """Skills on the left, goals on the right; each with its own form."""

    title = "Skills & goals"
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        self.skills = SkillsPanel(journal, "Skills", self)
        self.goals = GoalsPanel(journal, "Goals", self)
        for panel in (self.skills, self.goals):
            layout.addWidget(panel, 1)
            panel.changed.connect(self.changed)
        self.refresh()

    def refresh(self) -> None:
        self.skills.refresh()
        self.goals.refresh()
