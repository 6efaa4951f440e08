"""The tray icon and the daily check-in reminder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from aijournal.reminders import checkin_reminder_due
from aijournal.storage import Journal
from aijournal.ui import theme

if TYPE_CHECKING:
    from aijournal.ui.main_window import MainWindow

REMINDER_TEXT = "Time for today's check-in: two minutes on how your day went."
SHOWN_KEY = "reminder_last_shown"  # the day the reminder last fired; not a user setting


class Reminder(QObject):
    """Looks every minute whether the check-in reminder is due; fires at most once a day."""

    due = Signal(str)

    def __init__(self, journal: Journal, parent: QObject | None = None):
        super().__init__(parent)
        self.journal = journal
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.check)

    def check(self) -> bool:
        """Emit `due` when the reminder should show now; True when it did."""
        moment = self.journal.clock()
        today = moment.date().isoformat()
        if self.journal.setting(SHOWN_KEY) == today:
            return False
        if not checkin_reminder_due(self.journal, moment):
            return False
        self.journal.set_setting(SHOWN_KEY, today)
        self.due.emit(REMINDER_TEXT)
        return True


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QSystemTrayIcon):
    """Quick actions from the tray; a click shows or hides the window."""

    def __init__(self, window: MainWindow):
        super().__init__(theme.app_icon(), window)
        self.setToolTip("AI Journal")
        menu = QMenu(window)
        for text, slot in (("Log AI use", window.log_ai_use), ("Check in", window.check_in),
                           ("Open", window.bring_to_front), ("Quit", window.quit)):
            menu.addAction(text).triggered.connect(slot)
        self.setContextMenu(menu)
        self.activated.connect(lambda reason: window.toggle_shown()
                               if reason == QSystemTrayIcon.ActivationReason.Trigger else None)
