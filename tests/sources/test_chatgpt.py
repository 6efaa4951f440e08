"""One ChatGPT conversation: the branch the user kept, which messages are turns, ids and times."""

import json
from datetime import UTC, datetime

import pytest

from aijournal.sources import chatgpt
from aijournal.sources.conversations import Message, Unreadable
from aijournal.sources.importing import plan_import

START = 1772700000  # 2026-03-05 08:40 UTC


def node(key, parent, children, role="user", words="", at=None, **message):
    content = message.pop("content", {"content_type": "text", "parts": [words]})
    body = {"author": {"role": role}, "create_time": at, "content": content, **message}
    return {"id": key, "parent": parent, "children": children, "message": body}


def raw(mapping: dict, **fields) -> dict:
    return {
        "conversation_id": "c-1",
        "title": " A  chat ",
        "create_time": START,
        **fields,
        "mapping": mapping,
    }


def branched() -> dict:
    """root → q1 → a1, where q1 was edited: q1b → a1b is the newer branch."""
    return {
        "root": node("root", None, ["q1", "q1b"], role="system"),
        "q1": node("q1", "root", ["a1"], words="first try", at=START),
        "a1": node("a1", "q1", [], role="assistant", words="answer", at=START + 60),
        "q1b": node("q1b", "root", ["a1b"], words="edited prompt", at=START + 120),
        "a1b": node("a1b", "q1b", [], role="assistant", words="secret answer", at=START + 180),
    }


def test_the_path_to_the_current_node_is_the_conversation():
    found = chatgpt.conversation(raw(branched(), current_node="a1"))
    assert [(m.role, m.text) for m in found.messages] == [("user", "first try"), ("assistant", "")]
    assert found.messages[0].time == datetime(2026, 3, 5, 8, 40, tzinfo=UTC)
    assert (found.ref, found.title, found.source) == ("c-1", "A chat", "chatgpt")


@pytest.mark.parametrize("current", [None, "gone", 7])
def test_without_a_usable_current_node_the_newest_child_is_followed(current):
    found = chatgpt.conversation(raw(branched(), current_node=current))
    assert [m.text for m in found.messages] == ["edited prompt", ""]  # answers keep no text


def test_system_tool_hidden_and_context_messages_are_no_turns():
    mapping = {
        "s": node("s", None, ["ctx"], role="system", words="You are helpful"),
        "ctx": node("ctx", "s", ["h"], content={"content_type": "user_editable_context"}),
        "h": node(
            "h",
            "ctx",
            ["q"],
            words="custom instructions",
            metadata={"is_visually_hidden_from_conversation": True},
        ),
        "q": node("q", "h", ["t"], words="Plot this CSV", at=START),
        "t": node("t", "q", ["a"], role="tool", words="tool output", at=START + 5),
        "a": node("a", "t", [], role="assistant", words="Here", at=START + 9),
    }
    found = chatgpt.conversation(raw(mapping, current_node="a"))
    assert found.messages == [
        Message("user", datetime.fromtimestamp(START, UTC), "Plot this CSV"),
        Message("assistant", datetime.fromtimestamp(START + 9, UTC), ""),
    ]


def test_parts_that_are_objects_or_text_content_keep_their_words():
    mapping = {
        "q": node("q", None, ["r"], content={"parts": ["Look:", {"text": "photo"}, {"x": 1}, 5]}),
        "r": node("r", "q", [], content={"content_type": "code", "text": "print(1)"}),
    }
    found = chatgpt.conversation(raw(mapping, current_node="r"))
    assert [m.text for m in found.messages] == ["Look:\nphoto", "print(1)"]


def test_a_cycle_of_parents_ends_the_path_instead_of_looping():
    mapping = {
        "a": node("a", "b", ["b"], words="one", at=START),
        "b": node("b", "a", ["a"], words="two", at=START + 60),
    }
    found = chatgpt.conversation(raw(mapping, current_node="b"))
    assert [m.text for m in found.messages] == ["one", "two"]


def test_ids_fall_back_to_id_then_to_a_stable_made_up_one():
    mapping = {"q": node("q", None, [], words="hi", at=START)}
    assert chatgpt.conversation(raw(mapping, conversation_id=None, id="x-9")).ref == "x-9"
    made = chatgpt.conversation(raw(mapping, conversation_id=None))
    again = chatgpt.conversation(raw(mapping, conversation_id=None))
    assert made.ref.startswith("made-up:") and made.ref == again.ref
    retitled = chatgpt.conversation(raw(mapping, conversation_id=None, title="Other"))
    assert retitled.ref != made.ref
    with pytest.raises(Unreadable, match="no id"):
        chatgpt.conversation(raw(mapping, conversation_id=None, create_time=None))
    with pytest.raises(Unreadable, match="no readable messages"):
        chatgpt.conversation({"conversation_id": "c-2", "mapping": ["not", "a", "tree"]})


def test_only_dicts_with_a_mapping_look_like_chatgpt():
    assert chatgpt.looks_like({"mapping": {}})
    assert not chatgpt.looks_like({"chat_messages": []}) and not chatgpt.looks_like(["mapping"])


def test_an_export_file_becomes_one_use_along_the_kept_branch(tmp_path):
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([raw(branched(), current_node="a1b", update_time=START + 180)]))
    [use] = plan_import(path, "chatgpt", keep_first_message=True).uses
    assert (use.tool, use.turns, use.note, use.source_ref) == ("ChatGPT", 1, "edited prompt", "c-1")
    assert use.started_at == datetime.fromtimestamp(START + 120, UTC)
