"""ChatGPT data exports: one conversation of `conversations.json` (or of a 2026 shard).

Each conversation is a tree (`mapping`: node id -> message, parent, children). Regenerated
answers and edited prompts start side branches; the path to `current_node` is the conversation
as the user last saw it, so abandoned branches do not count as turns. Without a usable
`current_node`, the newest child (the last one listed) is followed from the root down.
"""

from __future__ import annotations

from typing import Any

from aijournal.sources.conversations import (
    Conversation,
    Message,
    Unreadable,
    made_up_ref,
    moment_from_unix,
    text,
    title,
)

KIND = "chatgpt"


def looks_like(item: Any) -> bool:
    return isinstance(item, dict) and "mapping" in item


def conversation(raw: dict[str, Any], projects: dict[str, str] | None = None) -> Conversation:
    """One ChatGPT conversation, along the branch the user kept."""
    mapping = raw.get("mapping")
    if not isinstance(mapping, dict):
        raise Unreadable("no readable messages")
    created = moment_from_unix(raw.get("create_time"))
    ref = (
        text(raw.get("conversation_id"))
        or text(raw.get("id"))
        or made_up_ref(text(raw.get("title")), created)
    )
    messages = []
    for node in _path(mapping, raw.get("current_node")):
        message = node.get("message")
        if isinstance(message, dict) and (kept := _message(message)):
            messages.append(kept)
    return Conversation(
        KIND,
        ref,
        title(raw.get("title")),
        messages,
        created,
        moment_from_unix(raw.get("update_time")),
    )


def _path(mapping: dict[str, Any], current: Any) -> list[dict[str, Any]]:
    nodes = {key: node for key, node in mapping.items() if isinstance(node, dict)}
    path: list[dict[str, Any]] = []
    seen: set[str] = set()
    if _is_node(current, nodes):
        key: Any = current
        while _is_node(key, nodes) and key not in seen:  # `seen`: no cycles
            seen.add(key)
            path.append(nodes[key])
            key = nodes[key].get("parent")
        path.reverse()
        return path
    key = next((k for k, node in nodes.items() if not _is_node(node.get("parent"), nodes)), None)
    while key is not None and key not in seen:
        seen.add(key)
        path.append(nodes[key])
        children = nodes[key].get("children")
        children = [c for c in children if _is_node(c, nodes)] if isinstance(children, list) else []
        key = children[-1] if children else None
    return path


def _is_node(key: Any, nodes: dict[str, Any]) -> bool:
    return isinstance(key, str) and key in nodes


def _message(message: dict[str, Any]) -> Message | None:
    author = message.get("author")
    role = author.get("role") if isinstance(author, dict) else None
    if role not in ("user", "assistant"):
        return None  # system prompts and tool output are not turns
    metadata = message.get("metadata")
    if isinstance(metadata, dict) and metadata.get("is_visually_hidden_from_conversation"):
        return None  # custom instructions travel as hidden user messages
    content = message.get("content")
    content = content if isinstance(content, dict) else {}
    if content.get("content_type") == "user_editable_context":
        return None
    # Only the user's words feed the rules and the note; an answer's text is never needed.
    words = _text(content) if role == "user" else ""
    return Message(role, moment_from_unix(message.get("create_time")), words)


def _text(content: dict[str, Any]) -> str:
    parts = content.get("parts")
    if isinstance(parts, list):
        texts = [
            p if isinstance(p, str) else text(p.get("text")) if isinstance(p, dict) else ""
            for p in parts
        ]
        return "\n".join(t for t in texts if t)
    return text(content.get("text"))  # "code", "execution_output" and newer kinds
