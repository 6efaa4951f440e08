"""Claude data exports: one conversation of `conversations.json` (a `data-…-batch-NNNN.zip`).

Messages are listed in `chat_messages`. An edited prompt or a retried answer starts a branch:
each message names its `parent_message_uuid`, and only the path from the root to the message
the user ended on (`current_leaf_message_uuid`, or else the newest message) is the conversation
they kept. Older exports without parents are read in their listed order.
"""

from __future__ import annotations

from typing import Any

from aijournal.sources.conversations import (
    Conversation,
    Message,
    Unreadable,
    made_up_ref,
    moment_from_iso,
    text,
    title,
)

KIND = "claude"
_ROLES = {"human": "user", "assistant": "assistant"}


def looks_like(item: Any) -> bool:
    return isinstance(item, dict) and "chat_messages" in item


def conversation(raw: dict[str, Any], projects: dict[str, str] | None = None) -> Conversation:
    """One Claude conversation, along the branch the user kept; `projects`: uuid -> name."""
    chat = raw.get("chat_messages")
    if not isinstance(chat, list):
        raise Unreadable("no readable messages")
    created = moment_from_iso(raw.get("created_at"))
    ref = text(raw.get("uuid")) or made_up_ref(text(raw.get("name")), created)
    kept = _kept_branch(
        [m for m in chat if isinstance(m, dict)], raw.get("current_leaf_message_uuid")
    )
    messages = [m for m in map(_message, kept) if m is not None]
    return Conversation(
        KIND,
        ref,
        title(raw.get("name")),
        messages,
        created,
        moment_from_iso(raw.get("updated_at")),
        project=_project(raw, projects or {}),
    )


def _kept_branch(chat: list[dict[str, Any]], leaf: Any) -> list[dict[str, Any]]:
    """The messages from the root to the leaf the user ended on, in order."""
    by_id = {m["uuid"]: m for m in chat if isinstance(m.get("uuid"), str)}
    if not any(_key(m.get("parent_message_uuid")) in by_id for m in chat):
        return chat  # no branches (or no parents at all): the list is the conversation
    if _key(leaf) not in by_id:
        # The newest message; among equal times the last listed, as the site shows it.
        newest = max(range(len(chat)), key=lambda i: (text(chat[i].get("created_at")), i))
        leaf = _key(chat[newest].get("uuid"))
        if leaf not in by_id:
            return chat
    path: list[dict[str, Any]] = []
    seen: set[str] = set()
    key = _key(leaf)
    while key is not None and key in by_id and key not in seen:  # `seen`: no cycles
        seen.add(key)
        path.append(by_id[key])
        key = _key(by_id[key].get("parent_message_uuid"))
    path.reverse()
    return path


def _key(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _project(raw: dict[str, Any], projects: dict[str, str]) -> str:
    project = raw.get("project")
    uuid = raw.get("project_uuid") or (project.get("uuid") if isinstance(project, dict) else None)
    if isinstance(project, dict) and isinstance(project.get("name"), str):
        return title(project["name"])[:100]
    return title(projects.get(uuid, ""))[:100] if isinstance(uuid, str) else ""


def project_names(items: Any) -> dict[str, str]:
    """uuid -> name from a Claude export's projects.json (nothing else in it is read)."""
    if not isinstance(items, list):
        return {}
    return {
        p["uuid"]: p["name"]
        for p in items
        if isinstance(p, dict) and isinstance(p.get("uuid"), str) and isinstance(p.get("name"), str)
    }


def _message(raw: Any) -> Message | None:
    if not isinstance(raw, dict):
        return None
    sender = raw.get("sender")
    role = _ROLES.get(sender) if isinstance(sender, str) else None
    if role is None:
        return None
    words = _text(raw) if role == "user" else ""
    return Message(role, moment_from_iso(raw.get("created_at")), words)


def _text(raw: dict[str, Any]) -> str:
    words = text(raw.get("text"))
    if not words and isinstance(blocks := raw.get("content"), list):
        words = "\n".join(
            text(b.get("text")) for b in blocks if isinstance(b, dict) and b.get("type") == "text"
        )
    # Claude turns long pastes into attachments: they are what the feedback-loop rule looks for.
    attachments = raw.get("attachments")
    pasted = (
        [text(a.get("extracted_content")) for a in attachments if isinstance(a, dict)]
        if isinstance(attachments, list)
        else []
    )
    return "\n".join(t for t in (words, *pasted) if t)
