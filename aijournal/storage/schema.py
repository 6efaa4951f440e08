"""The journal's schema as named, transactional sqlite-utils migration steps.

Add a step at the end to change the schema; never edit a released one. `tests/data/` keeps a
journal made by each released schema so the upgrade path stays tested. The steps' names are
known without importing sqlite-utils (opening an up-to-date journal reads only them);
`migrations()` builds the sqlite-utils `Migrations` when a step is to be applied.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from aijournal.model.records import utc_stamp

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

SET = "aijournal"  # the migration set's name in the _sqlite_migrations table
STEPS: list[tuple[str, Callable[[Database], None]]] = []


def step(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Register a schema step under `name`, after the ones before it."""

    def register(function: Callable[[Database], None]) -> Callable[[Database], None]:
        STEPS.append((name, function))
        return function

    return register


def step_names() -> list[str]:
    return [name for name, _ in STEPS]


def migrations() -> Migrations:
    """The steps as sqlite-utils migrations (imports sqlite-utils)."""
    from sqlite_utils import Migrations

    built = Migrations(SET)
    for name, function in STEPS:
        built(name=name)(function)
    return built


_STAMPS = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT"""


def _run(db: Database, *statements: str) -> None:
    for statement in statements:
        db.execute(statement)


@step("0001_initial")
def initial(db: Database) -> None:
    _run(
        db,
        f"""CREATE TABLE people (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, relationship TEXT NOT NULL,
            cadence_days INTEGER, archived INTEGER NOT NULL DEFAULT 0,{_STAMPS})""",
        f"""CREATE TABLE skills (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, niche INTEGER NOT NULL DEFAULT 0,{_STAMPS})""",
        f"""CREATE TABLE goals (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, target_date TEXT,
            archived INTEGER NOT NULL DEFAULT 0,{_STAMPS})""",
        f"""CREATE TABLE ai_uses (
            id TEXT PRIMARY KEY, started_at TEXT NOT NULL, day TEXT NOT NULL, tool TEXT NOT NULL,
            task TEXT NOT NULL DEFAULT '', minutes INTEGER NOT NULL, pattern TEXT NOT NULL,
            replaced_person INTEGER NOT NULL DEFAULT 0, goal_id TEXT REFERENCES goals(id),
            outcome INTEGER, note TEXT NOT NULL DEFAULT '', source TEXT NOT NULL,
            source_ref TEXT, to_review INTEGER NOT NULL DEFAULT 0,{_STAMPS})""",
        f"""CREATE TABLE checkins (
            id TEXT PRIMARY KEY, day TEXT NOT NULL, burnout INTEGER NOT NULL,
            connection INTEGER NOT NULL, safety INTEGER, conversations INTEGER,
            asked_advice INTEGER, energy INTEGER, note TEXT NOT NULL DEFAULT '',{_STAMPS})""",
        f"""CREATE TABLE touchpoints (
            id TEXT PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL,
            person_id TEXT REFERENCES people(id), minutes INTEGER, quality INTEGER,
            goal_id TEXT REFERENCES goals(id), note TEXT NOT NULL DEFAULT '',{_STAMPS})""",
        f"""CREATE TABLE learning_events (
            id TEXT PRIMARY KEY, skill_id TEXT NOT NULL REFERENCES skills(id),
            ai_use_id TEXT REFERENCES ai_uses(id), touchpoint_id TEXT REFERENCES touchpoints(id),
            {_STAMPS.strip()},
            CHECK ((ai_use_id IS NULL) != (touchpoint_id IS NULL)))""",
        f"""CREATE TABLE skill_ratings (
            id TEXT PRIMARY KEY, skill_id TEXT NOT NULL REFERENCES skills(id), day TEXT NOT NULL,
            rating INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '',{_STAMPS})""",
        f"""CREATE TABLE assessments (
            id TEXT PRIMARY KEY, instrument TEXT NOT NULL, day TEXT NOT NULL,
            answers TEXT NOT NULL, score REAL, band TEXT,{_STAMPS})""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # One live check-in per day; deleted ones may share the day (undo, merges).
        "CREATE UNIQUE INDEX checkins_one_per_day ON checkins(day) WHERE deleted_at IS NULL",
        "CREATE INDEX ai_uses_day ON ai_uses(day)",
        "CREATE UNIQUE INDEX ai_uses_source ON ai_uses(source, source_ref)"
        " WHERE source_ref IS NOT NULL",
        "CREATE INDEX touchpoints_day ON touchpoints(day)",
        "CREATE INDEX touchpoints_person ON touchpoints(person_id, day)",
        "CREATE INDEX learning_ai ON learning_events(ai_use_id)",
        "CREATE INDEX learning_touchpoint ON learning_events(touchpoint_id)",
        "CREATE INDEX learning_skill ON learning_events(skill_id)",
        "CREATE INDEX skill_ratings_skill ON skill_ratings(skill_id, day)",
        "CREATE INDEX assessments_day ON assessments(instrument, day)",
    )


