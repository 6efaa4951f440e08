"""The OS secret store, behind one small interface that says where keys go.

Never falls back silently: when no real store works, callers are told why and choose a
passphrase instead. A plain-text keyring backend counts as no store at all.

One connection per run, and no hunting: the journal's config names the backend that holds its
key, and opening loads that one directly. Discovery (for a new journal) looks only at the
stores of this platform, so it never imports keyring's macOS module on Linux, whose library
search starts gcc and ld. The freedesktop Secret Service is spoken to over one D-Bus
connection (the same items keyring's SecretService backend reads and writes). A backend the
user chose through keyring itself (PYTHON_KEYRING_BACKEND, keyringrc.cfg), or one set
in-process with `keyring.set_keyring`, always wins.

Every call has a time limit: a store that waits on an unlock prompt nobody answers, or whose
daemon died, is an error with a clear message, never a hang.

The passphrases that scripts hand over in the environment are taken out of it at start
(`take_environment_secrets`), so no child process can inherit them.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from aijournal.model.errors import SecretStoreUnavailable

SERVICE = "aijournal"
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"
# Backends that hold nothing, or hold secrets in plain text: never use them for the key.
_REFUSED = {
    "fail.Keyring": "no secret store is installed or running",
    "null.Keyring": "the secret store is switched off",
    "PlaintextKeyring": "the only secret store keeps secrets in plain text",
}
# The stores worth looking for on each platform, best first (keyring's own priorities).
_PLATFORM_STORES = {
    "darwin": ("keyring.backends.macOS.Keyring",),
    "win32": ("keyring.backends.Windows.WinVaultKeyring",),
}
_FREEDESKTOP_STORES = (SECRET_SERVICE, "keyring.backends.kwallet.DBusKeyring")
CALL_SECONDS = 20.0  # one read or write
PROMPT_SECONDS = 90.0  # time for a person to type the password of a locked collection
TIMEOUT_ENV = "AIJOURNAL_SECRET_TIMEOUT"

T = TypeVar("T")


class SecretStore:
    """One connection to the OS secret store for the whole run."""

    def __init__(self, backend: Any = None, *, timeout: float | None = None):
        self._backend = backend
        self._hint: str | None = None
        self._stuck: str | None = None
        # AIJOURNAL_SECRET_TIMEOUT caps every call, prompts included (tests use a short one).
        fixed = os.environ.get(TIMEOUT_ENV)
        self.fixed = timeout is not None or bool(fixed)
        self.timeout = timeout if timeout is not None else float(fixed or CALL_SECONDS)

    def prefer(self, backend_name: str | None) -> None:
        """Use the backend named in the journal's config, unless one is already in use."""
        if backend_name and self._backend is None:
            self._hint = backend_name

    @property
    def backend(self) -> Any:
        if self._backend is None:
            self._backend = _choose(self._hint, self.timeout)
        return self._backend

    @property
    def name(self) -> str:
        backend = self.backend
        return getattr(backend, "name", None) or type(backend).__name__

    @property
    def backend_name(self) -> str:
        """The backend's full name, as the journal's config records it."""
        backend = self.backend
        return getattr(backend, "recorded_as", None) or _qualified(type(backend))

    def problem(self) -> str | None:
        """Why this store cannot hold a key, or None when it looks usable."""
        qualified = self.backend_name
        for marker, reason in _REFUSED.items():
            if qualified.endswith(marker):
                return reason
        return None

    def _guard(self) -> None:
        if reason := self.problem():
            raise SecretStoreUnavailable(f"No usable secret store: {reason}.")
        if self._stuck:
            raise SecretStoreUnavailable(self._stuck)

    def get(self, account: str) -> str | None:
        self._guard()
        return self._call("read from", lambda: self.backend.get_password(SERVICE, account))

    def set(self, account: str, secret: str) -> None:
        self._guard()

        def write() -> str | None:
            self.backend.set_password(SERVICE, account, secret)
            return self.backend.get_password(SERVICE, account)

        if self._call("write to", write) != secret:
            raise SecretStoreUnavailable(f"The secret store ({self.name}) did not keep the key.")

    def delete(self, account: str) -> bool:
        """Remove an entry; False (not an error) when it was missing or the store failed."""
        if self.problem() or self._stuck:
            return False
        try:
            self._call("delete from", lambda: self.backend.delete_password(SERVICE, account))
        except SecretStoreUnavailable:
            return False  # a stale entry left behind holds no data
        return True

    def _call(self, action: str, call: Callable[[], T]) -> T:
        """Run one store call on a helper thread, so that a hang becomes an error."""
        outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                outcome["value"] = call()
            except BaseException as error:  # noqa: BLE001 - handed back to the caller below
                outcome["error"] = error

        worker = threading.Thread(target=run, name="aijournal-secret-store", daemon=True)
        worker.start()
        prompt = not self.fixed and _may_prompt(self.backend)
        limit = self.timeout + (PROMPT_SECONDS if prompt else 0)
        worker.join(limit)
        if worker.is_alive():  # the thread stays blocked, but nobody waits for it any more
            self._stuck = (
                f"The secret store ({self.name}) did not answer within {limit:g} s (is it "
                "waiting to be unlocked, or did it stop?)."
            )
            raise SecretStoreUnavailable(self._stuck)
        if "error" in outcome:
            error = outcome["error"]
            if isinstance(error, SecretStoreUnavailable):
                raise error
            raise SecretStoreUnavailable(_describe(action, self.name, error)) from None
        return outcome["value"]


