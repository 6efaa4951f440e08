"""Removing the sample data (and putting it back), for Settings and `aijournal demo --remove`.

The sample (`demo.fill`) marks the records it adds; removal deletes exactly those, in one
transaction, and never what the user made: a sample person, skill or goal the user's own
records refer to stays, as theirs (`storage/samples.py` says why). Undo brings back exactly
what the removal deleted.
"""

from __future__ import annotations

from typing import Any

from aijournal.model.errors import JournalError
from aijournal.model.presentation import plural
from aijournal.storage import Journal
from aijournal.storage.exchange import TABLE_LABELS
from aijournal.storage.samples import SampleRemoval

# Singular and plural of each table's label, for lines like "1 person, 3 skills".
_NOUNS = {
    "people": ("person", "people"),
    "skills": ("skill", "skills"),
    "goals": ("goal", "goals"),
    "ai_uses": ("AI use", "AI uses"),
    "checkins": ("check-in", "check-ins"),
    "touchpoints": ("touchpoint", "touchpoints"),
    "learning_events": ("learning link", "learning links"),
    "skill_ratings": ("skill rating", "skill ratings"),
    "assessments": ("questionnaire", "questionnaires"),
    "nudges": ("nudge", "nudges"),
}


def present(journal: Journal) -> dict[str, int]:
    """The sample records still in the journal, per table (empty: none)."""
    return journal.sample_counts()


def remove(journal: Journal) -> SampleRemoval:
    """Delete every sample record (undoable); JournalError when there is none."""
    if not present(journal):
        raise JournalError("This journal holds no sample data.")
    return journal.remove_sample()


def undo(journal: Journal, stamp: str | None = None) -> dict[str, int]:
    """Bring back what the removal `stamp` (default: the last one) deleted; counts per table."""
    stamp = stamp or journal.last_sample_removal()
    if stamp is None:
        raise JournalError("There is no removed sample data to bring back.")
    return journal.restore_sample(stamp)


def counts_text(counts: dict[str, int]) -> str:
    """ "1204 AI uses, 300 check-ins and 6 people" ("nothing" for none)."""
    parts = [
        plural(n, *_NOUNS.get(table, (TABLE_LABELS.get(table, table),) * 2))
        for table, n in counts.items()
        if n
    ]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def removal_line(removal: SampleRemoval) -> str:
    line = f"Removed the sample data: {counts_text(removal.removed)}."
    if removal.kept:
        line += (
            f" Kept {counts_text(removal.kept)} that your own entries refer to; they are yours now."
        )
    return line


def as_dict(removal: SampleRemoval) -> dict[str, Any]:
    return {"removed": removal.removed, "kept": removal.kept, "undo": removal.stamp}
