"""Export summary…: choose a period, sections and what to include, see exactly what leaves.

The preview is the summary's HTML built from the same data that is saved, rebuilt as the
options change; private notes and real names stay out unless ticked, with a warning when they
are. Saving as PDF draws the charts on the GUI thread and lays the pages out on a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from aijournal.model.errors import JournalError
from aijournal.sharing import exports, summary, summary_html
from aijournal.storage import Journal
from aijournal.ui.widgets.basics import (
    InlineError,
    fit_to_screen,
    labelled,
    muted,
    no_tab_stop,
    paper_preview,
    report,
    with_role,
)
from aijournal.ui.widgets.flow import FlowBox
from aijournal.ui.workers import run_job

PREVIEW_DELAY_MS = 150  # typing a name rebuilds the preview once the user pauses
WARNING = (
    "This summary will contain {what}. Anyone who gets the file can read them; "
    "share it only with your coach."
)
FILTERS = {"pdf": "PDF (*.pdf)", "html": "HTML (*.html)", "json": "Summary JSON (*.json)"}


class ExportSummaryDialog(QDialog):
    """Build a coach summary for a period and save it as PDF, HTML or JSON."""

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        ask_path: Callable[[QWidget, str, str, str], str] | None = None,
    ):
        super().__init__(parent)
        self.journal = journal
        self.data: dict[str, Any] | None = None
        self.saved: Path | None = None
        self._ask_path = ask_path or _ask_path
        self.setWindowTitle("Export summary")

        today = journal.clock().date()
        start, end = summary.default_period(today)
        options = QVBoxLayout()
        form = QFormLayout()
        self.start = labelled(form, "From", _date_edit(start, today))
        self.end = labelled(form, "To", _date_edit(end, today))
        self.client = labelled(
            form,
            "Your name for the coach",
            QLineEdit(),
            "Shown on the summary; leave empty to stay unnamed.",
        )
        self.client.setMaxLength(200)
        options.addLayout(form)

        sections = QGroupBox("Sections")
        grid = QGridLayout(sections)
        self.sections: dict[str, QCheckBox] = {}
        for number, name in enumerate(summary.SECTIONS):
            box = QCheckBox(summary.SECTION_TITLES[name])
            box.setAccessibleName(summary.SECTION_TITLES[name])
            box.setChecked(True)
            self.sections[name] = box
            grid.addWidget(box, number, 0, Qt.AlignmentFlag.AlignLeft)  # clickable as it looks
        options.addWidget(sections)

        privacy = QGroupBox("Privacy")
        column = QVBoxLayout(privacy)
        self.include_notes = QCheckBox("Include my private notes")
        self.include_notes.setAccessibleName("Include my private notes")
        self.include_names = QCheckBox("Include real names of people and goals")
        self.include_names.setAccessibleName("Include real names of people and goals")
        column.addWidget(
            muted(
                "By default the summary holds figures only: no notes, and "
                'people appear as "Mentor A", "Peer B".'
            )
        )
        column.addWidget(self.include_notes)
        column.addWidget(self.include_names)
        self.warning = with_role(QLabel(), "warning")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Privacy warning")
        self.warning.hide()
        column.addWidget(self.warning)
        options.addWidget(privacy)
        self.error = InlineError()
        options.addWidget(self.error)
        options.addStretch(1)

        self.save_pdf = QPushButton("Save as PDF…")
        self.save_html = QPushButton("Save as HTML…")
        self.save_json = QPushButton("Save as JSON…")
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        actions = FlowBox(self)  # under both columns; wraps on a narrow screen
        for button, kind in (
            (self.save_pdf, "pdf"),
            (self.save_html, "html"),
            (self.save_json, "json"),
        ):
            button.clicked.connect(lambda _=False, kind=kind: self.save(kind))
            actions.addWidget(button)
        actions.addWidget(close)

        self.preview = paper_preview()
        right = QVBoxLayout()
        right.addWidget(
            muted(
                "Preview: exactly what will leave this computer "
                "(the PDF adds the charts of these figures)."
            )
        )
        right.addWidget(self.preview, 1)
        left = QWidget()
        left.setLayout(options)
        scroll = no_tab_stop(QScrollArea())  # the options scroll on a short screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        scroll.setMaximumWidth(340)
        scroll.setMinimumWidth(left.minimumSizeHint().width() + 20)
        columns = QHBoxLayout()
        columns.addWidget(scroll)
        columns.addLayout(right, 1)
        page = QVBoxLayout(self)
        page.addLayout(columns, 1)
        page.addWidget(actions)
        fit_to_screen(self, 1000, 720)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._changed)
        self.client.textChanged.connect(self._changed)
        for box in (*self.sections.values(), self.include_notes, self.include_names):
            box.toggled.connect(self._changed)
        self.refresh()

    # ---- options -> summary -> preview ------------------------------------------------------

    def options(self) -> dict[str, Any]:
        return {
            "sections": tuple(n for n, box in self.sections.items() if box.isChecked()),
            "include_notes": self.include_notes.isChecked(),
            "include_names": self.include_names.isChecked(),
            "client_name": self.client.text(),
        }

    def _changed(self) -> None:
        self._show_warning()
        self._timer.start()

    def _show_warning(self) -> None:
        what = [
            text
            for text, on in (
                ("your private notes", self.include_notes.isChecked()),
                ("real names", self.include_names.isChecked()),
            )
            if on
        ]
        self.warning.setText(WARNING.format(what=" and ".join(what)) if what else "")
        self.warning.setVisible(bool(what))

    def refresh(self) -> None:
        """Rebuild the summary from the options and show it (it is what a save writes)."""
        self._timer.stop()
        self._show_warning()
        try:
            self.data = summary.build(
                self.journal, _day(self.start), _day(self.end), **self.options()
            )
        except JournalError as error:
            self.data = None
            self.error.show_error(error)
            self.preview.setHtml("")
        else:
            self.error.clear()
            scroll = self.preview.verticalScrollBar().value()
            self.preview.setHtml(summary_html.render(self.data))
            self.preview.verticalScrollBar().setValue(scroll)
        for button in (self.save_pdf, self.save_html, self.save_json):
            button.setEnabled(self.data is not None)

    # ---- saving -----------------------------------------------------------------------------

    def save(self, kind: str) -> None:
        if self._timer.isActive():
            self.refresh()  # save what the options say now, never a stale preview
        if self.data is None:
            return
        data = self.data
        suggested = f"aijournal-summary-{data['period']['start']}-{data['period']['end']}.{kind}"
        chosen = self._ask_path(self, f"Save summary as {kind.upper()}", suggested, FILTERS[kind])
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        if kind == "pdf":
            self._save_pdf(data, path)
            return
        try:
            exports.render_summary(data, f"summary-{kind}").write(path)
        except (JournalError, OSError) as error:
            report(self, "The summary was not saved", error)
            return
        self._saved(path)

    def _save_pdf(self, data: dict[str, Any], path: Path) -> None:
        from aijournal.ui.printing import summary_pdf
        from aijournal.ui.printing.printer import QtPrinter

        printer = QtPrinter(summary_pdf.chart_images(data))  # widgets: GUI thread only

        def work(_journal: Journal, _progress) -> Path:
            return exports.render_summary(data, "summary-pdf", printer).write(path)

        self._job = run_job(
            self,
            self.journal,
            "Making the PDF…",
            work,
            done=self._saved,
            failed=lambda e: report(self, "The summary was not saved", e),
        )

    def _saved(self, path: Path) -> None:
        self.saved = path
        self.error.clear()
        self.setWindowTitle(f"Export summary — saved {path.name}")


def _date_edit(day: date, today: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    return edit


def _day(edit: QDateEdit) -> date:
    picked = edit.date()
    return date(picked.year(), picked.month(), picked.day())


def _ask_path(parent: QWidget, title: str, suggested: str, filter_text: str) -> str:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), filter_text
    )
    return chosen
