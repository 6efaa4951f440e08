"""Where a journal's files live, and writing them privately and atomically.

Folders the app creates are 0700 and files 0600. A folder the app did not create (the user's
Documents, a shared /tmp) keeps its mode: exports and backups only add a 0600 file to it.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from aijournal.model.errors import JournalError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


class WriteFailed(JournalError):
    """A file could not be written or read: the message says why (permission, space, …)."""


@dataclass(frozen=True)
class DataPaths:
    """The files of one journal inside its data folder."""

    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike | None = None) -> DataPaths:
        """`data_dir`, else $AIJOURNAL_HOME, else the platform's user data folder."""
        if data_dir is None:
            data_dir = os.environ.get("AIJOURNAL_HOME") or None
        if data_dir is None:
            import platformdirs

            data_dir = platformdirs.user_data_path("aijournal", appauthor=False)
        return cls(Path(data_dir).expanduser().absolute())

    @property
    def db(self) -> Path:
        return self.root / "journal.db"

    @property
    def config(self) -> Path:
        return self.root / "journal.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def log(self) -> Path:
        return self.root / "aijournal.log"

    @property
    def lock(self) -> Path:
        return self.root / "journal.lock"

    def sidecars(self) -> tuple[Path, Path]:
        """SQLite's write-ahead log and shared-memory files next to the database."""
        return Path(f"{self.db}-wal"), Path(f"{self.db}-shm")


def private_dir(path: Path) -> Path:
    """The folder, created (with any missing parents) readable by the owner only.

    An existing folder keeps its mode: it may be a shared one the app did not create.
    """
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists() and not probe.is_symlink() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    if probe.is_symlink() and not probe.exists():
        raise WriteFailed(f"{probe} is a broken link; point it at a folder or remove it.")
    if not probe.is_dir():
        raise WriteFailed(f"{probe} is not a folder; AI Journal needs a folder there.")
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            pass  # made by another process just now
        except OSError as error:
            raise describe_os_error(error, folder, "create the folder") from None
        folder.chmod(PRIVATE_DIR)  # mkdir's mode is filtered by the umask
    return path


def tighten(path: Path, mode: int) -> None:
    """Take away access others have to a file or folder of ours (never a shared folder's)."""
    try:
        info = path.lstat()
    except OSError:
        return
    if info.st_uid != os.geteuid() or stat.S_ISLNK(info.st_mode):
        return
    if stat.S_ISDIR(info.st_mode) and info.st_mode & stat.S_ISVTX:
        return  # a sticky folder is shared on purpose (/tmp)
    if stat.S_IMODE(info.st_mode) & ~mode:
        try:
            path.chmod(stat.S_IMODE(info.st_mode) & mode)
        except OSError:
            pass  # a read-only place: nothing to tighten there


def make_private(*paths: Path) -> None:
    for path in paths:
        if path.exists():
            path.chmod(PRIVATE_FILE)


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write a 0600 file: a temporary file in the same folder, fsync, then rename over `path`.

    Creates missing folders (0700); never changes the mode of a folder that is already there.
    """
    import tempfile  # here, not at the top: capture starts faster without it

    path = Path(path)
    folder = private_dir(path.parent)
    payload = data.encode() if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise describe_os_error(error, path, "write") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_FILE)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise describe_os_error(error, path, "write") from None
        raise


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "it is on a read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENOENT: "a part of the path does not exist",
    errno.ELOOP: "it is a loop of links",
}


def describe_os_error(error: OSError, path: Path, action: str) -> WriteFailed:
    """One line for a failed file operation: what, where and why, in plain words."""
    reason = os_reason(error)
    if error.errno in (errno.EACCES, errno.EPERM) and (owner := _other_owner(path)):
        reason += f"; it belongs to {owner}"
    return WriteFailed(f"Could not {action} {path}: {reason}.")


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in plain words."""
    return _REASONS.get(error.errno or 0) or (error.strerror or type(error).__name__).lower()


def _other_owner(path: Path) -> str | None:
    for probe in (path, *path.parents):
        try:
            uid = probe.stat().st_uid
        except OSError:
            continue
        if uid == os.geteuid():
            return None
        try:
            import pwd

            return f"user {pwd.getpwuid(uid).pw_name}"
        except (ImportError, KeyError):
            return f"user id {uid}"
    return None
