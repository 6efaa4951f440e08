"""The window's menus and what their File commands open.

File: import AI history, export a summary, the coach view, export and import/merge the whole
journal, quit. Log: the three forms on Today and the questionnaires. Every action but Quit is
made through the lock's gate (`Lock.guard_action`): while locked, none shows journal data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from aijournal.ui import shortcuts
from aijournal.ui.sections import REVIEW
from aijournal.wellbeing import instruments


class Menus:
    """The menu bar of the main window (`aijournal.ui.main_window.MainWindow`); `coach` is
    the coach view's window once opened."""

    def __init__(self, window: QMainWindow):
        self.window = window
        self.coach: QWidget | None = None
        bar = window.menuBar()
        self.file = bar.addMenu("&File")
        self._add(self.file, "Import AI history…", self.import_ai_history, "Ctrl+I")
        self._add(self.file, "Export summary…", self.export_summary, "Ctrl+E")
        self._add(self.file, "Coach view…", self.show_coach_view)
        self.file.addSeparator()
        self._add(self.file, "Export journal…", self.export_journal)
        self._add(self.file, "Import/merge journal…", self.import_journal)
        self.file.addSeparator()
        quit_action = self.file.addAction("Quit")  # the one action that needs no unlock
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(window.quit)

        self.log = bar.addMenu("&Log")
        self._add(self.log, "Check in", window.check_in, shortcuts.CHECK_IN)
        self._add(self.log, "Log an AI use", window.log_ai_use, shortcuts.AI_USE)
        self._add(self.log, "Log a touchpoint", window.log_touchpoint, shortcuts.TOUCHPOINT)
        self.log.addSeparator()
        questionnaires = QMenu("Take a questionnaire", self.log)
        for one in instruments.instruments():
            self._add(
                questionnaires,
                f"{one.short_name} · {one.name}",
                lambda _=False, i=one.id: window.take_questionnaire(i),
            )
        self.log.addMenu(questionnaires)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        keys: str | QKeySequence | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        return self.window.gate.guard_action(action, slot)

    def import_ai_history(self) -> None:
        """Import, then the views it touched redraw and Review imports shows what came in."""
        from aijournal.ui.dialogs.import_history import run_import

        def imported(_plan: object) -> None:
            self.window.notices.announce()
            self.window.sections.show_view(REVIEW)

        run_import(self.window, self.window.journal, on_imported=imported)

    def export_summary(self) -> None:
        from aijournal.ui.dialogs.export_summary import ExportSummaryDialog

        ExportSummaryDialog(self.window.journal, self.window).exec()

    def export_journal(self) -> None:
        from aijournal.ui.dialogs.journal_data import ExportJournalDialog

        ExportJournalDialog(self.window.journal, self.window).exec()

    def import_journal(self) -> None:
        """Preview, then merge, another journal's export; the views it touched redraw."""
        from aijournal.ui.dialogs.journal_data import ImportJournalDialog

        window = self.window
        ImportJournalDialog(
            window.journal, window, on_merged=lambda _: window.notices.announce()
        ).exec()

    def show_coach_view(self) -> None:
        from aijournal.ui.views.coach import open_coach_view

        self.coach = open_coach_view()  # a window of its own; needs no journal
