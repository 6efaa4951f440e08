"""The daily check-in form."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from aijournal.model import records as r
from aijournal.storage.journal import Journal
from aijournal.ui.forms.entry_form import EntryForm
from aijournal.ui.forms.keys import RadioKeys
from aijournal.ui.forms.kit import (
    AGREEMENT,
    ENERGY,
    ClickLabel,
    ScaleInput,
    YesNoInput,
    parse_whole_number,
)
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
        self.burnout.idToggled.connect(lambda _id, on: self._edited("burnout") if on else None)
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
        self._watch("note", self.note.textChanged)
        # The user's own factors follow the built-in items, then the note: rows from here on
        # are built again when the factors change.
        self._tail_row = self._rows.rowCount()
        self.factors: list[r.Factor] = []
        self.factor_inputs: dict[str, ScaleInput] = {}
        answered = record.factor_values if record is not None else {}
        self._build_tail(
            [f for f in journal.factors(archived=True) if not f.archived or f.id in answered]
        )
        if record is not None:
            self.load(record)
        else:
            self.clear()

    # ---- the user's own factors ----------------------------------------------------------

    def set_factors(self, factors: list[r.Factor]) -> None:
        """Show these factors (the active ones, in order); the form's values stay shown."""
        if [(f.id, f.name, f.kind, f.question) for f in factors] == [
            (f.id, f.name, f.kind, f.question) for f in self.factors
        ]:
            return
        shown = self.original
        self._remove_tail()
        self._build_tail(factors)
        if shown is not None:
            self.load(shown)
        else:
            self.clear()

    def refresh_suggestions(self) -> None:
        """The factors may have changed (added, renamed or archived in Settings)."""
        if self.editing or self.has_edits():
            return
        self.set_factors(self.journal.factors())

    def _build_tail(self, factors: list[r.Factor]) -> None:
        self.factors = list(factors)
        self.factor_inputs = {}
        for factor in self.factors:
            field = (
                YesNoInput(self)
                if factor.yes_no
                else ScaleInput(ENERGY, optional=True, parent=self)
            )
            self._row(factor.name, field, [factor.name], journal_item=True, hint=factor.question)
            self._watch(factor.name, field.changed)
            self.factor_inputs[factor.id] = field
        self._row("Note", self.note, ["note"])
        self._set_tab_order(
            [
                *self.burnout_buttons,
                self.connection,
                self.safety,
                self.energy,
                self.conversations,
                self.asked_advice,
                *self.factor_inputs.values(),
                self.note,
                self.save_button,
            ]
        )

    def _remove_tail(self) -> None:
        """Take out the factor rows and the note's row (the note itself stays)."""
        for index in reversed(range(self._rows.count())):
            if self._rows.getItemPosition(index)[0] >= self._tail_row:
                self._discard(self._rows.takeAt(index))
        for field in [f.name for f in self.factors] + ["note"]:
            for table in (self._errors, self._field_labels, self._field_widgets):
                table.pop(field, None)
        self._touched.difference_update(f.name for f in self.factors)

    def _discard(self, item: QLayoutItem) -> None:
        if (widget := item.widget()) is not None and widget is not self.note:
            widget.hide()
            widget.deleteLater()
        if (layout := item.layout()) is not None:
            while layout.count():
                self._discard(layout.takeAt(0))
            layout.deleteLater()

    def _factor_values(self) -> tuple[tuple[str, int], ...]:
        """The stored answers, with those of the factors shown as the form has them."""
        base = self.original if isinstance(self.original, r.Checkin) else None
        answers = base.factor_values if base else {}
        for factor_id, field in self.factor_inputs.items():
            value = field.value()
            if value is None:
                answers.pop(factor_id, None)
            else:
                answers[factor_id] = value
        return tuple(answers.items())

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
            factors=self._factor_values(),
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
        for field in self.factor_inputs.values():
            field.set_value(None)
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
        answers = record.factor_values
        for factor_id, field in self.factor_inputs.items():
            field.set_value(answers.get(factor_id))
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
