"""Backups with SQLite's online backup API: a consistent copy while the journal stays open.

Backups are encrypted with the journal's own key, live in the data folder's `backups/`, and
rotate: automatic ones beyond the newest `KEEP` are removed.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import sqlcipher3

from aijournal.model import limits
from aijournal.model.errors import JournalError
from aijournal.storage import unlock
from aijournal.storage.paths import (
    DataPaths,
    describe_os_error,
    make_private,
    os_reason,
    private_dir,
)

KEEP = 10
PREFIX = "journal-"
TEMP_PREFIX = ".backup-"
STALE_SECONDS = 24 * 3600
_STAMP = "%Y%m%d-%H%M%S"


def make(
    conn: sqlcipher3.Connection,
    paths: DataPaths,
    key: unlock.Key,
    moment: datetime,
    folder: Path | None = None,
    keep: int | None = KEEP,
) -> Path:
    """Back up the open journal into `folder` (default: the data folder's backups)."""
    folder = private_dir(folder or paths.backups)
    _clean_stale(folder)
    target = folder / f"{PREFIX}{moment:{_STAMP}}.db"
    suffix = 1
    while target.exists():
        target = folder / f"{PREFIX}{moment:{_STAMP}}-{suffix}.db"
        suffix += 1
    try:
        import tempfile  # here, not at the top: capture starts faster without it

        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
    except OSError as error:
        raise describe_os_error(error, folder, "back up into") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        copy = unlock.connect(tmp, key)
        try:
            copy.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            conn.backup(copy)
        finally:
            copy.close()
        make_private(tmp)
        os.replace(tmp, target)
    except BaseException as error:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
        if isinstance(error, OSError | sqlcipher3.OperationalError):
            raise JournalError(f"The backup into {folder} failed: {_reason(error)}.") from None
        raise
    if keep is not None and folder == paths.backups:
        for old in listing(folder)[keep:]:
            old.unlink(missing_ok=True)
    return target


def snapshot(paths: DataPaths, key: unlock.Key, target: Path) -> None:
    """A consistent copy of the journal's last committed state, read on a connection of its own
    (so it works while another connection holds the write lock)."""
    conn = unlock.connect(paths.db, key)
    try:
        copy = unlock.connect(target, key)
        try:
            copy.execute("PRAGMA journal_mode = DELETE")
            conn.backup(copy)
        finally:
            copy.close()
    finally:
        conn.close()
    make_private(target)


def _clean_stale(folder: Path) -> None:
    """Remove temporary files of backups that were killed (a day old: none still running)."""
    cutoff = time.time() - STALE_SECONDS
    for leftover in folder.glob(f"{TEMP_PREFIX}*.tmp*"):
        try:
            if leftover.lstat().st_mtime < cutoff and leftover.stat().st_uid == os.geteuid():
                leftover.unlink()
        except OSError:
            continue


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return os_reason(error)
    return "the disk is full" if "full" in str(error) else str(error)


def listing(folder: Path) -> list[Path]:
    """Automatic and manual backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*.db"), key=lambda p: p.name, reverse=True)


def newest(folder: Path) -> tuple[Path, datetime] | None:
    for path in listing(folder):
        try:
            stamp = datetime.strptime(path.stem[len(PREFIX) :][:15], _STAMP).astimezone()
        except ValueError:
            continue
        return path, stamp
    return None


def verify(backup: Path, key: unlock.Key, *, needs: str | None = None) -> None:
    """Refuse a file that the key does not open, that is damaged, or that is no backup at all.

    Within the limits for backups: a regular file of sane size, checked within a deadline."""
    if not backup.is_file():
        what = "a folder" if backup.is_dir() else "not a regular file"
        why = "does not exist" if not backup.exists() else f"is {what}"
        raise JournalError(f"{backup} {why}; nothing was changed.")
    budget = limits.Budget(backup, limits.BACKUP)
    with budget.open_file(backup):  # refuses devices, pipes and absurd sizes
        pass
    try:
        conn = unlock.connect(backup, key)
    except sqlcipher3.DatabaseError as error:
        hint = f"; it needs {needs}" if needs else ""
        raise JournalError(
            f"{backup} cannot be opened with this journal's key ({error}){hint}; "
            "nothing was changed."
        ) from None
    try:
        conn.set_progress_handler(_deadline(budget), 10_000)
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlcipher3.DatabaseError as error:
        budget.tick()  # says so if it was the deadline
        raise JournalError(f"{backup} is damaged ({error}); nothing was changed.") from None
    finally:
        conn.close()
    if result != "ok":
        raise JournalError(f"{backup} is damaged ({result}); nothing was changed.")


def _deadline(budget: limits.Budget):
    def check() -> int:
        try:
            budget.tick()
        except limits.LimitExceeded:
            return 1  # non-zero interrupts the statement
        return 0

    return check


def put_in_place(
    backup: Path,
    paths: DataPaths,
    backup_key: unlock.Key | None = None,
    key: unlock.Key | None = None,
) -> None:
    """Copy `backup` over the (closed) journal file atomically, re-keyed to `key` if it was
    made with `backup_key`, an earlier key."""
    import tempfile

    fd, tmp_name = tempfile.mkstemp(prefix=".restore-", suffix=".tmp", dir=paths.root)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, backup.open("rb") as src:
            while chunk := src.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if backup_key is not None and key is not None and backup_key != key:
            conn = unlock.connect(tmp, backup_key)
            try:
                unlock.rekey(conn, backup_key, key)
            finally:
                conn.close()
        make_private(tmp)
        for sidecar in paths.sidecars():
            sidecar.unlink(missing_ok=True)
        os.replace(tmp, paths.db)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def rekey_all(paths: DataPaths, old: unlock.Key | None, new: unlock.Key) -> tuple[int, list[str]]:
    """Re-encrypt every backup that opens with `old`; how many, and the names of those that
    open with neither key (made with an earlier key, or `old` is not at hand)."""
    done, left = 0, []
    for backup in [*listing(paths.backups), *paths.backups.glob("before-*.db")]:
        if old is not None and old != new:
            try:
                conn = unlock.connect(backup, old)
            except sqlcipher3.DatabaseError:
                pass
            else:
                try:
                    unlock.rekey(conn, old, new)
                    done += 1
                finally:
                    conn.close()
                continue
        if not unlock.opens(backup, new):
            left.append(backup.name)
    return done, left
