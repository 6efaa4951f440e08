"""`EntryFilters`: the Journal's filter row (search, kind, dates, tool, pattern, person, skill),
wrapping on a narrow window; it says when the filter changed and which filter it describes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from aijournal.model import records as r
from aijournal.model.patterns import PATTERNS
from aijournal.storage.entries import EntryFilter
from aijournal.storage.journal import Journal
from aijournal.ui.forms.kit import name_completer
from aijournal.ui.widgets.flow import FlowBox, field

KIND_CHOICES = (
    ("All kinds", None),
    ("AI uses", "ai-use"),
    ("Check-ins", "checkin"),
    ("Touchpoints", "touchpoint"),
    ("Assessments", "assessment"),
)
TYPING_PAUSE_MS = 200  # typed filters apply once the typing pauses


class EntryFilters(FlowBox):
    """The filter controls; `changed` fires when the filter they describe changed."""

    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.changed)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search notes, tasks and tools (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)
        self.addWidget(field("Search", self.search, self))
        self.search.textChanged.connect(lambda: self._typing.start())
        self.kind = QComboBox(self)
        for text, kind in KIND_CHOICES:
            self.kind.addItem(text, kind)
        self.addWidget(field("Kind", self.kind, self))
        self.kind.currentIndexChanged.connect(self._now)
        today = journal.clock().date()
        self.from_on, self.from_date = self._date_filter("From", today.replace(day=1))
        self.to_on, self.to_date = self._date_filter("To", today)
        self.tool = self._name_filter("Tool", "Any tool")
        self.pattern = QComboBox(self)
        self.pattern.addItem("Any pattern", None)
        for p in PATTERNS:
            self.pattern.addItem(f"{p.label} ({p.mode.value})", p.id)
        self.addWidget(field("Pattern", self.pattern, self))
        self.pattern.currentIndexChanged.connect(self._now)
        self.person = self._name_filter("Person", "Anyone")
        self.skill = self._name_filter("Skill", "Any skill")
        self.clear_button = QPushButton("Clear filters", self)
        self.clear_button.clicked.connect(self.clear)
        self.addWidget(self.clear_button)

    def _now(self) -> None:
        self._typing.stop()
        self.changed.emit()

    def _date_filter(self, label: str, start: date) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(label, self)
        check.setAccessibleName(label)
        edit = QDateEdit(QDate(start.year, start.month, start.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(f"{label} date")
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(self._now)
        edit.dateChanged.connect(lambda: check.isChecked() and self._typing.start())
        pair = QWidget(self)
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(check)
        row.addWidget(edit)
        self.addWidget(pair)
        return check, edit

    def _name_filter(self, label: str, placeholder: str) -> QComboBox:
        box = QComboBox(self)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.lineEdit().setPlaceholderText(placeholder)
        box.lineEdit().setClearButtonEnabled(True)
        box.setMinimumContentsLength(10)
        self.addWidget(field(label, box, self))
        box.lineEdit().setAccessibleName(label)
        box.editTextChanged.connect(lambda: self._typing.start())
        return box

    def fill_suggestions(self) -> None:
        """Tools, people and skills the journal knows, as choices (keeping what is typed)."""
        self._fill_names(self.tool, self.journal.tools())
        self._fill_names(self.person, [p.name for p in self.journal.people(archived=True)])
        self._fill_names(self.skill, [s.name for s in self.journal.skills()])

    @staticmethod
    def _fill_names(box: QComboBox, names: list[str]) -> None:
        text = box.currentText()
        box.blockSignals(True)
        box.clear()
        box.addItems(names)
        box.setCurrentIndex(-1)
        box.setEditText(text)
        box.setCompleter(name_completer(names, box))
        box.blockSignals(False)

    def current(self) -> EntryFilter:
        """The filter the controls describe."""
        kind = self.kind.currentData()

        def text(box: QComboBox | QLineEdit) -> str | None:
            value = box.currentText() if isinstance(box, QComboBox) else box.text()
            return " ".join(value.split()) or None

        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            return edit.date().toPython() if check.isChecked() else None

        return EntryFilter(
            kinds=(kind,) if kind else r.ENTRY_KINDS,
            start=day(self.from_on, self.from_date),
            end=day(self.to_on, self.to_date),
            tool=text(self.tool),
            pattern=self.pattern.currentData(),
            person=text(self.person),
            skill=text(self.skill),
            text=text(self.search),
        )

    def _controls(self) -> tuple[QWidget, ...]:
        return (
            self.kind,
            self.pattern,
            self.tool,
            self.person,
            self.skill,
            self.search,
            self.from_on,
            self.to_on,
            self.from_date,
            self.to_date,
        )

    def clear(self) -> None:
        """Every filter off; `changed` once."""
        self._set(lambda: None)

    def set_days(self, first: date, last: date) -> None:
        """Only the entries from `first` to `last`; `changed` once."""

        def days() -> None:
            for check, edit, day in (
                (self.from_on, self.from_date, first),
                (self.to_on, self.to_date, last),
            ):
                check.setChecked(True)
                edit.setEnabled(True)
                edit.setDate(QDate(day.year, day.month, day.day))

        self._set(days)

    def _set(self, then) -> None:
        for widget in self._controls():
            widget.blockSignals(True)
        self.kind.setCurrentIndex(0)
        self.pattern.setCurrentIndex(0)
        for box in (self.tool, self.person, self.skill):
            box.setEditText("")
        self.search.clear()
        for check, edit in ((self.from_on, self.from_date), (self.to_on, self.to_date)):
            check.setChecked(False)
            edit.setEnabled(False)
        then()
        for widget in self._controls():
            widget.blockSignals(False)
        self._now()
