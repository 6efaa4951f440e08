"""Journal: every entry, newest first, with filters, search, edit and delete with undo."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from aijournal.journaling import describe
from aijournal.model import records as r
from aijournal.model.errors import JournalError
from aijournal.model.patterns import PATTERNS
from aijournal.model.presentation import plural
from aijournal.storage.entries import EntryFilter
from aijournal.storage.journal import Journal
from aijournal.ui.dialogs.entry_dialog import EntryDialog, open_entry
from aijournal.ui.forms.kit import name_completer
from aijournal.ui.widgets.basics import heading, with_role
from aijournal.ui.widgets.cards import tone_label
from aijournal.ui.widgets.flow import FlowBox, field
from aijournal.ui.widgets.rows_model import RowsModel, rows_table
from aijournal.ui.widgets.undo_bar import UndoBar

PAGE = 500  # rows fetched at a time; more load as the list scrolls
COLUMNS = ("When", "Kind", "Summary")
KIND_CHOICES = (
    ("All kinds", None),
    ("AI uses", "ai-use"),
    ("Check-ins", "checkin"),
    ("Touchpoints", "touchpoint"),
    ("Assessments", "assessment"),
)


class EntryModel(RowsModel):
    """Entries matching a filter, fetched a page at a time as the view scrolls."""

    columns = COLUMNS

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.wanted = EntryFilter()
        self._limit = PAGE
        self._more = False
        self.factors: dict[str, r.Factor] = {}

    def load(self, wanted: EntryFilter) -> None:
        """Show the first page of entries matching `wanted`."""
        self.beginResetModel()
        self.wanted, self._limit = wanted, PAGE
        self.rows = self._fetch(self._limit)
        self.endResetModel()

    def reload(self) -> None:
        """The same filter again, keeping as many rows as were loaded."""
        self.beginResetModel()
        self.rows = self._fetch(max(self._limit, PAGE))
        self.endResetModel()

    def _fetch(self, limit: int) -> list[r.Record]:
        self.factors = {f.id: f for f in self.journal.factors(archived=True)}  # for the titles
        found = self.journal.entries(replace(self.wanted, limit=limit))
        self._more = len(found) >= limit
        return found

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or not self._more:
            return
        self._limit += PAGE
        found = self._fetch(self._limit)
        shown = [e.id for e in self.rows]
        if [e.id for e in found[: len(shown)]] != shown:  # the journal changed underneath
            self.beginResetModel()
            self.rows = found
            self.endResetModel()
            return
        extra = found[len(shown) :]
        if extra:
            self.beginInsertRows(QModelIndex(), len(shown), len(shown) + len(extra) - 1)
            self.rows.extend(extra)
            self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return describe.when(entry)
            if index.column() == 1:
                return describe.KIND_LABELS.get(entry.record_kind, entry.record_kind)
            return describe.title(entry, self.factors)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            note = getattr(entry, "note", "")
            return describe.title(entry, self.factors) + (f"\n\n{note}" if note else "")
        if role == Qt.ItemDataRole.UserRole:
            return entry
        return None

    def entry(self, row: int) -> r.Record | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()

    def row_of(self, entry_id: str) -> int:
        return next((n for n, e in enumerate(self.rows) if e.id == entry_id), -1)


@contextmanager
def signals_blocked(widgets: Iterable[QWidget]) -> Iterator[None]:
    """No signals from `widgets` while the block runs (filters set together apply once)."""
    widgets = list(widgets)
    for widget in widgets:
        widget.blockSignals(True)
    try:
        yield
    finally:
        for widget in widgets:
            widget.blockSignals(False)


def date_filter(
    view: JournalView, flow: FlowBox, label: str, start: date
) -> tuple[QCheckBox, QDateEdit]:
    """A check box and a day: "From" or "To"; the filter applies when either changes."""
    check = QCheckBox(label, view)
    check.setAccessibleName(label)
    edit = QDateEdit(QDate(start.year, start.month, start.day), view)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(f"{label} date")
    edit.setEnabled(False)
    check.toggled.connect(edit.setEnabled)
    check.toggled.connect(view.apply_filters)
    edit.dateChanged.connect(lambda: view._apply_timer.start() if check.isChecked() else None)
    pair = QWidget(view)
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(check)
    row.addWidget(edit)
    flow.addWidget(pair)
    return check, edit


def name_filter(view: JournalView, flow: FlowBox, label: str, placeholder: str) -> QComboBox:
    """A typed name (tool, person, skill) with the known ones as suggestions."""
    box = QComboBox(view)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.lineEdit().setPlaceholderText(placeholder)
    box.lineEdit().setClearButtonEnabled(True)
    box.setMinimumContentsLength(10)
    flow.addWidget(field(label, box, view))
    box.lineEdit().setAccessibleName(label)
    box.editTextChanged.connect(lambda: view._apply_timer.start())
    return box


def filter_row(view: JournalView) -> FlowBox:
    """The filters in a row that wraps on a narrow window; each control is an attribute of
    `view` (`search`, `kind`, `from_on`… `clear_button`), which applies them."""
    flow = FlowBox(view)
    view.search = QLineEdit(view)
    view.search.setPlaceholderText("Search notes, tasks and tools (Ctrl+F)")
    view.search.setClearButtonEnabled(True)
    view.search.setMinimumWidth(view.fontMetrics().averageCharWidth() * 34)
    flow.addWidget(field("Search", view.search, view))
    view.search.textChanged.connect(lambda: view._apply_timer.start())
    view.kind = QComboBox(view)
    for text, kind in KIND_CHOICES:
        view.kind.addItem(text, kind)
    flow.addWidget(field("Kind", view.kind, view))
    view.kind.currentIndexChanged.connect(view.apply_filters)
    today = view.journal.clock().date()
    view.from_on, view.from_date = date_filter(view, flow, "From", today.replace(day=1))
    view.to_on, view.to_date = date_filter(view, flow, "To", today)

    view.tool = name_filter(view, flow, "Tool", "Any tool")
    view.pattern = QComboBox(view)
    view.pattern.addItem("Any pattern", None)
    for p in PATTERNS:
        view.pattern.addItem(f"{p.label} ({p.mode.value})", p.id)
    flow.addWidget(field("Pattern", view.pattern, view))
    view.pattern.currentIndexChanged.connect(view.apply_filters)
    view.person = name_filter(view, flow, "Person", "Anyone")
    view.skill = name_filter(view, flow, "Skill", "Any skill")
    view.clear_button = QPushButton("Clear filters", view)
    view.clear_button.clicked.connect(view.clear_filters)
    flow.addWidget(view.clear_button)
    return flow


def typed(box: QComboBox | QLineEdit) -> str | None:
    """The text of a search or name filter, spaces tidied; None when there is none."""
    value = box.currentText() if isinstance(box, QComboBox) else box.text()
    return " ".join(value.split()) or None


def chosen_day(check: QCheckBox, edit: QDateEdit) -> date | None:
    """The day of a "From" or "To" filter, None while it is off."""
    return edit.date().toPython() if check.isChecked() else None


def choose_day(check: QCheckBox, edit: QDateEdit, day: date | None) -> None:
    """Switch a "From" or "To" filter on at `day`, or off (None), its signals left alone."""
    check.setChecked(day is not None)
    edit.setEnabled(day is not None)
    if day is not None:
        edit.setDate(QDate(day.year, day.month, day.day))


def fill_names(box: QComboBox, names: list[str]) -> None:
    """`names` as the box's choices and suggestions, keeping what is typed."""
    text = box.currentText()
    box.blockSignals(True)
    box.clear()
    box.addItems(names)
    box.setCurrentIndex(-1)
    box.setEditText(text)
    box.setCompleter(name_completer(names, box))
    box.blockSignals(False)


