"""Data exports in every generation: ChatGPT (2023 file, 2025 zip, 2026 shards in a zip or a
folder), Claude (file, batch zip with projects.json and users.json, branches), the
`{"conversations": [...]}` wrapper, and files that are none of these.

The sample exports in tests/data/exports/ are made up, small and realistic; zips, shards and
folders are made at test time from them.
"""

import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from clitools import run

from aijournal.model.errors import InvalidInput
from aijournal.sources import exports
from aijournal.sources.conversations import UNTITLED, Reading
from aijournal.sources.importing import ImportPlan, plan_import

EXPORTS = Path(__file__).parents[1] / "data" / "exports"
CHATGPT = EXPORTS / "chatgpt-conversations.json"
CLAUDE = EXPORTS / "claude-conversations.json"


def plan(path, kind="chatgpt", **options) -> ImportPlan:
    return plan_import(path, kind, **options)


def by_ref(found: ImportPlan) -> dict:
    return {u.source_ref: u for u in found.uses}


def shape(found: ImportPlan) -> list:
    return sorted((u.source_ref, u.minutes, u.turns, u.pattern) for u in found.uses)


def zipped(tmp_path, source: Path, member="conversations.json", extra=()) -> Path:
    target = tmp_path / f"{source.stem}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in extra:
            archive.writestr(name, text)
        archive.write(source, member)
    return target


def shards(source: Path, size: int) -> list[tuple[str, str]]:
    """The 2026 form of an export: conversations-000.json, -001, … of `size` each."""
    items = json.loads(source.read_text())
    return [
        (f"conversations-{n:03d}.json", json.dumps(items[start : start + size]))
        for n, start in enumerate(range(0, len(items), size))
    ]


# ---- ChatGPT -------------------------------------------------------------------------------


def test_chatgpt_export_becomes_one_use_per_session():
    found = plan(CHATGPT)
    uses = by_ref(found)
    assert found.kind == "chatgpt" and found.skipped == {"no readable messages": 1}
    assert len(uses) == 11 and found.conversations == 10 and found.split == 1
    learn = uses["c-learn-0001"]
    assert (learn.tool, learn.task, learn.source, learn.minutes, learn.turns, learn.to_review) == (
        "ChatGPT",
        "Python decorators",
        "chatgpt-export",
        6,
        2,
        True,
    )
    assert learn.started_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert learn.note == ""  # what the user wrote stays out unless asked for
    # `id` instead of `conversation_id`, image parts as objects, an unknown content type
    assert uses["c-objects-0005"].turns == 1
    # hidden custom instructions are no turn of the user's
    assert uses["c-hidden-0008"].turns == 1


def test_chatgpt_follows_the_current_branch_not_abandoned_ones():
    """Regenerated answers start side branches; only the path to current_node counts."""
    use = by_ref(plan(CHATGPT))["c-branch-0002"]
    assert use.turns == 3 and use.minutes == 11
    kept = by_ref(plan(CHATGPT, keep_first_message=True))
    assert "abandoned" not in " ".join(u.note for u in kept.values())
    # without current_node, the newest child is followed from the root
    assert kept["c-nocurrent-0011"].note == "Write a slogan for a bakery."


def test_missing_times_and_titles_fall_back():
    use = by_ref(plan(CHATGPT))["c-notimes-0004"]
    assert use.task == UNTITLED  # an export's untitled chat is not named by what was written
    assert use.started_at == datetime(2026, 3, 5, 8, 30, tzinfo=UTC)  # the conversation's time
    assert use.minutes == 1


def test_parts_as_objects_keep_their_text():
    use = by_ref(plan(CHATGPT, keep_first_message=True))["c-objects-0005"]
    assert use.note == "Turn this whiteboard photo into a task list."


@pytest.mark.parametrize(
    "member",
    ["conversations.json", "export-2026-03/conversations.json", "a/b/c/conversations.json"],
)
@pytest.mark.parametrize("source, kind", [(CHATGPT, "chatgpt"), (CLAUDE, "claude")])
def test_a_zip_reads_like_its_conversations_json(tmp_path, source, kind, member):
    archive = zipped(
        tmp_path, source, member, extra=[("chat.html", "<html></html>"), ("users.json", "[]")]
    )
    assert shape(plan(archive, kind)) == shape(plan(source, kind))


