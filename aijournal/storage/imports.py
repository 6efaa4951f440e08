"""The imports part of the gateway: imported AI uses and their review, what the rules saw in
each imported session, the model learned from the user's reviews, and source settings."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage.core import JournalCore
from aijournal.storage.rows import to_row

REVIEW_UNDO_KEY = "review_undo"  # not a user setting: the last confirmation, for Undo


@dataclass(frozen=True)
class RuleGuess:
    """What the import rules suggested for a session and the signs they saw (never text)."""

    rule: str
    pattern: str
    confidence: float
    reason: str
    features: tuple[str, ...]


@dataclass(frozen=True)
class SourceSetting:
    """A source on this machine: switched on or not, where to read, and when it last was."""

    source: str
    enabled: bool = False
    paths: tuple[str, ...] = ()
    last_read: str | None = None
    last_read_mtime: float | None = None  # the newest file time seen then


@dataclass(frozen=True)
class ImportedSession:
    """An imported use as the suggestion model sees it: its suggestion and the rules' guess."""

    id: str
    tool: str
    task: str
    pattern: str
    suggested: str | None
    confidence: float | None
    reason: str
    guess: RuleGuess


class Imports(JournalCore):
    """Imported AI uses: what was imported before, adding new ones, reviewing them."""

    def imported_refs(self, source: str) -> set[str]:
        """Every `source_ref` imported from `source`, deleted uses too (so they stay away)."""
        rows = self.db.execute(
            "SELECT source_ref FROM ai_uses WHERE source = ? AND source_ref IS NOT NULL", [source]
        ).fetchall()
        return {row[0] for row in rows}

    def add_imported(
        self, uses: Iterable[r.AIUse], guesses: Mapping[str, RuleGuess] | None = None
    ) -> int:
        """Add imported AI uses in one transaction, skipping refs already there; how many added.

        `guesses` (by use id) keeps what the rules saw, for the model that learns from reviews.
        """
        uses = list(uses)
        for use in uses:  # check them all before writing any
            if use.source_ref is None:
                raise InvalidInput("source_ref", None, "imported uses need the id they came from")
            r.check_timely(use, self.clock)
        with self.transaction():
            known = {source: self.imported_refs(source) for source in {u.source for u in uses}}
            fresh = []
            for use in uses:
                ref = use.source_ref
                if ref is not None and ref not in known[use.source]:
                    known[use.source].add(ref)
                    fresh.append(use)
            if fresh:
                self.db.utils.table("ai_uses").insert_all(to_row(use) for use in fresh)
                self.wrote("ai_uses")
            for use in fresh:
                if use.skills:
                    self._link_skills(use)
            self._keep_guesses({u.id: guesses[u.id] for u in fresh if guesses and u.id in guesses})
        return len(fresh)

    def _keep_guesses(self, guesses: Mapping[str, RuleGuess]) -> None:
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO import_signals (ai_use_id, rule, rule_pattern,"
            " rule_confidence, rule_reason, features) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (use_id, g.rule, g.pattern, g.confidence, g.reason, json.dumps(list(g.features)))
                for use_id, g in guesses.items()
            ],
        )

    def refresh_waiting(
        self, uses: Iterable[r.AIUse], guesses: Mapping[str, RuleGuess] | None = None
    ) -> int:
        """Bring imported uses still waiting for review, and not changed by the user, up to date
        with a newer reading of their source (a session that went on); how many changed."""
        uses = [u for u in uses if u.source_ref is not None]
        changed = 0
        with self.transaction():
            for use in uses:
                found = self._select(
                    r.AIUse,
                    "t.source = ? AND t.source_ref = ? AND t.to_review AND t.deleted_at IS NULL"
                    " AND t.pattern = t.suggested_pattern",
                    [use.source, use.source_ref],
                )
                if not found:
                    continue
                old = found[0]
                new = replace(
                    old,
                    minutes=use.minutes,
                    turns=use.turns,
                    task=use.task,
                    pattern=use.pattern,
                    suggested_pattern=use.suggested_pattern,
                    suggestion_confidence=use.suggestion_confidence,
                    suggestion_reason=use.suggestion_reason,
                )
                if new == old:
                    continue
                r.check_timely(new, self.clock)
                self._write(new.touched(), insert=False)
                if guesses and use.id in guesses:
                    self._keep_guesses({old.id: guesses[use.id]})
                changed += 1
        return changed

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

    # ---- what the rules saw, and the model learned from reviews -------------------------

    def rule_guesses(self, ids: Sequence[str] | None = None) -> dict[str, RuleGuess]:
        """What the rules suggested for these imported uses (all, without ids), by use id."""
        rows = self.db.execute(
            "SELECT ai_use_id, rule, rule_pattern, rule_confidence, rule_reason, features"
            " FROM import_signals"
        ).fetchall()
        wanted = set(ids) if ids is not None else None
        return {
            row[0]: RuleGuess(row[1], row[2], row[3], row[4], tuple(json.loads(row[5])))
            for row in rows
            if wanted is None or row[0] in wanted
        }

    def imported_sessions(self, *, waiting: bool) -> list[ImportedSession]:
        """Imported uses (waiting for review, or reviewed) with what the rules saw in them:
        the reviewed ones are what the suggestion model learns from."""
        rows = self.db.execute(
            "SELECT u.id, u.tool, u.task, u.pattern, u.suggested_pattern, u.suggestion_confidence,"
            " u.suggestion_reason, s.rule, s.rule_pattern, s.rule_confidence, s.rule_reason,"
            " s.features FROM ai_uses u JOIN import_signals s ON s.ai_use_id = u.id"
            f" WHERE {'' if waiting else 'NOT '}u.to_review AND u.deleted_at IS NULL"
            " ORDER BY u.started_at, u.rowid"
        ).fetchall()
        return [
            ImportedSession(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                RuleGuess(row[7], row[8], row[9], row[10], tuple(json.loads(row[11]))),
            )
            for row in rows
        ]

    def set_suggestions(self, changed: Iterable[ImportedSession]) -> int:
        """Store new suggestions on waiting uses the user has not changed; how many."""
        count = 0
        with self.transaction():
            for item in changed:
                count += self.db.execute(
                    "UPDATE ai_uses SET pattern = ?, suggested_pattern = ?,"
                    " suggestion_confidence = ?, suggestion_reason = ?, updated_at = ?"
                    " WHERE id = ? AND to_review AND pattern = suggested_pattern",
                    [
                        item.pattern,
                        item.suggested,
                        item.confidence,
                        item.reason,
                        r.utc_stamp(),
                        item.id,
                    ],
                ).rowcount
            self.wrote("ai_uses")
        return count

    def learned(self, name: str) -> tuple[dict[str, Any], int] | None:
        """A learned model's parameters and how many examples it learned from; None if none."""
        row = self.db.execute(
            "SELECT params, examples FROM learned_models WHERE name = ?", [name]
        ).fetchone()
        return (json.loads(row[0]), row[1]) if row else None

    def save_learned(self, name: str, params: dict[str, Any], examples: int) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO learned_models (name, params, examples, trained_at)"
                " VALUES (?, ?, ?, ?)",
                [name, json.dumps(params, sort_keys=True), examples, r.utc_stamp()],
            )
            self.wrote("learned_models")

    # ---- undo of the last confirmation ---------------------------------------------------

    def remember_review(self, token: str, before: list[dict[str, Any]]) -> None:
        """Keep what the last confirmation changed, so Undo (app or CLI) can put it back."""
        self.set_setting(REVIEW_UNDO_KEY, {"token": token, "before": before})

    def last_review(self) -> dict[str, Any] | None:
        found = self.setting(REVIEW_UNDO_KEY)
        return found if isinstance(found, dict) and found.get("before") else None

    def forget_review(self) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM settings WHERE key = ?", [REVIEW_UNDO_KEY])
            self.wrote("settings")

    # ---- sources on this machine ---------------------------------------------------------

    def source_settings(self) -> dict[str, SourceSetting]:
        rows = self.db.execute(
            "SELECT source, enabled, paths, last_read, last_read_mtime FROM source_settings"
        ).fetchall()
        return {
            row[0]: SourceSetting(row[0], bool(row[1]), tuple(json.loads(row[2])), row[3], row[4])
            for row in rows
        }

    def save_source_setting(self, setting: SourceSetting) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO source_settings"
                " (source, enabled, paths, last_read, last_read_mtime) VALUES (?, ?, ?, ?, ?)",
                [
                    setting.source,
                    int(setting.enabled),
                    json.dumps(list(setting.paths)),
                    setting.last_read,
                    setting.last_read_mtime,
                ],
            )
            self.wrote("source_settings")
