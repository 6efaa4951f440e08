"""Backups in the app: the quiet daily backup at start, and restoring one (Settings → Backups),
each on a worker so the window stays responsive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from aijournal.ui.widgets.basics import report
from aijournal.ui.workers import Job, run_job


def restore(window: QMainWindow, backup: Path) -> None:
    """Put `backup` in place of the window's journal in a worker, then rebuild every view on
    it (`window` is the `MainWindow`)."""
    old = window.journal
    resume = window.pause_reading()  # the warm-up and the minute timer wait for the new one
    old.close()  # nobody may hold the file open while it is replaced

    def reopen(error: BaseException | None, safety: Path | None = None) -> None:
        window.journal = old.connect_again()
        window.start_views()
        resume()
        if error is not None:
            report(window, "Restore", error)
        else:
            window.statusBar().showMessage(
                f"Restored {backup.name}. The journal as it was before is kept as "
                f"{safety.name if safety else 'a backup'}.",
                15_000,
            )

    run_job(
        window,
        old,
        "Restoring the backup…",
        lambda journal, _: journal.restore(backup),
        done=lambda safety: reopen(None, safety),
        failed=reopen,
    )


def back_up_if_due(window: QMainWindow) -> Job:
    """The automatic daily backup, quietly in the background; said in the status bar."""
    job = Job(window.journal, lambda journal, _: journal.backup_if_due(), window)
    status = window.statusBar()
    job.succeeded.connect(
        lambda path: status.showMessage(f"Daily backup saved: {path.name}", 8000) if path else None
    )
    job.failed.connect(
        lambda error: status.showMessage(f"The daily backup failed: {error}", 15_000)
    )
    job.start()
    return job
