"""The sample part of the gateway: which records the sample data added, their removal, Undo.

The sample data (`journaling.demo`) marks every record it writes, in its own transaction, by
table and id (`sample_marks`, schema step 0007); any kind of record is marked the same way.
Removing the sample soft-deletes exactly the marked records that are still live, as the
Journal view deletes an entry, and Undo brings back exactly those (`deleted_at` cleared,
`updated_at` new, so a merge carries the Undo as it carries any change).

Nothing the user made is deleted or changed. A sample record that a live record of the
user's refers to (their touchpoint with the sample's "Dana", their AI use for a sample goal,
their rating of a sample skill) is kept, and from then on it is theirs: removing it would
change what the user wrote. Nudges are the app's prompts, not the user's records: they keep
nothing. A nudge still open (new or snoozed) when the sample goes was prompted while the
sample was in, from its figures as well as the user's: it goes too, marked like the sample so
that Undo brings it back, and the next refresh asks again only what the user's own entries
warrant. A nudge the user answered (planned, acted, dismissed) stays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlcipher3

from aijournal.model import records as r
from aijournal.model.errors import JournalError
from aijournal.storage.core import JournalCore
from aijournal.storage.schema import RECORD_TABLES

# Whose live rows keep the sample records they refer to: every record table but the nudges.
KEEPING = tuple(t for t in RECORD_TABLES if t != "nudges")
_OPEN_NUDGE = "deleted_at IS NULL AND status IN ('new', 'snoozed')"


@dataclass(frozen=True)
class SampleRemoval:
    """What one removal did: records removed and sample records kept, per table."""

    stamp: str  # the deletion stamp it wrote; Undo brings back what carries it
    removed: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)


class SampleRecords(JournalCore):
    """Marks on the sample data's records; removing them all at once, and putting them back."""

    def last_rowids(self) -> dict[str, int]:
        """The newest row of each record table (what the sample adds comes after)."""
        return {
            table: self.db.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
            for table in RECORD_TABLES
        }

    def mark_sample(self, after: dict[str, int]) -> None:
        """Mark every record written after `after` (see `last_rowids`) as sample data."""
        with self.transaction():
            for table in RECORD_TABLES:
                self.db.execute(
                    "INSERT OR IGNORE INTO sample_marks (kind, record_id)"
                    f" SELECT ?, id FROM {table} WHERE rowid > ?",
                    [table, after.get(table, 0)],
                )

    def sample_counts(self) -> dict[str, int]:
        """Live sample records per table (only tables that have some)."""
        found = {}
        for table in RECORD_TABLES:
            count = self.db.execute(
                f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL AND id IN"
                " (SELECT record_id FROM sample_marks WHERE kind = ? AND removed_at IS NULL)",
                [table],
            ).fetchone()[0]
            if count:
                found[table] = count
        return found

    def remove_sample(self) -> SampleRemoval:
        """Soft-delete the live sample records nothing of the user's refers to, at once."""
        stamp = r.utc_stamp()
        with self.transaction():
            removable = self._live_sample()
            kept = self._keep_referred(removable)
            removed: dict[str, int] = {}
            for table, record_id in sorted(removable):
                self.db.execute(
                    f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?",
                    [stamp, stamp, record_id],
                )
                self.db.execute(
                    "UPDATE sample_marks SET removed_at = ? WHERE kind = ? AND record_id = ?",
                    [stamp, table, record_id],
                )
                removed[table] = removed.get(table, 0) + 1
            # The nudges still open were prompted while the sample was in: marked, then gone.
            self.db.execute(
                "INSERT OR REPLACE INTO sample_marks (kind, record_id, removed_at)"
                f" SELECT 'nudges', id, ? FROM nudges WHERE {_OPEN_NUDGE}",
                [stamp],
            )
            gone = self.db.execute(
                f"UPDATE nudges SET deleted_at = ?, updated_at = ? WHERE {_OPEN_NUDGE}",
                [stamp, stamp],
            ).rowcount
            if gone:
                removed["nudges"] = removed.get("nudges", 0) + gone
            for table, record_id in kept:  # the user's now: no longer sample data
                self.db.execute(
                    "DELETE FROM sample_marks WHERE kind = ? AND record_id = ?",
                    [table, record_id],
                )
            self.wrote(*removed)
        counted: dict[str, int] = {}
        for table, _ in kept:
            counted[table] = counted.get(table, 0) + 1
        in_order = {t: removed[t] for t in RECORD_TABLES if t in removed}
        return SampleRemoval(
            stamp, in_order, {t: counted[t] for t in RECORD_TABLES if t in counted}
        )

    def last_sample_removal(self) -> str | None:
        """The stamp of the removal Undo would bring back, if any."""
        return self.db.execute("SELECT max(removed_at) FROM sample_marks").fetchone()[0]

    def restore_sample(self, stamp: str) -> dict[str, int]:
        """Bring back what the removal with `stamp` deleted (not what was deleted otherwise)."""
        restored: dict[str, int] = {}
        now = r.utc_stamp()
        try:
            with self.transaction():
                for table in RECORD_TABLES:
                    count = self.db.execute(
                        f"UPDATE {table} SET deleted_at = NULL, updated_at = ?"
                        " WHERE deleted_at = ? AND id IN (SELECT record_id FROM sample_marks"
                        " WHERE kind = ? AND removed_at = ?)",
                        [now, stamp, table, stamp],
                    ).rowcount
                    if count:
                        restored[table] = count
                        self.wrote(table)
                self.db.execute(
                    "UPDATE sample_marks SET removed_at = NULL WHERE removed_at = ?", [stamp]
                )
        except sqlcipher3.IntegrityError as error:
            raise JournalError(
                "The sample data cannot come back: something added since has the same day or "
                f"name ({error}). Nothing was restored."
            ) from None
        if not restored:
            raise JournalError("There is no removed sample data to bring back.")
        return restored

    def _live_sample(self) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for table in RECORD_TABLES:
            rows = self.db.execute(
                f"SELECT id FROM {table} WHERE deleted_at IS NULL AND id IN"
                " (SELECT record_id FROM sample_marks WHERE kind = ? AND removed_at IS NULL)",
                [table],
            )
            found.update((table, row_id) for (row_id,) in rows)
        return found

    def _keep_referred(self, removable: set[tuple[str, str]]) -> list[tuple[str, str]]:
        """Take out of `removable` what a record staying refers to, until nothing changes
        (a kept AI use keeps its goal too); what was taken out."""
        links = [  # (table, the table it refers to, each live row's id and reference)
            (
                child,
                link[2],
                f"SELECT id, {link[3]} FROM {child}"
                f" WHERE deleted_at IS NULL AND {link[3]} IS NOT NULL",
            )
            for child in KEEPING
            for link in self.db.execute(f"PRAGMA foreign_key_list({child})").fetchall()
        ]
        # A check-in's answers name their factors inside its JSON `factors` column.
        links.append(
            (
                "checkins",
                "factors",
                "SELECT c.id, answer.key FROM checkins c, json_each(c.factors) answer"
                " WHERE c.deleted_at IS NULL AND c.factors IS NOT NULL",
            )
        )
        kept: list[tuple[str, str]] = []
        changed = True
        while changed:
            changed = False
            for child, parent, query in links:
                for row_id, ref in self.db.execute(query).fetchall():
                    if (child, row_id) not in removable and (parent, ref) in removable:
                        removable.discard((parent, ref))
                        kept.append((parent, ref))
                        changed = True
        return kept
