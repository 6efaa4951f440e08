"""File → Export journal… and File → Import/merge journal…: the CLI's full export and merge,
in the app.

Export writes the user's own full backup (notes and names included, files 0600) on a worker.
Import reads another journal's JSON export and previews the merge (the same merge, rolled
back: `journaling.capture.merge_export`) as a table of what is added, updated and deleted per
kind; merging runs only once the user confirms, on a worker, all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.journaling import capture
from aijournal.sharing import exports
from aijournal.storage import Journal, exchange
from aijournal.ui.widgets.basics import (
    InlineError,
    fill_row,
    fit_to_screen,
    muted,
    table,
    with_role,
)
from aijournal.ui.workers import Job, run_job

AskPath = Callable[[QWidget, str, str], str]  # (parent, what, suggested) -> chosen path or ""


def _ask_path(parent: QWidget, what: str, suggested: str) -> str:
    if what == "folder":
        return QFileDialog.getExistingDirectory(parent, "Export journal as CSV", suggested)
    if what == "open":
        name, _ = QFileDialog.getOpenFileName(
            parent, "Import or merge a journal", suggested, "Journal exports (*.json)"
        )
        return name
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export journal as JSON", suggested, "Journal export (*.json)"
    )
    return name


def _busy(job: Job | None) -> bool:
    """A job of the dialog is still running (its progress dialog keeps the dialog modal; a
    key press queued before it showed could still arrive)."""
    return job is not None and not job.done


def _notice(label: QLabel, text: str) -> None:
    label.setText(text)
    with_role(label, "notice")
    label.show()


class ExportJournalDialog(QDialog):
    """Choose JSON (one file) or CSV (a folder), then where; written off the GUI thread."""

    def __init__(
        self, journal: Journal, parent: QWidget | None = None, *, ask_path: AskPath | None = None
    ):
        super().__init__(parent)
        self.journal, self._ask_path = journal, ask_path or _ask_path
        self.written: list[Path] = []
        self.job: Job | None = None
        self.setWindowTitle("Export journal")
        layout = QVBoxLayout(self)
        layout.addWidget(muted(exports.FULL_BACKUP_NOTICE))
        self.json = QRadioButton("One JSON file: complete, imports and merges back")
        self.csv = QRadioButton("CSV files in a folder, one per kind: for spreadsheets")
        for button in (self.json, self.csv):
            button.setAccessibleName(button.text())
            layout.addWidget(button)
        self.json.setChecked(True)
        self.error = InlineError()
        layout.addWidget(self.error)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Export result")
        self.result.hide()
        layout.addWidget(self.result)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 260)

    @property
    def format(self) -> str:
        return "json" if self.json.isChecked() else "csv"

    def export(self) -> None:
        if _busy(self.job):
            return
        fmt = self.format
        today = self.journal.clock().date()
        suggested = (
            str(Path.home() / f"aijournal-{today.isoformat()}.json") if fmt == "json" else ""
        )
        chosen = self._ask_path(self, "save" if fmt == "json" else "folder", suggested)
        if not chosen:
            return
        self.error.clear()
        self.result.hide()
        self.job = run_job(  # kept: the job outlives this call
            self,
            self.journal,
            "Exporting the journal…",
            # No progress steps: eight quick files, and a modal progress dialog updated that
            # often re-enters the event loop while the job finishes.
            lambda journal, _: exports.write_journal(journal, fmt, Path(chosen)),
            done=self._done,
            failed=self._failed,
        )

    def _done(self, written: list[Path]) -> None:
        self.written = written
        where = written[0] if len(written) == 1 else written[0].parent
        count = f"{len(written)} files" if len(written) > 1 else "the file"
        _notice(self.result, f"Wrote {count} to {where}; readable by you only.")

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(error if isinstance(error, Exception) else str(error))


COLUMNS = ("Kind", "Added", "Updated", "Deleted", "Unchanged")


class ImportJournalDialog(QDialog):
    """Pick a journal export, see what merging it would change, then merge (or not)."""

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        ask_path: AskPath | None = None,
        on_merged: Callable[[exchange.MergeReport], None] | None = None,
    ):
        super().__init__(parent)
        self.journal, self._ask_path = journal, ask_path or _ask_path
        self.on_merged = on_merged
        self.path: Path | None = None
        self.data: dict[str, Any] | None = None
        self.preview: exchange.MergeReport | None = None
        self.merged: exchange.MergeReport | None = None
        self.job: Job | None = None
        self.setWindowTitle("Import or merge a journal")
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "Merge a JSON export of a journal (from `aijournal export --format json` or "
                "File → Export journal, for example from a second computer). Each record is "
                "matched by its id and the newer version wins; deletions come along. Nothing "
                "is written until you press Merge."
            )
        )
        row = QHBoxLayout()
        self.file_label = QLabel("No file chosen.")
        self.file_label.setWordWrap(True)
        self.file_label.setAccessibleName("File")
        row.addWidget(self.file_label, 1)
        self.choose_button = QPushButton("Choose file…")
        self.choose_button.clicked.connect(self.choose)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.table = table(COLUMNS, "What merging would change")
        self.table.hide()
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Preview")
        layout.addWidget(self.summary)
        self.error = InlineError()
        layout.addWidget(self.error)
        layout.addStretch(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 460)

    def choose(self) -> None:
        chosen = self._ask_path(self, "open", str(Path.home()))
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> None:
        """Read `path` and preview the merge on a worker (nothing is written)."""
        if _busy(self.job):
            return
        self.path, self.data, self.preview, self.merged = path, None, None, None
        self.file_label.setText(str(path))
        self.merge_button.setEnabled(False)
        self.error.clear()
        self.summary.clear()
        self.table.hide()

        def read_and_preview(journal: Journal, progress) -> tuple[dict, exchange.MergeReport]:
            data = exchange.read_json(path, progress=progress)
            return data, capture.merge_export(journal, data, dry_run=True)

        self.job = run_job(  # kept: the job outlives this call
            self,
            self.journal,
            "Reading the export…",
            read_and_preview,
            done=lambda outcome: self.show_preview(*outcome),
            failed=self._failed,
            cancellable=True,
        )

    def show_preview(self, data: dict[str, Any], preview: exchange.MergeReport) -> None:
        """What merging `data` would change (`preview`, from a dry run of the merge)."""
        self.data, self.preview = data, preview
        self._show(self.preview)
        changes = sum(self.preview.count(o) for o in exchange.OUTCOMES[:3])
        self.summary.setText(
            "Merging would make: " + self.preview.line()
            if changes
            else "This journal has everything in the file already; merging changes nothing."
        )
        with_role(self.summary, "muted")
        self.merge_button.setEnabled(bool(changes))
        if changes:
            self.merge_button.setFocus()

    def _show(self, report: exchange.MergeReport) -> None:
        rows = report.kinds()
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            kind = row["kind"][:1].upper() + row["kind"][1:]
            cells = [kind, *(str(row[o]) for o in exchange.OUTCOMES)]
            fill_row(self.table, number, cells, row["table"])
        self.table.setVisible(bool(rows))

    def merge(self) -> None:
        """Merge what was previewed, all or nothing, on a worker."""
        if self.data is None or _busy(self.job):
            return
        data = self.data
        self.job = run_job(  # kept: the job outlives this call
            self,
            self.journal,
            "Merging…",
            lambda journal, _: capture.merge_export(journal, data),
            done=self._merged,
            failed=self._failed,
        )

    def _merged(self, report: exchange.MergeReport) -> None:
        self.merged, self.data = report, None
        self.merge_button.setEnabled(False)  # merged: a second press would change nothing
        self._show(report)
        _notice(self.summary, "Merged: " + report.line())
        if self.on_merged is not None:
            self.on_merged(report)

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(error if isinstance(error, Exception) else str(error))
