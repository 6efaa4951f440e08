"""Run by test_any_screen.py on a real X display: the window and every dialog on this screen
(say 1600×1000 at QT_SCALE_FACTOR=2: 800×500 logical). Prints what a user could not see, as
JSON, and exits 0."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import keyring

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parents[1])]
from conftest import MemoryKeyring  # noqa: E402

keyring.set_keyring(MemoryKeyring())

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    from clocks import FakeClock
    from ui.screens import dialogs, problems

    from aijournal.journaling import demo
    from aijournal.storage import DataPaths, Journal
    from aijournal.storage.unlock import Key
    from aijournal.ui.main_window import MainWindow

    folder = tempfile.mkdtemp()
    journal = Journal.create(DataPaths(Path(folder) / "d"), Key.random(), clock=FakeClock())
    demo.fill(journal, days=120)
    room = app.primaryScreen().availableGeometry()
    report: dict = {"screen": [room.width(), room.height()], "problems": {}}
    window = MainWindow(journal, use_tray=False)  # sizes itself to the screen
    window.show()
    QTest.qWaitForWindowExposed(window)
    assert window.views  # every view made
    QTest.qWait(100)
    frame = window.frameGeometry()
    if frame.width() > room.width() or frame.height() > room.height():
        report["problems"]["window"] = [
            f"{frame.width()}×{frame.height()} on {room.width()}×{room.height()}"
        ]
    for index, view in enumerate(window.views):
        window.show_view(index)
        QTest.qWait(60)
        if found := problems(window):
            report["problems"][view.title] = found
    for name, dialog in dialogs(window, journal, folder):
        dialog.show()
        QTest.qWaitForWindowExposed(dialog)
        QTest.qWait(60)
        size = dialog.frameGeometry()
        found = problems(dialog)
        if size.width() > room.width() or size.height() > room.height():
            found.append(f"{size.width()}×{size.height()} on {room.width()}×{room.height()}")
        if found:
            report["problems"][name] = found
        dialog.close()
    print(json.dumps(report))
    window.close_journal()
    return 0


if __name__ == "__main__":
    sys.exit(main())
