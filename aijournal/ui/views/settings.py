"""Settings: one input per declared setting, how notifications reach the user here, the sources
on this computer, the journal's key, and backups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aijournal.journaling import lookback
from aijournal.journaling.settings import SETTINGS, Setting, Settings
from aijournal.model.errors import InvalidInput, JournalError
from aijournal.storage import Journal, SecretStore
from aijournal.storage.unlock import Key
from aijournal.ui.dialogs.welcome import NewPassphrase
from aijournal.ui.views.factors_page import FactorsBox
from aijournal.ui.views.notifications_page import NotificationsBox
from aijournal.ui.views.sample_data_box import SampleDataBox
from aijournal.ui.views.sources_page import SourcesPage
from aijournal.ui.widgets.basics import (
    InlineError,
    Notice,
    choose,
    combo,
    confirm,
    heading,
    labelled,
    muted,
    report,
    scroll_page,
)
from aijournal.ui.widgets.flow import Reflow
from aijournal.ui.workers import run_job


class SettingsView(QWidget):
    """Changes apply as soon as they are made; a wrong value shows why and stores nothing."""

    title = "Settings"
    changed = Signal()
    setting_changed = Signal(str)  # the key; the window applies theme and lock at once
    restore_requested = Signal(Path)  # the window swaps the journal under every view
    test_notification = Signal()  # the window sends one the way reminders go

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, InlineError] = {}
        # One page that scrolls: the settings, and the key and backups beside them when there
        # is room (under them on a small screen).
        _scroll, _page, outer = scroll_page(self)
        outer.setContentsMargins(0, 0, 8, 0)
        top = QHBoxLayout()
        top.addWidget(heading("Settings"))
        self.notice = Notice()
        top.addWidget(self.notice, 1)
        outer.addLayout(top)
        general = QGroupBox("Reminders, instruments, nudges and look")
        form = QFormLayout(general)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for setting in SETTINGS:
            self._add_input(form, setting)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.factors = FactorsBox(journal)  # Settings → Your check-in factors
        self.factors.changed.connect(self.changed)
        column.addWidget(self.factors)
        self.notifications = NotificationsBox()
        self.notifications.test_requested.connect(self._send_test)
        self.notifications.autostart_changed.connect(self._autostart_changed)
        column.addWidget(self.notifications)
        self.sources = SourcesPage(journal)  # Settings → Sources (aijournal/sources/machine)
        self.sources.changed.connect(self.changed)
        column.addWidget(self.sources)
        column.addWidget(self._key_box())
        column.addWidget(self._backup_box())
        self.sample_data = SampleDataBox(journal)  # shown only while there is sample data
        self.sample_data.changed.connect(self.changed)
        column.addWidget(self.sample_data)
        column.addStretch(1)
        self.columns = Reflow([general, side], width=900, stretches=[3, 2])
        outer.addWidget(self.columns)
        outer.addStretch(1)
        self.refresh()

    # ---- declared settings ------------------------------------------------------------

    def _add_input(self, form: QFormLayout, setting: Setting) -> None:
        key = setting.key
        if setting.choices:
            widget: QWidget = combo(setting.choices)
            widget.currentIndexChanged.connect(lambda _, w=widget: self.save(key, w.currentData()))
        elif isinstance(setting.default, bool):
            widget = QCheckBox(setting.help)
            widget.toggled.connect(lambda on: self.save(key, on))
        elif setting.lines:
            widget = _LinesEdit()
            widget.editing_finished.connect(lambda w=widget: self._save_lines(key, w))
        elif isinstance(setting.default, int):
            widget = QSpinBox()
            widget.setRange(setting.low, setting.high)
            widget.valueChanged.connect(lambda value: self.save(key, value))
        else:
            widget = QLineEdit()
            widget.editingFinished.connect(lambda w=widget: self.save(key, w.text().strip()))
        cell = QVBoxLayout()
        cell.setSpacing(2)
        if key == "backup_folder":
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            pick = QPushButton("Choose…")
            pick.setAccessibleName("Choose backup folder")
            pick.clicked.connect(self._choose_folder)
            row.addWidget(pick)
            cell.addLayout(row)
            widget.setPlaceholderText(str(self.journal.paths.backups))
        else:
            if not isinstance(widget, QCheckBox):  # short values: short fields
                widget.setMinimumWidth(widget.fontMetrics().averageCharWidth() * 18)
            cell.addWidget(widget, alignment=Qt.AlignmentFlag.AlignLeft)
        if not isinstance(widget, QCheckBox):
            cell.addWidget(muted(setting.help))
        self.errors[key] = InlineError()
        cell.addWidget(self.errors[key])
        widget.setAccessibleName(setting.label)
        widget.setAccessibleDescription(setting.help)
        caption = QLabel(setting.label)
        caption.setBuddy(widget)
        form.addRow(caption, cell)
        self.inputs[key] = widget

    def refresh(self) -> None:
        values = Settings(self.journal)
        for setting in SETTINGS:
            widget, value = self.inputs[setting.key], values[setting.key]
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(value)
            elif isinstance(widget, QSpinBox):
                widget.setValue(value)
            elif isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, _LinesEdit):
                widget.setPlainText(value or "\n".join(_built_in(setting.key)))
            else:
                choose(widget, value)
            widget.blockSignals(False)
            self.errors[setting.key].clear()
        self.key_status.setText(self.journal.describe_key())
        self.notifications.refresh()
        self.sources.refresh()
        self.factors.refresh()
        self.sample_data.refresh()
        latest = self.journal.backups()
        self.latest_backup.setText(
            f"Latest backup: {latest[0].name}" if latest else "No backup yet."
        )

    def save(self, key: str, value: Any) -> None:
        settings = Settings(self.journal)
        try:
            if settings[key] == value:
                self.errors[key].clear()
                return
            settings[key] = value
        except InvalidInput as error:
            self.errors[key].show_error(error)
            return
        self.errors[key].clear()
        if isinstance(widget := self.inputs[key], QLineEdit):
            widget.setText(settings[key])  # as stored: "9:5" would not be, "09:05" is
        elif isinstance(widget, _LinesEdit):
            widget.setPlainText(settings[key] or "\n".join(_built_in(key)))
        self.notice.say("Saved.")
        self.setting_changed.emit(key)
        self.changed.emit()

    def _save_lines(self, key: str, widget: _LinesEdit) -> None:
        """Several lines: as the built-in ones they stay the built-in ones (empty), so a new
        version's list reaches a user who never changed them."""
        text = widget.toPlainText()
        same = lookback.prompts_from_text(text) == _built_in(key)
        self.save(key, "" if same else text)

    # ---- notifications ----------------------------------------------------------------

    def show_notifications(self, status: list[str]) -> None:
        """How notifications reach the user here (the window knows its way of delivering)."""
        self.notifications.show_status(status)

    def _send_test(self) -> None:
        self.test_notification.emit()
        self.notifications.confirm_sent()

    def _autostart_changed(self, on: bool) -> None:
        """Started at login, it should keep running once its window is closed."""
        if on and not Settings(self.journal)["run_in_background"]:
            self.save("run_in_background", True)
            self.inputs["run_in_background"].setChecked(True)
        self.notice.say(
            "AI Journal starts hidden at login." if on else "AI Journal no longer starts at login."
        )

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Backup folder")
        if folder:
            self.inputs["backup_folder"].setText(folder)
            self.save("backup_folder", folder)

    # ---- key ----------------------------------------------------------------------------

    def _key_box(self) -> QGroupBox:
        box = QGroupBox("Encryption key")
        layout = QVBoxLayout(box)
        self.key_status = QLabel()
        self.key_status.setWordWrap(True)
        self.key_status.setAccessibleName("Key status")
        layout.addWidget(self.key_status)
        change = QPushButton("Change key…")
        change.clicked.connect(self.change_key)
        layout.addWidget(change, alignment=Qt.AlignmentFlag.AlignLeft)
        return box

    def change_key(self) -> None:
        dialog = ChangeKeyDialog(self.journal, self.journal.store, self)
        if dialog.exec():
            self.refresh()
            self.notice.say("The key was changed. " + dialog.changed.line())
            self.setting_changed.emit("key")

    # ---- backups ------------------------------------------------------------------------

    def _backup_box(self) -> QGroupBox:
        box = QGroupBox("Backups")
        layout = QVBoxLayout(box)
        layout.addWidget(
            muted(
                "A backup is a full copy of the journal, encrypted with the same key. One is made "
                "automatically each day; the newest ten are kept."
            )
        )
        self.latest_backup = QLabel()
        self.latest_backup.setAccessibleName("Latest backup")
        layout.addWidget(self.latest_backup)
        row = QHBoxLayout()
        backup = QPushButton("Back up now")
        backup.clicked.connect(self.back_up)
        restore = QPushButton("Restore…")
        restore.clicked.connect(self.choose_restore)
        row.addWidget(backup)
        row.addWidget(restore)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def back_up(self) -> None:
        folder = Settings(self.journal)["backup_folder"]
        target = Path(folder).expanduser() if folder else None
        run_job(
            self,
            self.journal,
            "Backing up the journal…",
            lambda journal, _: journal.backup(target),
            done=self._backed_up,
            failed=lambda error: report(self, "Back up", error),
        )

    def _backed_up(self, path: Path) -> None:
        self.refresh()
        self.latest_backup.setText(f"Latest backup: {path}")
        self.notice.say(f"Backed up to {path}.")

    def choose_restore(self) -> None:
        dialog = RestoreDialog(self.journal.backups(), self)
        if dialog.exec() and dialog.chosen:
            self.restore(dialog.chosen)

    def restore(self, path: Path) -> None:
        """Confirm, then ask the window to put `path` in place of the journal."""
        if confirm(
            self,
            "Restore a backup",
            f"Replace everything in the journal with the backup {path.name}? Entries "
            "made since that backup will be gone from the journal; a safety copy of the "
            "journal as it is now is kept in the backups folder.",
            "Restore",
        ):
            self.restore_requested.emit(path)


