"""The main window: navigation on the left, one view at a time, lock screen, tray.

Every menu action, shortcut and tray action is made through `Lock.guard`: while locked none of
them shows or exports journal data (aijournal/ui/lock.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from aijournal.connection import nudges
from aijournal.connection.notices import Notice
from aijournal.journaling.settings import Settings
from aijournal.storage import Journal
from aijournal.ui import shortcuts, theme
from aijournal.ui.lock import Lock
from aijournal.ui.notifications import BACKGROUND_KEY, DesktopDelivery, InAppDelivery, Notifier
from aijournal.ui.operations import ENTRIES, EVERYTHING, NAMED, ChangeNotices, Changes
from aijournal.ui.tray import Tray, tray_available
from aijournal.ui.views.today import TodayView
from aijournal.ui.widgets.basics import report
from aijournal.ui.workers import Job, run_job
from aijournal.wellbeing import instruments


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
INSIGHTS = LaterView("Insights", "views.insights", "InsightsView")
REVIEW = LaterView("Review imports", "views.review", "ReviewView")
SETTINGS = LaterView("Settings", "views.settings", "SettingsView")
VIEWS = (
    TodayView,
    JOURNAL,
    LaterView("Trends", "views.trends", "TrendsView"),
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
PROTECTION = {
    "keyring": "Encrypted · key in the secret store",
    "passphrase": "Encrypted · passphrase",
    "none": "Not encrypted",
}
START_DELAY_MS = 1500  # work at start that can wait until the window is on screen
TRAY_NOTICE_KEY = "tray_notice_shown"  # not a user setting: "still running" was said once


class MainWindow(QMainWindow):
    """`bus`: the D-Bus address desktop notifications go to ("SESSION" in the app); None
    keeps every notice inside the app (tests)."""

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        use_tray: bool | None = None,
        bus: str | None = None,
    ):
        super().__init__(parent)
        self.journal = journal
        self._built: dict[int, QWidget] = {}  # views are made when first shown: a fast start
        self._stale: set[int] = set()
        self._quitting = False
        self.setWindowTitle("AI Journal")
        self.setWindowIcon(theme.app_icon())
        room = self.screen().availableGeometry()
        self.resize(min(1320, room.width() - 40), min(860, room.height() - 60))
        theme.apply(QApplication.instance(), Settings(journal)["theme"])  # before any widget

        self.nav = QListWidget()
        self.nav.setAccessibleName("Sections")
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.nav.setFont(font)
        metrics = QFontMetrics(font)
        self.nav.setFixedWidth(max(metrics.horizontalAdvance(view.title) for view in VIEWS) + 48)
        item_size = QSize(0, int(metrics.height() * 2.2))
        self.stack = QStackedWidget()
        main = QWidget()
        row = QHBoxLayout(main)
        row.setContentsMargins(8, 8, 8, 8)
        row.setSpacing(12)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.screens = QStackedWidget()
        self.screens.addWidget(main)
        self.setCentralWidget(self.screens)
        self.gate = Lock(self, self.screens, journal)
        self.gate.changed.connect(self._lock_changed)
        self.lock_screen, self.idle = self.gate.screen, self.gate.idle
        self.destroyed.connect(self.idle.detach)
        self.window_keys = shortcuts.WindowKeys(self)
        self.destroyed.connect(self.window_keys.detach)
        self.key_status = QLabel()
        self.statusBar().addPermanentWidget(self.key_status)
        self.notices = ChangeNotices(journal, self)
        self.notices.changed.connect(self._redraw)

        for number, view_class in enumerate(VIEWS, start=1):
            self.nav.addItem(view_class.title)
            self.nav.item(number - 1).setToolTip(f"Ctrl+{number}")
            self.nav.item(number - 1).setSizeHint(item_size)
            self._shortcut(shortcuts.VIEWS[number - 1], lambda i=number - 1: self.show_view(i))
        self._shortcut(QKeySequence(QKeySequence.StandardKey.Find), self.search)
        self._shortcut(shortcuts.SECTIONS, self.switch_section)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self._build_menus()

        wanted = tray_available() if use_tray is None else use_tray
        self.tray = Tray(self, self._tray_actions(), self.toggle_shown) if wanted else None
        if self.tray is not None:
            self.tray.show()
        in_app = InAppDelivery(self.tray, self)
        delivery = in_app if bus is None else DesktopDelivery(bus, in_app, self)
        self.notifier = Notifier(self, delivery, self.open_notice)
        self._build_views()
        self.notifier.timer.start()
        QApplication.styleHints().colorSchemeChanged.connect(self.apply_settings)
        # Switched-on sources on this machine: read at start and after the daily reminder.
        self.notifier.delivered.connect(
            lambda notice: notice.kind == "checkin" and self.read_sources()
        )
        self._sources_job = None
        # Once the window is up: reading sources and making Trends (numpy, pyqtgraph, nine
        # charts) are never in the way of the first paint, and the first Ctrl+3 is quick.
        self._after_start = QTimer(self)
        self._after_start.setSingleShot(True)
        self._after_start.timeout.connect(self._warm_up)
        self._after_start.start(START_DELAY_MS)

    # ---- views --------------------------------------------------------------------------

    def _build_views(self) -> None:
        """(Re)start the views on the current journal; each is made when first shown."""
        current = max(0, self.stack.currentIndex())
        while self.stack.count():
            old = self.stack.widget(0)
            self.stack.removeWidget(old)
            old.deleteLater()
        self._built.clear()
        nudges.refresh(self.journal)  # before Today, which shows the newest nudge
        for _ in VIEWS:
            self.stack.addWidget(QWidget())  # stands in until the view is first shown
        self._stale.clear()
        self.notices.journal = self.journal
        self.journal.take_changes()  # a fresh start: every view reads the journal anew
        self.notifier.journal = self.journal
        self.gate.journal = self.journal
        self.key_status.setText(PROTECTION[self.journal.config.protection])
        self.apply_settings()
        self.show_view(current)

    def _view_at(self, index: int) -> QWidget:
        """The view at this position, made now if it has not been shown yet."""
        if (view := self._built.get(index)) is not None:
            return view
        view = VIEWS[index](self.journal, self)
        stand_in = self.stack.widget(index)
        self.stack.insertWidget(index, view)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        view.changed.connect(lambda: self.notices.announce(view))
        if hasattr(view, "restore_requested"):  # Settings
            view.setting_changed.connect(self._setting_changed)
            view.restore_requested.connect(self.restore)
            view.test_notification.connect(self.notifier.send_test)
            view.show_notifications(self.notifier.delivery.status())
        elif hasattr(view, "open_days"):  # Trends: a clicked point opens its days
            view.open_days.connect(self.show_days)
        self._built[index] = view
        return view

    def _warm_up(self) -> None:
        """Soon after start, once idle: read the sources and make the Trends view."""
        if self.locked or not self.isVisible():
            return
        self.read_sources()
        self._view_at(next(i for i, view in enumerate(VIEWS) if view.title == "Trends"))

    @property
    def views(self) -> list[QWidget]:
        """Every view, made now where not yet shown (screenshots, tests)."""
        return [self._view_at(index) for index in range(len(VIEWS))]

    @property
    def settings_view(self) -> QWidget:
        return self.view(SETTINGS)

    def view(self, view_class: type | LaterView) -> QWidget:
        return self._view_at(VIEWS.index(view_class))

    def show_view(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        self._nav_changed(index)

    def _nav_changed(self, index: int) -> None:
        if index < 0:
            return
        view = self._view_at(index)
        if index in self._stale:
            self._stale.discard(index)
            view.refresh()
        self.stack.setCurrentIndex(index)

    def _redraw(self, changes: Changes, source: QObject | None) -> None:
        """A change was announced: the views that show what it touched redraw, the one on
        screen now, the others when next shown; the view that made it shows it already."""
        for index, view in self._built.items():
            if view is not source and changes.touches(SHOWS[VIEWS[index].title]):
                self._stale.add(index)
        current = self.stack.currentIndex()
        if current in self._stale and not self.locked:
            self._nav_changed(current)

    def show_days(self, first, last) -> None:
        """Open the Journal on the entries of these days (a point clicked in Trends)."""
        self.show_view(VIEWS.index(JOURNAL))
        self.view(JOURNAL).show_days(first, last)

    def search(self) -> None:
        self.show_view(VIEWS.index(JOURNAL))
        self.view(JOURNAL).focus_search()

    # ---- settings -----------------------------------------------------------------------

    def apply_settings(self) -> None:
        """Theme, idle lock and closing as the settings say; views redraw their colours if
        needed."""
        settings = Settings(self.journal)
        self.keep_running = settings["run_in_background"]
        if theme.apply(QApplication.instance(), settings["theme"]) and self._built:
            self._stale = set(self._built)
            self._nav_changed(self.stack.currentIndex())
        if not self.locked:
            self.idle.set_minutes(settings["lock_after_minutes"])

    def _setting_changed(self, key: str) -> None:
        if key in ("theme", "lock_after_minutes", "run_in_background"):
            self.apply_settings()
        elif key == "key":
            self.key_status.setText(PROTECTION[self.journal.config.protection])

    # ---- restore ------------------------------------------------------------------------

    def restore(self, backup: Path) -> None:
        """Put `backup` in place of the journal in a worker, then rebuild every view on it."""
        old = self.journal
        self.notifier.timer.stop()
        old.close()  # nobody may hold the file open while it is replaced

        def reopen(error: BaseException | None, safety: Path | None = None) -> None:
            self.journal = old.connect_again()
            self._build_views()
            self.notifier.timer.start()
            if error is not None:
                report(self, "Restore", error)
            else:
                self.statusBar().showMessage(
                    f"Restored {backup.name}. The journal as it was before is kept as "
                    f"{safety.name if safety else 'a backup'}.",
                    15_000,
                )

        run_job(
            self,
            old,
            "Restoring the backup…",
            lambda journal, _: journal.restore(backup),
            done=lambda safety: reopen(None, safety),
            failed=reopen,
        )

    def back_up_if_due(self) -> None:
        """The automatic daily backup, quietly in the background."""
        job = Job(self.journal, lambda journal, _: journal.backup_if_due(), self)
        job.succeeded.connect(
            lambda path: (
                path and self.statusBar().showMessage(f"Daily backup saved: {path.name}", 8000)
            )
        )
        job.failed.connect(
            lambda error: self.statusBar().showMessage(f"The daily backup failed: {error}", 15_000)
        )
        job.start()

    # ---- menus, shortcuts, tray, reminder, lock -------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("&File")
        self._menu_action(self.file_menu, "Import AI history…", self.import_ai_history, "Ctrl+I")
        self._menu_action(self.file_menu, "Export summary…", self.export_summary, "Ctrl+E")
        self._menu_action(self.file_menu, "Coach view…", self.show_coach_view)
        self.file_menu.addSeparator()
        self._menu_action(self.file_menu, "Export journal…", self.export_journal)
        self._menu_action(self.file_menu, "Import/merge journal…", self.import_journal)
        self.file_menu.addSeparator()
        quit_action = self.file_menu.addAction("Quit")  # the one action that needs no unlock
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.quit)
        self.log_menu = self.menuBar().addMenu("&Log")
        self._menu_action(self.log_menu, "Check in", self.check_in, shortcuts.CHECK_IN)
        self._menu_action(self.log_menu, "Log an AI use", self.log_ai_use, shortcuts.AI_USE)
        self._menu_action(
            self.log_menu, "Log a touchpoint", self.log_touchpoint, shortcuts.TOUCHPOINT
        )
        self.log_menu.addSeparator()
        questionnaires = QMenu("Take a questionnaire", self.log_menu)
        for one in instruments.instruments():
            self._menu_action(
                questionnaires,
                f"{one.short_name} · {one.name}",
                lambda _=False, i=one.id: self.take_questionnaire(i),
            )
        self.log_menu.addMenu(questionnaires)

    def _menu_action(
        self, menu: QMenu, text: str, slot, keys: str | QKeySequence | None = None
    ) -> QAction:
        action = menu.addAction(text)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        return self.gate.guard_action(action, slot)

    def _shortcut(self, keys: QKeySequence, slot) -> QShortcut:
        shortcut = QShortcut(keys, self)
        shortcut.activated.connect(self.gate.guard(slot))
        return shortcut

    def switch_section(self) -> None:
        """F6: from the Sections list into the view, and back (Tab stays inside a form)."""
        if self.nav.hasFocus():
            view = self.stack.currentWidget()
            view.setFocus(Qt.FocusReason.OtherFocusReason)
            view.focusNextChild()
        else:
            self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    def import_ai_history(self) -> None:
        from aijournal.ui.dialogs.import_history import run_import

        run_import(self, self.journal, on_imported=lambda _plan: self.show_review())

    def show_review(self) -> None:
        """After an import: the views it touched redraw; Review imports now."""
        self.notices.announce()
        self.show_view(VIEWS.index(REVIEW))

    def export_summary(self) -> None:
        from aijournal.ui.dialogs.export_summary import ExportSummaryDialog

        ExportSummaryDialog(self.journal, self).exec()

    def export_journal(self) -> None:
        from aijournal.ui.dialogs.journal_data import ExportJournalDialog

        ExportJournalDialog(self.journal, self).exec()

    def import_journal(self) -> None:
        """Preview, then merge, another journal's export; the views it touched redraw."""
        from aijournal.ui.dialogs.journal_data import ImportJournalDialog

        ImportJournalDialog(self.journal, self, on_merged=lambda _: self.notices.announce()).exec()

    def show_coach_view(self) -> None:
        from aijournal.ui.views.coach import open_coach_view

        self._coach = open_coach_view()  # a window of its own; needs no journal

    def _tray_actions(self) -> list[tuple[str, Callable[[], object]]]:
        guard = self.gate.guard  # while locked these show the lock screen instead
        return [
            ("Check in", guard(self.check_in)),
            ("Log AI use", guard(self.log_ai_use)),
            ("Log a touchpoint", guard(self.log_touchpoint)),
            ("Open", self.bring_to_front),
            ("Quit", self.quit),
        ]

    def read_sources(self) -> None:
        """Read the switched-on sources (Settings → Sources) on a worker; say what is new."""
        from aijournal.ui.views.sources_page import read_in_background

        if not self.locked:
            self._sources_job = read_in_background(self, self.journal, self._sources_read)

    def _sources_read(self, readings) -> None:
        from aijournal.ui.views.sources_page import summary

        self.notices.announce()  # the job handed over what it wrote: those views redraw
        if line := summary(readings):
            self.statusBar().showMessage(self.gate.notice(line), 60_000)

    def open_notice(self, notice: Notice) -> None:
        """A notification's action: the form it is about (the lock's gate already asked)."""
        if notice.kind == "checkin":
            self.check_in()
        elif notice.kind == "planned":
            self._today().focus_touchpoint(person=notice.person)
        elif notice.kind == "nudge" and notice.nudge_id:
            self.bring_to_front()
            self.show_view(VIEWS.index(INSIGHTS))
            self.view(INSIGHTS).show_nudge(notice.nudge_id)

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def toggle_shown(self) -> None:
        if self.isVisible() and not self.isMinimized():
            self.hide()
        else:
            self.bring_to_front()

    def _today(self) -> TodayView:
        self.bring_to_front()
        self.show_view(VIEWS.index(TodayView))
        return self.view(TodayView)

    def log_ai_use(self) -> None:
        self._today().focus_ai_use()

    def check_in(self) -> None:
        self._today().focus_checkin()

    def log_touchpoint(self) -> None:
        self._today().focus_touchpoint()

    def take_questionnaire(self, instrument_id: str) -> None:
        self._today().open_instrument(instrument_id)

    @property
    def locked(self) -> bool:
        return self.gate.locked

    def lock(self) -> None:
        self.gate.lock()

    def unlock(self) -> None:
        self.gate.unlock()

    def _lock_changed(self, locked: bool) -> None:
        if not locked:
            self.idle.set_minutes(Settings(self.journal)["lock_after_minutes"])
            self.stack.currentWidget().setFocus()

    # ---- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Closing hides the window when the user chose to keep running in the background
        (reminders still reach them); otherwise it quits the app."""
        if self._quitting or not self.keep_running:
            for timer in (self._after_start, self.notifier.timer, self.idle.timer):
                timer.stop()  # nothing more reads the journal once the window has gone
            event.accept()
            QApplication.quit()  # the app does not quit on its own: it may run hidden
            return
        event.ignore()
        self.hide()
        if not self.journal.setting(TRAY_NOTICE_KEY, False):
            self.journal.set_setting(TRAY_NOTICE_KEY, True)
            where = (
                "Choose Quit in the tray icon's menu to stop it."
                if self.tray is not None
                else "Start it again from the application menu to open it; File → Quit stops it."
            )
            self.notifier.say(
                BACKGROUND_KEY,
                "AI Journal is still running",
                f"It keeps running so reminders can reach you. {where}",
            )

    def close_journal(self) -> None:
        self.notifier.timer.stop()
        self.idle.timer.stop()
        self.journal.close()

    def quit(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()
