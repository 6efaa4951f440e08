"""Calendar: the year in pixels shows the figures of `aijournal calendar`, a day opens in the
Journal by click or Enter, arrows move day by day, both themes' colours read."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from clitools import run
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QRadioButton, QToolButton
from ui.contrast import ratio

from aijournal.journaling import demo
from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal
from aijournal.ui import theme
from aijournal.ui.views.calendar import DAY_ROLE, SCALE_COLOURS, CalendarView, scale_colours
from aijournal.ui.views.journal import JournalView
from aijournal.ui.widgets.basics import find

TODAY = date(2026, 11, 27)  # the `clock` fixture's Friday


@pytest.fixture
def view(qtbot, sample_journal):
    shown = CalendarView(sample_journal)
    qtbot.addWidget(shown)
    shown.resize(1000, 600)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def cells(view: CalendarView) -> dict[date, tuple]:
    """What each day's cell shows: its figures, its colour and its words."""
    model, found = view.model, {}
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            day = index.data(DAY_ROLE)
            if day is None:
                assert not index.flags() & Qt.ItemFlag.ItemIsEnabled  # no 30 February
                continue
            colour = index.data(Qt.ItemDataRole.BackgroundRole)
            found[day.day] = (
                day.checkin,
                day.burnout,
                day.connection,
                day.band,
                day.entries,
                colour.name() if colour is not None else None,
                index.data(Qt.ItemDataRole.AccessibleTextRole),
            )
    return found


def pick(view: CalendarView, measure: str) -> None:
    find(view, QRadioButton, f"Colour by {measure}").click()


def test_the_view_shows_the_figures_of_the_command_line(qtbot, home):
    with Journal.open(DataPaths(home)) as journal:  # the real clock, as the CLI's
        demo.fill(journal, days=400)  # into last year
    journal = Journal.open(DataPaths(home))
    view = CalendarView(journal)
    qtbot.addWidget(view)
    view.show()
    colours = [c.name() for c in scale_colours()]
    try:
        for measure in ("burnout", "connection"):
            pick(view, measure)
            for year in (view.year, view.year - 1):
                if year != view.year:
                    qtbot.mouseClick(
                        find(view, QToolButton, "Previous year"), Qt.MouseButton.LeftButton
                    )
                code, out = run(
                    "calendar", "--year", str(year), "--measure", measure, "--format", "json"
                )
                assert code == 0, out
                cli = json.loads(out)
                shown = cells(view)
                assert view.year == year and len(shown) == len(cli["days"])
                for day in cli["days"]:
                    on = date.fromisoformat(day["day"])
                    checkin, burnout, connection, band, entries, colour, words = shown[on]
                    assert (checkin, burnout, connection, band, entries) == (
                        day["checkin"],
                        day["burnout"],
                        day["connection"],
                        day["band"],
                        day["entries"],
                    ), on
                    assert colour == (colours[band - 1] if band else None)
                    assert words.startswith(f"{on:%a} {on.day} {on:%B %Y}: ")
                    if checkin:
                        assert f"burnout {burnout}, connection {connection}" in words
                assert sum(c[0] for c in shown.values()) == cli["logged_days"] > 0
                streaks = cli["streaks"]
                for which, label in (
                    ("current", view.current_streak),
                    ("longest", view.longest_streak),
                ):
                    figures = streaks[which]
                    if figures is None:  # the sample skipped today and yesterday
                        assert label.text().startswith(f"{which.capitalize()} streak: none")
                        continue
                    first, last = (date.fromisoformat(figures[k]) for k in ("first", "last"))
                    span = f"{first.day} {first:%b %Y} to {last.day} {last:%b %Y}"
                    assert f"{figures['days']} days, {span}" in label.text()
            qtbot.mouseClick(find(view, QToolButton, "Next year"), Qt.MouseButton.LeftButton)
    finally:
        journal.close()


def test_a_click_on_a_day_opens_it_in_the_journal(qtbot, sample_journal):
    from aijournal.ui.main_window import MainWindow

    window = MainWindow(sample_journal, use_tray=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    view = window.view(CalendarView)
    window.show_view(window.views.index(view))
    day = next(d for d in reversed(view.shown.days) if d.checkin and d.entries > 1)
    grid = view.grid
    place = grid.visualRect(view.model.index_of(day.day)).center()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=place)
    journal = window.view(JournalView)
    assert window.stack.currentWidget() is journal
    wanted = journal.current_filter()
    assert (wanted.start, wanted.end) == (day.day, day.day)
    assert journal.model.rowCount() == day.entries
    assert {r_day(entry) for entry in journal.model.rows} == {day.day}


def r_day(entry) -> date:
    return entry.day if hasattr(entry, "day") else entry.started_at.astimezone().date()


