"""How sources open what they read: refused files as one line, folder search, zips, JSON streams,
JSON Lines being written, progress and the small helpers."""

import io
import os
import zipfile

import pytest

from aijournal.model.errors import InvalidInput
from aijournal.sources import files

ALLOWED = "use a conversations.json"


def refusal(error: pytest.ExceptionInfo) -> str:
    assert isinstance(error.value, InvalidInput) and error.value.field == "file"
    return str(error.value)


def test_a_folder_or_a_pipe_is_refused_as_a_file(tmp_path):
    with pytest.raises(files.FileRefused) as folder:
        files.open_file(tmp_path, ALLOWED)
    assert "it is a folder" in refusal(folder)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    writer = os.open(pipe, os.O_RDWR)  # someone at the other end: opening it cannot block
    try:
        with pytest.raises(files.FileRefused) as fifo:
            files.open_file(pipe, ALLOWED)
    finally:
        os.close(writer)
    assert fifo.value.why.startswith("a device or a pipe")
    with pytest.raises(files.FileRefused) as missing:
        files.open_file(tmp_path / "gone.json", ALLOWED)
    assert refusal(missing).startswith(
        f"file: '{tmp_path / 'gone.json'}' is not allowed; {ALLOWED}"
    )


def test_folders_are_searched_a_few_levels_down_past_hidden_ones(tmp_path):
    for place in (
        "a/x.jsonl",
        "a/b/c/d/y.jsonl",
        "a/b/c/d/e/f/deep.jsonl",
        ".hidden/h.jsonl",
        "__MACOSX/m.jsonl",
        "a/note.txt",
    ):
        (tmp_path / place).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / place).write_text("{}\n")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    found = files.find_files(tmp_path, lambda p: p.suffix == ".jsonl")
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/b/c/d/y.jsonl", "a/x.jsonl"]
    hidden = files.find_files(tmp_path / ".hidden", lambda p: True)  # named: then it is read
    assert [p.name for p in hidden] == ["h.jsonl"]


def test_json_lines_stop_before_a_line_being_written_but_not_at_a_broken_one(tmp_path):
    lines = list(files.json_lines(io.BytesIO(b'{"a": 1}\n\n[2]\n{"half": '), tmp_path, ALLOWED))
    assert lines == [(1, {"a": 1}), (3, [2])]
    with pytest.raises(files.FileRefused) as broken:
        list(files.json_lines(io.BytesIO(b'{"a": 1}\nnot json\n{}\n'), tmp_path, ALLOWED))
    assert "line 2 is not JSON" in refusal(broken)


def test_a_small_json_file_may_start_with_a_bom_and_an_empty_one_says_so(tmp_path):
    path = tmp_path / "session.json"
    path.write_bytes(b'\xef\xbb\xbf{"id": "s-1"}')
    assert files.read_json(path, ALLOWED) == {"id": "s-1"}
    path.write_bytes(b"  \n")
    with pytest.raises(files.FileRefused) as empty:
        files.read_json(path, ALLOWED)
    assert empty.value.why == "the file is empty"
    path.write_text("{oops")
    with pytest.raises(files.FileRefused, match="not valid JSON"):
        files.read_json(path, ALLOWED)


def test_a_json_stream_is_peeked_at_then_read_item_by_item(tmp_path):
    stream = io.BytesIO(b'\xef\xbb\xbf  [{"id": 1}, {"id": 2}]')
    head, first = files.json_start(stream, tmp_path, ALLOWED)
    assert first == b"[" and not head.startswith(b"\xef")
    items = files.json_items(files.Peeked(stream, head), "item", tmp_path, ALLOWED)
    assert list(items) == [{"id": 1}, {"id": 2}]
    keys = files.top_level_keys(
        io.BytesIO(b'{"conversations": [{"inner": 1}], "v": 2}'), tmp_path, ALLOWED
    )
    assert keys == {"conversations", "v"}
    with pytest.raises(files.FileRefused, match="not valid JSON"):
        list(files.json_items(io.BytesIO(b'[{"id": 1}, {'), "item", tmp_path, ALLOWED))


def test_zip_members_leave_out_mac_folders_and_a_broken_zip_is_one_line(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("conversations.json", "[]")
        archive.writestr("__MACOSX/._conversations.json", "junk")
        archive.writestr("users.json", "{}")
    with path.open("rb") as raw:
        assert files.is_zip(raw) and raw.tell() == 0
        with files.zip_members(raw, path, lambda n: n.endswith("conversations.json"), ALLOWED) as (
            archive,
            names,
        ):
            assert names == ["conversations.json"]
            assert files.open_member(archive, names[0], path, ALLOWED).read() == b"[]"
    broken = io.BytesIO(b"PK\x03\x04 not really a zip")
    with pytest.raises(files.FileRefused, match="the zip cannot be read"):
        with files.zip_members(broken, path, lambda n: True, ALLOWED):
            pass


def test_progress_is_reported_sparingly_and_a_false_answer_cancels():
    told = []
    tracker = files.Tracker(1000, lambda done, total: told.append((done, total)))
    for done in range(0, 1001):
        tracker.at(done)
    tracker.finish()
    assert len(told) <= 201 and told[-1] == (1000, 1000)
    assert told[0] == (5, 1000)  # every 1000 // 200 bytes at most
    stopping = files.Tracker(10, lambda done, total: False)
    with pytest.raises(files.ImportCancelled):
        stopping.at(10)
    files.Tracker(10, None).at(10)  # nobody to tell: nothing happens


def test_small_helpers_read_versions_shorten_errors_and_sort_numbers():
    assert [files.major(v) for v in ("2.0.61", "v0.86.1", " 3.1 ", "latest", "12")] == [
        2,
        0,
        3,
        None,
        None,
    ]
    assert files.short(ValueError("bad thing\n  at line 3")) == "bad thing"
    assert files.short(ValueError("")) == "ValueError"
    long = files.short(ValueError("x" * 100))
    assert len(long) == 78 and long.endswith("…")
    key = files.numbered(r"-(\d+)\.json$")
    names = ["conversations-010.json", "conversations.json", "conversations-002.json"]
    assert sorted(names, key=key) == [
        "conversations.json",
        "conversations-002.json",
        "conversations-010.json",
    ]
