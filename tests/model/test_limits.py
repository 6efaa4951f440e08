"""Reader limits: tiny crafted files are refused in one line, fast, without eating memory."""

import json
import resource
import time
import zipfile

import pytest

from aijournal.model import limits
from aijournal.model.errors import InvalidInput
from aijournal.model.limits import Budget, LimitExceeded, ReadCancelled


def zipped(tmp_path, name: str, payload: bytes, member: str = "conversations.json"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(member, payload)
    return path


def read_all(path, lim=limits.IMPORT, **options):
    budget = Budget(path, lim, **options)
    with budget.open_file(path) as raw:
        zipped = zipfile.is_zipfile(raw)
        raw.seek(0)
        stream = budget.open_member(zipfile.ZipFile(raw), "conversations.json") if zipped else raw
        found = list(budget.items(stream, "item"))
    budget.finish()
    return found


def test_items_are_what_json_reads(tmp_path):
    data = [{"a": [1, 2.5, None, True], "b": {"c": "d" * 100}}, "text", 3, [], {}]
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data))
    assert read_all(path) == data
    assert read_all(zipped(tmp_path, "x.zip", path.read_bytes())) == data
    assert Budget(path).load_json(path) == data


def test_a_few_hundred_bytes_of_zipped_brackets_are_refused_fast(tmp_path):
    bomb = zipped(tmp_path, "bomb.zip", b"[" * 200_000_000)
    assert bomb.stat().st_size < 400_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(LimitExceeded) as caught:
        read_all(bomb)
    assert time.monotonic() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # kB
    assert "\n" not in str(caught.value) and "bomb.zip" in str(caught.value)


def test_deep_nesting_in_a_plain_file_is_refused(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100 + "]" * 100)
    with pytest.raises(LimitExceeded, match="nests more than 64 levels"):
        read_all(path)
    path.write_text("[" * 60 + "]" * 60)
    assert json.dumps(read_all(path)) == "[" * 60 + "]" * 60  # within the limit it reads


def test_one_long_string_is_refused(tmp_path):
    path = zipped(tmp_path, "long.zip", b'[{"title": "' + b"a" * (5 * limits.MiB) + b'"}]')
    with pytest.raises(LimitExceeded, match="characters"):
        read_all(path, limits.IMPORT.but(ratio=10**6))
    with pytest.raises(LimitExceeded, match="times smaller"):
        read_all(path)  # and the default ratio refuses it even earlier


def test_a_big_member_is_refused_by_its_size(tmp_path):
    path = zipped(tmp_path, "big.zip", json.dumps(["x" * 1000] * 5000).encode())
    with pytest.raises(LimitExceeded, match="unpacks"):
        read_all(path, limits.IMPORT.but(member_bytes=2 * limits.MiB, ratio=10**6))


def test_devices_folders_and_big_files_are_refused(tmp_path):
    with pytest.raises(InvalidInput, match="regular file"):
        read_all("/dev/zero")
    with pytest.raises(InvalidInput, match="not a folder"):
        read_all(tmp_path)
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b" " * 3000 + b"]")
    with pytest.raises(LimitExceeded, match="large"):
        read_all(path, limits.IMPORT.but(file_bytes=1000))


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        self.now += 0.05  # every look at the clock is 50 ms later
        return self.now


def test_progress_only_after_a_second_and_a_deadline(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"n": n, "t": "x" * 20} for n in range(50_000)]))
    reports = []
    found = read_all(path, progress=lambda done, total: reports.append((done, total)))
    assert len(found) == 50_000 and reports == []  # a fast read shows no progress
    reports.clear()
    read_all(path, clock=Clock(), progress=lambda d, t: reports.append((d, t)))
    assert reports and reports[-1][0] == reports[-1][1] == path.stat().st_size
    with pytest.raises(LimitExceeded, match="longer than 0.5 seconds"):
        read_all(path, limits.IMPORT.but(seconds=0.5), clock=Clock())
    with pytest.raises(ReadCancelled):
        read_all(path, clock=Clock(), progress=lambda d, t: False)


def test_load_json_words_malformed_files(tmp_path):
    path = tmp_path / "bad.json"
    for text in ("", "{", "[1] [2]", "\xff"):
        path.write_bytes(text.encode("latin-1"))
        with pytest.raises(InvalidInput) as caught:
            Budget(path, limits.SUMMARY).load_json(path)
        assert "\n" not in str(caught.value)


def test_a_stream_counts_towards_the_total(tmp_path):
    payload = json.dumps(["y" * 1000] * 3000).encode()
    path = zipped(tmp_path, "t.zip", payload)
    with pytest.raises(LimitExceeded, match="more than 2 MB"):
        read_all(path, limits.IMPORT.but(read_bytes=2 * limits.MiB, ratio=10**6))
    assert len(read_all(path, limits.IMPORT.but(ratio=10**6))) == 3000