@step("0002_nudges")
def nudges(db: Database) -> None:
    """Prompts the nudge rules produce, with the facts that fired them."""
    _run(
        db,
        f"""CREATE TABLE nudges (
            id TEXT PRIMARY KEY, rule_id TEXT NOT NULL, day TEXT NOT NULL, facts TEXT NOT NULL,
            message TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'new', snoozed_until TEXT,
            planned_day TEXT, planned_person_id TEXT REFERENCES people(id),
            touchpoint_id TEXT REFERENCES touchpoints(id), helped INTEGER,{_STAMPS})""",
        "CREATE INDEX nudges_rule ON nudges(rule_id, day)",
    )


@step("0003_import_details")
def import_details(db: Database) -> None:
    """What an import from a ChatGPT or Claude export knows about a conversation."""
    _run(
        db,
        "ALTER TABLE ai_uses ADD COLUMN turns INTEGER",
        "ALTER TABLE ai_uses ADD COLUMN suggested_pattern TEXT",
        "ALTER TABLE ai_uses ADD COLUMN suggestion_confidence REAL",
        "ALTER TABLE ai_uses ADD COLUMN suggestion_reason TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX ai_uses_to_review ON ai_uses(to_review) WHERE to_review",
    )


@step("0004_unique_names")
def unique_names(db: Database) -> None:
    """Names of live people, skills and goals are unique, ignoring case.

    Journals made before this step may hold names that differ only in case ("SHIP REPORTING"
    beside "Ship reporting"). Nothing is merged or lost: the oldest keeps its name and each
    later one is renamed "Name (2)", "Name (3)", … so the user can tell them apart and merge by
    hand. (The journal is copied before any step runs.)
    """
    for table in ("people", "skills", "goals"):
        rows = db.execute(
            f"SELECT id, name FROM {table} WHERE deleted_at IS NULL ORDER BY created_at, rowid"
        ).fetchall()
        taken = {name.casefold() for _, name in rows}
        seen: set[str] = set()
        for row_id, name in rows:
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                continue
            number = 2
            while f"{name} ({number})".casefold() in taken:
                number += 1
            renamed = f"{name} ({number})"
            taken.add(renamed.casefold())
            seen.add(renamed.casefold())
            db.execute(
                f"UPDATE {table} SET name = ?, updated_at = ? WHERE id = ?",
                [renamed, utc_stamp(), row_id],
            )
        db.execute(
            f"CREATE UNIQUE INDEX {table}_unique_name ON {table}(name COLLATE NOCASE)"
            " WHERE deleted_at IS NULL"
        )


@step("0005_sources_and_learning")
def sources_and_learning(db: Database) -> None:
    """Sources on this machine and the suggestions that learn (aijournal/sources).

    Not records: what the import rules saw in each imported session (no text), the user's
    source settings, and the local model learned from the user's reviews. None of it is
    exported or merged; it can all be recomputed or set again.
    """
    _run(
        db,
        """CREATE TABLE import_signals (
            ai_use_id TEXT PRIMARY KEY REFERENCES ai_uses(id), rule TEXT NOT NULL,
            rule_pattern TEXT NOT NULL, rule_confidence REAL NOT NULL,
            rule_reason TEXT NOT NULL, features TEXT NOT NULL)""",
        """CREATE TABLE source_settings (
            source TEXT PRIMARY KEY, enabled INTEGER NOT NULL DEFAULT 0,
            paths TEXT NOT NULL DEFAULT '[]', last_read TEXT, last_read_mtime REAL)""",
        """CREATE TABLE learned_models (
            name TEXT PRIMARY KEY, params TEXT NOT NULL, examples INTEGER NOT NULL,
            trained_at TEXT NOT NULL)""",
    )


@step("0006_factors")
def factors(db: Database) -> None:
    """The user's own check-in items; their daily answers live with the check-in.

    A check-in's `factors` is a JSON object from factor id to answer (1/0 for yes/no, 1–5),
    NULL when none was answered, so a check-in carries its factors through edits, undo,
    export and merge as one record. Factor names are unique among live factors, ignoring case.
    """
    _run(
        db,
        f"""CREATE TABLE factors (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
            question TEXT NOT NULL DEFAULT '', archived INTEGER NOT NULL DEFAULT 0,{_STAMPS})""",
        "CREATE UNIQUE INDEX factors_unique_name ON factors(name COLLATE NOCASE)"
        " WHERE deleted_at IS NULL",
        "ALTER TABLE checkins ADD COLUMN factors TEXT",
    )


@step("0007_sample_marks")
def sample_marks(db: Database) -> None:
    """Which records the sample data added, so that exactly those can be removed again.

    `kind` is the record's table, so any kind of record can be marked; `removed_at` is the
    deletion stamp the last removal wrote (what its Undo brings back). Not records: marks are
    not exported or merged (a merged copy of sample data is the other journal's own).
    """
    _run(
        db,
        """CREATE TABLE sample_marks (
            kind TEXT NOT NULL, record_id TEXT NOT NULL, removed_at TEXT,
            PRIMARY KEY (kind, record_id))""",
    )


# Tables holding records, in an order that satisfies their foreign keys.
RECORD_TABLES: tuple[str, ...] = (
    "people",
    "skills",
    "goals",
    "factors",
    "ai_uses",
    "checkins",
    "touchpoints",
    "learning_events",
    "skill_ratings",
    "assessments",
    "nudges",
)
