"""`RecordPanel`: a list of named records with an add form and archive, for People and Goals."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aijournal.model.errors import JournalError
from aijournal.storage import Journal
from aijournal.ui.widgets.basics import (
    InlineError,
    Notice,
    Record,
    fill_row,
    form_keys,
    heading,
    muted,
    table,
)


class RecordPanel(QWidget):
    """A table of one kind of record with an add/edit form under it.

    Subclasses say which rows there are, how a row reads, which fields the form has and how a
    record is built from them; the panel does the rest the same way everywhere: selection,
    edit, one toggle action (archive, niche…), empty state, inline errors and keys.
    """

    changed = Signal()
    columns: tuple[str, ...] = ()
    noun = "entry"
    empty_text = ""
    intro = ""
    archivable = False

    def __init__(self, journal: Journal, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.editing: Record | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(title))
        if self.intro:
            layout.addWidget(muted(self.intro))

        bar = QHBoxLayout()
        self.edit_button = QPushButton("Edit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button = QPushButton(self.toggle_text(None))
        self.toggle_button.clicked.connect(self.toggle_selected)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.toggle_button)
        bar.addStretch(1)
        self.show_archived = QCheckBox("Show archived")
        self.show_archived.setVisible(self.archivable)
        self.show_archived.toggled.connect(self.refresh)
        bar.addWidget(self.show_archived)
        layout.addLayout(bar)

        self.table = table(self.columns, title)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _: self.edit_selected())
        self.empty = muted(self.empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rows = QStackedWidget()
        self.rows.addWidget(self.table)
        self.rows.addWidget(self.empty)
        layout.addWidget(self.rows, 1)

        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        self.build_form(form)
        self.error = InlineError()
        form.addRow(self.error)
        buttons = QHBoxLayout()
        self.notice = Notice()
        buttons.addWidget(self.notice, 1)
        clear = QPushButton("Clear")
        clear.setToolTip("Escape")
        clear.clicked.connect(self.clear_form)
        self.save_button = QPushButton()
        self.save_button.setToolTip("Ctrl+Enter")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(clear)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        form_keys(self.form_box, self.save, self.clear_form)
        layout.addWidget(self.form_box)
        self.clear_form()

    # ---- what subclasses say ------------------------------------------------------------

    def records(self, archived: bool) -> list[tuple[Record, list[str | QTableWidgetItem]]]:
        """Each record to list with the cells of its row."""
        raise NotImplementedError

    def build_form(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def fill_form(self, record: Record | None) -> None:
        """Show `record` in the form, or empty it for a new one."""
        raise NotImplementedError

    def from_form(self, editing: Record | None) -> Record:
        """The record the form describes (a changed copy of `editing`); InvalidInput if not."""
        raise NotImplementedError

    def toggle_text(self, record: Record | None) -> str:
        return "Unarchive" if record is not None and record.archived else "Archive"

    def toggled(self, record: Record) -> Record:
        return replace(record, archived=not record.archived)

    def toggle_notice(self, record: Record) -> str:
        return f"{'Archived' if record.archived else 'Unarchived'} {record.name}."

    # ---- behaviour ----------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected()
        found = self.records(self.show_archived.isChecked())
        self.table.setRowCount(len(found))
        for row, (record, cells) in enumerate(found):
            fill_row(self.table, row, cells, record)
            if keep is not None and record.id == keep.id:
                self.table.selectRow(row)
        self.rows.setCurrentWidget(self.table if found else self.empty)
        self._selection_changed()

    def selected(self) -> Record | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def select(self, record_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole).id == record_id:
                self.table.selectRow(row)
                return

    def edit_selected(self) -> None:
        if (record := self.selected()) is None:
            return
        self.editing = record
        self.error.clear()
        self.fill_form(record)
        self.form_box.setTitle(f"Edit {record.name}")
        self.save_button.setText("Save changes")
        self.form_box.findChildren(QLineEdit)[0].setFocus()

    def clear_form(self) -> None:
        self.editing = None
        self.error.clear()
        self.fill_form(None)
        self.form_box.setTitle(f"Add a {self.noun}")
        self.save_button.setText(f"Add {self.noun}")

    def save(self) -> None:
        try:
            record = self.from_form(self.editing)
            if self.editing is None:
                self.journal.add(record)
            else:
                record = self.journal.update(record)
        except JournalError as error:
            self.error.show_error(error)
            return
        done = "Added" if self.editing is None else "Saved"
        self.clear_form()
        self.refresh()
        self.select(record.id)
        self.notice.say(f"{done} {record.name}.")
        self.changed.emit()

    def toggle_selected(self) -> None:
        if (record := self.selected()) is None:
            return
        record = self.journal.update(self.toggled(record))
        self.refresh()
        self.select(record.id)
        self.notice.say(self.toggle_notice(record))
        self.changed.emit()

    def _selection_changed(self) -> None:
        record = self.selected()
        self.edit_button.setEnabled(record is not None)
        self.toggle_button.setEnabled(record is not None)
        self.toggle_button.setText(self.toggle_text(record))
