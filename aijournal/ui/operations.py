"""The app's one path for changes, as Anki's `OpChanges`: the gateway notes which tables each
write touched; after a change, `ChangeNotices.announce` takes that note from the journal and
tells every view that shows one of those tables to redraw. Work in the background
(`workers.Job`) hands its note to the GUI journal before its outcome is reported, so long
changes are announced the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from aijournal.storage import Journal

ENTRIES = frozenset({"ai_uses", "checkins", "touchpoints", "assessments", "learning_events"})
NAMED = frozenset({"people", "skills", "goals"})
EVERYTHING = ENTRIES | NAMED | frozenset({"skill_ratings", "nudges", "settings", "factors"})


@dataclass(frozen=True)
class Changes:
    """The tables one change wrote."""

    tables: frozenset[str]

    def touches(self, shown: Iterable[str]) -> bool:
        return not self.tables.isdisjoint(shown)


class ChangeNotices(QObject):
    """Announces what the journal's last writes changed; `source` already shows it."""

    changed = Signal(object, object)  # Changes, the widget that made the change (or None)

    def __init__(self, journal: Journal, parent: QObject | None = None):
        super().__init__(parent)
        self.journal = journal

    def announce(self, source: QObject | None = None) -> Changes:
        """Tell the views what was written since the last notice (nothing: no notice)."""
        changes = Changes(self.journal.take_changes())
        if changes.tables:
            self.changed.emit(changes, source)
        return changes
