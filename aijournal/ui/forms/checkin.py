"""The daily check-in form."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from aijournal.model import records as r
from aijournal.storage.journal import Journal
from aijournal.ui.forms.entry_form import EntryForm
from aijournal.ui.forms.keys import RadioKeys
from aijournal.ui.forms.kit import AGREEMENT, ENERGY, ClickLabel, ScaleInput, parse_whole_number
from aijournal.wellbeing import instruments


class CheckinForm(EntryForm):
    """The daily check-in. On Today it shows the day's stored check-in; saving updates it."""

    noun_in_text = "check-in"
    record_type = r.Checkin
    stand_ins = {
        "burnout": ("burnout", 1),
        "connection": ("connection", 1),
        "safety": ("safety", None),
        "conversations": ("conversations", None),
        "energy": ("energy", None),
        "note": ("note", ""),
        "date": ("day", date.min),
    }

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        record: r.Checkin | None = None,
        day: date | None = None,
    ):
        super().__init__(journal, parent, record=record)
        self.day = record.day if record is not None else (day or journal.clock().date())
        self._advice_touched = False

        burnout_box = QWidget(self)
        burnout_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        grid = QGridLayout(burnout_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.burnout = QButtonGroup(self)
        self.burnout_buttons: list[QRadioButton] = []
        for value, text in enumerate(instruments.burnout_answer_texts(), 1):
            button = QRadioButton(burnout_box)
            button.setAccessibleName(text)
            grid.addWidget(button, value - 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(ClickLabel(text, button, burnout_box), value - 1, 1)
            self.burnout.addButton(button, value)
            self.burnout_buttons.append(button)
        self.burnout.idToggled.connect(lambda _id, on: on and self._edited("burnout"))
        self.burnout_keys = RadioKeys(self.burnout, digits=True)  # 1–5 answer, like the scales
        burnout_item = instruments.instrument("burnout")
        self._row(
            "Burnout",
            burnout_box,
            ["burnout"],
            span_label=True,
            hint=f"{burnout_item.items[0].text} (single-item burnout measure)",
        )
        self._field_widgets["burnout"] = self.burnout_buttons[0]

        self.connection = ScaleInput(AGREEMENT, optional=False, parent=self)
        self._row(
            "Connection",
            self.connection,
            ["connection"],
            journal_item=True,
            hint="Today I felt connected to the people I work with",
        )
        self._watch("connection", self.connection.changed)
        self.safety = ScaleInput(AGREEMENT, optional=True, parent=self)
        self._row(
            "Psychological safety",
            self.safety,
            ["safety"],
            journal_item=True,
            hint="Today I could ask for help or say 'I don't know' without worry",
        )
        self._watch("safety", self.safety.changed)
        self.energy = ScaleInput(ENERGY, optional=True, parent=self)
        self._row("Energy", self.energy, ["energy"], journal_item=True)
        self._watch("energy", self.energy.changed)
        self.conversations = QLineEdit(self)
        self.conversations.setPlaceholderText("e.g. 3")
        self.conversations.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 12) + 16)
        self._row(
            "Conversations",
            self.conversations,
            ["conversations"],
            journal_item=True,
            hint="Meaningful conversations with people today",
        )
        self._watch("conversations", self.conversations.textEdited)
        self.asked_advice = QCheckBox("Asked a person for advice today", self)
        self._row("Advice", self.asked_advice, [], journal_item=True)
        self.asked_advice.setAccessibleName("Asked a person for advice today")
        self.asked_advice.toggled.connect(self._advice_toggled)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Private; never leaves this computer unless you export it")
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self._row("Note", self.note, ["note"])
        self._watch("note", self.note.textChanged)
        self._set_tab_order(
            [
                *self.burnout_buttons,
                self.connection,
                self.safety,
                self.energy,
                self.conversations,
                self.asked_advice,
                self.note,
                self.save_button,
            ]
        )
        if record is not None:
            self.load(record)
        else:
            self.clear()

    def _advice_toggled(self) -> None:
        if not self._loading:
            self._advice_touched = True
        self._edited("asked_advice")

    def _values(self) -> dict[str, Any]:
        advice: bool | None = self.asked_advice.isChecked()
        if not self._advice_touched and self.original is not None and not advice:
            advice = self.original.asked_advice  # keep "not answered" apart from "no"
        return dict(
            day=self.day,
            burnout=self.burnout.checkedId() if self.burnout.checkedButton() else None,
            connection=self.connection.value(),
            safety=self.safety.value(),
            conversations=parse_whole_number("conversations", self.conversations.text()),
            asked_advice=advice,
            energy=self.energy.value(),
            note=self.note.toPlainText(),
        )

    def _store(self, record: r.Record) -> tuple[r.Record, str]:
        if self.editing:
            return self.journal.update(record), "Check-in updated"
        stored, created = self.journal.save_checkin(record)
        return stored, "Check-in saved" if created else "Check-in updated"

    def _after_save(self, stored: r.Record) -> None:
        self.load(stored)

    def _reset(self) -> None:
        self.burnout.setExclusive(False)
        for button in self.burnout_buttons:
            button.setChecked(False)
        self.burnout.setExclusive(True)
        for scale in (self.connection, self.safety, self.energy):
            scale.set_value(None)
        self.conversations.clear()
        self.asked_advice.setChecked(False)
        self._advice_touched = False
        self.note.clear()
        self.original = None
        self.save_button.setText(self._save_text())

    def _show_record(self, record: r.Record) -> None:
        assert isinstance(record, r.Checkin)
        self.day = record.day
        self.burnout.button(record.burnout).setChecked(True)
        self.connection.set_value(record.connection)
        self.safety.set_value(record.safety)
        self.energy.set_value(record.energy)
        self.conversations.setText(
            "" if record.conversations is None else str(record.conversations)
        )
        self.asked_advice.setChecked(bool(record.asked_advice))
        self._advice_touched = False
        self.note.setPlainText(record.note)
        self.save_button.setText(self._save_text() if self.editing else "Update check-in")

    def show_day(self, day: date) -> None:
        """Show the check-in of `day` if there is one, else an empty form for it."""
        existing = self.journal.checkin_on(day)
        if existing is not None:
            self.load(existing)
        else:
            self.day = day
            self.clear()
