"""The tray icon and its quick actions (what is notified, and how: ui/notifications.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from aijournal.ui import theme


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QSystemTrayIcon):
    """Quick actions from the tray (text, what it does); a click calls `on_click`."""

    def __init__(
        self,
        window: QWidget,
        actions: Sequence[tuple[str, Callable[[], object]]],
        on_click: Callable[[], object],
    ):
        super().__init__(theme.app_icon(), window)
        self.setToolTip("AI Journal")
        menu = QMenu(window)
        for text, slot in actions:
            menu.addAction(text).triggered.connect(slot)
        self.setContextMenu(menu)
        self.activated.connect(
            lambda reason: (
                on_click() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
            )
        )
