"""Editing one stored entry in a dialog, with the same form Today uses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from aijournal.journaling import describe
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.presentation import score
from aijournal.storage.journal import Journal
from aijournal.ui.forms.ai_use import AIUseForm
from aijournal.ui.forms.checkin import CheckinForm
from aijournal.ui.forms.entry_form import EntryForm
from aijournal.ui.forms.touchpoint import TouchpointForm
from aijournal.ui.widgets.basics import as_slot, fit_to_screen, heading, no_tab_stop, screen_room
from aijournal.ui.widgets.cards import tone_label
from aijournal.wellbeing import instruments

FORMS: dict[type[r.Record], type[EntryForm]] = {
    r.Checkin: CheckinForm,
    r.AIUse: AIUseForm,
    r.Touchpoint: TouchpointForm,
}


class EntryDialog(QDialog):
    """Edit a stored entry with the same form as Today; assessments show read-only details."""

    def __init__(self, journal: Journal, record: r.Record, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal, self.record = journal, record
        self.stored: r.Record | None = None
        kind = describe.KIND_LABELS.get(record.record_kind, "Entry")
        self.setWindowTitle(f"{kind} · {describe.when(record)}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.addWidget(heading(f"{kind} — {describe.when(record)}"))
        self.form: EntryForm | None = None
        form_type = FORMS.get(type(record))
        if form_type is None:
            layout.addWidget(self._details(record))
            close = QPushButton("Close", self)
            close.clicked.connect(self.reject)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(close)
            layout.addLayout(row)
        else:
            self.form = form_type(journal, self, record=record)
            # A scroll area gives the wrapping labels the height they need at any width.
            scroll = QScrollArea(self)
            no_tab_stop(scroll)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(self.form)
            layout.addWidget(scroll, 1)
            cancel = QPushButton("Cancel", self)
            cancel.setAutoDefault(False)
            cancel.clicked.connect(self.reject)
            self.form._actions.insertWidget(1, cancel, 0, Qt.AlignmentFlag.AlignTop)
            QWidget.setTabOrder(self.form.save_button, cancel)
            self.form.saved.connect(self._saved)
            self.form.validate()
            QTimer.singleShot(0, self.form.focus_first)
        width = self.fontMetrics().averageCharWidth() * 105
        if self.form is not None:  # room for the form and a scroll bar beside it
            bar = scroll.verticalScrollBar().sizeHint().width()
            width = max(width, self.form.minimumSizeHint().width() + bar + 44)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(min(width, screen_room(self).width()))
        if self.form is not None:
            height = self.form.heightForWidth(width - 36) + heading("x").sizeHint().height() + 60
            fit_to_screen(self, width, max(height, self.sizeHint().height()), share=0.9)

    def _saved(self, stored: r.Record) -> None:
        self.stored = stored
        self.accept()

    def _details(self, record: r.Record) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        rows: list[tuple[str, str]] = []
        if isinstance(record, r.Assessment):
            try:
                inst = instruments.instrument(record.instrument)
                name, items, band = inst.name, inst.items, inst.band_named(record.band)
            except InvalidInput:
                name, items, band = record.instrument, (), None
            rows.append(("Instrument", name))
            rows.append(("Date", record.day.isoformat()))
            rows.append(("Score", "no score" if record.score is None else score(record.score)))
            if band:
                rows.append(("Band", band.label))
            for number, answer in enumerate(record.answers, 1):
                item = items[number - 1] if number <= len(items) else None
                text = item.text if item else f"Item {number}"
                chosen = (
                    "not answered"
                    if answer is None
                    else next(
                        (o.label for o in (item.options if item else ()) if o.value == answer),
                        str(answer),
                    )
                )
                rows.append((text, chosen))
        else:
            rows.append(("Summary", describe.title(record)))
        for row, (label, value) in enumerate(rows):
            key = tone_label(label, "muted", box)
            grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            shown = QLabel(value, box)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(shown, row, 1)
        return box


def open_entry(
    journal: Journal, record: r.Record, parent: QWidget, on_saved: Callable[[r.Record], None]
) -> EntryDialog:
    """Open the edit dialog (window-modal, not blocking); `on_saved` runs after a save."""
    dialog = EntryDialog(journal, record, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(as_slot(lambda: dialog.stored is not None and on_saved(dialog.stored)))
    dialog.open()
    return dialog
