"""`JournalCore`: the connection, transactions, and generic record access every part builds on."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

import sqlcipher3

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError, NameTaken
from aijournal.storage import unlock
from aijournal.storage.paths import DataPaths
from aijournal.storage.rows import LINK_COLUMNS, NAMED, TABLES, R, from_row, to_row
from aijournal.storage.secrets import SecretStore
from aijournal.storage.sql import Connection


class JournalCore:
    """The connection and generic record access; the parts of `Journal` build on it."""

    def __init__(
        self,
        conn: sqlcipher3.Connection,
        paths: DataPaths,
        config: unlock.JournalConfig,
        key: unlock.Key,
        clock: r.Clock = r.now,
        store: SecretStore | None = None,
    ):
        self.db = Connection(conn)
        self.paths, self.config, self.clock = paths, config, clock
        self._key, self._store = key, store
        self._written: set[str] = set()  # tables written since the last `take_changes`

    # ---- what changed ------------------------------------------------------------------
    # Every write of the gateway notes its table, so the app can announce exactly which kinds
    # of records a change touched and redraw only the views that show them.

    def wrote(self, *tables: str) -> None:
        """Note that these tables were written (by the gateway's parts, in a transaction)."""
        self._written.update(tables)

    def take_changes(self) -> frozenset[str]:
        """The tables written since the last call (committed or still in the transaction)."""
        taken, self._written = frozenset(self._written), set()
        return taken

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """All writes inside commit together or not at all; nests as a savepoint."""
        before = set(self._written)
        if self.db.conn.in_transaction:
            try:
                with self.db.savepoint():
                    yield self.db
            except BaseException:
                self._written = before  # the savepoint's writes were undone
                raise
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                self.db.execute("COMMIT")
            except BaseException:
                self.db.rollback()
                self._written = before  # nothing was written after all
                raise
        except sqlcipher3.OperationalError as error:  # a full disk, a read-only folder, …
            raise JournalError(
                f"The journal could not be written ({error}); nothing was saved."
            ) from error

    def add(self, record: R) -> R:
        """Insert a new record (its links to skills and people too)."""
        r.check_timely(record, self.clock)
        with self.transaction():
            self._write(record, insert=True)
        return record

    def update(self, record: R) -> R:
        """Replace a stored record with this version, stamped as updated now."""
        r.check_timely(record, self.clock)
        record = record.touched()
        with self.transaction():
            if self.get(type(record), record.id) is None:
                raise InvalidInput("id", record.id, "use the id of a stored entry")
            self._write(record, insert=False)
        return record

    def delete(self, record: R) -> R:
        """Soft-delete: hidden everywhere, but `undelete` brings it back."""
        with self.transaction():
            return self._set_deleted(record, r.utc_stamp())

    def undelete(self, record: R) -> R:
        with self.transaction():
            if isinstance(record, r.Checkin) and (other := self._checkin_on(record.day)):
                if other.id != record.id:
                    raise JournalError(f"{record.day} already has a check-in; edit that one.")
            self._check_name_free(record)
            return self._set_deleted(record, None)

    def get(self, kind: type[R], record_id: str, *, deleted: bool = False) -> R | None:
        where = "t.id = ?" + ("" if deleted else " AND t.deleted_at IS NULL")
        found = self._select(kind, where, [record_id])
        return found[0] if found else None

    def all(self, kind: type[R], *, deleted: bool = False) -> list[R]:
        return self._select(kind, "1" if deleted else "t.deleted_at IS NULL", [])

    def counts(self) -> dict[str, int]:
        """Live records per table, for status lines and tests."""
        return {
            table: self.db.execute(
                f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL"
            ).fetchone()[0]
            for table in TABLES.values()
        }

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.wrote("settings")
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                " DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)],
            )

    def _named(self, kind: type[R], name: str, create: bool) -> R | None:
        name = " ".join(name.split())
        if create and not self.db.conn.in_transaction:
            with self.transaction():  # look up and add at once: two processes make one record
                return self._named(kind, name, create)
        found = self._select(
            kind,
            "t.name = ? COLLATE NOCASE AND t.deleted_at IS NULL",
            [name],
            order="t.created_at",
            limit=1,
        )
        if found:
            return found[0]
        return self.add(kind(name=name)) if create else None  # type: ignore[call-arg]

    def _rows(self, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Rows of a query as dicts by column name (for figures)."""
        cursor = self.db.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _set_deleted(self, record: R, stamp: str | None) -> R:
        table = TABLES[type(record)]
        self.wrote(table)
        now = r.utc_stamp()
        changed = self.db.execute(
            f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?",
            [stamp, now, record.id],
        ).rowcount
        if not changed:
            raise InvalidInput("id", record.id, "use the id of a stored entry")
        return replace(record, deleted_at=stamp, updated_at=now)

    def _check_name_free(self, record: r.Record) -> None:
        """Names of people, skills and goals are unique among live records, ignoring case (the
        partial unique indexes of schema step 0004 hold the same rule)."""
        if (rule := NAMED.get(type(record))) is None:
            return
        name = record.name  # type: ignore[attr-defined]
        same = self.db.execute(
            f"SELECT 1 FROM {TABLES[type(record)]} WHERE name = ? COLLATE NOCASE"
            " AND deleted_at IS NULL AND id != ?",
            [name, record.id],
        ).fetchone()
        if same:
            raise NameTaken(rule[0], name, rule[1])

    def _write(self, record: r.Record, insert: bool) -> None:
        self._check_name_free(record)
        row = to_row(record)
        if isinstance(record, r.Touchpoint):
            person = self._named(r.Person, record.person, True) if record.person else None
            row["person_id"] = person.id if person else None
        if isinstance(record, r.Checkin):
            self._check_factor_answers(record)
        if isinstance(record, r.SkillRating):
            row["skill_id"] = self._require(self._named(r.Skill, record.skill, True)).id
        table = TABLES[type(record)]
        self.wrote(table)
        if insert:
            self.db.insert(table, row)
        else:
            self.db.update(table, record.id, row)
        if isinstance(record, r.AIUse | r.Touchpoint):
            self._link_skills(record)

    def _check_factor_answers(self, checkin: r.Checkin) -> None:
        """Each answer belongs to a stored factor and is one of that factor's answers."""
        for factor_id, value in checkin.factors:
            factor = self.get(r.Factor, factor_id)
            if factor is None:
                raise InvalidInput("factor", factor_id, "use the id of a stored factor")
            factor.check_value(value)

    @staticmethod
    def _require(record: R | None) -> R:
        assert record is not None
        return record

    def _link_skills(self, entry: r.AIUse | r.Touchpoint) -> None:
        self.wrote("learning_events")
        column = "ai_use_id" if isinstance(entry, r.AIUse) else "touchpoint_id"
        # A dict keeps the user's order of skills; the ids are what links them.
        wanted = dict.fromkeys(
            self._require(self._named(r.Skill, n, True)).id for n in entry.skills
        )
        events = self.db.execute(
            f"SELECT id, skill_id, deleted_at FROM learning_events WHERE {column} = ?", [entry.id]
        ).fetchall()
        now = r.utc_stamp()
        for event_id, skill_id, deleted_at in events:
            keep = skill_id in wanted
            if keep == (deleted_at is not None):  # live but unwanted, or wanted but deleted
                self.db.execute(
                    "UPDATE learning_events SET deleted_at = ?, updated_at = ? WHERE id = ?",
                    [None if keep else now, now, event_id],
                )
            wanted.pop(skill_id, None)
        for skill_id in wanted:
            self.db.insert(
                "learning_events",
                {
                    "id": r.new_id(),
                    "skill_id": skill_id,
                    column: entry.id,
                    "created_at": now,
                    "updated_at": now,
                    "deleted_at": None,
                },
            )

    def _select(
        self,
        kind: type[R],
        where: str,
        params: Sequence[Any],
        *,
        order: str = "t.rowid",
        limit: int | None = None,
    ) -> list[R]:
        table, extra = TABLES[kind], LINK_COLUMNS.get(kind, "")
        sql = f"SELECT t.*{extra} FROM {table} AS t WHERE {where} ORDER BY {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        cursor = self.db.execute(sql, list(params))
        names = [c[0] for c in cursor.description]
        return [from_row(kind, dict(zip(names, row, strict=True))) for row in cursor]

    def _checkin_on(self, day: date) -> r.Checkin | None:
        found = self._select(r.Checkin, "t.day = ? AND t.deleted_at IS NULL", [day.isoformat()])
        return found[0] if found else None
