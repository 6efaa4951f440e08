"""Starting the desktop app: one instance per data folder, unlock, then the main window."""

from __future__ import annotations

import getpass
import hashlib
import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

from aijournal.storage import DataPaths, SecretStore
from aijournal.ui import crash_report as errors
from aijournal.ui import theme

SHOW = b"show\n"
FIRST_CHECK_MS = 1500  # what is due is looked at soon after the start, then every minute


def server_name(paths: DataPaths) -> str:
    """The local socket's path, unique to this user and data folder, inside a folder only this
    user can enter: another local user can neither squat the name nor connect to it."""
    digest = hashlib.sha256(f"{getpass.getuser()}\0{paths.root}".encode()).hexdigest()
    return str(runtime_dir() / f"aijournal-{digest[:16]}")


_SOCKET_PATH_MAX = 100  # a Unix socket's path must fit in 108 bytes


def runtime_dir() -> Path:
    """$XDG_RUNTIME_DIR when it is the user's own private folder, else a 0700 folder of the
    user's (in the cache folder, or in the temporary folder when that path would be too long
    for a socket); never a folder others can write to."""
    given = os.environ.get("XDG_RUNTIME_DIR")
    if given and _private(Path(given)):
        return Path(given)
    import platformdirs

    from aijournal.storage.paths import private_dir

    folder = platformdirs.user_cache_path("aijournal", appauthor=False) / "run"
    if len(str(folder)) > _SOCKET_PATH_MAX - 30:
        import tempfile

        short = Path(tempfile.gettempdir()) / f"aijournal-{os.geteuid()}"
        try:
            short.mkdir(mode=0o700)
        except OSError:
            pass  # there already (ours, or squatted by someone else: checked below)
        if _private(short):
            return short
    private_dir(folder)
    if not _private(folder):
        folder.chmod(0o700)  # our own folder, left open by someone: close it
    return folder


def _private(folder: Path) -> bool:
    try:
        info = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.geteuid()
        and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    )


class SingleInstance(QObject):
    """The first app for a data folder listens; a later one asks it to show itself."""

    show_requested = Signal()

    def __init__(self, paths: DataPaths, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(paths)
        self.server: QLocalServer | None = None

    def ask_running(self, timeout_ms: int = 1000, *, show: bool = True) -> bool:
        """Ask an app already running on this folder to show its window (`show`), or only
        whether one runs; True if one does."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        if show:
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


def run(paths: DataPaths, store: SecretStore | None = None, *, hidden: bool = False) -> int:
    """The desktop app; returns the exit code. `hidden` (`aijournal --hidden`, as at login)
    starts it in the background: no window until the user opens it or a notification."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("AI Journal")
    app.setDesktopFileName("aijournal")
    app.setWindowIcon(theme.app_icon())
    theme.apply(app, "system")
    instance = SingleInstance(paths, app)
    if instance.ask_running(show=not hidden):
        return 0
    instance.listen()  # already now: a second start during unlock raises the unlock dialog
    instance.show_requested.connect(lambda: _raise(app.activeModalWidget()))
    errors.install(paths.log, app.activeWindow)

    from aijournal.ui.dialogs.welcome import open_journal

    journal = open_journal(paths, store or SecretStore())
    if journal is None:  # no journal today, but a coach view opened from the welcome stays
        return app.exec() if any(w.isVisible() for w in app.topLevelWidgets()) else 0
    # pyqtgraph (inside the views) must come after PySide6, which is loaded by now.
    from aijournal.ui import backups
    from aijournal.ui.main_window import MainWindow

    window = MainWindow(journal, bus="SESSION")
    instance.show_requested.connect(window.bring_to_front)
    # Closing the window decides (MainWindow.closeEvent): quit, or keep running hidden.
    app.setQuitOnLastWindowClosed(False)
    app.aboutToQuit.connect(window.close_journal)
    if not hidden:
        window.show()
    backups.back_up_if_due(window)
    QTimer.singleShot(FIRST_CHECK_MS, window.notifier.check)
    return app.exec()
