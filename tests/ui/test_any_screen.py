"""Any screen: every view and dialog is usable at 800×500 logical pixels (1600×1000 at 200%,
1366×768 at 150%) with nothing cut off on the right, and at 1280×720 without sideways
scrolling; dialogs size to the screen. In-process (offscreen), and on a real X display at 200%
scaling (marked xvfb: CI runs it)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ui.screens import dialogs, problems

SIZES = {"small": (800, 500), "laptop": (1280, 720)}


@pytest.fixture
def journal(journal):
    """Every screen is looked at with 120 days of the demo data in it (the shared
    `main_window` fixture opens on this journal)."""
    from aijournal.journaling import demo

    demo.fill(journal, days=120)
    return journal


@pytest.mark.parametrize("size", SIZES)
def test_every_view_fits(qtbot, main_window, size):
    width, height = SIZES[size]
    window = main_window
    assert len(window.views) == 9  # every view made, so the window knows what each needs
    hint = window.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, hint
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    found = {}
    for index, view in enumerate(window.views):
        window.show_view(index)
        qtbot.wait(20)
        if wrong := problems(window):
            found[view.title] = wrong
    assert not found, "\n".join(f"{name}: {'; '.join(wrong)}" for name, wrong in found.items())


def test_every_dialog_fits_a_small_screen(qtbot, main_window, journal, tmp_path):
    found = {}
    for name, dialog in dialogs(main_window, journal, tmp_path):
        qtbot.addWidget(dialog)
        room = dialog.screen().availableGeometry()
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), name
        hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        if hint.width() > 800 or hint.height() > 500:
            found[name] = [f"needs at least {hint.width()}×{hint.height()}"]
            continue
        dialog.resize(min(dialog.width(), 800), min(dialog.height(), 500))
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(30)  # layouts settle once scroll bars have appeared
        if wrong := problems(dialog):
            found[name] = wrong
        dialog.close()
    assert not found, "\n".join(f"{name}: {'; '.join(wrong)}" for name, wrong in found.items())


@pytest.mark.xvfb
@pytest.mark.parametrize(
    "screen, scale",
    [("1600x1000", "2"), ("1366x768", "1.5"), ("1280x720", "1")],
)
def test_on_a_real_scaled_screen_nothing_is_cut_off(xvfb_env, tmp_path, screen, scale):
    """Under its own X server of that size, with Qt scaling like a 200% or 150% desktop."""
    if not shutil.which("xvfb-run"):
        pytest.skip("needs xvfb-run")
    script = Path(__file__).with_name("on_a_screen.py")
    env = dict(xvfb_env, QT_SCALE_FACTOR=scale)
    env.pop("DISPLAY", None)
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", sys.executable, str(script)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    logical = [round(int(n) / float(scale)) for n in screen.split("x")]
    assert abs(report["screen"][0] - logical[0]) <= 2, report["screen"]
    assert report["problems"] == {}
