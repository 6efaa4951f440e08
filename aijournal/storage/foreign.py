"""Reading another program's SQLite file (Open WebUI's webui.db), never writing to it.

The file is copied (with its write-ahead log) into a private temporary folder and the copy is
opened read-only, so the program that owns the file is never disturbed, not even by a lock.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from aijournal.model.errors import JournalError

SQLITE_HEADER = b"SQLite format 3\x00"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class NotSQLite(JournalError):
    """The file is not an SQLite database (or cannot be read as one)."""


class MissingColumns(JournalError):
    """The database lacks a table or columns the reader needs: another program, or a version
    of it that keeps its data elsewhere."""

    def __init__(self, table: str, missing: Sequence[str]):
        self.table, self.missing = table, tuple(missing)
        super().__init__(f"no {table} table with {', '.join(missing)}")


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as raw:
            return raw.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


@contextmanager
def _copy(path: Path) -> Iterator[sqlite3.Connection]:
    with tempfile.TemporaryDirectory(prefix="aijournal-read-") as folder:
        copy = Path(folder) / "copy.db"
        try:
            shutil.copyfile(path, copy)
            for suffix in ("-wal", "-shm"):
                if (side := path.with_name(path.name + suffix)).exists():
                    shutil.copyfile(side, copy.with_name(copy.name + suffix))
            conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        except (OSError, sqlite3.Error) as error:
            raise NotSQLite(str(error)) from None
        try:
            yield conn
        finally:
            conn.close()


def rows(path: Path, table: str, columns: Sequence[str]) -> Iterator[tuple]:
    """The rows of `table` (these columns, in rowid order) in a copy of the database at `path`.

    Raises NotSQLite for a file that is no SQLite database, MissingColumns when the table or
    any of the columns is not there.
    """
    if not all(_NAME.match(name) for name in (table, *columns)):
        raise ValueError("table and column names must be plain identifiers")
    if not is_sqlite(path):
        raise NotSQLite("not an SQLite database")
    with _copy(path) as conn:
        try:
            present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if missing := [c for c in columns if c not in present]:
                raise MissingColumns(table, missing)
            cursor = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid")
            yield from cursor
        except sqlite3.Error as error:
            raise NotSQLite(str(error)) from None
