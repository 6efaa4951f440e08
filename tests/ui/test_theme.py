"""Light, dark or the system's look: which one a choice means, the palettes and message
colours, applying them live (only when the look changes), and the outlined check boxes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QCheckBox, QLabel, QStyleFactory, QWidget

from aijournal.ui import theme
from aijournal.ui.widgets.basics import with_role

Role = QPalette.ColorRole


@pytest.fixture
def looks(qapp):
    """The app's look may be changed by the test; light again after it."""
    yield qapp
    QGuiApplication.styleHints().unsetColorScheme()
    theme.apply(qapp, "light")


def test_a_choice_means_dark_only_when_it_says_so_or_the_system_is_dark(looks):
    assert theme.wants_dark("dark") and not theme.wants_dark("light")
    assert not theme.wants_dark("sepia")  # an unknown choice: light
    hints = QGuiApplication.styleHints()
    for scheme in (Qt.ColorScheme.Dark, Qt.ColorScheme.Light):
        hints.setColorScheme(scheme)
        assert theme.wants_dark("system") == (hints.colorScheme() == Qt.ColorScheme.Dark)
    hints.unsetColorScheme()
    if hints.colorScheme() == Qt.ColorScheme.Unknown:  # offscreen: no system preference
        assert not theme.wants_dark("system")


def test_the_palettes_and_their_message_colours(qapp):
    dark = theme.dark_palette()
    light = theme.light_palette(QStyleFactory.create("Fusion").standardPalette())
    assert theme.is_dark(dark) and not theme.is_dark(light)
    assert dark.color(Role.Window).name() == "#2b2d31"
    assert dark.color(QPalette.ColorGroup.Disabled, Role.Text).name() == "#6f7277"
    assert light.color(Role.PlaceholderText).name() == "#6b6b6b"
    assert light.color(Role.Highlight).name() == "#2b6cb8"
    assert [theme.colour(r, dark).name() for r in ("error", "notice", "muted", "warning")] == [
        "#ff8a80",
        "#7fd99a",
        "#a4a8ae",
        "#ffb74d",
    ]
    assert theme.colour("error", light).name() == "#b3261e"
    assert (theme.outline_colour(dark).name(), theme.outline_colour(light).name()) == (
        "#8c8f94",
        "#767676",
    )
    with pytest.raises(KeyError):
        theme.colour("shouting", dark)


def test_applying_changes_the_look_only_when_it_differs(looks):
    theme.apply(looks, "light")
    assert theme.apply(looks, "light") is False
    assert theme.apply(looks, "dark") is True
    assert looks.palette().color(Role.Window).name() == "#2b2d31"
    assert "ScaleInput QPushButton" in looks.styleSheet() and "#8c8f94" in looks.styleSheet()
    assert theme.apply(looks, "dark") is False
    assert theme.apply(looks, "light") is True
    assert not theme.is_dark(looks.palette())


def test_role_labels_take_the_colour_of_the_look_in_use(qtbot, looks):
    page = QWidget()
    qtbot.addWidget(page)
    error = with_role(QLabel("Wrong", page), "error")
    muted = with_role(QLabel("Quiet", page), "muted")
    for look, expected in (("dark", "#ff8a80"), ("light", "#b3261e")):
        theme.apply(looks, look)
        page.ensurePolished()
        error.ensurePolished()
        muted.ensurePolished()
        assert error.palette().color(Role.WindowText).name() == expected
        assert muted.palette().color(Role.WindowText) == theme.colour("muted")


def edge_pixels(box: QCheckBox, colour: QColor) -> int:
    image = box.grab().toImage()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if all(
            abs(a - b) <= 12
            for a, b in zip(image.pixelColor(x, y).getRgb()[:3], colour.getRgb()[:3])
        )
    )


def test_an_unchecked_box_is_edged_in_the_outline_colour_while_enabled(qtbot, looks):
    theme.apply(looks, "dark")
    box = QCheckBox()
    qtbot.addWidget(box)
    box.resize(box.sizeHint())
    assert edge_pixels(box, theme.outline_colour()) >= 8
    box.setEnabled(False)
    assert edge_pixels(box, theme.outline_colour()) == 0


def test_the_app_icon_is_found(qapp):
    icon = theme.app_icon()
    assert not icon.isNull() and not icon.pixmap(64, 64).isNull()
