"""Long work off the GUI thread: on a connection of its own, with progress that arrives on the
GUI thread and can be cancelled, behind a progress dialog that goes when the work is done; and
small work that runs right away instead."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from aijournal.model import records as r
from aijournal.model.errors import JournalError
from aijournal.ui.workers import Job, run_job, run_sized

GUI = threading.main_thread()


@pytest.fixture(autouse=True)
def _nothing_left_running():
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(qtbot):
    made = QWidget()
    qtbot.addWidget(made)
    return made


def dialogs(window) -> list[QProgressDialog]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return window.findChildren(QProgressDialog)


def test_a_job_works_on_its_own_connection_and_its_news_reaches_the_gui_journal(qtbot, journal):
    seen = {}

    def work(own, progress):
        seen["thread"], seen["own"] = threading.current_thread(), own
        progress(1, 1)
        return own.add(r.Person(name="Dana")).id

    job = Job(journal, work)
    progress = []
    job.progressed.connect(lambda done, total: progress.append((threading.current_thread(), done)))
    journal.take_changes()
    with qtbot.waitSignal(job.succeeded, timeout=10_000) as succeeded:
        job.start()
    assert job.done and seen["thread"] is not GUI and seen["own"] is not journal
    assert progress == [(GUI, 1)]  # progress is heard on the GUI thread
    assert [p.id for p in journal.people()] == [succeeded.args[0]]
    assert journal.take_changes() == {"people"}


def test_a_failing_job_hands_its_error_to_the_gui(qtbot, journal):
    def work(own, progress):
        raise r.InvalidInput("minutes", -5, "a number from 0 to 1440")

    job = Job(journal, work)
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.start()
    [error] = failed.args
    assert isinstance(error, r.InvalidInput) and "-5" in str(error)
    assert job.done and journal.people() == []


def test_cancelling_tells_the_work_at_its_next_progress(qtbot, journal):
    started, go_on = threading.Event(), threading.Event()

    def work(own, progress):
        first = progress(1, 10)
        started.set()
        go_on.wait(10)
        return (first, progress(2, 10))

    job = Job(journal, work)
    with qtbot.waitSignal(job.succeeded, timeout=10_000) as succeeded:
        job.start()
        assert started.wait(10)
        job.cancel()
        go_on.set()
    assert succeeded.args == [(True, False)]
    cancelled_first = Job(journal, lambda own, progress: progress(0, 1))
    cancelled_first.cancel()
    with qtbot.waitSignal(cancelled_first.succeeded, timeout=10_000) as succeeded:
        cancelled_first.start()
    assert succeeded.args == [False]


def test_run_job_answers_once_and_its_progress_dialog_goes(qtbot, window, journal):
    results, errors = [], []
    job = run_job(
        window,
        journal,
        "Importing…",
        lambda own, progress: progress(3, 3) and len(own.people()),
        done=results.append,
        failed=errors.append,
    )
    [dialog] = window.findChildren(QProgressDialog)
    assert dialog.labelText() == "Importing…" and dialog.findChildren(QPushButton) == []
    qtbot.waitUntil(lambda: results == [0], timeout=10_000)
    assert errors == [] and job.done
    assert dialogs(window) == []


def test_run_job_can_be_cancelled_from_its_dialog(qtbot, window, journal):
    started, cancelled, outcomes = threading.Event(), threading.Event(), []

    def work(own, progress):
        first = progress(1, 2)
        started.set()
        cancelled.wait(10)  # the user has pressed Cancel by now
        return (first, progress(2, 2))

    run_job(
        window,
        journal,
        "Exporting…",
        work,
        done=outcomes.append,
        failed=outcomes.append,
        cancellable=True,
    )
    [dialog] = window.findChildren(QProgressDialog)
    [cancel] = dialog.findChildren(QPushButton)
    assert cancel.text() == "Cancel"
    assert started.wait(10)
    cancel.click()
    cancelled.set()
    qtbot.waitUntil(lambda: outcomes == [(True, False)], timeout=10_000)
    assert dialogs(window) == []


def test_run_job_reports_a_failure_to_failed_only(qtbot, window, journal):
    results, errors = [], []

    def work(own, progress):
        raise OSError("disk full")

    run_job(window, journal, "Exporting…", work, done=results.append, failed=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)
    assert isinstance(errors[0], OSError) and results == []


def test_small_work_runs_here_and_now_large_work_on_a_worker(qtbot, window, journal):
    results, errors, ran_on = [], [], []

    def work(connection):
        ran_on.append((threading.current_thread(), connection))
        return connection.add(r.Person(name=f"P{len(ran_on)}")).name

    common = dict(done=results.append, failed=errors.append, worker_above=100)
    assert run_sized(window, journal, "Saving…", 100, work, **common) is None
    assert results == ["P1"] and ran_on == [(GUI, journal)]
    job = run_sized(window, journal, "Saving…", 101, work, **common)
    assert isinstance(job, Job)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=10_000)
    assert results[1] == "P2" and ran_on[1][0] is not GUI and ran_on[1][1] is not journal
    assert errors == [] and sorted(p.name for p in journal.people()) == ["P1", "P2"]


def test_small_work_that_fails_says_so_or_raises_when_unexpected(window, journal):
    results, errors = [], []
    common = dict(done=results.append, failed=errors.append, worker_above=10)

    def refused(connection):
        raise JournalError("that name is taken")

    assert run_sized(window, journal, "Saving…", 1, refused, **common) is None
    assert [str(e) for e in errors] == ["that name is taken"] and results == []

    def broken(connection):
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):  # a bug, not the user's doing: the crash report
        run_sized(window, journal, "Saving…", 1, broken, **common)
    assert results == [] and len(errors) == 1
