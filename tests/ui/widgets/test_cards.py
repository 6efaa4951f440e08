"""Cards and their labels: message-coloured small text, bold headings, and a panel that reads
as raised on the window in both looks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from aijournal.ui import theme
from aijournal.ui.widgets.cards import Card, card_heading, tone_label

Role = QPalette.ColorRole


@pytest.fixture
def page(qtbot):
    made = QWidget()
    qtbot.addWidget(made)
    return made


def test_a_tone_label_wraps_in_its_role_and_can_be_small(page):
    plain = tone_label("3 days since", parent=page)
    small = tone_label("Overdue", "error", page, small=True)
    assert plain.property("role") == "muted" and small.property("role") == "error"
    assert plain.wordWrap() and small.wordWrap() and small.parent() is page
    assert small.font().pointSizeF() == pytest.approx(plain.font().pointSizeF() * 0.9)


def test_a_card_heading_is_bold_a_little_larger_and_wraps(page):
    heading = card_heading("Your week", page)
    text = QLabel("Your week", page)
    assert heading.font().bold() and heading.wordWrap()
    assert heading.font().pointSizeF() == pytest.approx(text.font().pointSizeF() * 1.15)
    assert heading.property("role") is None  # not a page title


def pixel(card: Card, x: int, y: int) -> QColor:
    return card.grab().toImage().pixelColor(x, y)


@pytest.fixture
def look(qapp, request):
    """The app in the look the test is parametrized with; light again after."""
    theme.apply(qapp, request.param)
    yield request.param
    theme.apply(qapp, "light")


@pytest.mark.parametrize("look", ["light", "dark"], indirect=True)
def test_a_card_is_filled_and_edged_apart_from_the_window(qtbot, page, look):
    palette = page.palette()
    assert theme.is_dark(palette) == (look == "dark")
    card = Card(page)
    card.resize(200, 120)
    window = palette.color(Role.Window)
    inside, edge, corner = pixel(card, 100, 60), pixel(card, 100, 0), pixel(card, 0, 0)
    if look == "light":
        assert inside == palette.color(Role.Base)
    else:
        assert inside.lightness() > window.lightness()  # raised: lighter than the window
    assert edge != inside and edge != window
    assert corner.lightness() == pytest.approx(window.lightness(), abs=25)  # rounded corner


def test_a_card_lays_out_its_content_with_room_and_takes_no_more_height_than_it_needs(page):
    card = Card(page)
    margins = card.layout().contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (16, 14, 16, 14)
    assert card.layout().spacing() == 10
    assert card.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Maximum
