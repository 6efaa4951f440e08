"""The coach view's window (ui/views/coach.py): summaries in a sortable table, skipped files
with reasons, small multiples of the selected rows, one summary in full, the table as CSV."""

from __future__ import annotations

import copy
import csv
import io

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel
from summaries import demo_summary

from aijournal.sharing import coach, summary
from aijournal.ui.views.coach import MAX_COMPARED, CoachWindow, open_coach_view

BURNOUT = [label for _, label in coach.COLUMNS].index("Burnout")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """One real summary, built once for the module from 14 demo days."""
    return demo_summary(tmp_path_factory.mktemp("coach-view") / "journal", days=14)


@pytest.fixture
def files(base, tmp_path):
    """Ann (burnout 4), Bo (burnout 1.5), a summary without check-ins, and a broken file."""
    made = {}
    for name, burnout in (("ann", 4.0), ("bo", 1.5)):
        data = copy.deepcopy(base)
        data["client"] = name.capitalize()
        data["checkins"]["burnout_mean"] = burnout
        made[name] = tmp_path / f"{name}.json"
        made[name].write_text(summary.dumps(data))
    lean = {k: v for k, v in base.items() if k not in summary.SECTIONS or k == "ai_use"}
    lean["sections"], lean["client"] = ["ai_use"], "Cy"
    made["cy"] = tmp_path / "cy.json"
    made["cy"].write_text(summary.dumps(lean))
    made["broken"] = tmp_path / "broken.json"
    made["broken"].write_text("{ not json")
    return made


@pytest.fixture
def window(qtbot):
    shown = CoachWindow()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def column(window, number: int) -> list[str]:
    return [window.table.item(r, number).text() for r in range(window.table.rowCount())]


def select(window, *table_rows: int) -> None:
    """Select these table rows, as a Ctrl+click on each would."""
    window.table.clearSelection()
    model, chosen = window.table.selectionModel(), QItemSelectionModel.SelectionFlag
    for number in table_rows:
        model.select(window.table.model().index(number, 0), chosen.Select | chosen.Rows)


def test_opened_summaries_fill_the_table_and_bad_files_say_why(window, files):
    assert not window.csv_button.isEnabled() and not window.skipped_list.isVisible()
    window.open_files(files.values())
    assert column(window, 0) == ["Ann", "Bo", "Cy"]  # sorted by client
    assert column(window, BURNOUT) == ["4", "1.5", ""]
    assert window.skipped_list.isVisible() and window.skipped_list.count() == 1
    assert window.skipped_list.item(0).text().startswith("broken.json: not JSON")
    assert window.statusBar().currentMessage() == "3 summaries open; 1 file skipped"
    assert window.csv_button.isEnabled() and not window.show_button.isEnabled()


def test_a_file_opened_again_is_read_again_not_listed_twice(window, files, base):
    window.open_files([files["ann"], files["broken"]])
    fixed = copy.deepcopy(base)
    fixed["client"] = "Dee"
    files["broken"].write_text(summary.dumps(fixed))
    window.open_files([files["ann"], files["broken"]])
    assert column(window, 0) == ["Ann", "Dee"]
    assert len(window.rows) == 2 and window.skipped == []
    assert not window.skipped_list.isVisible()
    assert window.statusBar().currentMessage() == "2 summaries open"


def test_numbers_sort_as_numbers_with_blanks_last(window, files):
    window.open_files([files["ann"], files["bo"], files["cy"]])
    window.table.sortByColumn(BURNOUT, Qt.SortOrder.AscendingOrder)
    assert column(window, 0) == ["Bo", "Ann", "Cy"]
    select(window, 0)  # after sorting, a table row still finds its summary
    assert [window.rows[i].client for i in window.selected_rows()] == ["Bo"]


def test_selected_rows_are_compared_side_by_side(window, files):
    window.open_files([files["ann"], files["cy"]])
    assert window.compare_hint.isVisibleTo(window) and window.charts == []
    select(window, 0, 1)
    names = [c.accessibleName() for c in window.charts if not isinstance(c, QLabel)]
    assert names == ["Ann: checkins", "Ann: ai_use", "Cy: ai_use"]
    said = [c.text() for c in window.charts if isinstance(c, QLabel)]
    assert any(text.startswith("<b>Ann</b>") for text in said)
    assert "No checkins section in this summary." in said  # Cy shared no check-ins
    assert not window.compare_hint.isVisibleTo(window) and window.show_button.isEnabled()
    window.table.clearSelection()
    assert window.charts == [] and window.compare_hint.isVisibleTo(window)


def test_at_most_six_summaries_are_compared(window, base, tmp_path):
    paths = []
    for number in range(MAX_COMPARED + 2):
        data = copy.deepcopy(base)
        data["client"] = f"Client {number}"
        paths.append(tmp_path / f"c{number}.json")
        paths[-1].write_text(summary.dumps(data))
    window.open_files(paths)
    window.table.selectAll()
    titles = [c for c in window.charts if isinstance(c, QLabel) and c.text().startswith("<b>")]
    assert len(titles) == MAX_COMPARED


def test_show_summary_reads_one_in_full(window, files):
    window.open_files([files["ann"], files["bo"]])
    select(window, 1)
    window.show_button.click()
    assert window.tabs.currentWidget() is window.summary_view
    assert "Bo" in window.summary_view.toPlainText()
    assert "Ann" not in window.summary_view.toPlainText()


def test_the_table_is_exported_in_the_order_shown(qtbot, files, tmp_path):
    target = tmp_path / "out" / "table.csv"
    target.parent.mkdir()
    shown = CoachWindow(
        ask_open=lambda _: [str(files["ann"]), str(files["bo"])], ask_save=lambda _: str(target)
    )
    qtbot.addWidget(shown)
    shown.open_button.click()
    assert column(shown, 0) == ["Ann", "Bo"]
    shown.table.sortByColumn(BURNOUT, Qt.SortOrder.AscendingOrder)
    shown.csv_button.click()
    table = list(csv.DictReader(io.StringIO(target.read_text())))
    assert [row["client"] for row in table] == ["Bo", "Ann"]
    assert [row["burnout_mean"] for row in table] == ["1.5", "4.0"]
    assert shown.statusBar().currentMessage() == "Saved table.csv"


def test_cancelled_file_choice_opens_nothing(qtbot):
    shown = CoachWindow(ask_open=lambda _: [])
    qtbot.addWidget(shown)
    shown.open_button.click()
    assert shown.rows == [] and shown.table.rowCount() == 0


def test_open_coach_view_shows_a_window_of_its_own_with_the_files(qtbot, files):
    shown = open_coach_view(files=[files["ann"]])
    qtbot.addWidget(shown)
    assert shown.isVisible() and shown.parent() is None
    assert shown.windowTitle() == "Coach view — AI Journal"
    assert shown.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    assert column(shown, 0) == ["Ann"]


def test_blanks_stay_last_when_sorted_highest_first(window, files):
    window.open_files([files["ann"], files["bo"], files["cy"]])
    window.table.sortByColumn(BURNOUT, Qt.SortOrder.DescendingOrder)
    assert column(window, 0) == ["Ann", "Bo", "Cy"]  # the highest burnout first, Cy has none