def test_a_2026_sharded_zip_reads_like_the_single_file(tmp_path):
    """Since 2026 the zip holds conversations-000.json, -001, … and no conversations.json."""
    archive = tmp_path / "chatgpt-export-2026.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("chat.html", "<html></html>")
        for name, text in reversed(shards(CHATGPT, 4)):  # listed out of order on purpose
            out.writestr(f"export/{name}", text)
    found = plan(archive)
    assert shape(found) == shape(plan(CHATGPT))
    assert found.files == 3 and found.skipped == {"no readable messages": 1}
    assert exports.kind_of_file(archive) == "chatgpt"


def test_the_unzipped_folder_reads_like_the_zip(tmp_path):
    folder = tmp_path / "Downloads" / "chatgpt-export"
    (folder / "nested").mkdir(parents=True)
    for name, text in shards(CHATGPT, 5):
        (folder / "nested" / name).write_text(text)
    (folder / "chat.html").write_text("<html></html>")
    assert shape(plan(tmp_path / "Downloads")) == shape(plan(CHATGPT))
    single = tmp_path / "older"
    single.mkdir()
    shutil.copy(CLAUDE, single / "conversations.json")
    assert shape(plan(single, "claude")) == shape(plan(CLAUDE, "claude"))


def test_the_conversations_wrapper_of_other_exporters_is_read(tmp_path):
    wrapped = tmp_path / "export.json"
    items = json.loads(CHATGPT.read_text())
    wrapped.write_text(json.dumps({"exporter": "x", "version": 2, "conversations": items}))
    assert shape(plan(wrapped)) == shape(plan(CHATGPT))
    empty = tmp_path / "empty.json"
    empty.write_text('{"conversations": []}')
    assert plan(empty).uses == []


# ---- Claude --------------------------------------------------------------------------------


def test_claude_export_with_content_blocks_attachments_and_split():
    found = plan(CLAUDE, "claude", keep_first_message=True)
    uses = by_ref(found)
    assert found.skipped == {"no readable messages": 1}
    assert set(uses) == {
        "k-check-0001",
        "k-blocks-0002",
        "k-untitled-0003",
        "k-split-0005",
        "k-split-0005#2",
    }
    blocks = uses["k-blocks-0002"]
    assert blocks.tool == "Claude" and blocks.source == "claude-export"
    assert blocks.note == "Write a bash script that deploys the site with rsync."
    assert blocks.suggested_pattern == "feedback-loop"  # the error log came as an attachment
    assert uses["k-untitled-0003"].task == UNTITLED
    assert uses["k-split-0005"].started_at == datetime(2026, 3, 6, 9, 0, 0, 123456, tzinfo=UTC)
    assert uses["k-split-0005#2"].minutes == 1


ROOT = "00000000-0000-4000-8000-000000000000"


def _message(uuid, parent, sender, text, minute):
    return {
        "uuid": uuid,
        "parent_message_uuid": parent,
        "sender": sender,
        "text": text,
        "content": [{"type": "text", "text": text}],
        "created_at": f"2026-04-01T10:{minute:02d}:00Z",
    }


def branched(leaf: str | None = None) -> dict:
    """A prompt edited twice: three branches, the user kept the last one."""
    chat = [
        _message("m1", ROOT, "human", "Write a limerick about a cat", 0),
        _message("m2", "m1", "assistant", "There once was…", 1),
        _message("m3", "m2", "human", "Make it shorter, abandoned try", 2),
        _message("m4", "m3", "assistant", "…", 3),
        _message("m5", "m2", "human", "Instead make it about a dog, abandoned too", 4),
        _message("m6", "m5", "assistant", "…", 5),
        _message("m7", "m2", "human", "Thanks, that's great", 6),
        _message("m8", "m7", "assistant", "Glad you like it", 7),
    ]
    conversation = {"uuid": "k-branched", "name": "Limerick", "chat_messages": chat}
    conversation["created_at"] = "2026-04-01T10:00:00Z"
    if leaf:
        conversation["current_leaf_message_uuid"] = leaf
    return conversation


def test_claude_branches_count_only_along_the_kept_path(tmp_path):
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([branched()]))
    (use,) = plan(path, "claude").uses
    # m1 and m7 only: the two abandoned edits are neither turns nor signs of reworking
    assert use.turns == 2 and use.suggested_pattern == "directive"
    path.write_text(json.dumps([branched(leaf="m4")]))
    (use,) = plan(path, "claude").uses
    assert use.turns == 2 and use.suggested_pattern == "task-iteration"
    assert use.minutes == 3


