"""Crafted files given to the command line: refused in one line (exit 2), quickly, with nothing
written; never a traceback, a hang or all the memory."""

import json
import os
import time

import pytest
from clitools import run

from aijournal.storage import DataPaths, Journal


def refused(code: int, out: str) -> None:
    assert code == 2, out
    assert "Traceback" not in out
    assert len([line for line in out.splitlines() if line.startswith("aijournal:")]) == 1, out


def counts(home) -> dict[str, int]:
    with Journal.open(DataPaths(home)) as journal:
        return journal.counts()


@pytest.mark.parametrize(
    "content, says",
    [
        ("[" * 100_000, "nests more than 64 levels"),
        ('{"format": "' + "a" * (5 * 1024 * 1024) + '"}', "characters"),
    ],
)
def test_import_json_refuses_bombs(home, tmp_path, content, says):
    path = tmp_path / "bomb.json"
    path.write_text(content)
    before = counts(home)
    started = time.monotonic()
    code, out = run("import", "json", str(path))
    refused(code, out)
    assert says in out and time.monotonic() - started < 5
    assert counts(home) == before


def test_import_json_refuses_a_huge_file_before_reading_it(home, tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(600 * 1024 * 1024)  # sparse: no disk used, nothing to read
    code, out = run("import", "json", str(path))
    refused(code, out)
    assert "large" in out
    code, out = run("import", "json", "/dev/zero")
    refused(code, out)
    assert "regular file" in out


def test_a_lone_surrogate_in_json_is_no_traceback(home, tmp_path):
    path = tmp_path / "surrogate.json"
    data = {"format": "aijournal-export", "version": 1, "tables": {"people": []}}
    path.write_text(json.dumps(data)[:-1] + ', "x": "\\ud800"}')
    code, out = run("import", "json", str(path))
    assert code in (0, 2) and "Traceback" not in out


def test_coach_skips_bombs_with_a_reason(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    code, out = run("coach", str(deep), str(huge), "/dev/zero")
    assert code == 1 and "Traceback" not in out
    assert "deep.json: it nests more than 64 levels" in out
    assert "huge.json: it is 64 MB large" in out
    assert "/dev/zero: cannot be read" in out


def test_restore_refuses_devices_and_pipes_without_waiting(home, tmp_path):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    started = time.monotonic()
    for target in (fifo, "/dev/zero", tmp_path):
        code, out = run("restore", str(target), "--yes")
        assert code == 1 and "nothing was changed" in out and "Traceback" not in out, out
    assert time.monotonic() - started < 5


# ---- AI histories and local sources: the same limits through sources/files.py --------------


def _zip(path, name: str, data: bytes, method: int) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", method, compresslevel=9) as archive:
        archive.writestr(name, data)


@pytest.mark.parametrize(
    "member, data, packed, says",
    [
        # a few hundred bytes of brackets that would unpack to 100 MB
        ("conversations.json", b"[" * (100 * 1024 * 1024), True, "times smaller"),
        # nesting inside an ordinary-sized file
        ("conversations.json", b"[" * 100_000, True, "nests more than 64 levels"),
        # one long string in the 2026 sharded layout, stored (so no ratio gives it away)
        (
            "conversations-000.json",
            b'[{"title": "' + b"a" * (5 * 1024 * 1024) + b'"}]',
            False,
            "characters",
        ),
    ],
)
def test_import_chatgpt_refuses_zip_bombs_quickly(home, tmp_path, member, data, packed, says):
    import zipfile

    path = tmp_path / "export.zip"
    _zip(path, member, data, zipfile.ZIP_DEFLATED if packed else zipfile.ZIP_STORED)
    before = counts(home)
    started = time.monotonic()
    code, out = run("import", "chatgpt", str(path))
    refused(code, out)
    assert says in out and time.monotonic() - started < 10
    assert counts(home) == before


def test_import_refuses_devices_huge_files_and_long_lines(home, tmp_path):
    code, out = run("import", "claude", "/dev/zero")
    refused(code, out)
    assert "regular file" in out

    huge = tmp_path / "conversations.json"
    with huge.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024 * 1024)  # sparse: nothing to read, nothing used
    code, out = run("import", "chatgpt", str(huge))
    refused(code, out)
    assert "large" in out

    # A Claude Code session with a line too long to hold: refused before it is read whole.
    folder = tmp_path / "projects" / "-home-me-work"
    folder.mkdir(parents=True)
    session = folder / "0b6f5c1e-7d0a-4c59-9a4e-1f2d3c4b5a69.jsonl"
    with session.open("wb") as handle:
        handle.write(b'{"type": "user", "message": {"content": "')
        handle.write(b"x" * (65 * 1024 * 1024))
        handle.write(b'"}}\n')
    before = counts(home)
    code, out = run("import", "claude-code", str(session))
    refused(code, out)
    assert "line 1 longer than" in out
    assert counts(home) == before
