"""Claude Code sessions (~/.claude/projects/<project>/<session>.jsonl, or $CLAUDE_CONFIG_DIR):
what counts as the user's turn, where sessions are found, live files, bad and newer files."""

import json
from pathlib import Path

from clitools import run
from labelled import T0, Labelled, claude_code_lines, codex_lines

from aijournal.sources import claude_code
from aijournal.sources.conversations import Reading
from aijournal.sources.importing import plan_import


def session(ident="s1", *turns, title="billing-api") -> Labelled:
    turns = turns or ("Add retries to the webhook handler", "still failing")
    return Labelled(ident, "feedback-loop", "en", "claude-code", title, tuple(turns), T0)


def write(path: Path, lines: list[dict], tail: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(line) + "\n" for line in lines) + tail)
    return path


def projects(root: Path, *sessions: Labelled) -> Path:
    folder = root / "projects"
    for s in sessions:
        write(folder / f"-home-sam-code-{s.title}" / f"{s.ref}.jsonl", claude_code_lines(s))
    return folder


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()
    }


def test_a_session_becomes_an_ai_use_with_its_project_and_first_prompt(tmp_path):
    found = plan_import(projects(tmp_path, session()), "claude-code")
    (use,) = found.uses
    assert (use.tool, use.source, use.turns, use.minutes) == ("Claude Code", "claude-code", 2, 6)
    assert use.task == "billing-api: Add retries to the webhook handler"
    assert use.suggested_pattern == "feedback-loop" and use.note == ""
    assert use.source_ref == session().ref and use.started_at == T0


def test_tool_results_commands_meta_and_subagents_are_not_turns(tmp_path):
    s = session("s2", "explain how the retry queue works")
    lines = claude_code_lines(s)
    common = {k: lines[0][k] for k in ("sessionId", "cwd", "version")}
    extra = [
        {**common, "type": "user", "isMeta": True, "message": {"role": "user", "content": "x"}},
        {
            **common,
            "type": "user",
            "message": {"role": "user", "content": "<command-name>/clear</command-name>"},
        },
        {**common, "type": "user", "isSidechain": True, "message": {"content": "agent prompt"}},
        {"type": "summary", "summary": "Retry queue walkthrough", "leafUuid": "x"},
    ]
    folder = tmp_path / "projects" / "-home-sam-code-billing-api"
    write(folder / f"{s.ref}.jsonl", [*lines, *extra])
    write(folder / "agent-1234.jsonl", claude_code_lines(session("agent")))
    write(folder / s.ref / "subagents" / "agent-9.jsonl", claude_code_lines(session("sub")))
    (use,) = plan_import(tmp_path / "projects", "claude-code").uses
    assert use.turns == 1 and use.suggested_pattern == "learning"
    assert use.task == "billing-api: Retry queue walkthrough"  # the summary names it


def test_found_in_claude_config_dir_and_the_home_folder(home, tmp_path, _own_home):
    config = tmp_path / "config"
    projects(config, session("c1"))
    projects(_own_home / ".claude", session("h1"), session("h2", "write a changelog entry"))
    code, out = run("import", "claude-code", env={"CLAUDE_CONFIG_DIR": str(config)})
    assert code == 0, out
    assert out.count("Imported") == 2 and "Imported 1 AI use from 1 session" in out
    assert "Imported 2 AI uses from 2 sessions" in out
    code, out = run("import", "claude-code")
    assert "Imported 0 AI uses" in out and "2 already imported" in out  # nothing twice


def test_nothing_there_says_where_sessions_live(home):
    code, out = run("import", "claude-code")
    assert code == 2 and "~/.claude/projects" in out and len(out.strip().splitlines()) == 1


def test_a_live_session_is_read_to_its_last_complete_line(home, tmp_path):
    s = session("live", "add a --json flag", "use snake_case keys instead")
    lines = claude_code_lines(s)
    path = tmp_path / "projects" / "-p-cli" / f"{s.ref}.jsonl"
    write(path, lines[:4], tail=json.dumps(lines[4])[:57])  # the next line half written
    code, out = run("import", "claude-code", str(path))
    assert code == 0 and "Imported 1 AI use" in out, out
    write(path, lines)  # the session went on and the line was finished
    code, out = run("import", "claude-code", str(path))
    assert "Imported 0 AI uses" in out and "1 waiting AI use brought up to date" in out
    code, out = run("review", "list", "--format", "json")
    (use,) = json.loads(out)
    assert (use["turns"], use["suggested"]) == (2, "task-iteration")


def _bad_line(tmp_path):
    lines = [json.dumps(x) for x in claude_code_lines(session())]
    lines.insert(2, '{"type": "user", "message": ')
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_bad_newer_and_foreign_files_exit_2_with_one_line_and_write_nothing(home, tmp_path):
    s = session()
    cases = {
        _bad_line(tmp_path): "line 3 is not JSON",
        write(tmp_path / "cut.jsonl", [], tail='{"parentUuid": null, "isSide'): "no session in it",
        write(tmp_path / "new.jsonl", claude_code_lines(s, version="3.0.1")): "Claude Code 3.0.1",
        write(tmp_path / "rollout-x.jsonl", codex_lines(s)): "this is a Codex CLI session",
        write(tmp_path / "notes.jsonl", [{"a": 1}]): "not a Claude Code session",
    }
    before = snapshot(home)
    for path, says in cases.items():
        code, out = run("import", "claude-code", str(path))
        assert code == 2 and says in out and len(out.strip().splitlines()) == 1, out
    assert "update AI Journal" in run("import", "claude-code", str(tmp_path / "new.jsonl"))[1]
    assert snapshot(home) == before


def test_in_a_folder_a_bad_file_is_passed_over_and_counted(tmp_path):
    folder = projects(tmp_path, session("ok"))
    write(folder / "-p-x" / "new.jsonl", claude_code_lines(session("n"), version="3.0.0"))
    found = plan_import(folder, "claude-code")
    assert len(found.uses) == 1 and sum(found.skipped_files.values()) == 1
    assert "1 file not read (written by Claude Code 3.0.0" in found.summary()


def test_the_probe_tells_the_version(tmp_path):
    path = projects(tmp_path, session()) / "-home-sam-code-billing-api" / f"{session().ref}.jsonl"
    probe = claude_code.probe(path)
    assert (probe.kind, probe.version) == ("claude-code", "2.0.61")
    reading = Reading()
    assert len(list(claude_code.read(path.parent, reading))) == 1 and reading.files == 1
