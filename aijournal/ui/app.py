"""Starting the desktop app: one instance per data folder, unlock, then the main window."""

from __future__ import annotations

import getpass
import hashlib
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

from aijournal.storage import DataPaths, SecretStore
from aijournal.ui import crash_report as errors
from aijournal.ui import theme

SHOW = b"show\n"


def server_name(paths: DataPaths) -> str:
    """A local socket name unique to this user and data folder."""
    digest = hashlib.sha256(f"{getpass.getuser()}\0{paths.root}".encode()).hexdigest()
    return f"aijournal-{digest[:20]}"


class SingleInstance(QObject):
    """The first app for a data folder listens; a later one asks it to show itself."""

    show_requested = Signal()

    def __init__(self, paths: DataPaths, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(paths)
        self.server: QLocalServer | None = None

    def ask_running(self, timeout_ms: int = 1000) -> bool:
        """Ask an app already running on this folder to show its window; True if one did."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(SHOW)
        socket.flush()
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def listen(self) -> None:
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            QLocalServer.removeServer(self.name)  # left behind by an app that crashed
            self.server.listen(self.name)
        self.server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        # The sockets stay children of the server (a second start is rare); deleting them
        # from Python while the server may go first is not worth the risk.
        while self.server and (socket := self.server.nextPendingConnection()):
            socket.readyRead.connect(self._read)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket | None = None) -> None:
        socket = socket or self.sender()
        if SHOW.strip() in bytes(socket.readAll().data()):
            self.show_requested.emit()


def _raise(widget) -> None:
    if widget is not None:
        widget.raise_()
        widget.activateWindow()


def run(paths: DataPaths, store: SecretStore | None = None) -> int:
    """The desktop app; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("AI Journal")
    app.setDesktopFileName("aijournal")
    app.setWindowIcon(theme.app_icon())
    theme.apply(app, "system")
    instance = SingleInstance(paths, app)
    if instance.ask_running():
        return 0
    instance.listen()  # already now: a second start during unlock raises the unlock dialog
    instance.show_requested.connect(lambda: _raise(app.activeModalWidget()))
    errors.install(paths.log, app.activeWindow)

    from aijournal.ui.dialogs.welcome import open_journal

    journal = open_journal(paths, store or SecretStore())
    if journal is None:  # no journal today, but a coach view opened from the welcome stays
        return app.exec() if any(w.isVisible() for w in app.topLevelWidgets()) else 0
    # pyqtgraph (inside the views) must come after PySide6, which is loaded by now.
    from aijournal.ui.main_window import MainWindow

    window = MainWindow(journal)
    instance.show_requested.connect(window.bring_to_front)
    app.setQuitOnLastWindowClosed(window.tray is None)
    app.aboutToQuit.connect(window.close_journal)
    window.show()
    window.back_up_if_due()
    return app.exec()
