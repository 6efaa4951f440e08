"""Realistic, reproducible ChatGPT and Claude data exports for the import benchmark.

`python bench/make_exports.py OUT.json [CONVERSATIONS]` writes a ChatGPT `conversations.json`;
the shapes follow real exports (a node tree with a system root, hidden context, regenerated
branches, tool output, per-message metadata) with made-up text.
"""

from __future__ import annotations

import json
import random
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

_WORDS = (
    "the data report model query function customer team draft email review test "
    "deploy error value table chart summary meeting plan budget design user server "
    "python sql script feature release bug issue page section format style clear "
    "quick simple better version update change result output input file list"
).split()
_ASKS = (
    "Explain how {w} works and why it matters for the {w2}.",
    "Write a {w} for the {w2}, about {n} sentences.",
    "Can you check my {w}? Is this correct?",
    "Make it shorter and more formal.",
    "Now add a paragraph about the {w2}.",
    "What is the difference between a {w} and a {w2}?",
    "Change the {w} to use the {w2} instead.",
    "Proofread this: {text}",
    "Here is my code:\n```python\n{code}\n```\nWhy does it fail?",
    'I get this:\nTraceback (most recent call last):\n  File "main.py", line {n}, in <module>\n'
    "    run()\nKeyError: '{w}'",
    "Still doesn't work, same error.",
    "Thanks! Summarise the {w} in three bullet points.",
)
_ROLES_NOT_SHOWN = ("system", "tool")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(6, 18))
    return " ".join(words).capitalize() + "."


def _paragraphs(rng: random.Random, low: int, high: int) -> str:
    return "\n\n".join(
        " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
        for _ in range(rng.randint(low, high))
    )


def _ask(rng: random.Random) -> str:
    code = "\n".join(
        f"    {rng.choice(_WORDS)} = {rng.choice(_WORDS)}({rng.randint(1, 99)})"
        for _ in range(rng.randint(3, 25))
    )
    return rng.choice(_ASKS).format(
        w=rng.choice(_WORDS),
        w2=rng.choice(_WORDS),
        n=rng.randint(2, 80),
        text=_paragraphs(rng, 1, 2),
        code=code,
    )


def _node(
    node_id: str, parent: str | None, role: str | None, time: float | None, content: dict | None
) -> dict:
    message = (
        None
        if role is None
        else {
            "id": node_id,
            "author": {"role": role, "name": None, "metadata": {}},
            "create_time": time,
            "update_time": None,
            "content": content,
            "status": "finished_successfully",
            "end_turn": role == "assistant",
            "weight": 1.0,
            "metadata": {
                "model_slug": "gpt-4o",
                "default_model_slug": "gpt-4o",
                "request_id": node_id.replace("-", "")[::-1],
                "message_type": "next",
                "citations": [],
                "timestamp_": "absolute",
            },
            "recipient": "all",
            "channel": None,
        }
    )
    return {"id": node_id, "message": message, "parent": parent, "children": []}


def _conversation(rng: random.Random, start: float) -> dict:
    conversation_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    mapping: dict[str, dict] = {}

    def add(role: str | None, time: float | None, content: dict | None, parent: str | None):
        node_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        mapping[node_id] = _node(node_id, parent, role, time, content)
        if parent:
            mapping[parent]["children"].append(node_id)
        return node_id

    current = add(None, None, None, None)
    current = add("system", None, {"content_type": "text", "parts": [""]}, current)
    if rng.random() < 0.3:
        current = add(
            "user",
            None,
            {
                "content_type": "user_editable_context",
                "user_profile": _sentence(rng),
                "user_instructions": "",
            },
            current,
        )
    time = start
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4, 5, 6, 8, 12, 20))):
        time += rng.randint(20, 600) if rng.random() > 0.05 else rng.randint(3700, 90_000)
        current = add("user", time, {"content_type": "text", "parts": [_ask(rng)]}, current)
        if rng.random() < 0.15:  # a regenerated answer: the first one stays on a side branch
            add(
                "assistant",
                time + 5,
                {"content_type": "text", "parts": [_paragraphs(rng, 1, 4)]},
                current,
            )
        if rng.random() < 0.1:
            current = add(
                "tool",
                time + 8,
                {"content_type": "execution_output", "text": _sentence(rng)},
                current,
            )
        time += rng.randint(5, 60)
        current = add(
            "assistant", time, {"content_type": "text", "parts": [_paragraphs(rng, 1, 6)]}, current
        )
    return {
        "title": _sentence(rng)[:40].rstrip(". "),
        "create_time": start,
        "update_time": time,
        "mapping": mapping,
        "moderation_results": [],
        "current_node": current,
        "plugin_ids": None,
        "conversation_id": conversation_id,
        "conversation_template_id": None,
        "gizmo_id": None,
        "is_archived": False,
        "safe_urls": [],
        "default_model_slug": "gpt-4o",
        "id": conversation_id,
    }


