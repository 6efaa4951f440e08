"""Review imports: imported AI uses wait here until the user confirms how they worked.

Each row shows the pattern suggested, how sure the suggestion is and why; the least sure come
first. The user selects rows (Ctrl/Shift, Ctrl+A) and confirms them as suggested, or sets the
pattern, links a goal or adds skills while confirming; "Replaced a person" applies to the next
confirmation. The view is a thin caller of aijournal/sources/review.py, the same use case as
`aijournal review`: every action is one transaction, the rows leave the list, and Undo puts
them back as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aijournal.model import records as r
from aijournal.model.errors import JournalError
from aijournal.model.patterns import pattern as pattern_named
from aijournal.model.presentation import plural
from aijournal.sources import review
from aijournal.sources.review import Confirmation, Confirmed, suggested
from aijournal.storage.journal import Journal
from aijournal.ui.forms.keys import chain_tab_order
from aijournal.ui.theme import colour
from aijournal.ui.views.review_questions import (
    ChoiceDialog,
    ask_goal,
    ask_pattern,
    ask_skills,
)
from aijournal.ui.widgets.basics import InlineError, as_slot, heading, muted
from aijournal.ui.widgets.rows_model import RowsModel, rows_table
from aijournal.ui.widgets.undo_bar import UndoBar
from aijournal.ui.workers import run_sized

COLUMNS = ("Date", "Tool", "Task", "Minutes", "Turns", "Suggested pattern", "Why")
EMPTY = (
    "Nothing to review — import your AI history with File → Import AI history…, or switch on "
    "a source on this machine under Settings → Sources"
)
INTRO = (
    "Imported AI uses wait here for your word on how you worked with the AI. The "
    "suggestion is a guess from your own messages. Select rows (Ctrl+A for all), then "
    "confirm them as suggested or say what fits better."
)
REPLACED_TIP = (
    "Also mark the AI uses you confirm next as standing in for asking or working with a person"
)
WORKER_ABOVE = 300  # confirming more uses than this at once runs off the GUI thread
GUESS_BELOW = 0.5  # suggestions less sure than this are shown in the warning colour
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewModel(RowsModel):
    """The AI uses waiting for review, least sure suggestion first."""

    columns = COLUMNS

    def show(self, uses: list[r.AIUse]) -> None:
        self.beginResetModel()
        self.rows = uses
        self.endResetModel()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        use, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(use, column)
        if role == SORT_ROLE:
            return self._sort_value(use, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2:
                return use.task
            if column in (5, 6):
                p = pattern_named(suggested(use))
                return (
                    f"{p.label} ({p.mode.value}): {p.explanation}\n\n"
                    f"Why: {use.suggestion_reason or 'no reason recorded'}"
                )
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == 5
            and ((use.suggestion_confidence or 0) < GUESS_BELOW)
        ):
            return colour("warning")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return use
        return None

    @staticmethod
    def _text(use: r.AIUse, column: int) -> str:
        if column == 0:
            return use.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == 1:
            return use.tool
        if column == 2:
            return use.task
        if column == 3:
            return str(use.minutes)
        if column == 4:
            return "" if use.turns is None else str(use.turns)
        if column == 5:
            label = pattern_named(suggested(use)).label
            confidence = use.suggestion_confidence
            return label if confidence is None else f"{label} · {confidence:.0%}"
        return use.suggestion_reason

    @staticmethod
    def _sort_value(use: r.AIUse, column: int) -> Any:
        if column == 0:
            return use.started_at.timestamp()
        if column == 3:
            return use.minutes
        if column == 4:
            return use.turns or 0
        if column == 5:
            return f"{suggested(use)} {1 - (use.suggestion_confidence or 0):.2f}"
        return ReviewModel._text(use, column).casefold()


def review_table(parent: QWidget, rows: QSortFilterProxyModel) -> QTableView:
    """The list of uses to review: whole rows, many at a time, sortable, least sure first."""
    table = rows_table(parent, rows, "AI uses to review", many=True)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the use case's order: doubtful first
    metrics = parent.fontMetrics()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, sample in enumerate(
        ("2026-11-27 10:00", "Claude Code", "", "Minutes", "Turns", "Task iteration · 65%")
    ):
        if sample:
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20)
    # Why takes the room left: it is what the user judges the suggestion by. The line under
    # the table shows the current row's task and reason in full.
    header.setStretchLastSection(True)
    return table


def review_pages(parent: QWidget, table: QTableView) -> tuple[QStackedWidget, QLabel, QLabel]:
    """The list with the current row in full under it, or the page saying there is nothing
    to review: (the pages, the details line, the empty page)."""
    details = muted("")
    details.setAccessibleName("Details")
    details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    list_page = QWidget(parent)
    list_layout = QVBoxLayout(list_page)
    list_layout.setContentsMargins(0, 0, 0, 0)
    list_layout.addWidget(table, 1)
    list_layout.addWidget(details)
    empty = muted(EMPTY)
    empty.setAccessibleName("Nothing to review")
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    pages = QStackedWidget(parent)
    pages.addWidget(list_page)
    pages.addWidget(empty)
    return pages, details, empty


def fit_task_column(table: QTableView, em: int) -> None:
    """Task gets a third of the room the fixed columns leave, 12 to 28 characters (`em`)."""
    header = table.horizontalHeader()
    room = table.viewport().width() - sum(header.sectionSize(c) for c in (0, 1, 3, 4, 5))
    header.resizeSection(2, max(em * 12, min(em * 28, room // 3)))


def select_where(
    table: QTableView,
    rows: QSortFilterProxyModel,
    keep: Callable[..., bool],
    *,
    by_row: bool = False,
) -> None:
    """Select the rows whose use (or, `by_row`, use and row number) `keep` accepts; the first
    of them becomes the current row."""
    selection = QItemSelection()
    last = rows.columnCount() - 1
    for row in range(rows.rowCount()):
        use = rows.index(row, 0).data(Qt.ItemDataRole.UserRole)
        if keep(use, row) if by_row else keep(use):
            selection.select(rows.index(row, 0), rows.index(row, last))
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().select(selection, flags)
    if not selection.isEmpty():
        table.selectionModel().setCurrentIndex(
            selection.indexes()[0], QItemSelectionModel.SelectionFlag.NoUpdate
        )


def details_line(use: r.AIUse) -> str:
    """The current row in full: task, tool, minutes, turns, the suggestion and its reason."""
    p = pattern_named(suggested(use))
    confidence = use.suggestion_confidence
    sure = "" if confidence is None else f", {confidence:.0%} sure"
    return (
        f"{use.task or 'Untitled'} — {use.tool}, {plural(use.minutes, 'minute')}, "
        f"{plural(use.turns or 0, 'turn')}. Suggested: {p.label} ({p.mode.value}{sure}). "
        f"{use.suggestion_reason}"
    )


class ActionRow(QWidget):
    """The buttons that act on the selection, "Replaced a person", and the selection count."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(8)
        self.buttons: list[QPushButton] = []

    def add(self, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tip)
        button.setAutoDefault(True)  # Enter acts on a focused button, as Space does
        button.clicked.connect(as_slot(slot))
        self.row.addWidget(button)
        self.buttons.append(button)
        return button

    def finish(self) -> tuple[QCheckBox, QLabel]:
        self.row.addSpacing(8)
        replaced = QCheckBox("Replaced a person", self)
        replaced.setAccessibleName("Replaced a person")
        replaced.setToolTip(REPLACED_TIP)
        replaced.setAccessibleDescription(REPLACED_TIP)
        self.row.addWidget(replaced)
        self.row.addStretch(1)
        selection = muted("")
        selection.setWordWrap(False)
        selection.setAccessibleName("Selection")
        self.row.addWidget(selection)
        return replaced, selection