def test_arrows_move_day_by_day_and_enter_opens_the_day(qtbot, view):
    grid = view.grid
    grid.setFocus()
    opened = []
    view.open_days.connect(lambda first, last: opened.append((first, last)))

    def at() -> date:
        return view.model.day_at(grid.currentIndex()).day

    def press(key, times: int = 1) -> date:
        for _ in range(times):
            qtbot.keyClick(grid, key)
        return at()

    assert at() == TODAY and view.day_label.text().startswith("Fri 27 November 2026: ")
    assert grid.accessibleDescription() == view.day_label.text()
    assert press(Qt.Key.Key_Right) == date(2026, 11, 28)
    assert press(Qt.Key.Key_Left, 3) == date(2026, 11, 25)
    assert press(Qt.Key.Key_Up) == date(2026, 10, 25)
    assert press(Qt.Key.Key_Down) == date(2026, 11, 25)
    assert press(Qt.Key.Key_Up, 9) == date(2026, 2, 25)
    assert press(Qt.Key.Key_Right, 4) == date(2026, 3, 1)  # on across the end of February
    assert press(Qt.Key.Key_Left) == date(2026, 2, 28)
    grid.setCurrentIndex(view.model.index_of(date(2026, 3, 31)))
    assert press(Qt.Key.Key_Down) == date(2026, 4, 30)  # April has no 31st
    assert press(Qt.Key.Key_Home) == date(2026, 1, 1)
    assert press(Qt.Key.Key_Left) == date(2026, 1, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert opened == [(date(2026, 1, 1), date(2026, 1, 1))]
    assert press(Qt.Key.Key_End) == date(2026, 12, 31)
    qtbot.keyClick(grid, Qt.Key.Key_Enter)
    assert len(opened) == 1  # a day still to come has nothing to open
    assert (
        view.model.index_of(date(2026, 12, 31)).data(Qt.ItemDataRole.ToolTipRole)
        == "Thu 31 December 2026: not yet"
    )
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert not grid.hasFocus()  # Tab leaves the grid rather than walking its 372 cells


def test_tab_visits_the_year_the_measure_and_the_grid_in_order(qtbot, view, sample_journal):
    sample_journal.save_checkin(r.Checkin(day=date(2025, 6, 1), burnout=2, connection=3))
    view.refresh()  # a year before this one to go back to; none after it
    view.previous.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    names = [w.accessibleName() for w in seen]
    assert names == ["Previous year", "Colour by burnout", "Days of the year"], names


def test_the_year_and_the_measure_switch(qtbot, view, sample_journal):
    previous = find(view, QToolButton, "Previous year")
    later = find(view, QToolButton, "Next year")
    assert not later.isEnabled() and not previous.isEnabled()  # the sample starts in July
    sample_journal.save_checkin(r.Checkin(day=date(2025, 12, 31), burnout=4, connection=2))
    view.refresh()
    assert not later.isEnabled() and previous.isEnabled()
    day = next(d for d in view.shown.days if d.checkin)
    assert view.model.index_of(day.day).data(DAY_ROLE).band == day.burnout
    pick(view, "connection")
    assert view.model.index_of(day.day).data(DAY_ROLE).band == 6 - day.connection
    assert "strongly agree: connected" in " ".join(
        label.text() for label in view.legend.findChildren(type(view.day_label))
    )
    qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)
    assert view.year == 2025 and view.year_label.text() == "2025"
    assert not previous.isEnabled() and later.isEnabled()  # nothing before the first entry
    assert view.model.index_of(date(2025, 12, 31)).data(DAY_ROLE).band == 4  # connection 2
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    assert view.year == 2026


def test_a_new_check_in_redraws_the_calendar(qtbot, journal):
    from aijournal.ui.main_window import MainWindow

    window = MainWindow(journal, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    view = window.view(CalendarView)
    window.show_view(window.views.index(view))
    cell = view.model.index_of(TODAY)
    assert cell.data(DAY_ROLE).checkin is False
    assert view.current_streak.text().startswith("Current streak: none")
    journal.save_checkin(r.Checkin(day=TODAY, burnout=3, connection=2))
    journal.save_checkin(r.Checkin(day=TODAY - timedelta(days=1), burnout=1, connection=5))
    window.notices.announce()  # as the view that wrote would
    cell = view.model.index_of(TODAY)
    assert (cell.data(DAY_ROLE).burnout, cell.data(DAY_ROLE).band) == (3, 3)
    assert view.current_streak.text().startswith("Current streak: 2 days, 26 Nov 2026")


def painted(view: CalendarView, day: date) -> QColor:
    image = view.grid.viewport().grab().toImage()
    centre = view.grid.visualRect(view.model.index_of(day)).center()
    return image.pixelColor(QPoint(centre.x(), centre.y()))


@pytest.mark.parametrize("look", ["light", "dark"])
def test_days_without_a_check_in_are_empty_and_the_colours_read(qtbot, view, qapp, look):
    try:
        theme.apply(qapp, look)
        view.refresh()
        base = view.grid.viewport().palette().color(QPalette.ColorRole.Base)
        colours = SCALE_COLOURS[look == "dark"]
        for colour in colours:
            assert ratio(QColor(colour), base) >= 3.0, colour  # WCAG 1.4.11, shapes
        assert ratio(theme.outline_colour(), base) >= 3.0  # the empty day's outline
        logged = next(d for d in view.shown.days if d.checkin)
        empty = next(d for d in view.shown.days if not d.checkin and d.day < TODAY)
        assert painted(view, logged.day).name() == colours[logged.band - 1]
        inside = painted(view, empty.day)
        assert inside == base and inside.name() not in colours
    finally:
        theme.apply(qapp, "light")
        view.refresh()


def test_every_cell_says_its_day_to_assistive_technology(view):
    words = cells(view)
    assert len(words) == 365
    march = words[date(2026, 3, 3)][-1]
    assert march.startswith("Tue 3 March 2026: ")
    assert all(w[-1] for w in words.values())
    assert find(view, QRadioButton, "Colour by burnout").isChecked()
    assert view.grid.accessibleName() == "Days of the year"
