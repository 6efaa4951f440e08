"""The AI-use form: tool, task, minutes and the five interaction patterns."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from aijournal.model import records as r
from aijournal.model.patterns import PATTERNS
from aijournal.storage.journal import Journal
from aijournal.ui.forms.entry_form import EntryForm
from aijournal.ui.forms.kit import (
    DEFAULT_TOOLS,
    OUTCOME,
    CommaCompleter,
    ScaleInput,
    _MomentField,
    _PatternChoice,
    name_completer,
    parse_whole_number,
    split_names,
)


class AIUseForm(EntryForm):
    """One session with an AI tool."""

    noun_in_text = "AI use"
    record_type = r.AIUse
    stand_ins = {
        "when": ("started_at", datetime(2000, 1, 1).astimezone()),
        "tool": ("tool", "tool"),
        "pattern": ("pattern", PATTERNS[0].id),
        "minutes": ("minutes", 0),
        "task": ("task", ""),
        "outcome": ("outcome", None),
        "note": ("note", ""),
        "skill": ("skills", ()),
    }

    def __init__(
        self, journal: Journal, parent: QWidget | None = None, *, record: r.AIUse | None = None
    ):
        super().__init__(journal, parent, record=record)
        self.tool = QComboBox(self)
        self.tool.setEditable(True)
        self.tool.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tool.lineEdit().setPlaceholderText("e.g. ChatGPT")
        self.tool.setMinimumContentsLength(14)
        self._row("Tool", self.tool, ["tool"])
        self._watch("tool", self.tool.editTextChanged)
        self.tool.lineEdit().setAccessibleName("Tool")
        self.task = QLineEdit(self)
        self.task.setPlaceholderText("What you worked on")
        self._row("Task", self.task, ["task"])
        self._watch("task", self.task.textEdited)
        self.pattern = _PatternChoice(self)
        self._row("Pattern", self.pattern, ["pattern"], hint="How did you work with the AI?")
        self.pattern.group.buttonToggled.connect(
            lambda _b, on: self._edited("pattern") if on else None
        )
        self._field_widgets["pattern"] = next(iter(self.pattern.buttons.values()))
        self.minutes = QLineEdit(self)
        self.minutes.setPlaceholderText("e.g. 20")
        self.minutes.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 12) + 16)
        self._row("Minutes", self.minutes, ["minutes"])
        self._watch("minutes", self.minutes.textEdited)
        self.replaced_person = QCheckBox("Replaced a person", self)
        self._row(
            "People",
            self.replaced_person,
            [],
            hint="This stood in for asking or working with a person",
        )
        self.replaced_person.setAccessibleName("Replaced a person")
        self._watch("replaced_person", self.replaced_person.toggled)
        self.goal = QComboBox(self)
        self._row("Goal", self.goal, ["goal"])
        self._watch("goal", self.goal.currentIndexChanged)
        self.skills = QLineEdit(self)
        self.skills.setPlaceholderText("Comma-separated, e.g. SQL, Python testing")
        self.skills_completer = CommaCompleter([], self.skills)
        self.skills.setCompleter(self.skills_completer)
        self._row("Skills", self.skills, ["skill"])
        self._watch("skill", self.skills.textChanged)
        self.outcome = ScaleInput(OUTCOME, optional=True, parent=self)
        self._row("Outcome", self.outcome, ["outcome"])
        self._watch("outcome", self.outcome.changed)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Private")
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self._row("Note", self.note, ["note"])
        self._watch("note", self.note.textChanged)
        self.when = _MomentField(journal.clock, self)
        self._row("When", self.when, ["when"])
        self._watch("when", self.when.dateTimeChanged)
        order = [
            self.tool,
            self.task,
            *self.pattern.buttons.values(),
            self.minutes,
            self.replaced_person,
            self.goal,
            self.skills,
            self.outcome,
            self.note,
            self.when,
            self.save_button,
        ]
        self._set_tab_order(order)
        self.tool_completer = name_completer([], self.tool)
        self.tool.setCompleter(self.tool_completer)
        self.refresh_suggestions()
        if record is not None:
            self.load(record)
        else:
            self.clear()

    def refresh_suggestions(self) -> None:
        text = self.tool.currentText()
        used = self.journal.tools()
        known = {t.casefold() for t in used}
        tools = used + [t for t in DEFAULT_TOOLS if t.casefold() not in known]
        self._loading, was_loading = True, self._loading
        try:
            self.tool.clear()
            self.tool.addItems(tools)
            self.tool.setCurrentIndex(-1)
            self.tool.setEditText(text)
            self.tool_completer.model().setStringList(tools)
            self.skills_completer.set_names(s.name for s in self.journal.skills())
            self._fill_goals()
        finally:
            self._loading = was_loading

    def tool_suggestions(self) -> list[str]:
        return [self.tool.itemText(i) for i in range(self.tool.count())]

    def _fill_goals(self) -> None:
        current = self.goal.currentData()
        goals = self.journal.goals()
        wanted = getattr(self.original, "goal_id", None)
        if wanted and all(g.id != wanted for g in goals):
            stored = self.journal.get(r.Goal, wanted, deleted=True)
            if stored is not None:
                goals.append(stored)
        self.goal.clear()
        self.goal.addItem("No goal", None)
        for goal in goals:
            self.goal.addItem(goal.name, goal.id)
        index = self.goal.findData(current)
        self.goal.setCurrentIndex(max(index, 0))

    def _values(self) -> dict[str, Any]:
        original = self.original if isinstance(self.original, r.AIUse) else None
        return dict(
            started_at=self.when.moment(original.started_at if original else None),
            tool=self.tool.currentText(),
            pattern=self.pattern.value(),
            minutes=parse_whole_number("minutes", self.minutes.text()),
            task=self.task.text().strip(),
            replaced_person=self.replaced_person.isChecked(),
            goal_id=self.goal.currentData(),
            skills=split_names(self.skills.text()),
            outcome=self.outcome.value(),
            note=self.note.toPlainText(),
        )

    def _store(self, record: r.Record) -> tuple[r.Record, str]:
        if self.editing:
            return self.journal.update(record), "AI use updated"
        return self.journal.add(record), "AI use saved"

    def _after_save(self, stored: r.Record) -> None:
        if not self.editing:
            self.clear(keep_confirmation=True)
            if self.isAncestorOf(QApplication.focusWidget()):
                self.focus_first()  # ready for the next one

    def _reset(self) -> None:
        self.original = None
        self.tool.setCurrentIndex(-1)
        self.tool.setEditText("")
        self.task.clear()
        self.pattern.set_value(None)
        self.minutes.clear()
        self.replaced_person.setChecked(False)
        self.goal.setCurrentIndex(0)
        self.skills.clear()
        self.outcome.set_value(None)
        self.note.clear()
        self.when.follow_clock()

    def _show_record(self, record: r.Record) -> None:
        assert isinstance(record, r.AIUse)
        self._fill_goals()
        self.tool.setEditText(record.tool)
        self.task.setText(record.task)
        self.pattern.set_value(record.pattern)
        self.minutes.setText(str(record.minutes))
        self.replaced_person.setChecked(record.replaced_person)
        self.goal.setCurrentIndex(max(self.goal.findData(record.goal_id), 0))
        self.skills.setText(", ".join(record.skills))
        self.outcome.set_value(record.outcome)
        self.note.setPlainText(record.note)
        self.when.show_moment(record.started_at)
