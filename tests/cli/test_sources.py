"""`import SOURCE`, `sources` and `review` as typed: where paths come from, bad files before the
journal opens, what the help promises, and the review list in each format."""

import csv
import io
import json

import pytest
from clitools import run

MACHINE_SOURCES = ("claude-code", "codex", "aider", "open-webui")
PROMPT = "Explain window functions in SQL with one example."


@pytest.fixture(autouse=True)
def _own_home(own_home):
    return own_home


def chatgpt_export(tmp_path) -> str:
    """A ChatGPT conversations.json with one conversation of two turns, 12 minutes long."""
    start = 1772700000  # 2026-03-05 08:40 UTC

    def node(key, parent, role, text, at):
        message = {
            "author": {"role": role},
            "create_time": at,
            "content": {"content_type": "text", "parts": [text]},
        }
        return {"id": key, "parent": parent, "children": [], "message": message}

    mapping = {
        "a": node("a", None, "user", PROMPT, start),
        "b": node("b", "a", "assistant", "SELECT …", start + 60),
        "c": node("c", "b", "user", "And LAG?", start + 600),
        "d": node("d", "c", "assistant", "LAG(x) OVER …", start + 720),
    }
    for key, child in (("a", "b"), ("b", "c"), ("c", "d")):
        mapping[key]["children"] = [child]
    conversation = {
        "conversation_id": "conv-1",
        "title": "SQL windows",
        "create_time": start,
        "update_time": start + 720,
        "current_node": "d",
        "mapping": mapping,
    }
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([conversation]))
    return str(path)


def test_a_source_with_nothing_in_its_usual_place_asks_for_the_folder(home):
    code, out = run("import", "claude-code")
    assert code == 2 and out.count("\n") == 1
    assert "path" in out and "none found, name the folder" in out


def test_a_bad_file_is_refused_before_the_journal_is_even_looked_for(aijournal_home, tmp_path):
    bad = tmp_path / "conversations.json"
    bad.write_text("{not json")
    code, out = run("import", "chatgpt", str(bad))
    assert code == 2 and "file:" in out and out.count("\n") == 1, out  # not "no journal" (1)
    assert not aijournal_home.exists()


def test_the_help_says_what_is_read_and_what_never_is():
    code, out = run("import", "chatgpt", "--help")
    assert code == 0 and "Read:" in out and "Never read:" in out


def test_the_review_list_in_a_table_is_short_and_in_csv_whole(home, tmp_path):
    code, out = run("import", "chatgpt", chatgpt_export(tmp_path))
    assert code == 0 and "Imported 1 AI use" in out, out
    [row] = csv.DictReader(io.StringIO(run("review", "list", "--format", "csv")[1]))
    assert (row["tool"], row["task"], row["minutes"], row["turns"]) == (
        "ChatGPT",
        "SQL windows",
        "12",
        "2",
    )
    assert len(row["id"]) > 8 and 0 < float(row["sure"]) <= 1
    code, out = run("review", "list")
    header, line = out.splitlines()
    assert header.split()[:3] == ["id", "when", "tool"]
    assert line.startswith(row["id"][:8] + "  ") and f"{float(row['sure']):.0%}" in line


def test_confirm_takes_ids_or_all_never_both(home, tmp_path):
    run("import", "chatgpt", chatgpt_export(tmp_path))
    [row] = json.loads(run("review", "list", "--format", "json")[1])
    code, out = run("review", "confirm", row["id"], "--all")
    assert code == 2 and "ids:" in out and "or --all" in out
    code, out = run("review", "confirm", row["id"][:6], "--pattern", "learning")
    assert code == 0 and "Undo with `aijournal review undo`." in out, out
    [confirmed] = json.loads(run("list", "--kind", "ai-use", "--format", "json")[1])
    assert confirmed["pattern"] == "learning"


def test_sources_list_as_csv_has_no_hint(home):
    code, out = run("sources", "list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["source"] for r in rows] == list(MACHINE_SOURCES)
    assert {r["on"] for r in rows} == {"no"} and {r["last read"] for r in rows} == {"never"}
