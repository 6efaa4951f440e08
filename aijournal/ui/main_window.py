"""The main window: navigation on the left, one view at a time, lock screen, tray.

Every menu action, shortcut and tray action is made through `Lock.guard`: while locked none of
them shows or exports journal data (aijournal/ui/lock.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from aijournal.connection import nudges
from aijournal.connection.notices import Notice
from aijournal.journaling.settings import Settings
from aijournal.storage import Journal
from aijournal.ui import backups, shortcuts, theme
from aijournal.ui.lock import Lock
from aijournal.ui.menus import Menus
from aijournal.ui.notifications import BACKGROUND_KEY, DesktopDelivery, InAppDelivery, Notifier
from aijournal.ui.operations import ChangeNotices, Changes
from aijournal.ui.sections import INSIGHTS, JOURNAL, SETTINGS, TRENDS, VIEWS, LaterView, Sections
from aijournal.ui.tray import Tray, tray_available
from aijournal.ui.views.today import TodayView

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
        self._quitting = False
        self.setWindowTitle("AI Journal")
        self.setWindowIcon(theme.app_icon())
        room = self.screen().availableGeometry()
        self.resize(min(1320, room.width() - 40), min(860, room.height() - 60))
        theme.apply(QApplication.instance(), Settings(journal)["theme"])  # before any widget

        self.notices = ChangeNotices(journal, self)
        self.notices.changed.connect(self._redraw)
        self.sections = Sections(self, self._connect_view, self.notices.announce)
        self.nav, self.stack = self.sections.nav, self.sections.stack
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

        for index, keys in enumerate(shortcuts.VIEWS[: len(VIEWS)]):
            self._shortcut(keys, lambda i=index: self.show_view(i))
        self._shortcut(QKeySequence(QKeySequence.StandardKey.Find), self.search)
        self._shortcut(shortcuts.SECTIONS, self.switch_section)
        self.menus = Menus(self)
        self.file_menu, self.log_menu = self.menus.file, self.menus.log

        wanted = tray_available() if use_tray is None else use_tray
        self.tray = Tray(self, self._tray_actions(), self.toggle_shown) if wanted else None
        if self.tray is not None:
            self.tray.show()
        in_app = InAppDelivery(self.tray, self)
        delivery = in_app if bus is None else DesktopDelivery(bus, in_app, self)
        self.notifier = Notifier(self, delivery, self.open_notice)
        self.start_views()
        self.notifier.timer.start()
        QApplication.styleHints().colorSchemeChanged.connect(self.apply_settings)
        # Switched-on sources on this machine: read at start and after the daily reminder.
        self.notifier.delivered.connect(
            lambda notice: self.read_sources() if notice.kind == "checkin" else None
        )
        self._sources_job = None
        # Once the window is up: reading sources and making Trends (numpy, pyqtgraph, nine
        # charts) are never in the way of the first paint, and the first Ctrl+3 is quick.
        self._after_start = QTimer(self)
        self._after_start.setSingleShot(True)
        self._after_start.timeout.connect(self._warm_up)
        self._after_start.start(START_DELAY_MS)

    # ---- views (aijournal/ui/sections.py) -----------------------------------------------

    def start_views(self) -> None:
        """(Re)start the views on the current journal; each is made when first shown."""
        nudges.refresh(self.journal)  # before Today, which shows the newest nudge
        self.notices.journal = self.journal
        self.journal.take_changes()  # a fresh start: every view reads the journal anew
        self.notifier.journal = self.journal
        self.gate.journal = self.journal
        self.key_status.setText(PROTECTION[self.journal.config.protection])
        self.sections.start(self.journal)
        self.apply_settings()

    def _connect_view(self, view: QWidget) -> None:
        """A view was made: connect what it offers beyond `changed`."""
        if hasattr(view, "restore_requested"):  # Settings
            view.setting_changed.connect(self._setting_changed)
            view.restore_requested.connect(lambda backup: backups.restore(self, backup))
            view.test_notification.connect(self.notifier.send_test)
            view.show_notifications(self.notifier.delivery.status())
        elif hasattr(view, "open_days"):  # Trends: a clicked point opens its days
            view.open_days.connect(self.show_days)

    def _warm_up(self) -> None:
        """Soon after start, once idle: read the sources and make the Trends view."""
        if self.locked or not self.isVisible():
            return
        self.read_sources()
        self.view(TRENDS)

    @property
    def views(self) -> list[QWidget]:
        """Every view, made now where not yet shown (screenshots, tests)."""
        return [self.sections.view_at(index) for index in range(len(VIEWS))]

    @property
    def settings_view(self) -> QWidget:
        return self.view(SETTINGS)

    def view(self, view_class: type | LaterView) -> QWidget:
        return self.sections.view(view_class)

    def show_view(self, index: int) -> None:
        self.sections.show(index)

    def _redraw(self, changes: Changes, source: QObject | None) -> None:
        """A change was announced: the views that show what it touched redraw, the one on
        screen now, the others when next shown; the view that made it shows it already."""
        self.sections.mark_stale(changes, source)
        if not self.locked:
            self.sections.redraw_current()

    def show_days(self, first, last) -> None:
        """Open the Journal on the entries of these days (a point clicked in Trends)."""
        self.sections.show_view(JOURNAL).show_days(first, last)

    def search(self) -> None:
        self.sections.show_view(JOURNAL).focus_search()

    # ---- settings -----------------------------------------------------------------------

    def apply_settings(self) -> None:
        """Theme, idle lock and closing as the settings say; views redraw their colours if
        needed."""
        settings = Settings(self.journal)
        self.keep_running = settings["run_in_background"]
        if theme.apply(QApplication.instance(), settings["theme"]):
            self.sections.mark_stale(None)  # every view redraws its colours
            self.sections.redraw_current()
        if not self.locked:
            self.idle.set_minutes(settings["lock_after_minutes"])

    def _setting_changed(self, key: str) -> None:
        if key in ("theme", "lock_after_minutes", "run_in_background"):
            self.apply_settings()
        elif key == "key":
            self.key_status.setText(PROTECTION[self.journal.config.protection])

    # ---- shortcuts, tray, notices, lock (menus: aijournal/ui/menus.py) ------------------

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
            self.sections.show_view(INSIGHTS).show_nudge(notice.nudge_id)

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
        return self.sections.show_view(TodayView)

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
            self.pause_reading()  # nothing more reads the journal once the window has gone
            self.idle.timer.stop()
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

    def pause_reading(self) -> Callable[[], None]:
        """Stop the timers that read the journal (a restore replaces it meanwhile); returns
        what starts again the ones that were running."""
        running = [t for t in (self._after_start, self.notifier.timer) if t.isActive()]
        for timer in running:
            timer.stop()

        def resume() -> None:
            for timer in running:
                timer.start()

        return resume

    def close_journal(self) -> None:
        self.pause_reading()
        self.idle.timer.stop()
        self.journal.close()

    def quit(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()
