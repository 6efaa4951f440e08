"""Claude Code sessions: `~/.claude/projects/<project>/<session>.jsonl` (or $CLAUDE_CONFIG_DIR).

Claude Code appends one JSON object per line while a session runs: the user's prompts, the
model's answers and tool calls, tool results, summaries. What is read: each line's time and
kind, the session id, the working folder's *name* (`cwd`), the title (a `custom-title` or
`summary` line), and the text of the user's own prompts for the suggestion (never kept unless
the user asks for the first message as the note). Tool results, command output, sub-agent
(sidechain) transcripts and meta lines are not the user's turns and are never looked into.

Claude Code deletes sessions after 30 days (its `cleanupPeriodDays`), so switching this source
on, to be read at each start, keeps them in the journal.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any

from aijournal.sources import files
from aijournal.sources.conversations import (
    Conversation,
    Message,
    moment_from_iso,
    text,
    title,
)
from aijournal.sources.files import unreadable
from aijournal.sources.local import Probe, check_version, reader

KIND = "claude-code"
TOOL = "Claude Code"
READS_UP_TO = 2  # the newest major version whose format this reader knows
ALLOWED = "use a Claude Code session (~/.claude/projects/<project>/<session>.jsonl) or its folder"
_LINE_TYPES = {"user", "assistant", "system", "summary", "custom-title", "file-history-snapshot"}
_NOT_PROMPTS = ("<command-", "<local-command-", "caveat:", "[request interrupted")


def locations(env: Mapping[str, str], home: Path) -> list[Path]:
    """Where Claude Code keeps its sessions on this machine (existing or not)."""
    found = []
    if configured := env.get("CLAUDE_CONFIG_DIR"):
        found += [Path(p).expanduser() / "projects" for p in configured.split(",") if p.strip()]
    found += [home / ".claude" / "projects", home / ".config" / "claude" / "projects"]
    return list(dict.fromkeys(found))


def is_session_file(path: Path) -> bool:
    # agent-*.jsonl are sub-agents' transcripts: the work of a session already counted.
    return path.suffix == ".jsonl" and not path.name.startswith("agent-")


def session_files(root: Path) -> list[Path]:
    """The session files under a projects folder, a project's folder, or the file itself."""
    if root.is_file():
        return [root]
    # <projects>/<project>/<session>.jsonl; deeper files (…/<session>/subagents/) are not.
    direct = sorted(p for p in root.glob("*.jsonl") if is_session_file(p))
    return direct or sorted(p for p in root.glob("*/*.jsonl") if is_session_file(p))


def is_line(value: Any) -> bool:
    """A line Claude Code writes: a known type, and a session id or a summary."""
    return (
        isinstance(value, dict)
        and text(value.get("type")) in _LINE_TYPES
        and ("sessionId" in value or value.get("type") in ("summary", "custom-title"))
    )


def probe(path: Path) -> Probe:
    """Recognise a Claude Code session file from its first lines; FileRefused if not one."""
    with files.open_file(path, ALLOWED) as raw:
        for _, value in files.json_lines(raw, path, ALLOWED):
            if is_line(value):
                version = text(value.get("version"))
                check_version(path, TOOL, version, READS_UP_TO, ALLOWED)
                return Probe(KIND, "jsonl", version)
            break
    raise unreadable(path, "not a Claude Code session", ALLOWED)


def _read_one(path: Path) -> list[Conversation]:
    session = _Session(path)
    with files.open_file(path, ALLOWED) as raw:
        for number, value in files.json_lines(raw, path, ALLOWED):
            if number == 1 and not is_line(value):
                raise unreadable(path, "not a Claude Code session", ALLOWED)
            if isinstance(value, dict):
                session.add(value)
    if not session.messages:
        raise unreadable(path, "no session in it", ALLOWED)
    return [session.conversation()]


class _Session:
    def __init__(self, path: Path):
        self.path = path
        self.ref = path.stem
        self.messages: list[Message] = []
        self.project = ""
        self.named = ""
        self.summary = ""
        self.checked: set[str] = set()

    def add(self, line: dict[str, Any]) -> None:
        kind = line.get("type")
        if kind == "custom-title":
            self.named = text(line.get("customTitle")) or self.named
            return
        if kind == "summary":
            self.summary = self.summary or text(line.get("summary"))
            return
        version = text(line.get("version"))
        if version and version not in self.checked:  # a resumed session may be newer
            self.checked.add(version)
            check_version(self.path, TOOL, version, READS_UP_TO, ALLOWED)
        if line.get("isSidechain"):
            return  # a sub-agent's steps: its prompts are the model's, not the user's
        time = moment_from_iso(line.get("timestamp"))
        if isinstance(line.get("sessionId"), str):
            self.ref = line["sessionId"]
        if not self.project and isinstance(line.get("cwd"), str) and line["cwd"]:
            self.project = PurePath(line["cwd"]).name
        if kind == "user":
            words = _prompt(line)
            self.messages.append(
                Message("user" if words is not None else "assistant", time, words or "")
            )
        elif kind in ("assistant", "system") and time is not None:
            self.messages.append(Message("assistant", time, ""))

    def conversation(self) -> Conversation:
        return Conversation(
            KIND,
            self.ref,
            title(self.named or self.summary),
            self.messages,
            project=title(self.project)[:100],
            named_by_prompt=True,
        )


def _prompt(line: dict[str, Any]) -> str | None:
    """The user's own words in a user line; None for tool results, commands and meta lines."""
    if line.get("isMeta") or line.get("isCompactSummary") or "toolUseResult" in line:
        return None
    message = line.get("message")
    content = message.get("content") if isinstance(message, dict) else None
    if isinstance(content, str):
        words = content
    elif isinstance(content, list):
        blocks = [b for b in content if isinstance(b, dict)]
        if any(b.get("type") == "tool_result" for b in blocks):
            return None
        words = "\n".join(text(b.get("text")) for b in blocks if b.get("type") == "text")
    else:
        return None
    stripped = words.lstrip().lower()
    if not stripped or stripped.startswith(_NOT_PROMPTS):
        return None
    return words


# The sessions in a file, or under a folder, of this tool.
read = reader(KIND, session_files, _read_one)
