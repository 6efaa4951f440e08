"""Creating and unlocking the journal file: the key, the config beside it, and each failure."""

import json
import re
from dataclasses import replace

import pytest
import sqlcipher3

from aijournal.model.errors import (
    InvalidInput,
    JournalError,
    JournalExists,
    UnlockError,
    WrongPassphrase,
)
from aijournal.storage import DataPaths, SecretStore, unlock
from aijournal.storage.unlock import JournalConfig, Key, OlderKey, PendingKey


def test_keys_and_their_pragmas():
    key = Key.random()
    assert key.protection == "keyring" and re.fullmatch(r"[0-9a-f]{64}", key.secret)
    assert Key.random() != key
    assert key.pragma() == f"\"x'{key.secret}'\""
    assert Key("passphrase", "it's mine").pragma() == "'it''s mine'"
    assert Key("none").pragma() is None


def test_a_short_passphrase_is_refused_without_showing_it():
    with pytest.raises(InvalidInput) as caught:
        Key.from_passphrase("short")
    assert str(caught.value) == "passphrase: '*****' is not allowed; use at least 8 characters"
    assert Key.from_passphrase("long enough") == Key("passphrase", "long enough")


def test_create_keeps_a_random_key_in_the_store_and_only_its_name_in_the_config(
    tmp_path, memory_keyring
):
    paths = DataPaths(tmp_path)
    key = Key.random()
    config = unlock.create(paths, key, SecretStore())
    assert config.keyring_account == f"journal-{config.journal_id}"
    assert memory_keyring.passwords == {("aijournal", config.keyring_account): key.secret}
    assert key.secret not in paths.config.read_text()
    assert JournalConfig.read(paths) == config
    assert unlock.find_key(config, SecretStore(), None) == key
    with pytest.raises(JournalExists):
        unlock.create(paths, Key.random(), SecretStore())
    assert len(memory_keyring.passwords) == 1


def test_a_create_that_fails_leaves_nothing_behind(tmp_path, memory_keyring):
    paths = DataPaths(tmp_path)
    paths.db.symlink_to(tmp_path / "gone" / "journal.db")  # a file that cannot be made
    with pytest.raises(sqlcipher3.OperationalError, match="unable to open"):
        unlock.create(paths, Key.random(), SecretStore())
    assert not paths.config.exists()
    assert memory_keyring.passwords == {}  # the key it stored first is gone again


def test_a_broken_link_as_the_journal_file_is_a_clear_error(tmp_path, memory_keyring):
    paths = DataPaths(tmp_path)
    paths.db.symlink_to(tmp_path / "gone" / "journal.db")
    with pytest.raises(JournalError, match="broken link"):
        unlock.check_place(paths)
        unlock.create(paths, Key.random(), SecretStore())


def test_the_config_round_trips_with_a_pending_and_an_older_key(tmp_path):
    paths = DataPaths(tmp_path)
    config = JournalConfig(
        "id-1",
        "passphrase",
        pending=PendingKey("keyring", "journal-id-1-abcd", "some.Backend", started_at="t"),
        older_key=OlderKey("passphrase", "2026-11-01T10:00:00+00:00", ("journal-a.db",)),
    )
    config.write(paths)
    written = json.loads(paths.config.read_text())
    assert "keyring_backend" not in written and written["keyring_account"] is None
    assert JournalConfig.read(paths) == config
    assert "passphrase the journal had before its key changed on 2026-11-01" in (
        config.older_key.needs()
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "cannot be read"),
        ('{"journal_id": "x"}', "cannot be read"),
        ('{"journal_id": "x", "protection": "keyring", "format": "aijournal-config/2"}', "newer"),
        ('{"journal_id": "x", "protection": "quantum"}', "newer"),
    ],
)
def test_a_config_that_cannot_be_used_is_refused(tmp_path, text, message):
    paths = DataPaths(tmp_path)
    paths.config.write_text(text)
    with pytest.raises(JournalError, match=message):
        JournalConfig.read(paths)


def test_find_key_for_each_protection(memory_keyring):
    assert unlock.find_key(JournalConfig("x", "none"), None, None) == Key("none")
    passphrase = JournalConfig("x", "passphrase")
    assert unlock.find_key(passphrase, None, lambda: "typed in") == Key("passphrase", "typed in")
    with pytest.raises(UnlockError, match="type it, or set AIJOURNAL_PASSPHRASE"):
        unlock.find_key(passphrase, None, lambda: "")
    keyring = JournalConfig("x", "keyring", "journal-x")
    with pytest.raises(
        UnlockError, match="missing from the secret store .*'aijournal' / 'journal-x'"
    ):
        unlock.find_key(keyring, SecretStore(), None)
    assert unlock.keyring_key("journal-x", SecretStore(), missing_ok=True) == Key("keyring", "")
    assert "NOT encrypted" in JournalConfig("x", "none").describe()
    assert "entry 'aijournal' / 'journal-x'" in keyring.describe(SecretStore())


def test_each_wrong_key_fails_with_its_own_message(tmp_path, memory_keyring):
    paths = DataPaths(tmp_path)
    unlock.create(paths, Key.random(), SecretStore())
    with pytest.raises(UnlockError, match="key in the secret store does not open"):
        unlock.unlock(paths, Key.random())
    with pytest.raises(WrongPassphrase):
        unlock.unlock(paths, Key("passphrase", "not the key"))
    with pytest.raises(UnlockError, match="is not a readable journal"):
        unlock.unlock(paths, Key("none"))


def test_a_passphrase_with_a_quote_opens_what_it_locked(tmp_path):
    paths = DataPaths(tmp_path)
    key = Key.from_passphrase("it's 'quoted'")
    unlock.create(paths, key)
    assert unlock.opens(paths.db, key)
    assert not unlock.opens(paths.db, Key.from_passphrase("its 'quoted'"))


def test_check_place_says_what_is_wrong_with_the_folder(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(JournalError, match="is not a folder"):
        unlock.check_place(DataPaths(afile))
    with pytest.raises(JournalError, match="is below a file"):
        unlock.check_place(DataPaths(afile / "journal"))
    (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    with pytest.raises(JournalError, match="is a broken link"):
        unlock.check_place(DataPaths(tmp_path / "link"))
    (tmp_path / "j" / "journal.db").mkdir(parents=True)
    with pytest.raises(JournalError, match="is a folder, not a journal file"):
        unlock.check_place(DataPaths(tmp_path / "j"))
    unlock.check_place(DataPaths(tmp_path / "new"))  # not there yet: fine


def test_a_passphrase_check_knows_its_passphrase():
    check = unlock.passphrase_check("the new one")
    assert check.startswith("pbkdf2-sha512$256000$")
    assert "the new one" not in check
    assert unlock.matches_check(check, "the new one")
    assert not unlock.matches_check(check, "the old one")
    assert not unlock.matches_check(None, "the new one")
    assert not unlock.matches_check("garbage", "the new one")


def test_a_pending_key_settles_into_the_config(memory_keyring):
    config = JournalConfig("id-1", "passphrase")
    pending = unlock.pending_for(config, Key.random(), SecretStore(), "2026-11-27T10:00:00Z")
    assert pending.keyring_account.startswith("journal-id-1-") and pending.check is None
    older = OlderKey("passphrase", "2026-11-27T10:00:00Z")
    done = unlock.settled(replace(config, pending=pending), older)
    assert (done.protection, done.keyring_account, done.pending, done.older_key) == (
        "keyring",
        pending.keyring_account,
        None,
        older,
    )
    with pytest.raises(JournalError, match="Only an encrypted journal"):
        unlock.rekey(None, Key("none"), Key.random())
