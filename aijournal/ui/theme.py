"""Light, dark or the system's colours, on the Fusion style, applied live."""

from __future__ import annotations

from importlib.resources import as_file

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

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
    QPalette.ColorRole.Highlight: "#3d7fd6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7ab4ff",
    QPalette.ColorRole.LinkVisited: "#b79cff",
}
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
    app.setStyle(fusion)
    app.setPalette(dark_palette() if dark else fusion.standardPalette())
    c = _ROLE_COLOURS[dark]
    app.setStyleSheet(
        f'QLabel[role="error"] {{ color: {c["error"]}; }}'
        f'QLabel[role="notice"] {{ color: {c["notice"]}; }}'
        f'QLabel[role="muted"] {{ color: {c["muted"]}; }}'
        'QLabel[role="heading"] { font-size: 15pt; font-weight: 600; }'
        'QLabel[role="title"] { font-size: 20pt; font-weight: 600; }'
    )
    return True
