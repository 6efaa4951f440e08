"""The journal's lock file: shared while a journal is open, exclusive to replace or re-key it.

SQLite's own locks keep writers from each other, but a restore replaces the whole file and a
key change re-encrypts it: a process that still has the old file (or the old key) open would
write into a file nobody reads again, or fail to read the new one. So every open journal holds
a shared `flock` on `journal.lock` beside the database for as long as it is open, and restore,
recovery and key change take it exclusively: they wait a moment for short commands to finish
and refuse, saying why, while the desktop app (or any other long-lived process) has it open.

`flock` locks belong to an open file, so one process keeps one file open per journal and
counts its holders; an exclusive lock is granted to a process only when the caller is its one
holder. Where `fcntl` does not exist (Windows), the lock is advisory only and always granted.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aijournal.model.errors import JournalError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

OPEN_WAIT = 30.0  # a restore or key change in another process takes seconds, not minutes
EXCLUSIVE_WAIT = 5.0  # long enough for a capture command to finish
_POLL = 0.05


class JournalBusy(JournalError):
    """Another program has the journal open, or is restoring or re-keying it."""


class _LockFile:
    def __init__(self, path: Path, fd: int):
        self.path, self.fd, self.holders, self.exclusive = path, fd, 0, False


_files: dict[str, _LockFile] = {}
_guard = threading.RLock()


class Hold:
    """One open journal's share of the lock; `release` when the journal closes."""

    def __init__(self, path: Path):
        self.path = path
        self.key = os.path.realpath(path)
        self.released = False

    def release(self) -> None:
        with _guard:
            if self.released:
                return
            self.released = True
            lock = _files.get(self.key)
            if lock is None:
                return
            lock.holders -= 1
            if lock.holders <= 0:
                del _files[self.key]
                os.close(lock.fd)  # closing the file drops the flock

    @contextmanager
    def exclusive(self, wait: float = EXCLUSIVE_WAIT) -> Iterator[None]:
        """Hold the journal alone for a moment (this holder must be the process's only one)."""
        with _guard:
            lock = _files[self.key]
            if lock.holders > 1:
                raise JournalBusy(
                    "Another part of the app has the journal open (an import or a backup is "
                    "running); wait for it to finish and try again. Nothing was changed."
                )
            _flock(lock, exclusive=True, wait=wait, busy=_OPEN_ELSEWHERE)
            lock.exclusive = True
        try:
            yield
        finally:
            with _guard:
                lock.exclusive = False
                _flock(lock, exclusive=False, wait=OPEN_WAIT, busy=_BEING_CHANGED)


_OPEN_ELSEWHERE = (
    "The journal is open in another program (the desktop app, or a command still running); "
    "close it and try again. Nothing was changed."
)
_BEING_CHANGED = (
    "Another program is restoring the journal or changing its key; try again in a moment."
)


def share(path: Path, wait: float = OPEN_WAIT) -> Hold:
    """A shared hold on the lock file at `path` (created 0600 if missing)."""
    hold = Hold(path)
    with _guard:
        lock = _files.get(hold.key)
        if lock is None:
            lock = _LockFile(path, _open(path))
            try:
                _flock(lock, exclusive=False, wait=wait, busy=_BEING_CHANGED)
            except BaseException:
                os.close(lock.fd)
                raise
            _files[hold.key] = lock
        lock.holders += 1
    return hold


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as error:
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            try:  # a read-only place: a lock opened for reading still works with flock
                return os.open(path, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                pass
        from aijournal.storage.paths import describe_os_error

        raise describe_os_error(error, path, "open the journal's lock file") from None


def _flock(lock: _LockFile, *, exclusive: bool, wait: float, busy: str) -> None:
    if fcntl is None:
        return
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(lock.fd, mode)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                if exclusive:  # a refused upgrade may have dropped the shared lock: take it back
                    _flock(lock, exclusive=False, wait=OPEN_WAIT, busy=_BEING_CHANGED)
                raise JournalBusy(busy) from None
            time.sleep(_POLL)
