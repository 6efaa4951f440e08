"""Getting into the journal: the first-run welcome, and unlocking at later starts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.journaling import demo
from aijournal.model import records as r
from aijournal.model.errors import (
    Cancelled,
    JournalError,
    SecretStoreUnavailable,
    UnlockError,
    WrongPassphrase,
)
from aijournal.storage import DataPaths, Journal, SecretStore
from aijournal.storage.secrets import environment_secret
from aijournal.storage.unlock import MIN_PASSPHRASE, JournalConfig, Key
from aijournal.ui import theme
from aijournal.ui.widgets.basics import InlineError, labelled, message, muted, report, with_role
from aijournal.ui.workers import run_job

WRONG = "The passphrase is wrong. Try again."


def secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class NewPassphrase(QWidget):
    """A passphrase typed twice, checked as the user types."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = labelled(form, "Passphrase", secret_field())
        self.again = labelled(form, "Repeat passphrase", secret_field())
        self.error = InlineError()
        form.addRow(self.error)
        for field in (self.first, self.again):
            field.textChanged.connect(self._check_as_typed)

    def problem(self) -> str | None:
        """What is wrong with the passphrase as typed, or None."""
        first, again = self.first.text(), self.again.text()
        if len(first) < MIN_PASSPHRASE:
            return f"Use at least {MIN_PASSPHRASE} characters."
        if first != again:
            return (
                "Type the passphrase again to confirm it."
                if not again
                else "The two passphrases do not match."
            )
        return None

    def key(self) -> Key | None:
        """The key, or None after showing what is wrong."""
        if problem := self.problem():
            self.error.show_error(problem)
            return None
        return Key.from_passphrase(self.first.text())

    def _check_as_typed(self) -> None:
        first, again = self.first.text(), self.again.text()
        if first and again and first != again and not first.startswith(again):
            self.error.show_error("The two passphrases do not match.")
        elif first and len(first) < MIN_PASSPHRASE and self.error.isVisible():
            self.error.show_error(f"Use at least {MIN_PASSPHRASE} characters.")
        else:
            self.error.clear()


