"""The window's sections: the list on the left and the stack of views beside it.

Each view is made when first shown (the window opens with Today alone), and a change notice
marks stale only the views that show a table it touched (`SHOWS`); a stale view redraws when it
is next on screen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListWidget, QStackedWidget, QWidget

from aijournal.storage import Journal
from aijournal.ui.operations import ENTRIES, EVERYTHING, NAMED, Changes
from aijournal.ui.views.today import TodayView


class LaterView:
    """A view whose module is imported only when the view is first shown, so the window opens
    with Today alone. Equal to its class, so `VIEWS.index(TrendsView)` works too."""

    def __init__(self, title: str, module: str, name: str):
        self.title, self.module, self.name = title, f"aijournal.ui.{module}", name

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.name)

    def __call__(self, *args: object) -> QWidget:
        return self.load()(*args)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, type):
            return (other.__module__, other.__name__) == (self.module, self.name)
        return other is self

    __hash__ = object.__hash__


JOURNAL = LaterView("Journal", "views.journal", "JournalView")
TRENDS = LaterView("Trends", "views.trends", "TrendsView")
INSIGHTS = LaterView("Insights", "views.insights", "InsightsView")
REVIEW = LaterView("Review imports", "views.review", "ReviewView")
SETTINGS = LaterView("Settings", "views.settings", "SettingsView")
VIEWS = (
    TodayView,
    JOURNAL,
    TRENDS,
    LaterView("Calendar", "views.calendar", "CalendarView"),
    INSIGHTS,
    LaterView("People", "views.people", "PeopleView"),
    LaterView("Skills & goals", "views.skills_goals", "SkillsGoalsView"),
    REVIEW,
    SETTINGS,
)
# Which tables each view shows (by title): a change notice redraws only the views it touches.
SHOWS: dict[str, frozenset[str]] = {
    "Today": EVERYTHING - {"skill_ratings"},
    "Journal": ENTRIES | NAMED | {"factors"},
    "Trends": ENTRIES | {"goals", "factors"},
    "Calendar": ENTRIES,
    "Insights": ENTRIES | {"nudges", "people", "settings", "factors"},
    "People": frozenset({"people", "touchpoints"}),
    "Skills & goals": NAMED | ENTRIES | {"skill_ratings"},
    "Review imports": frozenset({"ai_uses", "goals", "skills", "learning_events"}),
    "Settings": frozenset({"settings", "source_settings", "factors"}),
}


class Sections:
    """The section list and the views. `made(view)` is called once for each view made, so the
    window can connect what that view offers; `announce(view)` when a view changed the
    journal."""

    def __init__(
        self,
        parent: QWidget,
        made: Callable[[QWidget], None],
        announce: Callable[[QObject], object],
    ):
        self.parent, self.made, self.announce = parent, made, announce
        self.built: dict[int, QWidget] = {}
        self.stale: set[int] = set()
        self.journal: Journal | None = None
        self.nav = QListWidget()
        self.nav.setAccessibleName("Sections")
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.nav.setFont(font)
        metrics = QFontMetrics(font)
        self.nav.setFixedWidth(max(metrics.horizontalAdvance(view.title) for view in VIEWS) + 48)
        item_size = QSize(0, int(metrics.height() * 2.2))
        for number, view_class in enumerate(VIEWS, start=1):
            self.nav.addItem(view_class.title)
            self.nav.item(number - 1).setToolTip(f"Ctrl+{number}")
            self.nav.item(number - 1).setSizeHint(item_size)
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self._nav_changed)

    def start(self, journal: Journal) -> None:
        """(Re)start every section on `journal`; each view is made when first shown."""
        current = max(0, self.stack.currentIndex())
        while self.stack.count():
            old = self.stack.widget(0)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.built.clear()
        self.stale.clear()
        self.journal = journal
        for _ in VIEWS:
            self.stack.addWidget(QWidget())  # stands in until the view is first shown
        self.show(current)

    def view_at(self, index: int) -> QWidget:
        """The view at this position, made now if it has not been shown yet."""
        if (view := self.built.get(index)) is not None:
            return view
        view = VIEWS[index](self.journal, self.stack)  # born in place: no reparenting
        stand_in = self.stack.widget(index)
        self.stack.insertWidget(index, view)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        view.changed.connect(lambda: self.announce(view))
        self.made(view)
        self.built[index] = view
        return view

    def view(self, view_class: type | LaterView) -> QWidget:
        return self.view_at(VIEWS.index(view_class))

    def show(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        self._nav_changed(index)

    def show_view(self, view_class: type | LaterView) -> QWidget:
        self.show(VIEWS.index(view_class))
        return self.view(view_class)

    def _nav_changed(self, index: int) -> None:
        if index < 0:
            return
        view = self.view_at(index)
        if index in self.stale:
            self.stale.discard(index)
            view.refresh()
        self.stack.setCurrentIndex(index)

    def mark_stale(self, changes: Changes | None, source: QObject | None = None) -> None:
        """The views that show what `changes` touched (None: every view) redraw when next
        shown; `source`, which made the change, shows it already."""
        for index, view in self.built.items():
            if changes is None or (
                view is not source and changes.touches(SHOWS[VIEWS[index].title])
            ):
                self.stale.add(index)

    def redraw_current(self) -> None:
        """The view on screen redraws now if it is stale."""
        if self.stack.currentIndex() in self.stale:
            self._nav_changed(self.stack.currentIndex())
