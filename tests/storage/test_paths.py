"""Where a journal's files live, and writing them privately (0700 folders, 0600 files)."""

import errno
import os
import stat
from pathlib import Path

import pytest

from aijournal.storage.paths import (
    DataPaths,
    WriteFailed,
    atomic_write,
    describe_os_error,
    os_reason,
    private_dir,
    tighten,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_files_of_one_journal(tmp_path):
    paths = DataPaths(str(tmp_path))  # a string becomes a Path
    assert paths.root == tmp_path
    assert paths.db == tmp_path / "journal.db"
    assert paths.config == tmp_path / "journal.json"
    assert paths.backups == tmp_path / "backups"
    assert paths.lock == tmp_path / "journal.lock"
    assert paths.log == tmp_path / "aijournal.log"
    assert paths.sidecars() == (tmp_path / "journal.db-wal", tmp_path / "journal.db-shm")


def test_resolve_prefers_the_argument_then_the_environment(aijournal_home, monkeypatch, tmp_path):
    assert DataPaths.resolve().root == aijournal_home
    assert DataPaths.resolve(tmp_path / "given").root == tmp_path / "given"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert DataPaths.resolve("~/journal").root == tmp_path / "journal"
    monkeypatch.chdir(tmp_path)
    assert DataPaths.resolve("relative").root == tmp_path / "relative"  # made absolute


def test_private_dir_makes_missing_folders_0700_and_leaves_existing_ones(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    made = private_dir(shared / "a" / "b")
    assert made.is_dir()
    assert mode(shared / "a") == 0o700 and mode(shared / "a" / "b") == 0o700
    assert mode(shared) == 0o755  # not ours to change
    (tmp_path / "file").write_text("x")
    with pytest.raises(WriteFailed, match="is not a folder"):
        private_dir(tmp_path / "file" / "below")


def test_atomic_write_replaces_the_file_whole_and_privately(tmp_path):
    target = tmp_path / "new" / "settings.json"
    atomic_write(target, "first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert mode(target) == 0o600 and mode(target.parent) == 0o700
    assert sorted(p.name for p in target.parent.iterdir()) == ["settings.json"]  # no temp left
    (tmp_path / "afile").write_text("x")
    with pytest.raises(WriteFailed, match="afile is not a folder"):
        atomic_write(tmp_path / "afile" / "x.json", "{}")


def test_atomic_write_into_a_folder_it_cannot_write_says_why(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root may write anywhere")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(WriteFailed, match=r"^Could not write .*x\.json: permission denied\.$"):
            atomic_write(locked / "x.json", "{}")
    finally:
        locked.chmod(0o700)


def test_tighten_takes_away_what_others_may_do(tmp_path):
    loose = tmp_path / "loose"
    loose.write_text("x")
    loose.chmod(0o664)
    tighten(loose, 0o600)
    assert mode(loose) == 0o600
    sticky = tmp_path / "sticky"
    sticky.mkdir()
    sticky.chmod(0o1777)
    tighten(sticky, 0o700)
    assert mode(sticky) == 0o1777  # a shared folder (like /tmp) stays shared
    tighten(tmp_path / "missing", 0o600)  # nothing there: nothing to do


def test_os_errors_in_plain_words(tmp_path):
    full = OSError(errno.ENOSPC, "No space left on device")
    assert os_reason(full) == "the disk is full"
    assert os_reason(OSError(errno.EBUSY, "Device or resource busy")) == "device or resource busy"
    error = describe_os_error(full, tmp_path / "x.db", "back up into")
    assert isinstance(error, WriteFailed)
    assert str(error) == f"Could not back up into {tmp_path / 'x.db'}: the disk is full."
