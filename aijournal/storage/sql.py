"""The journal's connection, as the gateway uses it.

A quick capture (`aijournal log-ai`) must cost little more than starting Python and opening
SQLCipher, and importing sqlite-utils costs about 100 ms (more when it finds numpy, which it
imports whenever it is installed). So everyday reads and writes use the sqlcipher3 connection
directly through this small class; sqlite-utils is reached, through `utils`, only where it
serves: applying migrations, reading a table's columns, bulk inserts.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any

import sqlcipher3

if TYPE_CHECKING:
    from sqlite_utils import Database

_SAVEPOINTS = itertools.count()


class Connection:
    """An open journal file: statements, inserts and updates of rows, nested savepoints."""

    def __init__(self, conn: sqlcipher3.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def insert(self, table: str, row: Mapping[str, Any]) -> None:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))

    def update(self, table: str, record_id: str, row: Mapping[str, Any]) -> None:
        changes = {k: v for k, v in row.items() if k != "id"}
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", [*changes.values(), record_id]
        )

    @contextmanager
    def savepoint(self) -> Iterator[Connection]:
        """A nested transaction inside the open one: undone alone if its block fails."""
        name = f"aijournal_{next(_SAVEPOINTS)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:  # an error may have ended the whole transaction
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    @cached_property
    def utils(self) -> Database:
        """sqlite-utils on the same connection, for migrations and bulk work (imported now)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def table_exists(self, table: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
            ).fetchone()
            is not None
        )
