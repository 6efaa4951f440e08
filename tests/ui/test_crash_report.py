"""Unexpected errors: the private log of reports, the dialog that says nothing was half-saved,
and the hook that shows every error but a Ctrl+C."""

from __future__ import annotations

import os
import re
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton

from aijournal.ui.crash_report import ErrorDialog, append_to_log, install
from aijournal.ui.widgets.basics import find


def test_reports_are_appended_to_a_log_only_its_owner_can_read(tmp_path):
    log = tmp_path / "new folder" / "aijournal.log"
    append_to_log(log, "first report\n\n\n")
    log.chmod(0o644)  # widened by someone: the next report narrows it again
    append_to_log(log, "second report")
    text = log.read_text()
    stamps = re.findall(r"^--- (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d)$", text, re.M)
    assert len(stamps) == 2
    assert text.endswith("first report\n" + f"--- {stamps[1]}\n" + "second report\n")
    assert os.stat(log).st_mode & 0o777 == 0o600
    assert os.stat(log.parent).st_mode & 0o777 == 0o700


def test_the_dialog_says_the_journal_is_unchanged_and_copies_the_details(qtbot, tmp_path):
    log = tmp_path / "aijournal.log"
    dialog = ErrorDialog("ValueError: <b>no</b> & more", "Traceback: line 1", log)
    qtbot.addWidget(dialog)
    [label] = [w for w in dialog.findChildren(QLabel) if "unchanged" in w.text()]
    assert "&lt;b&gt;no&lt;/b&gt; &amp; more" in label.text()  # shown as written, not as markup
    assert str(log) in label.text()
    details = find(dialog, QPlainTextEdit, "Details")
    assert details.toPlainText() == "Traceback: line 1" and details.isReadOnly()
    QApplication.clipboard().clear()
    qtbot.mouseClick(find(dialog, QPushButton, "Copy details"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "Traceback: line 1"


@pytest.fixture
def hook(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return lambda log: install(log)


def shown_by(hook, error: BaseException) -> list[tuple[str, str]]:
    """Run the hook on `error`; the (label text, details) of each dialog it showed, closed."""
    seen = []
    timer = QTimer(interval=10)  # looks for the dialog until the hook is done

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ErrorDialog):
            seen.append((" ".join(w.text() for w in dialog.findChildren(QLabel)), dialog.details))
            dialog.reject()

    timer.timeout.connect(answer)
    timer.start()
    try:
        raise error
    except BaseException as raised:  # noqa: BLE001 - the hook's own input
        hook(type(raised), raised, raised.__traceback__)
    finally:
        timer.stop()
    return seen


def test_the_hook_logs_and_shows_an_error(qtbot, hook, tmp_path, capsys):
    log = tmp_path / "data" / "aijournal.log"
    installed = hook(log)
    assert sys.excepthook is installed
    [(text, details)] = shown_by(installed, LookupError("no such skill"))
    assert "LookupError: no such skill" in text and "unchanged" in text
    assert details.startswith("Traceback") and "LookupError: no such skill" in details
    assert "LookupError: no such skill" in log.read_text()
    assert "LookupError: no such skill" in capsys.readouterr().err


def test_an_error_without_words_is_named_by_its_type(qtbot, hook, tmp_path):
    [(text, _)] = shown_by(hook(tmp_path / "aijournal.log"), RuntimeError())
    assert "<b>RuntimeError</b>" in text


def test_a_log_that_cannot_be_written_is_said_in_the_details(qtbot, hook, tmp_path):
    log = tmp_path / "aijournal.log"
    log.mkdir()  # a folder where the file should be
    [(_, details)] = shown_by(hook(log), KeyError("x"))
    assert f"(The log {log} could not be written: " in details


def test_ctrl_c_goes_to_python_not_to_a_dialog(qtbot, hook, tmp_path, monkeypatch):
    passed = []
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, *_: passed.append(kind))
    installed = hook(tmp_path / "aijournal.log")
    installed(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert passed == [KeyboardInterrupt]
    assert not (tmp_path / "aijournal.log").exists()


def test_a_log_folder_that_cannot_be_made_is_said_in_the_details(qtbot, hook, tmp_path):
    (tmp_path / "data").write_text("a file where the data folder should be")
    log = tmp_path / "data" / "aijournal.log"
    [(_, details)] = shown_by(hook(log), KeyError("x"))
    assert f"(The log {log} could not be written: " in details
