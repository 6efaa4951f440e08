"""The errors the user sees: one line each, saying what to do, with the CLI's exit code."""

from pathlib import Path

import pytest

from aijournal.model.errors import (
    Cancelled,
    InvalidInput,
    JournalDamaged,
    JournalError,
    JournalExists,
    JournalTooNew,
    NameTaken,
    NoJournal,
    SecretStoreUnavailable,
    UnlockError,
    WrongPassphrase,
)


def test_invalid_input_names_the_field_the_value_and_what_is_allowed():
    error = InvalidInput("minutes", 2000, "use 0 to 1440")
    assert str(error) == "minutes: 2000 is not allowed; use 0 to 1440"
    assert (error.field, error.value, error.allowed) == ("minutes", 2000, "use 0 to 1440")
    quoted = InvalidInput("tool", "", "name the tool")
    assert str(quoted) == "tool: '' is not allowed; name the tool"  # text is quoted
    assert isinstance(error, ValueError) and isinstance(error, JournalError)


def test_name_taken_is_an_invalid_input_about_the_name():
    error = NameTaken("skill", "SQL", "a skill")
    assert isinstance(error, InvalidInput)
    assert error.field == "skill" and error.value == "SQL"
    assert str(error) == (
        "skill: 'SQL' is not allowed; a skill with that name exists already (names ignore case)"
    )


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (JournalError("x"), 1),
        (Cancelled("x"), 1),
        (InvalidInput("f", 1, "x"), 2),
        (NameTaken("name", "Dana", "someone"), 2),
        (UnlockError("x"), 3),
        (WrongPassphrase(), 3),
        (JournalDamaged("x", None), 3),
        (NoJournal("/nowhere"), 1),
        (SecretStoreUnavailable("x"), 1),
    ],
)
def test_exit_codes(error, code):
    assert error.exit_code == code


def test_messages_say_what_to_do_on_one_line():
    messages = {
        str(WrongPassphrase()): "journal stays locked",
        str(NoJournal(Path("/data"))): "No journal in /data; create one with `aijournal init`.",
        str(JournalExists("/data")): "nothing was changed",
        str(JournalTooNew(["0099_a", "0100_b"])): "unknown schema steps: 0099_a, 0100_b",
    }
    for message, part in messages.items():
        assert part in message
        assert "\n" not in message
    assert "install the newer version" in str(JournalTooNew(["0099_a"]))


def test_journal_damaged_carries_the_backup_that_opens():
    backup = Path("/data/backups/journal-20261127-100000.db")
    error = JournalDamaged("The journal file is damaged.", backup)
    assert error.backup == backup
    assert isinstance(error, UnlockError)
    assert str(error) == "The journal file is damaged."