def test_a_claude_batch_zip_names_projects_and_never_reads_users(tmp_path):
    items = json.loads(CLAUDE.read_text())
    items[0]["project_uuid"] = "p-1"
    archive = tmp_path / "data-2f1c6a52-batch-0000.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("conversations.json", json.dumps(items))
        out.writestr("projects.json", json.dumps([{"uuid": "p-1", "name": "Job hunt"}]))
        out.writestr("users.json", "this is not even JSON, and it is never opened")
    uses = by_ref(plan(archive, "claude"))
    assert uses["k-check-0001"].task == "Job hunt: Cover letter review"
    assert uses["k-blocks-0002"].task == "Deploy script"


def test_kind_is_detected_from_the_first_conversation(tmp_path):
    reading = Reading()
    assert len(list(exports.read_export(CLAUDE, reading=reading))) == 5
    assert reading.kind == "claude"
    assert exports.kind_of_file(CHATGPT) == "chatgpt"
    assert exports.kind_of_file(zipped(tmp_path, CLAUDE)) == "claude"
    empty = tmp_path / "conversations.json"
    empty.write_text("[]")
    assert exports.kind_of_file(empty) is None
    assert plan_import(empty, "claude").summary().startswith("Would import 0 AI uses")
    empty.write_text("[1, 2]")
    with pytest.raises(InvalidInput, match="no conversations"):
        exports.kind_of_file(empty)
    assert exports.detect_kind({"mapping": {}}) == "chatgpt"
    assert exports.detect_kind({"chat_messages": []}) == "claude"
    assert exports.detect_kind({"chat": {"history": {}}}) == "open-webui"
    assert exports.detect_kind([1]) is None


# ---- files that are no export: one line, exit 2, nothing written ---------------------------


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()
    }


def _truncated(tmp_path):
    path = tmp_path / "conversations.json"
    path.write_bytes(CHATGPT.read_bytes()[:5000])
    return path


def _written(name, text):
    def make(tmp_path):
        path = tmp_path / name
        path.write_text(text)
        return path

    return make


def _zip_without_conversations(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("chat.html", "<html></html>")
        archive.writestr("other/conversations.txt", "[]")
    return path


def _broken_zip(tmp_path):
    path = tmp_path / "export.zip"
    data = zipped(tmp_path, CHATGPT).read_bytes()
    path.write_bytes(data[:200] + b"\0" * 300 + data[500:])
    return path


def _truncated_shard(tmp_path):
    path = tmp_path / "export.zip"
    parts = shards(CHATGPT, 4)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(parts[0][0], parts[0][1])
        archive.writestr(parts[1][0], parts[1][1][:900])
    return path


def _future_shape(tmp_path):
    """A later export whose conversations carry none of the keys this version knows."""
    path = tmp_path / "conversations-000.json"
    path.write_text(json.dumps([{"schema": 3, "turns": [{"by": "user"}]}] * 12))
    return path


@pytest.mark.parametrize(
    "make, kind, says",
    [
        (_truncated, "chatgpt", "not valid JSON"),
        (_truncated_shard, "chatgpt", "not valid JSON"),
        (_future_shape, "chatgpt", "no conversations in it"),
        (_written("numbers.json", "[1, 2, 3]"), "chatgpt", "no conversations in it"),
        (
            _written("object.json", '{"items": []}'),
            "chatgpt",
            "one JSON object without a conversations list",
        ),
        (_written("notes.txt", "Dear diary"), "claude", "not JSON"),
        (_written("empty.json", ""), "claude", "empty"),
        (_written("dicts.json", json.dumps([{"a": 1}] * 12)), "claude", "no conversations in it"),
        (_zip_without_conversations, "chatgpt", "the zip has no conversations.json"),
        (_broken_zip, "chatgpt", "export"),
        (
            lambda tmp_path: shutil.copy(CLAUDE, tmp_path / "conversations.json"),
            "chatgpt",
            "this is a Claude export; use `aijournal import claude`",
        ),
        (
            lambda tmp_path: shutil.copy(CHATGPT, tmp_path / "conversations.json"),
            "claude",
            "this is a ChatGPT export; use `aijournal import chatgpt`",
        ),
        (lambda tmp_path: tmp_path / "missing.zip", "chatgpt", "readable file"),
    ],
)
def test_a_bad_file_exits_2_and_leaves_the_journal_byte_for_byte(home, tmp_path, make, kind, says):
    assert run("import", "chatgpt", str(CHATGPT), "--from", "2026-03-10")[0] == 0
    bad = Path(make(tmp_path))
    before = snapshot(home)
    code, out = run("import", kind, str(bad))
    assert code == 2, out
    assert says in out and str(bad) in out
    assert "data export" in out or "this is a" in out or "readable" in out
    assert len(out.strip().splitlines()) == 1
    assert snapshot(home) == before
