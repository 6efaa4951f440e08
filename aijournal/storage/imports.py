"""The imports part of the gateway: AI uses read from exports, and their review."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage.core import JournalCore
from aijournal.storage.rows import to_row


class Imports(JournalCore):
    """Imported AI uses: what was imported before, adding new ones, reviewing them."""

    def imported_refs(self, source: str) -> set[str]:
        """Every `source_ref` imported from `source`, deleted uses too (so they stay away)."""
        rows = self.db.execute(
            "SELECT source_ref FROM ai_uses WHERE source = ? AND source_ref IS NOT NULL", [source]
        ).fetchall()
        return {row[0] for row in rows}

    def add_imported(self, uses: Iterable[r.AIUse]) -> int:
        """Add imported AI uses in one transaction, skipping refs already there; how many added."""
        uses = list(uses)
        for use in uses:  # check them all before writing any
            if use.source_ref is None:
                raise InvalidInput("source_ref", None, "imported uses need the id they came from")
            r.check_timely(use, self.clock)
        added = 0
        with self.transaction():
            known = {source: self.imported_refs(source) for source in {u.source for u in uses}}
            fresh = []
            for use in uses:
                ref = use.source_ref
                if ref is not None and ref not in known[use.source]:
                    known[use.source].add(ref)
                    fresh.append(use)
            if fresh:
                self.db.table("ai_uses").insert_all(to_row(use) for use in fresh)
            for use in fresh:
                if use.skills:
                    self._link_skills(use)
            added = len(fresh)
        return added

    def to_review(self) -> list[r.AIUse]:
        """Imported AI uses still waiting for the user's review, oldest first."""
        return self._select(
            r.AIUse, "t.to_review AND t.deleted_at IS NULL", [], order="t.started_at, t.rowid"
        )

    def confirm_reviewed(
        self,
        ids: Iterable[str],
        pattern: str | None = None,
        replaced_person: bool | None = None,
        goal_id: str | None = None,
        skills: Iterable[str] | None = None,
    ) -> int:
        """Mark these AI uses reviewed, setting what is given on all of them; how many."""
        changes: dict[str, Any] = {"to_review": False}
        for name, value in (
            ("pattern", pattern),
            ("replaced_person", replaced_person),
            ("goal_id", goal_id),
        ):
            if value is not None:
                changes[name] = value
        if skills is not None:
            changes["skills"] = tuple(skills)
        confirmed = 0
        with self.transaction():
            if goal_id is not None and self.get(r.Goal, goal_id) is None:
                raise InvalidInput("goal", goal_id, "use the id of a stored goal")
            for use_id in dict.fromkeys(ids):
                use = self.get(r.AIUse, use_id)
                if use is None:
                    raise InvalidInput("id", use_id, "use the id of a stored AI use")
                self._write(use.touched(**changes), insert=False)
                confirmed += 1
        return confirmed
