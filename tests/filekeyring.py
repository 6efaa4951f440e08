"""A keyring double kept in a JSON file, so that several processes share one "secret store".

For tests that run the real CLI or a real Journal in subprocesses: select it with
`keyring.set_keyring(FileKeyring(path))` in-process, or with PYTHON_KEYRING_BACKEND=
filekeyring.FileKeyring, AIJOURNAL_TEST_KEYRING=path and this folder on PYTHONPATH.
Every write replaces the file atomically, so a killed process never leaves it half written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, path: str | os.PathLike | None = None):
        super().__init__()
        self.path = Path(path or os.environ["AIJOURNAL_TEST_KEYRING"])

    def entries(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def _save(self, entries: dict[str, str]) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entries))
        os.replace(tmp, self.path)

    def get_password(self, service, username):
        return self.entries().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        self._save({**self.entries(), f"{service}/{username}": password})

    def delete_password(self, service, username):
        entries = self.entries()
        if entries.pop(f"{service}/{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("password not found")
        self._save(entries)


class SpawningKeyring(FileKeyring):
    """A file keyring that starts child programs on each call, as keyring's backend discovery
    does through ctypes.util.find_library (gcc, ld): to prove no child gets a passphrase."""

    def _spawn(self) -> None:
        import ctypes.util

        ctypes.util.find_library("aijournal-test-no-such-library")

    def get_password(self, service, username):
        self._spawn()
        return super().get_password(service, username)

    def set_password(self, service, username, password):
        self._spawn()
        super().set_password(service, username, password)