class JournalView(QWidget):
    """All entries with filters; Enter edits, Delete deletes (with Undo), Ctrl+F searches."""

    title = "Journal"
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.entry_dialog: EntryDialog | None = None
        self._deleted: list[r.Record] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading("Journal"))
        layout.addWidget(filter_row(self))

        self.undo_bar = UndoBar("Deleted", "Undo (Ctrl+Z)", self)
        self.undo_text, self.undo_button = self.undo_bar.text, self.undo_bar.undo
        self.undo_button.clicked.connect(self.undo)
        layout.addWidget(self.undo_bar)

        self.model = EntryModel(journal, self)
        self.table = rows_table(self, self.model, "Entries")
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("2026-11-27 10:00") + 28)
        header.resizeSection(1, metrics.horizontalAdvance("Touchpoint") + 40)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)

        self.empty = tone_label("No entries match these filters.", "muted", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName("No entries")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        actions = QHBoxLayout()
        self.count = tone_label("", "muted", self)
        self.count.setWordWrap(False)
        actions.addWidget(self.count, 1)
        self.open_button = QPushButton("Open", self)
        self.open_button.setToolTip("Edit the selected entry (Enter)")
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setToolTip("Delete the selected entry (Delete); you can undo it")
        self.delete_button.clicked.connect(self.delete_selected)
        actions.addWidget(self.open_button)
        actions.addWidget(self.delete_button)
        layout.addLayout(actions)

        self._apply_timer = QTimer(self, singleShot=True, interval=200)
        self._apply_timer.timeout.connect(self.apply_filters)
        self.refresh()

    # ---- filters (the row is made by `filter_row`) --------------------------------------

    def current_filter(self) -> EntryFilter:
        """The filter the controls describe."""
        kind = self.kind.currentData()
        return EntryFilter(
            kinds=(kind,) if kind else r.ENTRY_KINDS,
            start=chosen_day(self.from_on, self.from_date),
            end=chosen_day(self.to_on, self.to_date),
            tool=typed(self.tool),
            pattern=self.pattern.currentData(),
            person=typed(self.person),
            skill=typed(self.skill),
            text=typed(self.search),
        )

    def apply_filters(self) -> None:
        self._apply_timer.stop()
        self.model.load(self.current_filter())
        self._after_load()

    def _filter_controls(self) -> tuple[QWidget, ...]:
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

    def clear_filters(self) -> None:
        with signals_blocked(self._filter_controls()):
            self._reset_filters()
        self.apply_filters()

    def _reset_filters(self) -> None:
        self.kind.setCurrentIndex(0)
        self.pattern.setCurrentIndex(0)
        for box in (self.tool, self.person, self.skill):
            box.setEditText("")
        self.search.clear()
        choose_day(self.from_on, self.from_date, None)
        choose_day(self.to_on, self.to_date, None)

    def show_days(self, first: date, last: date) -> None:
        """Show every entry from `first` to `last` (a day or a week clicked in Trends)."""
        with signals_blocked(self._filter_controls()):
            self._reset_filters()
            choose_day(self.from_on, self.from_date, first)
            choose_day(self.to_on, self.to_date, last)
        self.apply_filters()

    # ---- the view contract -----------------------------------------------------------------

    def refresh(self) -> None:
        """Reload suggestions and the entries, keeping the filters and the selection."""
        keep = self.selected()
        fill_names(self.tool, self.journal.tools())
        fill_names(self.person, [p.name for p in self.journal.people(archived=True)])
        fill_names(self.skill, [s.name for s in self.journal.skills()])
        self._apply_timer.stop()
        self.model.load(self.current_filter())
        self._after_load(keep.id if keep else None)

    def event(self, event: QEvent) -> bool:
        # Ctrl+F inside the view is the view's own: claim it before the window's shortcut
        # (a second QShortcut on the same keys would make both ambiguous and neither fire).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Find)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_search()
            return
        super().keyPressEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- entries -----------------------------------------------------------------------------

    def _after_load(self, select_id: str | None = None) -> None:
        shown = self.model.rowCount()
        self.stack.setCurrentWidget(self.table if shown else self.empty)
        if not shown:
            filtered = self.current_filter() != EntryFilter()
            self.empty.setText(
                "No entries match these filters."
                if filtered
                else "Your journal is empty. Log an AI use or a check-in on Today."
            )
        self.count.setText(self._count_text())
        row = self.model.row_of(select_id) if select_id else -1
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def _count_text(self) -> str:
        shown = self.model.rowCount()
        if not shown:
            return ""
        more = " (scroll for more)" if self.model.canFetchMore() else ""
        return f"{plural(shown, 'entry', 'entries')}{more}"

    def selected(self) -> r.Record | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.entry(index.row())

    def _selection_changed(self, *_: object) -> None:
        has = self.selected() is not None
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _open_index(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is not None:
            self.open_entry(entry)

    def open_selected(self) -> None:
        if (entry := self.selected()) is not None:
            self.open_entry(entry)

    def open_entry(self, entry: r.Record) -> EntryDialog:
        """Edit `entry` in a dialog (assessments: read-only details)."""
        self.entry_dialog = open_entry(self.journal, entry, self, self._edited)
        return self.entry_dialog

    def _edited(self, stored: r.Record) -> None:
        self.model.reload()
        self._after_load(stored.id)
        self.changed.emit()

    def delete_selected(self) -> None:
        row = self.table.currentIndex().row()
        entry = self.selected()
        if entry is None:
            return
        try:
            deleted = self.journal.delete(entry)
        except JournalError as exc:
            self._say(str(exc), undo=False)
            return
        self._deleted.append(deleted)
        self.model.remove(row)
        self._after_load()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        kind = describe.KIND_LABELS.get(deleted.record_kind, "Entry")
        self._say(f"{kind} of {describe.when(deleted)} deleted.", undo=True)
        self.changed.emit()

    def undo(self) -> None:
        """Bring back the most recently deleted entry."""
        if not self._deleted:
            return
        entry = self._deleted.pop()
        try:
            restored = self.journal.undelete(entry)
        except JournalError as exc:
            self._say(str(exc), undo=False)
            return
        self.model.reload()
        self._after_load(restored.id)
        if self._deleted:
            self._say(
                f"Restored. {len(self._deleted)} more deleted entries can be undone.", undo=True
            )
        else:
            self._say("Entry restored.", undo=False)
        self.table.setFocus()
        self.changed.emit()

    def _say(self, text: str, *, undo: bool) -> None:
        self.undo_text.setText(text)
        with_role(self.undo_text, "notice" if undo or text == "Entry restored." else "error")
        self.undo_button.setVisible(undo)
        self.undo_bar.show()
