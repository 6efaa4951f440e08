"""The three entry forms (check-in, AI use, touchpoint), used on Today and in the edit dialog.

A form builds its record from what is on screen after every edit; the record's own validation
(`InvalidInput`) is shown next to the field it names, and Save stays disabled until the record
builds. Fields the user has not touched yet are listed quietly beside Save instead of in red.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QVBoxLayout,
    QWidget,
)

from aijournal import describe, instruments, nudges
from aijournal import records as r
from aijournal.errors import InvalidInput, JournalError
from aijournal.patterns import PATTERNS, Mode
from aijournal.storage.journal import Journal
from aijournal.ui.theme import is_dark
from aijournal.ui.widgets import InlineError, form_keys, heading, with_role

DEFAULT_TOOLS = ("ChatGPT", "Claude", "Copilot", "Gemini")
AGREEMENT = (
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
)
ENERGY = ("Very low", "Low", "Moderate", "High", "Very high")
QUALITY = ("Poor", "Fair", "Good", "Very good", "Excellent")
OUTCOME = ("Not useful", "Slightly useful", "Somewhat useful", "Very useful", "Extremely useful")
JOURNAL_ITEM = "journal item"
JOURNAL_ITEM_TIP = (
    "A question for your own journal, not a validated instrument: "
    "useful for your trends, not comparable with research norms."
)
CONFIRMATION_MS = 5000


# ---- small shared widgets ------------------------------------------------------------------


def _mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    s = share_of_a
    return QColor.fromRgbF(
        a.redF() * s + b.redF() * (1 - s),
        a.greenF() * s + b.greenF() * (1 - s),
        a.blueF() * s + b.blueF() * (1 - s),
    )


def tone_label(
    text: str = "", role: str = "muted", parent: QWidget | None = None, *, small: bool = False
) -> QLabel:
    """A wrapping label in a theme message colour ("muted", "error", "notice")."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if small:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
    return with_role(label, role)


def card_heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A card's title: bold, a little larger than the text (page titles use `heading`)."""
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


