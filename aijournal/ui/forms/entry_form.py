"""`EntryForm`: what every entry form shares (save, clear, keys, inline errors)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError
from aijournal.storage.journal import Journal
from aijournal.ui.forms.keys import accept_pending, chain_tab_order, cycle_focus, focus_target
from aijournal.ui.forms.kit import CONFIRMATION_MS, JOURNAL_ITEM, JOURNAL_ITEM_TIP, error_text
from aijournal.ui.widgets.basics import InlineError, form_keys, with_role
from aijournal.ui.widgets.cards import tone_label


def rows_grid() -> QGridLayout:
    """The grid of a form's rows: labels on the left, the fields taking the width."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(14)
    grid.setVerticalSpacing(8)
    grid.setColumnStretch(1, 1)
    return grid


def save_row(parent: QWidget, text: str) -> tuple[QHBoxLayout, QLabel, QPushButton]:
    """The status line and the Save button under a form (Ctrl+Enter saves, Enter does not)."""
    row = QHBoxLayout()
    status = tone_label("", "muted", parent)
    status.setAccessibleName("Status")
    button = QPushButton(text, parent)
    button.setToolTip("Save (Ctrl+Enter)")
    button.setDefault(False)
    button.setAutoDefault(False)
    row.addWidget(status, 1)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    return row, status, button


def label_column(parent: QWidget, title: QLabel, *, hint: bool, journal_item: bool) -> QVBoxLayout:
    """A row's label, and under it the "journal item" tag when the row asks for one."""
    box = QVBoxLayout()
    box.setSpacing(0)
    if not hint:  # line the label up with the text inside the field
        box.setContentsMargins(0, 4, 0, 0)
    box.addWidget(title)
    if journal_item:
        tag = tone_label(JOURNAL_ITEM, "muted", parent, small=True)
        tag.setToolTip(JOURNAL_ITEM_TIP)
        tag.setWordWrap(False)
        box.addWidget(tag)
    box.addStretch(1)
    return box


def field_column(
    parent: QWidget, widget: QWidget, label: str, hint: str
) -> tuple[QVBoxLayout, InlineError]:
    """A row's field with its hint above and its inline error below."""
    box = QVBoxLayout()
    box.setSpacing(2)
    if hint:
        hint_label = tone_label(hint, "muted", parent, small=True)
        box.addWidget(hint_label)
    if isinstance(widget, QCheckBox):  # only its box and text are clickable: keep it tight
        box.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
    else:
        box.addWidget(widget)
    error = InlineError(parent)
    error.setAccessibleName(f"{label} error")
    box.addWidget(error)
    return box, error


def find_problems(
    values: Callable[[], dict[str, Any]],
    check: Callable[[dict[str, Any]], object],
    stand_ins: dict[str, tuple[str, Any]],
) -> dict[str, InvalidInput]:
    """Every field's problem: after one, put a valid stand-in there and check again.

    `values` reads the fields (InvalidInput for text that is not a number at all); `check`
    makes the record of those values and applies every rule to it (InvalidInput)."""
    problems: dict[str, InvalidInput] = {}
    try:
        read = values()
    except InvalidInput as exc:
        problems[exc.field] = exc
        return problems
    for _ in range(len(stand_ins) + 2):
        try:
            check(read)
            return problems
        except InvalidInput as exc:
            problems.setdefault(exc.field, exc)
            if exc.field not in stand_ins:
                return problems
            keyword, stand_in = stand_ins[exc.field]
            if read.get(keyword) == stand_in:
                return problems
            read[keyword] = stand_in
    return problems


def status_line(
    problems: dict[str, InvalidInput],
    touched: set[str],
    errors: dict[str, InlineError],
    labels: dict[str, str],
) -> tuple[str, str]:
    """The form's status (role, text): a problem no row shows, else what is still to fill in."""
    unplaced = [p for f, p in problems.items() if f not in errors]
    if unplaced:
        return "error", str(unplaced[0])
    waiting = [labels.get(f, f) for f in problems if f not in touched or f not in errors]
    if waiting:
        return "muted", "To save, fill in: " + ", ".join(dict.fromkeys(waiting))
    return "muted", ""


