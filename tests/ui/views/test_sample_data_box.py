"""Settings → Sample data: remove exactly the sample (confirmed, with its counts), then Undo."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from aijournal.journaling import demo, sample_data
from aijournal.model import records as r
from aijournal.storage import exchange
from aijournal.ui.views.settings import SettingsView


def answer(qtbot, button_text: str, seen: list[str]) -> None:
    """Press `button_text` in the next message box, as a person would; note what it said."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        [button] = [b for b in box.findChildren(QPushButton) if b.text() == button_text]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def test_remove_sample_data_then_undo_from_settings(qtbot, show, journal, clock):
    demo.fill(journal, days=20)
    mine = journal.add(r.AIUse(started_at=clock(), tool="Mistral", pattern="learning", minutes=7))
    before = exchange.export_data(journal)["tables"]
    view = show(SettingsView(journal), 1100, 800)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    box = view.sample_data
    assert box.isVisible() and box.remove_button.isVisible()
    assert "AI uses" in box.counts.text()
    said: list[str] = []
    answer(qtbot, "Remove", said)
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert "Remove the sample data (" in said[0] and "undo" in said[0]
    assert [u.id for u in journal.all(r.AIUse)] == [mine.id]
    assert not box.remove_button.isVisible() and box.undo_button.isVisible()
    assert "Removed the sample data" in box.result.text()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    box.undo_button.setFocus()
    with qtbot.waitSignal(view.changed):
        qtbot.keyClick(box.undo_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after = exchange.export_data(journal)["tables"]
    strip = lambda tables: {  # noqa: E731
        t: [{k: v for k, v in row.items() if k != "updated_at"} for row in rows]
        for t, rows in tables.items()
    }
    assert strip(after) == strip(before)
    assert "Brought back" in box.result.text() and not box.undo_button.isVisible()
    assert box.remove_button.isVisible()


def test_cancel_removes_nothing_and_no_sample_no_box(qtbot, show, journal):
    view = show(SettingsView(journal), 1100, 800)
    assert not view.sample_data.isVisible()
    demo.fill(journal, days=5)
    view.refresh()
    assert view.sample_data.isVisible()
    said: list[str] = []
    answer(qtbot, "Cancel", said)
    qtbot.mouseClick(view.sample_data.remove_button, Qt.MouseButton.LeftButton)
    assert said and sample_data.present(journal)
