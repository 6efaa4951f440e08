"""Creating and unlocking the encrypted journal file, and where its key lives.

`journal.json` beside the database says how the journal is protected (never the key itself):
- "keyring": a random 256-bit key in the OS secret store, used as a raw SQLCipher key;
- "passphrase": a passphrase the user types (or AIJOURNAL_PASSPHRASE), stretched by SQLCipher;
- "none": a plain SQLite file, only when the user asked for it.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import sqlcipher3

from aijournal.model.errors import InvalidInput, JournalError, UnlockError, WrongPassphrase
from aijournal.storage.paths import DataPaths, atomic_write, make_private
from aijournal.storage.secrets import SERVICE, SecretStore

CONFIG_FORMAT = "aijournal-config/1"
PROTECTIONS = ("keyring", "passphrase", "none")
MIN_PASSPHRASE = 8
PassphraseSource = Callable[[], str | None]


@dataclass(frozen=True)
class Key:
    """What opens one journal: a raw hex key, a passphrase, or nothing (unencrypted)."""

    protection: str
    secret: str = ""

    def pragma(self) -> str | None:
        if self.protection == "none":
            return None
        if self.protection == "keyring":
            return f"\"x'{self.secret}'\""
        return "'" + self.secret.replace("'", "''") + "'"

    @classmethod
    def random(cls) -> Key:
        return cls("keyring", secrets.token_hex(32))

    @classmethod
    def from_passphrase(cls, passphrase: str) -> Key:
        check_passphrase(passphrase)
        return cls("passphrase", passphrase)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            "passphrase", "*" * len(passphrase), f"use at least {MIN_PASSPHRASE} characters"
        )


@dataclass(frozen=True)
class JournalConfig:
    journal_id: str
    protection: str
    keyring_account: str | None = None
    format: str = CONFIG_FORMAT

    @classmethod
    def read(cls, paths: DataPaths) -> JournalConfig:
        try:
            data = json.loads(paths.config.read_text())
            config = cls(**data)
        except (OSError, ValueError, TypeError) as error:
            raise JournalError(
                f"{paths.config} cannot be read ({error}); "
                "restore it from a backup of the data folder."
            ) from None
        if config.format != CONFIG_FORMAT or config.protection not in PROTECTIONS:
            raise JournalError(f"{paths.config} is from a newer AI Journal; nothing was changed.")
        return config

    def write(self, paths: DataPaths) -> None:
        atomic_write(paths.config, json.dumps(asdict(self), indent=2) + "\n")

    def describe(self, store: SecretStore | None = None) -> str:
        """Where the key lives, in plain words."""
        if self.protection == "keyring":
            name = f" ({store.name})" if store else ""
            return (
                f"The key is in the OS secret store{name}, "
                f"entry '{SERVICE}' / '{self.keyring_account}'."
            )
        if self.protection == "passphrase":
            return (
                "The journal is encrypted with your passphrase; it is asked for at each start "
                "(or read from AIJOURNAL_PASSPHRASE). It is stored nowhere."
            )
        return "The journal is NOT encrypted: anyone who can read the file can read it."


def connect(path: Path, key: Key) -> sqlcipher3.Connection:
    """Open the database with this key and prove the key by reading the schema."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=15)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a log
        if (pragma := key.pragma()) is not None:
            conn.execute(f"PRAGMA key = {pragma}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA busy_timeout = 15000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # a committed entry survives power loss too
        conn.execute("PRAGMA foreign_keys = ON")
        # Decrypted pages stay cached up to 64 MiB (a 20-year journal is about 25 MB), so a
        # repaint re-reads memory instead of decrypting the file again; it grows only as used.
        conn.execute("PRAGMA cache_size = -65536")
    except sqlcipher3.DatabaseError:
        conn.close()
        raise
    return conn


def create(paths: DataPaths, key: Key, store: SecretStore | None = None) -> JournalConfig:
    """Write the config and an empty database keyed with `key`; store a keyring key first."""
    from aijournal.model.errors import JournalExists

    if paths.db.exists() or paths.config.exists():
        raise JournalExists(paths.root)
    journal_id = str(uuid.uuid4())
    account = f"journal-{journal_id}" if key.protection == "keyring" else None
    if account:
        (store or SecretStore()).set(account, key.secret)
    config = JournalConfig(journal_id, key.protection, account)
    try:
        config.write(paths)
        conn = connect(paths.db, key)
        conn.close()
        make_private(paths.db, *paths.sidecars())
    except BaseException:
        paths.config.unlink(missing_ok=True)
        paths.db.unlink(missing_ok=True)
        if account:
            (store or SecretStore()).delete(account)
        raise
    return config


def find_key(
    config: JournalConfig, store: SecretStore | None, passphrase: PassphraseSource | None
) -> Key:
    """The key for this journal, from the secret store or from whoever knows the passphrase."""
    if config.protection == "none":
        return Key("none")
    if config.protection == "passphrase":
        given = passphrase() if passphrase else None
        if not given:
            raise UnlockError(
                "This journal is protected by a passphrase: type it, or set AIJOURNAL_PASSPHRASE."
            )
        return Key("passphrase", given)
    store = store or SecretStore()
    try:
        secret = store.get(config.keyring_account or "")
    except JournalError as error:
        raise UnlockError(f"{error} Unlock the secret store and try again.") from None
    if not secret:
        raise UnlockError(
            f"The key for this journal is missing from the secret store ({store.name}), "
            f"entry '{SERVICE}' / '{config.keyring_account}'. Restore the entry, or use a "
            "journal export to start again."
        )
    return Key("keyring", secret)


def unlock(paths: DataPaths, key: Key) -> sqlcipher3.Connection:
    try:
        conn = connect(paths.db, key)
    except sqlcipher3.DatabaseError as error:
        if key.protection == "passphrase":
            raise WrongPassphrase() from None
        if key.protection == "keyring":
            raise UnlockError(
                "The key in the secret store does not open this journal; "
                "the file or the key entry was replaced."
            ) from None
        raise UnlockError(f"{paths.db} is not a readable journal ({error}).") from None
    make_private(paths.db, *paths.sidecars())
    return conn


def rekey(conn: sqlcipher3.Connection, old: Key, new: Key) -> None:
    """Re-encrypt an open database with a new key in place."""
    if old.protection == "none" or new.protection == "none":
        raise JournalError(
            "Only an encrypted journal can change its key; to encrypt a plain "
            "journal, export it and import it into a new encrypted one."
        )
    conn.execute(f"PRAGMA rekey = {new.pragma()}")


def switched(config: JournalConfig, new: Key) -> JournalConfig:
    account = (
        f"journal-{config.journal_id}-{uuid.uuid4().hex[:8]}"
        if new.protection == "keyring"
        else None
    )
    return replace(config, protection=new.protection, keyring_account=account)
