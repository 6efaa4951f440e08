"""Render each view of the main window, light and dark, to docs/screenshots/.

`<view>-<theme>.png` at 1280×720, and with `--all` also `<view>-<theme>-2x.png`: a 1600×1000
screen at 200% scaling (800×500 logical pixels, the smallest screen the app is made for); and
Settings → Notifications on its own, `settings-notifications-<theme>.png`, talking to the tests'
notification server on a private D-Bus when dbus-run-session is there.

Uses a throwaway encrypted journal filled with the sample data, its key in an in-memory
keyring, so no real secret store or data folder is touched. On a display, or under Xvfb:
    python scripts/screenshots.py --all          # both sizes, each under its own Xvfb
    python scripts/screenshots.py --all --views settings   # only these views
    xvfb-run -a -s "-screen 0 1280x720x24" python scripts/screenshots.py --size 1280x720
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
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


# (screen, Qt scale factor, file name suffix): a laptop, and a small screen at 200%.
RUNS = (("1280x720", "1", ""), ("1600x1000", "2", "-2x"))


def run_all(args: argparse.Namespace) -> int:
    """Each size under an X server of its own, so the window fills a real screen."""
    if not shutil.which("xvfb-run"):
        sys.exit("--all needs xvfb-run (apt-get install xvfb xauth)")
    for screen, scale, suffix in RUNS:
        width, height = (int(n) for n in screen.split("x"))
        logical = f"{round(width / float(scale))}x{round(height / float(scale))}"
        env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM="xcb")
        env.pop("DISPLAY", None)
        command = [sys.executable, __file__, "--size", logical, f"--suffix={suffix}"]
        command += ["--out", str(args.out), "--days", str(args.days)]
        command += ["--views", args.views] if args.views else []
        done = subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", *command], env=env)
        if done.returncode:
            return done.returncode
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--days", type=int, default=365, help="days of sample data")
    parser.add_argument("--size", default="1280x720", help="window size, WIDTHxHEIGHT (logical)")
    parser.add_argument("--suffix", default="", help="added to each file name, e.g. -2x")
    parser.add_argument("--all", action="store_true", help="1280x720 and 200%% on 1600x1000")
    parser.add_argument("--views", default="", help="comma-separated names, e.g. settings,today")
    args = parser.parse_args(argv)
    if args.all:
        return run_all(args)
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
        server = notification_server()
        window = MainWindow(journal, use_tray=False, bus=server.address if server else None)
        window.move(0, 0)
        window.resize(width, height)
        window.show()
        QTest.qWaitForWindowExposed(window)
        for look in ("light", "dark"):
            Settings(journal)["theme"] = look
            window.apply_settings()
            wanted = set(filter(None, args.views.split(",")))
            for index, view in enumerate(window.views):
                if wanted and slug(view.title) not in wanted:
                    continue
                window.show_view(index)
                QTest.qWait(150)  # layouts and charts settle
                target = args.out / f"{slug(view.title)}-{look}{args.suffix}.png"
                window.grab().save(str(target))
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            if not wanted or wanted & {"trends", "factors"}:
                factor_shots(window, look, args)
            if not wanted or "settings" in wanted:
                window.show_view(len(window.views) - 1)
                QTest.qWait(150)
                target = args.out / f"settings-notifications-{look}{args.suffix}.png"
                window.settings_view.notifications.grab().save(str(target))
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
        window.close_journal()
        if server is not None:
            server.stop()
    return 0


def factor_shots(window, look: str, args: argparse.Namespace) -> None:
    """The user's own factors: Trends scrolled to their charts (`trends-factors-<theme>`), and
    Settings → Your check-in factors (`settings-factors-<theme>`)."""
    from PySide6.QtTest import QTest

    from aijournal.ui.sections import VIEWS

    titles = [view.title for view in VIEWS]
    window.show_view(titles.index("Trends"))
    trends_view = window.view(VIEWS[titles.index("Trends")])
    QTest.qWait(150)
    bar = trends_view.scroll.verticalScrollBar()
    bar.setValue(min(bar.maximum(), trends_view.factor_panels[0].y() - 8))
    QTest.qWait(150)
    save(window, args.out / f"trends-factors-{look}{args.suffix}.png")
    bar.setValue(0)
    window.show_view(titles.index("Settings"))
    QTest.qWait(150)
    save(window.settings_view.factors, args.out / f"settings-factors-{look}{args.suffix}.png")


def save(widget, target: Path) -> None:
    widget.grab().save(str(target))
    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)


def notification_server():
    """The tests' freedesktop notification server on a private bus, or None without
    dbus-run-session: Settings → Notifications then shows a working server."""
    sys.path.insert(0, str(ROOT / "tests"))
    import notification_server as server

    try:
        return server.start()
    except LookupError:
        return None


if __name__ == "__main__":
    sys.exit(main())
