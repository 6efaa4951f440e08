"""The labelled sessions (tests/data/sources/labelled/) and how to write them in each format.

The sessions were written by hand from the pattern definitions, separately from the rule
words; `write_all` renders each one in the format of the tool it names (a ChatGPT or Claude
export, a Claude Code or Codex session file, an Aider history, an Open WebUI export), so the
budget is measured through the same readers a user's files go through.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

LABELLED = Path(__file__).parents[1] / "data" / "sources" / "labelled"
DEVELOPMENT = ("sessions-1.txt", "sessions-2.txt", "sessions-3.txt")
HELD_OUT = ("heldout.txt",)


@dataclass(frozen=True)
class Labelled:
    id: str
    pattern: str
    language: str
    source: str
    title: str
    turns: tuple[str, ...]
    start: datetime

    @property
    def ref(self) -> str:
        """The id the session's file gives it (a UUID made from the label's id)."""
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"aijournal-labelled/{self.id}"))


def parse(path: Path) -> list[Labelled]:
    """The sessions in one file of the labelled set."""
    found: list[dict] = []
    fenced = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            ident, pattern, language, source, title = (x.strip() for x in line[3:].split("|"))
            found.append(
                dict(
                    id=ident,
                    pattern=pattern,
                    language=language,
                    source=source,
                    title=title,
                    turns=[],
                )
            )
            fenced = False
            continue
        if not line.startswith(">") or not found:
            continue
        turns = found[-1]["turns"]
        text = line[2:] if line.startswith("> ") else line[3:] if line.startswith(">+ ") else ""
        is_fence = text.lstrip().startswith("```")
        joins = turns and (
            fenced
            or is_fence
            or line == ">"
            or line.startswith(">+ ")
            or text.startswith("- ")
            or turns[-1].endswith("\n")
        )
        if joins:
            turns[-1] += ("\n" if line != ">" else "\n") + text if line != ">" else "\n"
        else:
            turns.append(text)
        if is_fence:
            fenced = not fenced
    for raw in found:
        raw["turns"] = tuple(t.strip("\n") for t in raw["turns"])
    return [Labelled(**raw, start=T0) for raw in found]


T0 = datetime(2026, 1, 5, 9, tzinfo=UTC)


def load(*names: str) -> list[Labelled]:
    """The sessions of these files, each starting 7 hours after the one before."""
    found = [s for name in names for s in parse(LABELLED / name)]
    return [replace(s, start=T0 + timedelta(hours=7 * n)) for n, s in enumerate(found)]


# ---- writing them in each tool's format ----------------------------------------------------

ANSWER = "Here is what I came up with."


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _times(session: Labelled) -> list[datetime]:
    """When each of the user's turns was sent: a few minutes apart."""
    return [session.start + timedelta(minutes=4 * i) for i in range(len(session.turns))]


def chatgpt_item(session: Labelled) -> dict:
    mapping: dict[str, dict] = {}

    def node(key: str, parent: str | None, role: str | None, when: datetime | None, words: str):
        message = None
        if role is not None:
            message = {
                "id": key,
                "author": {"role": role, "name": None, "metadata": {}},
                "create_time": when.timestamp() if when else None,
                "content": {"content_type": "text", "parts": [words]},
                "status": "finished_successfully",
                "metadata": {},
            }
        mapping[key] = {"id": key, "message": message, "parent": parent, "children": []}
        if parent:
            mapping[parent]["children"].append(key)
        return key

    current = node(f"{session.id}-root", None, None, None, "")
    current = node(f"{session.id}-system", current, "system", None, "")
    for number, (turn, when) in enumerate(zip(session.turns, _times(session))):
        current = node(f"{session.id}-u{number}", current, "user", when, turn)
        # A regenerated answer stays on a side branch; the kept one follows.
        node(f"{session.id}-r{number}", current, "assistant", when + timedelta(seconds=30), "x")
        current = node(
            f"{session.id}-a{number}", current, "assistant", when + timedelta(minutes=1), ANSWER
        )
    return {
        "title": session.title,
        "create_time": session.start.timestamp(),
        "update_time": _times(session)[-1].timestamp() + 60,
        "mapping": mapping,
        "current_node": current,
        "conversation_id": session.ref,
        "id": session.ref,
    }


