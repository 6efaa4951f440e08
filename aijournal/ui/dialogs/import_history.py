"""File → Import AI history…: read any source (a ChatGPT or Claude export, a file or folder of
Claude Code or Codex CLI sessions, an Aider chat history, an Open WebUI export or webui.db
copy), preview it, then write it.

Reading runs on a worker behind a cancellable progress dialog driven by the bytes read; it
writes nothing. The preview says what would be added, split, skipped and already there, and
shows the first uses with their suggested pattern. Only "Import N AI uses" writes, in one
transaction; a bad file, a cancel or closing the dialog leaves the journal as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.model.errors import InvalidInput, JournalError
from aijournal.model.patterns import pattern as pattern_named
from aijournal.model.presentation import plural
from aijournal.sources import catalog, importing
from aijournal.sources.conversations import SESSION_GAP, TOOLS
from aijournal.sources.files import ImportCancelled
from aijournal.sources.importing import ImportPlan
from aijournal.storage import Journal
from aijournal.ui.widgets.basics import (
    InlineError,
    fill_row,
    fit_to_screen,
    heading,
    message,
    muted,
    screen_room,
    table,
    with_role,
)
from aijournal.ui.workers import run_job

FILE_FILTER = "AI history (*.zip *.json *.jsonl .aider.chat.history.md *.md *.db);;All files (*)"
PRIVACY = (
    "By default only each session's title, times, counts and project folder name are kept, "
    "never message text."
)
NOUNS = {"claude-code": "sessions", "codex": "sessions", "aider": "chat history"}
KEEP_FIRST = "Keep the first message of each conversation as the note"
PREVIEW_ROWS = 8
PREVIEW_COLUMNS = ("Date", "Task", "Minutes", "Turns", "Suggested pattern", "Why")

AskPath = Callable[[QWidget | None], str]


def ask_for_export(parent: QWidget | None) -> str:
    """The export the user picks, or "" when they cancel the file dialog."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Import AI history", str(Path.home()), FILE_FILTER
    )
    return path


def run_import(
    parent: QWidget | None,
    journal: Journal,
    *,
    on_imported: Callable[[ImportPlan], None] | None = None,
    ask_path: AskPath = ask_for_export,
) -> ImportDialog | None:
    """Ask for an export and open the import dialog for it (window-modal, not blocking).

    `on_imported(plan)` runs after uses were written (e.g. to show Review imports). A parent
    main window also gets the one-line summary in its status bar. None when no file was picked.
    """
    path = ask_path(parent)
    if not path:
        return None
    dialog = ImportDialog(journal, Path(path), parent, ask_path=ask_path)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def imported(plan: ImportPlan) -> None:
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(plan.summary(), 20_000)
        if on_imported is not None:
            on_imported(plan)

    dialog.imported.connect(imported)
    dialog.open()
    return dialog


def what_it_is(kind: str) -> str:
    """ "ChatGPT export", "Claude Code sessions", "Aider chat history"."""
    return f"{TOOLS[kind]} {NOUNS.get(kind, 'export')}"


def describe_file(path: Path, kind: str | None) -> str:
    """ "ChatGPT export, 92 MB" — what the file (or folder) is and how big."""
    what = what_it_is(kind) if kind else "Export"
    if path.is_dir():
        listed = catalog.files_in(kind, path) if kind else []
        size = sum(p.stat().st_size for p in listed) if listed else 0
        return f"{what}, {file_size(size)} in {plural(len(listed), 'file')}" if listed else what
    return f"{what}, {file_size(path.stat().st_size)}"


def file_size(size: int) -> str:
    if size >= 10_000_000:
        return f"{size / 1_000_000:.0f} MB"
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"


def file_error(error: Exception) -> str:
    """One line for a file that cannot be imported, naming the file rather than its path."""
    if isinstance(error, InvalidInput) and error.field == "file":
        allowed = error.allowed[:1].upper() + error.allowed[1:]
        return f"{Path(str(error.value)).name} cannot be imported. {allowed}."
    return message(error)


