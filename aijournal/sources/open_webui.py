"""Open WebUI: its chat export (Settings → Chats → Export, a JSON list) or a copy of webui.db.

A chat keeps its messages as a tree (`history.messages`: id -> message with `parentId`) with
`history.currentId` the message the user ended on; regenerated answers and edited prompts are
side branches and do not count. Older exports have only the flat `messages` list. The database
is read from a copy, read-only: only the `chat` table's id, title, chat and times.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aijournal.sources.conversations import (
    Conversation,
    Message,
    Reading,
    Unreadable,
    made_up_ref,
    moment_from_iso,
    moment_from_unix,
    text,
    title,
)
from aijournal.sources.files import unreadable
from aijournal.storage import foreign

KIND = "open-webui"
TABLE, COLUMNS = "chat", ("id", "title", "chat", "created_at", "updated_at")
ALLOWED_DB = "use a copy of Open WebUI's webui.db, or its chat export (.json)"


def looks_like(item: Any) -> bool:
    return isinstance(item, dict) and isinstance(item.get("chat"), dict)


def _moment(value: Any):
    return moment_from_unix(value) or moment_from_iso(value)


def conversation(raw: dict[str, Any], projects: dict[str, str] | None = None) -> Conversation:
    """One Open WebUI chat (an item of the export, or a row of the chat table as a dict)."""
    chat = raw.get("chat")
    if not isinstance(chat, dict):
        raise Unreadable("no readable messages")
    history = chat.get("history")
    if isinstance(history, dict) and isinstance(history.get("messages"), dict):
        messages = _kept_branch(history["messages"], history.get("currentId"))
    elif isinstance(chat.get("messages"), list):
        messages = [m for m in chat["messages"] if isinstance(m, dict)]
    else:
        raise Unreadable("a kind of chat this version does not know")
    created = _moment(raw.get("created_at")) or _moment(chat.get("timestamp"))
    name = text(raw.get("title")) or text(chat.get("title"))
    ref = text(raw.get("id")) or text(chat.get("id")) or made_up_ref(name, created)
    return Conversation(
        KIND,
        ref,
        title(name),
        [m for m in map(_message, messages) if m is not None],
        created,
        _moment(raw.get("updated_at")),
    )


def _kept_branch(messages: dict[str, Any], current: Any) -> list[dict[str, Any]]:
    nodes = {key: m for key, m in messages.items() if isinstance(m, dict)}
    if not (isinstance(current, str) and current in nodes):
        # No usable currentId: the newest message is where the user ended.
        if not nodes:
            return []
        current = max(nodes, key=lambda k: (_number(nodes[k].get("timestamp")), k))
    path: list[dict[str, Any]] = []
    seen: set[str] = set()
    key: Any = current
    while isinstance(key, str) and key in nodes and key not in seen:  # `seen`: no cycles
        seen.add(key)
        path.append(nodes[key])
        key = nodes[key].get("parentId")
    path.reverse()
    return path


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _message(raw: dict[str, Any]) -> Message | None:
    role = raw.get("role")
    if role not in ("user", "assistant"):
        return None
    words = _content(raw.get("content")) if role == "user" else ""
    return Message(role, _moment(raw.get("timestamp")), words)


def _content(content: Any) -> str:
    if isinstance(content, list):
        return "\n".join(
            text(block.get("text"))
            for block in content
            if isinstance(block, dict) and block.get("type") == "text"
        )
    return text(content)


# ---- the database --------------------------------------------------------------------------


def is_database(path: Path) -> bool:
    return path.is_file() and foreign.is_sqlite(path)


def read_database(path: Path, reading: Reading) -> Iterator[Conversation]:
    """The chats in (a copy of) webui.db; InvalidInput when it is no Open WebUI database."""
    try:
        found = list(foreign.rows(path, TABLE, COLUMNS))
    except foreign.NotSQLite as error:
        raise unreadable(path, f"it cannot be read: {error}", ALLOWED_DB) from None
    except foreign.MissingColumns as error:
        raise unreadable(
            path,
            f"{error}: another program's database, or a version of Open WebUI that this "
            "version of AI Journal does not know",
            ALLOWED_DB,
        ) from None
    reading.kind, reading.files = KIND, reading.files + 1
    for chat_id, name, chat, created, updated in found:
        try:
            data = json.loads(chat) if isinstance(chat, str | bytes) else None
        except ValueError:
            data = None
        if not isinstance(data, dict):
            reading.skipped["not a chat"] += 1
            continue
        row = {"id": chat_id, "title": name, "chat": data, "created_at": created}
        row["updated_at"] = updated
        try:
            yield conversation(row)
        except Unreadable as reason:
            reading.skipped[str(reason)] += 1
