"""Where the key lives: the OS secret store when one works, a passphrase otherwise, never
plain text, and a clear message for every way a store can fail."""

import json

import keyring
import pytest
from clitools import run

from aijournal.model.errors import SecretStoreUnavailable, UnlockError
from aijournal.storage import DataPaths, Journal, SecretStore
from aijournal.storage.unlock import Key


def test_working_store_holds_a_random_256_bit_key(tmp_path, memory_keyring):
    paths = DataPaths(tmp_path / "j")
    with Journal.create(paths, Key.random()) as journal:
        account = journal.config.keyring_account
    (((service, stored_account), secret),) = memory_keyring.passwords.items()
    assert (service, stored_account) == ("aijournal", account)
    assert len(bytes.fromhex(secret)) == 32
    assert secret not in paths.config.read_text()
    with Journal.open(paths) as journal:
        assert "OS secret store" in journal.describe_key()


def test_no_store_makes_init_fall_back_to_a_passphrase(no_keyring, aijournal_home):
    code, out = run("init", env={"AIJOURNAL_PASSPHRASE": "long enough"})
    assert code == 0
    config = json.loads((aijournal_home / "journal.json").read_text())
    assert config["protection"] == "passphrase"
    assert "passphrase" in out


@pytest.mark.parametrize("fixture", ["failing_keyring", "locked_keyring"])
def test_failing_or_locked_store_falls_back_with_a_reason(fixture, request, aijournal_home):
    request.getfixturevalue(fixture)
    code, out = run("init", env={"AIJOURNAL_PASSPHRASE": "long enough"})
    assert code == 0
    assert "No working secret store" in out
    assert json.loads((aijournal_home / "journal.json").read_text())["protection"] == "passphrase"


def test_no_store_and_no_passphrase_writes_nothing(no_keyring, aijournal_home):
    code, out = run("init")
    assert code == 2
    assert "passphrase" in out and "AIJOURNAL_PASSPHRASE" in out
    assert not (aijournal_home / "journal.db").exists()
    assert not (aijournal_home / "journal.json").exists()


def test_a_plain_text_keyring_is_refused():
    class PlaintextKeyring(keyring.backend.KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            raise AssertionError("must never be asked to store the key")

        def delete_password(self, service, username):
            pass

    store = SecretStore(PlaintextKeyring())
    assert "plain text" in store.problem()
    with pytest.raises(SecretStoreUnavailable, match="plain text"):
        store.set("journal-x", "secret")


def test_key_missing_from_the_store_is_exit_3(memory_keyring, aijournal_home):
    assert run("init")[0] == 0
    memory_keyring.passwords.clear()
    code, out = run("list")
    assert code == 3
    assert "missing from the secret store" in out


@pytest.mark.parametrize("fixture", ["failing_keyring", "locked_keyring"])
def test_store_failing_on_read_is_exit_3_with_a_way_forward(
    fixture, request, aijournal_home, memory_keyring
):
    assert run("init")[0] == 0
    request.getfixturevalue(fixture)
    code, out = run("list")
    assert code == 3
    assert "Unlock the secret store and try again" in out
    assert "Traceback" not in out


def test_find_key_never_reads_a_key_from_files(tmp_path, memory_keyring):
    paths = DataPaths(tmp_path / "j")
    Journal.create(paths, Key.random()).close()
    for path in paths.root.rglob("*"):
        if path.is_file() and path.suffix != ".db":
            text = path.read_text()
            assert not any(secret in text for secret in memory_keyring.passwords.values())
    memory_keyring.passwords.clear()
    with pytest.raises(UnlockError):
        Journal.open(paths)


def test_key_status_and_change_through_the_cli(memory_keyring, aijournal_home):
    assert run("init")[0] == 0
    code, out = run("key", "status")
    assert code == 0 and "OS secret store" in out
    code, out = run(
        "key", "change", "--to", "passphrase", env={"AIJOURNAL_PASSPHRASE": "my new passphrase"}
    )
    assert code == 0, out
    assert memory_keyring.passwords == {}
    code, out = run("key", "status")
    assert "passphrase" in out
    assert run("list", env={"AIJOURNAL_PASSPHRASE": "my new passphrase"})[0] == 0
    code, out = run(
        "key", "change", "--to", "keyring", env={"AIJOURNAL_PASSPHRASE": "my new passphrase"}
    )
    assert code == 0, out
    assert len(memory_keyring.passwords) == 1
    assert run("list")[0] == 0


@pytest.mark.secret_service
def test_real_secret_service_holds_the_key(real_secret_service, tmp_path):
    paths = DataPaths(tmp_path / "j")
    store = SecretStore()
    assert store.problem() is None
    with Journal.create(paths, Key.random(), store=store) as journal:
        account = journal.config.keyring_account
    try:
        assert len(store.get(account)) == 64
        with Journal.open(paths, store=SecretStore()) as journal:
            assert journal.counts()["ai_uses"] == 0
    finally:
        store.delete(account)
