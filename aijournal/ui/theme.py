"""Light, dark or the system's colours, on the Fusion style, applied live.

Every text colour here meets WCAG AA (4.5:1) on the backgrounds it is drawn on, and outlines of
controls 3:1 (tests/ui/test_contrast.py measures them from rendered pixels, in both looks).
"""

from __future__ import annotations

from importlib.resources import as_file

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from aijournal.model.resources import resource

# (role, dark colour); disabled text is dimmed separately.
_DARK = {
    QPalette.ColorRole.Window: "#2b2d31",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282c",
    QPalette.ColorRole.ToolTipBase: "#3a3d42",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#8c8f94",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#35373c",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Light: "#4a4d52",
    QPalette.ColorRole.Midlight: "#3e4146",
    QPalette.ColorRole.Mid: "#2a2c30",
    QPalette.ColorRole.Dark: "#1b1c1f",
    QPalette.ColorRole.Shadow: "#0e0e10",
    # A light accent with dark text: white on a blue dark enough to read would not stand out
    # 3:1 from the dark cards as a chosen answer must.
    QPalette.ColorRole.Highlight: "#6ea8fe",
    QPalette.ColorRole.HighlightedText: "#111318",
    QPalette.ColorRole.Link: "#7ab4ff",
    QPalette.ColorRole.LinkVisited: "#b79cff",
}
# Fusion's light palette, with darker placeholder text and highlight (Fusion's reach only
# 3.5:1 and 3.7:1).
_LIGHT = {
    QPalette.ColorRole.PlaceholderText: "#6b6b6b",
    QPalette.ColorRole.Highlight: "#2b6cb8",
}
# The edge of an unchecked radio button, check box or 1–5 button: 3:1 on window and cards.
_OUTLINE = {False: "#767676", True: "#8c8f94"}
# Message colours that stay readable on each background.
_ROLE_COLOURS = {
    False: {"error": "#b3261e", "notice": "#1b6e3a", "muted": "#5f6368", "warning": "#a14a00"},
    True: {"error": "#ff8a80", "notice": "#7fd99a", "muted": "#a4a8ae", "warning": "#ffb74d"},
}


def app_icon() -> QIcon:
    with as_file(resource("icons", "aijournal.svg")) as path:
        return QIcon(str(path))


def wants_dark(choice: str) -> bool:
    """Whether `choice` ("system", "light" or "dark") means dark colours right now."""
    if choice == "system":
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return choice == "dark"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colour(role: str, palette: QPalette | None = None) -> QColor:
    """A message colour ("error", "notice", "muted", "warning") for the palette in use."""
    palette = palette or QApplication.palette()
    return QColor(_ROLE_COLOURS[is_dark(palette)][role])


def outline_colour(palette: QPalette | None = None) -> QColor:
    """The edge of a control that must show without its text (unchecked boxes, 1–5 buttons)."""
    return QColor(_OUTLINE[is_dark(palette or QApplication.palette())])


class _Outlined(QProxyStyle):
    """Fusion, with radio buttons and check boxes edged so they show when unchecked.

    Fusion draws their edge barely darker than the window: on dark cards it vanishes.
    """

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 (Qt API)
        super().drawPrimitive(element, option, painter, widget)
        if (
            element
            not in (
                QStyle.PrimitiveElement.PE_IndicatorRadioButton,
                QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            )
            or not option.state & QStyle.StateFlag.State_Enabled
        ):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(outline_colour(option.palette), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.6, 0.6, -0.6, -0.6)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1.5, 1.5)
        painter.restore()


def light_palette(base: QPalette) -> QPalette:
    palette = QPalette(base)
    for role, value in _LIGHT.items():
        palette.setColor(role, QColor(value))
    return palette


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, value in _DARK.items():
        palette.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7277"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#4a4d52"))
    return palette


def apply(app: QApplication, choice: str) -> bool:
    """Use Fusion with light or dark colours; True when the look changed.

    Re-styling every live widget is slow, so nothing happens when the look would not change.
    """
    dark = wants_dark(choice)
    if app.property("aijournal_dark") == dark:
        return False
    app.setProperty("aijournal_dark", dark)
    fusion = QStyleFactory.create("Fusion")
    palette = dark_palette() if dark else light_palette(fusion.standardPalette())
    app.setStyle(_Outlined(fusion))  # the proxy owns `fusion` from here on
    app.setPalette(palette)
    c, edge = _ROLE_COLOURS[dark], _OUTLINE[dark]
    app.setStyleSheet(
        f'QLabel[role="error"] {{ color: {c["error"]}; }}'
        f'QLabel[role="notice"] {{ color: {c["notice"]}; }}'
        f'QLabel[role="muted"] {{ color: {c["muted"]}; }}'
        f'QLabel[role="warning"] {{ color: {c["warning"]}; }}'
        'QLabel[role="heading"] { font-size: 15pt; font-weight: 600; }'
        'QLabel[role="title"] { font-size: 20pt; font-weight: 600; }'
        # The 1–5 answers: a visible edge when unchecked, the highlight when chosen.
        f"ScaleInput QPushButton {{ border: 1px solid {edge}; border-radius: 4px;"
        " padding: 3px 0px; background: palette(button); color: palette(button-text); }"
        "ScaleInput QPushButton:checked { background: palette(highlight);"
        " color: palette(highlighted-text); border-color: palette(highlight); }"
        "ScaleInput QPushButton:hover:!checked { border-color: palette(highlight); }"
    )
    return True