class EntryForm(QWidget):
    """Base of the entry forms: rows with inline errors, Save, Ctrl+Enter and Escape.

    Subclasses declare their fields with `_row`, their Tab order with `_set_tab_order`, and
    implement `_values`, `_make` and `_store`. `record` (when given) is the stored entry being
    edited; saving updates it. Tab goes round the form and never leaves it for another form.
    """

    saved = Signal(object)  # the stored record
    validity_changed = Signal(bool)
    noun_in_text = "entry"
    record_type: type[r.Record] = r.Record
    # error field name -> (keyword of the record, a valid stand-in used to find further errors)
    stand_ins: dict[str, tuple[str, Any]] = {}

    def __init__(
        self, journal: Journal, parent: QWidget | None = None, *, record: r.Record | None = None
    ):
        super().__init__(parent)
        self.journal, self.original = journal, record
        self.editing = record is not None  # in the edit dialog, not on Today
        self._rows = rows_grid()
        self._errors: dict[str, InlineError] = {}
        self._field_labels: dict[str, str] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self._touched: set[str] = set()
        self._problems: dict[str, InvalidInput] = {}
        self._loading = False
        self.tab_order: list[QWidget] = []
        self._confirmation = ""
        self._confirmation_timer = QTimer(self, singleShot=True, interval=CONFIRMATION_MS)
        self._confirmation_timer.timeout.connect(self._end_confirmation)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        outer.addLayout(self._rows)
        self._actions, self.status, self.save_button = save_row(self, self._save_text())
        self.save_button.clicked.connect(self.save)
        outer.addLayout(self._actions)
        outer.addStretch(1)  # spare height goes below the form, not between its rows

        form_keys(self, self._save_by_key, self._escape)

    def _escape(self) -> None:
        """Escape drops what was typed since the form was cleared, loaded or saved (a stored
        check-in shows again as stored); in the edit dialog it cancels the dialog."""
        window = self.window()
        if self.editing and isinstance(window, QDialog):
            window.reject()
        elif self.original is not None:
            self.load(self.original)
        else:
            self.clear()

    def _save_by_key(self) -> None:
        """Ctrl+Enter saves what the user entered, never an untouched form; a suggestion
        showing for the field ("Da" → "Dana") is taken first, as Enter would."""
        accept_pending(self)
        if not self.has_edits():
            with_role(self.status, "muted")
            self.status.setText(
                "Nothing changed to save." if self.original else "Nothing entered yet."
            )
            return
        self.save()

    def _set_tab_order(self, widgets: list[QWidget]) -> None:
        """The form's Tab order (every radio button of a group included, the group in place)."""
        self.tab_order = widgets
        chain_tab_order(widgets)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt override)
        return cycle_focus(self, forward)

    # -- building the layout --

    def _save_text(self) -> str:
        return "Save changes" if self.editing else f"Save {self.noun_in_text}"

    def _row(
        self,
        label: str,
        widget: QWidget,
        fields: Iterable[str] = (),
        *,
        hint: str = "",
        journal_item: bool = False,
        span_label: bool = False,
    ) -> None:
        """Add a labelled row; `fields` are the InvalidInput field names shown under it."""
        row = self._rows.rowCount()
        widget.setAccessibleName(label)
        if hint:
            widget.setAccessibleDescription(hint)
        title = QLabel(label, self)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            title.setBuddy(widget)
        label_box = label_column(self, title, hint=bool(hint), journal_item=journal_item)
        field_box, error = field_column(self, widget, label, hint)
        if span_label:
            self._rows.addLayout(label_box, row, 0, 1, 2)
            self._rows.addLayout(field_box, row + 1, 0, 1, 2)
        else:
            self._rows.addLayout(label_box, row, 0, Qt.AlignmentFlag.AlignTop)
            self._rows.addLayout(field_box, row, 1)
        for field in fields:
            self._errors[field] = error
            self._field_labels[field] = label
            self._field_widgets[field] = widget

    def _watch(self, field: str, signal) -> None:
        """Count edits made through `signal` as the user touching `field`."""
        signal.connect(lambda *_: self._edited(field))

    # -- the record --

    def _values(self) -> dict[str, Any]:
        raise NotImplementedError

    def _make(self, values: dict[str, Any]) -> r.Record:
        """The edited entry with these values, or a new one."""
        if isinstance(self.original, self.record_type):
            return replace(self.original, **values)
        return self.record_type(**values)

    def _store(self, record: r.Record) -> tuple[r.Record, str]:
        raise NotImplementedError

    def _check_more(self, record: r.Record) -> None:
        """Rules that need the journal (no future entries); raise InvalidInput."""
        r.check_timely(record, self.journal.clock)

    def build(self) -> r.Record:
        """The record the form shows; InvalidInput for the first wrong field."""
        record = self._make(self._values())
        self._check_more(record)
        return record

    def _find_problems(self) -> dict[str, InvalidInput]:
        """Every field's problem (`find_problems` with this form's stand-ins)."""
        return find_problems(
            self._values, lambda values: self._check_more(self._make(values)), self.stand_ins
        )

    # -- validation on every edit --

    def _edited(self, field: str) -> None:
        if self._loading:
            return
        self._touched.add(field)
        self._end_confirmation()
        self.validate()

    def validate(self) -> bool:
        """Show the problems of the current values; returns whether the form can be saved."""
        self._problems = self._find_problems()
        shown: set[int] = set()
        for field, label in self._errors.items():
            problem = self._problems.get(field)
            if problem is not None and field in self._touched:
                label.show_error(error_text(problem))
                shown.add(id(label))
            elif id(label) not in shown:
                label.clear()
        valid = not self._problems
        self.save_button.setEnabled(valid)
        self._show_status()
        self.validity_changed.emit(valid)
        return valid

    def _show_status(self) -> None:
        if self._confirmation:
            role, text = "notice", "✓ " + self._confirmation
        else:
            role, text = status_line(
                self._problems, self._touched, self._errors, self._field_labels
            )
        with_role(self.status, role)
        self.status.setText(text)

    def _end_confirmation(self) -> None:
        if self._confirmation:
            self._confirmation = ""
            self._confirmation_timer.stop()
            self._show_status()

    def confirm(self, message: str) -> None:
        self._confirmation = message
        self._confirmation_timer.start()
        self._show_status()

    # -- actions --

    def save(self) -> r.Record | None:
        """Store the entry if it is valid; otherwise show every problem and focus the first."""
        if not self.validate():
            self._touched.update(self._problems)
            self.validate()
            first = next(iter(self._problems))
            widget = self._field_widgets.get(first)
            if widget is not None:
                focus_target(widget).setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        try:
            stored, message = self._store(self.build())
        except JournalError as exc:
            with_role(self.status, "error")
            self.status.setText(str(exc))
            return None
        self._after_save(stored)
        self.confirm(message)
        self.saved.emit(stored)
        return stored

    def _after_save(self, stored: r.Record) -> None:
        """Entries clear for the next one; the check-in keeps showing the day's record."""
        self.clear(keep_confirmation=True)

    def _fill(self, show: Callable[[], object]) -> None:
        """Let `show` set the fields without counting it as the user's edits."""
        self._loading = True
        try:
            show()
        finally:
            self._loading = False
        self._touched.clear()

    def clear(self, *, keep_confirmation: bool = False) -> None:
        self._fill(self._reset)
        if not keep_confirmation:
            self._end_confirmation()
        self.validate()

    def _reset(self) -> None:
        raise NotImplementedError

    def load(self, record: r.Record) -> None:
        """Show a stored record; saving then updates it."""
        self.original = record
        self._fill(lambda: self._show_record(record))
        self.validate()

    def _show_record(self, record: r.Record) -> None:
        raise NotImplementedError

    def refresh_suggestions(self) -> None:
        """Reload tool, people, skill and goal suggestions from the journal."""

    def has_edits(self) -> bool:
        """Whether the user changed anything since the form was cleared, loaded or saved."""
        return bool(self._touched)

    def first_input(self) -> QWidget:
        """The first field (for a radio group, its chosen answer, else its first)."""
        return focus_target(self._field_widgets[next(iter(self._field_widgets))])

    def focus_first(self) -> None:
        self.first_input().setFocus(Qt.FocusReason.ShortcutFocusReason)
