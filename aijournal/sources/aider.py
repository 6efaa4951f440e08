"""Aider: `.aider.chat.history.md` (with `.aider.input.history` for times) in folders the user
picks.

The chat history is Markdown that Aider appends to: `# aider chat started at <time>` opens a
session, the user's prompts are lines starting `#### `, Aider's own notes start `> ` (one names
its version, "> Aider v0.86.1"), everything else is the model's answer. The input history
(prompt_toolkit's format: `# <time>` then `+` lines) gives the time of each prompt. What is
read: session starts, prompt times, the folder's *name*, and the prompts' text for the
suggestion. Commands such as `/add file.py` are not the user's turns.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from aijournal.sources import files
from aijournal.sources.conversations import Conversation, Message, plausible, title
from aijournal.sources.files import unreadable
from aijournal.sources.local import Probe, check_version, reader

KIND = "aider"
TOOL = "Aider"
READS_UP_TO = 0
CHAT = ".aider.chat.history.md"
INPUT = ".aider.input.history"
ALLOWED = f"use a folder where you ran Aider (it holds {CHAT}) or that file"
_STARTED = re.compile(r"^# aider chat started at (\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d)\s*$")
_VERSION = re.compile(r"^> Aider (v\d+\.\d+\S*)")
_INPUT_TIME = re.compile(r"^# (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?)\s*$")


def is_history(path: Path) -> bool:
    return path.name == CHAT


def session_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return files.find_files(root, is_history, depth=3) if root.is_dir() else []


def probe(path: Path) -> Probe:
    lines = _complete_lines(path)
    if not any(_STARTED.match(line) for line in lines[:50]):
        raise unreadable(path, "not an Aider chat history", ALLOWED)
    version = next((m.group(1) for line in lines[:50] if (m := _VERSION.match(line))), "")
    check_version(path, TOOL, version, READS_UP_TO, ALLOWED)
    return Probe(KIND, "markdown", version)


def _complete_lines(path: Path) -> list[str]:
    """The file's lines up to the last complete one (Aider may be writing the next)."""
    data = files.read_whole(path, ALLOWED)
    cut = data.rfind(b"\n")
    return data[: cut + 1].decode("utf-8", "replace").splitlines() if cut >= 0 else []


def _local(value: str) -> datetime | None:
    try:
        return plausible(datetime.fromisoformat(value.replace(" ", "T")).astimezone())
    except ValueError:
        return None


@dataclass
class _ChatSession:
    start: datetime
    prompts: list[str] = field(default_factory=list)
    version: str = ""


def _chat_sessions(path: Path, lines: list[str]) -> list[_ChatSession]:
    found: list[_ChatSession] = []
    prompt: list[str] | None = None
    for line in lines:
        if started := _STARTED.match(line):
            if start := _local(started.group(1)):
                found.append(_ChatSession(start))
            prompt = None
            continue
        if not found:
            continue
        if line.startswith("#### "):
            if prompt is None:
                prompt = []
                found[-1].prompts.append("")
            prompt.append(line[5:])
            found[-1].prompts[-1] = "\n".join(prompt)
            continue
        prompt = None
        if not found[-1].version and (version := _VERSION.match(line)):
            found[-1].version = version.group(1)
    if not found:
        raise unreadable(path, "not an Aider chat history", ALLOWED)
    return found


def _input_times(path: Path) -> list[datetime]:
    """When each prompt was typed, from the input history beside the chat history."""
    history = path.with_name(INPUT)
    if not history.is_file():
        return []
    times = []
    for line in _complete_lines(history):
        if (found := _INPUT_TIME.match(line)) and (moment := _local(found.group(1))):
            times.append(moment)
    return sorted(times)


def _read_one(path: Path) -> list[Conversation]:
    sessions = _chat_sessions(path, _complete_lines(path))
    times = _input_times(path)
    folder = path.parent.name
    conversations = []
    for index, session in enumerate(sessions):
        check_version(path, TOOL, session.version, READS_UP_TO, ALLOWED)
        end = sessions[index + 1].start if index + 1 < len(sessions) else None
        typed = [t for t in times if t >= session.start and (end is None or t < end)]
        messages = [Message("assistant", session.start, "")]
        for number, prompt in enumerate(session.prompts):
            moment = typed[number] if number < len(typed) else None
            is_command = prompt.lstrip().startswith("/")
            messages.append(
                Message("assistant" if is_command else "user", moment, "" if is_command else prompt)
            )
        if not any(m.role == "user" for m in messages):
            continue  # opened and closed without a prompt
        first = next(m.text for m in messages if m.role == "user")
        digest = hashlib.sha256(first.encode("utf-8", "replace")).hexdigest()[:12]
        conversations.append(
            Conversation(
                KIND,
                f"{session.start.isoformat()}:{digest}",
                "",
                messages,
                session.start,
                project=title(folder)[:100],
                named_by_prompt=True,
            )
        )
    return conversations


# The sessions in a file, or under a folder, of this tool.
read = reader(KIND, session_files, _read_one)
