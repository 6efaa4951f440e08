"""The keys-and-backups part of the gateway: where the key lives, changing it, backups, restore."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlite_utils import Database

from aijournal.storage import backups, unlock
from aijournal.storage.core import JournalCore
from aijournal.storage.secrets import SecretStore


class KeysAndBackups(JournalCore):
    """The journal's key (where it lives, changing it), backups and restoring one."""

    def describe_key(self) -> str:
        return self.config.describe(self._store)

    @property
    def store(self) -> SecretStore:
        """The run's one connection to the OS secret store."""
        if self._store is None:
            self._store = SecretStore()
        return self._store

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether `passphrase` is this journal's (for the lock screen; no key derivation)."""
        import hmac

        return self._key.protection == "passphrase" and hmac.compare_digest(
            passphrase.encode(), self._key.secret.encode()
        )

    def change_key(self, new: unlock.Key) -> None:
        """Re-encrypt the journal and its backups with `new`, moving where the key lives."""
        config = unlock.switched(self.config, new)
        store = self.store
        if config.keyring_account:
            store.set(config.keyring_account, new.secret)
        try:
            unlock.rekey(self.db.conn, self._key, new)
        except BaseException:
            if config.keyring_account:
                store.delete(config.keyring_account)
            raise
        backups.rekey_all(self.paths, self._key, new)
        config.write(self.paths)
        if self.config.keyring_account:
            store.delete(self.config.keyring_account)
        self.config, self._key = config, new

    def backup(self, folder: Path | None = None, *, keep: int | None = backups.KEEP) -> Path:
        """Copy the journal with SQLite's online backup; keep the newest `keep` copies."""
        return backups.make(self.db.conn, self.paths, self._key, self.clock(), folder, keep)

    def backup_if_due(self, every: timedelta = timedelta(days=1)) -> Path | None:
        """The automatic daily backup, made only when the newest one is older than `every`."""
        newest = backups.newest(self.paths.backups)
        if newest and self.clock() - newest[1] < every:
            return None
        return self.backup()

    def backups(self) -> list[Path]:
        return backups.listing(self.paths.backups)

    def restore(self, backup: Path) -> Path:
        """Replace the journal with `backup`; returns the safety copy of the current one."""
        backups.verify(backup, self._key)
        safety = self.backup(keep=None)
        self.close()
        try:
            backups.put_in_place(backup, self.paths)
        finally:
            self.db = Database(unlock.unlock(self.paths, self._key), execute_plugins=False)
        self._migrate()
        return safety
