"""What "usable on this screen" means, checked on real widgets: nothing cut off on the right,
no sideways scrolling, every word of a label shown. Used by test_any_screen.py, in-process
(offscreen) and on a real X display at 200% scaling."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _clip(widget: QWidget, root: QWidget) -> QRect:
    """The part of `root` (in its coordinates) where `widget` can be seen at all: its
    ancestors' rectangles intersected, a scroll area's viewport included."""
    seen = QRect(QPoint(0, 0), root.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        seen &= QRect(parent.mapTo(root, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return seen


def _inside_scrolled_list(widget: QWidget) -> bool:
    """Inside a list or table (which scrolls its own cells), or a part of a compound input
    (a line edit's clear button, a spin box's field): not laid out by the view."""
    if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QAbstractSpinBox):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractItemView, QLineEdit, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def problems(root: QWidget) -> list[str]:
    """Everything in `root` a user could not read or reach sideways, in plain words."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget, root) or widget.window() is not root.window():
            continue
        name = describe(widget)
        if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QAbstractItemView):
            bar = widget.horizontalScrollBar()
            if bar.maximum() > 0 and widget.horizontalScrollBarPolicy() != (
                Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            ):
                found.append(f"{name} scrolls sideways by {bar.maximum()} px")
        if widget is root or _inside_scrolled_list(widget):
            continue
        where = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
        seen = _clip(widget, root)
        if where.right() > seen.right() + 1 and where.top() <= seen.bottom():
            found.append(f"{name} is cut off on the right by {where.right() - seen.right()} px")
        if (
            isinstance(widget, (QLabel, QAbstractButton, QLineEdit, QComboBox))
            and widget.width() + 1 < widget.minimumSizeHint().width()
        ):
            found.append(
                f"{name} is squeezed to {widget.width()} of {widget.minimumSizeHint().width()} px"
            )
    return found


def describe(widget: QWidget) -> str:
    text = widget.accessibleName()
    if not text and isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()[:40]
    return f"{type(widget).__name__} {text!r}" if text else type(widget).__name__


def visible_windows(exclude: QWidget | None = None) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not exclude]


def dialogs(window, journal, folder):
    """Every dialog and secondary window of the app, made over `journal` (sample data), with
    what each needs in `folder`; (name, widget) pairs, not shown yet."""
    from datetime import timedelta
    from pathlib import Path

    from aijournal.connection import nudges
    from aijournal.model import records as r
    from aijournal.sharing import summary
    from aijournal.storage import DataPaths, SecretStore
    from aijournal.ui.crash_report import ErrorDialog
    from aijournal.ui.dialogs.entry_dialog import EntryDialog
    from aijournal.ui.dialogs.export_summary import ExportSummaryDialog
    from aijournal.ui.dialogs.import_history import ImportDialog
    from aijournal.ui.dialogs.instrument import InstrumentDialog
    from aijournal.ui.dialogs.journal_data import ExportJournalDialog
    from aijournal.ui.dialogs.plan_touchpoint import PlanDialog
    from aijournal.ui.dialogs.welcome import UnlockDialog, WelcomeDialog
    from aijournal.ui.views.coach import CoachWindow
    from aijournal.ui.views.settings import ChangeKeyDialog, RestoreDialog
    from aijournal.ui.views.skill_page import SkillPage
    from aijournal.ui.views.skills_goals import ExportPortfolioDialog, RateDialog

    exports = Path(__file__).resolve().parents[1] / "data" / "exports"
    today = journal.clock().date()
    entries = {type(e): e for e in journal.entries() if type(e) is not r.Nudge}
    nudges.refresh(journal)
    nudge = nudges.active(journal)[0]
    skill = journal.skills()[0]
    data = summary.build(journal, today - timedelta(days=59), today)
    summary_file = Path(folder) / "client.json"
    summary.write(data, summary_file)
    coach = CoachWindow()
    coach.open_files([summary_file])
    found = [
        (f"edit {kind.__name__}", EntryDialog(journal, entry, window))
        for kind, entry in entries.items()
    ]
    found += [
        ("export summary", ExportSummaryDialog(journal, window)),
        ("export journal", ExportJournalDialog(journal, window)),
        ("import journal", previewed_import(journal, window)),
        ("import history", ImportDialog(journal, exports / "chatgpt-conversations.json", window)),
        ("questionnaire CBI", InstrumentDialog(journal, "cbi", window)),
        ("plan a touchpoint", PlanDialog(journal, nudge, None, window)),
        ("welcome", WelcomeDialog(DataPaths(Path(folder) / "new"), SecretStore())),
        ("unlock", UnlockDialog(DataPaths(Path(folder) / "new"), SecretStore())),
        ("change key", ChangeKeyDialog(journal, journal.store, window)),
        ("restore", RestoreDialog(journal.backups(), window)),
        ("rate a skill", RateDialog(journal, skill, window)),
        ("export portfolio", ExportPortfolioDialog(journal, window)),
        ("skill page", SkillPage(journal, skill.name, window)),
        ("coach view", coach),
        ("error", ErrorDialog("It broke", "Traceback…\n" * 20, Path(folder) / "log", window)),
    ]
    return found


def previewed_import(journal, window):
    """The import dialog showing a preview of merging the journal's own export (as after
    Choose file…): every kind in the table."""
    from aijournal.storage import exchange
    from aijournal.ui.dialogs.journal_data import ImportJournalDialog

    dialog = ImportJournalDialog(journal, window)
    data = exchange.export_data(journal)
    dialog.show_preview(data, exchange.merge(journal, data, dry_run=True))
    return dialog
