"""The keys-and-backups part of the gateway: where the key lives, changing it, backups, restore.

A key change is two-phase, so that at every instant the journal opens with the old key or the
new one and the app knows which:

1. the config records the new key as *pending* (its kind; for a new key in the secret store its
   entry, for a new passphrase a verifier that tells it from the old one);
2. a new key in the secret store is stored;
3. the database is re-keyed in place (SQLCipher does it in one transaction: the file opens
   with the old key until it commits, with the new one after);
4. the backups are re-keyed, and the old secret-store entry removed;
5. the config records the new key as the journal's, with nothing pending.

Opening a journal with a key change pending (the process was killed) tries the keys it can
get without asking first, then the passphrase: if the old key still opens the file the change
is rolled back, if the new one does it is finished. Backups whose old key is not at hand are
kept as they are and listed in the config, so the user is told which key each needs.

Restore, recovery and key change hold the journal's lock file exclusively (storage/lock.py): no
other process has the journal open while its file is replaced or re-encrypted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

from aijournal.model import records as r
from aijournal.model.errors import JournalError, UnlockError, WrongPassphrase
from aijournal.storage import backups, lock, unlock
from aijournal.storage.core import JournalCore
from aijournal.storage.paths import DataPaths
from aijournal.storage.secrets import SecretStore
from aijournal.storage.sql import Connection


@dataclass(frozen=True)
class KeyChanged:
    """What a key change did to the backups."""

    rekeyed: int
    older: unlock.OlderKey | None

    def line(self) -> str:
        text = f"{self.rekeyed} backup{'' if self.rekeyed == 1 else 's'} re-encrypted."
        if self.older and self.older.backups:
            count = len(self.older.backups)
            text += f" {count} still need{'s' if count == 1 else ''} {self.older.needs()}."
        return text + " Backups made into other folders (backup --to) keep the old key."


class KeysAndBackups(JournalCore):
    """The journal's key (where it lives, changing it), backups and restoring one."""

    _hold: lock.Hold | None = None  # this connection's share of the journal's lock file

    def _exclusive(self):
        """The journal to this connection alone, for a moment (restore, key change)."""
        if self._hold is None:
            self._hold = lock.share(self.paths.lock)
        return self._hold.exclusive()

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

    def change_key(self, new: unlock.Key) -> KeyChanged:
        """Re-encrypt the journal and its backups with `new`, crash-safely (see above)."""
        old, config, store = self._key, self.config, self.store
        with self._exclusive():
            pending = unlock.pending_for(config, new, store, r.utc_stamp())
            staged = replace(config, pending=pending)
            staged.write(self.paths)
            try:
                if pending.keyring_account:
                    store.set(pending.keyring_account, new.secret)
                unlock.rekey(self.db.conn, old, new)
            except BaseException:
                self.config = roll_back(self.paths, staged, store)
                raise
            self._key = new
            self.config, changed = finish(self.paths, staged, old, new, store)
        return changed

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

    def backup_needs(self, backup: Path) -> str | None:
        """Which earlier key a backup of this journal needs, when it is not the current one."""
        older = self.config.older_key
        if older and backup.parent == self.paths.backups and backup.name in older.backups:
            return older.needs()
        return None

    def restore(self, backup: Path, *, backup_key: unlock.Key | None = None) -> Path:
        """Replace the journal with `backup`; returns the safety copy of the current one.

        `backup_key` opens a backup made with an earlier key; the restored journal is
        re-encrypted with the current key."""
        backups.verify(backup, backup_key or self._key, needs=self.backup_needs(backup))
        with self._exclusive():
            safety = self.backup(keep=None)  # every write reported so far is in it
            self.db.close()
            try:
                backups.put_in_place(backup, self.paths, backup_key, self._key)
            finally:
                self.db = Connection(unlock.unlock(self.paths, self._key))
            self._migrate()
        return safety

    def _migrate(self) -> None:  # provided by Journal
        raise NotImplementedError


def finish(
    paths: DataPaths,
    staged: unlock.JournalConfig,
    old: unlock.Key | None,
    new: unlock.Key,
    store: SecretStore,
) -> tuple[unlock.JournalConfig, KeyChanged]:
    """Phases 4 and 5: the database opens with `new`; re-key the backups, then record it."""
    rekeyed, left = backups.rekey_all(paths, old, new)
    earlier = staged.older_key
    if earlier:  # backups of an even earlier key that are still there
        left = [*left, *(n for n in earlier.backups if n not in left)]
    older = unlock.OlderKey(staged.protection, r.utc_stamp(), tuple(sorted(left))) if left else None
    assert staged.pending is not None
    if staged.keyring_account and staged.keyring_account != staged.pending.keyring_account:
        store.delete(staged.keyring_account)
    done = unlock.settled(staged, older)
    done.write(paths)
    return done, KeyChanged(rekeyed, older)


def roll_back(
    paths: DataPaths, staged: unlock.JournalConfig, store: SecretStore
) -> unlock.JournalConfig:
    """The database still opens with the old key: forget the pending one."""
    assert staged.pending is not None
    if staged.pending.keyring_account:
        store.delete(staged.pending.keyring_account)
    config = replace(staged, pending=None)
    config.write(paths)
    return config


def settle(
    paths: DataPaths,
    config: unlock.JournalConfig,
    store: SecretStore,
    passphrase: unlock.PassphraseSource | None,
) -> tuple[unlock.JournalConfig, unlock.Key]:
    """Finish or roll back a key change that was interrupted; the config and the key after."""
    pending = config.pending
    assert pending is not None
    old = new = None
    if config.protection == "keyring":
        old = _stored(config.keyring_account, store)
    if pending.protection == "keyring":
        store.prefer(pending.keyring_backend)
        new = _stored(pending.keyring_account, store)
    if old is not None and unlock.opens(paths.db, old):
        return roll_back(paths, config, store), old
    if new is not None and unlock.opens(paths.db, new):
        return finish(paths, config, old, new, store)[0], new
    if "passphrase" not in (config.protection, pending.protection):
        raise UnlockError(
            "A key change was interrupted and neither key in the secret store opens the "
            "journal now; unlock the secret store and try again."
        )
    typed = unlock.Key("passphrase", unlock.ask(passphrase))
    if not unlock.opens(paths.db, typed):
        unlock.check_place(paths)
        raise WrongPassphrase()
    is_new = pending.protection == "passphrase" and (
        config.protection != "passphrase" or unlock.matches_check(pending.check, typed.secret)
    )
    if is_new:
        return finish(paths, config, old, typed, store)[0], typed
    return roll_back(paths, config, store), typed


def _stored(account: str | None, store: SecretStore) -> unlock.Key | None:
    if not account:
        return None
    try:
        key = unlock.keyring_key(account, store, missing_ok=True)
    except JournalError:
        return None
    return key if key.secret else None
