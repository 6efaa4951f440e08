"""People: the connection circle, who is overdue, and adding or archiving people."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QWidget

from aijournal.connection import circle
from aijournal.model.presentation import plural
from aijournal.model.records import RELATIONSHIPS, Person
from aijournal.storage import Journal
from aijournal.ui.widgets.basics import choose, combo, labelled, status_item
from aijournal.ui.widgets.record_panel import RecordPanel

NO_CADENCE = "No set rhythm"


def _days(n: int) -> str:
    return plural(n, "day")


class PeoplePanel(RecordPanel):
    columns = ("Name", "Relationship", "Every", "Last contact", "Days since", "Status")
    noun = "person"
    empty_text = "Nobody in your circle yet — add the people you want to stay in touch with."
    archivable = True
    intro = (
        "Last contact comes from your touchpoints. Someone is overdue once more days have "
        "passed than you want between conversations."
    )

    def records(self, archived: bool):
        rows = []
        for contact in circle.contacts(self.journal, archived=archived):
            person = contact.person
            if person.archived:
                status = status_item("Archived", "muted")
            elif contact.overdue:
                status = status_item(f"Overdue by {_days(contact.overdue_days)}", "warning")
            else:
                status = ""
            rows.append(
                (
                    person,
                    [
                        person.name,
                        person.relationship.capitalize(),
                        _days(person.cadence_days) if person.cadence_days else "—",
                        contact.last_contact.isoformat() if contact.last_contact else "Never",
                        str(contact.days_since) if contact.days_since is not None else "—",
                        status,
                    ],
                )
            )
        return rows

    def build_form(self, form: QFormLayout) -> None:
        self.name = labelled(form, "Name", QLineEdit())
        self.relationship = labelled(form, "Relationship", combo(RELATIONSHIPS))
        cadence = QSpinBox()
        cadence.setRange(0, 365)
        cadence.setSuffix(" days")
        cadence.setSpecialValueText(NO_CADENCE)
        self.cadence = labelled(
            form,
            "Stay in touch every",
            cadence,
            "How often you want to talk; the person shows as overdue after.",
        )

    def fill_form(self, person: Person | None) -> None:
        self.name.setText(person.name if person else "")
        choose(self.relationship, person.relationship if person else "peer")
        self.cadence.setValue((person.cadence_days or 0) if person else 14)

    def from_form(self, editing: Person | None) -> Person:
        values = {
            "name": self.name.text(),
            "relationship": self.relationship.currentData(),
            "cadence_days": self.cadence.value() or None,
        }
        return Person(**values) if editing is None else editing.touched(**values)


class PeopleView(PeoplePanel):
    """The people the user wants to stay in touch with, most overdue first."""

    title = "People"

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(journal, self.title, parent)
        self.refresh()
