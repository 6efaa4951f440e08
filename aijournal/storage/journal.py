"""`Journal`: the one gateway to the journal's data. Nobody else writes SQL.

Every write runs in one transaction (`BEGIN IMMEDIATE`, so two processes queue on the busy
timeout instead of failing with "database is locked"); records are soft-deleted so undo and
merges between machines work.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

import sqlcipher3
from sqlite_utils import Database

from aijournal import records as r
from aijournal.errors import InvalidInput, JournalError, JournalTooNew, NoJournal
from aijournal.patterns import augmentation_ids
from aijournal.storage import backups, unlock
from aijournal.storage.paths import DataPaths, make_private, private_dir
from aijournal.storage.schema import migrations
from aijournal.storage.secrets import SecretStore

R = TypeVar("R", bound=r.Record)

TABLES: dict[type[r.Record], str] = {
    r.Person: "people", r.Skill: "skills", r.Goal: "goals", r.AIUse: "ai_uses",
    r.Checkin: "checkins", r.Touchpoint: "touchpoints", r.SkillRating: "skill_ratings",
    r.Assessment: "assessments",
}
# Fields stored elsewhere than a column of the same name (links by name, resolved here).
_LINKED = {"skills", "person", "skill"}
_SEP = "\x1f"  # joins linked names in one column; cannot be typed in a name


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


class Journal:
    """An open, unlocked journal."""

    def __init__(self, conn: sqlcipher3.Connection, paths: DataPaths,
                 config: unlock.JournalConfig, key: unlock.Key, clock: r.Clock = r.now,
                 store: SecretStore | None = None):
        self.db = Database(conn, execute_plugins=False)
        self.paths, self.config, self.clock = paths, config, clock
        self._key, self._store = key, store

    # ---- opening ------------------------------------------------------------------------

    @classmethod
    def create(cls, paths: DataPaths, key: unlock.Key, *, store: SecretStore | None = None,
               clock: r.Clock = r.now) -> Journal:
        """Create a new journal in `paths` protected by `key` and open it."""
        private_dir(paths.root)
        config = unlock.create(paths, key, store)
        return cls._opened(paths, config, key, clock, store)

    @classmethod
    def open(cls, paths: DataPaths, *, passphrase: unlock.PassphraseSource | None = None,
             store: SecretStore | None = None, clock: r.Clock = r.now) -> Journal:
        """Unlock the journal in `paths`, upgrading its schema (after a copy) if needed."""
        if not paths.config.exists() or not paths.db.exists():
            raise NoJournal(paths.root)
        config = unlock.JournalConfig.read(paths)
        key = unlock.find_key(config, store, passphrase)
        return cls._opened(paths, config, key, clock, store)

    @classmethod
    def _opened(cls, paths, config, key, clock, store) -> Journal:
        journal = cls(unlock.unlock(paths, key), paths, config, key, clock, store)
        try:
            journal._migrate()
        except BaseException:
            journal.close()
            raise
        return journal

    def _migrate(self) -> None:
        known = {m.name for m in migrations._migrations}
        applied = [m.name for m in migrations.applied(self.db)]
        if unknown := [name for name in applied if name not in known]:
            raise JournalTooNew(unknown)
        pending = migrations.pending(self.db)
        if not pending:
            return
        if applied:  # an existing journal: keep a copy of it as it was before the upgrade
            self.checkpoint()
            copy = private_dir(self.paths.backups) / (
                f"before-{pending[0].name}-{self.clock():%Y%m%d-%H%M%S}.db")
            shutil.copyfile(self.paths.db, copy)
            make_private(copy)
        migrations.apply(self.db)
        make_private(self.paths.db, *self.paths.sidecars())

    def connect_again(self) -> Journal:
        """A second connection to the same journal, for work on another thread."""
        return Journal(unlock.unlock(self.paths, self._key), self.paths, self.config,
                       self._key, self.clock, self._store)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (before copying it)."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @property
    def schema_steps(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All writes inside commit together or not at all; nests as a savepoint."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        self.db.execute("COMMIT")

    # ---- generic record access -----------------------------------------------------------

    def add(self, record: R) -> R:
        """Insert a new record (its links to skills and people too)."""
        self._check_timely(record)
        with self.transaction():
            self._write(record, insert=True)
        return record

    def update(self, record: R) -> R:
        """Replace a stored record with this version, stamped as updated now."""
        self._check_timely(record)
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
            if isinstance(record, r.Checkin) and (other := self.checkin_on(record.day)):
                if other.id != record.id:
                    raise JournalError(f"{record.day} already has a check-in; edit that one.")
            return self._set_deleted(record, None)

    def get(self, kind: type[R], record_id: str, *, deleted: bool = False) -> R | None:
        where = "t.id = ?" + ("" if deleted else " AND t.deleted_at IS NULL")
        found = self._select(kind, where, [record_id])
        return found[0] if found else None

    def all(self, kind: type[R], *, deleted: bool = False) -> list[R]:
        return self._select(kind, "1" if deleted else "t.deleted_at IS NULL", [])

    # ---- people, skills, goals -------------------------------------------------------------

    def person_named(self, name: str, *, create: bool = False) -> r.Person | None:
        return self._named(r.Person, name, create)

    def skill_named(self, name: str, *, create: bool = False) -> r.Skill | None:
        return self._named(r.Skill, name, create)

    def goal_named(self, name: str) -> r.Goal:
        """The goal with this name; InvalidInput listing the goals there are otherwise."""
        if goal := self._named(r.Goal, name, create=False):
            return goal
        names = [g.name for g in self.goals()]
        allowed = ("use one of " + ", ".join(names)) if names else "add it with `goal add` first"
        raise InvalidInput("goal", name, allowed)

    def people(self, *, archived: bool = False) -> list[r.Person]:
        return self._select(r.Person, "t.deleted_at IS NULL" + ("" if archived else
                            " AND NOT t.archived"), [], order="t.name COLLATE NOCASE")

    def skills(self) -> list[r.Skill]:
        return self._select(r.Skill, "t.deleted_at IS NULL", [], order="t.name COLLATE NOCASE")

    def goals(self, *, archived: bool = False) -> list[r.Goal]:
        return self._select(r.Goal, "t.deleted_at IS NULL" + ("" if archived else
                            " AND NOT t.archived"), [], order="t.name COLLATE NOCASE")

    def last_contacts(self) -> dict[str, date]:
        """Each person's most recent touchpoint day, by person id."""
        rows = self.db.execute(
            "SELECT person_id, max(day) FROM touchpoints WHERE deleted_at IS NULL"
            " AND person_id IS NOT NULL GROUP BY person_id").fetchall()
        return {pid: date.fromisoformat(day) for pid, day in rows}

    def last_assessments(self) -> dict[str, date]:
        """The day each instrument was last taken, by instrument id."""
        rows = self.db.execute("SELECT instrument, max(day) FROM assessments"
                               " WHERE deleted_at IS NULL GROUP BY instrument").fetchall()
        return {instrument: date.fromisoformat(day) for instrument, day in rows}

    def rate_skill(self, rating: r.SkillRating) -> r.SkillRating:
        return self.add(rating)

    def skill_ratings(self, skill: str | None = None) -> list[r.SkillRating]:
        if skill is None:
            return self._select(r.SkillRating, "t.deleted_at IS NULL", [], order="t.day")
        return self._select(r.SkillRating, "t.deleted_at IS NULL AND t.skill_id IN "
                            "(SELECT id FROM skills WHERE name = ? COLLATE NOCASE)", [skill],
                            order="t.day")

    # ---- entries ----------------------------------------------------------------------------

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

    def checkin_on(self, day: date) -> r.Checkin | None:
        found = self._select(r.Checkin, "t.day = ? AND t.deleted_at IS NULL", [day.isoformat()])
        return found[0] if found else None

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
        rows = self.db.execute(
            "SELECT tool FROM ai_uses WHERE deleted_at IS NULL GROUP BY tool COLLATE NOCASE"
            " ORDER BY count(*) DESC, max(started_at) DESC").fetchall()
        return [row[0] for row in rows]

    def weekly_figures(self, start: date | None = None, end: date | None = None
                       ) -> list[dict[str, Any]]:
        """Per week (Monday), raw sums and means aggregated in SQL for `aijournal.stats`."""
        lo, hi = (start or date.min).isoformat(), (end or date.max).isoformat()
        aug = ",".join(f"'{p}'" for p in augmentation_ids())
        week = "date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')"
        live = "deleted_at IS NULL AND day BETWEEN ? AND ?"
        sql = f"""
        WITH ai AS (SELECT {week} AS week, count(*) AS ai_uses,
                           sum(pattern IN ({aug})) AS augmentation_uses,
                           sum(minutes) AS ai_minutes, sum(replaced_person) AS replaced
                    FROM ai_uses WHERE {live} GROUP BY 1),
             tp AS (SELECT {week} AS week, count(*) AS touchpoints,
                           coalesce(sum(minutes), 0) AS touchpoint_minutes
                    FROM touchpoints WHERE {live} GROUP BY 1),
             ck AS (SELECT {week} AS week, count(*) AS checkins, avg(burnout) AS burnout_mean,
                           avg(connection) AS connection_mean
                    FROM checkins WHERE {live} GROUP BY 1)
        SELECT w.week, coalesce(ai_uses, 0) AS ai_uses,
               coalesce(augmentation_uses, 0) AS augmentation_uses,
               coalesce(ai_minutes, 0) AS ai_minutes, coalesce(replaced, 0) AS replaced,
               coalesce(touchpoints, 0) AS touchpoints,
               coalesce(touchpoint_minutes, 0) AS touchpoint_minutes,
               coalesce(checkins, 0) AS checkins, burnout_mean, connection_mean
        FROM (SELECT week FROM ai UNION SELECT week FROM tp UNION SELECT week FROM ck) AS w
        LEFT JOIN ai USING (week) LEFT JOIN tp USING (week) LEFT JOIN ck USING (week)
        ORDER BY w.week"""
        cursor = self.db.execute(sql, [lo, hi] * 3)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        """Live records per table, for status lines and tests."""
        return {table: self.db.execute(
            f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
            for table in TABLES.values()}

    # ---- settings ------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                            " DO UPDATE SET value = excluded.value", [key, json.dumps(value)])

    # ---- keys and backups ----------------------------------------------------------------

    def describe_key(self) -> str:
        return self.config.describe(self._store)

    def change_key(self, new: unlock.Key) -> None:
        """Re-encrypt the journal and its backups with `new`, moving where the key lives."""
        config = unlock.switched(self.config, new)
        store = self._store or SecretStore()
        if config.keyring_account:
            store.set(config.keyring_account, new.secret)
        try:
            unlock.rekey(self.db.conn, self._key, new)
        except BaseException:
            if config.keyring_account:
                store.delete(config.keyring_account)
            raise
        backups.rekey_all(self.paths, self._key, new)
        config.write(self.paths)
        if self.config.keyring_account:
            store.delete(self.config.keyring_account)
        self.config, self._key, self._store = config, new, store

    def backup(self, folder: Path | None = None, *, keep: int | None = backups.KEEP) -> Path:
        """Copy the journal with SQLite's online backup; keep the newest `keep` copies."""
        return backups.make(self.db.conn, self.paths, self._key, self.clock(), folder, keep)

    def backup_if_due(self, every: timedelta = timedelta(days=1)) -> Path | None:
        """The automatic daily backup, made only when the newest one is older than `every`."""
        newest = backups.newest(self.paths.backups)
        if newest and self.clock() - newest[1] < every:
            return None
        return self.backup()

    def backups(self) -> list[Path]:
        return backups.listing(self.paths.backups)

    def restore(self, backup: Path) -> Path:
        """Replace the journal with `backup`; returns the safety copy of the current one."""
        backups.verify(backup, self._key)
        safety = self.backup(keep=None)
        self.close()
        try:
            backups.put_in_place(backup, self.paths)
        finally:
            self.db = Database(unlock.unlock(self.paths, self._key), execute_plugins=False)
        self._migrate()
        return safety

    # ---- rows <-> records ----------------------------------------------------------------

    def _check_timely(self, record: r.Record) -> None:
        if isinstance(record, r.AIUse):
            r.check_not_future_moment("when", record.started_at, self.clock)
        elif isinstance(record, r.Touchpoint):
            r.check_not_future_moment("when", record.at, self.clock)
        elif isinstance(record, r.Checkin | r.SkillRating | r.Assessment):
            r.check_not_future_day("date", record.day, self.clock)

    def _named(self, kind: type[R], name: str, create: bool) -> R | None:
        name = " ".join(name.split())
        found = self._select(kind, "t.name = ? COLLATE NOCASE AND t.deleted_at IS NULL", [name],
                             order="t.created_at", limit=1)
        if found:
            return found[0]
        return self.add(kind(name=name)) if create else None

    def _set_deleted(self, record: R, stamp: str | None) -> R:
        table = TABLES[type(record)]
        now = r.utc_stamp()
        changed = self.db.execute(f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?",
                                  [stamp, now, record.id]).rowcount
        if not changed:
            raise InvalidInput("id", record.id, "use the id of a stored entry")
        return replace(record, deleted_at=stamp, updated_at=now)

    def _write(self, record: r.Record, insert: bool) -> None:
        row = to_row(record)
        if isinstance(record, r.Touchpoint):
            person = self.person_named(record.person, create=True) if record.person else None
            row["person_id"] = person.id if person else None
        if isinstance(record, r.SkillRating):
            row["skill_id"] = self._require(self.skill_named(record.skill, create=True)).id
        table = TABLES[type(record)]
        if insert:
            self.db[table].insert(row)
        else:
            self.db[table].update(record.id, row)
        if isinstance(record, r.AIUse | r.Touchpoint):
            self._link_skills(record)

    @staticmethod
    def _require(record: R | None) -> R:
        assert record is not None
        return record

    def _link_skills(self, entry: r.AIUse | r.Touchpoint) -> None:
        column = "ai_use_id" if isinstance(entry, r.AIUse) else "touchpoint_id"
        # A dict keeps the user's order of skills; the ids are what links them.
        wanted = dict.fromkeys(self._require(self.skill_named(n, create=True)).id
                               for n in entry.skills)
        events = self.db.execute(
            f"SELECT id, skill_id, deleted_at FROM learning_events WHERE {column} = ?",
            [entry.id]).fetchall()
        now = r.utc_stamp()
        for event_id, skill_id, deleted_at in events:
            keep = skill_id in wanted
            if keep == (deleted_at is not None):  # live but unwanted, or wanted but deleted
                self.db.execute("UPDATE learning_events SET deleted_at = ?, updated_at = ?"
                                " WHERE id = ?", [None if keep else now, now, event_id])
            wanted.pop(skill_id, None)
        for skill_id in wanted:
            self.db["learning_events"].insert({
                "id": r.new_id(), "skill_id": skill_id, column: entry.id,
                "created_at": now, "updated_at": now, "deleted_at": None})

    def _select(self, kind: type[R], where: str, params: Sequence[Any], *,
                order: str = "t.rowid", limit: int | None = None) -> list[R]:
        table, extra = TABLES[kind], _LINK_COLUMNS.get(kind, "")
        sql = f"SELECT t.*{extra} FROM {table} AS t WHERE {where} ORDER BY {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        cursor = self.db.execute(sql, list(params))
        names = [c[0] for c in cursor.description]
        return [from_row(kind, dict(zip(names, row, strict=True))) for row in cursor]


def _skill_names(column: str) -> str:
    return (f", (SELECT group_concat(name, '{_SEP}') FROM (SELECT s.name FROM learning_events e"
            f" JOIN skills s ON s.id = e.skill_id WHERE e.{column} = t.id"
            " AND e.deleted_at IS NULL ORDER BY e.rowid)) AS skills")


_LINK_COLUMNS = {
    r.AIUse: _skill_names("ai_use_id"),
    r.Touchpoint: _skill_names("touchpoint_id")
    + ", (SELECT name FROM people WHERE id = t.person_id) AS person",
    r.SkillRating: ", (SELECT name FROM skills WHERE id = t.skill_id) AS skill",
}


def _entry_where(kind: str, wanted: EntryFilter) -> tuple[str, list[Any]] | None:
    """The WHERE clause for one kind of entry, or None when the filter rules the kind out."""
    clauses, params = ["t.deleted_at IS NULL"], []
    if wanted.start:
        clauses.append("t.day >= ?")
        params.append(wanted.start.isoformat())
    if wanted.end:
        clauses.append("t.day <= ?")
        params.append(wanted.end.isoformat())
    only_ai = wanted.tool or wanted.pattern
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
    if wanted.person:
        clauses.append("t.person_id IN (SELECT id FROM people WHERE name = ? COLLATE NOCASE)")
        params.append(wanted.person)
    if wanted.skill:
        column = "ai_use_id" if kind == "ai-use" else "touchpoint_id"
        clauses.append(f"t.id IN (SELECT e.{column} FROM learning_events e JOIN skills s"
                       " ON s.id = e.skill_id WHERE s.name = ? COLLATE NOCASE"
                       " AND e.deleted_at IS NULL)")
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


# ---- conversion --------------------------------------------------------------------------

@cache
def _columns(kind: type[r.Record]) -> tuple[tuple[str, str], ...]:
    """(field, how it is stored) for each column-backed field of a record type."""
    hints = get_type_hints(kind)
    out = []
    for f in fields(kind):
        if f.name in _LINKED:
            continue
        hint = hints[f.name]
        types = set(get_args(hint)) | {hint, get_origin(hint)}
        how = ("datetime" if datetime in types else "date" if date in types
               else "bool" if bool in types else "json" if tuple in types else "plain")
        out.append((f.name, how))
    return tuple(out)


def to_row(record: r.Record) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name, how in _columns(type(record)):
        value = getattr(record, name)
        if value is not None:
            if how in ("datetime", "date"):
                value = value.isoformat()
            elif how == "bool":
                value = int(value)
            elif how == "json":
                value = json.dumps(list(value))
        row[name] = value
    if isinstance(record, r.AIUse | r.Touchpoint):
        row["day"] = record.day.isoformat()
    return row


def from_row(kind: type[R], row: dict[str, Any]) -> R:
    values: dict[str, Any] = {}
    for name, how in _columns(kind):
        value = row.get(name)
        if value is not None:
            if how == "datetime":
                value = datetime.fromisoformat(value)
            elif how == "date":
                value = date.fromisoformat(value)
            elif how == "bool":
                value = bool(value)
            elif how == "json":
                value = tuple(json.loads(value))
        values[name] = value
    for name in _LINKED & {f.name for f in fields(kind)}:
        linked = row.get(name)
        values[name] = tuple(linked.split(_SEP)) if name == "skills" and linked else (
            () if name == "skills" else linked)
    return kind(**values)
