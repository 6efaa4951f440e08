"""The gateway's small connection class: statements, row inserts and updates, savepoints."""

import pytest
import sqlcipher3

from aijournal.storage.sql import Connection


@pytest.fixture
def db():
    conn = Connection(sqlcipher3.connect(":memory:", isolation_level=None))
    conn.execute("CREATE TABLE things (id TEXT PRIMARY KEY, name TEXT, size INTEGER)")
    yield conn
    conn.close()


def names(db):
    return [row[0] for row in db.execute("SELECT name FROM things ORDER BY rowid")]


def test_insert_and_update_rows_by_column_name(db):
    db.insert("things", {"id": "a", "name": "lamp", "size": 3})
    db.insert("things", {"name": "desk", "id": "b"})  # any order of columns, some left out
    db.update("things", "a", {"id": "ignored", "size": 7})  # the id itself never changes
    rows = db.execute("SELECT id, name, size FROM things ORDER BY id").fetchall()
    assert rows == [("a", "lamp", 7), ("b", "desk", None)]


def test_a_failed_savepoint_undoes_only_its_own_writes(db):
    db.execute("BEGIN")
    db.insert("things", {"id": "a", "name": "kept"})
    with pytest.raises(RuntimeError), db.savepoint():
        db.insert("things", {"id": "b", "name": "undone"})
        raise RuntimeError("inner block fails")
    with db.savepoint():
        with pytest.raises(sqlcipher3.IntegrityError), db.savepoint():
            db.insert("things", {"id": "a", "name": "duplicate"})
        db.insert("things", {"id": "c", "name": "nested"})
    db.execute("COMMIT")
    assert names(db) == ["kept", "nested"]


def test_rollback_is_harmless_without_a_transaction(db):
    db.rollback()  # nothing open: no error
    db.execute("BEGIN")
    db.insert("things", {"id": "a", "name": "gone"})
    db.rollback()
    assert not db.conn.in_transaction
    assert names(db) == []


def test_table_exists(db):
    assert db.table_exists("things")
    assert not db.table_exists("other")
    db.execute("CREATE VIEW a_view AS SELECT 1")
    assert not db.table_exists("a_view")  # a view is no table


def test_utils_is_sqlite_utils_on_the_same_connection(db):
    db.insert("things", {"id": "a", "name": "lamp"})
    utils = db.utils
    assert utils is db.utils  # made once
    assert utils.conn is db.conn
    assert utils.table("things").count == 1
    assert set(utils.table("things").columns_dict) == {"id", "name", "size"}
