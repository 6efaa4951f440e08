"""WCAG contrast measured from rendered pixels.

A window is drawn at three times its size (so even a thin letter has pixels of its full
colour); for each piece of text the background is the crop's commonest colour and the text is
the pixel that differs from it most. Anti-aliasing can only lower what is measured, so a pass
is a pass. WCAG 2.x: 4.5:1 for text, 3:1 for the parts of a control that show its state.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTextBrowser,
    QWidget,
)

SCALE = 3
TEXT, INDICATOR = 4.5, 3.0


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB colours (..., 3) in 0–255."""
    c = rgb.astype(np.float64) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def ratio(a: QColor | np.ndarray, b: QColor | np.ndarray) -> float:
    la, lb = (
        float(luminance(np.array(c.getRgb()[:3])) if isinstance(c, QColor) else luminance(c))
        for c in (a, b)
    )
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


def render(root: QWidget) -> np.ndarray:
    """`root` drawn at SCALE times, as an (h, w, 3) array of RGB."""
    image = QImage(root.size() * SCALE, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(SCALE)
    image.fill(QColor("magenta"))  # nothing should stay this colour
    painter = QPainter(image)
    root.render(
        painter,
        QPoint(0, 0),
        QRegion(),
        QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren,
    )
    painter.end()
    array = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4
    )
    return array[:, : image.width(), 2::-1].copy()  # BGRA in memory: to RGB


def _crop(pixels: np.ndarray, rect: QRect) -> np.ndarray:
    top, left = max(rect.top() * SCALE, 0), max(rect.left() * SCALE, 0)
    return pixels[top : (rect.bottom() + 1) * SCALE, left : (rect.right() + 1) * SCALE]


def _commonest(crop: np.ndarray) -> np.ndarray:
    flat = crop.reshape(-1, 3).astype(np.uint32)
    packed = flat[:, 0] << 16 | flat[:, 1] << 8 | flat[:, 2]
    colours, counts = np.unique(packed, return_counts=True)
    top = int(colours[counts.argmax()])
    return np.array([top >> 16, top >> 8 & 255, top & 255])


def text_contrast(pixels: np.ndarray, rect: QRect) -> float | None:
    """The contrast of the text in `rect` with the background behind it; None if empty."""
    crop = _crop(pixels, rect)
    if crop.size == 0:
        return None
    background = _commonest(crop)
    lum = luminance(crop.reshape(-1, 3))
    base = float(luminance(background))
    far = lum[np.abs(lum - base).argmax()]
    if abs(far - base) < 1e-6:
        return None  # nothing drawn
    return (max(far, base) + 0.05) / (min(far, base) + 0.05)


def edge_contrast(pixels: np.ndarray, inner: QRect, margin: int = 3) -> float:
    """How a control's edge (inside `inner`) stands out from the surface around it."""
    around = _crop(pixels, inner.adjusted(-margin, -margin, margin, margin))
    ring = np.concatenate(
        [around[: margin * SCALE].reshape(-1, 3), around[-margin * SCALE :].reshape(-1, 3)]
    )
    surface = _commonest(ring)
    crop = _crop(pixels, inner)
    lum = luminance(crop.reshape(-1, 3))
    base = float(luminance(surface))
    far = lum[np.abs(lum - base).argmax()]
    return (max(far, base) + 0.05) / (min(far, base) + 0.05)


@dataclass(frozen=True)
class Finding:
    what: str
    ratio: float
    needed: float

    def __str__(self) -> str:
        return f"{self.what}: {self.ratio:.2f}:1 (needs {self.needed}:1)"


def _inside(widget: QWidget, root: QWidget, rect: QRect | None = None) -> QRect:
    rect = rect if rect is not None else widget.rect()
    return QRect(widget.mapTo(root, rect.topLeft()), rect.size()) & QRect(QPoint(0, 0), root.size())


def _visible_to(widget: QWidget, root: QWidget) -> bool:
    if not widget.isVisibleTo(root) or widget.width() < 2 or widget.height() < 2:
        return False
    region = widget.visibleRegion()
    return not region.isEmpty()


def _label_of(widget: QWidget) -> str:
    text = widget.accessibleName()
    if not text and hasattr(widget, "text"):
        text = widget.text()
    if not text and isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    return f"{type(widget).__name__} {text[:40]!r}"


