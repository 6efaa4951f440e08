"""Layouts that give way on a narrow window: a row that wraps, a caption kept with its input,
and panes that go one above the other when side by side does not fit."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from aijournal.ui.widgets.flow import FlowBox, Reflow, field


class Fixed(QWidget):
    """A control of a set size."""

    def __init__(self, width: int, height: int = 30):
        super().__init__()
        self.setFixedSize(width, height)

    def sizeHint(self):  # noqa: N802 (Qt override)
        return self.minimumSize()

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        return self.minimumSize()


@pytest.fixture
def on_screen(qtbot):
    """Put a widget on a shown page of its own (no layout: the test sizes it), so that each
    resize reaches it at once."""

    holders = []

    def placed(widget: QWidget) -> QWidget:
        holder = QWidget()
        holders.append(holder)  # qtbot holds widgets weakly
        qtbot.addWidget(holder)
        widget.setParent(holder)
        holder.resize(1200, 600)
        holder.show()
        qtbot.waitExposed(holder)
        return widget

    yield placed
    holders.clear()


@pytest.fixture
def flow(on_screen):
    box = on_screen(FlowBox(spacing=10, line_spacing=6))
    for width in (100, 100, 100):
        box.addWidget(Fixed(width))
    return box


def test_a_row_wraps_onto_the_next_line_when_the_next_control_does_not_fit(flow):
    first, second, third = flow._widgets
    flow.resize(250, 100)
    assert (first.x(), first.y(), second.x(), second.y()) == (0, 0, 110, 0)
    assert (third.x(), third.y()) == (0, 36)  # a new line, line_spacing below
    assert flow.heightForWidth(250) == 66 and flow.heightForWidth(320) == 30
    assert flow.heightForWidth(90) == 3 * 30 + 2 * 6  # one a line, each cut to the width
    flow.resize(320, 100)
    assert (third.x(), third.y()) == (220, 0)


def test_hidden_controls_take_no_room(flow):
    flow._widgets[1].hide()
    flow.resize(250, 100)
    assert flow._widgets[2].pos().toTuple() == (110, 0)
    assert flow.sizeHint().toTuple() == (210, 30)
    assert flow.minimumSizeHint().width() == 100


def test_the_size_hint_is_one_line_and_the_minimum_the_widest_control(qtbot):
    box = FlowBox(spacing=8)
    qtbot.addWidget(box)
    assert box.sizeHint().toTuple() == (0, 0) and box.hasHeightForWidth()
    box.addWidget(Fixed(40, 20))
    box.addWidget(Fixed(120, 25))
    assert box.sizeHint().toTuple() == (168, 25)
    assert box.minimumSizeHint().width() == 120


def test_a_field_keeps_its_caption_with_its_input_and_names_it(qtbot):
    kind = QComboBox()
    item = field("Kind", kind)
    qtbot.addWidget(item)
    [caption] = item.findChildren(QLabel)
    assert caption.text() == "Kind" and caption.buddy() is kind and kind.parent() is item
    assert kind.accessibleName() == "Kind"
    named = QComboBox()
    named.setAccessibleName("Touchpoint kind")
    kept = field("Kind", named)
    qtbot.addWidget(kept)
    assert named.accessibleName() == "Touchpoint kind"  # a name already given stays
    bare = field("", QComboBox())
    qtbot.addWidget(bare)
    assert bare.findChildren(QLabel) == []


def test_panes_sit_side_by_side_only_from_the_width_asked_for(qtbot, on_screen):
    left, right = Fixed(150, 80), Fixed(150, 40)
    reflow = on_screen(Reflow([left, right], width=500))
    assert reflow.width_needed == 500
    reflow.resize(600, 200)
    assert reflow.side_by_side
    qtbot.waitUntil(lambda: right.x() >= left.x() + 150 + Reflow.SPACING)
    reflow.resize(499, 200)
    assert not reflow.side_by_side
    qtbot.waitUntil(lambda: left.x() == right.x() and right.y() >= left.y() + 80)
    assert reflow.minimumSizeHint().toTuple() == (150, 80 + Reflow.SPACING + 40)
    reflow.resize(520, 200)
    assert reflow.side_by_side and reflow.minimumSizeHint().toTuple() == (150, 80)


def test_panes_never_squeeze_below_their_own_minimums(on_screen):
    panes = [Fixed(300), Fixed(300), Fixed(300)]
    reflow = on_screen(Reflow(panes, width=400))
    assert reflow.width_needed == 900 + 2 * Reflow.SPACING
    reflow.resize(800, 100)
    assert not reflow.side_by_side
    panes[2].hide()
    assert 600 + Reflow.SPACING <= reflow.width_needed < 900


def test_a_hidden_pane_leaves_no_gap_to_make_room_for(on_screen):
    panes = [Fixed(300), Fixed(300), Fixed(300)]
    reflow = on_screen(Reflow(panes))
    panes[2].hide()
    reflow.resize(1200, 100)
    assert reflow.box.minimumSize().width() == 600 + Reflow.SPACING  # what the layout needs
    reflow.resize(600 + Reflow.SPACING, 100)
    assert reflow.side_by_side