def chatgpt_export(path: Path, conversations: int = 5000, seed: int = 1) -> Path:
    """Write a ChatGPT `conversations.json` with this many conversations over two years."""
    rng = random.Random(seed)
    first = datetime(2024, 1, 1, tzinfo=UTC).timestamp()
    span = 2 * 365 * 86400
    starts = sorted(first + rng.random() * span for _ in range(conversations))
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        for index, start in enumerate(starts):
            if index:
                out.write(", ")
            json.dump(_conversation(rng, start), out, ensure_ascii=False)
        out.write("]")
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "conversations.json")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    chatgpt_export(target, count)
    print(f"Wrote {count} conversations to {target} ({target.stat().st_size / 1e6:.0f} MB).")


def chatgpt_sharded_export(
    path: Path, conversations: int = 5000, shard: int = 500, seed: int = 1
) -> Path:
    """The 2026 form: a zip of conversations-000.json, -001, … with `shard` conversations each."""
    import zipfile

    rng = random.Random(seed)
    first = datetime(2024, 1, 1, tzinfo=UTC).timestamp()
    starts = sorted(first + rng.random() * 2 * 365 * 86400 for _ in range(conversations))
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("chat.html", "<html><body>ChatGPT export</body></html>")
        for number, start in enumerate(range(0, conversations, shard)):
            items = [_conversation(rng, s) for s in starts[start : start + shard]]
            archive.writestr(f"conversations-{number:03d}.json", json.dumps(items))
    return path


def _code_block(rng: random.Random, lines: int) -> str:
    return "\n".join(
        f"{' ' * rng.choice((0, 4, 8))}{rng.choice(_WORDS)}_{rng.randint(1, 99)} = "
        f"{rng.choice(_WORDS)}({rng.choice(_WORDS)!r}, {rng.randint(1, 999)})"
        for _ in range(lines)
    )


def claude_code_sessions(root: Path, sessions: int = 1000, seed: int = 1) -> Path:
    """A ~/.claude/projects folder: `sessions` JSONL files over 40 projects, about 200 kB each
    (prompts, answers, tool calls and tool results with file contents), as Claude Code 2.x
    writes them."""
    rng = random.Random(seed)
    root = Path(root)
    first = datetime(2025, 6, 1, tzinfo=UTC).timestamp()
    for number in range(sessions):
        project = f"project-{number % 40:02d}"
        session_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        folder = root / f"-home-sam-code-{project}"
        folder.mkdir(parents=True, exist_ok=True)
        common = {
            "isSidechain": False,
            "userType": "external",
            "cwd": f"/home/sam/code/{project}",
            "sessionId": session_id,
            "version": "2.0.61",
            "gitBranch": "main",
        }
        moment = first + number * 3600 * 7
        lines = []
        parent = None
        for _ in range(rng.randint(4, 12)):
            steps = [("user", {"role": "user", "content": _ask(rng)})]
            for call in range(rng.randint(2, 6)):
                steps.append(
                    (
                        "assistant",
                        {
                            "id": f"msg_{rng.getrandbits(64):x}",
                            "type": "message",
                            "role": "assistant",
                            "model": "claude-sonnet-4-5",
                            "content": [
                                {"type": "text", "text": _paragraphs(rng, 1, 2)},
                                {
                                    "type": "tool_use",
                                    "id": f"toolu_{call}",
                                    "name": rng.choice(("Read", "Edit", "Bash", "Grep")),
                                    "input": {"file_path": f"src/{rng.choice(_WORDS)}.py"},
                                },
                            ],
                            "usage": {"input_tokens": rng.randint(100, 9000)},
                        },
                    )
                )
                steps.append(
                    (
                        "user",
                        {
                            "role": "user",
                            "content": [
                                {
                                    "type": "tool_result",
                                    "tool_use_id": f"toolu_{call}",
                                    "content": _code_block(rng, rng.randint(30, 200)),
                                }
                            ],
                        },
                    )
                )
            steps.append(
                (
                    "assistant",
                    {
                        "role": "assistant",
                        "content": [{"type": "text", "text": _paragraphs(rng, 1, 4)}],
                    },
                )
            )
            for kind, message in steps:
                moment += rng.randint(2, 40)
                key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                line = {"parentUuid": parent, **common, "type": kind, "message": message}
                line["uuid"] = key
                line["timestamp"] = datetime.fromtimestamp(moment, UTC).isoformat()
                if kind == "user" and isinstance(message["content"], list):
                    line["toolUseResult"] = {"stdout": "", "stderr": ""}
                lines.append(json.dumps(line))
                parent = key
            moment += rng.randint(60, 600)
        (folder / f"{session_id}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root
