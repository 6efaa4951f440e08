"""Long work off the GUI thread, on its own journal connection, behind a progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from aijournal.model.errors import JournalError
from aijournal.storage import Journal

Progress = Callable[[int, int], bool]  # (done, total) -> False once the user cancelled
Work = Callable[[Journal, Progress], Any]


class Job(QObject):
    """One piece of work running in the thread pool; its signals arrive on the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, journal: Journal, work: Work, parent: QObject | None = None):
        super().__init__(parent)
        self._journal, self._work = journal, work
        self._cancelled = threading.Event()
        self.done = False
        self.changes: frozenset[str] = frozenset()  # tables the work wrote
        self.succeeded.connect(self._finish)
        self.failed.connect(self._finish)

    def cancel(self) -> None:
        self._cancelled.set()

    def start(self) -> None:
        runnable = QRunnable.create(self._run)
        QThreadPool.globalInstance().start(runnable)

    def _report(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()

    def _run(self) -> None:
        # Never the GUI's connection: SQLite connections are not for sharing between threads.
        try:
            own = self._journal.connect_again()
            try:
                result = self._work(own, self._report)
                self.changes = own.take_changes()
            finally:
                own.close()
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread to show
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)

    def _finish(self, _: object) -> None:
        # On the GUI thread, before anyone hears of the outcome: what the work wrote becomes
        # the GUI journal's news, announced with the next change notice.
        self.done = True
        self._journal.wrote(*self.changes)


def run_job(
    parent: QWidget,
    journal: Journal,
    label: str,
    work: Work,
    *,
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    cancellable: bool = False,
) -> Job:
    """Start `work(connection, progress)` in the pool with a modal progress dialog."""
    dialog = QProgressDialog(label, "Cancel" if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle("AI Journal")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(300)
    if not cancellable:
        dialog.setCancelButton(None)
    job = Job(journal, work, dialog)

    def progressed(value: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(value)

    def finish(handler: Callable[[Any], None], outcome: Any) -> None:
        # Let go of the callbacks now, while their owner is alive: were they released only
        # when the progress dialog is deleted, the last reference to a dialog that started
        # the job could go with them, deleting that dialog (and the progress dialog, its
        # child) in the middle of the progress dialog's own deletion.
        for signal in (job.progressed, job.succeeded, job.failed, dialog.canceled):
            signal.disconnect()
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()
        handler(outcome)

    job.progressed.connect(progressed)
    job.succeeded.connect(lambda result: finish(done, result))
    job.failed.connect(lambda error: finish(failed, error))
    dialog.canceled.connect(job.cancel)
    job.start()
    return job


def run_sized(
    parent: QWidget,
    journal: Journal,
    label: str,
    size: int,
    work: Callable[[Journal], Any],
    *,
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    worker_above: int,
) -> Job | None:
    """Run `work(journal)` (one transaction) here, or on a worker when `size` is over
    `worker_above` (thousands of rows take seconds: the window stays responsive); then
    `done(result)`, or `failed(error)` for a JournalError. The Job when it went to a worker."""
    if size > worker_above:
        return run_job(parent, journal, label, lambda own, _: work(own), done=done, failed=failed)
    try:
        result = work(journal)
    except JournalError as error:
        failed(error)
        return None
    done(result)
    return None
