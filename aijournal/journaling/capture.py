"""Logging entries: what saving a check-in or a touchpoint does, for the CLI and the app alike.

An AI use is stored as given (`Journal.add`). A touchpoint also closes the nudges whose planned
touchpoint it is, in the same transaction, whichever face logged it. A check-in is one per day:
saving another for the same day updates it, and a partial update keeps what it does not name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from aijournal.model import records as r
from aijournal.storage import Journal

if TYPE_CHECKING:
    from aijournal.storage import exchange

CHECKIN_ITEMS = ("burnout", "connection", "safety", "conversations", "asked_advice", "energy")


@dataclass(frozen=True)
class LoggedTouchpoint:
    """A stored touchpoint and what storing it did besides."""

    touchpoint: r.Touchpoint
    new_person: bool  # its person was added to the circle by it
    plans_done: tuple[r.Nudge, ...]  # planned nudges it fulfilled (now acted)

    def plans_text(self) -> str:
        """The plans it fulfilled, as a short clause ("" for none)."""
        done = len(self.plans_done)
        return "" if not done else "planned touchpoint done" if done == 1 else f"{done} plans done"


def save_touchpoint(
    journal: Journal, touchpoint: r.Touchpoint, *, editing: bool = False
) -> LoggedTouchpoint:
    """Store a new (or edited) touchpoint and mark the plans it fulfils as acted, at once."""
    from aijournal.connection import nudges

    with journal.transaction():
        new_person = (
            touchpoint.person is not None and journal.person_named(touchpoint.person) is None
        )
        stored = journal.update(touchpoint) if editing else journal.add(touchpoint)
        done = nudges.touchpoint_logged(journal, stored)
    return LoggedTouchpoint(stored, new_person, tuple(done))


def save_checkin(journal: Journal, day: date, given: dict[str, Any]) -> tuple[r.Checkin, bool]:
    """The day's check-in with the items `given` (None: not given); the rest of a stored
    check-in stays as it was. Returns the stored check-in and whether it is new.

    `given["factors"]` maps factor ids to answers (None removes an answer); factors it does
    not name keep theirs (an archived factor's, say)."""
    named = {k: v for k, v in given.items() if v is not None and k != "factors"}
    factors = given.get("factors") or {}
    with journal.transaction():
        existing = journal.checkin_on(day)
        record = replace(existing, **named) if existing else r.Checkin(day=day, **named)
        return journal.save_checkin(record.with_factors(factors))


class _Preview(Exception):
    """Raised inside a merge's transaction to roll a preview back, carrying its report."""

    def __init__(self, report: exchange.MergeReport):
        super().__init__("preview")
        self.report = report


def merge_export(
    journal: Journal, data: dict[str, Any], *, dry_run: bool = False
) -> exchange.MergeReport:
    """Merge another journal's JSON export; touchpoints it brings close their plans too.

    A dry run (the preview) is the same merge, rolled back at the end: what it reports is
    what merging would do, decided by the same code."""
    from aijournal.connection import nudges
    from aijournal.storage import exchange

    try:
        with journal.transaction():
            report = exchange.merge(journal, data)
            for touchpoint_id in report.written.get("touchpoints", ()):
                touchpoint = journal.get(r.Touchpoint, touchpoint_id)
                if touchpoint is not None:
                    report.plans_done += len(nudges.touchpoint_logged(journal, touchpoint))
            if dry_run:
                raise _Preview(report)
    except _Preview as preview:
        return preview.report
    return report