def claude_item(session: Labelled) -> dict:
    messages, parent = [], "00000000-0000-4000-8000-000000000000"
    for number, (turn, when) in enumerate(zip(session.turns, _times(session))):
        for sender, words, at, suffix in (
            ("human", turn, when, "h"),
            ("assistant", ANSWER, when + timedelta(minutes=1), "a"),
        ):
            key = f"{session.ref}-{suffix}{number}"
            messages.append(
                {
                    "uuid": key,
                    "text": words,
                    "content": [{"type": "text", "text": words}],
                    "sender": sender,
                    "created_at": _iso(at),
                    "updated_at": _iso(at),
                    "attachments": [],
                    "files": [],
                    "parent_message_uuid": parent,
                }
            )
            parent = key
    return {
        "uuid": session.ref,
        "name": session.title,
        "created_at": _iso(session.start),
        "updated_at": messages[-1]["created_at"],
        "account": {"uuid": "acct-1"},
        "chat_messages": messages,
    }


def open_webui_item(session: Labelled) -> dict:
    history: dict[str, dict] = {}
    parent = None
    for number, (turn, when) in enumerate(zip(session.turns, _times(session))):
        for role, words, at, suffix in (
            ("user", turn, when, "u"),
            ("assistant", ANSWER, when + timedelta(minutes=1), "a"),
        ):
            key = f"{session.ref}-{suffix}{number}"
            history[key] = {
                "id": key,
                "parentId": parent,
                "childrenIds": [],
                "role": role,
                "content": words,
                "timestamp": int(at.timestamp()),
                "models": ["llama3.1:8b"],
            }
            if parent:
                history[parent]["childrenIds"].append(key)
            parent = key
    return {
        "id": session.ref,
        "user_id": "user-1",
        "title": session.title,
        "chat": {
            "id": "",
            "title": session.title,
            "models": ["llama3.1:8b"],
            "history": {"messages": history, "currentId": parent},
            "messages": list(history.values()),
            "timestamp": int(session.start.timestamp() * 1000),
        },
        "created_at": int(session.start.timestamp()),
        "updated_at": int(_times(session)[-1].timestamp()) + 60,
        "archived": False,
        "pinned": False,
    }


def claude_code_lines(session: Labelled, version: str = "2.0.61") -> list[dict]:
    cwd = f"/home/sam/code/{session.title}"
    common = {
        "isSidechain": False,
        "userType": "external",
        "cwd": cwd,
        "sessionId": session.ref,
        "version": version,
        "gitBranch": "main",
    }
    lines: list[dict] = []
    parent = None
    for number, (turn, when) in enumerate(zip(session.turns, _times(session))):
        steps = [
            ("user", {"role": "user", "content": turn}, when),
            (
                "assistant",
                {
                    "role": "assistant",
                    "model": "claude-sonnet-4-5",
                    "content": [
                        {"type": "text", "text": "Let me look."},
                        {"type": "tool_use", "id": f"t{number}", "name": "Read", "input": {}},
                    ],
                },
                when + timedelta(seconds=20),
            ),
            (
                "user",
                {
                    "role": "user",
                    "content": [
                        {"type": "tool_result", "tool_use_id": f"t{number}", "content": "ok"}
                    ],
                },
                when + timedelta(seconds=40),
            ),
            (
                "assistant",
                {"role": "assistant", "content": [{"type": "text", "text": ANSWER}]},
                when + timedelta(minutes=2),
            ),
        ]
        for step, (kind, message, at) in enumerate(steps):
            key = f"{session.ref}-{number}-{step}"
            line = {"parentUuid": parent, **common, "type": kind, "message": message}
            line |= {"uuid": key, "timestamp": _iso(at)}
            if step == 2:
                line["toolUseResult"] = {"stdout": "ok"}
            lines.append(line)
            parent = key
    return lines