def _day(field: str, text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(field, text, "use a day as YYYY-MM-DD, or leave it empty") from None


def _span(period: tuple[date, date] | None) -> str:
    if period is None:
        return "—"
    first, last = period
    if first == last:
        return first.strftime("%-d %b %Y")
    return f"{first.strftime('%-d %b %Y')} – {last.strftime('%-d %b %Y')}"


class OptionsPage(QWidget):
    """Page 1: the file (or folder), the period and what to keep; "Preview import" reads."""

    def __init__(self, dialog: ImportDialog):
        super().__init__(dialog)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading("Import AI history"))
        layout.addWidget(
            muted(
                "Each session in a ChatGPT or Claude data export, or in a Claude Code, Codex CLI, "
                "Aider or Open WebUI history, becomes an AI use with a suggested pattern, for you "
                "to confirm in Review imports."
            )
        )

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        self.file_name = QLabel(self)
        self.file_name.setAccessibleName("File")
        self.file_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_name.setWordWrap(True)
        self.file_kind = with_role(QLabel(self), "muted")
        self.file_kind.setAccessibleName("Kind")
        self.choose_button = QPushButton("Choose another file…", self)
        self.choose_button.clicked.connect(dialog.choose_file)
        folder = QPushButton("Choose a folder…", self)
        folder.setToolTip("An unzipped export, or a folder of Claude Code, Codex or Aider sessions")
        folder.clicked.connect(dialog.choose_folder)
        chooser = QVBoxLayout()
        chooser.addWidget(self.choose_button)
        chooser.addWidget(folder)
        file_box = QVBoxLayout()
        file_box.setSpacing(2)
        file_box.addWidget(self.file_name)
        file_box.addWidget(self.file_kind)
        grid.addWidget(QLabel("File", self), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(file_box, 0, 1)
        grid.addLayout(chooser, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(QLabel("Period", self), 1, 0)
        grid.addLayout(self._period(), 1, 1, 1, 2)
        layout.addLayout(grid)

        self.keep_first = QCheckBox(KEEP_FIRST, self)
        self.keep_first.setAccessibleName(KEEP_FIRST)
        self.keep_first.setAccessibleDescription(PRIVACY)
        layout.addWidget(self.keep_first)
        privacy = muted(PRIVACY + " The note stays private, in this journal only.")
        privacy.setContentsMargins(self.keep_first.iconSize().width() + 8, 0, 0, 0)
        layout.addWidget(privacy)

        self.error = InlineError(self)
        layout.addWidget(self.error)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(dialog.reject)
        self.preview_button = QPushButton("Preview import", self)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(dialog.read)
        buttons.addWidget(cancel)
        buttons.addWidget(self.preview_button)
        layout.addLayout(buttons)
        for first, second in (
            (self.choose_button, folder),
            (folder, self.since),
            (self.since, self.until),
            (self.until, self.keep_first),
            (self.keep_first, cancel),
            (cancel, self.preview_button),
        ):
            QWidget.setTabOrder(first, second)

    def _period(self) -> QHBoxLayout:
        period = QHBoxLayout()
        self.since = QLineEdit(self)
        self.until = QLineEdit(self)
        width = self.fontMetrics().horizontalAdvance("YYYY-MM-DD") + 24
        for name, field in (("From", self.since), ("To", self.until)):
            field.setPlaceholderText("YYYY-MM-DD")
            field.setMaximumWidth(width)
            field.setAccessibleName(name)
            field.textEdited.connect(lambda _: self.error.clear())
            caption = QLabel(name, self)
            caption.setBuddy(field)
            period.addWidget(caption)
            period.addSpacing(4)
            period.addWidget(field)
            period.addSpacing(16)
        period.addWidget(muted("optional; empty takes everything"), 1)
        return period

    def show_file(self, path: Path, kind: str | None, error: JournalError | None) -> None:
        """`path`, what it is, or why it cannot be imported."""
        self.file_name.setText(path.name)
        self.file_name.setToolTip(str(path))
        self.error.clear()
        self.file_kind.setText(describe_file(path, kind) if kind else "")
        if error is not None:
            self.error.show_error(file_error(error))
        self.file_kind.setVisible(bool(self.file_kind.text()))
        self.preview_button.setEnabled(kind is not None)

    def period(self) -> tuple[date | None, date | None]:
        """The days typed (InvalidInput naming "from" or "to" when they do not make sense)."""
        since, until = _day("from", self.since.text()), _day("to", self.until.text())
        if since and until and since > until:
            raise InvalidInput("from", since.isoformat(), f"use a day up to {until.isoformat()}")
        return since, until


class PreviewPage(QWidget):
    """Page 2: what the read found, the first uses, and "Import N AI uses"."""

    FACTS = (
        "From",
        "Period",
        "Sessions",
        "Skipped",
        "Already imported",
        "Outside the period",
        "Kept",
    )

    def __init__(self, dialog: ImportDialog):
        super().__init__(dialog)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.headline = heading("")
        self.headline.setAccessibleName("Preview")
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        facts = QGridLayout()
        facts.setHorizontalSpacing(16)
        facts.setVerticalSpacing(4)
        facts.setColumnStretch(1, 1)
        self.fact_labels: dict[str, QLabel] = {}
        self.fact_keys: dict[str, QLabel] = {}
        for row, name in enumerate(self.FACTS):
            key = with_role(QLabel(name, self), "muted")
            value = QLabel(self)
            value.setWordWrap(True)
            value.setAccessibleName(name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)
            self.fact_labels[name] = value
            self.fact_keys[name] = key
        layout.addLayout(facts)

        self.first_caption = QLabel(self)
        layout.addWidget(self.first_caption)
        layout.addWidget(self._first_uses())
        layout.addWidget(
            muted(
                "Nothing is written until you press Import. Afterwards you "
                "confirm or change each suggested pattern in Review imports."
            )
        )
        self.import_error = InlineError(self)
        self.import_error.setAccessibleName("Import error")
        layout.addWidget(self.import_error)

        buttons = QHBoxLayout()
        back = QPushButton("Back", self)
        back.clicked.connect(lambda: dialog.show_page(dialog.options_page))
        buttons.addWidget(back)
        buttons.addStretch(1)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(dialog.reject)
        self.import_button = QPushButton("Import", self)
        self.import_button.clicked.connect(dialog.write)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        QWidget.setTabOrder(back, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.import_button)

    def _first_uses(self) -> QWidget:
        self.first_uses = table(PREVIEW_COLUMNS, "First AI uses")
        self.first_uses.setParent(self)
        self.first_uses.setWordWrap(False)
        self.first_uses.setShowGrid(False)
        self.first_uses.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a sample to read, not to act on
        rows = self.first_uses.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.first_uses.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().averageCharWidth() * 24)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        return self.first_uses

    def show_plan(self, plan: ImportPlan, path: Path, kept_first: bool) -> None:
        """What `plan` would add; the focus on Import (or Cancel when nothing is new)."""
        count = len(plan.planned)
        noun = "conversation" if plan.kind in ("chatgpt", "claude", "open-webui") else "session"
        if count:
            self.headline.setText(
                f"{plural(count, 'new AI use')} from {plural(plan.conversations, noun)}"
            )
        else:
            self.headline.setText(f"Nothing new to import: 0 new; {plan.already} already imported")
        for name, text in preview_facts(plan, path, noun, kept_first).items():
            self.fact_labels[name].setText(text)
        outside = plan.outside_period > 0
        self.fact_labels["Outside the period"].setVisible(outside)
        self.fact_keys["Outside the period"].setVisible(outside)
        shown = plan.uses[:PREVIEW_ROWS]
        self.first_caption.setText(
            f"The first {len(shown)} of {count}:" if count > len(shown) else ""
        )
        self.first_caption.setVisible(count > len(shown))
        self._fill_first_uses(shown)
        self.import_button.setText(f"Import {plural(count, 'AI use')}")
        self.import_button.setEnabled(count > 0)
        self.import_button.setDefault(count > 0)
        self.import_error.clear()

    def _fill_first_uses(self, shown: list) -> None:
        uses = self.first_uses
        uses.setRowCount(len(shown))
        for row, use in enumerate(shown):
            suggested = pattern_named(use.suggested_pattern or use.pattern)
            confidence = use.suggestion_confidence or 0
            fill_row(
                uses,
                row,
                [
                    use.started_at.strftime("%Y-%m-%d"),
                    use.task,
                    str(use.minutes),
                    str(use.turns or ""),
                    f"{suggested.label} · {confidence:.0%}",
                    use.suggestion_reason,
                ],
                use,
            )
            uses.item(row, 1).setToolTip(use.task)
            for column in (2, 3):
                uses.item(row, column).setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            uses.item(row, 4).setToolTip(
                f"{suggested.label} ({suggested.mode.value}): {suggested.explanation}"
            )
            uses.item(row, 5).setToolTip(use.suggestion_reason)
        uses.setVisible(bool(shown))
        uses.setFixedHeight(
            uses.horizontalHeader().sizeHint().height()
            + uses.verticalHeader().defaultSectionSize() * len(shown)
            + 2 * uses.frameWidth()
        )


def preview_facts(plan: ImportPlan, path: Path, noun: str, kept_first: bool) -> dict[str, str]:
    """The preview's facts, by name, in words."""
    skipped = sum(plan.skipped.values())
    return {
        "From": f"{path.name} — {describe_file(path, plan.kind)}",
        "Period": _span(plan.period),
        "Sessions": (
            f"{plural(plan.split, 'conversation')} split into sessions (a pause of more than "
            f"{int(SESSION_GAP.total_seconds() // 60)} minutes starts a new AI use)"
            if plan.split
            else "one AI use per conversation"
        ),
        "Skipped": (
            "none"
            if not skipped
            else f"{plural(skipped, noun)}: "
            + ", ".join(f"{n} {why}" for why, n in plan.skipped.most_common())
        ),
        "Already imported": (
            f"{plural(plan.already, 'AI use')}, left as they are" if plan.already else "none"
        ),
        "Outside the period": plural(plan.outside_period, "session"),
        "Kept": (
            "title, times and counts, and the first message as a private note"
            if kept_first
            else "title, times and counts only; no message text"
        ),
    }


class ImportDialog(QDialog):
    """Options, then a preview of what would be imported, then the import itself."""

    imported = Signal(object)  # the ImportPlan, once written

    def __init__(
        self,
        journal: Journal,
        path: Path,
        parent: QWidget | None = None,
        *,
        ask_path: AskPath = ask_for_export,
    ):
        super().__init__(parent)
        self.journal, self.path, self.kind = journal, Path(path), None
        self.plan: ImportPlan | None = None
        self._ask_path = ask_path
        self.setWindowTitle("Import AI history")
        em = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(min(em * 110, screen_room(self).width() - 40))
        fit_to_screen(self, em * 150, self.height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        # Two pages, one shown at a time; a box layout (unlike a stack) sizes to the shown one.
        self.options_page = OptionsPage(self)
        self.preview_page = PreviewPage(self)
        self.error = self.options_page.error
        layout.addWidget(self.options_page, 1)
        layout.addWidget(self.preview_page, 1)
        self.use_file(self.path)

    def show_page(self, page: QWidget) -> None:
        """Show `page`; the dialog takes that page's height."""
        for other in (self.options_page, self.preview_page):
            other.setVisible(other is page)
        self._fit()

    def _fit(self) -> None:
        """As tall as what is shown needs (a message may have appeared), as wide as it was."""
        layout = self.layout()
        layout.activate()
        width = max(self.width(), self.minimumWidth())
        height = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        height = max(height, layout.totalMinimumSize().height())
        self.resize(width, min(height, int(screen_room(self).height() * 0.95)))

    @property
    def page(self) -> QWidget:
        """The page shown: `options_page` or `preview_page`."""
        return self.preview_page if self.preview_page.isVisibleTo(self) else self.options_page

    # ---- reading -------------------------------------------------------------------------

    def use_file(self, path: Path) -> None:
        """Show `path` and its kind; an unreadable or foreign file says why at once."""
        self.path, self.kind, self.plan = path, None, None
        error: JournalError | None = None
        try:
            self.kind = catalog.identify(path).kind
        except JournalError as refused:
            error = refused
        options = self.options_page
        options.show_file(path, self.kind, error)
        self.show_page(options)
        (options.preview_button if self.kind else options.choose_button).setFocus()

    def choose_file(self) -> None:
        if path := self._ask_path(self):
            self.use_file(Path(path))

    def choose_folder(self) -> None:
        if folder := QFileDialog.getExistingDirectory(self, "Import AI history", str(Path.home())):
            self.use_file(Path(folder))

    def read(self) -> None:
        """Read the export on a worker (cancellable); the preview follows, nothing is written."""
        if self.kind is None:
            return
        options = self.options_page
        self.error.clear()
        try:
            since, until = options.period()
        except InvalidInput as error:
            self.error.show_error(error)
            self._fit()
            (options.since if error.field == "from" else options.until).setFocus()
            return
        path, kind, keep = self.path, self.kind, options.keep_first.isChecked()

        def work(own: Journal, progress) -> ImportPlan:
            plan = importing.plan_import(
                path,
                kind,
                since=since,
                until=until,
                keep_first_message=keep,
                clock=own.clock,
                progress=progress,
            )
            return importing.finish_import(own, plan, dry_run=True)  # counts what is there

        options.preview_button.setEnabled(False)
        self.job = run_job(
            self,
            self.journal,
            f"Reading the {what_it_is(kind)}…",
            work,
            done=self._read,
            failed=self._failed,
            cancellable=True,
        )

    def _read(self, plan: ImportPlan) -> None:
        self.options_page.preview_button.setEnabled(True)
        self.show_preview(plan)

    def _failed(self, error: BaseException) -> None:
        self.options_page.preview_button.setEnabled(self.kind is not None)
        self.show_page(self.options_page)
        if not isinstance(error, Exception):
            raise error
        self.error.show_error(
            str(error) if isinstance(error, ImportCancelled) else file_error(error)
        )
        self._fit()

    # ---- the preview, then writing -------------------------------------------------------

    def show_preview(self, plan: ImportPlan) -> None:
        self.plan = plan
        preview = self.preview_page
        preview.show_plan(plan, self.path, self.options_page.keep_first.isChecked())
        self.show_page(preview)
        (preview.import_button if plan.planned else preview.cancel_button).setFocus()

    def write(self) -> None:
        """Add the previewed uses in one transaction; then tell whoever opened the dialog."""
        plan = self.plan
        if plan is None or not plan.planned:
            return
        self.preview_page.import_button.setEnabled(False)
        self.job = run_job(
            self,
            self.journal,
            f"Importing {plural(len(plan.planned), 'AI use')}…",
            lambda own, _: importing.finish_import(own, plan),
            done=self._written,
            failed=self._write_failed,
        )

    def _written(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.accept()
        self.imported.emit(plan)

    def _write_failed(self, error: BaseException) -> None:
        self.preview_page.import_button.setEnabled(True)
        if not isinstance(error, Exception):
            raise error
        self.preview_page.import_error.show_error(message(error))
        self._fit()