def text_rect(widget: QWidget) -> QRect | None:
    """Where the widget draws its text, in its own coordinates (None: it shows no text)."""
    if isinstance(widget, QLabel):
        if not widget.text() or widget.pixmap() and not widget.pixmap().isNull():
            return None
        return widget.contentsRect()
    if isinstance(widget, (QCheckBox, QRadioButton)):
        if not widget.text():
            return None
        option = QStyleOptionButton()
        option.initFrom(widget)
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(widget, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        return widget.style().subElementRect(element, option, widget)
    if isinstance(widget, QPushButton):
        return widget.rect().adjusted(4, 4, -4, -4) if widget.text() else None
    if isinstance(widget, QLineEdit):
        if isinstance(widget.parentWidget(), QAbstractSpinBox) and not widget.isVisible():
            return None
        if not (widget.text() or widget.placeholderText()):
            return None
        return widget.rect().adjusted(4, 4, -4, -4)
    if isinstance(widget, QComboBox) and not widget.isEditable():
        return widget.rect().adjusted(4, 4, -24, -4) if widget.currentText() else None
    return None


def texts(root: QWidget, pixels: np.ndarray) -> list[Finding]:
    """Every piece of text on `root` that is enabled and visible, with its contrast."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isEnabled() or not _visible_to(widget, root):
            continue
        rect = text_rect(widget)
        if rect is None or not widget.visibleRegion().boundingRect().contains(rect):
            continue  # no text, or scrolled partly out of sight
        measured = text_contrast(pixels, _inside(widget, root, rect))
        if measured is not None:
            found.append(Finding(_label_of(widget), measured, TEXT))
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or not _visible_to(view, root) or not view.model():
            continue
        found += _cells(view, root, pixels)
    return found


def _cells(view: QAbstractItemView, root: QWidget, pixels: np.ndarray) -> list[Finding]:
    """The cells of a list, table or tree that are in sight (rows in their own colours)."""
    found, model, shown = [], view.model(), view.viewport().rect()
    for row in range(min(model.rowCount(QModelIndex()), 40)):
        for column in range(1 if isinstance(model, QAbstractListModel) else model.columnCount()):
            index = model.index(row, column)
            place = view.visualRect(index).adjusted(2, 1, -2, -1)
            text = index.data()
            if not isinstance(text, str) or not text.strip() or not shown.contains(place):
                continue
            measured = text_contrast(pixels, _inside(view.viewport(), root, place))
            if measured is not None:
                found.append(Finding(f"{view.accessibleName()} cell {text[:30]!r}", measured, TEXT))
    return found


def indicators(root: QWidget, pixels: np.ndarray) -> list[Finding]:
    """The edge of every unchecked radio button and check box, and of each 1–5 answer."""
    found = []
    for widget in root.findChildren(QAbstractButton):
        if not widget.isEnabled() or not _visible_to(widget, root):
            continue
        if isinstance(widget, (QCheckBox, QRadioButton)) and not widget.isChecked():
            option = QStyleOptionButton()
            option.initFrom(widget)
            element = (
                QStyle.SubElement.SE_CheckBoxIndicator
                if isinstance(widget, QCheckBox)
                else QStyle.SubElement.SE_RadioButtonIndicator
            )
            box = widget.style().subElementRect(element, option, widget)
            if not widget.visibleRegion().boundingRect().contains(box):
                continue
            found.append(
                Finding(
                    f"unchecked {_label_of(widget)}",
                    edge_contrast(pixels, _inside(widget, root, box), margin=2),
                    INDICATOR,
                )
            )
        elif type(widget.parentWidget()).__name__ == "ScaleInput" and (
            widget.visibleRegion().boundingRect().contains(widget.rect())
        ):
            state = "chosen" if widget.isChecked() else "unchosen"
            found.append(
                Finding(
                    f"{state} {widget.accessibleName()!r}",
                    edge_contrast(pixels, _inside(widget, root), margin=2),
                    INDICATOR,
                )
            )
    return found


def document_texts(view: QTextBrowser, root: QWidget, pixels: np.ndarray) -> list[Finding]:
    """Each block of text in an HTML view, as shown."""
    found = []
    layout = view.document().documentLayout()
    offset = QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    block = view.document().begin()
    while block.isValid():
        if block.text().strip():
            place = layout.blockBoundingRect(block).toRect().translated(-offset)
            where = _inside(view.viewport(), root, place & view.viewport().rect())
            if where.height() > 4:
                measured = text_contrast(pixels, where)
                if measured is not None:
                    found.append(Finding(f"preview {block.text()[:40]!r}", measured, TEXT))
        block = block.next()
    return found


def failing(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings if f.ratio < f.needed]


def lowest(findings: list[Finding], needed: float) -> Finding | None:
    return min((f for f in findings if f.needed == needed), key=lambda f: f.ratio, default=None)


__all__ = [
    "Finding",
    "document_texts",
    "failing",
    "indicators",
    "lowest",
    "ratio",
    "render",
    "texts",
    "Qt",
]
