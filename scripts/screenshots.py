"""Render each view of the main window, light and dark, to docs/screenshots/<view>-<theme>.png.

Uses a throwaway encrypted journal filled with the sample data, its key in an in-memory
keyring, so no real secret store or data folder is touched. Works offscreen and on a display:
    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py
    xvfb-run -a -s "-screen 0 1920x1200x24" python scripts/screenshots.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import keyring
import keyring.backend

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Keeps the throwaway journal's key for this run only."""

    priority = 1
    name = "in-memory keyring for screenshots"

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


def slug(title: str) -> str:
    return title.lower().replace(" & ", "-").replace(" ", "-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--days", type=int, default=365, help="days of sample data")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    keyring.set_keyring(MemoryKeyring())

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from aijournal.journaling import demo
    from aijournal.journaling.settings import Settings
    from aijournal.storage import DataPaths, Journal, SecretStore
    from aijournal.storage.unlock import Key
    from aijournal.ui import theme
    from aijournal.ui.main_window import MainWindow

    app.setWindowIcon(theme.app_icon())
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal.create(DataPaths(Path(tmp) / "data"), Key.random(), store=SecretStore())
        demo.fill(journal, days=args.days)
        window = MainWindow(journal, use_tray=False)
        window.resize(width, height)
        window.show()
        QTest.qWaitForWindowExposed(window)
        for look in ("light", "dark"):
            Settings(journal)["theme"] = look
            window.apply_settings()
            for index, view in enumerate(window.views):
                window.show_view(index)
                QTest.qWait(150)  # layouts and charts settle
                target = args.out / f"{slug(view.title)}-{look}.png"
                window.grab().save(str(target))
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
        window.close_journal()
    return 0


if __name__ == "__main__":
    sys.exit(main())
