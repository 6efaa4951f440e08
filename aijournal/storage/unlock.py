"""Creating and unlocking the encrypted journal file, and where its key lives.

`journal.json` beside the database says how the journal is protected (never the key itself):
- "keyring": a random 256-bit key in the OS secret store, used as a raw SQLCipher key;
- "passphrase": a passphrase the user types (or AIJOURNAL_PASSPHRASE), stretched by SQLCipher;
- "none": a plain SQLite file, only when the user asked for it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import sqlcipher3

from aijournal.model.errors import InvalidInput, JournalError, UnlockError, WrongPassphrase
from aijournal.storage.paths import DataPaths, atomic_write, describe_os_error, make_private
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
        import secrets  # only here: capture starts faster without it

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
class PendingKey:
    """The new key of a key change that has started and not finished (see keys.py)."""

    protection: str
    keyring_account: str | None = None
    keyring_backend: str | None = None
    # For a new passphrase: a PBKDF2 verifier (SQLCipher's own strength), so that opening
    # after a crash can tell the new passphrase from the old one. Dropped once done.
    check: str | None = None
    started_at: str = ""


@dataclass(frozen=True)
class OlderKey:
    """Backups still encrypted with the key the journal had before a change, and which it was."""

    protection: str
    changed_at: str
    backups: tuple[str, ...] = ()

    def needs(self) -> str:
        when = f"before its key changed on {self.changed_at[:10]}"
        if self.protection == "passphrase":
            return (
                f"the passphrase the journal had {when} (to restore it, give that passphrase "
                "in AIJOURNAL_BACKUP_PASSPHRASE)"
            )
        return f"the key the journal kept in the secret store {when}, which is gone"


@dataclass(frozen=True)
class JournalConfig:
    journal_id: str
    protection: str
    keyring_account: str | None = None
    keyring_backend: str | None = None  # which secret store holds the key: opened directly
    pending: PendingKey | None = None
    older_key: OlderKey | None = None
    format: str = CONFIG_FORMAT

    @classmethod
    def read(cls, paths: DataPaths) -> JournalConfig:
        try:
            data = json.loads(paths.config.read_text(encoding="utf-8"))
            if data.get("pending") is not None:
                data["pending"] = PendingKey(**data["pending"])
            if data.get("older_key") is not None:
                older = data["older_key"]
                data["older_key"] = OlderKey(**{**older, "backups": tuple(older["backups"])})
            config = cls(**data)
        except IsADirectoryError:
            raise JournalError(
                f"{paths.config} is a folder, not the journal's settings file."
            ) from None
        except PermissionError:
            raise describe_os_error(PermissionError(13, "denied"), paths.config, "read") from None
        except (OSError, ValueError, TypeError, AttributeError, KeyError) as error:
            raise JournalError(
                f"{paths.config} cannot be read ({error}); "
                "restore it from a backup of the data folder."
            ) from None
        if config.format != CONFIG_FORMAT or config.protection not in PROTECTIONS:
            raise JournalError(f"{paths.config} is from a newer AI Journal; nothing was changed.")
        return config

    def write(self, paths: DataPaths) -> None:
        data = {k: v for k, v in asdict(self).items() if v is not None or k == "keyring_account"}
        atomic_write(paths.config, json.dumps(data, indent=2) + "\n")

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
    store = store or SecretStore()
    if account:
        store.set(account, key.secret)
    backend = store.backend_name if account else None
    config = JournalConfig(journal_id, key.protection, account, backend)
    try:
        config.write(paths)
        conn = connect(paths.db, key)
        conn.close()
        make_private(paths.db, *paths.sidecars())
    except BaseException:
        paths.config.unlink(missing_ok=True)
        paths.db.unlink(missing_ok=True)
        if account:
            store.delete(account)
        raise
    return config


def find_key(
    config: JournalConfig, store: SecretStore | None, passphrase: PassphraseSource | None
) -> Key:
    """The key for this journal, from the secret store or from whoever knows the passphrase."""
    if config.protection == "none":
        return Key("none")
    if config.protection == "passphrase":
        return Key("passphrase", ask(passphrase))
    return keyring_key(config.keyring_account or "", store or SecretStore())


def ask(passphrase: PassphraseSource | None) -> str:
    given = passphrase() if passphrase else None
    if not given:
        raise UnlockError(
            "This journal is protected by a passphrase: type it, or set AIJOURNAL_PASSPHRASE."
        )
    return given


def keyring_key(account: str, store: SecretStore, *, missing_ok: bool = False) -> Key:
    try:
        secret = store.get(account)
    except JournalError as error:
        raise UnlockError(f"{error} Unlock the secret store and try again.") from None
    if not secret and not missing_ok:
        raise UnlockError(
            f"The key for this journal is missing from the secret store ({store.name}), "
            f"entry '{SERVICE}' / '{account}'. Restore the entry, or use a "
            "journal export to start again."
        )
    return Key("keyring", secret or "")


# SQLite result codes (the primary ones) that say what went wrong with the file itself.
_NOT_A_DATABASE = 26
_FILE_PROBLEMS = {
    8: "it is read-only (the folder or the disk does not allow writing)",
    10: "the disk reported an input/output error",
    13: "the disk is full",
    14: "it cannot be opened",
    23: "permission denied",
}


def unlock(paths: DataPaths, key: Key) -> sqlcipher3.Connection:
    """Open the journal file with `key`; each way of failing has its own message."""
    check_place(paths)
    try:
        conn = connect(paths.db, key)
    except sqlcipher3.DatabaseError as error:
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in _FILE_PROBLEMS:
            raise JournalError(
                f"The journal {paths.db} cannot be opened: {_FILE_PROBLEMS[code]}."
            ) from None
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


def opens(path: Path, key: Key) -> bool:
    """Whether `key` opens the database at `path` (one key derivation for a passphrase)."""
    try:
        connect(path, key).close()
    except sqlcipher3.DatabaseError:
        return False
    return True


def check_place(paths: DataPaths) -> None:
    """Say plainly what is wrong with the data folder or the journal file, if anything is."""
    import os

    root, db = paths.root, paths.db
    try:
        if root.is_symlink() and not root.exists():
            raise JournalError(f"{root} is a broken link; point it at a folder or remove it.")
        if db.is_symlink() and not db.exists():
            raise JournalError(f"{db} is a broken link; point it at the journal file or remove it.")
        if root.exists() and not root.is_dir():
            raise JournalError(f"{root} is not a folder; give --data-dir a folder.")
        if not root.exists() and any(p.exists() and not p.is_dir() for p in root.parents):
            raise JournalError(f"{root} is below a file, not a folder; give --data-dir a folder.")
        if db.is_dir():
            raise JournalError(
                f"{db} is a folder, not a journal file; move it away (or restore a backup)."
            )
        for path, mode, what in ((db, os.R_OK, "read"), (root, os.W_OK, "write in")):
            if path.exists() and not os.access(path, mode):
                error = OSError(30 if _read_only_disk(root) else 13, "")
                raise describe_os_error(error, path, what) from None
    except OSError as error:  # the folder itself cannot be looked into
        raise describe_os_error(error, root, "open the journal in") from None


def _read_only_disk(path: Path) -> bool:
    import os

    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def rekey(conn: sqlcipher3.Connection, old: Key, new: Key) -> None:
    """Re-encrypt an open database with a new key in place (one transaction)."""
    if old.protection == "none" or new.protection == "none":
        raise JournalError(
            "Only an encrypted journal can change its key; to encrypt a plain "
            "journal, export it and import it into a new encrypted one."
        )
    conn.execute(f"PRAGMA rekey = {new.pragma()}")


# A verifier as strong as SQLCipher's own key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds).
_CHECK_ROUNDS = 256_000


def passphrase_check(passphrase: str) -> str:
    import hashlib  # here, not at the top: capture starts faster without them
    import secrets

    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, _CHECK_ROUNDS)
    return f"pbkdf2-sha512${_CHECK_ROUNDS}${salt.hex()}${digest.hex()}"


def matches_check(check: str | None, passphrase: str) -> bool:
    import hashlib  # here, not at the top: capture starts faster without them
    import hmac

    try:
        _, rounds, salt, digest = (check or "").split("$")
        found = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), bytes.fromhex(salt), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(found.hex(), digest)


def pending_for(config: JournalConfig, new: Key, store: SecretStore, moment: str) -> PendingKey:
    """What the config records about a new key before the journal is re-keyed with it."""
    if new.protection == "keyring":
        account = f"journal-{config.journal_id}-{uuid.uuid4().hex[:8]}"
        return PendingKey("keyring", account, store.backend_name, started_at=moment)
    return PendingKey("passphrase", check=passphrase_check(new.secret), started_at=moment)


def settled(config: JournalConfig, older: OlderKey | None) -> JournalConfig:
    """The config once its pending key is the journal's key."""
    assert config.pending is not None
    new = config.pending
    return replace(
        config,
        protection=new.protection,
        keyring_account=new.keyring_account,
        keyring_backend=new.keyring_backend,
        pending=None,
        older_key=older,
    )