class Card(QWidget):
    """A panel on the window background: base colour, a thin border, rounded corners."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        if is_dark(palette):  # a raised panel: lighter than the window, inputs stay darker
            fill = _mix(palette.color(QPalette.ColorRole.Light), window, 0.3)
            edge = _mix(palette.color(QPalette.ColorRole.Light), window, 0.7)
        else:
            fill = palette.color(QPalette.ColorRole.Base)
            edge = _mix(palette.color(QPalette.ColorRole.Mid), window, 0.6)
        painter.setPen(edge)
        painter.setBrush(fill)
        painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 8, 8)


class ScaleInput(QWidget):
    """A 1–5 answer as five buttons; keys 1–5 and the arrows pick, Delete clears if optional."""

    changed = Signal()

    def __init__(self, anchors: tuple[str, ...], *, optional: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._anchors, self._optional, self._value = anchors, optional, None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row = QHBoxLayout(self)
        row.setContentsMargins(3, 3, 3, 3)
        row.setSpacing(4)
        self.buttons: list[QPushButton] = []
        width = self.fontMetrics().horizontalAdvance("55") + 22
        for number, anchor in enumerate(anchors, 1):
            button = QPushButton(str(number), self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(width)
            button.setToolTip(f"{number} — {anchor}")
            button.setAccessibleName(f"{number} — {anchor}")
            button.clicked.connect(lambda _=False, n=number: self._clicked(n))
            row.addWidget(button)
            self.buttons.append(button)
        self._meaning = tone_label("", "muted", self)
        self._meaning.setWordWrap(False)
        self._meaning.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(max(anchors, key=len)) + 8
        )
        row.addSpacing(6)
        row.addWidget(self._meaning, 1)
        self.setStyleSheet(
            "QPushButton { border: 1px solid palette(mid); border-radius: 4px;"
            " padding: 3px 0px; background: palette(button); color: palette(button-text); }"
            "QPushButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight); }"
            "QPushButton:hover:!checked { border-color: palette(highlight); }"
        )
        self._show()

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Show `value` without counting it as the user's edit."""
        self._value = value if value in range(1, len(self._anchors) + 1) else None
        self._show()

    def _clicked(self, number: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._pick(None if (number == self._value and self._optional) else number)

    def _pick(self, value: int | None) -> None:
        if value != self._value:
            self._value = value
            self._show()
            self.changed.emit()
        else:
            self._show()

    def _show(self) -> None:
        for number, button in enumerate(self.buttons, 1):
            button.setChecked(number == self._value)
        if self._value is None:
            self._meaning.setText("optional" if self._optional else "")
        else:
            self._meaning.setText(self._anchors[self._value - 1])

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        key, top = event.key(), len(self._anchors)
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and key - Qt.Key.Key_0 <= top:
            self._pick(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self._pick(min(top, (self._value or 0) + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self._pick(max(1, (self._value or 2) - 1))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0) and self._optional:
            self._pick(None)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            last = self.buttons[-1].geometry()
            option.rect = self.buttons[0].geometry().united(last).adjusted(-2, -2, 2, 2)
            option.backgroundColor = self.palette().color(QPalette.ColorRole.Window)
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self
            )
            pen = painter.pen()
            pen.setColor(self.palette().color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRoundedRect(option.rect, 5, 5)


class ClickLabel(QLabel):
    """A wrapping label that clicks its buddy button (for radio buttons with long texts)."""

    def __init__(
        self,
        text: str,
        buddy: QAbstractButton,
        parent: QWidget | None = None,
        role: str = "",
        *,
        small: bool = False,
    ):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setBuddy(buddy)
        self._button = buddy
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if small:
            font = self.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            self.setFont(font)
        if role:
            with_role(self, role)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self._button.isEnabled():
            self._button.setFocus(Qt.FocusReason.MouseFocusReason)
            self._button.click()
        super().mouseReleaseEvent(event)


class CommaCompleter(QCompleter):
    """Completes the last name in a comma-separated list ("SQL, Pyt" → "SQL, Python")."""

    def __init__(self, names: Iterable[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(QStringListModel(list(names), self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_names(self, names: Iterable[str]) -> None:
        self.model().setStringList(list(names))

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt override)
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 (Qt override)
        widget = self.widget()
        done = widget.text().split(",")[:-1] if isinstance(widget, QLineEdit) else []
        return ", ".join([part.strip() for part in done] + [index.data()])


def name_completer(names: Iterable[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(list(names), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


def parse_whole_number(field: str, text: str) -> int | None:
    """Empty text is no value; anything else must be a whole number (range checked later)."""
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise InvalidInput(field, text, "use a whole number") from None


def split_names(text: str) -> tuple[str, ...]:
    return tuple(part for part in (p.strip() for p in text.split(",")) if part)


def _to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime.fromSecsSinceEpoch(int(local.timestamp()))


def _from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch()).astimezone()


def error_text(exc: InvalidInput) -> str:
    if exc.value is None or (isinstance(exc.value, str) and not exc.value.strip()):
        return f"Required: {exc.allowed}"
    return str(exc)


# ---- the forms -----------------------------------------------------------------------------


class EntryForm(QWidget):
    """Base of the entry forms: rows with inline errors, Save, Ctrl+Enter and Escape.

    Subclasses declare their fields with `_row` and implement `_values`, `_make` and `_store`.
    `record` (when given) is the stored entry being edited; saving updates it.
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
        self._rows = QGridLayout()
        self._rows.setHorizontalSpacing(14)
        self._rows.setVerticalSpacing(8)
        self._rows.setColumnStretch(1, 1)
        self._errors: dict[str, InlineError] = {}
        self._field_labels: dict[str, str] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self._touched: set[str] = set()
        self._problems: dict[str, InvalidInput] = {}
        self._loading = False
        self._confirmation = ""
        self._confirmation_timer = QTimer(self, singleShot=True, interval=CONFIRMATION_MS)
        self._confirmation_timer.timeout.connect(self._end_confirmation)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        outer.addLayout(self._rows)
        actions = QHBoxLayout()
        self.status = tone_label("", "muted", self)
        self.status.setAccessibleName("Status")
        self.save_button = QPushButton(self._save_text(), self)
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        actions.addWidget(self.status, 1)
        self._actions = actions
        actions.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(actions)
        outer.addStretch(1)  # spare height goes below the form, not between its rows

        form_keys(self, self.save, self._escape)

    def _escape(self) -> None:
        """Escape clears a form on Today; in the edit dialog it cancels the dialog."""
        window = self.window()
        if self.editing and isinstance(window, QDialog):
            window.reject()
        else:
            self.clear()

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
        focusable = widget if widget.focusPolicy() != Qt.FocusPolicy.NoFocus else None
        if focusable is not None:
            title.setBuddy(focusable)
        label_box = QVBoxLayout()
        label_box.setSpacing(0)
        if not hint:  # line the label up with the text inside the field
            label_box.setContentsMargins(0, 4, 0, 0)
        label_box.addWidget(title)
        if journal_item:
            tag = tone_label(JOURNAL_ITEM, "muted", self, small=True)
            tag.setToolTip(JOURNAL_ITEM_TIP)
            tag.setWordWrap(False)
            label_box.addWidget(tag)
        label_box.addStretch(1)
        field_box = QVBoxLayout()
        field_box.setSpacing(2)
        if hint:
            hint_label = tone_label(hint, "muted", self, small=True)
            field_box.addWidget(hint_label)
        if isinstance(widget, QCheckBox):  # only its box and text are clickable: keep it tight
            field_box.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            field_box.addWidget(widget)
        error = InlineError(self)
        error.setAccessibleName(f"{label} error")
        field_box.addWidget(error)
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
        """Every field's problem: after one, put a valid stand-in there and build again."""
        problems: dict[str, InvalidInput] = {}
        try:
            values = self._values()
        except InvalidInput as exc:  # text that is not a number at all
            problems[exc.field] = exc
            return problems
        for _ in range(len(self.stand_ins) + 2):
            try:
                record = self._make(values)
                self._check_more(record)
                return problems
            except InvalidInput as exc:
                problems.setdefault(exc.field, exc)
                if exc.field not in self.stand_ins:
                    return problems
                keyword, stand_in = self.stand_ins[exc.field]
                if values.get(keyword) == stand_in:
                    return problems
                values[keyword] = stand_in
        return problems

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
            with_role(self.status, "notice")
            self.status.setText("✓ " + self._confirmation)
            return
        with_role(self.status, "muted")
        waiting = [
            self._field_labels.get(f, f)
            for f in self._problems
            if f not in self._touched or f not in self._errors
        ]
        unplaced = [p for f, p in self._problems.items() if f not in self._errors]
        if unplaced:
            with_role(self.status, "error")
            self.status.setText(str(unplaced[0]))
        elif waiting:
            self.status.setText("To save, fill in: " + ", ".join(dict.fromkeys(waiting)))
        else:
            self.status.setText("")

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
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
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

    def clear(self, *, keep_confirmation: bool = False) -> None:
        self._loading = True
        try:
            self._reset()
        finally:
            self._loading = False
        self._touched.clear()
        if not keep_confirmation:
            self._end_confirmation()
        self.validate()

    def _reset(self) -> None:
        raise NotImplementedError

    def load(self, record: r.Record) -> None:
        """Show a stored record; saving then updates it."""
        self.original = record
        self._loading = True
        try:
            self._show_record(record)
        finally:
            self._loading = False
        self._touched.clear()
        self.validate()

    def _show_record(self, record: r.Record) -> None:
        raise NotImplementedError

    def refresh_suggestions(self) -> None:
        """Reload tool, people, skill and goal suggestions from the journal."""

    def has_edits(self) -> bool:
        """Whether the user changed anything since the form was cleared, loaded or saved."""
        return bool(self._touched)

    def first_input(self) -> QWidget:
        return self._field_widgets[next(iter(self._field_widgets))]

    def focus_first(self) -> None:
        self.first_input().setFocus(Qt.FocusReason.ShortcutFocusReason)


class _MomentField(QDateTimeEdit):
    """When an entry happened: follows the clock until the user sets it."""

    def __init__(self, clock: r.Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self._clock, self.following_clock = clock, True
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setCalendarPopup(True)
        self.setToolTip("Leave as it is to use the time you save.")
        self.dateTimeChanged.connect(self._set_by_user)
        self._programmatic = False
        self.follow_clock()

    def _set_by_user(self) -> None:
        if not self._programmatic:
            self.following_clock = False

    def _show(self, moment: datetime) -> None:
        self._programmatic = True
        try:
            self.setDateTime(_to_qdatetime(moment))
        finally:
            self._programmatic = False

    def follow_clock(self) -> None:
        self.following_clock = True
        self._show(self._clock())

    def show_moment(self, moment: datetime) -> None:
        self.following_clock = True  # unchanged until the user edits it
        self._show(moment)

    def moment(self, default: datetime | None) -> datetime:
        """The shown time, or `default` (the stored or current time) if the user left it."""
        if self.following_clock:
            return default or self._clock()
        return _from_qdatetime(self.dateTime())


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
                *self.burnout_buttons[:1],
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

    def _set_tab_order(self, widgets: list[QWidget]) -> None:
        for first, second in zip(widgets, widgets[1:]):
            QWidget.setTabOrder(first, second)

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


class _PatternChoice(QWidget):
    """The five patterns as radio buttons, grouped by mode, each with its explanation."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        row = 0
        for mode, title, about in (
            (Mode.AUGMENTATION, "Augmentation", "you stay in the work"),
            (Mode.AUTOMATION, "Automation", "the AI does the work"),
        ):
            head = QLabel(f"<b>{title}</b> — {about}", self)
            head.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(head, row, 0, 1, 2)
            row += 1
            for p in (p for p in PATTERNS if p.mode is mode):
                button = QRadioButton(self)
                button.setAccessibleName(p.label)
                button.setAccessibleDescription(p.explanation)
                texts = QVBoxLayout()
                texts.setSpacing(0)
                for text in (
                    ClickLabel(p.label, button, self),
                    ClickLabel(p.explanation, button, self, "muted", small=True),
                ):
                    text.setWordWrap(False)  # short lines; wrapping here clipped in dialogs
                    texts.addWidget(text)
                grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addLayout(texts, row, 1)
                self.group.addButton(button)
                self.buttons[p.id] = button
                row += 1
            grid.setRowMinimumHeight(row, 6)
            row += 1
        self.setFocusProxy(next(iter(self.buttons.values())))

    def value(self) -> str:
        checked = self.group.checkedButton()
        return next((pid for pid, b in self.buttons.items() if b is checked), "")

    def set_value(self, pattern_id: str | None) -> None:
        self.group.setExclusive(False)
        for pid, button in self.buttons.items():
            button.setChecked(pid == pattern_id)
        self.group.setExclusive(True)


class AIUseForm(EntryForm):
    """One session with an AI tool."""

    noun_in_text = "AI use"
    record_type = r.AIUse
    stand_ins = {
        "when": ("started_at", datetime(2000, 1, 1).astimezone()),
        "tool": ("tool", "tool"),
        "pattern": ("pattern", PATTERNS[0].id),
        "minutes": ("minutes", 0),
        "task": ("task", ""),
        "outcome": ("outcome", None),
        "note": ("note", ""),
        "skill": ("skills", ()),
    }

    def __init__(
        self, journal: Journal, parent: QWidget | None = None, *, record: r.AIUse | None = None
    ):
        super().__init__(journal, parent, record=record)
        self.tool = QComboBox(self)
        self.tool.setEditable(True)
        self.tool.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tool.lineEdit().setPlaceholderText("e.g. ChatGPT")
        self.tool.setMinimumContentsLength(14)
        self._row("Tool", self.tool, ["tool"])
        self._watch("tool", self.tool.editTextChanged)
        self.tool.lineEdit().setAccessibleName("Tool")
        self.task = QLineEdit(self)
        self.task.setPlaceholderText("What you worked on")
        self._row("Task", self.task, ["task"])
        self._watch("task", self.task.textEdited)
        self.pattern = _PatternChoice(self)
        self._row("Pattern", self.pattern, ["pattern"], hint="How did you work with the AI?")
        self.pattern.group.buttonToggled.connect(lambda _b, on: on and self._edited("pattern"))
        self._field_widgets["pattern"] = next(iter(self.pattern.buttons.values()))
        self.minutes = QLineEdit(self)
        self.minutes.setPlaceholderText("e.g. 20")
        self.minutes.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 12) + 16)
        self._row("Minutes", self.minutes, ["minutes"])
        self._watch("minutes", self.minutes.textEdited)
        self.replaced_person = QCheckBox("Replaced a person", self)
        self._row(
            "People",
            self.replaced_person,
            [],
            hint="This stood in for asking or working with a person",
        )
        self.replaced_person.setAccessibleName("Replaced a person")
        self._watch("replaced_person", self.replaced_person.toggled)
        self.goal = QComboBox(self)
        self._row("Goal", self.goal, ["goal"])
        self._watch("goal", self.goal.currentIndexChanged)
        self.skills = QLineEdit(self)
        self.skills.setPlaceholderText("Comma-separated, e.g. SQL, Python testing")
        self.skills_completer = CommaCompleter([], self.skills)
        self.skills.setCompleter(self.skills_completer)
        self._row("Skills", self.skills, ["skill"])
        self._watch("skill", self.skills.textChanged)
        self.outcome = ScaleInput(OUTCOME, optional=True, parent=self)
        self._row("Outcome", self.outcome, ["outcome"])
        self._watch("outcome", self.outcome.changed)
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
            self.tool,
            self.task,
            *self.pattern.buttons.values(),
            self.minutes,
            self.replaced_person,
            self.goal,
            self.skills,
            self.outcome,
            self.note,
            self.when,
            self.save_button,
        ]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self.refresh_suggestions()
        if record is not None:
            self.load(record)
        else:
            self.clear()

    def refresh_suggestions(self) -> None:
        text = self.tool.currentText()
        used = self.journal.tools()
        known = {t.casefold() for t in used}
        tools = used + [t for t in DEFAULT_TOOLS if t.casefold() not in known]
        self._loading, was_loading = True, self._loading
        try:
            self.tool.clear()
            self.tool.addItems(tools)
            self.tool.setCurrentIndex(-1)
            self.tool.setEditText(text)
            completer = name_completer(tools, self.tool)
            self.tool.setCompleter(completer)
            self.skills_completer.set_names(s.name for s in self.journal.skills())
            self._fill_goals()
        finally:
            self._loading = was_loading

    def tool_suggestions(self) -> list[str]:
        return [self.tool.itemText(i) for i in range(self.tool.count())]

    def _fill_goals(self) -> None:
        current = self.goal.currentData()
        goals = self.journal.goals()
        wanted = getattr(self.original, "goal_id", None)
        if wanted and all(g.id != wanted for g in goals):
            stored = self.journal.get(r.Goal, wanted, deleted=True)
            if stored is not None:
                goals.append(stored)
        self.goal.clear()
        self.goal.addItem("No goal", None)
        for goal in goals:
            self.goal.addItem(goal.name, goal.id)
        index = self.goal.findData(current)
        self.goal.setCurrentIndex(max(index, 0))

    def _values(self) -> dict[str, Any]:
        original = self.original if isinstance(self.original, r.AIUse) else None
        return dict(
            started_at=self.when.moment(original.started_at if original else None),
            tool=self.tool.currentText(),
            pattern=self.pattern.value(),
            minutes=parse_whole_number("minutes", self.minutes.text()),
            task=self.task.text().strip(),
            replaced_person=self.replaced_person.isChecked(),
            goal_id=self.goal.currentData(),
            skills=split_names(self.skills.text()),
            outcome=self.outcome.value(),
            note=self.note.toPlainText(),
        )

    def _store(self, record: r.Record) -> tuple[r.Record, str]:
        if self.editing:
            return self.journal.update(record), "AI use updated"
        return self.journal.add(record), "AI use saved"

    def _after_save(self, stored: r.Record) -> None:
        if not self.editing:
            self.clear(keep_confirmation=True)

    def _reset(self) -> None:
        self.original = None
        self.tool.setCurrentIndex(-1)
        self.tool.setEditText("")
        self.task.clear()
        self.pattern.set_value(None)
        self.minutes.clear()
        self.replaced_person.setChecked(False)
        self.goal.setCurrentIndex(0)
        self.skills.clear()
        self.outcome.set_value(None)
        self.note.clear()
        self.when.follow_clock()

    def _show_record(self, record: r.Record) -> None:
        assert isinstance(record, r.AIUse)
        self._fill_goals()
        self.tool.setEditText(record.tool)
        self.task.setText(record.task)
        self.pattern.set_value(record.pattern)
        self.minutes.setText(str(record.minutes))
        self.replaced_person.setChecked(record.replaced_person)
        self.goal.setCurrentIndex(max(self.goal.findData(record.goal_id), 0))
        self.skills.setText(", ".join(record.skills))
        self.outcome.set_value(record.outcome)
        self.note.setPlainText(record.note)
        self.when.show_moment(record.started_at)


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
        self.kind = QComboBox(self)
        for kind in r.TOUCHPOINT_KINDS:
            self.kind.addItem(describe.TOUCHPOINT_LABELS[kind], kind)
        self._row("Kind", self.kind, ["kind"])
        self._watch("kind", self.kind.currentIndexChanged)
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
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
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
            kind=self.kind.currentData(),
            person=person,
            minutes=parse_whole_number("minutes", self.minutes.text()),
            quality=self.quality.value(),
            skills=split_names(self.skills.text()),
            note=self.note.toPlainText(),
        )

    def _store(self, record: r.Record) -> tuple[r.Record, str]:
        if self.editing:
            stored, message = self.journal.update(record), "Touchpoint updated"
        else:
            stored, message = self.journal.add(record), "Touchpoint saved"
        # The one place touchpoints are saved in the app: a planned nudge becomes acted.
        if nudges.touchpoint_logged(self.journal, stored):
            message += " · planned touchpoint done"
        return stored, message

    def _after_save(self, stored: r.Record) -> None:
        if not self.editing:
            self.clear(keep_confirmation=True)
        self.refresh_suggestions()

    def _reset(self) -> None:
        self.original = None
        self.kind.setCurrentIndex(0)
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
        self.setMinimumWidth(width)
        if self.form is not None:
            height = self.form.heightForWidth(width - 36) + heading("x").sizeHint().height() + 60
            screen = self.screen().availableGeometry() if self.screen() else None
            if screen is not None:
                height = min(height, int(screen.height() * 0.9))
            self.resize(width, max(height, self.sizeHint().height()))

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
                name, items = inst.name, inst.items
            except InvalidInput:
                name, items = record.instrument, ()
            rows.append(("Instrument", name))
            rows.append(("Date", record.day.isoformat()))
            rows.append(("Score", "no score" if record.score is None else f"{record.score:g}"))
            if record.band:
                rows.append(("Band", record.band))
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
    dialog.accepted.connect(lambda: dialog.stored is not None and on_saved(dialog.stored))
    dialog.open()
    return dialog
