"""Reading another program's SQLite file through a private copy, never touching the original."""

import hashlib
import sqlite3

import pytest

from aijournal.storage.foreign import MissingColumns, NotSQLite, is_sqlite, rows


@pytest.fixture
def webui(tmp_path):
    path = tmp_path / "webui.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE chat (id TEXT, title TEXT, updated_at INTEGER)")
    conn.executemany("INSERT INTO chat VALUES (?, ?, ?)", [("b", "second", 2), ("a", "first", 1)])
    conn.commit()
    conn.close()
    return path


def test_rows_in_rowid_order_with_the_columns_asked_for(webui):
    assert list(rows(webui, "chat", ["title", "id"])) == [("second", "b"), ("first", "a")]


def test_the_original_file_is_not_changed_and_its_write_ahead_log_is_read(webui):
    owner = sqlite3.connect(webui)  # the other program, still running, in WAL mode
    owner.execute("PRAGMA journal_mode = WAL")
    owner.execute("INSERT INTO chat VALUES ('c', 'only in the log', 3)")
    owner.commit()
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in webui.parent.iterdir()}
    try:
        titles = [title for (title,) in rows(webui, "chat", ["title"])]
        assert titles == ["second", "first", "only in the log"]
        after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in webui.parent.iterdir()}
        assert after == before
    finally:
        owner.close()


def test_a_file_that_is_not_sqlite(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("SQLite format 2, honestly")
    assert not is_sqlite(text)
    assert not is_sqlite(tmp_path / "missing.db")
    with pytest.raises(NotSQLite):
        list(rows(text, "chat", ["id"]))


def test_missing_table_or_columns_are_named(webui):
    with pytest.raises(MissingColumns, match="^no chat table with model, user_id$") as caught:
        list(rows(webui, "chat", ["id", "model", "user_id"]))
    assert caught.value.missing == ("model", "user_id")
    with pytest.raises(MissingColumns, match="^no message table with id$"):
        list(rows(webui, "message", ["id"]))


def test_names_must_be_plain_identifiers(webui):
    with pytest.raises(ValueError, match="plain identifiers"):
        list(rows(webui, "chat; DROP TABLE chat", ["id"]))
    with pytest.raises(ValueError):
        list(rows(webui, "chat", ["id, title"]))
    assert is_sqlite(webui) and list(rows(webui, "chat", ["id"])) == [("b",), ("a",)]