class WelcomeDialog(QDialog):
    """First run: says how the journal is protected, creates it, optionally with sample data."""

    def __init__(
        self,
        paths: DataPaths,
        store: SecretStore,
        *,
        clock: r.Clock = r.now,
        demo_days: int = 365,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.paths, self.store, self.clock, self.demo_days = paths, store, clock, demo_days
        self.journal: Journal | None = None
        self.setWindowTitle("Welcome to AI Journal")
        self.setWindowIcon(theme.app_icon())
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(with_role(QLabel("Welcome to AI Journal"), "title"))
        layout.addWidget(
            muted(
                "A private journal of how you work with AI and with people. It lives only on this "
                f"computer, in one encrypted file in {paths.root}. Nothing is ever sent anywhere."
            )
        )
        self.where_key = QLabel()
        self.where_key.setWordWrap(True)
        layout.addWidget(self.where_key)
        self.passphrase = NewPassphrase()
        layout.addWidget(self.passphrase)
        self.error = InlineError()
        layout.addWidget(self.error)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        quit_button = QPushButton("Quit")
        quit_button.clicked.connect(self.reject)
        self.sample = QPushButton("Explore with sample data")
        self.sample.setToolTip(
            "A made-up year to explore; Settings → Sample data removes exactly it later."
        )
        self.sample.clicked.connect(lambda: self.create(sample=True))
        self.empty = QPushButton("Start empty")
        self.empty.setDefault(True)
        self.empty.clicked.connect(lambda: self.create(sample=False))
        coach = QPushButton("Open coach view")
        coach.setToolTip("Read summaries your clients exported; needs no journal or key.")
        coach.clicked.connect(self.open_coach_view)
        buttons.addWidget(quit_button)
        buttons.addWidget(coach)
        buttons.addStretch(1)
        buttons.addWidget(self.sample)
        buttons.addWidget(self.empty)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        problem = store.problem()
        self.use_passphrase(f"No secret store works here ({problem})." if problem else None)

    def open_coach_view(self) -> None:
        from aijournal.ui.views.coach import open_coach_view

        self._coach = open_coach_view()

    def use_passphrase(self, why: str | None) -> None:
        """Keep the key in the secret store (why is None) or switch to a passphrase."""
        self.asks_passphrase = why is not None
        if why is None:
            self.where_key.setText(
                "Its key is a random secret kept in your system's secret store "
                f"({self.store.name}), so you never need to type it."
            )
        else:
            self.where_key.setText(
                f"{why} Choose a passphrase instead: the journal is encrypted with it, it is "
                "stored nowhere, and you type it at each start. If you forget it, nobody can "
                "open the journal, so keep it somewhere safe."
            )
        self.passphrase.setVisible(self.asks_passphrase)
        if self.asks_passphrase:
            self.passphrase.first.setFocus()

    def create(self, *, sample: bool) -> None:
        self.error.clear()
        key = self.passphrase.key() if self.asks_passphrase else Key.random()
        if key is None:
            return
        try:
            self.journal = Journal.create(self.paths, key, store=self.store, clock=self.clock)
        except SecretStoreUnavailable as error:
            self.use_passphrase(message(error))
            return
        except JournalError as error:
            self.error.show_error(error)
            return
        if not sample:
            self.accept()
            return
        for button in (self.sample, self.empty):
            button.setEnabled(False)
        days = self.demo_days
        run_job(
            self,
            self.journal,
            "Adding a year of sample data…",
            lambda journal, progress: demo.fill(journal, days=days, progress=progress),
            done=lambda _: self.accept(),
            failed=self._sample_failed,
            cancellable=True,
        )

    def _sample_failed(self, error: BaseException) -> None:
        # The journal exists either way; a cancelled or failed fill wrote nothing.
        if not isinstance(error, Cancelled):
            report(self, "Sample data", error)
        self.accept()


class UnlockForm(QWidget):
    """A passphrase field (or just a button) that unlocks; says so inline when it is wrong."""

    unlocked = Signal(object)

    def __init__(
        self,
        check: Callable[[str], object],
        *,
        ask_passphrase: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._check = check
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.field = labelled(form, "Passphrase", secret_field()) if ask_passphrase else None
        self.error = InlineError()
        form.addRow(self.error)
        self.button = QPushButton("Unlock")
        self.button.setDefault(True)
        self.button.clicked.connect(self.unlock)
        form.addRow(self.button)
        if self.field:
            self.field.returnPressed.connect(self.unlock)

    def unlock(self) -> None:
        text = self.field.text() if self.field else ""
        self.setCursor(Qt.CursorShape.WaitCursor)  # key stretching takes a moment on purpose
        try:
            result = self._check(text)
        except WrongPassphrase:
            self.error.show_error(WRONG)
            if self.field:
                self.field.selectAll()
                self.field.setFocus()
            return
        except JournalError as error:
            self.error.show_error(error)
            return
        finally:
            self.unsetCursor()
        self.error.clear()
        if self.field:
            self.field.clear()
        self.unlocked.emit(result)


class UnlockDialog(QDialog):
    """Asks for the passphrase of a passphrase-protected journal; Quit gives up."""

    def __init__(
        self,
        paths: DataPaths,
        store: SecretStore,
        *,
        clock: r.Clock = r.now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.journal: Journal | None = None
        self.setWindowTitle("Unlock AI Journal")
        self.setWindowIcon(theme.app_icon())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("This journal is encrypted with your passphrase."))
        self.form = UnlockForm(
            lambda text: Journal.open(paths, passphrase=lambda: text, store=store, clock=clock)
        )
        self.form.unlocked.connect(self._opened)
        layout.addWidget(self.form)
        quit_button = QPushButton("Quit")
        quit_button.clicked.connect(self.reject)
        layout.addWidget(quit_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(420)

    def _opened(self, journal: Journal) -> None:
        self.journal = journal
        self.accept()


def ask_retry(text: str) -> bool:
    """The secret store did not give the key: try again, or quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, "AI Journal is locked", text)
    box.setWindowIcon(theme.app_icon())
    retry = box.addButton("Retry", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is retry


def open_journal(paths: DataPaths, store: SecretStore, *, clock: r.Clock = r.now) -> Journal | None:
    """The user's journal, created or unlocked with their help; None when they quit."""
    if not paths.config.exists() and not paths.db.exists():
        welcome = WelcomeDialog(paths, store, clock=clock)
        return welcome.journal if welcome.exec() else None
    try:
        protection = JournalConfig.read(paths).protection
    except JournalError as error:
        QMessageBox.critical(None, "AI Journal", message(error))
        return None
    if protection == "passphrase":
        if given := environment_secret("AIJOURNAL_PASSPHRASE"):  # scripts, as in the CLI
            try:
                return Journal.open(paths, passphrase=lambda: given, store=store, clock=clock)
            except WrongPassphrase:
                pass
        dialog = UnlockDialog(paths, store, clock=clock)
        return dialog.journal if dialog.exec() else None
    while True:
        try:
            return Journal.open(paths, store=store, clock=clock)
        except UnlockError as error:
            if not ask_retry(message(error)):
                return None
        except JournalError as error:
            QMessageBox.critical(None, "AI Journal", message(error))
            return None
