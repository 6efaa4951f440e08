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
        self.options_page = self._options_page()
        self.preview_page = self._preview_page()
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

    # ---- page 1: the file and the options ----------------------------------------------

    def _options_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
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
        self.file_name = QLabel(page)
        self.file_name.setAccessibleName("File")
        self.file_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_name.setWordWrap(True)
        self.file_kind = with_role(QLabel(page), "muted")
        self.file_kind.setAccessibleName("Kind")
        choose = QPushButton("Choose another file…", page)
        choose.clicked.connect(self.choose_file)
        self.choose_button = choose
        folder = QPushButton("Choose a folder…", page)
        folder.setToolTip("An unzipped export, or a folder of Claude Code, Codex or Aider sessions")
        folder.clicked.connect(self.choose_folder)
        chooser = QVBoxLayout()
        chooser.addWidget(choose)
        chooser.addWidget(folder)
        file_box = QVBoxLayout()
        file_box.setSpacing(2)
        file_box.addWidget(self.file_name)
        file_box.addWidget(self.file_kind)
        grid.addWidget(QLabel("File", page), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(file_box, 0, 1)
        grid.addLayout(chooser, 0, 2, Qt.AlignmentFlag.AlignTop)

        period = QHBoxLayout()
        self.since = QLineEdit(page)
        self.until = QLineEdit(page)
        width = self.fontMetrics().horizontalAdvance("YYYY-MM-DD") + 24
        for name, field in (("From", self.since), ("To", self.until)):
            field.setPlaceholderText("YYYY-MM-DD")
            field.setMaximumWidth(width)
            field.setAccessibleName(name)
            field.textEdited.connect(lambda _: self.error.clear())
            caption = QLabel(name, page)
            caption.setBuddy(field)
            period.addWidget(caption)
            period.addSpacing(4)
            period.addWidget(field)
            period.addSpacing(16)
        period.addWidget(muted("optional; empty takes everything"), 1)
        grid.addWidget(QLabel("Period", page), 1, 0)
        grid.addLayout(period, 1, 1, 1, 2)
        layout.addLayout(grid)

        self.keep_first = QCheckBox(KEEP_FIRST, page)
        self.keep_first.setAccessibleName(KEEP_FIRST)
        self.keep_first.setAccessibleDescription(PRIVACY)
        layout.addWidget(self.keep_first)
        privacy = muted(PRIVACY + " The note stays private, in this journal only.")
        privacy.setContentsMargins(self.keep_first.iconSize().width() + 8, 0, 0, 0)
        layout.addWidget(privacy)

        self.error = InlineError(page)
        layout.addWidget(self.error)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton("Cancel", page)
        cancel.clicked.connect(self.reject)
        self.preview_button = QPushButton("Preview import", page)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.read)
        buttons.addWidget(cancel)
        buttons.addWidget(self.preview_button)
        layout.addLayout(buttons)
        for first, second in (
            (choose, folder),
            (folder, self.since),
            (self.since, self.until),
            (self.until, self.keep_first),
            (self.keep_first, cancel),
            (cancel, self.preview_button),
        ):
            QWidget.setTabOrder(first, second)
        return page

    def use_file(self, path: Path) -> None:
        """Show `path` and its kind; an unreadable or foreign file says why at once."""
        self.path, self.kind, self.plan = path, None, None
        self.file_name.setText(path.name)
        self.file_name.setToolTip(str(path))
        self.error.clear()
        try:
            self.kind = catalog.identify(path).kind
            self.file_kind.setText(describe_file(path, self.kind))
        except JournalError as error:
            self.file_kind.setText("")
            self.error.show_error(file_error(error))
        self.file_kind.setVisible(bool(self.file_kind.text()))
        self.preview_button.setEnabled(self.kind is not None)
        self.show_page(self.options_page)
        (self.preview_button if self.kind else self.choose_button).setFocus()

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
        self.error.clear()
        try:
            since, until = _day("from", self.since.text()), _day("to", self.until.text())
            if since and until and since > until:
                raise InvalidInput(
                    "from", since.isoformat(), f"use a day up to {until.isoformat()}"
                )
        except InvalidInput as error:
            self.error.show_error(error)
            self._fit()
            (self.since if error.field == "from" else self.until).setFocus()
            return
        path, kind, keep = self.path, self.kind, self.keep_first.isChecked()

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

        self.preview_button.setEnabled(False)
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
        self.preview_button.setEnabled(True)
        self.show_preview(plan)

    def _failed(self, error: BaseException) -> None:
        self.preview_button.setEnabled(self.kind is not None)
        self.show_page(self.options_page)
        if not isinstance(error, Exception):
            raise error
        self.error.show_error(
            str(error) if isinstance(error, ImportCancelled) else file_error(error)
        )
        self._fit()

    # ---- page 2: the preview -----------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.headline = heading("")
        self.headline.setAccessibleName("Preview")
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(16)
        self.facts.setVerticalSpacing(4)
        self.facts.setColumnStretch(1, 1)
        self.fact_labels: dict[str, QLabel] = {}
        self.fact_keys: dict[str, QLabel] = {}
        for row, name in enumerate(
            (
                "From",
                "Period",
                "Sessions",
                "Skipped",
                "Already imported",
                "Outside the period",
                "Kept",
            )
        ):
            key = with_role(QLabel(name, page), "muted")
            value = QLabel(page)
            value.setWordWrap(True)
            value.setAccessibleName(name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(value, row, 1)
            self.fact_labels[name] = value
            self.fact_keys[name] = key
        layout.addLayout(self.facts)

        self.first_caption = QLabel(page)
        layout.addWidget(self.first_caption)
        self.first_uses = table(PREVIEW_COLUMNS, "First AI uses")
        self.first_uses.setParent(page)
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
        layout.addWidget(self.first_uses)
        layout.addWidget(
            muted(
                "Nothing is written until you press Import. Afterwards you "
                "confirm or change each suggested pattern in Review imports."
            )
        )
        self.import_error = InlineError(page)
        self.import_error.setAccessibleName("Import error")
        layout.addWidget(self.import_error)

        buttons = QHBoxLayout()
        back = QPushButton("Back", page)
        back.clicked.connect(lambda: self.show_page(self.options_page))
        buttons.addWidget(back)
        buttons.addStretch(1)
        cancel = QPushButton("Cancel", page)
        cancel.clicked.connect(self.reject)
        self.preview_cancel = cancel
        self.import_button = QPushButton("Import", page)
        self.import_button.clicked.connect(self.write)
        buttons.addWidget(cancel)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        QWidget.setTabOrder(back, cancel)
        QWidget.setTabOrder(cancel, self.import_button)
        return page

    def show_preview(self, plan: ImportPlan) -> None:
        self.plan = plan
        count = len(plan.planned)
        if count:
            self.headline.setText(
                f"{plural(count, 'new AI use')} from {plural(plan.conversations, self._noun(plan))}"
            )
        else:
            self.headline.setText(f"Nothing new to import: 0 new; {plan.already} already imported")
        facts = self.fact_labels
        facts["From"].setText(f"{self.path.name} — {describe_file(self.path, plan.kind)}")
        facts["Period"].setText(_span(plan.period))
        facts["Sessions"].setText(
            f"{plural(plan.split, 'conversation')} split into sessions (a pause of more than "
            f"{int(SESSION_GAP.total_seconds() // 60)} minutes starts a new AI use)"
            if plan.split
            else "one AI use per conversation"
        )
        skipped = sum(plan.skipped.values())
        facts["Skipped"].setText(
            "none"
            if not skipped
            else f"{plural(skipped, self._noun(plan))}: "
            + ", ".join(f"{n} {why}" for why, n in plan.skipped.most_common())
        )
        facts["Already imported"].setText(
            f"{plural(plan.already, 'AI use')}, left as they are" if plan.already else "none"
        )
        facts["Outside the period"].setText(plural(plan.outside_period, "session"))
        outside = plan.outside_period > 0
        facts["Outside the period"].setVisible(outside)
        self.fact_keys["Outside the period"].setVisible(outside)
        facts["Kept"].setText(
            "title, times and counts, and the first message as a private note"
            if self.keep_first.isChecked()
            else "title, times and counts only; no message text"
        )

        shown = plan.uses[:PREVIEW_ROWS]
        self.first_caption.setText(
            f"The first {len(shown)} of {count}:" if count > len(shown) else ""
        )
        self.first_caption.setVisible(count > len(shown))
        self.first_uses.setRowCount(len(shown))
        for row, use in enumerate(shown):
            suggested = pattern_named(use.suggested_pattern or use.pattern)
            confidence = use.suggestion_confidence or 0
            fill_row(
                self.first_uses,
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
            self.first_uses.item(row, 1).setToolTip(use.task)
            for column in (2, 3):
                self.first_uses.item(row, column).setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.first_uses.item(row, 4).setToolTip(
                f"{suggested.label} ({suggested.mode.value}): {suggested.explanation}"
            )
            self.first_uses.item(row, 5).setToolTip(use.suggestion_reason)
        self.first_uses.setVisible(bool(shown))
        height = (
            self.first_uses.horizontalHeader().sizeHint().height()
            + self.first_uses.verticalHeader().defaultSectionSize() * len(shown)
            + 2 * self.first_uses.frameWidth()
        )
        self.first_uses.setFixedHeight(height)

        self.import_button.setText(f"Import {plural(count, 'AI use')}")
        self.import_button.setEnabled(count > 0)
        self.import_button.setDefault(count > 0)
        self.import_error.clear()
        self.show_page(self.preview_page)
        (self.import_button if count else self.preview_cancel).setFocus()

    def write(self) -> None:
        """Add the previewed uses in one transaction; then tell whoever opened the dialog."""
        plan = self.plan
        if plan is None or not plan.planned:
            return
        self.import_button.setEnabled(False)
        self.job = run_job(
            self,
            self.journal,
            f"Importing {plural(len(plan.planned), 'AI use')}…",
            lambda own, _: importing.finish_import(own, plan),
            done=self._written,
            failed=self._write_failed,
        )

    @staticmethod
    def _noun(plan: ImportPlan) -> str:
        return "conversation" if plan.kind in ("chatgpt", "claude", "open-webui") else "session"

    def _written(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.accept()
        self.imported.emit(plan)

    def _write_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        if not isinstance(error, Exception):
            raise error
        self.import_error.show_error(message(error))
        self._fit()
