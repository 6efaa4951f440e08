"""Getting in (dialogs/welcome.py): the new passphrase as typed, the unlock form's outcomes,
a journal already there, and a passphrase handed over in the environment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton

from aijournal.model.errors import JournalError, WrongPassphrase
from aijournal.storage import DataPaths, Journal, SecretStore
from aijournal.storage.unlock import Key
from aijournal.ui.dialogs.welcome import (
    WRONG,
    NewPassphrase,
    UnlockForm,
    WelcomeDialog,
    open_journal,
)
from aijournal.ui.widgets.basics import find

PASSPHRASE = "correct horse battery"


@pytest.fixture
def paths(tmp_path) -> DataPaths:
    return DataPaths(tmp_path / "fresh")


@pytest.fixture
def passphrase(show):
    return show(NewPassphrase())


def test_the_new_passphrase_is_checked_as_it_is_typed(qtbot, passphrase):
    first = find(passphrase, QLineEdit, "Passphrase")
    again = find(passphrase, QLineEdit, "Repeat passphrase")
    assert first.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(first, PASSPHRASE)
    assert passphrase.problem() == "Type the passphrase again to confirm it."
    qtbot.keyClicks(again, "correct")  # on its way: not wrong yet
    assert not passphrase.error.isVisible()
    assert passphrase.problem() == "The two passphrases do not match."
    qtbot.keyClicks(again, "X")
    assert passphrase.error.isVisible()
    assert passphrase.error.text() == "The two passphrases do not match."
    qtbot.keyClick(again, Qt.Key.Key_Backspace)
    qtbot.keyClicks(again, " horse battery")
    assert not passphrase.error.isVisible() and passphrase.problem() is None
    assert passphrase.key() == Key("passphrase", PASSPHRASE)


def test_key_says_what_is_wrong_and_gives_none(qtbot, passphrase):
    assert passphrase.key() is None
    assert passphrase.error.text() == "Use at least 8 characters."
    qtbot.keyClicks(find(passphrase, QLineEdit, "Passphrase"), "long enough")
    assert passphrase.key() is None
    assert passphrase.error.text() == "Type the passphrase again to confirm it."


def test_the_unlock_form_without_a_field_unlocks_with_its_button(qtbot, show):
    asked = []
    form = show(UnlockForm(lambda text: asked.append(text) or "opened", ask_passphrase=False))
    assert form.field is None and form.findChildren(QLineEdit) == []
    with qtbot.waitSignal(form.unlocked, timeout=1000) as unlocked:
        qtbot.mouseClick(find(form, QPushButton, "Unlock"), Qt.MouseButton.LeftButton)
    assert asked == [""] and unlocked.args == ["opened"]


def test_the_unlock_form_says_why_it_did_not_unlock(qtbot, show):
    def check(text: str):
        if text == "locked":
            raise JournalError("The journal is in use by another program.")
        raise WrongPassphrase()

    form = show(UnlockForm(check))
    seen = []
    form.unlocked.connect(seen.append)
    qtbot.keyClicks(form.field, "guess")
    qtbot.keyClick(form.field, Qt.Key.Key_Return)
    assert form.error.text() == WRONG and form.field.selectedText() == "guess"
    qtbot.keyClicks(form.field, "locked")  # replaces the selected guess
    qtbot.keyClick(form.field, Qt.Key.Key_Return)
    assert form.error.text() == "The journal is in use by another program."
    assert seen == []


def test_the_welcome_says_where_the_journal_lives(show, paths, clock, memory_keyring):
    dialog = show(WelcomeDialog(paths, SecretStore(), clock=clock))
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(paths.root) in texts and "Nothing is ever sent anywhere" in texts
    assert not dialog.passphrase.isVisible()


def test_a_journal_already_there_is_not_made_again(qtbot, show, paths, clock, memory_keyring):
    Journal.create(paths, Key.from_passphrase(PASSPHRASE)).close()
    before = paths.db.read_bytes()
    dialog = show(WelcomeDialog(paths, SecretStore(), clock=clock))
    qtbot.mouseClick(find(dialog, QPushButton, "Start empty"), Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and dialog.error.text()
    assert dialog.journal is None and dialog.result() != QDialog.DialogCode.Accepted
    assert paths.db.read_bytes() == before


def test_a_passphrase_in_the_environment_opens_without_asking(paths, clock, monkeypatch):
    Journal.create(paths, Key.from_passphrase(PASSPHRASE)).close()
    monkeypatch.setenv("AIJOURNAL_PASSPHRASE", PASSPHRASE)
    journal = open_journal(paths, SecretStore(), clock=clock)
    assert journal is not None
    with journal:
        assert journal.config.protection == "passphrase"
