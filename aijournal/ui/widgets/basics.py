"""Small widget helpers every view uses: labels, headings, inline errors, tables, pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

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


def as_slot(action: Callable[[], object]) -> Callable[..., None]:
    """`action` as a slot: called without the signal's arguments, returning nothing.

    PySide6 6.12 releases a Python slot's return value once too often; a returned True,
    False or small int then crashes the interpreter later (bool_dealloc). Never return one.
    """

    def run(*_: object) -> None:
        action()

    return run


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


PAPER, INK = "#ffffff", "#111111"


def paper_preview(name: str = "Preview") -> QTextBrowser:
    """A read-only view of a printable HTML document (a summary), drawn as it prints: dark on
    white in either theme, since the document's own colours are chosen for paper."""
    view = QTextBrowser()
    view.setAccessibleName(name)
    view.setOpenLinks(False)
    palette = view.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(PAPER))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(INK))
        palette.setColor(group, QPalette.ColorRole.Link, QColor("#0b57d0"))
    view.setPalette(palette)

    def no_hairline_scroll(size) -> None:
        # Qt's table layout makes the document a pixel wider than the page: no scroll bar
        # for that, only for a table that is really wider.
        wide = size.width() > view.viewport().width() + 2
        view.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if wide else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )

    view.document().documentLayout().documentSizeChanged.connect(no_hairline_scroll)
    return view


def screen_room(window: QWidget) -> QRect:
    """The part of the screen a window may take: its screen's area without panels (a dialog
    not shown yet goes where its parent is)."""
    anchor = window.parentWidget() or window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int, *, share: float = 0.95) -> None:
    """Resize `window` to `width`×`height`, or to what the screen has room for; its minimum
    size never asks for more than that either (a dialog on a small or scaled screen)."""
    room = screen_room(window)
    width = min(width, int(room.width() * share))
    height = min(height, int(room.height() * share))
    window.setMinimumSize(min(window.minimumWidth(), width), min(window.minimumHeight(), height))
    window.resize(max(width, 1), max(height, 1))


def no_tab_stop(scroll: QAbstractScrollArea) -> QAbstractScrollArea:
    """A page's scroll area takes no Tab stop (it would be a dead one): it follows focus, and
    the wheel and scroll bar still scroll it."""
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


def scroll_page(owner: QWidget, spacing: int = 12) -> tuple[QScrollArea, QWidget, QVBoxLayout]:
    """A borderless scroll area filling `owner`, the page inside it and the page's layout."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(owner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    no_tab_stop(scroll)
    outer.addWidget(scroll)
    page = QWidget(scroll)
    scroll.setWidget(page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(20, 16, 20, 20)
    layout.setSpacing(spacing)
    return scroll, page, layout
