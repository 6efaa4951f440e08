"""Open WebUI: its chat export (branches by currentId, older flat lists) and a copy of its
webui.db, read without touching the original."""

import json
import sqlite3
from pathlib import Path

from clitools import run
from labelled import T0, Labelled, open_webui_item

from aijournal.sources.importing import plan_import

TURNS = ("what is the difference between Q4 and Q5 quantisation", "thanks!")


def chat(ident="w1", turns=TURNS) -> dict:
    return open_webui_item(Labelled(ident, "learning", "en", "open-webui", "Quant", turns, T0))


def export(tmp_path: Path, *chats: dict) -> Path:
    path = tmp_path / "chat-export-1767600000.json"
    path.write_text(json.dumps(list(chats)))
    return path


def test_the_export_follows_the_branch_the_user_kept(tmp_path):
    item = chat()
    history = item["chat"]["history"]
    # a regenerated answer with an abandoned follow-up on it
    history["messages"]["alt"] = {
        "id": "alt",
        "parentId": None,
        "role": "user",
        "content": "abandoned: make it shorter",
        "timestamp": 0,
    }
    (use,) = plan_import(export(tmp_path, item), "open-webui").uses
    assert (use.tool, use.source, use.task, use.turns) == ("Open WebUI", "open-webui", "Quant", 2)
    assert use.suggested_pattern == "learning" and use.started_at == T0
    older = chat("w2")
    del older["chat"]["history"]  # early exports: the flat list only
    (flat,) = plan_import(export(tmp_path, older), "open-webui").uses
    assert flat.turns == 2


def make_db(path: Path, *chats: dict, table: str = "chat") -> sqlite3.Connection:
    """An Open WebUI database, left open with its rows in the write-ahead log, as a running
    Open WebUI leaves it."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        f"CREATE TABLE {table} (id TEXT PRIMARY KEY, user_id TEXT, title TEXT, "
        "chat TEXT, created_at INTEGER, updated_at INTEGER, share_id TEXT)"
    )
    conn.execute("CREATE TABLE user (id TEXT, email TEXT, api_key TEXT)")
    conn.execute("INSERT INTO user VALUES ('u', 'sam@example.org', 'sk-secret')")
    for item in chats:
        conn.execute(
            f"INSERT INTO {table} VALUES (?, 'u', ?, ?, ?, ?, NULL)",
            (
                item["id"],
                item["title"],
                json.dumps(item["chat"]),
                item["created_at"],
                item["updated_at"],
            ),
        )
    conn.commit()
    return conn


def test_a_copy_of_webui_db_is_read_and_the_original_is_left_alone(home, tmp_path):
    db = tmp_path / "webui.db"
    running = make_db(db, chat("d1"), chat("d2", ("write a haiku",)))
    files = sorted(tmp_path.glob("webui.db*"))
    assert len(files) == 3  # the database, its write-ahead log and its shared memory
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    code, out = run("import", "open-webui", str(db))
    assert code == 0 and "Imported 2 AI uses from 2 conversations" in out, out
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before
    assert "2 already imported" in run("import", "open-webui", str(db))[1]
    code, out = run("list", "--format", "json")
    assert "sk-secret" not in out and "sam@example.org" not in out
    running.close()


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()
    }


def test_bad_newer_and_foreign_files_exit_2_with_one_line_and_write_nothing(home, tmp_path):
    other = tmp_path / "other.db"
    make_db(other, chat(), table="conversations").close()
    cut = tmp_path / "cut.json"
    cut.write_text(json.dumps([chat()])[:300])
    unknown = tmp_path / "newer.json"
    unknown.write_text(json.dumps([{"id": "n", "chat": {"thread": []}}]))
    chatgpt = Path(__file__).parents[1] / "data" / "exports" / "chatgpt-conversations.json"
    cases = {
        other: "no chat table with id, title, chat, created_at, updated_at",
        cut: "not valid JSON",
        chatgpt: "this is a ChatGPT export; use `aijournal import chatgpt`",
    }
    before = snapshot(home)
    for path, says in cases.items():
        code, out = run("import", "open-webui", str(path))
        assert code == 2 and says in out and len(out.strip().splitlines()) == 1, out
    assert "a version of Open WebUI" in run("import", "open-webui", str(other))[1]
    assert snapshot(home) == before
    # a chat of a kind this version does not know is skipped, and the summary says so
    code, out = run("import", "open-webui", str(unknown))
    assert code == 0 and "1 conversation skipped (a kind of chat this version does not know)" in out
