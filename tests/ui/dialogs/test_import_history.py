"""Import AI history (the dialog) and Review imports (the view), driven as a person would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QWidget,
)

from aijournal.model import records as r
from aijournal.sources import importing
from aijournal.sources.files import ImportCancelled
from aijournal.ui.dialogs import import_history as import_dialog
from aijournal.ui.dialogs.import_history import ImportDialog, run_import
from aijournal.ui.views.review import EMPTY, ReviewView
from aijournal.ui.widgets.basics import find

EXPORTS = Path(__file__).parents[2] / "data" / "exports"
CHATGPT = EXPORTS / "chatgpt-conversations.json"
CLAUDE = EXPORTS / "claude-conversations.json"
SAMPLE_USES = 11  # tests/sources/test_exports.py pins these numbers for the ChatGPT sample


def click(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.accessibleName() or widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def pick_file(monkeypatch, path: Path | str) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )


closed: list[int] = []  # how the last dialog opened by open_dialog was closed
_windows: list[QWidget] = []  # qtbot keeps only weak references to widgets


@pytest.fixture(autouse=True)
def _release_windows():
    yield
    _windows.clear()


def open_dialog(qtbot, monkeypatch, journal, path: Path, **options) -> ImportDialog:
    pick_file(monkeypatch, path)
    window = QWidget()  # the dialog closes and deletes itself; its parent stays for teardown
    qtbot.addWidget(window)
    _windows.append(window)
    dialog = run_import(window, journal, **options)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    closed.clear()
    dialog.finished.connect(closed.append)
    return dialog


def preview(qtbot, dialog: ImportDialog) -> None:
    click(qtbot, find(dialog, QPushButton, "Preview import"))
    qtbot.waitUntil(
        lambda: dialog.page is dialog.preview_page or dialog.error.isVisible(), timeout=10_000
    )


def fact(dialog: ImportDialog, name: str) -> str:
    return find(dialog, QLabel, name).text()


def importable(journal) -> int:
    return len(journal.entries())


# ---- the import dialog -------------------------------------------------------------------


def test_import_previews_then_writes_and_the_review_view_lists_them(qtbot, monkeypatch, journal):
    imported = []
    dialog = open_dialog(qtbot, monkeypatch, journal, CHATGPT, on_imported=imported.append)
    assert find(dialog, QLabel, "Kind").text() == "ChatGPT export, 33 kB"
    assert not find(dialog, QCheckBox, import_dialog.KEEP_FIRST).isChecked()

    preview(qtbot, dialog)
    assert find(dialog, QLabel, "Preview").text() == "11 new AI uses from 10 conversations"
    assert fact(dialog, "Period") == "2 Mar 2026 – 13 Mar 2026"
    assert fact(dialog, "Skipped") == "1 conversation: 1 no readable messages"
    assert fact(dialog, "Already imported") == "none"
    assert fact(dialog, "Kept") == "title, times and counts only; no message text"
    sample = find(dialog, QTableWidget, "First AI uses")
    assert sample.rowCount() == import_dialog.PREVIEW_ROWS
    assert [sample.item(0, c).text() for c in (1, 4)] == ["Python decorators", "Learning · 65%"]
    assert journal.to_review() == []  # a preview writes nothing

    click(qtbot, find(dialog, QPushButton, f"Import {SAMPLE_USES} AI uses"))
    qtbot.waitUntil(lambda: bool(imported), timeout=10_000)
    assert imported[0].added == SAMPLE_USES and closed == [QDialog.DialogCode.Accepted]
    waiting = journal.to_review()
    assert len(waiting) == SAMPLE_USES and all(u.note == "" for u in waiting)

    view = ReviewView(journal)
    qtbot.addWidget(view)
    assert view.model.rowCount() == SAMPLE_USES
    sure = [u.suggestion_confidence for u in view.model.rows]
    assert sure == sorted(sure)  # the least sure suggestions come first


def test_cancel_at_the_preview_writes_nothing(qtbot, monkeypatch, journal):
    dialog = open_dialog(qtbot, monkeypatch, journal, CHATGPT)
    preview(qtbot, dialog)
    click(qtbot, find(dialog.preview_page, QPushButton, "Cancel"))
    assert closed == [QDialog.DialogCode.Rejected]
    assert importable(journal) == 0


def test_cancelling_the_reading_writes_nothing_and_says_so(qtbot, monkeypatch, journal):
    def cancel_at_once(*args, **kwargs):
        raise ImportCancelled()

    monkeypatch.setattr(importing, "plan_import", cancel_at_once)
    dialog = open_dialog(qtbot, monkeypatch, journal, CHATGPT)
    preview(qtbot, dialog)
    assert dialog.error.text() == "The import was cancelled; nothing was written."
    assert dialog.page is dialog.options_page
    assert importable(journal) == 0


def test_the_progress_dialog_cancels_the_reading(qtbot, monkeypatch, journal, tmp_path):
    from bench.make_exports import chatgpt_export

    big = chatgpt_export(tmp_path / "conversations.json", conversations=400)
    dialog = open_dialog(qtbot, monkeypatch, journal, big)
    real_plan = importing.plan_import

    def slow_plan(*args, progress, **kwargs):
        def slower(done, total):
            import time

            time.sleep(0.01)
            return progress(done, total)

        return real_plan(*args, progress=slower, **kwargs)

    monkeypatch.setattr(importing, "plan_import", slow_plan)
    click(qtbot, find(dialog, QPushButton, "Preview import"))
    qtbot.waitUntil(
        lambda: any(p.isVisible() for p in dialog.findChildren(QProgressDialog)), timeout=10_000
    )
    [progress] = [p for p in dialog.findChildren(QProgressDialog) if p.isVisible()]
    assert progress.labelText() == "Reading the ChatGPT export…"
    click(qtbot, find(progress, QPushButton, "Cancel"))
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "cancelled" in dialog.error.text()
    assert importable(journal) == 0


@pytest.mark.parametrize(
    "content, why",
    [
        ("hello", "(not JSON)"),
        ('{"items": []}', "(one JSON object without a conversations list)"),
        ("[]", "(no conversations in it)"),
        ("[1, 2, 3]", "(no conversations in it)"),
        ('[{"mapping": {}', "(not valid JSON: parse error: premature EOF)"),
    ],
)
def test_a_malformed_file_shows_the_reason_inline_and_writes_nothing(
    qtbot, monkeypatch, journal, tmp_path, content, why
):
    bad = tmp_path / "conversations.json"
    bad.write_text(content)
    dialog = open_dialog(qtbot, monkeypatch, journal, bad)
    error = find(dialog, QLabel, "Error")
    assert error.isVisible()
    assert error.text().startswith(
        "conversations.json cannot be imported. Use a ChatGPT or Claude data export"
    )
    assert why in error.text() and "\n" not in error.text()
    assert not find(dialog, QPushButton, "Preview import").isEnabled()
    assert importable(journal) == 0


def test_a_file_broken_after_its_start_fails_while_reading(qtbot, monkeypatch, journal, tmp_path):
    good = json.loads(CHATGPT.read_text())
    broken = tmp_path / "conversations.json"
    broken.write_text(json.dumps(good)[:-200])  # cut off: valid start, broken end
    dialog = open_dialog(qtbot, monkeypatch, journal, broken)
    assert not dialog.error.isVisible()
    preview(qtbot, dialog)
    assert dialog.error.isVisible() and "not valid JSON" in dialog.error.text()
    assert dialog.page is dialog.options_page
    assert importable(journal) == 0


def test_period_and_keeping_the_first_message(qtbot, monkeypatch, journal):
    dialog = open_dialog(qtbot, monkeypatch, journal, CHATGPT)
    qtbot.keyClicks(find(dialog, QLineEdit, "From"), "2026-03-09")
    qtbot.keyClicks(find(dialog, QLineEdit, "To"), "2026-03-11")
    find(dialog, QCheckBox, import_dialog.KEEP_FIRST).click()
    preview(qtbot, dialog)
    assert fact(dialog, "Period") == "9 Mar 2026 – 11 Mar 2026"
    assert fact(dialog, "Outside the period") == "7 sessions"
    assert fact(dialog, "Kept").endswith("the first message as a private note")
    click(qtbot, find(dialog, QPushButton, "Import 4 AI uses"))
    qtbot.waitUntil(lambda: len(journal.to_review()) == 4, timeout=10_000)
    assert all(u.note for u in journal.to_review())


def test_a_wrong_day_in_the_period_is_named(qtbot, monkeypatch, journal):
    dialog = open_dialog(qtbot, monkeypatch, journal, CHATGPT)
    qtbot.keyClicks(find(dialog, QLineEdit, "To"), "2026-02-30")
    click(qtbot, find(dialog, QPushButton, "Preview import"))
    assert dialog.error.text().startswith("To: '2026-02-30' is not allowed; use a day")
    assert dialog.page is dialog.options_page


def test_re_import_adds_nothing(qtbot, monkeypatch, journal):
    importing.import_source(journal, CHATGPT, "chatgpt")
    dialog = open_dialog(qtbot, monkeypatch, journal, CHATGPT)
    preview(qtbot, dialog)
    assert find(dialog, QLabel, "Preview").text() == (
        f"Nothing new to import: 0 new; {SAMPLE_USES} already imported"
    )
    assert fact(dialog, "Already imported") == f"{SAMPLE_USES} AI uses, left as they are"
    assert not find(dialog, QPushButton, "Import 0 AI uses").isEnabled()
    assert len(journal.to_review()) == SAMPLE_USES


def test_claude_export_is_detected_and_another_file_can_be_chosen(
    qtbot, monkeypatch, journal, tmp_path
):
    bad = tmp_path / "notes.json"
    bad.write_text("hello")
    dialog = open_dialog(qtbot, monkeypatch, journal, bad)
    assert dialog.error.isVisible()
    pick_file(monkeypatch, CLAUDE)
    click(qtbot, find(dialog, QPushButton, "Choose another file…"))
    assert not dialog.error.isVisible()
    assert find(dialog, QLabel, "Kind").text() == "Claude export, 8 kB"
    preview(qtbot, dialog)
    assert find(dialog, QLabel, "Preview").text() == "5 new AI uses from 4 conversations"


def test_no_file_chosen_opens_nothing(monkeypatch, journal):
    pick_file(monkeypatch, "")
    assert run_import(None, journal) is None


# ---- the review view ---------------------------------------------------------------------


@pytest.fixture
def review(qtbot, journal):
    importing.import_source(journal, CHATGPT, "chatgpt")
    view = ReviewView(journal)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def button(view, name: str) -> QPushButton:
    return find(view, QPushButton, name)


def dialog_of(view) -> QDialog:
    assert view.dialog is not None and view.dialog.isVisible()
    return view.dialog


def row_of(view, task: str) -> int:
    return next(i for i, use in enumerate(view.model.rows) if use.task == task)


def test_review_lists_each_use_with_its_suggestion_and_reason(review):
    model = review.model
    at = row_of(review, "Fix the CSV loader")
    row = [model.data(model.index(at, c)) for c in range(model.columnCount())]
    assert row[1:] == [
        "ChatGPT",
        "Fix the CSV loader",
        "10",
        "3",
        "Feedback loop · 65%",
        "You fed errors or results back to it in 2 of 3 turns.",
    ]
    tip = model.data(model.index(at, 6), Qt.ItemDataRole.ToolTipRole)
    assert "Why: You fed errors" in tip
    assert find(review, QLabel, "Selection").text() == f"{SAMPLE_USES} AI uses to review"
    assert not button(review, "Confirm as suggested").isEnabled()


def test_set_pattern_on_two_selected_rows(qtbot, review, journal):
    changes = []
    review.changed.connect(lambda: changes.append(1))
    table = find(review, QTableView, "AI uses to review")
    first, second = review.model.rows[3], review.model.rows[4]
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(review.sorted.index(3, 1)).center(),
    )
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        pos=table.visualRect(review.sorted.index(4, 1)).center(),
    )
    assert [u.id for u in review.selected()] == [first.id, second.id]
    assert find(review, QLabel, "Selection").text() == f"2 of {SAMPLE_USES} selected"

    click(qtbot, button(review, "Set pattern…"))
    dialog = dialog_of(review)
    assert find(dialog, QRadioButton, "Directive").isChecked()  # both were directive
    find(dialog, QRadioButton, "Learning").click()
    click(qtbot, find(dialog, QPushButton, "Set pattern"))

    stored = [journal.get(r.AIUse, u.id) for u in (first, second)]
    assert [(u.pattern, u.to_review) for u in stored] == [("learning", False)] * 2
    assert [u.id for u in review.model.rows if u.id in (first.id, second.id)] == []
    assert review.model.rowCount() == SAMPLE_USES - 2
    assert find(review, QLabel, "Confirmed").text() == "2 AI uses confirmed as learning."
    assert changes == [1]


def test_confirm_all_as_suggested_then_undo(qtbot, review, journal):
    table = find(review, QTableView, "AI uses to review")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    suggested = {u.id: u.suggested_pattern for u in review.model.rows}
    assert len(review.selected()) == SAMPLE_USES
    confirm = button(review, "Confirm as suggested")
    confirm.setFocus()
    qtbot.keyClick(confirm, Qt.Key.Key_Return)  # Enter acts, as Space does

    assert journal.to_review() == []
    assert {u.id: u.pattern for u in journal.all(r.AIUse)} == suggested
    assert review.empty.isVisible() and review.empty.text() == EMPTY
    assert find(review, QLabel, "Confirmed").text() == (
        f"{SAMPLE_USES} AI uses confirmed as suggested."
    )

    click(qtbot, button(review, "Undo"))
    assert len(journal.to_review()) == SAMPLE_USES
    assert review.model.rowCount() == SAMPLE_USES and len(review.selected()) == SAMPLE_USES
    assert not review.undo_bar.isVisible()


def test_undo_brings_back_the_previous_pattern_and_drops_added_skills(qtbot, review, journal):
    review.select_rows([row_of(review, "Python decorators")])
    use = review.selected()[0]
    click(qtbot, button(review, "Add skills…"))
    dialog = dialog_of(review)
    field = find(dialog, QLineEdit, "Skills")
    assert not find(dialog, QPushButton, "Add skills").isEnabled()
    qtbot.keyClicks(field, "Python, Decorators")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    stored = journal.get(r.AIUse, use.id)
    assert (stored.skills, stored.pattern, stored.to_review) == (
        ("Python", "Decorators"),
        "learning",
        False,
    )

    qtbot.keyClick(review.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = journal.get(r.AIUse, use.id)
    assert (back.skills, back.pattern, back.to_review) == ((), "learning", True)


def test_link_goal_and_replaced_a_person(qtbot, review, journal):
    goal = journal.add(r.Goal(name="Ship reporting"))
    review.select_rows([1, 2])
    picked = review.selected()
    find(review, QCheckBox, "Replaced a person").click()
    click(qtbot, button(review, "Link goal…"))
    dialog = dialog_of(review)
    assert find(dialog, QComboBox, "Goal").currentText() == "Ship reporting"
    click(qtbot, find(dialog, QPushButton, "Link goal"))

    stored = [journal.get(r.AIUse, u.id) for u in picked]
    assert [(u.goal_id, u.replaced_person, u.to_review) for u in stored] == [
        (goal.id, True, False)
    ] * 2
    assert [u.pattern for u in stored] == [u.suggested_pattern for u in picked]
    assert not find(review, QCheckBox, "Replaced a person").isChecked()  # for one action only
    assert find(review, QLabel, "Confirmed").text() == (
        "2 AI uses confirmed for Ship reporting and marked as replacing a person."
    )


def test_link_goal_without_goals_says_where_to_add_one(qtbot, review):
    review.select_rows([0])
    click(qtbot, button(review, "Link goal…"))
    dialog = dialog_of(review)
    assert not find(dialog, QPushButton, "Link goal").isEnabled()
    click(qtbot, find(dialog, QPushButton, "Cancel"))
    assert review.model.rowCount() == SAMPLE_USES


def test_empty_review_points_to_the_import(qtbot, journal):
    view = ReviewView(journal)
    qtbot.addWidget(view)
    view.show()
    assert view.title == "Review imports"
    assert find(view, QLabel, "Nothing to review").isVisible()
    assert "File → Import AI history…" in view.empty.text()


def test_buttons_carry_their_labels_as_accessible_names(review):
    for name in ("Confirm as suggested", "Set pattern…", "Link goal…", "Add skills…"):
        assert button(review, name).accessibleName() == name
    assert find(review, QCheckBox, "Replaced a person").text() == "Replaced a person"


def test_many_uses_are_confirmed_and_undone_on_a_worker(qtbot, review, journal, monkeypatch):
    from aijournal.ui.views import review as review_view

    monkeypatch.setattr(review_view, "WORKER_ABOVE", 3)
    review.table.selectAll()
    assert review.confirm_as_suggested() == 0  # still running
    qtbot.waitUntil(review.undo_bar.isVisible, timeout=10_000)
    assert journal.to_review() == [] and review.model.rowCount() == 0
    click(qtbot, button(review, "Undo"))
    qtbot.waitUntil(lambda: review.model.rowCount() == SAMPLE_USES, timeout=10_000)
    assert len(journal.to_review()) == SAMPLE_USES


def test_tab_walks_the_actions_then_the_list(qtbot, review):
    review.select_rows([0])
    order = ["Confirm as suggested", "Set pattern…", "Link goal…", "Add skills…"]
    button(review, order[0]).setFocus()
    seen = []
    for _ in range(len(order) + 1):
        widget = QApplication.focusWidget()
        seen.append(widget.accessibleName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert seen == [*order, "Replaced a person"]
    assert QApplication.focusWidget() is review.table  # the undo bar is hidden


# ---- every source through the same dialog ------------------------------------------------


def test_a_folder_of_claude_code_sessions_is_chosen_and_imported(
    qtbot, monkeypatch, journal, tmp_path
):
    folder = tmp_path / "projects" / "-home-sam-code-api"
    folder.mkdir(parents=True)
    line = {
        "type": "user",
        "sessionId": "s-1",
        "cwd": "/home/sam/code/api",
        "version": "2.0.61",
        "message": {"role": "user", "content": "why does the retry queue drop jobs?"},
        "timestamp": "2026-11-20T09:00:00Z",
    }
    (folder / "s-1.jsonl").write_text(json.dumps(line) + "\n")
    dialog = open_dialog(qtbot, monkeypatch, journal, CHATGPT)
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        staticmethod(lambda *a, **k: str(tmp_path / "projects")),
    )
    click(qtbot, find(dialog, QPushButton, "Choose a folder…"))
    assert find(dialog, QLabel, "Kind").text() == "Claude Code sessions, 1 kB in 1 file"
    preview(qtbot, dialog)
    assert find(dialog, QLabel, "Preview").text() == "1 new AI use from 1 session"
    click(qtbot, find(dialog, QPushButton, "Import 1 AI use"))
    qtbot.waitUntil(lambda: len(journal.to_review()) == 1, timeout=10_000)
    (use,) = journal.to_review()
    assert (use.tool, use.task, use.suggested_pattern) == (
        "Claude Code",
        "api: why does the retry queue drop jobs?",
        "learning",
    )


def test_a_2026_sharded_chatgpt_zip_reads_like_the_old_file(qtbot, monkeypatch, journal, tmp_path):
    import zipfile

    items = json.loads(CHATGPT.read_text())
    archive = tmp_path / "chatgpt-2026.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("conversations-000.json", json.dumps(items[:6]))
        out.writestr("conversations-001.json", json.dumps(items[6:]))
    dialog = open_dialog(qtbot, monkeypatch, journal, archive)
    assert find(dialog, QLabel, "Kind").text().startswith("ChatGPT export, ")
    preview(qtbot, dialog)
    assert find(dialog, QLabel, "Preview").text() == "11 new AI uses from 10 conversations"
