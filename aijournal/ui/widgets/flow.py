"""Layouts that give way on a narrow window instead of cutting things off on the right.

- `FlowLayout`: a row of controls that wraps onto the next line (filters, range pickers).
- `field`: a caption and its input kept together as one item of a flow.
- `Reflow`: two or more panes side by side when there is room, one above the other when not.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new line when the next one does not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, line_spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing, self._line_spacing = spacing, line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt API)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt API)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        width = sum(i.sizeHint().width() for i in self._items) + self._spacing * max(
            0, len(self._items) - 1
        )
        height = max((i.sizeHint().height() for i in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height)

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt API)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in `rect` (or only measure); the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:
                x, y, line = area.x(), y + line + self._line_spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def field(label: str, widget: QWidget, parent: QWidget | None = None) -> QWidget:
    """A caption and its input as one item for a `FlowLayout`; the input is named after it."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    if label:
        caption = QLabel(label, box)
        caption.setBuddy(widget)
        row.addWidget(caption)
        widget.setAccessibleName(widget.accessibleName() or label)
    row.addWidget(widget, 1)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box


class Reflow(QWidget):
    """Panes side by side from `width` logical pixels up, else one above the other."""

    SPACING = 16

    def __init__(
        self,
        panes: list[QWidget],
        width: int = 0,
        parent: QWidget | None = None,
        stretches: list[int] | None = None,
    ):
        super().__init__(parent)
        self.panes, self._width = panes, width
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(self.SPACING)
        for pane, stretch in zip(panes, stretches or [1] * len(panes)):
            self.box.addWidget(pane, stretch)

    @property
    def width_needed(self) -> int:
        """Side by side from this width: never narrower than the panes' own minimums."""
        least = sum(p.minimumSizeHint().width() for p in self.panes if not p.isHidden())
        return max(self._width, least + self.SPACING * (len(self.panes) - 1))

    @property
    def side_by_side(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # As narrow as the widest pane: one above the other is always possible.
        shown = [p.minimumSizeHint() for p in self.panes if not p.isHidden()]
        width = max((s.width() for s in shown), default=0)
        if self.side_by_side:
            return QSize(width, max((s.height() for s in shown), default=0))
        height = sum(s.height() for s in shown) + self.SPACING * max(0, len(shown) - 1)
        return QSize(width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.arrange(event.size().width())

    def arrange(self, width: int) -> None:
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if width >= self.width_needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
            self.updateGeometry()
