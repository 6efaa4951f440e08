"""One desktop start, measured from inside: `bare` (a PySide6 QMainWindow with one label) or
`app` (AI Journal's main window on a journal). Prints the moment of the first paint on the
system-wide monotonic clock (bench/run.py subtracts the moment it launched this process, so
interpreter start-up counts and exiting does not), seconds of the first switch to Trends (with
--trends, else 0) and the peak resident memory in MB, then exits."""

from __future__ import annotations

import resource
import sys
import time


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    if mode == "bare":
        from PySide6.QtWidgets import QLabel

        window = QMainWindow()
        window.setCentralWidget(QLabel("A bare window"))
    else:
        from aijournal.storage import DataPaths, Journal
        from aijournal.ui.main_window import MainWindow

        paths = DataPaths(sys.argv[2])
        if sys.argv[3].startswith("keyring:"):  # else the journal's own secret store serves
            stand_in_secret_store(paths, sys.argv[3].removeprefix("keyring:"))
        journal = Journal.open(paths, passphrase=lambda: sys.argv[3])
        window = MainWindow(journal, use_tray=False)
    window.resize(1280, 800)

    class FirstPaint(QObject):
        """Any widget of the window painting means the window is on screen."""

        done = False

        def eventFilter(self, watched, event):  # noqa: N802 (Qt API)
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and hasattr(watched, "window")
                and watched.window() is window
            ):
                self.done = True
                print(f"{time.monotonic():.6f}", flush=True)  # CLOCK_MONOTONIC: any process
                QTimer.singleShot(0, first_paint.quit)
            return False

    # A loop of its own, not app.exec()/app.quit(): in Qt 6 quitting the application closes
    # its windows, and a closed main window does none of the work it does once idle.
    first_paint = QEventLoop()
    painted = FirstPaint()
    app.installEventFilter(painted)
    window.show()
    first_paint.exec()
    trends = "--trends" in sys.argv
    print(f"{first_trends(app, window) if trends else 0.0:.4f}", flush=True)
    print(f"{peak_mb():.1f}", flush=True)


def first_trends(app, window) -> float:
    """Seconds from asking for the Trends view (Ctrl+3) to it painted, the first time: as a
    person would, a few seconds after the window appeared (the app works ahead while idle)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from aijournal.ui.sections import VIEWS

    idle = QEventLoop()
    QTimer.singleShot(3000, idle.quit)
    idle.exec()
    index = next(i for i, view in enumerate(VIEWS) if view.title == "Trends")
    app.processEvents()
    started = time.perf_counter()
    window.show_view(index)
    app.processEvents()
    window.repaint()
    app.processEvents()
    return time.perf_counter() - started


def peak_mb() -> float:
    """This program's peak resident memory. VmHWM starts afresh at exec, unlike ru_maxrss,
    which also counts the memory of the (larger) process this one was forked from."""
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stand_in_secret_store(paths, secret: str) -> None:
    """An in-memory keyring holding the journal's key: the OS store without its D-Bus trip."""
    import keyring
    from keyring.backend import KeyringBackend

    from aijournal.storage.unlock import JournalConfig

    account = JournalConfig.read(paths).keyring_account

    class Held(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return secret if username == account else None

        def set_password(self, service, username, password):
            raise NotImplementedError

        def delete_password(self, service, username):
            raise NotImplementedError

    keyring.set_keyring(Held())


if __name__ == "__main__":
    main()
