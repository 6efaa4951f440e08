"""OpenAI Codex CLI sessions: `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl` (~/.codex).

Three generations of the format are read:
- "json" (the TypeScript CLI, 2025): `sessions/rollout-*.json`, one object with `session`
  (id, timestamp) and `items` (the conversation), no times per message;
- "jsonl" (the first Rust CLI): a first line with the session's id and timestamp, then one
  conversation item per line, also without times;
- "envelope" (since late 2025): every line is `{timestamp, type, payload}`, with a
  `session_meta` line (id, cwd, cli_version) and the user's prompts as `user_message` events.
What is read: the session id, times, the working folder's *name*, and the text of the user's
own prompts for the suggestion. The instructions and environment blocks Codex adds to every
session, tool calls and their output are never looked into.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any

from aijournal.sources import files
from aijournal.sources.conversations import (
    Conversation,
    Message,
    moment_from_iso,
    plausible,
    text,
    title,
)
from aijournal.sources.files import unreadable
from aijournal.sources.local import Probe, check_version, reader

KIND = "codex"
TOOL = "Codex CLI"
READS_UP_TO = 0  # the newest major version whose format this reader knows
ALLOWED = "use a Codex CLI session ($CODEX_HOME/sessions/…/rollout-*.jsonl) or its folder"
_ADDED_BY_CODEX = ("<environment_context>", "<user_instructions>", "# agents.md", "<user_shell")
_ENVELOPE_TYPES = {"session_meta", "response_item", "event_msg", "turn_context", "compacted"}
_CWD = re.compile(r"<cwd>([^<\n]{1,500})</cwd>")


def locations(env: Mapping[str, str], home: Path) -> list[Path]:
    base = Path(env["CODEX_HOME"]).expanduser() if env.get("CODEX_HOME") else home / ".codex"
    return [base / "sessions"]


def is_session_file(path: Path) -> bool:
    return path.name.startswith("rollout-") and path.suffix in (".jsonl", ".json")


def session_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return files.find_files(root, is_session_file, depth=4)


def generation(first: Any, path: Path) -> str:
    """Which generation of the format a file's first value is; FileRefused if none."""
    if isinstance(first, dict):
        if text(first.get("type")) in _ENVELOPE_TYPES and isinstance(first.get("payload"), dict):
            return "envelope"
        if isinstance(first.get("session"), dict) and isinstance(first.get("items"), list):
            return "json"
        if isinstance(first.get("id"), str) and "timestamp" in first and "type" not in first:
            return "jsonl"
        if isinstance(first.get("type"), str) and isinstance(first.get("payload"), dict):
            raise unreadable(
                path,
                f"a kind of Codex line this version does not know ({first['type'][:40]}); "
                "update AI Journal",
                ALLOWED,
            )
    raise unreadable(path, "not a Codex CLI session", ALLOWED)


def probe(path: Path) -> Probe:
    first = _first_value(path)
    kind = generation(first, path)
    version = ""
    if kind == "envelope" and first.get("type") == "session_meta":
        version = text(first["payload"].get("cli_version"))
        check_version(path, TOOL, version, READS_UP_TO, ALLOWED)
    return Probe(KIND, kind, version)


def _first_value(path: Path) -> Any:
    if path.suffix == ".json":
        return files.read_json(path, ALLOWED)
    with files.open_file(path, ALLOWED) as raw:
        for _, value in files.json_lines(raw, path, ALLOWED):
            return value
    raise unreadable(path, "no session in it", ALLOWED)


def _read_one(path: Path) -> list[Conversation]:
    if path.suffix == ".json":
        data = files.read_json(path, ALLOWED)
        generation(data, path)
        session = data["session"]
        values = list(data["items"])
        meta = {"id": session.get("id"), "timestamp": session.get("timestamp")}
        return [_untimed(path, meta, values)]
    with files.open_file(path, ALLOWED) as raw:
        values = [value for _, value in files.json_lines(raw, path, ALLOWED)]
    if not values:
        raise unreadable(path, "no session in it", ALLOWED)
    if generation(values[0], path) == "jsonl":
        return [_untimed(path, values[0], values[1:])]
    return [_envelope(path, values)]


def _user_words(item: Any) -> str | None:
    """The user's words in a conversation item; None when it is anything else."""
    if not (
        isinstance(item, dict) and item.get("type") == "message" and item.get("role") == "user"
    ):
        return None
    content = item.get("content")
    blocks = content if isinstance(content, list) else []
    words = "\n".join(
        text(b.get("text")) for b in blocks if isinstance(b, dict) and b.get("type") == "input_text"
    )
    return (
        None if words.lstrip().lower().startswith(_ADDED_BY_CODEX) or not words.strip() else words
    )


def _folder_name(items: list[Any]) -> str:
    """The working folder's name, from the environment block Codex adds (only the name)."""
    for item in items[:5]:
        if isinstance(item, dict) and isinstance(item.get("content"), list):
            for block in item["content"]:
                found = _CWD.search(text(block.get("text")) if isinstance(block, dict) else "")
                if found:
                    return PurePath(found.group(1).strip()).name
    return ""


def _untimed(path: Path, meta: dict[str, Any], items: list[Any]) -> Conversation:
    """The two older generations: times only for the session's start and the file's last write."""
    messages = [
        Message("user", None, words)
        if (words := _user_words(i)) is not None
        else Message("assistant", None, "")
        for i in items
        if isinstance(i, dict) and "record_type" not in i
    ]
    started = moment_from_iso(meta.get("timestamp"))
    written = (
        plausible(datetime.fromtimestamp(files.modified(path), UTC))
        if files.modified(path)
        else None
    )
    return Conversation(
        KIND,
        text(meta.get("id")) or path.stem,
        "",
        messages,
        started,
        written,
        project=title(_folder_name(items))[:100],
        named_by_prompt=True,
    )


def _envelope(path: Path, lines: list[Any]) -> Conversation:
    meta: dict[str, Any] = {}
    prompts: list[Message] = []
    answers: list[Message] = []
    fallback: list[Message] = []
    for line in lines:
        if not isinstance(line, dict) or not isinstance(line.get("payload"), dict):
            continue
        kind, payload = line.get("type"), line["payload"]
        time = moment_from_iso(line.get("timestamp"))
        if kind == "session_meta":
            meta = meta or payload
            check_version(path, TOOL, text(payload.get("cli_version")), READS_UP_TO, ALLOWED)
        elif kind == "event_msg" and payload.get("type") == "user_message":
            words = text(payload.get("message"))
            if words.strip() and not words.lstrip().lower().startswith(_ADDED_BY_CODEX):
                prompts.append(Message("user", time, words))
        elif kind == "response_item" and (item_words := _user_words(payload)) is not None:
            fallback.append(Message("user", time, item_words))  # sessions written without events
        elif time is not None:
            answers.append(Message("assistant", time, ""))
    users = prompts or fallback
    order = sorted(users + answers, key=lambda m: m.time or datetime.min.replace(tzinfo=UTC))
    cwd = text(meta.get("cwd"))
    return Conversation(
        KIND,
        text(meta.get("id")) or path.stem,
        "",
        order,
        moment_from_iso(meta.get("timestamp")),
        project=title(PurePath(cwd).name if cwd else "")[:100],
        named_by_prompt=True,
    )


# The sessions in a file, or under a folder, of this tool.
read = reader(KIND, session_files, _read_one)
