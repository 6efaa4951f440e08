"""Sources on this machine: `aijournal sources list|enable|disable|scan`, reading only what
changed, and consent (nothing is read until a source is switched on)."""

import json
import os

from clitools import run
from labelled import T0, Labelled, aider_texts, claude_code_lines, open_webui_item

from aijournal.sources import machine


def agent(ident: str, *turns: str) -> Labelled:
    return Labelled(ident, "directive", "en", "claude-code", "api", turns or ("add a flag",), T0)


def claude_home(home, *sessions):
    folder = home / ".claude" / "projects" / "-home-sam-code-api"
    folder.mkdir(parents=True, exist_ok=True)
    for s in sessions:
        lines = claude_code_lines(s)
        (folder / f"{s.ref}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    return folder


def test_list_shows_what_is_found_and_reads_nothing(home, _own_home):
    claude_home(_own_home, agent("a"), agent("b"))
    code, out = run("sources", "list", "--format", "json")
    listed = {x["source"]: x for x in json.loads(out)}
    assert code == 0 and set(listed) == {"claude-code", "codex", "aider", "open-webui"}
    found = listed["claude-code"]
    assert (found["enabled"], found["session_files"]) == (False, 2)
    assert "prompts" in found["reads"] and "tool calls" in found["never_reads"]
    assert listed["aider"]["locations"] == []
    code, out = run("sources", "list")
    assert "2 session files" in out and "30 days" in out
    assert "Nothing to review." in run("review", "list")[1]  # listing read no session


def test_scan_reads_only_switched_on_sources_and_only_what_changed(home, _own_home):
    folder = claude_home(_own_home, agent("a"), agent("b"))
    code, out = run("sources", "scan")
    assert code == 0 and "No source is switched on" in out
    assert run("sources", "enable", "claude-code")[0] == 0
    code, out = run("sources", "scan")
    assert code == 0 and "Imported 2 AI uses from 2 sessions" in out, out
    # a third session appears; the two old files are not even opened again
    claude_home(_own_home, agent("c", "write the changelog"))
    for old in ("a", "b"):
        path = folder / f"{agent(old).ref}.jsonl"
        os.utime(path, (1_700_000_000, 1_700_000_000))
    (folder / "broken.jsonl").write_text("{nope\n{}\n")
    os.utime(folder / "broken.jsonl", (1_700_000_000, 1_700_000_000))  # old: passed over
    code, out = run("sources", "scan")
    assert "Imported 1 AI use from 1 session" in out and "not read" not in out, out
    assert run("sources", "disable", "claude-code")[0] == 0
    assert "No source is switched on" in run("sources", "scan")[1]


def test_aider_and_open_webui_need_the_user_to_name_where(home, tmp_path):
    code, out = run("sources", "enable", "aider")
    assert code == 2 and "--path" in out and len(out.strip().splitlines()) == 1
    project = tmp_path / "code" / "blog"
    project.mkdir(parents=True)
    chat, typed = aider_texts([Labelled("b", "directive", "en", "aider", "blog", ("add RSS",), T0)])
    (project / ".aider.chat.history.md").write_text(chat)
    (project / ".aider.input.history").write_text(typed)
    export = tmp_path / "chats.json"
    item = open_webui_item(Labelled("w", "learning", "en", "open-webui", "Q", ("why?",), T0))
    export.write_text(json.dumps([item]))
    assert run("sources", "enable", "aider", "--path", str(tmp_path / "code"))[0] == 0
    assert run("sources", "enable", "open-webui", "--path", str(export))[0] == 0
    assert run("sources", "enable", "open-webui", "--path", str(tmp_path / "gone"))[0] == 2
    code, out = run("sources", "scan", "--format", "json")
    added = {x["source"]: sum(p["added"] for p in x["plans"]) for x in json.loads(out)}
    assert added == {"aider": 1, "open-webui": 1}
    assert run("sources", "enable", "chatgpt")[0] == 2  # an export is imported, not watched


def test_a_source_that_cannot_be_read_writes_nothing_of_any(home, tmp_path, _own_home):
    claude_home(_own_home, agent("a"))
    bad = tmp_path / "chats.json"
    bad.write_text("[{")
    assert run("sources", "enable", "claude-code")[0] == 0
    assert run("sources", "enable", "open-webui", "--path", str(bad))[0] == 0
    code, out = run("sources", "scan")
    assert code == 2 and "not valid JSON" in out and len(out.strip().splitlines()) == 1
    assert "Nothing to review." in run("review", "list")[1]


def test_the_app_reads_what_it_can_and_says_what_it_could_not(journal, tmp_path, _own_home):
    claude_home(_own_home, agent("a"))
    bad = tmp_path / "chats.json"
    bad.write_text("[{")
    machine.enable(journal, "claude-code")
    machine.enable(journal, "open-webui", [bad])
    readings = machine.read_and_write(journal)
    assert {r.source.id: (r.added, r.error is None) for r in readings} == {
        "claude-code": (1, True),
        "open-webui": (0, False),
    }
    assert "Open WebUI chats:" in [r.line() for r in readings if r.error][0]
