"""The real app on a real X display: starts through `run`, paints its window, quits cleanly."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

# Run in a subprocess: an encrypted keyring journal (in-memory keyring) opened by the real entry
# point on the xcb platform; once the window is exposed, the whole screen is grabbed and the
# app quits.
APP = textwrap.dedent("""
    import sys
    from pathlib import Path

    import keyring
    import keyring.backend


    class MemoryKeyring(keyring.backend.KeyringBackend):
        priority = 1
        passwords = {}

        def get_password(self, service, username):
            return self.passwords.get((service, username))

        def set_password(self, service, username, password):
            self.passwords[(service, username)] = password

        def delete_password(self, service, username):
            self.passwords.pop((service, username), None)


    keyring.set_keyring(MemoryKeyring())
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from aijournal.storage import DataPaths, Journal, SecretStore
    from aijournal.storage.unlock import Key
    from aijournal.ui.app import run

    paths = DataPaths.resolve()
    Journal.create(paths, Key.random(), store=SecretStore()).close()
    target = Path(sys.argv[1])
    seen = []


    def shoot():
        app = QApplication.instance()
        windows = [w for w in app.topLevelWidgets() if w.isVisible()
                   and w.windowTitle() == "AI Journal" and w.windowHandle()
                   and w.windowHandle().isExposed()]
        seen.append(bool(windows))
        if sum(seen) < 5:  # exposed for half a second: painted
            return
        windows[0].screen().grabWindow(0).save(str(target))
        app.quit()


    timer = QTimer()
    timer.timeout.connect(shoot)
    QTimer.singleShot(0, lambda: timer.start(100))
    sys.exit(run(paths, SecretStore()))
""")


@pytest.mark.xvfb
def test_the_window_opens_and_paints_on_a_real_display(tmp_path, xvfb_env, qapp):
    shot = tmp_path / "screen.png"
    root = Path(__file__).resolve().parents[2]
    env = dict(xvfb_env, PYTHONPATH=str(root))
    done = subprocess.run(
        [sys.executable, "-c", APP, str(shot)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 800
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)
    }
    assert len(colours) > 20, "the screenshot is blank"
