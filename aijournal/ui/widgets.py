"""Small widget helpers every view shares: labelled inputs, inline messages, form keys.

Each input carries an accessible name equal to its visible label, so screen readers and the
tests find it the same way a person does: by what it is called on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aijournal.errors import JournalError
from aijournal.storage import Journal
from aijournal.ui.theme import colour

Record = Any  # a record with a name: Person, Skill or Goal

W = TypeVar("W", bound=QWidget)


def labelled(form: QFormLayout, label: str, widget: W, help_text: str = "") -> W:
    """Add `widget` to `form` under `label`; its accessible name is the label."""
    widget.setAccessibleName(label)
    caption = QLabel(label)
    caption.setBuddy(widget)
    if help_text:
        widget.setToolTip(help_text)
        widget.setAccessibleDescription(help_text)
    form.addRow(caption, widget)
    return widget


def find(root: QWidget, kind: type[W], name: str) -> W:
    """The child of `root` of this type whose accessible name (or button text) is `name`."""
    for child in root.findChildren(kind):
        text = child.accessibleName()
        if not text and isinstance(child, QAbstractButton):
            text = child.text().replace("&", "")
        if text == name:
            return child
    raise LookupError(f"no {kind.__name__} named {name!r} in {type(root).__name__}")


def with_role(widget: W, role: str) -> W:
    """Tag a widget for the theme's style rules: "error", "notice", "muted", "heading"."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def heading(text: str) -> QLabel:
    return with_role(QLabel(text), "heading")


def muted(text: str) -> QLabel:
    label = with_role(QLabel(text), "muted")
    label.setWordWrap(True)
    return label


def message(error: Exception) -> str:
    """What to show for an error the user can act on, as one sentence."""
    text = str(error).strip()
    return text[:1].upper() + text[1:] if text else type(error).__name__


class InlineError(QLabel):
    """A message under a form that says what is wrong; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        with_role(self, "error")
        self.setWordWrap(True)
        self.setAccessibleName("Error")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, error: Exception | str) -> None:
        self.setText(error if isinstance(error, str) else message(error))
        self.show()

    def clear(self) -> None:
        self.setText("")
        self.hide()


class Notice(QLabel):
    """A short confirmation ("Saved.") that fades out after a few seconds."""

    def __init__(self, parent: QWidget | None = None, *, seconds: float = 6):
        super().__init__(parent)
        with_role(self, "notice")
        self.setAccessibleName("Notice")
        self.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=int(seconds * 1000))
        self._timer.timeout.connect(self.clear)

    def say(self, text: str) -> None:
        self.setText(text)
        self._timer.start()


def form_keys(container: QWidget, save: Callable[[], object], clear: Callable[[], object]) -> None:
    """Ctrl+Enter saves and Escape clears while focus is anywhere inside `container`."""
    for keys, slot in (("Ctrl+Return", save), ("Ctrl+Enter", save), ("Escape", clear)):
        shortcut = QShortcut(QKeySequence(keys), container)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)


def table(columns: Sequence[str], name: str) -> QTableWidget:
    """A read-only, row-selecting table with these column headers."""
    widget = QTableWidget(0, len(columns))
    widget.setAccessibleName(name)
    widget.setHorizontalHeaderLabels(list(columns))
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setAlternatingRowColors(True)
    widget.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    widget.verticalHeader().hide()
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return widget


def fill_row(
    widget: QTableWidget, row: int, cells: Sequence[str | QTableWidgetItem], data: object = None
) -> None:
    """Put `cells` in `row`; the record itself rides along on the first cell."""
    for column, cell in enumerate(cells):
        item = cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell)
        if column == 0:
            item.setData(Qt.ItemDataRole.UserRole, data)
        widget.setItem(row, column, item)


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """Ask before something that cannot be taken back; the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go


def report(parent: QWidget | None, title: str, error: Exception | str) -> None:
    """Tell the user that something they asked for did not happen, and why."""
    text = error if isinstance(error, str) else message(error)
    QMessageBox.warning(parent, title, text)


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


def combo(choices: Sequence[str]) -> QComboBox:
    """A drop-down of option ids shown in words ("one-to-one" reads "One to one")."""
    box = QComboBox()
    for choice in choices:
        box.addItem(choice.replace("-", " ").capitalize(), choice)
    return box


def choose(box: QComboBox, value: str) -> None:
    box.setCurrentIndex(max(0, box.findData(value)))


def status_item(text: str, role: str) -> QTableWidgetItem:
    """A table cell in a message colour ("warning", "muted"), bold for warnings."""
    item = QTableWidgetItem(text)
    item.setForeground(colour(role))
    if role == "warning":
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


class RowsModel(QAbstractTableModel):
    """A table of `rows` under the headers `columns`; subclasses say what each cell shows."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list = []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 (Qt API)
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        return None


def scroll_page(owner: QWidget, spacing: int = 12) -> tuple[QScrollArea, QWidget, QVBoxLayout]:
    """A borderless scroll area filling `owner`, the page inside it and the page's layout."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(owner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer.addWidget(scroll)
    page = QWidget(scroll)
    scroll.setWidget(page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(20, 16, 20, 20)
    layout.setSpacing(spacing)
    return scroll, page, layout
