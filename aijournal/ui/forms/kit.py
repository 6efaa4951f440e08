"""The inputs entry forms are built from: 1–5 scales, completers, pattern choice, moments."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleValueChangeEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QButtonGroup,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QVBoxLayout,
    QWidget,
)

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.patterns import PATTERNS, Mode
from aijournal.ui.forms.keys import CompleterKeys, RadioKeys
from aijournal.ui.widgets.basics import with_role
from aijournal.ui.widgets.cards import tone_label

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
_KEYPAD = Qt.KeyboardModifier.KeypadModifier


class ScaleInput(QAbstractSpinBox):
    """A 1–5 answer as five buttons; digits 1–5 and the arrows pick, Delete clears if optional.

    Underneath it is a spin box (never drawn as one), so assistive technology reads what it is:
    a value from 1 to 5 with its meaning ("4 — Agree", or "not answered"). Only the spin box's
    accessibility is used; its own keys, wheel, text and painting are replaced here.
    """

    changed = Signal()

    def __init__(self, anchors: tuple[str, ...], *, optional: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._anchors, self._optional, self._value = anchors, optional, None
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.setFrame(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.lineEdit().hide()  # holds the value as text for assistive technology only
        self.lineEdit().setReadOnly(True)
        self.setProperty("minimum", 1)  # read by Qt's accessibility for spin boxes
        self.setProperty("maximum", len(anchors))
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
        self._meaning.setWordWrap(True)
        self._meaning.setMinimumWidth(self.fontMetrics().horizontalAdvance("Moderate") + 8)
        row.addSpacing(6)
        row.addWidget(self._meaning, 1)
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
            QAccessible.updateAccessibility(QAccessibleValueChangeEvent(self, value or 0))
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
        self._tell()

    def _tell(self) -> None:
        """The value as assistive technology reads it: the number, and what it means."""
        self.setProperty("value", self._value or 0)
        self.lineEdit().setText(
            "not answered"
            if self._value is None
            else f"{self._value} — {self._anchors[self._value - 1]}"
        )

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.DynamicPropertyChange
            and bytes(event.propertyName().data()) == b"value"
            and self.property("value") != (self._value or 0)
        ):  # assistive technology set the value
            wanted = int(self.property("value") or 0)
            self._pick(wanted if 1 <= wanted <= len(self._anchors) else None)
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        key, top = event.key(), len(self._anchors)
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier, _KEYPAD):
            QWidget.keyPressEvent(self, event)
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and key - Qt.Key.Key_0 <= top:
            self._pick(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self._pick(min(top, (self._value or 0) + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self._pick(max(1, (self._value or 2) - 1))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0) and self._optional:
            self._pick(None)
        else:
            QWidget.keyPressEvent(self, event)

    # The spin box's own handling would edit its hidden text or step its (absent) value.
    def keyReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        QWidget.keyReleaseEvent(self, event)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt override)
        event.ignore()  # the page scrolls; a wheel never changes an answer

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        event.accept()

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        event.ignore()

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt override: accessibility actions)
        self._pick(max(1, min(len(self._anchors), (self._value or 0) + steps)))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 (Qt override)
        return QAbstractSpinBox.StepEnabledFlag.StepUpEnabled | (
            QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        )

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return self.layout().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self.layout().totalHeightForWidth(width)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        QWidget.showEvent(self, event)
        self._tell()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        QWidget.changeEvent(self, event)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        QWidget.focusInEvent(self, event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt override)
        QWidget.focusOutEvent(self, event)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        option = QStyleOptionFocusRect()
        option.initFrom(self)
        last = self.buttons[-1].geometry()
        option.rect = self.buttons[0].geometry().united(last).adjusted(-2, -2, 2, 2)
        option.backgroundColor = self.palette().color(QPalette.ColorRole.Window)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
        pen = painter.pen()
        pen.setColor(self.palette().color(QPalette.ColorRole.Highlight))
        pen.setWidth(2)
        painter.setPen(pen)
        painter.drawRoundedRect(option.rect, 5, 5)


class YesNoInput(ScaleInput):
    """A yes/no answer that may stay unanswered: Y or N answers, Space and the arrows
    switch, Delete clears. Read by assistive technology as "yes", "no" or "not answered"."""

    _ANSWERS = ("Yes", "No")  # button 1 is yes, button 2 no

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self._ANSWERS, optional=True, parent=parent)
        for button, text in zip(self.buttons, self._ANSWERS):
            button.setText(text)
            button.setToolTip(f"{text} ({text[0]})")
            button.setAccessibleName(text)
            button.setMinimumWidth(self.fontMetrics().horizontalAdvance(text) + 26)

    def value(self) -> int | None:
        """1 for yes, 0 for no, None when not answered (as the check-in stores it)."""
        return {1: 1, 2: 0}.get(self._value or 0)

    def set_value(self, value: int | None) -> None:
        super().set_value({1: 1, 0: 2}.get(value) if value is not None else None)

    def _show(self) -> None:
        super()._show()
        self._meaning.setText("optional" if self._value is None else "")

    def _tell(self) -> None:
        self.setProperty("value", self._value or 0)
        answer = self._value and self._ANSWERS[self._value - 1].lower()
        self.lineEdit().setText(answer or "not answered")

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier, _KEYPAD):
            QWidget.keyPressEvent(self, event)
        elif key == Qt.Key.Key_Y:
            self._pick(1)
        elif key == Qt.Key.Key_N:
            self._pick(2)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._pick(2 if self._value == 1 else 1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._pick(None)
        else:
            QWidget.keyPressEvent(self, event)


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
        CompleterKeys(self)

    def set_names(self, names: Iterable[str]) -> None:
        self.model().setStringList(list(names))

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt override)
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 (Qt override)
        widget = self.widget()
        done = widget.text().split(",")[:-1] if isinstance(widget, QLineEdit) else []
        return ", ".join([part.strip() for part in done] + [index.data()])


def name_completer(names: Iterable[str], parent: QWidget) -> QCompleter:
    """Suggestions that contain what was typed; Tab or Enter takes the first (or the chosen)."""
    completer = QCompleter(list(names), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    CompleterKeys(completer)
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
        self.keys = RadioKeys(self.group, digits=True)  # 1–5 pick in the order shown

    def focus_target(self) -> QRadioButton:
        """The chosen pattern's button, else the first: where Tab and shortcuts land."""
        return self.keys.target()

    def value(self) -> str:
        checked = self.group.checkedButton()
        return next((pid for pid, b in self.buttons.items() if b is checked), "")

    def set_value(self, pattern_id: str | None) -> None:
        self.group.setExclusive(False)
        for pid, button in self.buttons.items():
            button.setChecked(pid == pattern_id)
        self.group.setExclusive(True)
