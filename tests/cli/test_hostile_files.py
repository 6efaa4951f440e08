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
