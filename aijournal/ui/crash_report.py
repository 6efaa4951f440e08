"""Unexpected exceptions: written to the data folder's log and shown in a dialog.

Every write runs in one transaction, so a failed action leaves the journal as it was; the dialog
says so and offers the details for a bug report.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.model.errors import JournalError
from aijournal.model.presentation import escape
from aijournal.storage.paths import PRIVATE_FILE, private_dir


def append_to_log(log: Path, details: str) -> None:
    """Add one report to the log, a file only its owner can read."""
    private_dir(log.parent)
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(f"--- {datetime.now().astimezone().isoformat(timespec='seconds')}\n")
        handle.write(details.rstrip() + "\n")
    os.chmod(log, PRIVATE_FILE)


class ErrorDialog(QDialog):
    """Says that something went wrong, that nothing was half-saved, and offers the details."""

    def __init__(self, summary: str, details: str, log: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.details = details
        layout = QVBoxLayout(self)
        text = QLabel(
            f"<b>{escape(summary)}</b><br><br>The action was not completed and your "
            "journal is unchanged. The details were saved to "
            f"{escape(str(log))}."
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setAccessibleName("Details")
        box.setMinimumSize(520, 180)
        layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy details")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.details))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install(log: Path, parent: Callable[[], QWidget | None] = lambda: None) -> Hook:
    """Make `sys.excepthook` log and show unexpected exceptions; returns the hook."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        try:
            append_to_log(log, details)
        except (OSError, JournalError) as problem:  # the dialog still shows; say so
            details += f"\n(The log {log} could not be written: {problem})"
        sys.stderr.write(details)
        summary = f"{kind.__name__}: {error}" if str(error) else kind.__name__
        ErrorDialog(summary, details, log, parent()).exec()

    sys.excepthook = hook
    return hook
