"""The secret store: keys kept and read under the service "aijournal", and failures named."""

import os

import keyring.backend
import pytest

from aijournal.model.errors import SecretStoreUnavailable
from aijournal.storage import secrets
from aijournal.storage.secrets import SERVICE, SecretStore, environment_secret


class ForgetfulKeyring(keyring.backend.KeyringBackend):
    """A store that accepts a secret and then does not give it back."""

    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        pass

    def delete_password(self, service, username):
        pass


def test_keys_are_kept_under_the_apps_service(memory_keyring):
    store = SecretStore()
    store.set("journal-1", "c0ffee")
    assert memory_keyring.passwords == {(SERVICE, "journal-1"): "c0ffee"}
    assert store.get("journal-1") == "c0ffee"
    assert store.get("journal-2") is None
    assert store.backend is memory_keyring  # the one set through keyring wins
    assert store.backend_name.endswith(".MemoryKeyring") and store.problem() is None


def test_delete_says_whether_an_entry_was_removed(memory_keyring):
    store = SecretStore()
    store.set("journal-1", "c0ffee")
    assert store.delete("journal-1") is True
    assert memory_keyring.passwords == {}
    assert store.delete("journal-1") is False  # missing: not an error


def test_a_store_that_does_not_keep_the_key_is_an_error():
    store = SecretStore(ForgetfulKeyring())
    with pytest.raises(SecretStoreUnavailable, match=r"did not keep the key"):
        store.set("journal-1", "c0ffee")


def test_no_store_at_all_is_refused_with_the_reason(no_keyring):
    store = SecretStore()
    assert store.problem() == "no secret store is installed or running"
    with pytest.raises(SecretStoreUnavailable, match="^No usable secret store: no secret store"):
        store.get("journal-1")
    assert store.delete("journal-1") is False


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [("failing_keyring", "store is locked"), ("locked_keyring", "it is locked")],
)
def test_a_failing_store_names_what_failed(fixture, reason, request):
    request.getfixturevalue(fixture)
    store = SecretStore()
    with pytest.raises(SecretStoreUnavailable) as caught:
        store.get("journal-1")
    assert str(caught.value) == (f"Could not read from the secret store ({store.name}): {reason}.")
    with pytest.raises(SecretStoreUnavailable, match="^Could not write to"):
        store.set("journal-1", "c0ffee")


def test_prefer_does_not_replace_a_backend_in_use(memory_keyring):
    store = SecretStore(memory_keyring)
    store.prefer(secrets.SECRET_SERVICE)
    assert store.backend is memory_keyring


def test_the_timeout_comes_from_the_environment(monkeypatch):
    assert SecretStore().timeout == secrets.CALL_SECONDS and not SecretStore().fixed
    monkeypatch.setenv(secrets.TIMEOUT_ENV, "2.5")
    assert (SecretStore().timeout, SecretStore().fixed) == (2.5, True)
    assert SecretStore(timeout=1).timeout == 1


def test_passphrases_are_taken_out_of_the_environment(monkeypatch):
    monkeypatch.setenv("AIJOURNAL_PASSPHRASE", "from a script")
    monkeypatch.setenv("AIJOURNAL_BACKUP_PASSPHRASE", "")
    monkeypatch.setenv("OTHER_SETTING", "stays")
    try:
        taken = secrets.take_environment_secrets()
        assert taken == {"AIJOURNAL_PASSPHRASE": "from a script", "AIJOURNAL_BACKUP_PASSPHRASE": ""}
        assert "AIJOURNAL_PASSPHRASE" not in os.environ and os.environ["OTHER_SETTING"] == "stays"
        assert environment_secret("AIJOURNAL_PASSPHRASE") == "from a script"
        assert environment_secret("AIJOURNAL_BACKUP_PASSPHRASE") is None  # empty is none
        assert environment_secret("AIJOURNAL_NEW_PASSPHRASE") is None
    finally:
        monkeypatch.delenv("AIJOURNAL_PASSPHRASE", raising=False)
        secrets.take_environment_secrets()  # forget what was taken
    assert environment_secret("AIJOURNAL_PASSPHRASE") is None
