"""`init`, `key status|change` and `demo`: protections chosen, passphrases asked, bad input."""

import json
import sqlite3

import pytest
from clitools import run

from aijournal.cli import root
from aijournal.storage import DataPaths, Journal

OLD = {"AIJOURNAL_PASSPHRASE": "the old passphrase"}


def protection(home) -> str:
    return json.loads((home / "journal.json").read_text())["protection"]


def test_init_unencrypted_makes_a_plain_sqlite_file_and_says_so(aijournal_home, memory_keyring):
    code, out = run("init", "--unencrypted")
    assert code == 0, out
    assert "NOT encrypted" in out and protection(aijournal_home) == "none"
    assert memory_keyring.passwords == {}
    with sqlite3.connect(aijournal_home / "journal.db") as plain:  # no key needed to read it
        assert plain.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def test_init_with_a_passphrase_leaves_a_working_store_alone(aijournal_home, memory_keyring):
    code, out = run("init", "--passphrase", env=OLD)
    assert code == 0, out
    assert protection(aijournal_home) == "passphrase" and memory_keyring.passwords == {}
    assert run("list", env={"AIJOURNAL_PASSPHRASE": "not it at all"})[0] == 3
    assert run("list", env=OLD) == (0, "No entries match.\n")


def test_a_typed_passphrase_too_short_is_asked_again(aijournal_home, monkeypatch):
    monkeypatch.setattr(root, "interactive", lambda: True)
    typed = "short\nshort\nlong enough now\nlong enough now\n"
    code, out = run("init", "--passphrase", input=typed)
    assert code == 0, out
    assert out.count("New passphrase") == 2 and "8" in out
    with Journal.open(DataPaths(aijournal_home), passphrase=lambda: "long enough now"):
        pass


def test_a_prompt_closed_without_answer_cancels_and_writes_nothing(aijournal_home, monkeypatch):
    monkeypatch.setattr(root, "interactive", lambda: True)
    code, out = run("init", "--passphrase", input="")
    assert code == 1 and out.strip().endswith("aijournal: cancelled; nothing was written.")
    assert not (aijournal_home / "journal.db").exists()


def test_key_status_without_a_journal_names_the_folder(aijournal_home):
    code, out = run("key", "status")
    assert code == 1 and str(aijournal_home) in out and out.count("\n") == 1
    assert not aijournal_home.exists() or not any(aijournal_home.iterdir())


def test_key_status_warns_when_the_store_is_gone(home, request):
    request.getfixturevalue("no_keyring")  # the store is gone (uninstalled, no session)
    code, out = run("key", "status")
    assert code == 0
    assert "OS secret store" in out and "Warning: the secret store is not usable" in out


def test_key_status_warns_when_the_key_is_missing_or_the_store_fails(home, memory_keyring, request):
    code, out = run("key", "status")
    assert code == 0 and "Warning" not in out  # the key is there: nothing to warn about
    memory_keyring.passwords.clear()  # the entry was removed (another login, a cleanup)
    code, out = run("key", "status")
    assert code == 0 and "Warning: The key for this journal is missing from the secret store" in out
    request.getfixturevalue("failing_keyring")  # the store answers with an error
    code, out = run("key", "status")
    assert code == 0 and "Warning: Could not read from the secret store" in out
    assert "store is locked" in out


def test_a_new_passphrase_for_a_passphrase_journal_comes_from_its_own_variable(
    aijournal_home, no_keyring
):
    assert run("init", env=OLD)[0] == 0
    code, out = run("key", "change", env=OLD)
    assert code == 2 and "AIJOURNAL_NEW_PASSPHRASE" in out and out.count("\n") == 1
    new = {**OLD, "AIJOURNAL_NEW_PASSPHRASE": "the new passphrase"}
    code, out = run("key", "change", env=new)
    assert code == 0 and "The journal has a new key." in out, out
    assert run("list", env=OLD)[0] == 3
    assert run("list", env={"AIJOURNAL_PASSPHRASE": "the new passphrase"})[0] == 0


def test_moving_the_key_to_a_missing_store_is_refused(aijournal_home, no_keyring):
    assert run("init", env=OLD)[0] == 0
    code, out = run("key", "change", "--to", "keyring", env=OLD)
    assert code == 1 and "No usable secret store" in out
    assert protection(aijournal_home) == "passphrase"
    assert run("list", env=OLD)[0] == 0


@pytest.mark.parametrize(
    "args, field", [(("--days", "0"), "days: 0"), (("--format", "csv"), "format: 'csv'")]
)
def test_demo_bad_input_is_exit_2_and_makes_no_journal(aijournal_home, args, field):
    code, out = run("demo", *args)
    assert code == 2 and field in out and out.count("\n") == 1
    assert not (aijournal_home / "journal.db").exists()
