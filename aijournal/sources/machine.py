"""Sources on this machine: what is found, switching each on or off, and reading those on.

Nothing is read until the user switches a source on (or names it in `aijournal import …`):
that is their consent. Switched-on sources are read at each start of the app and after the
daily reminder (and by `aijournal sources scan`); a file not changed since the last reading
is passed over, and what is new waits in Review imports. The survey behind `sources list` and
the Sources page only looks at file names and times, never inside.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError
from aijournal.model.presentation import plural
from aijournal.sources import catalog, files
from aijournal.sources.catalog import Source
from aijournal.sources.files import Progress
from aijournal.sources.importing import ImportPlan, finish_import, plan_import
from aijournal.storage.imports import SourceSetting

if TYPE_CHECKING:
    from aijournal.storage import Journal

SLACK_SECONDS = 2.0  # file times are compared with this much room (coarse file systems)


def on_this_machine() -> list[Source]:
    return [s for s in catalog.SOURCES if s.on_this_machine]


def _setting(journal: Journal, source_id: str) -> SourceSetting:
    return journal.source_settings().get(source_id, SourceSetting(source_id))


def where(found: Source, setting: SourceSetting, env: Mapping[str, str], home: Path) -> list[Path]:
    """Where a source is read: the paths the user gave, or else its usual places that exist."""
    if setting.paths:
        return [Path(p) for p in setting.paths]
    return catalog.found_here(found.id, env, home)


@dataclass(frozen=True)
class Survey:
    """One source as found on this machine, without reading a file."""

    source: Source
    setting: SourceSetting
    locations: list[Path]
    sessions: int
    newest: datetime | None

    @property
    def enabled(self) -> bool:
        return self.setting.enabled

    def found_line(self) -> str:
        """ "25 session files, newest 2026-11-20 in ~/.claude/projects", or what is missing."""
        if not self.locations:
            picks = {"folders": "Pick the folders", "file": "Pick the file"}
            return picks.get(self.source.picks, "Not found on this computer")
        count = plural(self.sessions, "session file")
        newest = f", newest {self.newest:%Y-%m-%d}" if self.newest else ""
        line = f"{count}{newest} in {', '.join(str(p) for p in self.locations)}"
        if self.source.id == "claude-code" and not self.enabled:
            line += " (Claude Code deletes them after 30 days: switch on to keep them)"
        return line

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.id,
            "what": self.source.what,
            "enabled": self.enabled,
            "locations": [str(p) for p in self.locations],
            "session_files": self.sessions,
            "newest": self.newest.isoformat() if self.newest else None,
            "last_read": self.setting.last_read,
            "reads": self.source.reads,
            "never_reads": self.source.never,
        }


def survey(
    journal: Journal, env: Mapping[str, str] | None = None, home: Path | None = None
) -> list[Survey]:
    """Each source on this machine: switched on or not, where, and how many session files."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    settings = journal.source_settings()
    found = []
    for source in on_this_machine():
        setting = settings.get(source.id, SourceSetting(source.id))
        locations = where(source, setting, env, home)
        listed = [f for p in locations for f in catalog.files_in(source.id, p)]
        times = [files.modified(f) for f in listed]
        newest = datetime.fromtimestamp(max(times)).astimezone() if times else None
        found.append(Survey(source, setting, locations, len(listed), newest))
    return found


def enable(journal: Journal, source_id: str, paths: Sequence[Path] = ()) -> SourceSetting:
    """Switch a source on (the user's consent to read it), with the paths it needs."""
    found = catalog.source(source_id)
    if not found.on_this_machine:
        raise InvalidInput(
            "source", source_id, "use one of " + ", ".join(s.id for s in on_this_machine())
        )
    paths = [Path(p).expanduser().absolute() for p in paths]
    for path in paths:
        if not path.exists():
            raise InvalidInput("path", str(path), "use a file or folder that exists")
    setting = _setting(journal, source_id)
    if paths:
        setting = replace(setting, paths=tuple(str(p) for p in paths))
    if found.picks and not setting.paths:
        what = "the folders where you ran Aider" if found.picks == "folders" else "the file"
        raise InvalidInput("path", "", f"name {what} with --path")
    setting = replace(setting, enabled=True)
    journal.save_source_setting(setting)
    return setting


def disable(journal: Journal, source_id: str) -> SourceSetting:
    catalog.source(source_id)
    setting = replace(_setting(journal, source_id), enabled=False)
    journal.save_source_setting(setting)
    return setting


@dataclass
class SourceRead:
    """What reading one switched-on source found: a plan per location, or why it failed."""

    source: Source
    plans: list[ImportPlan]
    error: JournalError | None = None
    newest_mtime: float | None = None

    @property
    def added(self) -> int:
        return sum(p.added or 0 for p in self.plans)

    def line(self) -> str:
        if self.error is not None:
            return f"{self.source.what}: {self.error}"
        if not self.plans:
            return f"{self.source.what}: nothing to read."
        return f"{self.source.what}: " + " ".join(p.summary() for p in self.plans)


def read_enabled(
    journal: Journal,
    only: str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
    progress: Progress | None = None,
) -> list[SourceRead]:
    """Read every switched-on source (or only `only`), writing nothing yet."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    settings = journal.source_settings()
    results = []
    for source in on_this_machine():
        setting = settings.get(source.id)
        if (only and source.id != only) or setting is None or not setting.enabled:
            continue
        since = (setting.last_read_mtime or 0.0) - SLACK_SECONDS if setting.last_read else None
        reading = SourceRead(source, [])
        try:
            for location in where(source, setting, env, home):
                reading.plans.append(
                    plan_import(
                        location,
                        source.id,
                        clock=journal.clock,
                        modified_after=since,
                        progress=progress,
                    )
                )
                mtimes = [files.modified(f) for f in catalog.files_in(source.id, location)]
                reading.newest_mtime = max([*mtimes, reading.newest_mtime or 0.0])
        except JournalError as error:
            reading.error, reading.plans = error, []
        results.append(reading)
    if only and not results:
        raise InvalidInput("source", only, f"switch it on first: `aijournal sources enable {only}`")
    return results


def write_read(journal: Journal, readings: Sequence[SourceRead], *, dry_run: bool = False) -> None:
    """Add what the readings found (those without an error), and note when each was read."""
    with journal.transaction():
        for reading in readings:
            if reading.error is not None:
                continue
            for plan in reading.plans:
                finish_import(journal, plan, dry_run=dry_run)
            if not dry_run:
                setting = _setting(journal, reading.source.id)
                journal.save_source_setting(
                    replace(
                        setting,
                        last_read=r.utc_stamp(),
                        last_read_mtime=reading.newest_mtime or setting.last_read_mtime,
                    )
                )


def read_and_write(journal: Journal) -> list[SourceRead]:
    """At start and after the daily reminder: read the switched-on sources, add what is new."""
    readings = read_enabled(journal)
    write_read(journal, readings)
    return readings