def _may_prompt(backend: Any) -> bool:
    """Whether a call may wait on a person (an unlock or access prompt of a real store)."""
    return bool(getattr(backend, "may_prompt", False)) or _qualified(type(backend)).startswith(
        (
            "keyring.backends.macOS",
            "keyring.backends.Windows",
            "keyring.backends.kwallet",
            "keyring.backends.libsecret",
        )
    )


def _qualified(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def _choose(hint: str | None, timeout: float) -> Any:
    """The backend to use: the user's choice, else the config's, else this platform's best."""
    if chosen := _chosen_through_keyring():
        return chosen
    if hint == SECRET_SERVICE:
        return SecretServiceStore(timeout)
    if hint and hint.startswith("keyring.backends.") and not hint.endswith(tuple(_REFUSED)):
        try:
            return _load(hint)
        except Exception:  # noqa: BLE001 - gone or not viable: look for another below
            pass
    return _discover(timeout)


def _chosen_through_keyring() -> Any:
    """A backend set in-process (keyring.set_keyring) or configured for keyring itself."""
    core = sys.modules.get("keyring.core")
    if core is not None and getattr(core, "_keyring_backend", None) is not None:
        return core._keyring_backend
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    if (
        os.environ.get("PYTHON_KEYRING_BACKEND")
        or (config_home / "python_keyring" / "keyringrc.cfg").exists()
    ):
        import keyring

        return keyring.get_keyring()
    return None


def _load(name: str) -> Any:
    import importlib

    module_name, _, class_name = name.rpartition(".")
    kind = getattr(importlib.import_module(module_name), class_name)
    kind.priority  # noqa: B018 - raises when the backend cannot work here
    return kind()


def _discover(timeout: float) -> Any:
    if sys.platform in _PLATFORM_STORES:
        names: tuple[str, ...] = _PLATFORM_STORES[sys.platform]
    elif sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        names = _FREEDESKTOP_STORES
    else:
        import keyring

        return keyring.get_keyring()
    for name in names:
        try:
            if name == SECRET_SERVICE:
                store = SecretServiceStore(timeout)
                if store.available():
                    return store
                continue
            return _load(name)
        except Exception:  # noqa: BLE001 - not installed or not running: the next one
            continue
    from keyring.backends import fail

    return fail.Keyring()


class SecretServiceStore:
    """The freedesktop Secret Service over one D-Bus connection for the whole run.

    Reads and writes the same items as keyring's SecretService backend (attributes
    `service` and `username`), so keys stored by either are found by both.
    """

    name = "Secret Service"
    recorded_as = SECRET_SERVICE
    may_prompt = True
    appid = "Python keyring library"

    def __init__(self, timeout: float = CALL_SECONDS):
        self.timeout = timeout
        self._connection: Any = None
        self._collection: Any = None

    def available(self) -> bool:
        """Whether a Secret Service runs (or can be started) on this session's D-Bus."""
        import secretstorage

        return bool(secretstorage.check_service_availability(self._bus()))

    def _bus(self) -> Any:
        if self._connection is None:
            import secretstorage

            self._connection = secretstorage.dbus_init()
        return self._connection

    def _default(self) -> Any:
        if self._collection is None:
            import secretstorage

            collection = secretstorage.get_default_collection(self._bus())
            if collection.is_locked():
                collection.unlock(timeout=self.timeout + PROMPT_SECONDS)
                if collection.is_locked():
                    from keyring.errors import KeyringLocked

                    raise KeyringLocked("it is locked (the unlock prompt was dismissed)")
            self._collection = collection
        return self._collection

    def _items(self, service: str, username: str) -> list[Any]:
        return list(self._default().search_items({"username": username, "service": service}))

    def get_password(self, service: str, username: str) -> str | None:
        for item in self._items(service, username):
            if item.is_locked():
                item.unlock()
            return item.get_secret().decode("utf-8")
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        attributes = {"username": username, "service": service, "application": self.appid}
        label = f"Password for '{username}' on '{service}'"
        self._default().create_item(label, attributes, password, replace=True)

    def delete_password(self, service: str, username: str) -> None:
        for item in self._items(service, username):
            item.delete()
            return
        from keyring.errors import PasswordDeleteError

        raise PasswordDeleteError("No such password!")


def _describe(action: str, name: str, error: BaseException) -> str:
    from keyring.errors import KeyringLocked, NoKeyringError

    if isinstance(error, KeyringLocked):
        reason = "it is locked"
    elif isinstance(error, NoKeyringError):
        reason = "no secret store is installed or running"
    elif isinstance(error, TimeoutError):
        reason = "it asked to be unlocked and nobody answered in time"
    else:
        text = str(error).strip()
        reason = text.splitlines()[0].rstrip(".") if text else type(error).__name__
    return f"Could not {action} the secret store ({name}): {reason}."


# ---- passphrases handed over in the environment ---------------------------------------------

ENVIRONMENT_SECRETS = (
    "AIJOURNAL_PASSPHRASE",
    "AIJOURNAL_NEW_PASSPHRASE",
    "AIJOURNAL_BACKUP_PASSPHRASE",
)
_taken: dict[str, str] = {}


def take_environment_secrets() -> dict[str, str]:
    """Move the passphrases out of os.environ (so no child process inherits them); returns
    what was taken, for whoever wants to put it back when done."""
    _taken.clear()
    for name in ENVIRONMENT_SECRETS:
        value = os.environ.pop(name, None)
        if value is not None:
            _taken[name] = value
    return dict(_taken)


def environment_secret(name: str) -> str | None:
    """A passphrase a script handed over, taken out of the environment at start."""
    return _taken.get(name) or os.environ.get(name) or None
