"""Settings → Sources: the AI tools found on this machine, what each would read, and a switch.

A thin caller of aijournal/sources/machine.py, the same use case as `aijournal sources`.
Switching a source on is the user's consent to read it: it is read at once, at every start of
the app and after the daily reminder, and what is new waits in Review imports. Aider needs the
folders where it ran, Open WebUI the export (or a copy of webui.db): the switch asks for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.model.errors import JournalError
from aijournal.model.presentation import plural
from aijournal.sources import catalog, machine
from aijournal.sources.machine import SourceRead, Survey
from aijournal.storage import Journal
from aijournal.ui.widgets.basics import InlineError, Notice, muted
from aijournal.ui.workers import Job

INTRO = (
    "AI Journal can read the sessions your AI tools already keep on this computer. Nothing is "
    "read until you switch a source on; then it is read now, at every start and after the "
    "daily reminder, and new sessions wait in Review imports. Only times, counts, titles and "
    "project folder names are kept, never what you wrote."
)
AskPaths = Callable[[QWidget, str], list[str]]


def ask_paths(parent: QWidget, picks: str) -> list[str]:
    """The folder (Aider) or file (Open WebUI) the user picks; [] when they cancel."""
    if picks == "folders":
        folder = QFileDialog.getExistingDirectory(
            parent, "Folder where you ran Aider", str(Path.home())
        )
        return [folder] if folder else []
    name, _ = QFileDialog.getOpenFileName(
        parent,
        "Open WebUI chat export or a copy of webui.db",
        str(Path.home()),
        "Open WebUI (*.json *.db);;All files (*)",
    )
    return [name] if name else []


def read_in_background(
    parent: QWidget, journal: Journal, done: Callable[[list[SourceRead]], None]
) -> Job | None:
    """Read the switched-on sources on a worker and add what is new; None when none is on."""
    if not any(s.enabled for s in journal.source_settings().values()):
        return None
    job = Job(journal, lambda own, _: machine.read_and_write(own), parent)
    job.succeeded.connect(done)
    job.failed.connect(lambda error: _failed(error, done))
    job.start()
    return job


def _failed(error: BaseException, done: Callable[[list[SourceRead]], None]) -> None:
    if not isinstance(error, JournalError):
        raise error
    done([])


def summary(readings: list[SourceRead]) -> str:
    """One line for the status bar: what was added, and what could not be read."""
    added = sum(r.added for r in readings)
    line = f"{plural(added, 'new AI use')} from your tools wait in Review imports." if added else ""
    failed = [r.line() for r in readings if r.error is not None]
    return " ".join([line, *failed]).strip()


class SourcesPage(QGroupBox):
    """One row per source on this machine: the switch, what it would read, where."""

    changed = Signal()  # sources were read: new uses may wait in Review imports

    def __init__(
        self, journal: Journal, parent: QWidget | None = None, *, ask: AskPaths = ask_paths
    ):
        super().__init__("Sources on this computer", parent)
        self.journal, self._ask = journal, ask
        self.switches: dict[str, QCheckBox] = {}
        self.found: dict[str, QLabel] = {}
        self.job: Job | None = None
        layout = QVBoxLayout(self)
        intro = muted(INTRO)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        buttons = QHBoxLayout()
        self.read_button = QPushButton("Read switched-on sources now")
        self.read_button.clicked.connect(self.read_now)
        buttons.addWidget(self.read_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notice = Notice()
        self.notice.setAccessibleName("Sources notice")
        layout.addWidget(self.notice)
        self.error = InlineError()
        layout.addWidget(self.error)
        for row, found in enumerate(machine.survey(journal)):
            self._add_row(row, found)
        self.refresh()

    def _add_row(self, row: int, found: Survey) -> None:
        source = found.source
        switch = QCheckBox(source.what)
        switch.setAccessibleName(f"Read {source.what}")
        tip = f"Where: {source.where}.\nRead: {source.reads}.\nNever read: {source.never}."
        switch.setToolTip(tip)
        switch.setAccessibleDescription(tip)
        switch.toggled.connect(lambda on, sid=source.id: self.switch(sid, on))
        where = muted("")
        where.setWordWrap(True)
        where.setAccessibleName(f"{source.what} found")
        self.grid.addWidget(switch, row * 2, 0, 1, 2)
        self.grid.addWidget(where, row * 2 + 1, 0, 1, 2)
        if source.picks:
            pick = QPushButton("Choose folder…" if source.picks == "folders" else "Choose file…")
            pick.setAccessibleName(f"Choose where to read {source.what}")
            pick.clicked.connect(lambda _=False, sid=source.id: self.choose(sid))
            self.grid.addWidget(pick, row * 2, 2)
        self.switches[source.id], self.found[source.id] = switch, where

    def refresh(self) -> None:
        for found in machine.survey(self.journal):
            switch = self.switches[found.source.id]
            switch.blockSignals(True)
            switch.setChecked(found.enabled)
            switch.blockSignals(False)
            last = found.setting.last_read
            read = f" Last read {last[:16].replace('T', ' ')} UTC." if last else ""
            self.found[found.source.id].setText(found.found_line() + "." + read)
        self.read_button.setEnabled(any(s.isChecked() for s in self.switches.values()))

    def switch(self, source_id: str, on: bool) -> None:
        """Switch a source on (asking where, if it needs to know) or off."""
        self.error.clear()
        try:
            if not on:
                machine.disable(self.journal, source_id)
            else:
                setting = self.journal.source_settings().get(source_id)
                picks = catalog.source(source_id).picks
                paths = self._ask(self, picks) if picks and not (setting and setting.paths) else []
                if picks and not paths and not (setting and setting.paths):
                    self.refresh()  # cancelled: stays off
                    return
                machine.enable(self.journal, source_id, [Path(p) for p in paths])
        except JournalError as error:
            self.error.show_error(error)
            self.refresh()
            return
        self.refresh()
        if on:
            self.read_now()

    def choose(self, source_id: str) -> None:
        picks = catalog.source(source_id).picks
        if paths := self._ask(self, picks):
            try:
                machine.enable(self.journal, source_id, [Path(p) for p in paths])
            except JournalError as error:
                self.error.show_error(error)
            self.refresh()
            self.read_now()

    def read_now(self) -> None:
        """Read the switched-on sources on a worker; the notice says what was found."""
        self.read_button.setEnabled(False)
        self.job = read_in_background(self, self.journal, self._read)
        if self.job is None:
            self.refresh()

    def _read(self, readings: list[SourceRead]) -> None:
        self.refresh()
        line = summary(readings) or "Nothing new."
        self.notice.say(line)
        self.changed.emit()
