"""Settings → Your check-in factors: add a yes/no or 1–5 item, rename it, archive it.

A thin caller of aijournal/journaling/factors.py, the same use case as `aijournal factor`.
Choosing a factor in the list puts it in the fields to edit; its kind stays, as its answers
were given in it. Archiving takes it off the check-in and keeps every answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from aijournal.journaling import factors
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError
from aijournal.storage import Journal
from aijournal.ui.widgets.basics import InlineError, Notice, choose, form_keys, labelled, muted

INTRO = (
    "Your own yes/no or 1–5 items in the daily check-in (\u201cslept well\u201d, "
    "\u201cfocus time\u201d). They show in Trends, and Insights tests them with its other "
    "questions, under the same correction."
)


class FactorsBox(QGroupBox):
    """The factors, a form to add or edit one, and Archive/Unarchive."""

    changed = Signal()

    def __init__(self, journal: Journal):
        super().__init__("Your check-in factors")
        self.journal = journal
        self.editing: r.Factor | None = None
        column = QVBoxLayout(self)
        column.addWidget(muted(INTRO))
        self.listing = QListWidget()
        self.listing.setAccessibleName("Factors")
        self.listing.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.listing.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole line as a tip
        self.listing.currentItemChanged.connect(self._picked)
        column.addWidget(self.listing)
        form = QFormLayout()
        self.name = labelled(form, "Factor name", QLineEdit())
        self.name.setPlaceholderText("e.g. Slept well")
        self.kind = labelled(form, "Factor kind", QComboBox())
        for kind in r.FACTOR_KINDS:
            self.kind.addItem(factors.KIND_WORDS[kind], kind)
        self.question = labelled(form, "Question (optional)", QLineEdit())
        self.question.setPlaceholderText("e.g. Did you sleep well last night?")
        column.addLayout(form)
        self.error = InlineError()
        self.error.setAccessibleName("Factor error")
        column.addWidget(self.error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Add factor")
        self.save_button.clicked.connect(self.save)
        self.archive_button = QPushButton("Archive")
        self.archive_button.setToolTip("Take it off the check-in; its answers stay")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.new_button = QPushButton("New factor")
        self.new_button.clicked.connect(self.start_new)
        for button in (self.save_button, self.archive_button, self.new_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.notice = Notice()
        buttons.addWidget(self.notice)
        column.addLayout(buttons)
        form_keys(self, self.save, self.start_new)
        self.refresh()

    def refresh(self) -> None:
        """List the factors again, keeping the one being edited chosen."""
        keep = self.editing.id if self.editing else None
        self.listing.blockSignals(True)
        self.listing.clear()
        for factor in self.journal.factors(archived=True):
            item = QListWidgetItem(_line(factor))
            item.setToolTip(_line(factor))
            item.setData(Qt.ItemDataRole.UserRole, factor.id)
            self.listing.addItem(item)
            if factor.id == keep:
                self.listing.setCurrentItem(item)
        self.listing.blockSignals(False)
        self._show(self.journal.get(r.Factor, keep) if keep else None)

    def _picked(self, item: QListWidgetItem | None) -> None:
        found = (
            self.journal.get(r.Factor, item.data(Qt.ItemDataRole.UserRole))
            if item is not None
            else None
        )
        self._show(found)

    def _show(self, factor: r.Factor | None) -> None:
        self.editing = factor
        self.error.clear()
        self.name.setText(factor.name if factor else "")
        self.question.setText(factor.question if factor else "")
        choose(self.kind, factor.kind if factor else r.FACTOR_KINDS[0])
        self.kind.setEnabled(factor is None)  # its answers were given in its kind
        self.kind.setToolTip("" if factor is None else "A factor keeps its kind: add a new one")
        self.save_button.setText("Save factor" if factor else "Add factor")
        self.archive_button.setEnabled(factor is not None)
        self.archive_button.setText("Unarchive" if factor and factor.archived else "Archive")

    def start_new(self) -> None:
        self.listing.setCurrentItem(None)
        self._show(None)
        self.name.setFocus()

    def save(self) -> r.Factor | None:
        """Add the factor in the fields, or save the edits of the chosen one."""
        name, question = self.name.text(), self.question.text()
        try:
            if self.editing is None:
                stored = factors.add(self.journal, name, self.kind.currentData(), question)
                said = f"Added {stored.name} to the check-in."
            else:
                stored = factors.edit(self.journal, self.editing, name=name, question=question)
                said = "Saved."
        except (InvalidInput, JournalError) as error:
            self.error.show_error(error)
            return None
        self.editing = stored
        self.refresh()
        self.notice.say(said)
        self.changed.emit()
        return stored

    def toggle_archived(self) -> None:
        if self.editing is None:
            return
        archived = not self.editing.archived
        self.editing = factors.set_archived(self.journal, self.editing, archived)
        self.refresh()
        self.notice.say("Archived: its answers stay." if archived else "Back in the check-in.")
        self.changed.emit()


def _line(factor: r.Factor) -> str:
    parts = [factor.name, factors.KIND_WORDS[factor.kind]]
    if factor.question:
        parts.append(factor.question)
    return " · ".join(parts) + (" (archived)" if factor.archived else "")
