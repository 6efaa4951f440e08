"""The OS secret store (through keyring), behind one small interface that says where keys go.

Never falls back silently: when no real store works, callers are told why and choose a
passphrase instead. A plain-text keyring backend counts as no store at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aijournal.model.errors import SecretStoreUnavailable

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "aijournal"
# Backends that hold nothing, or hold secrets in plain text: never use them for the key.
_REFUSED = {
    "fail.Keyring": "no secret store is installed or running",
    "null.Keyring": "the secret store is switched off",
    "PlaintextKeyring": "the only secret store keeps secrets in plain text",
}


class SecretStore:
    """One connection to the OS secret store for the whole run."""

    def __init__(self, backend: KeyringBackend | None = None):
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    @property
    def name(self) -> str:
        backend = self.backend
        return getattr(backend, "name", None) or type(backend).__name__

    def problem(self) -> str | None:
        """Why this store cannot hold a key, or None when it looks usable."""
        backend = self.backend
        qualified = f"{type(backend).__module__.rsplit('.', 1)[-1]}.{type(backend).__name__}"
        for marker, reason in _REFUSED.items():
            if qualified.endswith(marker):
                return reason
        return None

    def _guard(self) -> None:
        if reason := self.problem():
            raise SecretStoreUnavailable(f"No usable secret store: {reason}.")

    def get(self, account: str) -> str | None:
        self._guard()
        try:
            return self.backend.get_password(SERVICE, account)
        except Exception as error:  # keyring and D-Bus raise many kinds; none may leak out
            raise SecretStoreUnavailable(_describe("read from", self.name, error)) from None

    def set(self, account: str, secret: str) -> None:
        self._guard()
        try:
            self.backend.set_password(SERVICE, account, secret)
            stored = self.backend.get_password(SERVICE, account)
        except Exception as error:
            raise SecretStoreUnavailable(_describe("write to", self.name, error)) from None
        if stored != secret:
            raise SecretStoreUnavailable(f"The secret store ({self.name}) did not keep the key.")

    def delete(self, account: str) -> None:
        """Remove an entry; a missing entry or an unreachable store is not an error here."""
        try:
            self.backend.delete_password(SERVICE, account)
        except Exception:  # noqa: BLE001 - a stale entry left behind holds no data
            pass


def _describe(action: str, name: str, error: Exception) -> str:
    from keyring.errors import KeyringLocked, NoKeyringError

    if isinstance(error, KeyringLocked):
        reason = "it is locked"
    elif isinstance(error, NoKeyringError):
        reason = "no secret store is installed or running"
    else:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return f"Could not {action} the secret store ({name}): {reason}."
