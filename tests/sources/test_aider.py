"""Aider chat histories in the folders the user picks: sessions, prompt times from the input
history, commands, and bad, newer and foreign files."""

from datetime import timedelta
from pathlib import Path

from clitools import run
from labelled import T0, Labelled, aider_texts, claude_code_lines

from aijournal.sources import aider
from aijournal.sources.importing import plan_import


def session(ident, *turns, start=T0) -> Labelled:
    return Labelled(ident, "directive", "en", "aider", "blog", tuple(turns), start)


def folder(root: Path, name: str, *sessions: Labelled, chat_tail: str = "") -> Path:
    chat, typed = aider_texts(list(sessions))
    path = root / name
    path.mkdir(parents=True, exist_ok=True)
    (path / aider.CHAT).write_text(chat + chat_tail)
    (path / aider.INPUT).write_text(typed)
    return path


def test_each_started_chat_is_a_session_timed_by_the_input_history(tmp_path):
    later = T0 + timedelta(hours=5)
    where = folder(
        tmp_path,
        "blog",
        session("a1", "add an RSS feed", "/add feed.py", "now also add drafts to the feed"),
        session("a2", "explain how the template loader finds partials", start=later),
    )
    uses = sorted(plan_import(where, "aider").uses, key=lambda u: u.started_at)
    assert [(u.started_at, u.minutes, u.turns) for u in uses] == [(T0, 8, 2), (later, 1, 1)]
    assert [u.suggested_pattern for u in uses] == ["task-iteration", "learning"]
    assert uses[0].task == "blog: add an RSS feed" and uses[0].tool == "Aider"


def test_folders_the_user_picks_are_searched_a_few_levels_down(home, tmp_path):
    code_dir = tmp_path / "code"
    folder(code_dir, "blog", session("b1", "add an RSS feed"))
    folder(code_dir / "clients", "shop", session("s1", "fix the failing checkout test"))
    code, out = run("import", "aider", str(code_dir))
    assert code == 0 and "Imported 2 AI uses from 2 sessions" in out, out
    assert "2 already imported" in run("import", "aider", str(code_dir))[1]


def test_the_last_line_being_written_is_left_for_later(tmp_path):
    where = folder(
        tmp_path, "blog", session("b1", "add an RSS feed"), chat_tail="#### and also a s"
    )
    (use,) = plan_import(where, "aider").uses
    assert use.turns == 1


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()
    }


def test_bad_newer_and_foreign_files_exit_2_with_one_line_and_write_nothing(home, tmp_path):
    newer = folder(tmp_path, "newer", session("n1", "add a page"))
    chat = newer / aider.CHAT
    chat.write_text(chat.read_text().replace("Aider v0.86.1", "Aider v1.0.0"))
    notes = tmp_path / "notes" / aider.CHAT
    notes.parent.mkdir()
    notes.write_text("# My notes\n\nnothing to see\n")
    agent = tmp_path / "agent" / aider.CHAT
    agent.parent.mkdir()
    agent.write_text("".join(f"{line}\n" for line in map(str, claude_code_lines(session("x")))))
    cases = {
        chat: "written by Aider v1.0.0",
        notes: "not an Aider chat history",
        agent: "not an Aider chat history",
    }
    before = snapshot(home)
    for path, says in cases.items():
        code, out = run("import", "aider", str(path))
        assert code == 2 and says in out and len(out.strip().splitlines()) == 1, out
    assert snapshot(home) == before
    (tmp_path / "empty-folder").mkdir()
    code, out = run("import", "aider", str(tmp_path / "empty-folder"))
    assert code == 0 and "Imported 0 AI uses" in out  # a folder without Aider in it: nothing
