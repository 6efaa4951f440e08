"""`Journal`: the one gateway to the journal's data. Nobody else writes SQL.

Every write runs in one transaction (`BEGIN IMMEDIATE`, so two processes queue on the busy
timeout instead of failing with "database is locked"); records are soft-deleted so undo and
merges between machines work.

The parts live one module each: core (connection, transactions, generic access), named
records, entries, figures, growth figures, imports, keys and backups, sample marks.
"""

from __future__ import annotations

import os
from pathlib import Path

from aijournal.model import records as r
from aijournal.model.errors import (
    JournalDamaged,
    JournalError,
    JournalTooNew,
    NoJournal,
    UnlockError,
)
from aijournal.storage import backups, keys, lock, schema, unlock
from aijournal.storage.entries import Entries
from aijournal.storage.factors import Factors
from aijournal.storage.figures import Figures
from aijournal.storage.growth_figures import GrowthFigures
from aijournal.storage.imports import Imports
from aijournal.storage.keys import KeysAndBackups
from aijournal.storage.named import NamedRecords
from aijournal.storage.paths import (
    PRIVATE_DIR,
    PRIVATE_FILE,
    DataPaths,
    make_private,
    private_dir,
    tighten,
)
from aijournal.storage.samples import SampleRecords
from aijournal.storage.secrets import SecretStore


class Journal(
    NamedRecords,
    Entries,
    Factors,
    Figures,
    GrowthFigures,
    Imports,
    KeysAndBackups,
    SampleRecords,
):
    """An open, unlocked journal: the one gateway, composed of its parts (one module each)."""

    @classmethod
    def create(
        cls,
        paths: DataPaths,
        key: unlock.Key,
        *,
        store: SecretStore | None = None,
        clock: r.Clock = r.now,
    ) -> Journal:
        """Create a new journal in `paths` protected by `key` and open it."""
        unlock.check_place(paths)
        private_dir(paths.root)
        tighten(paths.root, PRIVATE_DIR)
        store = store or SecretStore()
        hold = lock.share(paths.lock)
        try:
            config = unlock.create(paths, key, store)
            return cls._opened(paths, config, key, clock, store, hold)
        except BaseException:
            hold.release()
            raise

    @classmethod
    def open(
        cls,
        paths: DataPaths,
        *,
        passphrase: unlock.PassphraseSource | None = None,
        store: SecretStore | None = None,
        clock: r.Clock = r.now,
    ) -> Journal:
        """Unlock the journal in `paths`, upgrading its schema (after a copy) if needed.

        Finishes or rolls back a key change that was interrupted (see keys.py)."""
        unlock.check_place(paths)
        if not paths.config.exists() or not paths.db.exists():
            raise NoJournal(paths.root)
        store = store or SecretStore()
        hold = lock.share(paths.lock)
        try:
            config = unlock.JournalConfig.read(paths)
            store.prefer(config.keyring_backend)
            if config.pending is None:
                key = unlock.find_key(config, store, passphrase)
            else:
                with hold.exclusive():
                    config = unlock.JournalConfig.read(paths)  # another opener may have done it
                    if config.pending is None:
                        key = unlock.find_key(config, store, passphrase)
                    else:
                        config, key = keys.settle(paths, config, store, passphrase)
            return cls._opened(paths, config, key, clock, store, hold)
        except BaseException:
            hold.release()
            raise

    @classmethod
    def recover(
        cls,
        paths: DataPaths,
        backup: Path,
        *,
        passphrase: unlock.PassphraseSource | None = None,
        store: SecretStore | None = None,
        clock: r.Clock = r.now,
    ) -> Journal:
        """Put `backup` in place of a journal file that no longer opens, keeping it aside."""
        store = store or SecretStore()
        hold = lock.share(paths.lock)
        try:
            config = unlock.JournalConfig.read(paths)
            store.prefer(config.keyring_backend)
            key = unlock.find_key(config, store, passphrase)
            backups.verify(backup, key)
            with hold.exclusive():
                aside = paths.db.with_name(f"{paths.db.name}.damaged-{clock():%Y%m%d-%H%M%S}")
                if paths.db.exists():
                    os.replace(paths.db, aside)
                backups.put_in_place(backup, paths)
            return cls._opened(paths, config, key, clock, store, hold)
        except BaseException:
            hold.release()
            raise

    @classmethod
    def _opened(cls, paths, config, key, clock, store, hold) -> Journal:
        try:
            conn = unlock.unlock(paths, key)
        except UnlockError as error:
            raise _with_backup_hint(error, paths, key) from None
        journal = cls(conn, paths, config, key, clock, store)
        journal._hold = hold
        for path, mode in ((paths.root, PRIVATE_DIR), (paths.config, PRIVATE_FILE)):
            tighten(path, mode)  # a folder or config left readable by others
        try:
            journal._migrate()
        except BaseException:
            journal.db.close()
            raise
        return journal

    def _migrate(self) -> None:
        known = schema.step_names()
        applied = self.schema_steps
        if unknown := [name for name in applied if name not in known]:
            raise JournalTooNew(unknown)
        if applied == known:
            return  # up to date: sqlite-utils is not even imported
        # The write lock first: a second process opening the same old journal waits here,
        # then finds nothing left to do.
        with self.transaction():
            applied = self.schema_steps
            pending = [name for name in known if name not in applied]
            if not pending:
                return
            if applied:  # an existing journal: keep a copy of it as it was
                copy = private_dir(self.paths.backups) / (
                    f"before-{pending[0]}-{self.clock():%Y%m%d-%H%M%S}.db"
                )
                backups.snapshot(self.paths, self._key, copy)
            schema.migrations().apply(self.db.utils)
        make_private(self.paths.db, *self.paths.sidecars())

    def connect_again(self) -> Journal:
        """A second connection to the same journal, for work on another thread."""
        hold = lock.share(self.paths.lock)
        try:
            again = Journal(
                unlock.unlock(self.paths, self._key),
                self.paths,
                self.config,
                self._key,
                self.clock,
                self._store,
            )
        except BaseException:
            hold.release()
            raise
        again._hold = hold
        return again

    def close(self) -> None:
        self.db.close()
        if self._hold is not None:
            self._hold.release()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (before copying it)."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @property
    def schema_steps(self) -> list[str]:
        """The names of the schema steps applied to this journal, in order."""
        if not self.db.table_exists("_sqlite_migrations"):
            return []
        rows = self.db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [schema.SET],
        ).fetchall()
        return [name for (name,) in rows]


def _with_backup_hint(error: UnlockError, paths: DataPaths, key: unlock.Key) -> UnlockError:
    """If the key opens a backup but not the journal, the journal file is what is damaged."""
    for backup in backups.listing(paths.backups)[:3]:  # each try may cost a key derivation
        try:
            backups.verify(backup, key)
        except JournalError:
            continue
        return JournalDamaged(
            f"The journal file {paths.db} is damaged: it does not open with a key that opens "
            f"your backup {backup.name}. Put the backup back with "
            f"`aijournal restore {backup} --yes` (the damaged file is kept aside).",
            backup,
        )
    return error
