"""The window's sections (ui/sections.py): the view registry, views made when first shown,
stale marking by change notices and redrawing the view on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHBoxLayout, QWidget

from aijournal.model import records as r
from aijournal.ui.operations import Changes
from aijournal.ui.sections import JOURNAL, REVIEW, SHOWS, TRENDS, VIEWS, LaterView, Sections
from aijournal.ui.views.today import TodayView

PEOPLE = next(v for v in VIEWS if v.title == "People")


class Recorder:
    """What the sections told their owner: views made, views that announced a change."""

    def __init__(self):
        self.made: list[QWidget] = []
        self.announced: list[QWidget] = []


@pytest.fixture
def told():
    return Recorder()


@pytest.fixture
def sections(qtbot, journal, told):
    owner = QWidget()
    qtbot.addWidget(owner)
    made = Sections(owner, told.made.append, told.announced.append)
    row = QHBoxLayout(owner)
    row.addWidget(made.nav)
    row.addWidget(made.stack)
    made.start(journal)
    owner.show()
    qtbot.waitExposed(owner)
    return made


def test_a_later_view_is_equal_to_its_class_and_imported_when_loaded():
    from aijournal.ui.views.journal import JournalView
    from aijournal.ui.views.trends import TrendsView

    assert JOURNAL == JournalView and JOURNAL != TrendsView
    assert VIEWS.index(JournalView) == VIEWS.index(JOURNAL) == 1
    assert TRENDS.load() is TrendsView
    assert JOURNAL != LaterView("Journal", "views.journal", "JournalView")  # one registry entry
    assert [v.title for v in VIEWS][0] == "Today" and VIEWS[0] is TodayView
    assert set(SHOWS) == {v.title for v in VIEWS}
    assert len(VIEWS) == 9  # Ctrl+1…9 reach each one


def test_the_window_opens_with_today_alone(sections, told):
    assert sections.stack.count() == len(VIEWS)
    assert list(sections.built) == [0]
    assert [type(v) for v in told.made] == [TodayView]
    assert sections.stack.currentWidget() is sections.built[0]
    assert not isinstance(sections.stack.widget(VIEWS.index(JOURNAL)), JOURNAL.load())
    assert sections.nav.item(1).text() == "Journal" and sections.nav.item(1).toolTip() == "Ctrl+2"


def test_a_view_is_made_once_when_first_shown(sections, told):
    review = sections.show_view(REVIEW)
    assert isinstance(review, REVIEW.load())
    assert sections.stack.currentWidget() is review
    assert sections.nav.currentRow() == VIEWS.index(REVIEW)
    sections.show(0)
    assert sections.show_view(REVIEW) is review
    assert [type(v).__name__ for v in told.made] == ["TodayView", "ReviewView"]
    assert sections.view(REVIEW) is review


def test_a_change_marks_stale_only_the_views_that_show_its_table(sections):
    for view in (JOURNAL, PEOPLE, REVIEW):
        sections.view(view)
    made = (TodayView, JOURNAL, PEOPLE, REVIEW)
    today, journal_view, people, review = (VIEWS.index(v) for v in made)

    sections.mark_stale(Changes(frozenset({"touchpoints"})))
    assert sections.stale == {today, journal_view, people}  # not Review imports

    sections.stale.clear()
    sections.mark_stale(Changes(frozenset({"people"})), source=sections.built[people])
    assert sections.stale == {today, journal_view}  # People made it: it shows it already

    sections.stale.clear()
    sections.mark_stale(None)  # everything may have changed
    assert sections.stale == {today, journal_view, people, review}
    assert VIEWS.index(TRENDS) not in sections.stale  # never made: made fresh when shown


def test_a_stale_view_redraws_when_it_comes_back_on_screen(sections, journal):
    people_index = VIEWS.index(PEOPLE)
    people = sections.show_view(PEOPLE)
    assert people.table.rowCount() == 0
    sections.show(0)
    journal.add(r.Person(name="Dana", cadence_days=14))
    sections.mark_stale(Changes(frozenset({"people"})))
    assert people.table.rowCount() == 0  # off screen: not redrawn yet
    sections.show(people_index)
    assert people.table.rowCount() == 1 and people.table.item(0, 0).text() == "Dana"
    assert people_index not in sections.stale


def test_redraw_current_redraws_only_a_stale_view_on_screen(sections, journal):
    people = sections.show_view(PEOPLE)
    journal.add(r.Person(name="Dana", cadence_days=14))
    sections.redraw_current()  # not marked stale: left as it is
    assert people.table.rowCount() == 0
    sections.mark_stale(Changes(frozenset({"people"})))
    sections.redraw_current()
    assert people.table.item(0, 0).text() == "Dana"
    assert sections.stale == {0}  # Today, off screen, waits


def test_a_view_that_changed_the_journal_is_announced(sections, told):
    people = sections.show_view(PEOPLE)
    people.changed.emit()
    assert told.announced == [people]


def test_starting_again_drops_the_views_but_keeps_the_place(sections, journal, told, qtbot):
    old = sections.show_view(PEOPLE)
    sections.start(journal)
    fresh = sections.stack.currentWidget()
    assert isinstance(fresh, PEOPLE.load()) and fresh is not old
    assert list(sections.built) == [VIEWS.index(PEOPLE)]
    assert sections.stale == set()
