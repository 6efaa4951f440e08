"""Backups with SQLite's online backup API: a consistent copy while the journal stays open.

Backups are encrypted with the journal's own key, live in the data folder's `backups/`, and
rotate: automatic ones beyond the newest `KEEP` are removed.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

import sqlcipher3

from aijournal.model.errors import JournalError
from aijournal.storage import unlock
from aijournal.storage.paths import DataPaths, make_private, private_dir

KEEP = 10
PREFIX = "journal-"
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
    target = folder / f"{PREFIX}{moment:{_STAMP}}.db"
    suffix = 1
    while target.exists():
        target = folder / f"{PREFIX}{moment:{_STAMP}}-{suffix}.db"
        suffix += 1
    fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".tmp", dir=folder)
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
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if keep is not None and folder == paths.backups:
        for old in listing(folder)[keep:]:
            old.unlink(missing_ok=True)
    return target


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


def verify(backup: Path, key: unlock.Key) -> None:
    """Refuse a file that the journal's key does not open, or that is damaged."""
    if not backup.is_file():
        raise JournalError(f"{backup} does not exist; nothing was changed.")
    try:
        conn = unlock.connect(backup, key)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlcipher3.DatabaseError as error:
        raise JournalError(
            f"{backup} cannot be opened with this journal's key ({error}); nothing was changed."
        ) from None
    if result != "ok":
        raise JournalError(f"{backup} is damaged ({result}); nothing was changed.")


def put_in_place(backup: Path, paths: DataPaths) -> None:
    """Copy `backup` over the (closed) journal file atomically."""
    fd, tmp_name = tempfile.mkstemp(prefix=".restore-", suffix=".tmp", dir=paths.root)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, backup.open("rb") as src:
            while chunk := src.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        make_private(tmp)
        for sidecar in paths.sidecars():
            sidecar.unlink(missing_ok=True)
        os.replace(tmp, paths.db)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def rekey_all(paths: DataPaths, old: unlock.Key, new: unlock.Key) -> int:
    """Re-encrypt every backup that opens with `old`; returns how many."""
    done = 0
    for backup in [*listing(paths.backups), *paths.backups.glob("before-*.db")]:
        try:
            conn = unlock.connect(backup, old)
        except sqlcipher3.DatabaseError:
            continue  # made with an even older key; it stays as it was
        try:
            unlock.rekey(conn, old, new)
            done += 1
        finally:
            conn.close()
    return done
