"""Cards: the framed panels Today, Trends and Insights are made of, and their headings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from aijournal.ui.theme import is_dark
from aijournal.ui.widgets.basics import with_role


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
    label.setWordWrap(True)  # a long title takes two lines on a small screen
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