def _built_in(key: str) -> tuple[str, ...]:
    """What an empty setting of several lines stands for."""
    return lookback.default_prompts() if key == "reflection_prompts" else ()


class _LinesEdit(QPlainTextEdit):
    """A few lines of text; Tab moves on, and leaving it saves (as a line edit does)."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 14)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.editing_finished.emit()


class ChangeKeyDialog(QDialog):
    """Move the key between the secret store and a passphrase, or pick a new passphrase."""

    def __init__(self, journal: Journal, store: SecretStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal, self.store = journal, store
        self.setWindowTitle("Change the journal's key")
        layout = QVBoxLayout(self)
        current = QLabel("Now: " + journal.describe_key())
        current.setWordWrap(True)
        layout.addWidget(current)
        problem = store.problem()
        self.keyring = QRadioButton(
            f"Keep a new random key in the secret store ({store.name})"
            if not problem
            else f"Secret store: not available ({problem})"
        )
        self.keyring.setEnabled(not problem)
        self.passphrase = QRadioButton("Use a new passphrase, typed at each start")
        layout.addWidget(self.keyring)
        layout.addWidget(self.passphrase)
        self.new_passphrase = NewPassphrase()
        layout.addWidget(self.new_passphrase)
        self.error = InlineError()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change = buttons.addButton("Change key", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.toggled.connect(self.new_passphrase.setVisible)
        use_keyring = journal.config.protection != "keyring" and not problem
        (self.keyring if use_keyring else self.passphrase).setChecked(True)
        self.new_passphrase.setVisible(not use_keyring)
        self.setMinimumWidth(520)

    def apply(self) -> None:
        if self.keyring.isChecked():
            key, where = Key.random(), f"a new key in the secret store ({self.store.name})"
        else:
            if (key := self.new_passphrase.key()) is None:
                return
            where = "your new passphrase; it is stored nowhere, so keep it safe"
        if not confirm(
            self,
            "Change the key",
            "The journal and its backups will be re-encrypted with "
            f"{where}. The old key will no longer open them. Continue?",
            "Change key",
        ):
            return
        try:
            self.changed = self.journal.change_key(key)
        except JournalError as error:
            self.error.show_error(error)
            return
        self.accept()


class RestoreDialog(QDialog):
    """Pick one of the journal's backups, or any backup file."""

    def __init__(self, backups: list[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.chosen: Path | None = None
        self.setWindowTitle("Restore a backup")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.list = labelled(form, "Backups", QListWidget())
        layout.addLayout(form)
        for path in backups:
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        else:
            layout.addWidget(muted("No backups in the data folder yet; pick a file instead."))
        self.list.itemActivated.connect(lambda _: self._pick_listed())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        other = buttons.addButton("Other file…", QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self._pick_file)
        restore = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setEnabled(bool(backups))
        buttons.accepted.connect(self._pick_listed)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _pick_listed(self) -> None:
        if item := self.list.currentItem():
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()

    def _pick_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Restore a backup", "", "Journal backups (*.db);;All files (*)"
        )
        if name:
            self.chosen = Path(name)
            self.accept()
