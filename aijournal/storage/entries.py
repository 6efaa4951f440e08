"""The entries part of the gateway: check-ins by day, filtered entry lists, nudges, goal links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage.core import JournalCore


@dataclass(frozen=True)
class EntryFilter:
    """Which entries `Journal.entries` returns. Empty fields do not filter."""

    kinds: tuple[str, ...] = r.ENTRY_KINDS
    start: date | None = None
    end: date | None = None
    tool: str | None = None
    pattern: str | None = None
    person: str | None = None
    skill: str | None = None
    text: str | None = None
    limit: int | None = None
    to_review: bool = False  # only imported AI uses waiting for review


def _entry_where(kind: str, wanted: EntryFilter) -> tuple[str, list[Any]] | None:
    """The WHERE clause for one kind of entry, or None when the filter rules the kind out."""
    clauses, params = ["t.deleted_at IS NULL"], []
    if wanted.start:
        clauses.append("t.day >= ?")
        params.append(wanted.start.isoformat())
    if wanted.end:
        clauses.append("t.day <= ?")
        params.append(wanted.end.isoformat())
    only_ai = wanted.tool or wanted.pattern or wanted.to_review
    if only_ai and kind != "ai-use":
        return None
    if wanted.person and kind != "touchpoint":
        return None
    if wanted.skill and kind not in ("ai-use", "touchpoint"):
        return None
    if wanted.tool:
        clauses.append("t.tool = ? COLLATE NOCASE")
        params.append(wanted.tool)
    if wanted.pattern:
        clauses.append("t.pattern = ?")
        params.append(wanted.pattern)
    if wanted.to_review:
        clauses.append("t.to_review")
    if wanted.person:
        clauses.append("t.person_id IN (SELECT id FROM people WHERE name = ? COLLATE NOCASE)")
        params.append(wanted.person)
    if wanted.skill:
        column = "ai_use_id" if kind == "ai-use" else "touchpoint_id"
        clauses.append(
            f"t.id IN (SELECT e.{column} FROM learning_events e JOIN skills s"
            " ON s.id = e.skill_id WHERE s.name = ? COLLATE NOCASE"
            " AND e.deleted_at IS NULL)"
        )
        params.append(wanted.skill)
    if wanted.text:
        if kind == "assessment":
            return None
        searchable = "t.note || ' ' || t.task || ' ' || t.tool" if kind == "ai-use" else "t.note"
        clauses.append(f"({searchable}) LIKE ? ESCAPE '\\'")
        escaped = wanted.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    return " AND ".join(clauses), params


def _entry_sort_key(record: r.Record) -> str:
    if isinstance(record, r.AIUse):
        return record.started_at.isoformat()
    if isinstance(record, r.Touchpoint):
        return record.at.isoformat()
    return f"{record.day.isoformat()}T23:59:59"  # type: ignore[attr-defined]


class Entries(JournalCore):
    """Entries: the day's check-in, filtered lists, tools used, nudges, links to goals."""

    def save_checkin(self, checkin: r.Checkin) -> tuple[r.Checkin, bool]:
        """Store the day's check-in: a second one for the same day updates the first.

        Returns the stored check-in and whether it was new.
        """
        with self.transaction():
            existing = self.checkin_on(checkin.day)
            if existing is None:
                return self.add(checkin), True
            merged = replace(checkin, id=existing.id, created_at=existing.created_at)
            return self.update(merged), False

    def checkin_count(self, *, up_to: int | None = None) -> int:
        """How many days have a check-in; counting stops at `up_to` (cheap on a long journal)."""
        limit = "" if up_to is None else f" LIMIT {int(up_to)}"
        return self.db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM checkins WHERE deleted_at IS NULL{limit})"
        ).fetchone()[0]

    def checkin_on(self, day: date) -> r.Checkin | None:
        return self._checkin_on(day)

    def entries(self, wanted: EntryFilter = EntryFilter()) -> list[r.Record]:
        """Entries of the wanted kinds, newest first."""
        for kind in wanted.kinds:
            r.check_choice("kind", kind, r.ENTRY_KINDS)
        found: list[r.Record] = []
        for kind in wanted.kinds:
            sql = _entry_where(kind, wanted)
            if sql is None:
                continue
            where, params = sql
            record_type = r.BY_KIND[kind]
            order = "t.day DESC, t.rowid DESC"
            found += self._select(record_type, where, params, order=order, limit=wanted.limit)
        found.sort(key=_entry_sort_key, reverse=True)
        return found[: wanted.limit] if wanted.limit else found

    def tools(self) -> list[str]:
        """Tools used before, most used first: suggestions for the AI-use form."""
        # The latest uses say which tools are in use now, at the same cost for any journal size.
        rows = self.db.execute(
            "SELECT tool FROM (SELECT tool, started_at FROM ai_uses WHERE deleted_at IS NULL"
            " ORDER BY rowid DESC LIMIT 2000) GROUP BY tool COLLATE NOCASE"
            " ORDER BY count(*) DESC, max(started_at) DESC"
        ).fetchall()
        return [row[0] for row in rows]

    def unassigned_uses(self, start: date, end: date) -> list[r.AIUse]:
        """AI uses from `start` to `end` that serve no (live) goal, newest first."""
        return self._select(
            r.AIUse,
            "t.deleted_at IS NULL AND t.day BETWEEN ? AND ? AND (t.goal_id IS NULL"
            " OR t.goal_id NOT IN (SELECT id FROM goals WHERE deleted_at IS NULL))",
            [start.isoformat(), end.isoformat()],
            order="t.started_at DESC",
        )

    def assign_goal(self, use_ids: Sequence[str], goal_id: str | None) -> int:
        """Link these AI uses to a goal (None unlinks) in one transaction; how many changed."""
        ids = list(dict.fromkeys(use_ids))
        if not ids:
            return 0
        with self.transaction():
            if goal_id is not None and self.get(r.Goal, goal_id) is None:
                raise InvalidInput("goal", goal_id, "use the id of a stored goal")
            marks = ",".join("?" * len(ids))
            live = {
                row[0]
                for row in self.db.execute(
                    f"SELECT id FROM ai_uses WHERE deleted_at IS NULL AND id IN ({marks})", ids
                )
            }
            if missing := [i for i in ids if i not in live]:
                raise InvalidInput("AI use", missing[0], "use the id of a stored AI use")
            # Only rows whose goal really changes get a new updated_at, so merges stay quiet.
            self.wrote("ai_uses")
            return self.db.execute(
                f"UPDATE ai_uses SET goal_id = ?, updated_at = ? WHERE id IN ({marks})"
                " AND goal_id IS NOT ?",
                [goal_id, r.utc_stamp(), *ids, goal_id],
            ).rowcount

    def checkins_since(self, day: date) -> list[r.Checkin]:
        """Check-ins from `day` on, oldest first."""
        return self._select(
            r.Checkin, "t.deleted_at IS NULL AND t.day >= ?", [day.isoformat()], order="t.day"
        )

    def nudges(self, statuses: Sequence[str] | None = None) -> list[r.Nudge]:
        """Stored nudges (with these statuses), newest first."""
        where, params = "t.deleted_at IS NULL", []
        if statuses:
            where += f" AND t.status IN ({','.join('?' * len(statuses))})"
            params = list(statuses)
        return self._select(r.Nudge, where, params, order="t.day DESC, t.rowid DESC")

    def last_nudge_days(self) -> dict[str, date]:
        """The day each rule last produced a nudge, by rule id."""
        rows = self.db.execute(
            "SELECT rule_id, max(day) FROM nudges WHERE deleted_at IS NULL GROUP BY rule_id"
        ).fetchall()
        return {rule: date.fromisoformat(day) for rule, day in rows}
