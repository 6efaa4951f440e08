"""Shared test fixtures for AI Journal.

Every test runs with:
- no network: any AF_INET/AF_INET6 connect fails the test (AF_UNIX is allowed,
  D-Bus and QLocalServer use it);
- its own data folder: AIJOURNAL_HOME is a fresh tmp_path / "data" and
  AIJOURNAL_PASSPHRASE is unset;
- an in-memory keyring, so no test touches a real secret store. Request
  `no_keyring`, `failing_keyring`, `locked_keyring` or `real_secret_service`
  to replace it, or `memory_keyring` to inspect it.

Markers: `secret_service` (needs a real Secret Service; runs only with
AIJOURNAL_TEST_SECRET_SERVICE=1) and `xvfb` (needs a real X display; runs only
with AIJOURNAL_TEST_XVFB=1). Qt runs offscreen in this process unless
QT_QPA_PLATFORM is already set; xvfb tests start their own subprocess with the
`xvfb_env` environment.
"""

from __future__ import annotations

import os
import socket

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.core
import keyring.errors
import pytest
from hypothesis import settings

# Must happen before anything creates a QApplication (pytest-qt makes it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI draws the same examples every run, so that a run is red for a change, not for a draw;
# a developer's `make test` explores new ones each time (and AIJOURNAL_FUZZ=thorough ten
# times as many).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

SECRET_SERVICE_ENV = "AIJOURNAL_TEST_SECRET_SERVICE"
XVFB_ENV = "AIJOURNAL_TEST_XVFB"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "") == "1"


# --------------------------------------------------------------------------
# Markers


def pytest_collection_modifyitems(config, items):
    gates = {
        "secret_service": (SECRET_SERVICE_ENV, "needs a real Secret Service"),
        "xvfb": (XVFB_ENV, "needs a real X display"),
    }
    for item in items:
        for marker, (env, why) in gates.items():
            if item.get_closest_marker(marker) and not _env_flag(env):
                item.add_marker(pytest.mark.skip(reason=f"{why}; set {env}=1 to run"))


# --------------------------------------------------------------------------
# No network


_INET_FAMILIES = {socket.AF_INET, socket.AF_INET6}


def _blocked(what: str, address) -> None:
    # pytest.fail raises a BaseException, so code that catches OSError or
    # Exception cannot swallow it and quietly fall back.
    pytest.fail(
        f"network access is forbidden in tests: {what} to {address!r} "
        "(only AF_UNIX sockets are allowed)"
    )


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded_connect(self, address):
        if self.family in _INET_FAMILIES:
            _blocked("socket.connect", address)
        return real_connect(self, address)

    def guarded_connect_ex(self, address):
        if self.family in _INET_FAMILIES:
            _blocked("socket.connect_ex", address)
        return real_connect_ex(self, address)

    def guarded_create_connection(address, *args, **kwargs):
        _blocked("socket.create_connection", address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)


# --------------------------------------------------------------------------
# Private data folder


@pytest.fixture(autouse=True)
def aijournal_home(tmp_path, monkeypatch):
    """The data folder for this test (AIJOURNAL_HOME); not created yet."""
    home = tmp_path / "data"
    monkeypatch.setenv("AIJOURNAL_HOME", str(home))
    monkeypatch.delenv("AIJOURNAL_PASSPHRASE", raising=False)
    return home


# --------------------------------------------------------------------------
# Keyring doubles


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A dict-backed keyring: `passwords[(service, username)] = password`."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("password not found") from None


class FailingKeyring(keyring.backend.KeyringBackend):
    """A secret store that is there but refuses every operation."""

    priority = 0.1
    error = keyring.errors.KeyringError
    message = "store is locked"

    def get_password(self, service, username):
        raise self.error(self.message)

    def set_password(self, service, username, password):
        raise self.error(self.message)

    def delete_password(self, service, username):
        raise self.error(self.message)


class LockedKeyring(FailingKeyring):
    """A secret store that stays locked (the user dismissed the unlock prompt)."""

    error = keyring.errors.KeyringLocked
    message = "keyring is locked"


@pytest.fixture(autouse=True)
def _keyring_sandbox():
    """Install a fresh MemoryKeyring for every test; restore the old backend after."""
    previous = keyring.core._keyring_backend  # read directly: get_keyring() would probe
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.core._keyring_backend = previous


@pytest.fixture
def memory_keyring(_keyring_sandbox) -> MemoryKeyring:
    """The in-memory keyring in use; its `.passwords` dict holds what was stored."""
    keyring.set_keyring(_keyring_sandbox)
    return _keyring_sandbox


@pytest.fixture
def no_keyring(_keyring_sandbox):
    """No secret store at all: keyring calls raise NoKeyringError."""
    backend = keyring.backends.fail.Keyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def failing_keyring(_keyring_sandbox):
    """A store whose get/set/delete raise KeyringError('store is locked')."""
    backend = FailingKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def locked_keyring(_keyring_sandbox):
    """A store whose get/set/delete raise KeyringLocked."""
    backend = LockedKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def real_secret_service(_keyring_sandbox):
    """The real Secret Service (D-Bus) backend; skipped unless enabled by env."""
    if not _env_flag(SECRET_SERVICE_ENV):
        pytest.skip(f"needs a real Secret Service; set {SECRET_SERVICE_ENV}=1 to run")
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    keyring.set_keyring(backend)
    yield backend


# --------------------------------------------------------------------------
# Real display


@pytest.fixture
def xvfb_env(aijournal_home) -> dict[str, str]:
    """Environment for a subprocess that must use the real X display (xcb)."""
    if not _env_flag(XVFB_ENV):
        pytest.skip(f"needs a real X display; set {XVFB_ENV}=1 to run")
    if not os.environ.get("DISPLAY"):
        pytest.fail(f"{XVFB_ENV}=1 but DISPLAY is not set (run under xvfb-run)")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "xcb"
    return env


# --------------------------------------------------------------------------
# Journals


@pytest.fixture
def berlin(monkeypatch):
    """Local time with daylight saving (a POSIX rule: no time zone database needed)."""
    import time as clock_time

    monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
    clock_time.tzset()
    yield
    monkeypatch.undo()
    clock_time.tzset()


@pytest.fixture
def clock():
    """A settable clock (Friday 2026-11-27 10:00 local), injected into journals."""
    from clocks import FakeClock

    return FakeClock()


@pytest.fixture
def journal(tmp_path, clock, memory_keyring):
    """A fresh encrypted journal (key in the in-memory keyring), open for the test."""
    from aijournal.storage import DataPaths, Journal
    from aijournal.storage.unlock import Key

    with Journal.create(DataPaths(tmp_path / "journal"), Key.random(), clock=clock) as opened:
        yield opened


@pytest.fixture
def sample_journal(journal):
    """The journal filled with 120 days of the demo data."""
    from aijournal.journaling import demo

    demo.fill(journal, days=120)
    return journal


@pytest.fixture
def home(aijournal_home, memory_keyring):
    """A journal made by `aijournal init` (key in the in-memory keyring); its folder."""
    from clitools import run

    assert run("init")[0] == 0
    return aijournal_home


@pytest.fixture
def own_home(tmp_path, monkeypatch):
    """A home folder of this test's own: no real ~/.claude or ~/.codex is read."""
    home = tmp_path / "user-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("CLAUDE_CONFIG_DIR", "CODEX_HOME"):
        monkeypatch.delenv(name, raising=False)
    return home