class ReviewView(QWidget):
    """Imported AI uses to confirm, alone or many at once, with Undo."""

    title = "Review imports"
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.dialog: ChoiceDialog | None = None
        self._last: Confirmed | None = None  # the last confirmation made here, for Undo
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addWidget(muted(INTRO))

        self.actions = ActionRow(self)
        self.confirm_button = self.actions.add(
            "Confirm as suggested",
            self.confirm_as_suggested,
            "Each keeps the pattern suggested for it",
        )
        self.pattern_button = self.actions.add(
            "Set pattern…", self.set_pattern, "Choose one pattern for all selected uses"
        )
        self.goal_button = self.actions.add(
            "Link goal…", self.link_goal, "Link the selected uses to a goal and confirm them"
        )
        self.skills_button = self.actions.add(
            "Add skills…", self.add_skills, "Add skills to the selected uses and confirm them"
        )
        self.replaced_person, self.selection_text = self.actions.finish()
        layout.addWidget(self.actions)

        self.undo_bar = UndoBar(
            "Confirmed", "Put them back in the list as they were (Ctrl+Z)", self
        )
        self.undo_text, self.undo_button = self.undo_bar.text, self.undo_bar.undo
        self.undo_button.clicked.connect(as_slot(self.undo))
        dismiss = self.undo_bar.dismiss
        layout.addWidget(self.undo_bar)
        self.error = InlineError(self)
        layout.addWidget(self.error)

        self.model = ReviewModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SORT_ROLE)
        self.table = review_table(self, self.sorted)
        self.table.viewport().installEventFilter(self)  # Task's width follows the room
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

        self.pages, self.details, self.empty = review_pages(self, self.table)
        layout.addWidget(self.pages, 1)

        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self._undo_key)
        chain_tab_order(
            [*self.actions.buttons, self.replaced_person, self.undo_button, dismiss, self.table]
        )
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            fit_task_column(self.table, self.fontMetrics().averageCharWidth())
        return False

    # ---- showing -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the uses waiting for review, keeping the selection where the rows remain."""
        keep = {use.id for use in self.selected()}
        self.model.show(review.waiting(self.journal))
        if keep:
            self._select(lambda use: use.id in keep)
        elif self.model.rows:  # a place to start from, without choosing anything yet
            self.table.selectionModel().setCurrentIndex(
                self.sorted.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._update()

    def _update(self) -> None:
        self.pages.setCurrentIndex(0 if self.model.rows else 1)
        self.actions.setVisible(bool(self.model.rows))
        self._selection_changed()

    def selected(self) -> list[r.AIUse]:
        """The selected uses, in the order shown."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.sorted.mapToSource(i).data(Qt.ItemDataRole.UserRole) for i in rows]

    def select_rows(self, rows: Sequence[int]) -> None:
        """Select these rows as shown (for keyboard users: the same as Ctrl+click)."""
        wanted = set(rows)
        self._select(lambda use, row: row in wanted, by_row=True)

    def _select(self, keep: Callable[..., bool], *, by_row: bool = False) -> None:
        select_where(self.table, self.sorted, keep, by_row=by_row)

    def _selection_changed(self, *_: object) -> None:
        count = len(self.table.selectionModel().selectedRows())
        for button in self.actions.buttons:  # Confirm, Set pattern, Link goal, Add skills
            button.setEnabled(count > 0)
        total = len(self.model.rows)
        self.selection_text.setText(
            f"{count} of {total} selected" if count else f"{plural(total, 'AI use')} to review"
        )

    def _show_details(self, current: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:
        use = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if use is None:
            self.details.setText("")
            return
        self.details.setText(details_line(use))

    # ---- acting on the selection -------------------------------------------------------

    def confirm_as_suggested(self) -> int:
        """Confirm the selected uses, each with its own suggested pattern."""
        return self._confirm(self.selected(), Confirmation())

    def set_pattern(self, pattern: str | None = None) -> int:
        """Confirm the selection with one pattern; without `pattern`, ask for it first."""
        uses = self.selected()
        if uses and pattern is None:
            return self._ask(ask_pattern(self, uses, self.set_pattern))
        return self._confirm(uses, Confirmation(pattern=pattern))

    def link_goal(self, goal_id: str | None = None) -> int:
        """Confirm the selection (as suggested) linked to a goal; without one, ask which."""
        uses = self.selected()
        if uses and goal_id is None:
            return self._ask(ask_goal(self, uses, self.journal.goals(), self.link_goal))
        return self._confirm(uses, Confirmation(goal_id=goal_id))

    def add_skills(self, skills: Sequence[str] | None = None) -> int:
        """Confirm the selection (as suggested) with these skills added; without, ask which."""
        uses = self.selected()
        if uses and skills is None:
            known = [s.name for s in self.journal.skills()]
            return self._ask(ask_skills(self, uses, known, self.add_skills))
        return self._confirm(uses, Confirmation(skills=tuple(skills or ())))

    def _ask(self, dialog: ChoiceDialog) -> int:
        """`dialog` is the open question until it closes; nothing is confirmed yet (0)."""
        dialog.finished.connect(lambda _: self._asked(dialog))
        self.dialog = dialog
        return 0

    def _asked(self, dialog: ChoiceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _confirm(self, uses: list[r.AIUse], how: Confirmation) -> int:
        """Confirm `uses` (one transaction, through the review use case), then drop their rows."""
        if not uses:
            return 0
        if self.replaced_person.isChecked():
            how = Confirmation(how.pattern, how.goal_id, how.skills, replaced_person=True)
        ids = [use.id for use in uses]

        def done(confirmed: Confirmed) -> None:
            self._last = confirmed
            self.replaced_person.setChecked(False)
            rows = self.table.selectionModel().selectedRows()
            first_row = min((i.row() for i in rows), default=0)
            self.model.show(review.waiting(self.journal))  # others may now be suggested anew
            if self.model.rows:
                self.select_rows([min(first_row, self.sorted.rowCount() - 1)])
            self._update()
            self.undo_text.setText(confirmed.line)
            self.undo_bar.show()
            self.table.setFocus()
            self.changed.emit()

        return self._write(
            f"Confirming {plural(len(uses), 'AI use')}…",
            len(uses),
            lambda journal: review.confirm(journal, ids, how),
            done,
        )

    def _undo_key(self) -> None:
        if self.undo_bar.isVisible():
            self.undo()

    def undo(self) -> int:
        """Put the last confirmed uses back in the list with what they had before."""
        last = self._last
        if last is None:
            return 0

        def done(_: int) -> None:
            self._last = None
            self.undo_bar.hide()
            self.model.show(review.waiting(self.journal))
            restored = set(last.ids)
            self._select(lambda use: use.id in restored)
            self._update()
            self.table.setFocus()
            self.changed.emit()

        return self._write(
            f"Putting back {plural(last.count, 'AI use')}…",
            last.count,
            lambda journal: review.undo(journal, last.token),
            done,
        )

    def _write(
        self, label: str, count: int, work: Callable[[Journal], Any], done: Callable[[Any], None]
    ) -> int:
        """Run `work` (one transaction) through `run_sized`, then `done`.

        Returns how many uses were written, or 0 when it failed or still runs on the worker.
        """
        self.error.clear()
        written: list[int] = []

        def finished(result: Any) -> None:
            written.append(count)
            done(result)

        def failed(error: BaseException) -> None:
            if not isinstance(error, JournalError):
                raise error
            self.error.show_error(error)

        self._job = run_sized(
            self,
            self.journal,
            label,
            count,
            work,
            done=finished,
            failed=failed,
            worker_above=WORKER_ABOVE,
        )
        return count if written and self._job is None else 0
