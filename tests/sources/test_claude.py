"""One Claude conversation: the kept branch, senders, pasted attachments, projects and ids."""

import json

import pytest

from aijournal.sources import claude
from aijournal.sources.conversations import Unreadable
from aijournal.sources.importing import plan_import


def message(uuid, sender="human", words="", minute=0, parent=None, **extra):
    found = {
        "uuid": uuid,
        "sender": sender,
        "text": words,
        "created_at": f"2026-03-05T09:{minute:02d}:00Z",
        **extra,
    }
    if parent is not None:
        found["parent_message_uuid"] = parent
    return found


def raw(chat: list, **fields) -> dict:
    return {
        "uuid": "k-1",
        "name": "Cover letter",
        "created_at": "2026-03-05T09:00:00Z",
        "chat_messages": chat,
        **fields,
    }


def branched() -> list:
    """m1 → m2, then m1's answer retried: m1 → m3 → m4 (listed last, the newest)."""
    return [
        message("m1", words="Review my letter", minute=0),
        message("m2", "assistant", "First answer", minute=1, parent="m1"),
        message("m3", "assistant", "Retried answer", minute=2, parent="m1"),
        message("m4", words="Shorter, please", minute=3, parent="m3"),
    ]


def texts(found) -> list[tuple[str, str]]:
    return [(m.role, m.text) for m in found.messages]


def test_the_named_leaf_decides_the_branch():
    found = claude.conversation(raw(branched(), current_leaf_message_uuid="m2"))
    assert texts(found) == [("user", "Review my letter"), ("assistant", "")]


@pytest.mark.parametrize("leaf", [None, "no-such-message"])
def test_without_a_known_leaf_the_newest_message_ends_the_branch(leaf):
    found = claude.conversation(raw(branched(), current_leaf_message_uuid=leaf))
    assert texts(found) == [
        ("user", "Review my letter"),
        ("assistant", ""),
        ("user", "Shorter, please"),
    ]


def test_without_parents_the_listed_order_is_the_conversation_and_odd_senders_drop():
    chat = [
        message("a", words="one", minute=5),
        message("b", "assistant", "reply", minute=6),
        message("c", "system", "hidden", minute=7),
        "not a message",
        message("d", words="two", minute=1),  # listed last, though earlier
    ]
    found = claude.conversation(raw(chat))
    assert texts(found) == [("user", "one"), ("assistant", ""), ("user", "two")]


def test_content_blocks_and_pasted_attachments_are_the_users_words():
    chat = [
        message(
            "a",
            words="",
            content=[{"type": "text", "text": "Why does this fail?"}, {"type": "image"}],
            attachments=[{"extracted_content": "Traceback (most recent call last)"}, "junk"],
        )
    ]
    [first] = claude.conversation(raw(chat)).messages
    assert first.text == "Why does this fail?\nTraceback (most recent call last)"


def test_a_project_comes_from_the_conversation_or_from_projects_json():
    names = claude.project_names(
        [{"uuid": "p-1", "name": "Job hunt"}, {"uuid": 5, "name": "x"}, "junk"]
    )
    assert names == {"p-1": "Job hunt"}
    assert claude.project_names({"uuid": "p-1"}) == {}
    by_uuid = claude.conversation(raw([message("a", words="hi")], project_uuid="p-1"), names)
    assert by_uuid.project == "Job hunt"
    inline = claude.conversation(raw([message("a", words="hi")], project={"name": "Move house"}))
    assert inline.project == "Move house"
    assert claude.conversation(raw([message("a", words="hi")], project_uuid="p-9")).project == ""


def test_ids_fall_back_to_a_made_up_one_and_a_chat_is_required():
    made = claude.conversation(raw([message("a", words="hi")], uuid=None))
    assert made.ref.startswith("made-up:")
    with pytest.raises(Unreadable, match="no readable messages"):
        claude.conversation({"uuid": "k-2", "chat_messages": "none"})
    assert claude.looks_like({"chat_messages": []}) and not claude.looks_like({"mapping": {}})


def test_an_export_file_counts_turns_only_along_the_kept_branch(tmp_path):
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([raw(branched(), current_leaf_message_uuid="m4")]))
    [use] = plan_import(path, "claude", keep_first_message=True).uses
    assert (use.tool, use.turns, use.minutes, use.task) == ("Claude", 2, 3, "Cover letter")
    assert use.note == "Review my letter"
