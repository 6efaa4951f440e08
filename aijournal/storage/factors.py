"""The factors part of the gateway: the user's own check-in items and their daily answers."""

from __future__ import annotations

from datetime import date

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage.core import JournalCore
from aijournal.storage.rows import EPOCH_DAY, LIVE_BETWEEN, between


class Factors(JournalCore):
    """Factors by name (ignoring case and spacing), listed, and their answers per day."""

    def factors(self, *, archived: bool = False) -> list[r.Factor]:
        """Live factors in the order they were added (the check-in form's order)."""
        return self._select(
            r.Factor,
            "t.deleted_at IS NULL" + ("" if archived else " AND NOT t.archived"),
            [],
            order="t.created_at, t.rowid",
        )

    def factor_named(self, name: str) -> r.Factor:
        """The factor with this name (archived too); InvalidInput listing the factors else."""
        if found := self._named(r.Factor, name, create=False):
            return found
        names = [f.name for f in self.factors(archived=True)]
        allowed = (
            ("use one of " + ", ".join(names))
            if names
            else "add it with `aijournal factor add` first"
        )
        raise InvalidInput("factor", name, allowed)

    def factor_answers(self, start: date | None, end: date | None) -> list[tuple[str, int, int]]:
        """Each answered factor of each live check-in: (factor id, epoch day, answer), by day."""
        sql = f"""SELECT f.key, {EPOCH_DAY}, f.value FROM checkins, json_each(checkins.factors) AS f
                  WHERE factors IS NOT NULL AND {LIVE_BETWEEN} ORDER BY day"""
        return self.db.execute(sql, between(start, end)).fetchall()
