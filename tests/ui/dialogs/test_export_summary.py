"""Export summary dialog and coach view, driven as a person would."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QCheckBox, QLineEdit, QTextBrowser

from aijournal.journaling import demo
from aijournal.sharing import coach, summary
from aijournal.ui.dialogs.export_summary import ExportSummaryDialog
from aijournal.ui.views.coach import CoachWindow
from aijournal.ui.widgets.basics import find


@pytest.fixture
def filled(journal):
    demo.fill(journal, days=60)
    return journal


@pytest.fixture
def dialog(qtbot, filled, tmp_path):
    paths = iter([str(tmp_path / "out.json"), str(tmp_path / "out.html"), str(tmp_path / "out")])
    widget = ExportSummaryDialog(filled, ask_path=lambda *_: next(paths))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def named(text: str) -> list[str]:
    return [name for name, _, _ in demo.PEOPLE if re.search(rf"\b{name}\b", text)]


def preview_text(widget) -> str:
    return find(widget, QTextBrowser, "Preview").toPlainText()


def headings(widget) -> list[str]:
    """The preview's second-level headings: the sections shown."""
    found, block = [], find(widget, QTextBrowser, "Preview").document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            found.append(block.text())
        block = block.next()
    return found


def test_the_preview_follows_the_options(qtbot, dialog):
    text = preview_text(dialog)
    assert "Self-reported, not a clinical measurement" in text
    assert headings(dialog) == list(summary.SECTION_TITLES.values())
    assert not named(text)
    assert not dialog.warning.isVisible()

    qtbot.mouseClick(find(dialog, QCheckBox, "Touchpoints"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Touchpoints" not in headings(dialog))
    assert "touchpoints" not in dialog.data and "Skills growth" in headings(dialog)

    qtbot.mouseClick(find(dialog, QCheckBox, "Touchpoints"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        find(dialog, QCheckBox, "Include real names of people and goals"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: bool(named(preview_text(dialog))))
    assert dialog.warning.isVisible() and "real names" in dialog.warning.text()

    qtbot.keyClicks(find(dialog, QLineEdit, "Your name for the coach"), "Robin")
    qtbot.waitUntil(lambda: "AI Journal summary — Robin" in preview_text(dialog))


def test_saving_writes_what_the_preview_shows(qtbot, dialog, tmp_path):
    qtbot.keyClicks(find(dialog, QLineEdit, "Your name for the coach"), "Robin")
    dialog.save_json.click()  # saves the options as they are now, even mid-typing
    saved = json.loads((tmp_path / "out.json").read_text())
    assert saved["client"] == "Robin" and saved == dialog.data
    dialog.save_html.click()
    assert "Robin" in (tmp_path / "out.html").read_text()
    dialog.save_pdf.click()
    qtbot.waitUntil(lambda: dialog.saved == tmp_path / "out.pdf", timeout=10_000)
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_a_period_that_ends_before_it_starts_cannot_be_saved(qtbot, dialog):
    dialog.start.setDate(dialog.end.date().addDays(3 - 10))
    dialog.end.setDate(dialog.end.date().addDays(-10))
    dialog.refresh()
    assert dialog.data is None and not dialog.save_json.isEnabled()
    assert dialog.error.text().startswith("From: ")


# ---- coach view -----------------------------------------------------------------------------


@pytest.fixture
def summaries(filled, clock, tmp_path):
    """Three clients' summaries of the same journal (different periods), and two bad files."""
    end = clock().date()
    files = []
    for name, days in (("Ann", 60), ("Bo", 14), ("Cy", 28)):
        data = summary.build(filled, end - timedelta(days=days - 1), end, client_name=name)
        files.append(summary.write(data, tmp_path / f"{name}.json"))
    (tmp_path / "v2.json").write_text(json.dumps({"format": "aijournal-summary/2"}))
    (tmp_path / "bad.json").write_text('{"format": "aijournal-summary/1"}')
    return files + [tmp_path / "v2.json", tmp_path / "bad.json"]


@pytest.fixture
def coach_view(qtbot):
    window = CoachWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def names(window) -> list[str]:
    return [window.table.item(r, 0).text() for r in range(window.table.rowCount())]


def test_coach_view_opens_sorts_and_lists_skipped_files(qtbot, coach_view, summaries):
    coach_view.open_files(summaries)
    assert names(coach_view) == ["Ann", "Bo", "Cy"]
    assert coach_view.skipped_list.isVisible()
    skipped = [
        coach_view.skipped_list.item(i).text() for i in range(coach_view.skipped_list.count())
    ]
    assert skipped[0].startswith("v2.json: unknown version")
    assert skipped[1].startswith("bad.json: does not match the aijournal-summary/1 schema")

    burnout = [key for key, _ in coach.COLUMNS].index("burnout_mean")
    coach_view.table.sortByColumn(burnout, Qt.SortOrder.AscendingOrder)
    values = [
        float(coach_view.table.item(r, burnout).text()) for r in range(coach_view.table.rowCount())
    ]
    assert values == sorted(values)
    coach_view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names(coach_view) == ["Cy", "Bo", "Ann"]

    coach_view.open_files(summaries[:1])  # opening a file again replaces it, not doubles it
    assert sorted(names(coach_view)) == ["Ann", "Bo", "Cy"]


def test_coach_view_compares_selected_rows_and_shows_one(qtbot, coach_view, summaries, tmp_path):
    coach_view.open_files(summaries[:3])
    coach_view.table.selectRow(0)
    assert len([c for c in coach_view.charts if c.accessibleName()]) == 2
    coach_view.table.selectAll()
    charts = [c.accessibleName() for c in coach_view.charts if c.accessibleName()]
    assert charts == [
        "Ann: checkins",
        "Ann: ai_use",
        "Bo: checkins",
        "Bo: ai_use",
        "Cy: checkins",
        "Cy: ai_use",
    ]
    coach_view.table.selectRow(1)
    coach_view.show_button.click()
    text = find(coach_view, QTextBrowser, "Summary").toPlainText()
    assert "AI Journal summary — Bo" in text and "Check-ins" in text

    coach_view.export_csv(tmp_path / "table.csv")
    lines = (tmp_path / "table.csv").read_text().splitlines()
    assert len(lines) == 4 and lines[1].startswith("Ann,")


def test_coach_view_accepts_dropped_files(qtbot, coach_view, summaries):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in summaries[:2]])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    coach_view.dropEvent(event)
    assert names(coach_view) == ["Ann", "Bo"]
