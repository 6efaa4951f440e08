"""Settings → Notifications: whether notifications work here (which server, what it can do),
a test notification, and the start at login (XDG autostart, aijournal/journaling/desktop_entry).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from aijournal.journaling import desktop_entry
from aijournal.ui.widgets.basics import InlineError, muted


class NotificationsBox(QGroupBox):
    """How reminders reach the user here; `test_requested` when the test button is pressed,
    `autostart_changed(on)` after the start at login was switched."""

    test_requested = Signal()
    autostart_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Notifications", parent)
        layout = QVBoxLayout(self)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Notifications here")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.test = QPushButton("Send a test notification")
        self.test.clicked.connect(self.test_requested)
        layout.addWidget(self.test, alignment=Qt.AlignmentFlag.AlignLeft)
        self.sent = muted("")
        self.sent.setAccessibleName("Test notification")
        self.sent.hide()
        layout.addWidget(self.sent)
        self.autostart = QCheckBox("Start AI Journal at login, in the background")
        self.autostart.setAccessibleName("Start at login")
        self.autostart.setAccessibleDescription(
            "Starts hidden at login so reminders reach you without opening the window."
        )
        self.autostart.toggled.connect(self._switch_autostart)
        layout.addWidget(self.autostart)
        self.where = muted("")
        layout.addWidget(self.where)
        self.error = InlineError()
        layout.addWidget(self.error)
        self.refresh()

    def show_status(self, lines: list[str]) -> None:
        self.status.setText("\n".join(lines))

    def confirm_sent(self) -> None:
        self.sent.setText("Sent. If nothing appeared, the lines above say why.")
        self.sent.show()

    def refresh(self) -> None:
        self.autostart.blockSignals(True)
        self.autostart.setChecked(desktop_entry.autostart_enabled())
        self.autostart.blockSignals(False)
        on = self.autostart.isChecked()
        self.where.setText(f"Started by {desktop_entry.autostart_path()}" if on else "")
        self.where.setVisible(on)

    def _switch_autostart(self, on: bool) -> None:
        try:
            if on:
                desktop_entry.enable_autostart()
            else:
                desktop_entry.disable_autostart()
        except OSError as error:
            self.error.show_error(error)
            self.refresh()
            return
        self.error.clear()
        self.refresh()
        self.autostart_changed.emit(on)
