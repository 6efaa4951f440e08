"""Where a journal's files live, and writing them privately and atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


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

    def sidecars(self) -> tuple[Path, Path]:
        """SQLite's write-ahead log and shared-memory files next to the database."""
        return Path(f"{self.db}-wal"), Path(f"{self.db}-shm")


def private_dir(path: Path) -> Path:
    """Create the folder (and parents) if needed, readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    path.chmod(PRIVATE_DIR)
    return path


def make_private(*paths: Path) -> None:
    for path in paths:
        if path.exists():
            path.chmod(PRIVATE_FILE)


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over `path`."""
    private_dir(path.parent)
    payload = data.encode() if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, PRIVATE_FILE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
