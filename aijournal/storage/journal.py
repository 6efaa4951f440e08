"""`Journal`: the one gateway to the journal's data. Nobody else writes SQL.

Every write runs in one transaction (`BEGIN IMMEDIATE`, so two processes queue on the busy
timeout instead of failing with "database is locked"); records are soft-deleted so undo and
merges between machines work.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

import sqlcipher3
from sqlite_utils import Database

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError, JournalTooNew, NoJournal, UnlockError
from aijournal.model.patterns import augmentation_ids
from aijournal.storage import backups, unlock
from aijournal.storage.paths import DataPaths, make_private, private_dir
from aijournal.storage.schema import migrations
from aijournal.storage.secrets import SecretStore

R = TypeVar("R", bound=r.Record)

TABLES: dict[type[r.Record], str] = {
    r.Person: "people",
    r.Skill: "skills",
    r.Goal: "goals",
    r.AIUse: "ai_uses",
    r.Checkin: "checkins",
    r.Touchpoint: "touchpoints",
    r.SkillRating: "skill_ratings",
    r.Assessment: "assessments",
    r.Nudge: "nudges",
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
    to_review: bool = False  # only imported AI uses waiting for review


class Journal:
    """An open, unlocked journal."""

    def __init__(
        self,
        conn: sqlcipher3.Connection,
        paths: DataPaths,
        config: unlock.JournalConfig,
        key: unlock.Key,
        clock: r.Clock = r.now,
        store: SecretStore | None = None,
    ):
        self.db = Database(conn, execute_plugins=False)
        self.paths, self.config, self.clock = paths, config, clock
        self._key, self._store = key, store

    # ---- opening ------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        paths: DataPaths,
        key: unlock.Key,
        *,
        store: SecretStore | None = None,
        clock: r.Clock = r.now,
    ) -> Journal:
        """Create a new journal in `paths` protected by `key` and open it."""
        private_dir(paths.root)
        config = unlock.create(paths, key, store)
        return cls._opened(paths, config, key, clock, store)

    @classmethod
    def open(
        cls,
        paths: DataPaths,
        *,
        passphrase: unlock.PassphraseSource | None = None,
        store: SecretStore | None = None,
        clock: r.Clock = r.now,
    ) -> Journal:
        """Unlock the journal in `paths`, upgrading its schema (after a copy) if needed."""
        if not paths.config.exists() or not paths.db.exists():
            raise NoJournal(paths.root)
        config = unlock.JournalConfig.read(paths)
        key = unlock.find_key(config, store, passphrase)
        return cls._opened(paths, config, key, clock, store)

    @classmethod
    def recover(
        cls,
        paths: DataPaths,
        backup: Path,
        *,
        passphrase: unlock.PassphraseSource | None = None,
        store: SecretStore | None = None,
        clock: r.Clock = r.now,
    ) -> Journal:
        """Put `backup` in place of a journal file that no longer opens, keeping it aside."""
        config = unlock.JournalConfig.read(paths)
        key = unlock.find_key(config, store, passphrase)
        backups.verify(backup, key)
        aside = paths.db.with_name(f"{paths.db.name}.damaged-{clock():%Y%m%d-%H%M%S}")
        if paths.db.exists():
            os.replace(paths.db, aside)
        backups.put_in_place(backup, paths)
        return cls._opened(paths, config, key, clock, store)

    @classmethod
    def _opened(cls, paths, config, key, clock, store) -> Journal:
        try:
            conn = unlock.unlock(paths, key)
        except UnlockError as error:
            raise _with_backup_hint(error, paths, key) from None
        journal = cls(conn, paths, config, key, clock, store)
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
                f"before-{pending[0].name}-{self.clock():%Y%m%d-%H%M%S}.db"
            )
            shutil.copyfile(self.paths.db, copy)
            make_private(copy)
        migrations.apply(self.db)
        make_private(self.paths.db, *self.paths.sidecars())

    def connect_again(self) -> Journal:
        """A second connection to the same journal, for work on another thread."""
        return Journal(
            unlock.unlock(self.paths, self._key),
            self.paths,
            self.config,
            self._key,
            self.clock,
            self._store,
        )

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
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                self.db.execute("COMMIT")
            except BaseException:
                self.db.rollback()
                raise
        except sqlcipher3.OperationalError as error:  # a full disk, a read-only folder, …
            raise JournalError(
                f"The journal could not be written ({error}); nothing was saved."
            ) from error

    # ---- generic record access -----------------------------------------------------------

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
        return self._select(
            r.Person,
            "t.deleted_at IS NULL" + ("" if archived else " AND NOT t.archived"),
            [],
            order="t.name COLLATE NOCASE",
        )

    def skills(self) -> list[r.Skill]:
        return self._select(r.Skill, "t.deleted_at IS NULL", [], order="t.name COLLATE NOCASE")

    def goals(self, *, archived: bool = False) -> list[r.Goal]:
        return self._select(
            r.Goal,
            "t.deleted_at IS NULL" + ("" if archived else " AND NOT t.archived"),
            [],
            order="t.name COLLATE NOCASE",
        )

    def last_contacts(self) -> dict[str, date]:
        """Each person's most recent touchpoint day, by person id."""
        rows = self.db.execute(
            "SELECT person_id, max(day) FROM touchpoints WHERE deleted_at IS NULL"
            " AND person_id IS NOT NULL GROUP BY person_id"
        ).fetchall()
        return {pid: date.fromisoformat(day) for pid, day in rows}

    def last_assessments(self) -> dict[str, date]:
        """The day each instrument was last taken, by instrument id."""
        rows = self.db.execute(
            "SELECT instrument, max(day) FROM assessments"
            " WHERE deleted_at IS NULL GROUP BY instrument"
        ).fetchall()
        return {instrument: date.fromisoformat(day) for instrument, day in rows}

    def rate_skill(self, rating: r.SkillRating) -> r.SkillRating:
        return self.add(rating)

    def skill_ratings(self, skill: str | None = None) -> list[r.SkillRating]:
        if skill is None:
            return self._select(r.SkillRating, "t.deleted_at IS NULL", [], order="t.day")
        return self._select(
            r.SkillRating,
            "t.deleted_at IS NULL AND t.skill_id IN "
            "(SELECT id FROM skills WHERE name = ? COLLATE NOCASE)",
            [skill],
            order="t.day",
        )

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
        # The latest uses say which tools are in use now, at the same cost for any journal size.
        rows = self.db.execute(
            "SELECT tool FROM (SELECT tool, started_at FROM ai_uses WHERE deleted_at IS NULL"
            " ORDER BY rowid DESC LIMIT 2000) GROUP BY tool COLLATE NOCASE"
            " ORDER BY count(*) DESC, max(started_at) DESC"
        ).fetchall()
        return [row[0] for row in rows]

    def weekly_figures(
        self, start: date | None = None, end: date | None = None
    ) -> list[dict[str, Any]]:
        """Per week (Monday), raw sums and means aggregated in SQL for `analysis.stats`."""
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
        return {
            table: self.db.execute(
                f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL"
            ).fetchone()[0]
            for table in TABLES.values()
        }

    # ---- skills and goals growth ---------------------------------------------------------
    # Figures for aijournal.growth.skills: which pattern counts as learning and which dates bound a
    # window are decided there; here they only become SQL.

    def skill_figures(
        self, today: date, since: date, learning: Sequence[str]
    ) -> list[dict[str, Any]]:
        """Per live skill: niche, latest rating, the rating `since` began, practice by source.

        Sources: "with-ai" (AI uses whose pattern is in `learning`), "by-ai" (other AI uses),
        "from-people" (touchpoints). The baseline is the last rating on or before `since`, or
        else the first one after it.
        """
        rating = (
            "SELECT rating FROM skill_ratings AS r WHERE r.skill_id = s.id"
            " AND r.deleted_at IS NULL AND r.day {} ORDER BY r.day {}, r.created_at {},"
            " r.rowid {} LIMIT 1"
        )
        latest = rating.format("<= :today", *["DESC"] * 3)
        latest_day = latest.replace("SELECT rating", "SELECT day", 1)
        before = rating.format("<= :since", *["DESC"] * 3)
        first_after = rating.format("> :since AND r.day <= :today", *["ASC"] * 3)
        sums = ",\n".join(
            f"coalesce(sum(ev.source = '{source}'), 0) AS {column}_count, "
            f"coalesce(sum(CASE WHEN ev.source = '{source}' THEN ev.minutes END), 0)"
            f" AS {column}_minutes"
            for source, column in self._GROWTH_SOURCES
        )
        sql = f"""
        WITH ev AS ({self._learning_events_sql(learning)})
        SELECT s.id, s.name, s.niche, ({latest}) AS rating, ({latest_day}) AS rated_on,
               coalesce(({before}), ({first_after})) AS baseline,
               {sums}, max(ev.day) AS last_practised
        FROM skills AS s LEFT JOIN ev ON ev.skill_id = s.id AND ev.day <= :today
        WHERE s.deleted_at IS NULL
        GROUP BY s.id ORDER BY s.name COLLATE NOCASE"""
        return self._growth_rows(sql, {"today": today.isoformat(), "since": since.isoformat()})

    def skill_ai_sessions(self, skill_id: str) -> list[dict[str, Any]]:
        """The AI uses that named this skill, oldest first: id, day, pattern, minutes, tool."""
        return self._growth_rows(
            "SELECT a.id, a.day, a.pattern, a.minutes, a.tool FROM learning_events AS e"
            " JOIN ai_uses AS a ON a.id = e.ai_use_id WHERE e.skill_id = :skill"
            " AND e.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY a.started_at",
            {"skill": skill_id},
        )

    def skill_helpers(self, skill_id: str) -> list[dict[str, Any]]:
        """The touchpoints that named this skill, oldest first: id, day, kind, minutes, person."""
        return self._growth_rows(
            "SELECT t.id, t.day, t.kind, t.minutes, p.name AS person FROM learning_events AS e"
            " JOIN touchpoints AS t ON t.id = e.touchpoint_id"
            " LEFT JOIN people AS p ON p.id = t.person_id WHERE e.skill_id = :skill"
            " AND e.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.at",
            {"skill": skill_id},
        )

    def skill_months(self, skill_id: str, learning: Sequence[str]) -> list[dict[str, Any]]:
        """Minutes of practice of one skill per month (YYYY-MM) and source, oldest first."""
        sums = ", ".join(
            f"coalesce(sum(CASE WHEN source = '{source}' THEN minutes END), 0) AS {column}"
            for source, column in self._GROWTH_SOURCES
        )
        return self._growth_rows(
            f"WITH ev AS ({self._learning_events_sql(learning)})"
            f" SELECT substr(day, 1, 7) AS month, {sums} FROM ev WHERE skill_id = :skill"
            " GROUP BY month ORDER BY month",
            {"skill": skill_id},
        )

    def goal_figures(self, today: date, since: date) -> dict[str, dict[str, Any]]:
        """Per live goal id: AI minutes and uses (all time and from `since`), touchpoints."""
        rows = self._growth_rows(
            """WITH ai AS (SELECT goal_id, sum(minutes) AS minutes, count(*) AS uses,
                                  sum(CASE WHEN day >= :since THEN minutes ELSE 0 END) AS recent
                           FROM ai_uses WHERE deleted_at IS NULL AND day <= :today
                           GROUP BY goal_id),
                    tp AS (SELECT goal_id, count(*) AS touchpoints FROM touchpoints
                           WHERE deleted_at IS NULL AND day <= :today GROUP BY goal_id)
            SELECT g.id, coalesce(ai.minutes, 0) AS ai_minutes, coalesce(ai.uses, 0) AS ai_uses,
                   coalesce(ai.recent, 0) AS recent_ai_minutes,
                   coalesce(tp.touchpoints, 0) AS touchpoints
            FROM goals AS g LEFT JOIN ai ON ai.goal_id = g.id LEFT JOIN tp ON tp.goal_id = g.id
            WHERE g.deleted_at IS NULL""",
            {"today": today.isoformat(), "since": since.isoformat()},
        )
        return {row.pop("id"): row for row in rows}

    def goal_alignment(self, today: date, since: date) -> dict[str, int]:
        """AI minutes in all and linked to a live goal, all time and from `since` to `today`."""
        [row] = self._growth_rows(
            """SELECT coalesce(sum(a.minutes), 0) AS minutes,
                      coalesce(sum(CASE WHEN g.id IS NOT NULL THEN a.minutes END), 0) AS linked,
                      coalesce(sum(CASE WHEN a.day >= :since THEN a.minutes END), 0)
                          AS recent_minutes,
                      coalesce(sum(CASE WHEN a.day >= :since AND g.id IS NOT NULL
                                        THEN a.minutes END), 0) AS recent_linked
               FROM ai_uses AS a LEFT JOIN goals AS g ON g.id = a.goal_id
                    AND g.deleted_at IS NULL
               WHERE a.deleted_at IS NULL AND a.day <= :today""",
            {"today": today.isoformat(), "since": since.isoformat()},
        )
        return row

    def goal_months(self, goal_id: str) -> list[dict[str, Any]]:
        """One goal's AI minutes, AI uses and touchpoints per month (YYYY-MM), oldest first."""
        return self._growth_rows(
            """WITH ev AS (SELECT day, minutes, 1 AS ai FROM ai_uses
                           WHERE goal_id = :goal AND deleted_at IS NULL
                           UNION ALL
                           SELECT day, 0, 0 FROM touchpoints
                           WHERE goal_id = :goal AND deleted_at IS NULL)
            SELECT substr(day, 1, 7) AS month, sum(minutes) AS ai_minutes, sum(ai) AS ai_uses,
                   sum(1 - ai) AS touchpoints
            FROM ev GROUP BY month ORDER BY month""",
            {"goal": goal_id},
        )

    def goal_patterns(self, goal_id: str) -> dict[str, int]:
        """One goal's AI minutes by pattern."""
        rows = self.db.execute(
            "SELECT pattern, sum(minutes) FROM ai_uses WHERE goal_id = ?"
            " AND deleted_at IS NULL GROUP BY pattern",
            [goal_id],
        ).fetchall()
        return dict(rows)

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
            return self.db.execute(
                f"UPDATE ai_uses SET goal_id = ?, updated_at = ? WHERE id IN ({marks})"
                " AND goal_id IS NOT ?",
                [goal_id, r.utc_stamp(), *ids, goal_id],
            ).rowcount

    def _growth_rows(self, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # Where a learning event came from, as aijournal.growth.skills names it, and its column prefix.
    _GROWTH_SOURCES = (("with-ai", "with_ai"), ("by-ai", "by_ai"), ("from-people", "from_people"))

    @staticmethod
    def _learning_events_sql(learning: Sequence[str]) -> str:
        """Live learning events as (skill_id, source, minutes, day); `learning`: pattern ids."""
        for pattern in learning:
            r.check_choice("pattern", pattern, r.PATTERN_IDS)
        listed = ",".join(f"'{p}'" for p in learning)  # checked ids above: safe to inline
        return f"""SELECT e.skill_id, CASE WHEN a.pattern IN ({listed or "NULL"})
                                       THEN 'with-ai' ELSE 'by-ai' END AS source,
                          a.minutes AS minutes, a.day AS day
                   FROM learning_events AS e JOIN ai_uses AS a ON a.id = e.ai_use_id
                   WHERE e.deleted_at IS NULL AND a.deleted_at IS NULL
                   UNION ALL
                   SELECT e.skill_id, 'from-people', coalesce(t.minutes, 0), t.day
                   FROM learning_events AS e JOIN touchpoints AS t ON t.id = e.touchpoint_id
                   WHERE e.deleted_at IS NULL AND t.deleted_at IS NULL"""

    # ---- trends, insights and nudges ------------------------------------------------------
    # Counts, sums and means come from SQL grouped by day, week or month; `analysis.trends`
    # and `analysis.insights` shape them with numpy. Periods are "epoch days" (days since
    # 1970-01-01; a week is its Monday, a month its first day) so numpy gets plain integers.

    def ai_use_totals(
        self, start: date | None, end: date | None, period: str = "week"
    ) -> list[tuple[int, str, int, int, int, int]]:
        """Per period and pattern: uses, minutes, minutes linked to a goal, replaced-person uses."""
        sql = f"""SELECT {_PERIODS[period]} AS p, pattern, count(*), sum(minutes),
                         sum(CASE WHEN goal_id IS NOT NULL THEN minutes ELSE 0 END),
                         sum(replaced_person)
                  FROM (SELECT {_EPOCH_DAY} AS d, day, pattern, minutes, goal_id,
                               replaced_person FROM ai_uses WHERE {_LIVE_BETWEEN})
                  GROUP BY p, pattern ORDER BY p"""
        return self.db.execute(sql, _between(start, end)).fetchall()

    def touchpoint_totals(
        self, start: date | None, end: date | None, period: str = "week", kind: str | None = None
    ) -> list[tuple[int, int, int]]:
        """Per period: touchpoints and their minutes (of one kind, if given)."""
        only = " AND kind = ?" if kind else ""
        sql = f"""SELECT {_PERIODS[period]} AS p, count(*), coalesce(sum(minutes), 0)
                  FROM (SELECT {_EPOCH_DAY} AS d, day, minutes FROM touchpoints
                        WHERE {_LIVE_BETWEEN}{only})
                  GROUP BY p ORDER BY p"""
        return self.db.execute(sql, _between(start, end) + ([kind] if kind else [])).fetchall()

    def checkin_values(
        self, start: date | None, end: date | None
    ) -> list[tuple[int, int, int, int | None, int | None]]:
        """Each check-in's epoch day, burnout, connection, energy and safety, oldest first."""
        sql = f"""SELECT {_EPOCH_DAY}, burnout, connection, energy, safety FROM checkins
                  WHERE {_LIVE_BETWEEN} ORDER BY day"""
        return self.db.execute(sql, _between(start, end)).fetchall()

    def assessment_scores(
        self, start: date | None, end: date | None
    ) -> list[tuple[str, int, float]]:
        """Per instrument and day (epoch day): the mean score, oldest first."""
        sql = f"""SELECT instrument, {_EPOCH_DAY} AS d, avg(score) FROM assessments
                  WHERE {_LIVE_BETWEEN} AND score IS NOT NULL
                  GROUP BY instrument, d ORDER BY instrument, d"""
        return self.db.execute(sql, _between(start, end)).fetchall()

    def learning_totals(self, start: date | None, end: date | None) -> list[tuple[int, int, int]]:
        """Per month (epoch day of its first): skills learned with AI and from people."""
        sql = f"""SELECT {_PERIODS["month"]} AS p, sum(src = 'ai'), sum(src = 'people')
                  FROM (SELECT 'ai' AS src, u.day FROM learning_events e
                          JOIN ai_uses u ON u.id = e.ai_use_id
                          WHERE e.deleted_at IS NULL AND u.deleted_at IS NULL
                          AND u.day BETWEEN ? AND ?
                        UNION ALL
                        SELECT 'people', t.day FROM learning_events e
                          JOIN touchpoints t ON t.id = e.touchpoint_id
                          WHERE e.deleted_at IS NULL AND t.deleted_at IS NULL
                          AND t.day BETWEEN ? AND ?)
                  GROUP BY p ORDER BY p"""
        return self.db.execute(sql, _between(start, end) * 2).fetchall()

    def first_entry_day(self) -> date | None:
        """The first day with an AI use, a check-in or a touchpoint."""
        row = self.db.execute(
            "SELECT min(d) FROM (SELECT min(day) AS d FROM ai_uses WHERE deleted_at IS NULL"
            " UNION ALL SELECT min(day) FROM checkins WHERE deleted_at IS NULL"
            " UNION ALL SELECT min(day) FROM touchpoints WHERE deleted_at IS NULL)"
        ).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def checkins_since(self, day: date) -> list[r.Checkin]:
        """Check-ins from `day` on, oldest first."""
        return self._select(
            r.Checkin, "t.deleted_at IS NULL AND t.day >= ?", [day.isoformat()], order="t.day"
        )

    def touchpoint_days(self, start: date, end: date) -> set[date]:
        """The days from `start` to `end` with at least one touchpoint."""
        rows = self.db.execute(
            "SELECT DISTINCT day FROM touchpoints WHERE deleted_at IS NULL AND day BETWEEN ? AND ?",
            _between(start, end),
        ).fetchall()
        return {date.fromisoformat(row[0]) for row in rows}

    def last_touchpoint_day(self, kind: str) -> date | None:
        row = self.db.execute(
            "SELECT max(day) FROM touchpoints WHERE deleted_at IS NULL AND kind = ?", [kind]
        ).fetchone()
        return date.fromisoformat(row[0]) if row[0] else None

    def latest_scores(self, since: date) -> dict[str, tuple[date, float]]:
        """Each instrument's newest scored assessment from `since` on: (day, score)."""
        rows = self.db.execute(
            "SELECT instrument, day, score FROM assessments a WHERE deleted_at IS NULL"
            " AND score IS NOT NULL AND day >= ? AND rowid = (SELECT b.rowid FROM assessments b"
            " WHERE b.instrument = a.instrument AND b.deleted_at IS NULL"
            " AND b.score IS NOT NULL ORDER BY b.day DESC, b.rowid DESC LIMIT 1)",
            [since.isoformat()],
        ).fetchall()
        return {inst: (date.fromisoformat(day), score) for inst, day, score in rows}

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

    # ---- imports from AI tools -----------------------------------------------------------

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
                if use.source_ref not in known[use.source]:
                    known[use.source].add(use.source_ref)
                    fresh.append(use)
            if fresh:
                self.db["ai_uses"].insert_all(to_row(use) for use in fresh)
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

    # ---- summaries -----------------------------------------------------------------------
    # Figures for aijournal.sharing.summary that no other query gives; the weekly series come from
    # `weekly_figures` and `ai_use_totals`, notes and scores from `entries`.

    def checkin_halves(self, start: date, middle: date, end: date) -> list[dict[str, Any]]:
        """Check-in means for the whole period and for its halves (`middle` starts the second).

        One row per part ("all", "first", "second"): days, burnout, connection, safety and
        energy means (None without values), and days with burnout ≥ 3.
        """
        parts = "CASE WHEN day < :middle THEN 'first' ELSE 'second' END"
        figures = (
            "count(*) AS days, avg(burnout) AS burnout, avg(connection) AS connection,"
            " avg(safety) AS safety, avg(energy) AS energy,"
            " coalesce(sum(burnout >= 3), 0) AS burnout_days"
        )
        sql = f"""WITH c AS (SELECT * FROM checkins WHERE deleted_at IS NULL
                             AND day BETWEEN :start AND :end)
                  SELECT 'all' AS part, {figures} FROM c
                  UNION ALL
                  SELECT {parts} AS part, {figures} FROM c GROUP BY 1"""
        return self._growth_rows(
            sql, {"start": start.isoformat(), "middle": middle.isoformat(), "end": end.isoformat()}
        )

    def touchpoints_by_kind(self, start: date, end: date) -> dict[str, tuple[int, int]]:
        """Per touchpoint kind from `start` to `end`: (touchpoints, minutes)."""
        rows = self.db.execute(
            f"SELECT kind, count(*), coalesce(sum(minutes), 0) FROM touchpoints"
            f" WHERE {_LIVE_BETWEEN} GROUP BY kind ORDER BY kind",
            _between(start, end),
        ).fetchall()
        return {kind: (count, minutes) for kind, count, minutes in rows}

    def touchpoints_by_person(self, start: date, end: date) -> list[dict[str, Any]]:
        """Per person met from `start` to `end`: id, name, relationship, touchpoints, minutes.

        Most touchpoints first (ties by id, so the order never depends on names); the
        touchpoints with nobody named are one row with id None.
        """
        return self._growth_rows(
            """SELECT t.person_id AS id, p.name, p.relationship, count(*) AS touchpoints,
                      coalesce(sum(t.minutes), 0) AS minutes
               FROM touchpoints AS t LEFT JOIN people AS p ON p.id = t.person_id
               WHERE t.deleted_at IS NULL AND t.day BETWEEN :start AND :end
               GROUP BY t.person_id ORDER BY t.person_id IS NULL, count(*) DESC, t.person_id""",
            {"start": start.isoformat(), "end": end.isoformat()},
        )

    def nudge_counts(self, start: date, end: date) -> list[dict[str, Any]]:
        """Per rule, of the nudges dated `start` to `end`: fired, and what became of them."""
        return self._growth_rows(
            """SELECT rule_id, count(*) AS fired, coalesce(sum(status = 'acted'), 0) AS acted,
                      coalesce(sum(status = 'dismissed'), 0) AS dismissed,
                      coalesce(sum(helped = 1), 0) AS helped,
                      coalesce(sum(helped = 0), 0) AS not_helped
               FROM nudges WHERE deleted_at IS NULL AND day BETWEEN :start AND :end
               GROUP BY rule_id ORDER BY rule_id""",
            {"start": start.isoformat(), "end": end.isoformat()},
        )

    # ---- settings ------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                " DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)],
            )

    # ---- keys and backups ----------------------------------------------------------------

    def describe_key(self) -> str:
        return self.config.describe(self._store)

    @property
    def store(self) -> SecretStore:
        """The run's one connection to the OS secret store."""
        if self._store is None:
            self._store = SecretStore()
        return self._store

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether `passphrase` is this journal's (for the lock screen; no key derivation)."""
        import hmac

        return self._key.protection == "passphrase" and hmac.compare_digest(
            passphrase.encode(), self._key.secret.encode()
        )

    def change_key(self, new: unlock.Key) -> None:
        """Re-encrypt the journal and its backups with `new`, moving where the key lives."""
        config = unlock.switched(self.config, new)
        store = self.store
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
        self.config, self._key = config, new

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

    def _named(self, kind: type[R], name: str, create: bool) -> R | None:
        name = " ".join(name.split())
        found = self._select(
            kind,
            "t.name = ? COLLATE NOCASE AND t.deleted_at IS NULL",
            [name],
            order="t.created_at",
            limit=1,
        )
        if found:
            return found[0]
        return self.add(kind(name=name)) if create else None

    def _set_deleted(self, record: R, stamp: str | None) -> R:
        table = TABLES[type(record)]
        now = r.utc_stamp()
        changed = self.db.execute(
            f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?",
            [stamp, now, record.id],
        ).rowcount
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
        wanted = dict.fromkeys(
            self._require(self.skill_named(n, create=True)).id for n in entry.skills
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
            self.db["learning_events"].insert(
                {
                    "id": r.new_id(),
                    "skill_id": skill_id,
                    column: entry.id,
                    "created_at": now,
                    "updated_at": now,
                    "deleted_at": None,
                }
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
        table, extra = TABLES[kind], _LINK_COLUMNS.get(kind, "")
        sql = f"SELECT t.*{extra} FROM {table} AS t WHERE {where} ORDER BY {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        cursor = self.db.execute(sql, list(params))
        names = [c[0] for c in cursor.description]
        return [from_row(kind, dict(zip(names, row, strict=True))) for row in cursor]


def _with_backup_hint(error: UnlockError, paths: DataPaths, key: unlock.Key) -> UnlockError:
    """If the key opens a backup but not the journal, the journal file is what is damaged."""
    for backup in backups.listing(paths.backups)[:3]:  # each try may cost a key derivation
        try:
            backups.verify(backup, key)
        except JournalError:
            continue
        return UnlockError(
            f"The journal file {paths.db} is damaged: it does not open with a key that opens "
            f"your backup {backup.name}. Put the backup back with "
            f"`aijournal restore {backup} --yes` (the damaged file is kept aside)."
        )
    return error


# For the trends, insights and nudges queries: a row's day as days since 1970-01-01, and
# the period it falls in (`d` is that epoch day; 1970-01-01 was a Thursday).
_EPOCH_DAY = "CAST(julianday(day) - 2440587.5 AS INTEGER)"
_PERIODS = {
    "day": "d",
    "week": "d - (d + 3) % 7",
    "month": "CAST(julianday(substr(day, 1, 7) || '-01') - 2440587.5 AS INTEGER)",
}
_LIVE_BETWEEN = "deleted_at IS NULL AND day BETWEEN ? AND ?"


def _between(start: date | None, end: date | None) -> list[str]:
    return [(start or date.min).isoformat(), (end or date.max).isoformat()]


def _skill_names(column: str) -> str:
    return (
        f", (SELECT group_concat(name, '{_SEP}') FROM (SELECT s.name FROM learning_events e"
        f" JOIN skills s ON s.id = e.skill_id WHERE e.{column} = t.id"
        " AND e.deleted_at IS NULL ORDER BY e.rowid)) AS skills"
    )


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
        how = (
            "datetime"
            if datetime in types
            else "date"
            if date in types
            else "bool"
            if bool in types
            else "json"
            if tuple in types
            else "plain"
        )
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
        values[name] = (
            tuple(linked.split(_SEP))
            if name == "skills" and linked
            else (() if name == "skills" else linked)
        )
    return kind(**values)
