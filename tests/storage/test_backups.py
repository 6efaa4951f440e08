"""Backups: encrypted online copies named by time, rotated, verified, re-keyed, put back."""

import os
import stat
import time
from datetime import datetime

import pytest

from aijournal.model import records as r
from aijournal.model.errors import JournalError
from aijournal.storage import DataPaths, Journal, backups, unlock
from aijournal.storage.unlock import Key

MOMENT = datetime(2026, 11, 27, 10, 0, 5).astimezone()


@pytest.fixture
def key():
    return Key.random()


@pytest.fixture
def opened(tmp_path, key, clock):
    with Journal.create(DataPaths(tmp_path / "j"), key, clock=clock) as journal:
        journal.add(r.AIUse(started_at=clock(), tool="Kept", pattern="learning", minutes=5))
        yield journal


def tools_in(path, key) -> list[str]:
    conn = unlock.connect(path, key)
    try:
        return [row[0] for row in conn.execute("SELECT tool FROM ai_uses ORDER BY rowid")]
    finally:
        conn.close()


def make(journal, key, moment=MOMENT, **more):
    return backups.make(journal.db.conn, journal.paths, key, moment, **more)


def test_a_backup_is_one_private_file_named_by_its_time_and_encrypted(opened, key):
    made = make(opened, key)
    assert made == opened.paths.backups / "journal-20261127-100005.db"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no -wal, no temp
    assert tools_in(made, key) == ["Kept"]
    assert not unlock.opens(made, Key.random())
    again = make(opened, key)  # the same second: a new name, nothing overwritten
    assert again.name == "journal-20261127-100005-1.db"


def test_automatic_backups_rotate_but_other_folders_keep_all(opened, key, tmp_path):
    for second in range(5):
        make(opened, key, MOMENT.replace(second=second), keep=3)
    assert [p.name[-9:-3] for p in backups.listing(opened.paths.backups)] == [
        "100004",
        "100003",
        "100002",
    ]
    elsewhere = tmp_path / "usb"
    for second in range(4):
        make(opened, key, MOMENT.replace(second=second), folder=elsewhere, keep=1)
    assert len(backups.listing(elsewhere)) == 4


def test_newest_skips_names_that_carry_no_time(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for name in (
        "journal-20261101-080000.db",
        "journal-20261120-093000.db",
        "journal-mine.db",
        "notes.db",
        "journal-20261125-000000.db.tmp",
    ):
        (folder / name).write_bytes(b"")
    assert [p.name for p in backups.listing(folder)] == [
        "journal-mine.db",
        "journal-20261120-093000.db",
        "journal-20261101-080000.db",
    ]
    path, stamp = backups.newest(folder)
    assert path.name == "journal-20261120-093000.db"
    assert stamp == datetime(2026, 11, 20, 9, 30).astimezone()
    assert backups.newest(tmp_path / "none") is None and backups.listing(tmp_path / "no") == []


def test_verify_refuses_what_is_no_good_backup(opened, key, tmp_path):
    good = make(opened, key)
    backups.verify(good, key)  # passes
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(os.urandom(8192))
    cases = [
        (tmp_path / "missing.db", key, "does not exist"),
        (tmp_path, key, "is a folder"),
        (garbage, key, "cannot be opened with this journal's key"),
        (good, Key.random(), "cannot be opened with this journal's key"),
    ]
    for path, with_key, message in cases:
        with pytest.raises(JournalError, match=message) as caught:
            backups.verify(path, with_key)
        assert str(caught.value).endswith("nothing was changed.")
    with pytest.raises(JournalError, match="; it needs the old passphrase; nothing"):
        backups.verify(good, Key.random(), needs="the old passphrase")


def test_a_killed_backups_temporary_file_is_cleaned_after_a_day(opened, key):
    folder = opened.paths.backups
    folder.mkdir()
    stale, fresh = folder / ".backup-old.tmp", folder / ".backup-now.tmp"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a backup")
    a_day_ago = time.time() - backups.STALE_SECONDS - 60
    os.utime(stale, (a_day_ago, a_day_ago))
    make(opened, key)
    assert not stale.exists()
    assert fresh.exists()  # maybe another backup still running


def test_snapshot_sees_only_what_is_committed(opened, key, clock, tmp_path):
    target = tmp_path / "snap.db"
    with opened.transaction():
        opened.add(r.AIUse(started_at=clock(), tool="Uncommitted", pattern="learning", minutes=1))
        backups.snapshot(opened.paths, key, target)  # while this connection holds the lock
    assert tools_in(target, key) == ["Kept"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_put_in_place_re_keys_an_older_backup_and_rekey_all_reports_the_rest(
    opened, key, clock, tmp_path
):
    old_backup = make(opened, key)
    foreign = opened.paths.backups / "journal-20200101-000000.db"
    other_key = Key.random()
    conn = unlock.connect(foreign, other_key)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    new_key = Key.random()
    done, left = backups.rekey_all(opened.paths, key, new_key)
    assert (done, left) == (1, [foreign.name])
    assert unlock.opens(old_backup, new_key) and not unlock.opens(old_backup, key)
    paths = opened.paths
    opened.close()
    backups.put_in_place(old_backup, paths, new_key, other_key)
    assert tools_in(paths.db, other_key) == ["Kept"]
    assert not any(p.exists() for p in paths.sidecars())
    assert stat.S_IMODE(paths.db.stat().st_mode) == 0o600
