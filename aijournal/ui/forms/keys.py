"""How form inputs answer the keyboard (the contract is in README.md, "Keyboard").

- `RadioKeys`: an exclusive radio group is one Tab stop, on its checked button (else its first);
  the arrow keys select the previous or next answer, not only focus it; digits pick 1–n.
- `CompleterKeys`: a completer's suggestion is taken on Tab and Enter (the highlighted one, else
  the first), so "Ch" then Tab is "ChatGPT", never "Ch"; a form's Ctrl+Enter takes it too.
- `tab_stops` / `cycle_focus`: the Tab stops inside a form, in order, for a Tab that goes round
  the form instead of leaving it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QLineEdit,
    QScrollArea,
    QWidget,
)

_PREVIOUS = (Qt.Key.Key_Up, Qt.Key.Key_Left)
_NEXT = (Qt.Key.Key_Down, Qt.Key.Key_Right)
_KEYPAD = Qt.KeyboardModifier.KeypadModifier


class RadioKeys(QObject):
    """Arrow and digit keys for one exclusive radio group, and its single Tab stop."""

    def __init__(self, group: QButtonGroup, *, digits: bool = False):
        super().__init__(group)
        self.group, self.digits = group, digits
        for button in group.buttons():
            button.installEventFilter(self)
        group.buttonToggled.connect(lambda *_: self.place_tab_stop())
        self.place_tab_stop()

    def target(self) -> QAbstractButton:
        """Where focus goes when the group takes it: the checked button, else the first."""
        return self.group.checkedButton() or self.group.buttons()[0]

    def place_tab_stop(self) -> None:
        # Qt itself moves a group's Tab stop to the button focused last; keep it on the answer.
        target = self.target()
        for button in self.group.buttons():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is target else Qt.FocusPolicy.ClickFocus
            )

    def choose(self, index: int) -> None:
        buttons = self.group.buttons()
        button = buttons[max(0, min(index, len(buttons) - 1))]
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier, _KEYPAD):
            return False
        buttons = self.group.buttons()
        key, here = event.key(), buttons.index(watched) if watched in buttons else 0
        if key in _PREVIOUS:
            self.choose(here - 1 if self.group.checkedButton() is not None else here)
        elif key in _NEXT:
            self.choose(here + 1)
        elif key == Qt.Key.Key_Home:
            self.choose(0)
        elif key == Qt.Key.Key_End:
            self.choose(len(buttons) - 1)
        elif self.digits and Qt.Key.Key_1 <= key < Qt.Key.Key_1 + len(buttons):
            self.choose(key - Qt.Key.Key_1)
        else:
            return False
        return True


def focus_target(widget: QWidget) -> QWidget:
    """The widget that should take focus for `widget`: a radio group's checked button."""
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    keys = group.findChild(RadioKeys) if group is not None else None
    return keys.target() if keys is not None else widget


class CompleterKeys(QObject):
    """Tab and Enter take the completer's suggestion while its list shows (a form's Ctrl+Enter
    takes it too before saving: `accept_pending`)."""

    def __init__(self, completer: QCompleter):
        super().__init__(completer)
        self.completer = completer
        # Installed after QCompleter's own filter, so it sees the keys first.
        completer.popup().installEventFilter(self)

    def accept(self) -> bool:
        """Put the highlighted (else the first) suggestion into the field; True if there was one."""
        completer, popup = self.completer, self.completer.popup()
        index = popup.currentIndex()
        if not index.isValid():
            index = completer.completionModel().index(0, 0)
        if not index.isValid():
            return False
        text = completer.pathFromIndex(completer.completionModel().mapToSource(index))
        popup.hide()
        field = completer.widget()  # a line edit, or an editable combo box
        line = field.lineEdit() if isinstance(field, QComboBox) else field
        if isinstance(line, QLineEdit) and line.text() != text:
            line.setText(text)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not self.completer.popup().isVisible():
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return True
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.accept()  # then QCompleter passes the Tab on to the field: focus moves on
        return False


def accept_pending(root: QWidget) -> None:
    """Take the suggestion of any completer inside `root` whose list is showing."""
    for keys in root.findChildren(CompleterKeys):
        if keys.completer.popup().isVisible():
            keys.accept()


def tab_stops(root: QWidget, *, usable_now: bool = True) -> list[QWidget]:
    """The widgets inside `root` that Tab visits, in focus-chain order (with `usable_now`
    False also those hidden or disabled at the moment)."""
    stops: list[QWidget] = []
    widget = root.nextInFocusChain()
    for _ in range(10_000):  # the chain is a ring through the whole window
        if widget is root or widget is None:
            break
        if (
            root.isAncestorOf(widget)
            and widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            and widget.focusProxy() is None
            and (not usable_now or widget.isVisibleTo(root) and widget.isEnabled())
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def cycle_focus(root: QWidget, forward: bool) -> bool:
    """Move focus to the next (previous) Tab stop inside `root`, going round at the end."""
    stops = tab_stops(root)
    if not stops:
        return False
    focused = QApplication.focusWidget()
    here = next(
        (i for i, w in enumerate(stops) if w is focused or w.isAncestorOf(focused)),
        None,
    )
    if here is None:
        target = stops[0 if forward else -1]
    else:
        target = stops[(here + (1 if forward else -1)) % len(stops)]
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    target.setFocus(reason)
    parent = target.parentWidget()
    while parent is not None:  # a page that scrolls follows the focus, as Qt's own Tab does
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(target)
        parent = parent.parentWidget()
    return True


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab goes from each of `widgets` to the next, in this order."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)
