"""Layouts that give way on a narrow window instead of cutting things off on the right.

- `FlowBox`: a row of controls that wraps onto the next line (filters, range pickers).
- `field`: a caption and its input kept together as one item of a flow.
- `Reflow`: two or more panes side by side when there is room, one above the other when not.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)


class FlowBox(QWidget):
    """Widgets left to right, wrapping onto a new line when the next one does not fit.

    A widget that places its children itself rather than a QLayout subclass: a Python layout
    holds its items as wrappers that PySide may invalidate behind its back.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, line_spacing: int = 6):
        super().__init__(parent)
        self._widgets: list[QWidget] = []
        self._spacing, self._line_spacing = spacing, line_spacing
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 (like a layout's)
        widget.setParent(self)
        self._widgets.append(widget)
        widget.show()
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._place(width, move=False)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        shown = [w.sizeHint() for w in self._widgets if not w.isHidden()]
        width = sum(h.width() for h in shown) + self._spacing * max(0, len(shown) - 1)
        return QSize(width, max((h.height() for h in shown), default=0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        widest = max((w.minimumSizeHint().width() for w in self._shown()), default=0)
        return QSize(widest, self._place(max(widest, self.width()), move=False))

    def _shown(self) -> list[QWidget]:
        return [w for w in self._widgets if not w.isHidden()]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a child's size hint changed
            self.updateGeometry()
            self._place(self.width(), move=True)
        return super().event(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._place(event.size().width(), move=True)

    def _place(self, width: int, *, move: bool) -> int:
        """Put the widgets in rows `width` wide (or only measure); the height they take."""
        x = y = line = 0
        for widget in self._shown():
            hint = widget.sizeHint().expandedTo(widget.minimumSizeHint())
            size = QSize(min(hint.width(), max(width, 1)), hint.height())
            if x > 0 and x + size.width() > width:
                x, y, line = 0, y + line + self._line_spacing, 0
            if move:
                widget.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + self._spacing
            line = max(line, size.height())
        return y + line


def field(label: str, widget: QWidget, parent: QWidget | None = None) -> QWidget:
    """A caption and its input as one item for a `FlowBox`; the input is named after it."""
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
        shown = [p for p in self.panes if not p.isHidden()]
        least = sum(p.minimumSizeHint().width() for p in shown)
        return max(self._width, least + self.SPACING * max(len(shown) - 1, 0))

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
