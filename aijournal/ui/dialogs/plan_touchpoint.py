"""Planning a touchpoint from a nudge: whom, when, and a reminder on the day."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from aijournal.connection import nudges
from aijournal.model import records as r
from aijournal.model.errors import JournalError
from aijournal.storage import Journal
from aijournal.ui.widgets.basics import InlineError, labelled
from aijournal.ui.widgets.cards import card_heading, tone_label

ANYONE = "Anyone"


class PlanDialog(QDialog):
    """Pick a person (or anyone) and a day for the touchpoint a nudge suggests."""

    def __init__(
        self,
        journal: Journal,
        nudge: r.Nudge,
        person_id: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.journal, self.nudge = journal, nudge
        self.planned: r.Nudge | None = None
        self.setWindowTitle("Plan a touchpoint")
        layout = QVBoxLayout(self)
        layout.addWidget(card_heading("Plan a touchpoint", self))
        suggestion = QLabel(nudge.message, self)
        suggestion.setWordWrap(True)
        layout.addWidget(suggestion)
        form = QFormLayout()
        self.person = labelled(form, "Person", QComboBox(self))
        self.person.addItem(ANYONE, None)
        for person in journal.people():
            self.person.addItem(person.name, person.id)
        wanted = person_id or nudge.planned_person_id
        if wanted is not None and (index := self.person.findData(wanted)) >= 0:
            self.person.setCurrentIndex(index)
        today = journal.clock().date()
        planned = nudge.planned_day or today + timedelta(days=1)
        self.day = labelled(
            form, "Day", QDateEdit(QDate(planned.year, planned.month, planned.day), self)
        )
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd yyyy-MM-dd")
        self.day.setMinimumDate(QDate(today.year, today.month, today.day))
        layout.addLayout(form)
        layout.addWidget(
            tone_label(
                "AI Journal reminds you on that day; logging a touchpoint "
                "then marks this nudge done.",
                "muted",
                self,
                small=True,
            )
        )
        self.error = InlineError(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.plan_button = buttons.addButton("Plan", QDialogButtonBox.ButtonRole.AcceptRole)
        self.plan_button.setDefault(True)
        buttons.accepted.connect(self.plan)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def plan(self) -> None:
        try:
            self.planned = nudges.plan(
                self.journal, self.nudge.id, self.person.currentData(), self.day.date().toPython()
            )
        except JournalError as error:
            self.error.show_error(error)
            return
        self.accept()