def codex_lines(session: Labelled) -> list[dict]:
    cwd = f"/home/sam/code/{session.title}"
    start = _iso(session.start)
    lines = [
        {
            "timestamp": start,
            "type": "session_meta",
            "payload": {
                "id": session.ref,
                "timestamp": start,
                "cwd": cwd,
                "originator": "codex_cli_rs",
                "cli_version": "0.46.0",
                "instructions": None,
                "git": {"branch": "main"},
            },
        },
        {
            "timestamp": start,
            "type": "response_item",
            "payload": {
                "type": "message",
                "role": "user",
                "content": [
                    {"type": "input_text", "text": f"<environment_context>\n  <cwd>{cwd}</cwd>"}
                ],
            },
        },
    ]
    for turn, when in zip(session.turns, _times(session)):
        at = _iso(when)
        lines += [
            {
                "timestamp": at,
                "type": "response_item",
                "payload": {
                    "type": "message",
                    "role": "user",
                    "content": [{"type": "input_text", "text": turn}],
                },
            },
            {
                "timestamp": at,
                "type": "event_msg",
                "payload": {"type": "user_message", "message": turn, "kind": "plain"},
            },
            {"timestamp": at, "type": "turn_context", "payload": {"cwd": cwd, "model": "gpt-5"}},
            {
                "timestamp": _iso(when + timedelta(minutes=1)),
                "type": "event_msg",
                "payload": {"type": "agent_message", "message": ANSWER},
            },
        ]
    return lines


def aider_texts(sessions: list[Labelled]) -> tuple[str, str]:
    """The chat history and the input history of one folder where Aider ran these sessions."""
    chat, typed = [], []
    for session in sessions:
        local = session.start.astimezone()
        chat += [f"\n# aider chat started at {local:%Y-%m-%d %H:%M:%S}\n", "> Aider v0.86.1"]
        chat += ["> Model: claude-sonnet-4-5 with diff edit format\n"]
        for turn, when in zip(session.turns, _times(session)):
            chat += [f"#### {line}" for line in turn.split("\n")]
            chat += ["", ANSWER, "", "> Applied edit to app.py", ""]
            typed += ["", f"# {when.astimezone():%Y-%m-%d %H:%M:%S.%f}"]
            typed += [f"+{line}" for line in turn.split("\n")]
    return "\n".join(chat) + "\n", "\n".join(typed) + "\n"


def _jsonl(path: Path, lines: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def write_all(sessions: list[Labelled], root: Path) -> dict[str, Path]:
    """Each session written in its tool's format under `root`; where each source is."""
    root.mkdir(parents=True, exist_ok=True)
    by_source: dict[str, list[Labelled]] = {}
    for session in sessions:
        by_source.setdefault(session.source, []).append(session)
    where = {}
    for kind, render in (
        ("chatgpt", chatgpt_item),
        ("claude", claude_item),
        ("open-webui", open_webui_item),
    ):
        path = root / f"{kind}.json"
        path.write_text(json.dumps([render(s) for s in by_source.get(kind, [])]), "utf-8")
        where[kind] = path
    projects = root / "claude" / "projects"
    for s in by_source.get("claude-code", []):
        _jsonl(projects / f"-home-sam-code-{s.title}" / f"{s.ref}.jsonl", claude_code_lines(s))
    where["claude-code"] = projects
    sessions_dir = root / "codex" / "sessions"
    for s in by_source.get("codex", []):
        day = sessions_dir / f"{s.start:%Y/%m/%d}"
        _jsonl(day / f"rollout-{s.start:%Y-%m-%dT%H-%M-%S}-{s.ref}.jsonl", codex_lines(s))
    where["codex"] = sessions_dir
    folders = root / "aider"
    for project in sorted({s.title for s in by_source.get("aider", [])}):
        chat, typed = aider_texts([s for s in by_source["aider"] if s.title == project])
        (folders / project).mkdir(parents=True)
        (folders / project / ".aider.chat.history.md").write_text(chat, "utf-8")
        (folders / project / ".aider.input.history").write_text(typed, "utf-8")
    where["aider"] = folders
    return {kind: path for kind, path in where.items() if by_source.get(kind)}
