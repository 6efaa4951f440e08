"""The tray icon and the daily check-in reminder."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from aijournal.connection import nudges
from aijournal.connection.reminders import checkin_reminder_due
from aijournal.storage import Journal
from aijournal.ui import theme

REMINDER_TEXT = "Time for today's check-in: two minutes on how your day went."
SHOWN_KEY = "reminder_last_shown"  # the day the reminder last fired; not a user setting
NUDGE_NOTICE_KEY = "nudge_notice_day"  # the day a new nudge was last announced
PLANNED_NOTICE_KEY = "planned_notice_day"  # the day planned touchpoints were last recalled


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


class NudgeNotifier(QObject):
    """On the minute timer: stores nudges that fire anew, announces each new one once (at most
    one a day), and recalls touchpoints planned for today (once that day)."""

    due = Signal(str)  # a text for the tray
    added = Signal()  # new nudges were stored

    def __init__(self, journal: Journal, parent: QObject | None = None):
        super().__init__(parent)
        self.journal = journal

    def check(self) -> list[str]:
        """Emit what is due now; the texts emitted."""
        today = self.journal.clock().date()
        said = []
        if nudges.refresh(self.journal, today):
            self.added.emit()
        if self.journal.setting(NUDGE_NOTICE_KEY) != today.isoformat() and (
            fresh := nudges.announce(self.journal, today)
        ):  # each nudge once, at most one a day; after that they show quietly
            self.journal.set_setting(NUDGE_NOTICE_KEY, today.isoformat())
            [told] = nudges.explain(self.journal, [fresh], today)
            said.append(f"{told.title}. {told.what_to_do}")
        planned = nudges.planned_reminders_due(self.journal, today)
        if planned and self.journal.setting(PLANNED_NOTICE_KEY) != today.isoformat():
            self.journal.set_setting(PLANNED_NOTICE_KEY, today.isoformat())
            said += [reminder.text for reminder in planned]
        for text in said:
            self.due.emit(text)
        return said


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QSystemTrayIcon):
    """Quick actions from the tray (text, what it does); a click calls `on_click`."""

    def __init__(
        self,
        window: QWidget,
        actions: Sequence[tuple[str, Callable[[], object]]],
        on_click: Callable[[], object],
    ):
        super().__init__(theme.app_icon(), window)
        self.setToolTip("AI Journal")
        menu = QMenu(window)
        for text, slot in actions:
            menu.addAction(text).triggered.connect(slot)
        self.setContextMenu(menu)
        self.activated.connect(
            lambda reason: (
                on_click() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
            )
        )
