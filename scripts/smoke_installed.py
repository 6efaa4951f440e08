"""Smoke test of an installed AI Journal (run with the interpreter of a fresh, non-editable
install, from outside the checkout): the CLI end to end, a PDF, and one offscreen window."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path


def run(*args: str, env: dict[str, str]) -> str:
    command = [str(Path(sys.executable).parent / "aijournal"), *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def main() -> None:
    import aijournal

    checkout = Path(__file__).resolve().parents[1]
    assert checkout not in Path(aijournal.__file__).resolve().parents, "not an installed copy"
    home = Path(tempfile.mkdtemp())
    env = dict(
        os.environ,
        AIJOURNAL_HOME=str(home / "data"),
        AIJOURNAL_PASSPHRASE="smoke test passphrase",
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "share"),
    )
    print(run("--version", env=env).strip())
    run("init", "--passphrase", env=env)
    run("log-ai", "--tool", "Claude", "--pattern", "learning", "--minutes", "20", "SQL", env=env)
    run("checkin", "--burnout", "2", "--connection", "4", env=env)
    run("touchpoint", "--kind", "pairing", "--person", "Dana", env=env)
    run("assess", "who5", "--answers", "3,4,3,2,4", env=env)
    run("list", "--format", "json", env=env)
    run("stats", env=env)
    run("export", "--format", "summary-pdf", "-o", str(home / "summary.pdf"), env=env)
    run("export", "--format", "portfolio-pdf", "-o", str(home / "portfolio.pdf"), env=env)
    run("desktop-entry", "install", env=env)
    for pdf in ("summary.pdf", "portfolio.pdf"):
        assert (home / pdf).read_bytes().startswith(b"%PDF"), pdf
    window = subprocess.run(
        [sys.executable, "-c", WINDOW, str(home / "window.png")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if window.returncode != 0:
        sys.exit(f"the window did not open: {window.stderr}")
    print("installed copy works:", Path(aijournal.__file__).parent)


WINDOW = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(["aijournal"])
from aijournal.storage import DataPaths, Journal
from aijournal.ui.main_window import MainWindow
journal = Journal.open(DataPaths.resolve(None), passphrase=lambda: "smoke test passphrase")
window = MainWindow(journal, use_tray=False)
window.show()
app.processEvents()
for view in window.views:
    app.processEvents()
assert window.grab().save(sys.argv[1])
window.close()
journal.close()
"""

if __name__ == "__main__":
    main()
