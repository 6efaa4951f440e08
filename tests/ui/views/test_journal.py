"""Journal: every entry newest first, filters, search, edit in a dialog, delete with undo."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit

from aijournal.model import records as r
from aijournal.ui.dialogs.entry_dialog import EntryDialog
from aijournal.ui.views.journal import JournalView
from aijournal.ui.widgets.basics import find
from aijournal.wellbeing import assessing


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour).astimezone()


@pytest.fixture
def entries(journal):
    made = {
        "claude": journal.add(
            r.AIUse(
                started_at=at(20, 9),
                tool="Claude",
                pattern="learning",
                minutes=20,
                skills=("SQL",),
                note="window functions finally clicked",
            )
        ),
        "chatgpt": journal.add(
            r.AIUse(
                started_at=at(26, 14),
                tool="ChatGPT",
                pattern="directive",
                minutes=10,
                task="Write an email",
            )
        ),
        "dana": journal.add(
            r.Touchpoint(at=at(25, 11), kind="pairing", person="Dana", skills=("SQL",))
        ),
        "sam": journal.add(r.Touchpoint(at=at(10, 16), kind="social", person="Sam")),
        "checkin": journal.add(
            r.Checkin(day=date(2026, 11, 26), burnout=2, connection=4, note="quiet day")
        ),
    }
    made["who5"], _ = assessing.take(journal, "who5", [3, 3, 3, 3, 3], date(2026, 11, 15))
    return made


@pytest.fixture
def view(show, journal, entries):
    shown = show(JournalView(journal), 1200, 700)
    shown.activateWindow()
    return shown


def shown_ids(view) -> list[str]:
    return [e.id for e in view.model.rows]


def summaries(view) -> list[str]:
    model = view.model
    return [model.data(model.index(row, 2)) for row in range(model.rowCount())]


def settle(qtbot, view, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: shown_ids(view) == expected)


def test_lists_every_entry_newest_first(view, entries):
    e = entries
    assert shown_ids(view) == [
        e["checkin"].id,
        e["chatgpt"].id,
        e["dana"].id,
        e["claude"].id,
        e["who5"].id,
        e["sam"].id,
    ]
    model = view.model
    assert [model.data(model.index(row, 1)) for row in range(model.rowCount())] == [
        "Check-in",
        "AI use",
        "Touchpoint",
        "AI use",
        "Assessment",
        "Touchpoint",
    ]
    assert model.data(model.index(1, 0)) == "2026-11-26 14:00"
    assert "ChatGPT" in summaries(view)[1]
    assert view.count.text() == "6 entries"


def test_kind_filter(qtbot, view, entries):
    kind = find(view, QComboBox, "Kind")
    kind.setFocus()
    qtbot.keyClicks(kind, "Touchpoints")
    assert shown_ids(view) == [entries["dana"].id, entries["sam"].id]
    assert all("with" in line for line in summaries(view))


def test_tool_and_pattern_filters(qtbot, view, entries):
    qtbot.keyClicks(find(view, QComboBox, "Tool").lineEdit(), "claude")
    settle(qtbot, view, [entries["claude"].id])
    find(view, QComboBox, "Tool").lineEdit().clear()
    settle(qtbot, view, [e.id for e in view.journal.entries()])
    pattern = find(view, QComboBox, "Pattern")
    pattern.setCurrentIndex(pattern.findData("directive"))
    assert shown_ids(view) == [entries["chatgpt"].id]
    assert "Directive" in summaries(view)[0]


def test_person_and_skill_filters(qtbot, view, entries):
    qtbot.keyClicks(find(view, QComboBox, "Person").lineEdit(), "Dana")
    settle(qtbot, view, [entries["dana"].id])
    view.clear_filters()
    assert len(shown_ids(view)) == 6
    qtbot.keyClicks(find(view, QComboBox, "Skill").lineEdit(), "SQL")
    settle(qtbot, view, [entries["dana"].id, entries["claude"].id])


def test_date_range_filter(qtbot, view, entries):
    find(view, QDateEdit, "From date").setDate(QDate(2026, 11, 15))
    qtbot.mouseClick(find(view, QCheckBox, "From"), Qt.MouseButton.LeftButton)
    find(view, QDateEdit, "To date").setDate(QDate(2026, 11, 25))
    qtbot.mouseClick(find(view, QCheckBox, "To"), Qt.MouseButton.LeftButton)
    settle(qtbot, view, [entries["dana"].id, entries["claude"].id, entries["who5"].id])


def test_search_text_and_empty_state(qtbot, view, entries):
    search = find(view, QLineEdit, "Search")
    qtbot.keyClicks(search, "window functions")
    settle(qtbot, view, [entries["claude"].id])
    search.clear()
    qtbot.keyClicks(search, "no such words anywhere")
    settle(qtbot, view, [])
    empty = find(view, QLabel, "No entries")
    assert empty.isVisible() and "No entries match" in empty.text()


def test_ctrl_f_focuses_search(qtbot, view):
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: find(view, QLineEdit, "Search").hasFocus())


def open_row(qtbot, view, row: int) -> EntryDialog:
    view.table.setFocus()
    view.table.selectRow(row)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.entry_dialog is not None and view.entry_dialog.isVisible())
    dialog = view.entry_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_edit_an_ai_use_in_the_dialog(qtbot, view, journal, entries):
    row = shown_ids(view).index(entries["chatgpt"].id)
    dialog = open_row(qtbot, view, row)
    form = dialog.form
    assert find(form, QComboBox, "Tool").currentText() == "ChatGPT"
    task = find(form, QLineEdit, "Task")
    assert task.text() == "Write an email"
    task.clear()
    qtbot.keyClicks(task, "Write an email to Acme")
    qtbot.mouseClick(form.pattern.buttons["validation"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(task, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = journal.get(r.AIUse, entries["chatgpt"].id)
    assert stored.task == "Write an email to Acme" and stored.pattern == "validation"
    assert stored.started_at == entries["chatgpt"].started_at  # untouched time kept
    assert stored.minutes == 10 and stored.tool == "ChatGPT"
    assert "Write an email to Acme" in summaries(view)[row]
    assert view.selected().id == stored.id


def test_escape_cancels_the_edit_dialog(qtbot, view, journal, entries):
    row = shown_ids(view).index(entries["dana"].id)
    dialog = open_row(qtbot, view, row)
    person = find(dialog.form, QLineEdit, "Person")
    assert person.text() == "Dana"
    qtbot.keyClicks(person, "h")
    qtbot.keyClick(person, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert journal.get(r.Touchpoint, entries["dana"].id).person == "Dana"


def test_assessments_open_read_only(qtbot, view, entries):
    dialog = open_row(qtbot, view, shown_ids(view).index(entries["who5"].id))
    assert dialog.form is None
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "WHO-5 Well-Being Index" in labels and "60" in labels
    dialog.reject()


def test_delete_then_undo_restores_the_entry(qtbot, view, journal, entries):
    target = entries["claude"]
    row = shown_ids(view).index(target.id)
    view.table.setFocus()
    view.table.selectRow(row)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)

    assert journal.get(r.AIUse, target.id) is None
    assert target.id not in shown_ids(view)
    assert view.undo_bar.isVisible() and "deleted" in view.undo_text.text()
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)

    restored = journal.get(r.AIUse, target.id)
    assert restored is not None and restored.skills == ("SQL",)
    assert target.id in shown_ids(view)
    assert "restored" in view.undo_text.text()


def test_ctrl_z_undoes_a_delete_made_with_the_button(qtbot, view, journal, entries):
    target = entries["checkin"]
    view.table.selectRow(shown_ids(view).index(target.id))
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert journal.checkin_on(target.day) is None
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert journal.checkin_on(target.day).id == target.id
    assert target.id in shown_ids(view)


def test_long_journals_load_a_page_at_a_time(qtbot, journal):
    base = datetime(2026, 1, 1, 9).astimezone()
    with journal.transaction():
        for n in range(1200):
            journal.add(
                r.AIUse(
                    started_at=base.replace(day=1 + n % 28, month=1 + n % 10),
                    tool="Claude",
                    pattern="learning",
                    minutes=n % 60,
                )
            )
    view = JournalView(journal)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 500
    assert "scroll for more" in view.count.text()
    view.show()
    view.table.scrollToBottom()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: view.model.rowCount() > 500)
    ids = shown_ids(view)
    assert len(ids) == len(set(ids))


def test_a_past_check_in_shows_and_edits_its_factors_archived_ones_too(qtbot, journal, show):
    from aijournal.journaling import capture, factors
    from aijournal.ui.forms.kit import ScaleInput, YesNoInput

    slept = factors.add(journal, "Slept well", "yes-no")
    focus = factors.add(journal, "Focus", "scale")
    day = date(2026, 11, 20)
    given = {"burnout": 2, "connection": 3, "factors": {slept.id: 1, focus.id: 2}}
    capture.save_checkin(journal, day, given)
    factors.set_archived(journal, slept, True)
    view = show(JournalView(journal), 1200, 700)
    assert "Slept well: yes · Focus: 2" in summaries(view)[0]
    dialog = open_row(qtbot, view, 0)
    answer = find(dialog.form, YesNoInput, "Slept well")  # archived, answered that day
    assert answer.value() == 1
    focus_input = find(dialog.form, ScaleInput, "Focus")
    focus_input.setFocus()
    qtbot.keyClick(focus_input, Qt.Key.Key_4)
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert journal.checkin_on(day).factor_values == {slept.id: 1, focus.id: 4}
    qtbot.wait(100)  # the dialog (deleted on close) goes before the view does
