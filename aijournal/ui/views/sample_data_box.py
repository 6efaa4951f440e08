"""Settings → Sample data: remove exactly the records the sample added, with Undo.

Shown only while the journal holds sample data (or a removal can still be undone); the use
case is `journaling.sample_data`, the same as `aijournal demo --remove`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from aijournal.journaling import sample_data
from aijournal.model.errors import JournalError
from aijournal.storage import Journal
from aijournal.ui.widgets.basics import InlineError, confirm, muted, with_role


class SampleDataBox(QGroupBox):
    """The sample's counts and a Remove button; after removing, what went and an Undo."""

    changed = Signal()  # records were removed or brought back

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__("Sample data", parent)
        self.journal = journal
        self.stamp: str | None = None  # the removal Undo brings back
        layout = QVBoxLayout(self)
        self.counts = muted("")
        self.counts.setAccessibleName("Sample data in the journal")
        layout.addWidget(self.counts)
        self.remove_button = QPushButton("Remove sample data…")
        self.remove_button.clicked.connect(self.remove)
        layout.addWidget(self.remove_button, alignment=Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Removed")
        row.addWidget(self.result, 1)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Bring the sample data back (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.error = InlineError()
        layout.addWidget(self.error)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self._say("", undo=False)
        self.refresh()

    def refresh(self) -> None:
        present = sample_data.present(self.journal)
        self.counts.setText(
            f"The sample data added on first start: {sample_data.counts_text(present)}. "
            "Removing it takes out exactly those records, nothing you added yourself."
            if present
            else ""
        )
        self.counts.setVisible(bool(present))
        self.remove_button.setVisible(bool(present))
        self.setVisible(bool(present) or self.stamp is not None or bool(self.result.text()))

    def remove(self) -> None:
        present = sample_data.present(self.journal)
        if not present or not confirm(
            self,
            "Remove sample data",
            f"Remove the sample data ({sample_data.counts_text(present)})? What you added "
            "yourself stays, and so do sample people, skills and goals your own entries "
            "refer to. You can undo this.",
            "Remove",
        ):
            return
        try:
            removal = sample_data.remove(self.journal)
        except JournalError as error:
            self.error.show_error(error)
            return
        self.error.clear()
        self.stamp = removal.stamp
        self._say(sample_data.removal_line(removal), undo=True)
        self.refresh()
        # Once the confirmation has handed focus back: Undo is the next thing to reach for.
        QTimer.singleShot(0, self.undo_button.setFocus)
        self.changed.emit()

    def undo(self) -> None:
        if self.stamp is None:
            return
        try:
            restored = sample_data.undo(self.journal, self.stamp)
        except JournalError as error:
            self.error.show_error(error)
            return
        self.error.clear()
        self.stamp = None
        self._say(f"Brought back: {sample_data.counts_text(restored)}.", undo=False)
        self.refresh()
        self.remove_button.setFocus()
        self.changed.emit()

    def _say(self, text: str, *, undo: bool) -> None:
        self.result.setText(text)
        with_role(self.result, "notice")
        self.result.setVisible(bool(text))
        self.undo_button.setVisible(undo)
