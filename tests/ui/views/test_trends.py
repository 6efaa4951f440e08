"""Trends: ranges, shortfall messages, hover values, click-through to the Journal, PNG export."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QPushButton

from aijournal.analysis import trends
from aijournal.model import records as r
from aijournal.model.patterns import PATTERN_IDS
from aijournal.ui import theme
from aijournal.ui.views.journal import JournalView
from aijournal.ui.views.trends import TrendsView, period_days, period_label
from aijournal.ui.widgets.basics import find


def show(qtbot, journal) -> TrendsView:
    view = TrendsView(journal)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def view(qtbot, sample_journal):
    return show(qtbot, sample_journal)


def test_switching_range_changes_the_weeks_shown(qtbot, view):
    modes = view.panel("Augmentation vs automation")
    qtbot.mouseClick(find(view, QPushButton, "Range 4 weeks"), *_left())
    assert len(modes.chart.x) == 4
    qtbot.mouseClick(find(view, QPushButton, "Range 3 months"), *_left())
    assert len(modes.chart.x) == 13
    qtbot.mouseClick(find(view, QPushButton, "Range all"), *_left())
    assert len(modes.chart.x) >= 17  # 120 days of sample data
    assert modes.showing_plot and not modes.shortfall.isVisible()
    assert find(view, QPushButton, "Range all").isChecked()


def test_switching_range_reuses_the_chart_items(qtbot, view):
    """A switch only puts new data into the items made once: nothing is rebuilt (the budget)."""

    def items():
        return {
            panel.title: [
                *panel.plot.items,
                *panel.plot.listDataItems(),
                *(sample for sample, _ in panel.legend.items),
            ]
            for panel in view.panels
        }

    before = items()
    modes = view.panel("Augmentation vs automation")
    moods = view.panel("Burnout and connection").burnout_mean
    for label in ("4 weeks", "all", "1 year", "3 months"):
        qtbot.mouseClick(find(view, QPushButton, f"Range {label}"), *_left())
        after = items()
        for title, made in before.items():
            assert len(after[title]) == len(made)
            assert all(a is b for a, b in zip(after[title], made)), title
        assert view.panel("Burnout and connection").burnout_mean is moods
        assert len(modes.augmentation.opts["x"]) == len(modes.chart.x)


def test_other_ranges_are_computed_ahead_and_again_after_a_change(qtbot, view, monkeypatch):
    computed = []
    series = trends.series
    monkeypatch.setattr(
        trends,
        "series",
        lambda journal, start=None, end=None: (
            computed.append((start, end)),
            series(journal, start, end),
        )[1],
    )
    view.refresh()  # as after a write: every range is computed afresh
    qtbot.waitUntil(lambda: len(computed) == 4)
    assert len(set(computed)) == 4
    computed.clear()
    for label in ("4 weeks", "1 year", "all", "3 months"):
        qtbot.mouseClick(find(view, QPushButton, f"Range {label}"), *_left())
    assert computed == []  # a switch only draws


def test_cached_axes_paint_what_uncached_ones_would(qtbot, view, qapp):
    """The axes paint into a cache: after a switch, a resize or a theme change it is not stale."""

    def check() -> None:
        qtbot.wait(10)
        for panel in view.panels:
            if not panel.showing_plot:
                continue
            cached = panel.widget.grab().toImage()
            axes = [panel.plot.getAxis(side) for side in ("left", "bottom", "right")]
            for axis in axes:
                axis.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            fresh = panel.widget.grab().toImage()
            for axis in axes:
                axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            assert cached == fresh, panel.title

    for label in ("4 weeks", "all"):
        qtbot.mouseClick(find(view, QPushButton, f"Range {label}"), *_left())
        check()
    view.resize(900, 700)
    check()
    try:
        theme.apply(qapp, "dark")
        view.refresh()
        check()
    finally:
        theme.apply(qapp, "light")
        view.refresh()
    check()


def test_custom_range_uses_the_two_dates(qtbot, view, clock):
    today = clock().date()
    view.from_date.setDate(today - timedelta(days=13))
    view.to_date.setDate(today)
    qtbot.waitUntil(lambda: view.range_label == "Custom")
    assert len(view.panel("Augmentation vs automation").chart.x) in (2, 3)


def test_a_sparse_journal_shows_the_shortfall_message_and_no_plot(qtbot, journal, clock):
    journal.add(
        r.AIUse(started_at=clock(), tool="Claude", task="Draft", pattern=PATTERN_IDS[0], minutes=10)
    )
    view = show(qtbot, journal)
    modes = view.panel("Augmentation vs automation")
    assert not modes.showing_plot
    assert modes.shortfall.isVisible()
    assert "1 of 2 weeks" in modes.shortfall.text()
    assert not view.panel("Burnout and connection").showing_plot


def test_hover_over_a_week_shows_its_exact_values(qtbot, view):
    view.set_range("4 weeks")
    modes = view.panel("Augmentation vs automation")
    chart = modes.chart
    index = len(chart.x) - 2
    text = modes.hover_at(modes.scene_pos_of(index))
    week = chart.days[index].astype(date)
    assert text.startswith(f"Week of {period_label(week, 'week')[8:]}")
    uses = int(chart.uses[index])
    assert f"of {uses} AI uses" in text
    assert f"{chart.augmentation[index]:.0%}" in text
    assert modes.readout.isVisible()


def test_hover_over_a_day_of_burnout_shows_the_check_in(qtbot, view, sample_journal, clock):
    view.set_range("4 weeks")
    moods = view.panel("Burnout and connection")
    checkin = sample_journal.checkin_on(
        clock().date() - timedelta(days=2)
    ) or sample_journal.checkin_on(clock().date() - timedelta(days=3))
    index = list(moods.chart.days.astype(date)).index(checkin.day)
    text = moods.hover_at(moods.scene_pos_of(index))
    assert text.splitlines()[0] == period_label(checkin.day, "day")
    assert f"burnout {checkin.burnout}, connection {checkin.connection}" in text


def test_clicking_a_point_opens_that_week_in_the_journal(qtbot, sample_journal):
    from aijournal.ui.main_window import MainWindow

    window = MainWindow(sample_journal, use_tray=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    trends = window.view(TrendsView)
    window.show_view(window.views.index(trends))
    trends.set_range("4 weeks")
    replaced = trends.panel("AI uses that replaced a person")
    index = next(i for i in range(len(replaced.chart.x)) if replaced.has_value(i))
    first, last = replaced.click_at(replaced.scene_pos_of(index))
    assert (last - first).days == 6 and first.weekday() == 0
    journal = window.view(JournalView)
    assert window.stack.currentWidget() is journal
    wanted = journal.current_filter()
    assert (wanted.start, wanted.end) == (first, last)
    assert journal.model.rowCount() > 0
    assert all(first <= _day(entry) <= last for entry in journal.model.rows)


def test_save_as_png_writes_an_image(qtbot, view, tmp_path, monkeypatch):
    target = tmp_path / "modes"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PNG images (*.png)")
    )
    button = find(view, QPushButton, "Save Augmentation vs automation as PNG")
    assert button.focusPolicy() != 0  # keyboard reachable
    qtbot.mouseClick(button, *_left())
    written = tmp_path / "modes.png"
    assert written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert written.stat().st_size > 2000


def test_charts_follow_the_dark_theme(qtbot, view, qapp):
    modes = view.panel("Augmentation vs automation")
    try:
        theme.apply(qapp, "dark")
        view.refresh()
        assert modes.widget.backgroundBrush().color().lightness() < 80
    finally:
        theme.apply(qapp, "light")
        view.refresh()
    assert modes.widget.backgroundBrush().color().lightness() > 200


def test_period_days_cover_a_week_and_a_month():
    assert period_days(date(2026, 11, 23), "week") == (date(2026, 11, 23), date(2026, 11, 29))
    assert period_days(date(2026, 2, 1), "month") == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_label(date(2026, 11, 23), "day") == "Mon 23 Nov 2026"


def _day(entry) -> date:
    moment = getattr(entry, "at", None) or getattr(entry, "started_at", None) or entry.day
    return moment.date() if isinstance(moment, datetime) else moment


def _left():
    from PySide6.QtCore import Qt

    return (Qt.MouseButton.LeftButton,)


def test_from_and_to_follow_the_range_chosen(qtbot, view, clock, sample_journal):
    today = clock().date()
    for choice in trends.ranges(today):
        qtbot.mouseClick(find(view, QPushButton, f"Range {choice.label}"), *_left())
        first = choice.start or sample_journal.first_entry_day()
        assert view.from_date.date().toPython() == first, choice.label
        assert view.to_date.date().toPython() == today
        assert view.range_label == choice.label  # showing the dates is not a custom range
        qtbot.wait(300)  # longer than the custom range's typing delay
        assert view.range_label == choice.label


def date_labels(panel) -> list[tuple[str, object]]:
    """The bottom axis's labels as drawn: (text, rectangle) each."""
    from PySide6.QtGui import QImage, QPainter

    axis = panel.plot.getAxis("bottom")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, rect) for rect, _, text in texts]


