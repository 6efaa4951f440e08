"""Settings view: declared settings, the key, backups and restore."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QSpinBox

from aijournal.journaling.settings import SETTINGS
from aijournal.model import records as r
from aijournal.ui import theme
from aijournal.ui.views import settings as settings_view
from aijournal.ui.views.settings import ChangeKeyDialog, SettingsView
from aijournal.ui.widgets.basics import find


@pytest.fixture
def view(show, journal):
    return show(SettingsView(journal))


@pytest.fixture
def light_again():
    yield
    theme.apply(QApplication.instance(), "light")


def type_into(qtbot, field, text: str) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_one_input_per_declared_setting_named_by_its_label(view):
    assert set(view.inputs) == {s.key for s in SETTINGS}
    for setting in SETTINGS:
        assert view.inputs[setting.key].accessibleName() == setting.label


def test_a_wrong_reminder_time_shows_why_and_stores_nothing(qtbot, view, journal):
    field = find(view, QLineEdit, "Reminder time")
    assert field.text() == "17:00"
    type_into(qtbot, field, "25:99")
    assert view.errors["reminder_time"].isVisible()
    assert "use a time as HH:MM" in view.errors["reminder_time"].text()
    assert journal.setting("reminder_time") is None

    type_into(qtbot, field, "08:30")
    assert journal.setting("reminder_time") == "08:30"
    assert not view.errors["reminder_time"].isVisible()
    assert view.notice.text() == "Saved."


def test_a_number_setting_is_stored_as_typed(qtbot, view, journal):
    spin = find(view, QSpinBox, "Lock after idle (minutes)")
    type_into(qtbot, spin, "15")
    assert journal.setting("lock_after_minutes") == 15


def test_back_up_now_makes_a_backup_file(qtbot, view, journal):
    assert journal.backups() == []
    qtbot.mouseClick(find(view, QPushButton, "Back up now"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(journal.backups()) == 1 and "Backed up" in view.notice.text())
    [backup] = journal.backups()
    assert backup.stat().st_mode & 0o777 == 0o600
    assert backup.name in view.latest_backup.text()


def test_back_up_to_the_chosen_folder(qtbot, view, journal, tmp_path):
    folder = tmp_path / "elsewhere"
    type_into(qtbot, find(view, QLineEdit, "Backup folder"), str(folder))
    qtbot.mouseClick(find(view, QPushButton, "Back up now"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: folder.is_dir() and len(list(folder.glob("*.db"))) == 1)


def test_change_the_key_from_keyring_to_passphrase(qtbot, journal, memory_keyring, monkeypatch):
    monkeypatch.setattr(settings_view, "confirm", lambda *args: True)
    dialog = ChangeKeyDialog(journal, settings_view.SecretStore())
    qtbot.addWidget(dialog)
    assert dialog.passphrase.isChecked()  # a keyring journal is offered the other way
    qtbot.keyClicks(find(dialog, QLineEdit, "Passphrase"), "a long passphrase")
    qtbot.keyClicks(find(dialog, QLineEdit, "Repeat passphrase"), "a long passphrase!")
    qtbot.mouseClick(find(dialog, QPushButton, "Change key"), Qt.MouseButton.LeftButton)
    assert "do not match" in dialog.new_passphrase.error.text()
    assert journal.config.protection == "keyring"

    qtbot.keyClick(find(dialog, QLineEdit, "Repeat passphrase"), Qt.Key.Key_Backspace)
    qtbot.mouseClick(find(dialog, QPushButton, "Change key"), Qt.MouseButton.LeftButton)
    assert journal.config.protection == "passphrase"
    assert memory_keyring.passwords == {}
    assert "passphrase" in journal.describe_key()


def test_theme_switch_applies_at_once(qtbot, journal, light_again):
    from aijournal.ui.main_window import MainWindow

    window = MainWindow(journal, use_tray=False)
    qtbot.addWidget(window)
    box = find(window.settings_view, QComboBox, "Theme")
    box.setCurrentIndex(box.findData("dark"))
    assert journal.setting("theme") == "dark"
    assert theme.is_dark(QApplication.palette())
    box.setCurrentIndex(box.findData("light"))
    assert not theme.is_dark(QApplication.palette())


def test_restore_brings_back_what_was_deleted_after_the_backup(qtbot, journal, monkeypatch):
    from aijournal.ui.main_window import MainWindow
    from aijournal.ui.views.people import PeopleView

    monkeypatch.setattr(settings_view, "confirm", lambda *args: True)
    dana = journal.add(r.Person(name="Dana", cadence_days=14))
    backup = journal.backup()
    journal.delete(dana)
    window = MainWindow(journal, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    window.show_view(window.views.index(window.view(PeopleView)))
    assert window.view(PeopleView).empty.isVisible()

    window.settings_view.restore(backup)
    qtbot.waitUntil(lambda: window.journal is not journal, timeout=10_000)
    assert [p.name for p in window.journal.people()] == ["Dana"]
    people = window.view(PeopleView)
    assert people.table.item(0, 0).text() == "Dana" and people.table.isVisible()
    assert "Restored" in window.statusBar().currentMessage()
    window.journal.close()


def test_factors_are_added_edited_and_archived_with_inline_errors(qtbot, view, journal):
    from aijournal.ui.views.factors_page import FactorsBox

    box = view.factors
    assert isinstance(box, FactorsBox)
    seen = []
    box.changed.connect(lambda: seen.append(True))
    type_into(qtbot, find(box, QLineEdit, "Factor name"), "Slept well")
    find(box, QLineEdit, "Question (optional)").setText("Did you sleep well?")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    (slept,) = journal.factors()
    assert (slept.name, slept.kind, slept.question) == (
        "Slept well",
        "yes-no",
        "Did you sleep well?",
    )
    assert seen and box.listing.item(0).text() == "Slept well · yes/no · Did you sleep well?"

    box.start_new()
    find(box, QLineEdit, "Factor name").setText("SLEPT WELL")
    choose_kind = find(box, QComboBox, "Factor kind")
    choose_kind.setCurrentIndex(choose_kind.findData("scale"))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.error.isVisible() and "a factor with that name exists" in box.error.text()
    assert len(journal.factors()) == 1  # nothing written

    box.listing.setCurrentRow(0)  # chosen: the fields edit it, its kind stays
    assert not choose_kind.isEnabled() and box.save_button.text() == "Save factor"
    find(box, QLineEdit, "Factor name").setText("Slept well (7 h+)")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert journal.get(r.Factor, slept.id).name == "Slept well (7 h+)"
    qtbot.mouseClick(box.archive_button, Qt.MouseButton.LeftButton)
    assert journal.factors() == [] and journal.get(r.Factor, slept.id).archived
    assert box.listing.item(0).text().endswith("(archived)")
    assert box.archive_button.text() == "Unarchive"
    qtbot.mouseClick(box.archive_button, Qt.MouseButton.LeftButton)
    assert [f.name for f in journal.factors()] == ["Slept well (7 h+)"]
