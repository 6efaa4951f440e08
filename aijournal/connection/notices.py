"""What the app tells the user unasked, and when: the daily check-in reminder, a planned
touchpoint on its day, and a new nudge.

Each is said once (remembered in the journal's settings), nothing during quiet hours (it comes
when they end), and the check-in reminder never for a day already logged. The app only
delivers what `take_due` hands it, as a desktop notification or inside the app
(aijournal/ui/notifications.py), and withdraws what `still_wanted` no longer wants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from aijournal.connection import nudges
from aijournal.connection.reminders import checkin_reminder_due
from aijournal.journaling.settings import BY_KEY, Settings, quiet_span
from aijournal.model import records as r
from aijournal.storage import Journal

# Not user settings: what was said already.
CHECKIN_SAID_KEY = "reminder_last_shown"  # the day the check-in reminder was last said
NUDGE_DAY_KEY = "nudge_notice_day"  # the day a new nudge was last announced: one a day
PLANNED_SAID_KEY = "planned_reminded"  # "nudge id@day" of each plan already recalled

CHECKIN_TEXT = "Time for today's check-in: two minutes on how your day went."
KINDS = ("checkin", "planned", "nudge")  # also the form each one's action opens


@dataclass(frozen=True)
class Notice:
    """One notification: what it says and the form its action opens (by `kind`: the check-in,
    the touchpoint form for the plan, or the nudge)."""

    kind: str
    title: str
    body: str
    action: str  # the action button's label
    nudge_id: str | None = None
    person: str | None = None  # whom a planned touchpoint is with, to prefill its form

    @property
    def key(self) -> str:
        """Names this notice among those showing: one check-in reminder, one per nudge."""
        return f"{self.kind}:{self.nudge_id}" if self.nudge_id else self.kind


def in_quiet_hours(journal: Journal, moment: datetime) -> bool:
    """Whether `moment` falls in the quiet hours of the settings (from inclusive, until not)."""
    span = quiet_span(BY_KEY["quiet_hours"].label, Settings(journal)["quiet_hours"])
    if span is None:
        return False
    start, end = span
    now = moment.time().replace(tzinfo=None)
    if start < end:
        return start <= now < end
    return now >= start or now < end  # over midnight: 22:00-08:00


def take_due(
    journal: Journal, moment: datetime | None = None, *, locked: bool = False
) -> list[Notice]:
    """The notices to deliver now, each marked as said (in one transaction).

    While the app is `locked` only the check-in reminder is due (the app says it without any
    journal data); plans and nudges wait for the unlock. Nothing is due in quiet hours.
    """
    moment = moment or journal.clock()
    if in_quiet_hours(journal, moment):
        return []
    today = moment.date()
    due: list[Notice] = []
    with journal.transaction():
        if (reminder := _checkin(journal, moment)) is not None:
            due.append(reminder)
        if not locked:
            due += _planned(journal, today)
            if (nudge := _nudge(journal, today)) is not None:
                due.append(nudge)
    return due


def still_wanted(journal: Journal, notice: Notice, today: date | None = None) -> bool:
    """Whether a notice still showing is still true: today is not logged yet, the plan is still
    open, the nudge not yet acted on, snoozed or dismissed. One that is not is withdrawn."""
    today = today or journal.clock().date()
    if notice.kind == "checkin":
        return journal.checkin_on(today) is None
    nudge = journal.get(r.Nudge, notice.nudge_id or "")
    wanted = "planned" if notice.kind == "planned" else "new"
    return nudge is not None and nudge.status == wanted


def _checkin(journal: Journal, moment: datetime) -> Notice | None:
    today = moment.date().isoformat()
    if journal.setting(CHECKIN_SAID_KEY) == today or not checkin_reminder_due(journal, moment):
        return None
    journal.set_setting(CHECKIN_SAID_KEY, today)
    return Notice("checkin", "Daily check-in", CHECKIN_TEXT, "Check in")


def _planned(journal: Journal, today: date) -> list[Notice]:
    """Each plan due today (or missed on an earlier day) once; a plan moved to another day
    is recalled again on that day."""
    due = nudges.planned_reminders_due(journal, today)
    tags = {one.nudge.id: f"{one.nudge.id}@{one.nudge.planned_day}" for one in due}
    said = set(journal.setting(PLANNED_SAID_KEY, []))
    fresh = [reminder for reminder in due if tags[reminder.nudge.id] not in said]
    open_plans = {f"{n.id}@{n.planned_day}" for n in journal.nudges(["planned"])}
    remembered = (said & open_plans) | set(tags.values())  # forget closed plans
    if remembered != said:
        journal.set_setting(PLANNED_SAID_KEY, sorted(remembered))
    return [_plan_notice(reminder, today) for reminder in fresh]


def _plan_notice(reminder: nudges.PlannedReminder, today: date) -> Notice:
    planned = reminder.nudge.planned_day
    name = reminder.person.name if reminder.person else None
    who = f" with {name}" if name else ""
    when = "today" if planned == today or planned is None else f"{planned:%a %d %b}"
    return Notice(
        "planned",
        f"Touchpoint planned{who}",
        f"You planned a touchpoint{who} for {when}: {reminder.nudge.message}",
        "Log the touchpoint",
        nudge_id=reminder.nudge.id,
        person=name,
    )


def _nudge(journal: Journal, today: date) -> Notice | None:
    """The newest nudge not announced before, at most one a day; after that they show in the
    app quietly."""
    if (
        journal.setting(NUDGE_DAY_KEY) == today.isoformat()
        or not Settings(journal)["nudges_enabled"]
    ):
        return None
    fresh = nudges.announce(journal, today)
    if fresh is None:
        return None
    journal.set_setting(NUDGE_DAY_KEY, today.isoformat())
    [told] = nudges.explain(journal, [fresh], today)
    return Notice("nudge", told.title, told.what_to_do, "See the nudge", nudge_id=fresh.id)
