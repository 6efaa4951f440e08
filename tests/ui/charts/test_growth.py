"""A skill's charts: the self-rating step line held until today, event lanes by source, the
stacked monthly bars and their month labels, in the light and the dark palette."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from aijournal.growth import skills
from aijournal.growth.skills import MonthMinutes, Source
from aijournal.model import records as r
from aijournal.ui import theme
from aijournal.ui.charts.growth import (
    DAY,
    LANES,
    SYMBOLS,
    growth_chart,
    months_chart,
    seconds,
    source_colour,
)

TODAY = date(2026, 11, 27)  # the clock fixture's day


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10).astimezone()


@pytest.fixture
def timeline(journal):
    """SQL rated twice, delegated to AI once and learned from Dana once."""
    journal.add(r.Skill(name="SQL"))
    journal.rate_skill(r.SkillRating(skill="SQL", day=date(2026, 9, 1), rating=2))
    journal.rate_skill(r.SkillRating(skill="SQL", day=date(2026, 10, 15), rating=4))
    journal.add(
        r.AIUse(
            started_at=at(date(2026, 11, 2)),
            tool="ChatGPT",
            pattern="directive",
            minutes=15,
            skills=("SQL",),
        )
    )
    journal.add(
        r.Touchpoint(
            at=at(date(2026, 11, 20)), kind="pairing", person="Dana", minutes=30, skills=("SQL",)
        )
    )
    return skills.skill_timeline(journal, "SQL")


def chart(qtbot, widget):
    qtbot.addWidget(widget)
    return widget


def test_the_last_rating_holds_until_today(qtbot, timeline):
    widget = chart(qtbot, growth_chart(timeline, TODAY))
    step = widget.getPlotItem().listDataItems()[0]  # drawn first, under the markers
    x, y = step.getData()
    assert list(y) == [2, 4]
    assert list(x) == [seconds(date(2026, 9, 1)), seconds(date(2026, 10, 15)), seconds(TODAY)]
    (left, right), _ = widget.getPlotItem().viewRange()
    assert left == pytest.approx(seconds(date(2026, 9, 1)) - 3 * DAY)
    assert right == pytest.approx(seconds(TODAY) + 3 * DAY)


def test_events_sit_in_their_source_lane_at_midday_with_their_own_shape(qtbot, timeline):
    widget = chart(qtbot, growth_chart(timeline, TODAY))
    assert set(widget.events) == {Source.BY_AI, Source.FROM_PEOPLE}
    for source, day in (
        (Source.BY_AI, date(2026, 11, 2)),
        (Source.FROM_PEOPLE, date(2026, 11, 20)),
    ):
        scatter = widget.events[source]
        x, y = scatter.getData()
        assert list(x) == [seconds(day) + DAY / 2] and list(y) == [LANES[source]]
        assert scatter.opts["symbol"] == SYMBOLS[source]
    hollow = widget.events[Source.FROM_PEOPLE].opts["brush"].style()
    assert hollow == Qt.BrushStyle.NoBrush
    assert widget.events[Source.BY_AI].opts["brush"].style() == Qt.BrushStyle.SolidPattern


def test_colours_follow_the_palette(qtbot, timeline):
    dark = theme.dark_palette()
    light = theme.light_palette(pg.QtWidgets.QApplication.palette())
    assert source_colour(Source.WITH_AI, dark).name() == "#6cb4ff"
    assert source_colour(Source.WITH_AI, light).name() == "#1f6fb2"
    widget = chart(qtbot, growth_chart(timeline, TODAY, palette=dark))
    pen = widget.events[Source.BY_AI].opts["pen"]
    assert pen.color().name() == "#ff8a70"
    assert widget.backgroundBrush().color().name() == dark.color(dark.ColorRole.Base).name()


def test_a_skill_without_history_says_so_over_the_last_three_months(qtbot, journal):
    journal.add(r.Skill(name="Rust"))
    widget = chart(qtbot, growth_chart(skills.skill_timeline(journal, "Rust"), TODAY))
    assert widget.ratings is None and widget.events == {}
    [text] = [i for i in widget.getPlotItem().items if isinstance(i, pg.TextItem)]
    assert text.toPlainText() == "No ratings or learning events yet"
    (left, right), _ = widget.getPlotItem().viewRange()
    assert left == pytest.approx(seconds(TODAY - timedelta(days=90)) - 3 * DAY)
    assert right == pytest.approx(seconds(TODAY) + 3 * DAY)


def months(n: int) -> list[MonthMinutes]:
    """`n` months up to Mar 2027, with 10, 20 and 30 minutes from the three sources."""
    out = []
    for i in range(n):
        index = 2027 * 12 + 2 - (n - 1 - i)
        out.append(MonthMinutes(f"{index // 12}-{index % 12 + 1:02d}", 10, 20, 30 + i))
    return out


def test_month_bars_stack_in_order_with_aid_before_delegation_before_people(qtbot):
    widget = chart(qtbot, months_chart(months(3)))
    bars = [i for i in widget.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    assert [b.name() for b in bars] == ["With AI", "By AI", "People"]
    assert [list(b.opts["y0"]) for b in bars] == [[0, 0, 0], [10, 10, 10], [30, 30, 30]]
    assert list(widget.bars[Source.FROM_PEOPLE]) == [30, 31, 32]
    _, (bottom, top) = widget.getPlotItem().viewRange()
    assert (bottom, top) == pytest.approx((0, 62 * 1.3))
    title = widget.getPlotItem().titleLabel.text
    assert "Minutes per month by source, Jan 2027 – Mar 2027" in title


def test_at_most_six_month_labels_and_always_the_newest(qtbot):
    widget = chart(qtbot, months_chart([vars(m) for m in months(14)]))  # dicts work too
    [labels] = widget.getPlotItem().getAxis("bottom")._tickLevels
    texts = [text for _, text in labels]
    assert len(texts) <= 6 and texts[0] == "Mar"
    assert texts == ["Mar", "Dec", "Sep", "Jun", "Mar"]  # every third month back from Mar 2027
    assert np.sum(widget.bars[Source.WITH_AI]) == 140
    six = chart(qtbot, months_chart(months(6)))
    [labels] = six.getPlotItem().getAxis("bottom")._tickLevels
    assert [t for _, t in labels] == ["Mar", "Feb", "Jan 2027", "Dec", "Nov", "Oct"]


def test_no_months_make_an_empty_chart_with_room_for_an_hour(qtbot):
    widget = chart(qtbot, months_chart([]))
    assert widget.getPlotItem().titleLabel.text == "Minutes per month by source"
    assert all(len(h) == 0 for h in widget.bars.values())
    _, (bottom, top) = widget.getPlotItem().viewRange()
    assert (bottom, top) == pytest.approx((0, 60))
