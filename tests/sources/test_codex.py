"""Codex CLI sessions ($CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl) in all three format
generations, the blocks Codex adds itself, and bad, newer and foreign files."""

import json
import os
from pathlib import Path

from clitools import run
from labelled import T0, Labelled, claude_code_lines, codex_lines

from aijournal.sources import codex
from aijournal.sources.importing import plan_import

TURNS = ("write a scraper for the careers page", "still failing on page 2")


def session(ident="x1", turns=TURNS) -> Labelled:
    return Labelled(ident, "feedback-loop", "en", "codex", "scraper", tuple(turns), T0)


def jsonl(path: Path, lines: list, tail: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(line) + "\n" for line in lines) + tail)
    return path


def envelope(root: Path, s: Labelled, **changes) -> Path:
    lines = codex_lines(s)
    lines[0]["payload"].update(changes)
    day = root / "sessions" / "2026" / "01" / "05"
    return jsonl(day / f"rollout-2026-01-05T09-00-00-{s.ref}.jsonl", lines)


def _items(turns, cwd="/home/sam/code/scraper"):
    items = [
        {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": f"<environment_context>\n<cwd>{cwd}</cwd>"}],
        }
    ]
    for turn in turns:
        items.append(
            {"type": "message", "role": "user", "content": [{"type": "input_text", "text": turn}]}
        )
        items.append({"type": "function_call", "name": "shell", "arguments": "{}", "call_id": "c"})
        items.append(
            {
                "type": "message",
                "role": "assistant",
                "content": [{"type": "output_text", "text": "ok"}],
            }
        )
    return items


def first_rust(root: Path) -> Path:
    """Mid-2025: a first line with the session, then bare items (and state lines)."""
    meta = {"id": "rust-1", "timestamp": "2026-01-05T09:00:00Z", "instructions": None}
    path = jsonl(
        root / "2026" / "01" / "05" / "rollout-2026-01-05T09-00-00-rust-1.jsonl",
        [meta, *_items(TURNS), {"record_type": "state"}],
    )
    os.utime(path, (T0.timestamp() + 600, T0.timestamp() + 600))
    return path


def typescript(root: Path) -> Path:
    """April 2025: one JSON file with the session and its items."""
    data = {
        "session": {"id": "ts-1", "timestamp": "2026-01-05T09:00:00Z", "instructions": ""},
        "items": _items(TURNS[:1]),
    }
    path = root / "rollout-2026-01-05-ts-1.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    os.utime(path, (T0.timestamp() + 120, T0.timestamp() + 120))
    return path


def test_all_three_generations_are_read(tmp_path):
    root = tmp_path / "codex" / "sessions"
    envelope(tmp_path / "codex", session())
    first_rust(root)
    typescript(root)
    assert {codex.probe(p).generation for p in codex.session_files(root)} == {
        "envelope",
        "jsonl",
        "json",
    }
    uses = {u.source_ref: u for u in plan_import(root, "codex").uses}
    assert set(uses) == {session().ref, "rust-1", "ts-1"}
    new = uses[session().ref]
    assert (new.tool, new.turns, new.minutes, new.suggested_pattern) == (
        "Codex CLI",
        2,
        5,
        "feedback-loop",
    )
    assert new.task == "scraper: write a scraper for the careers page"
    rust = uses["rust-1"]  # no times per line: the start and the file's last write
    assert (rust.turns, rust.minutes, rust.started_at) == (2, 10, T0)
    assert rust.task.startswith("scraper: ")  # the folder's name, from Codex's own block
    assert (uses["ts-1"].turns, uses["ts-1"].minutes) == (1, 2)


def test_codex_home_is_where_sessions_are_found(home, tmp_path, _own_home):
    envelope(tmp_path / "elsewhere", session())
    code, out = run("import", "codex", env={"CODEX_HOME": str(tmp_path / "elsewhere")})
    assert code == 0 and "Imported 1 AI use from 1 session" in out, out
    envelope(_own_home / ".codex", session("x2"))
    code, out = run("import", "codex")
    assert "Imported 1 AI use" in out
    assert "1 already imported" in run("import", "codex")[1]


def test_sessions_without_events_use_the_items(tmp_path):
    lines = [x for x in codex_lines(session()) if x["type"] != "event_msg"]
    path = jsonl(tmp_path / "rollout-1.jsonl", lines)
    (use,) = plan_import(path, "codex").uses
    assert use.turns == 2


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()
    }


def test_bad_newer_and_foreign_files_exit_2_with_one_line_and_write_nothing(home, tmp_path):
    s = session()
    later = [{"timestamp": "2027-01-01T00:00:00Z", "type": "thread_snapshot", "payload": {}}]
    cut = json.dumps(codex_lines(s)[0])[:40]
    cases = {
        envelope(tmp_path / "v1", s, cli_version="1.2.0"): "written by Codex CLI 1.2.0",
        jsonl(tmp_path / "rollout-later.jsonl", later): "a kind of Codex line this version",
        jsonl(tmp_path / "rollout-cut.jsonl", [], tail=cut): "no session in it",
        jsonl(tmp_path / "rollout-bad.jsonl", [codex_lines(s)[0]], tail="{oops}\n{}\n"): "line 2",
        jsonl(tmp_path / "s.jsonl", claude_code_lines(s)): "this is a Claude Code session",
    }
    before = snapshot(home)
    for path, says in cases.items():
        code, out = run("import", "codex", str(path))
        assert code == 2 and says in out and len(out.strip().splitlines()) == 1, (says, out)
    assert snapshot(home) == before


def test_a_running_session_is_read_to_its_last_complete_line(tmp_path):
    lines = codex_lines(session())
    path = jsonl(tmp_path / "rollout-live.jsonl", lines[:8], tail=json.dumps(lines[8])[:30])
    (use,) = plan_import(path, "codex").uses
    assert (use.turns, use.started_at, use.minutes) == (2, T0, 4)
