"""`aijournal desktop-entry install|remove`: the launcher, icon and AppStream file in the user's
own data folder, valid for the desktop's own checkers."""

import shutil
import subprocess
from pathlib import Path

import pytest
from clitools import run

from aijournal.journaling import desktop_entry
from aijournal.model.resources import resource


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_install_writes_a_valid_launcher_icon_and_metainfo(data_home):
    code, printed = run("desktop-entry", "install")
    assert code == 0, printed
    places = desktop_entry.Places.for_user()
    assert places.launcher == data_home / "applications" / "aijournal.desktop"
    text = places.launcher.read_text()
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert Path(exec_line.removeprefix("Exec=").split()[0]).is_absolute()
    assert places.icon.read_bytes() == resource("icons", "aijournal.svg").read_bytes()
    assert "<id>aijournal</id>" in places.metainfo.read_text()
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(
            ["desktop-file-validate", str(places.launcher)], capture_output=True, text=True
        )
        assert checked.returncode == 0 and "error" not in checked.stdout, checked.stdout
    if shutil.which("appstreamcli"):
        checked = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(places.metainfo)],
            capture_output=True,
            text=True,
        )
        assert not [line for line in checked.stdout.splitlines() if line.startswith("E:")]


def test_remove_takes_everything_out_again(data_home):
    assert run("desktop-entry", "install")[0] == 0
    code, printed = run("desktop-entry", "remove")
    assert code == 0 and printed.startswith("Removed")
    assert not any(p.exists() for p in desktop_entry.Places.for_user().all())
    assert run("desktop-entry", "remove") == (0, "Nothing to remove.\n")


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def test_autostart_starts_the_app_hidden_at_login_and_goes_again(config_home):
    assert run("autostart") == (0, "off\n")
    code, printed = run("autostart", "on")
    entry = config_home / "autostart" / "aijournal.desktop"
    assert code == 0 and str(entry) in printed
    text = entry.read_text()
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    command, flag = exec_line.removeprefix("Exec=").rsplit(" ", 1)
    assert flag == "--hidden" and Path(command.split()[0]).is_absolute()
    assert text.startswith(desktop_entry.launcher_text(f"{command} --hidden"))  # the launcher
    assert entry.stat().st_mode & 0o777 == 0o644
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
        assert checked.returncode == 0, checked.stdout
    assert run("autostart") == (0, f"on ({entry})\n")
    assert run("autostart", "off") == (0, "AI Journal no longer starts at login.\n")
    assert not entry.exists()
    assert run("autostart", "off") == (0, "It was not on.\n")


def test_autostart_ignores_a_relative_config_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert (
        desktop_entry.autostart_path() == tmp_path / ".config" / "autostart" / "aijournal.desktop"
    )


def test_hidden_starts_only_the_app():
    code, printed = run("--hidden", "list")
    assert code == 2 and "--hidden starts the desktop app" in printed