@pytest.mark.parametrize("width", [640, 900, 1200])
def test_date_labels_never_run_together(qtbot, view, width):
    """ "29 Oct" once read for 29 Sep and Oct drawn on top of each other."""
    view.resize(width, 800)
    for label in ("4 weeks", "3 months", "1 year", "all"):
        view.set_range(label)
        qtbot.wait(10)
        for panel in (
            view.panel("Augmentation vs automation"),
            view.panel("Burnout and connection"),
        ):
            labels = date_labels(panel)
            assert len(labels) >= 3, (label, width, labels)
            rects = sorted((rect.left(), rect.right(), text) for text, rect in labels)
            for (_, right, a), (left, _, b) in zip(rects, rects[1:]):
                assert left - right >= 8, f"{a!r} and {b!r} touch at {label}, {width} px"


def test_each_factor_has_a_chart_with_the_figures_the_cli_prints(qtbot, view, sample_journal):
    view.set_range("4 weeks")
    slept = view.panel("Slept well")
    focus = view.panel("Focus time")
    assert [p.title for p in view.panels[-2:]] == ["Slept well", "Focus time"]
    assert slept.showing_plot and focus.showing_plot
    start, end = view.bounds("4 weeks")
    for panel in (slept, focus):
        expected = trends.factor_chart(sample_journal, panel.factor, start, end).rows()
        assert panel.chart.rows() == expected  # what `aijournal factor show` prints
    index = int(np.flatnonzero(slept.chart.answered > 0)[0])
    text = slept.hover_at(slept.scene_pos_of(index))
    answered = int(slept.chart.answered[index])
    yes = round(slept.chart.values[index] * answered)
    days = "1 day" if answered == 1 else f"{answered} days"
    assert f"yes on {yes} of {days} answered" in text


def test_a_factor_added_or_archived_changes_the_charts(qtbot, journal):
    from aijournal.journaling import factors

    view = show(qtbot, journal)
    assert not [p for p in view.panels if hasattr(p, "factor")]
    gym = factors.add(journal, "Gym", "yes-no")
    view.refresh()
    assert view.panels[-1].title == "Gym" and not view.panels[-1].shortfall.isHidden()
    assert view.panels[-1].shortfall.text().startswith("Answer “Gym” on a few more days")
    factors.set_archived(journal, gym, True)
    view.refresh()
    assert view.panels[-1].title == "Gym (archived)"
    assert len([p for p in view.panels if hasattr(p, "factor")]) == 1
