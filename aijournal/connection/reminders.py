"""When the daily check-in reminder fires: at the chosen time, only if today is not logged."""

from __future__ import annotations

from datetime import datetime, time

from aijournal.journaling.settings import Settings
from aijournal.storage import Journal


def checkin_reminder_due(journal: Journal, moment: datetime | None = None) -> bool:
    """True once the reminder time has passed today and today's check-in is still missing."""
    settings = Settings(journal)
    if not settings["reminder_enabled"]:
        return False
    moment = moment or journal.clock()
    if moment.time() < time.fromisoformat(settings["reminder_time"]):
        return False
    return journal.checkin_on(moment.date()) is None
