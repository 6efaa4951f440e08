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

    def factor_table(
        self, factor_ids: list[str], start: date | None, end: date | None
    ) -> list[tuple[int | None, ...]]:
        """Each live check-in with answers, by day: its epoch day, then its answer to each of
        `factor_ids` (None: not answered). One column per factor: cheaper than `factor_answers`
        on a long journal (no row per answer), for the Trends charts."""
        if not factor_ids:
            return []
        columns = ", ".join("json_extract(factors, ?)" for _ in factor_ids)
        sql = f"""SELECT {EPOCH_DAY}, {columns} FROM checkins
                  WHERE factors IS NOT NULL AND {LIVE_BETWEEN} ORDER BY day"""
        paths = [f'$."{factor_id}"' for factor_id in factor_ids]
        return self.db.execute(sql, paths + between(start, end)).fetchall()

    def factor_answers(self, start: date | None, end: date | None) -> list[tuple[str, int, int]]:
        """Each answered factor of each live check-in: (factor id, epoch day, answer), by day."""
        sql = f"""SELECT f.key, {EPOCH_DAY}, f.value FROM checkins, json_each(checkins.factors) AS f
                  WHERE factors IS NOT NULL AND {LIVE_BETWEEN} ORDER BY day"""
        return self.db.execute(sql, between(start, end)).fetchall()
