"""Tests for the test harness itself (tests/conftest.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid

import keyring
import keyring.errors
import pytest


def test_network_guard_blocks_tcp_connect():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        with pytest.raises(pytest.fail.Exception, match="network access is forbidden"):
            s.connect(("127.0.0.1", 9))
        with pytest.raises(pytest.fail.Exception, match="network access is forbidden"):
            s.connect_ex(("127.0.0.1", 9))


def test_network_guard_blocks_ipv6_and_create_connection():
    with pytest.raises(pytest.fail.Exception, match="network access is forbidden"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    if socket.has_ipv6:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            with pytest.raises(pytest.fail.Exception, match="network access is forbidden"):
                s.connect(("::1", 9))


def test_network_guard_is_not_swallowed_by_except_exception():
    with pytest.raises(pytest.fail.Exception):
        try:
            socket.create_connection(("127.0.0.1", 9))
        except Exception:  # what an "offline fallback" in app code might do
            pass


def test_network_guard_allows_unix_sockets(tmp_path):
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        a.sendall(b"ping")
        assert b.recv(4) == b"ping"

    path = str(tmp_path / "s.sock")
    with socket.socket(socket.AF_UNIX) as server, socket.socket(socket.AF_UNIX) as client:
        server.bind(path)
        server.listen(1)
        client.connect(path)
        conn, _ = server.accept()
        with conn:
            client.sendall(b"pong")
            assert conn.recv(4) == b"pong"


def test_data_folder_is_private(aijournal_home, tmp_path):
    assert os.environ["AIJOURNAL_HOME"] == str(tmp_path / "data")
    assert aijournal_home == tmp_path / "data"
    assert "AIJOURNAL_PASSPHRASE" not in os.environ


def test_qt_defaults_to_offscreen():
    assert os.environ.get("QT_QPA_PLATFORM")


def test_default_keyring_is_memory():
    assert type(keyring.get_keyring()).__name__ == "MemoryKeyring"


def test_memory_keyring_round_trip(memory_keyring):
    assert keyring.get_password("aijournal", "alice") is None
    keyring.set_password("aijournal", "alice", "s3cret")
    assert keyring.get_password("aijournal", "alice") == "s3cret"
    assert memory_keyring.passwords == {("aijournal", "alice"): "s3cret"}
    keyring.delete_password("aijournal", "alice")
    assert memory_keyring.passwords == {}
    with pytest.raises(keyring.errors.PasswordDeleteError):
        keyring.delete_password("aijournal", "alice")


def test_memory_keyring_is_fresh_per_test(memory_keyring):
    assert memory_keyring.passwords == {}


def test_no_keyring(no_keyring):
    with pytest.raises(keyring.errors.NoKeyringError):
        keyring.get_password("aijournal", "alice")
    with pytest.raises(keyring.errors.NoKeyringError):
        keyring.set_password("aijournal", "alice", "x")


def test_failing_keyring(failing_keyring):
    with pytest.raises(keyring.errors.KeyringError, match="store is locked"):
        keyring.get_password("aijournal", "alice")
    with pytest.raises(keyring.errors.KeyringError, match="store is locked"):
        keyring.set_password("aijournal", "alice", "x")


def test_locked_keyring(locked_keyring):
    with pytest.raises(keyring.errors.KeyringLocked):
        keyring.get_password("aijournal", "alice")
    with pytest.raises(keyring.errors.KeyringLocked):
        keyring.set_password("aijournal", "alice", "x")


@pytest.mark.secret_service
def test_real_secret_service_round_trip(real_secret_service):
    service = f"aijournal-test-{uuid.uuid4().hex}"
    assert keyring.get_keyring() is real_secret_service
    assert keyring.get_password(service, "harness") is None
    keyring.set_password(service, "harness", "pässwörd")
    try:
        assert keyring.get_password(service, "harness") == "pässwörd"
    finally:
        keyring.delete_password(service, "harness")
    assert keyring.get_password(service, "harness") is None


_XCB_PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("hello")
label.show()
app.processEvents()
print(app.platformName())
"""


@pytest.mark.xvfb
def test_qt_runs_on_the_real_display(xvfb_env):
    out = subprocess.run(
        [sys.executable, "-c", _XCB_PROBE],
        env=xvfb_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == "xcb"
