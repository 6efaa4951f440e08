"""The touchpoint form: a human interaction worth remembering."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from aijournal.journaling import capture, describe
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage.journal import Journal
from aijournal.ui.forms.entry_form import EntryForm
from aijournal.ui.forms.kit import (
    QUALITY,
    CommaCompleter,
    ScaleInput,
    _MomentField,
    name_completer,
    parse_whole_number,
    split_names,
)
from aijournal.ui.widgets.cards import tone_label

DEFAULT_KIND = r.TOUCHPOINT_KINDS[0]


def kind_named(text: str) -> str:
    """The touchpoint kind a typed label names: exactly, or the one label containing it;
    nothing typed is the default kind the empty field shows."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return DEFAULT_KIND
    labels = describe.TOUCHPOINT_LABELS
    exact = [kind for kind, label in labels.items() if wanted in (label.casefold(), kind)]
    found = exact or [kind for kind, label in labels.items() if wanted in label.casefold()]
    if len(found) != 1:
        raise InvalidInput("kind", text, "choose one of the kinds in the list")
    return found[0]


class TouchpointForm(EntryForm):
    """A human interaction worth remembering; a new person joins the circle."""

    noun_in_text = "touchpoint"
    record_type = r.Touchpoint
    stand_ins = {
        "when": ("at", datetime(2000, 1, 1).astimezone()),
        "person": ("person", None),
        "minutes": ("minutes", None),
        "quality": ("quality", None),
        "note": ("note", ""),
        "skill": ("skills", ()),
    }

    def __init__(
        self, journal: Journal, parent: QWidget | None = None, *, record: r.Touchpoint | None = None
    ):
        super().__init__(journal, parent, record=record)
        self._known_people: set[str] = set()
        # Typed like the tool: a few letters of any word ("adv"), Tab takes the suggestion.
        self.kind = QComboBox(self)
        self.kind.setEditable(True)
        self.kind.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for kind in r.TOUCHPOINT_KINDS:
            self.kind.addItem(describe.TOUCHPOINT_LABELS[kind], kind)
        self.kind.setCompleter(name_completer(describe.TOUCHPOINT_LABELS.values(), self.kind))
        self._row("Kind", self.kind, ["kind"])
        self.kind.lineEdit().setAccessibleName("Kind")
        self.kind.lineEdit().setPlaceholderText(describe.TOUCHPOINT_LABELS[DEFAULT_KIND])
        self._watch("kind", self.kind.editTextChanged)
        self.person = QLineEdit(self)
        self.person.setPlaceholderText("Who? (optional)")
        self.person_completer = name_completer([], self.person)
        self.person.setCompleter(self.person_completer)
        self._row("Person", self.person, ["person"])
        self._watch("person", self.person.textChanged)
        self.new_person = tone_label("", "muted", self, small=True)
        self.new_person.setAccessibleName("New person")
        self.new_person.hide()
        self._place_under(self.person, self.new_person)
        self.person.textChanged.connect(self._show_new_person)
        self.minutes = QLineEdit(self)
        self.minutes.setPlaceholderText("optional")
        self.minutes.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 12) + 16)
        self._row("Minutes", self.minutes, ["minutes"])
        self._watch("minutes", self.minutes.textEdited)
        self.quality = ScaleInput(QUALITY, optional=True, parent=self)
        self._row("Quality", self.quality, ["quality"])
        self._watch("quality", self.quality.changed)
        self.skills = QLineEdit(self)
        self.skills.setPlaceholderText("Comma-separated, e.g. Client communication")
        self.skills_completer = CommaCompleter([], self.skills)
        self.skills.setCompleter(self.skills_completer)
        self._row("Skills", self.skills, ["skill"])
        self._watch("skill", self.skills.textChanged)
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
            self.kind,
            self.person,
            self.minutes,
            self.quality,
            self.skills,
            self.note,
            self.when,
            self.save_button,
        ]
        self._set_tab_order(order)
        self.refresh_suggestions()
        if record is not None:
            self.load(record)
        else:
            self.clear()

    def _place_under(self, widget: QWidget, extra: QWidget) -> None:
        error = self._errors["person"]
        for row in range(self._rows.rowCount()):
            item = self._rows.itemAtPosition(row, 1)
            layout = item.layout() if item is not None else None
            if layout is not None and layout.indexOf(error) >= 0:
                layout.insertWidget(layout.indexOf(error), extra)
                return

    def refresh_suggestions(self) -> None:
        people = self.journal.people(archived=True)
        self._known_people = {p.name.casefold() for p in people}
        self.person_completer.model().setStringList([p.name for p in people if not p.archived])
        self.skills_completer.set_names(s.name for s in self.journal.skills())
        self._show_new_person()

    def _show_new_person(self) -> None:
        name = " ".join(self.person.text().split())
        original = getattr(self.original, "person", None) or ""
        if (
            name
            and name.casefold() not in self._known_people
            and name.casefold() != original.casefold()
        ):
            self.new_person.setText(f"New person: {name} will be added to your circle")
            self.new_person.show()
        else:
            self.new_person.clear()
            self.new_person.hide()

    def _values(self) -> dict[str, Any]:
        original = self.original if isinstance(self.original, r.Touchpoint) else None
        person = " ".join(self.person.text().split()) or None
        return dict(
            at=self.when.moment(original.at if original else None),
            kind=kind_named(self.kind.currentText()),
            person=person,
            minutes=parse_whole_number("minutes", self.minutes.text()),
            quality=self.quality.value(),
            skills=split_names(self.skills.text()),
            note=self.note.toPlainText(),
        )

    def _store(self, record: r.Record) -> tuple[r.Record, str]:
        assert isinstance(record, r.Touchpoint)
        logged = capture.save_touchpoint(self.journal, record, editing=self.editing)
        message = "Touchpoint updated" if self.editing else "Touchpoint saved"
        return logged.touchpoint, " · ".join(filter(None, [message, logged.plans_text()]))

    def _after_save(self, stored: r.Record) -> None:
        if not self.editing:
            self.clear(keep_confirmation=True)
            if self.isAncestorOf(QApplication.focusWidget()):
                self.focus_first()  # ready for the next one
        self.refresh_suggestions()

    def _reset(self) -> None:
        self.original = None
        self.kind.setCurrentIndex(-1)  # empty, showing the default: typing needs no erasing
        self.kind.setEditText("")
        self.person.clear()
        self.minutes.clear()
        self.quality.set_value(None)
        self.skills.clear()
        self.note.clear()
        self.when.follow_clock()

    def _show_record(self, record: r.Record) -> None:
        assert isinstance(record, r.Touchpoint)
        self.kind.setCurrentIndex(max(self.kind.findData(record.kind), 0))
        self.person.setText(record.person or "")
        self.minutes.setText("" if record.minutes is None else str(record.minutes))
        self.quality.set_value(record.quality)
        self.skills.setText(", ".join(record.skills))
        self.note.setPlainText(record.note)
        self.when.show_moment(record.at)
