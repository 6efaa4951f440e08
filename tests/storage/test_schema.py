"""The schema's named steps: their order, what a fresh journal gets, and the upgrade of names."""

import sqlcipher3
from sqlite_utils import Database

from aijournal.storage import schema


def test_steps_are_numbered_in_order_and_built_as_migrations():
    names = schema.step_names()
    assert names[0] == "0001_initial"
    assert [name[:4] for name in names] == [f"{n:04d}" for n in range(1, len(names) + 1)]
    built = schema.migrations()
    assert built.name == schema.SET
    assert [m.name for m in built._migrations] == names


def test_a_new_journal_has_every_step(journal):
    assert journal.schema_steps == schema.step_names()
    for table in schema.RECORD_TABLES:
        assert journal.db.table_exists(table), table


def test_record_tables_are_in_an_order_their_foreign_keys_allow(journal):
    seen: set[str] = set()
    for table in schema.RECORD_TABLES:
        parents = {row[2] for row in journal.db.execute(f"PRAGMA foreign_key_list({table})")}
        assert parents - {table} <= seen, (table, parents - seen)
        seen.add(table)


def test_unique_names_renames_later_duplicates_and_keeps_the_oldest():
    db = Database(sqlcipher3.connect(":memory:", isolation_level=None))
    for name, function in schema.STEPS:
        if name == "0004_unique_names":
            break
        function(db)
    stamps = "'2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00'"
    for number, name in enumerate(
        ["Ship reporting", "SHIP REPORTING", "ship reporting", "Ship reporting (2)"]
    ):
        db.execute(
            f"INSERT INTO skills (id, name, created_at, updated_at) VALUES (?, ?, {stamps})",
            [f"s{number}", name],
        )
    db.execute(
        f"INSERT INTO skills (id, name, created_at, updated_at, deleted_at)"
        f" VALUES ('gone', 'ship reporting', {stamps}, '2026-02-01T00:00:00+00:00')"
    )
    schema.unique_names(db)
    rows = dict(db.execute("SELECT id, name FROM skills").fetchall())
    assert rows == {
        "s0": "Ship reporting",
        "s1": "SHIP REPORTING (3)",  # "(2)" was taken already
        "s2": "ship reporting (4)",
        "s3": "Ship reporting (2)",
        "gone": "ship reporting",  # a deleted record keeps its name
    }
