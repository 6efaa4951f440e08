"""File → Export journal… and Import/merge journal…: real files, a real second journal, the
preview shown before anything is written and equal to what the merge then does."""

import csv
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal, exchange
from aijournal.storage.unlock import Key
from aijournal.ui.dialogs.journal_data import ExportJournalDialog, ImportJournalDialog


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def noted(journal, clock):
    journal.add(
        r.AIUse(
            started_at=clock(), tool="Claude", pattern="learning", minutes=9, note="my private note"
        )
    )
    journal.add(r.Touchpoint(at=clock(), kind="pairing", person="Dana"))
    return journal


def test_export_json_is_the_full_private_backup(qtbot, show, noted, tmp_path):
    target = tmp_path / "backup.json"
    asked = []
    dialog = show(
        ExportJournalDialog(noted, ask_path=lambda _p, what, _s: asked.append(what) or str(target))
    )
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("notes and people's names are included" in text for text in shown)
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.written == [target])
    assert asked == ["save"] and oct(target.stat().st_mode & 0o777) == "0o600"
    data = json.loads(target.read_text())
    assert data["tables"] == exchange.export_data(noted)["tables"]
    assert "my private note" in target.read_text()
    assert "readable by you only" in dialog.result.text()


def test_export_csv_writes_a_private_file_per_kind(qtbot, show, noted, tmp_path):
    folder = tmp_path / "csv"
    dialog = show(ExportJournalDialog(noted, ask_path=lambda *_: str(folder)))
    click(qtbot, dialog.csv)
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: len(dialog.written) == len(exchange.CSV_KINDS))
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in dialog.written)
    uses = list(csv.DictReader((folder / "aijournal-ai-use.csv").open()))
    assert [u["note"] for u in uses] == ["my private note"]
    assert [t["person"] for t in csv.DictReader((folder / "aijournal-touchpoint.csv").open())] == [
        "Dana"
    ]


def other_journal_export(tmp_path, clock, journal) -> tuple:
    """A second machine that has the journal's records, changed one, deleted one, added two."""
    path = tmp_path / "laptop.json"
    with Journal.create(DataPaths(tmp_path / "laptop"), Key.random(), clock=clock) as laptop:
        exchange.merge(laptop, exchange.export_data(journal))
        use = laptop.all(r.AIUse)[0]
        laptop.update(use.touched(minutes=45))
        laptop.delete(laptop.all(r.Touchpoint)[0])
        laptop.add(r.AIUse(started_at=clock(), tool="Gemini", pattern="validation", minutes=3))
        laptop.save_checkin(r.Checkin(day=clock().date(), burnout=2, connection=4))
        exchange.write_json(laptop, path)
    return path


def test_import_previews_then_merges_exactly_that(qtbot, show, noted, tmp_path, clock):
    path = other_journal_export(tmp_path, clock, noted)
    merged = []
    dialog = show(
        ImportJournalDialog(noted, ask_path=lambda *_: str(path), on_merged=merged.append)
    )
    before = exchange.export_data(noted)["tables"]
    click(qtbot, dialog.choose_button)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert exchange.export_data(noted)["tables"] == before  # the preview wrote nothing
    cells = {
        dialog.table.item(row, 0).text(): [dialog.table.item(row, c).text() for c in range(1, 5)]
        for row in range(dialog.table.rowCount())
    }
    assert cells["AI uses"] == ["1", "1", "0", "0"]  # added, updated, deleted, unchanged
    assert cells["Touchpoints"] == ["0", "0", "1", "0"]
    assert cells["Check-ins"] == ["1", "0", "0", "0"]
    assert "Merging would make: 2 added" in dialog.summary.text()
    assert dialog.merge_button.isEnabled()
    preview = dialog.preview.as_dict()
    click(qtbot, dialog.merge_button)
    qtbot.waitUntil(lambda: dialog.merged is not None)
    assert dialog.merged.as_dict() == preview and merged == [dialog.merged]
    assert len(noted.all(r.AIUse)) == 2 and noted.all(r.Touchpoint) == []
    assert noted.take_changes() >= {"ai_uses", "touchpoints", "checkins"}  # for the views
    assert "Merged: 2 added, 1 updated, 1 deleted" in dialog.summary.text()


def test_a_bad_file_says_why_inline_and_writes_nothing(qtbot, show, noted, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "aijournal-export", "version": 1, "tables": {"ai_uses": [{}]}}')
    dialog = show(ImportJournalDialog(noted))
    before = exchange.export_data(noted)["tables"]
    dialog.open_file(broken)
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    assert "ai_uses[0].id" in dialog.error.text().lower() and not dialog.merge_button.isEnabled()
    assert exchange.export_data(noted)["tables"] == before


def test_the_file_menu_offers_both(qtbot, noted):
    from aijournal.ui.main_window import MainWindow

    window = MainWindow(noted, use_tray=False)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Export journal…" in texts and "Import/merge journal…" in texts
