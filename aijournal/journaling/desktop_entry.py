"""The app in the desktop's application menu: an XDG launcher, its icon and AppStream metadata,
written under the user's data folder (`$XDG_DATA_HOME`, default ~/.local/share) and removed
again; and the optional start at login (XDG autostart, under `$XDG_CONFIG_HOME`, default
~/.config), which opens the app hidden, in the background. Nothing outside the user's own
folders is touched."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from aijournal.model.presentation import escape
from aijournal.model.resources import resource

HIDDEN = "--hidden"  # `aijournal --hidden`: the app starts in the background, no window
APP_ID = "aijournal"  # the desktop file name Qt announces (QGuiApplication.setDesktopFileName)
SUMMARY = "A private journal of how you work with AI and with people"


@dataclass(frozen=True)
class Places:
    """Where each file of the desktop entry lives."""

    launcher: Path
    icon: Path
    metainfo: Path

    @classmethod
    def for_user(cls, data_home: Path | None = None) -> Places:
        home = data_home or Path(
            os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        )
        return cls(
            launcher=home / "applications" / f"{APP_ID}.desktop",
            icon=home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
            metainfo=home / "metainfo" / f"{APP_ID}.metainfo.xml",
        )

    def all(self) -> tuple[Path, Path, Path]:
        return self.launcher, self.icon, self.metainfo


def command() -> str:
    """The absolute path of the `aijournal` command of this installation (pipx, venv, …)."""
    beside = Path(sys.executable).parent / "aijournal"
    if beside.exists():
        return str(beside)
    return shutil.which("aijournal") or f"{sys.executable} -m aijournal"


def launcher_text(exec_command: str) -> str:
    """The .desktop file that starts the app."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=AI Journal\n"
        "GenericName=Journal\n"
        f"Comment={SUMMARY}\n"
        f"Exec={exec_command}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "Categories=Utility;\n"
        "Keywords=journal;AI;burnout;wellbeing;connection;\n"
        f"StartupWMClass={APP_ID}\n"
    )


def metainfo_text() -> str:
    """AppStream metadata, so software centres and menus can describe the app."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <name>AI Journal</name>
  <summary>{escape(SUMMARY)}</summary>
  <description>
    <p>Log each use of AI as augmentation or automation, how burned out and how connected
    to other people you feel, and whom you talked to; see private trend graphs and gentle
    prompts to seek human contact. Everything stays on your computer, encrypted.</p>
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <provides><binary>aijournal</binary></provides>
  <content_rating type="oars-1.1"/>
</component>
"""


def install(places: Places | None = None) -> Places:
    """Write the launcher, the icon and the metadata (replacing older ones)."""
    from aijournal.storage.paths import atomic_write

    places = places or Places.for_user()
    for path in places.all():
        path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(places.launcher, launcher_text(command()))
    atomic_write(places.icon, resource("icons", f"{APP_ID}.svg").read_bytes())
    atomic_write(places.metainfo, metainfo_text())
    for path in places.all():
        path.chmod(0o644)  # the menu and icon theme read these; they hold nothing private
    return places


def remove(places: Places | None = None) -> list[Path]:
    """Delete what `install` wrote; returns the files that were there."""
    places = places or Places.for_user()
    removed = []
    for path in places.all():
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


# ---- start at login ----------------------------------------------------------------------


def autostart_path(config_home: Path | None = None) -> Path:
    """Where the XDG autostart entry lives: $XDG_CONFIG_HOME/autostart (an absolute
    $XDG_CONFIG_HOME only, as the specification says), else ~/.config/autostart."""
    given = os.environ.get("XDG_CONFIG_HOME", "")
    home = config_home or (Path(given) if os.path.isabs(given) else Path.home() / ".config")
    return home / "autostart" / f"{APP_ID}.desktop"


def autostart_text(exec_command: str) -> str:
    """The autostart entry: the launcher, starting the app hidden."""
    return launcher_text(f"{exec_command} {HIDDEN}") + "X-GNOME-Autostart-enabled=true\n"


def autostart_enabled(path: Path | None = None) -> bool:
    return (path or autostart_path()).exists()


def enable_autostart(path: Path | None = None) -> Path:
    """Start AI Journal hidden at login (replacing an older entry); the entry's path."""
    from aijournal.storage.paths import atomic_write

    path = path or autostart_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, autostart_text(command()))
    path.chmod(0o644)  # the session reads it; it holds nothing private
    return path


def disable_autostart(path: Path | None = None) -> bool:
    """No start at login any more; True when there was an entry to remove."""
    path = path or autostart_path()
    if not path.exists():
        return False
    path.unlink()
    return True
