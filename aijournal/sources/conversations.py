"""What every source reads its files into, and how that becomes AI uses to review.

Each reader turns its tool's files into `Conversation`s: an id, a title, the project folder's
name where there is one, and the messages with their times. Only the user's own words are
kept in a message, and only until the suggestion has been made: what an AI use keeps is the
start, the minutes, the tool, the title (or the start of the first prompt), the number of the
user's turns, the project folder's name and the suggestion. Message text is never stored unless
the user asks to keep the first message of a session as the note.

One conversation becomes one AI use per *session*: a new session starts when the user writes
again more than `SESSION_GAP` after the previous message.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aijournal.model import records as r
from aijournal.sources.suggestions import Suggestion, suggest

TOOLS = {
    "chatgpt": "ChatGPT",
    "claude": "Claude",
    "claude-code": "Claude Code",
    "codex": "Codex CLI",
    "aider": "Aider",
    "open-webui": "Open WebUI",
}
RECORD_SOURCES = {
    "chatgpt": "chatgpt-export",
    "claude": "claude-export",
    "claude-code": "claude-code",
    "codex": "codex",
    "aider": "aider",
    "open-webui": "open-webui",
}
SESSION_GAP = timedelta(minutes=60)
MAX_SESSION_MINUTES = 180
MIN_SESSION_MINUTES = 1
NOTE_LIMIT = 500
TITLE_FROM_PROMPT = 80  # a session without a title is named by the start of its first prompt
UNTITLED = "Untitled conversation"


class Unreadable(Exception):
    """A conversation that cannot become an AI use; the message is the reason shown."""


@dataclass(frozen=True, slots=True)
class Message:
    role: str  # "user" or "assistant" (tool output and agent steps count as "assistant")
    time: datetime | None
    text: str  # the user's words; always "" for anything else


@dataclass(frozen=True)
class Conversation:
    source: str  # a key of TOOLS
    ref: str
    title: str
    messages: list[Message]
    created: datetime | None = None
    updated: datetime | None = None
    project: str = ""  # the project folder's name (coding agents) or project (Claude)
    # Tools without titles (coding agents) are named by the start of the first prompt.
    named_by_prompt: bool = False


# ---- values from foreign files -----------------------------------------------------------


def moment_from_unix(value: Any) -> datetime | None:
    """A time from Unix seconds (or milliseconds, which some tools write); None if unusable."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value > 1e11:  # milliseconds: no session happened in the year 5000
        value = value / 1000
    try:
        return plausible(datetime.fromtimestamp(value, UTC))
    except (OverflowError, OSError, ValueError):
        return None


def moment_from_iso(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return plausible(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def plausible(moment: datetime) -> datetime | None:
    # Far-off years are broken data, and converting them to local time can overflow.
    return moment if 2000 <= moment.year <= 2200 else None


def text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def title(value: Any) -> str:
    return storable(" ".join(text(value).split())[:500])


def storable(value: str) -> str:
    """The text with lone surrogates (valid JSON, invalid UTF-8) replaced, so SQLite takes it."""
    try:
        value.encode()
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def made_up_ref(name: str, created: datetime | None) -> str:
    """A stable stand-in id (title and start time) for a conversation that lacks one."""
    if created is None:
        raise Unreadable("no id")
    key = f"{title(name)}|{created.isoformat()}"
    return "made-up:" + hashlib.sha256(key.encode()).hexdigest()[:24]


def from_prompt(prompt: str) -> str:
    """A title from the start of the first prompt: its first line, cut at a word."""
    line = " ".join(prompt.strip().split("\n", 1)[0].split()) if prompt.strip() else ""
    if len(line) <= TITLE_FROM_PROMPT:
        return storable(line)
    cut = line[:TITLE_FROM_PROMPT].rsplit(" ", 1)[0]
    return storable(cut + "…")


# ---- sessions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Session:
    """A stretch of one conversation without a pause longer than `SESSION_GAP`."""

    start: datetime
    minutes: int
    user_turns: list[str]


def sessions(conversation: Conversation) -> list[Session]:
    """The conversation's sessions; raises Unreadable when it has no turn or no time at all."""
    turns = [m for m in conversation.messages if m.role == "user"]
    if not turns:
        raise Unreadable("no readable messages")
    if all(m.time is None for m in conversation.messages):
        return [_untimed_session(conversation, [m.text for m in turns])]
    found: list[Session] = []
    first: datetime | None = None
    last: datetime | None = None
    texts: list[str] = []
    for message in conversation.messages:
        moment = message.time or last or conversation.created  # a missing time: as before
        if moment is None:
            moment = next(m.time for m in conversation.messages if m.time is not None)
        if message.role == "user" and last is not None and moment - last > SESSION_GAP:
            if texts and first is not None:  # a stretch of answers alone is no session
                found.append(_session(first, last, texts))
            first, texts = moment, []
        first = first or moment
        last = max(last, moment) if last else moment
        if message.role == "user":
            texts.append(message.text)
    if texts and first is not None and last is not None:
        found.append(_session(first, last, texts))
    return found


def _session(first: datetime, last: datetime, texts: list[str]) -> Session:
    minutes = round((last - first).total_seconds() / 60)
    return Session(first, min(max(minutes, MIN_SESSION_MINUTES), MAX_SESSION_MINUTES), texts)


def _untimed_session(conversation: Conversation, texts: list[str]) -> Session:
    """No message has a time: the conversation's own times, trusted only over a short span."""
    start, end = conversation.created, conversation.updated
    if start is None:
        raise Unreadable("no time")
    span = end - start if end and timedelta(0) <= end - start <= SESSION_GAP else timedelta(0)
    return _session(start, start + span, texts)


# ---- conversations -> AI uses ------------------------------------------------------------


@dataclass(frozen=True)
class PlannedUse:
    use: r.AIUse
    conversation: str  # the conversation's id
    split: bool  # the conversation became more than one session
    rule: Suggestion  # what the rules suggested, kept to learn from and to go back to


def ai_uses(conversation: Conversation, *, keep_first_message: bool = False) -> list[PlannedUse]:
    """One AI use per session of the conversation, with a suggested pattern, to review."""
    found = sessions(conversation)
    planned = []
    for number, session in enumerate(found, start=1):
        suggestion = suggest(session.user_turns)
        first = session.user_turns[0]
        note = storable(first.strip()[:NOTE_LIMIT]) if keep_first_message else ""
        task = conversation.title or (from_prompt(first) if conversation.named_by_prompt else "")
        task = task or UNTITLED
        if conversation.project:
            task = f"{conversation.project}: {task}"
        use = r.AIUse(
            started_at=session.start.astimezone(),
            tool=TOOLS[conversation.source],
            pattern=suggestion.pattern,
            minutes=session.minutes,
            task=task[:500],
            note=note,
            source=RECORD_SOURCES[conversation.source],
            source_ref=conversation.ref if number == 1 else f"{conversation.ref}#{number}",
            to_review=True,
            turns=len(session.user_turns),
            suggested_pattern=suggestion.pattern,
            suggestion_confidence=suggestion.confidence,
            suggestion_reason=suggestion.reason,
        )
        planned.append(PlannedUse(use, conversation.ref, len(found) > 1, suggestion))
    return planned


@dataclass
class Reading:
    """What reading a source found besides the conversations: its kind, the files read and
    what was skipped, by reason."""

    kind: str | None = None
    files: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    skipped_files: Counter[str] = field(default_factory=Counter)
