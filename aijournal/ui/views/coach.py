"""Coach view: open clients' exported summaries, compare them, read one in full.

Read-only and needs no journal or key. Files come from the file dialog or by drag and drop;
files of an unknown version or that fail the schema are listed with the reason. Selecting
rows shows their weekly trends side by side (burnout and connection, augmentation share).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aijournal.model.presentation import escape, plural
from aijournal.sharing import coach, summary_html
from aijournal.storage.paths import atomic_write
from aijournal.ui import theme
from aijournal.ui.widgets.basics import fit_to_screen, muted, no_tab_stop, paper_preview, report

MAX_COMPARED = 6  # side by side; more would make each chart too small to read
NUMBERS = {
    "burnout_mean",
    "connection_mean",
    "who5_latest",
    "ucla3_latest",
    "augmentation_share",
    "touchpoints_per_week",
}
PathAsker = Callable[[QWidget], list[str]]
SaveAsker = Callable[[QWidget], str]


class NumberItem(QTableWidgetItem):
    """A cell that sorts by its number (blanks last), not by its text."""

    def __init__(self, text: str, value: float | None):
        super().__init__(text)
        self.value = value

    def __lt__(self, other: QTableWidgetItem) -> bool:  # type: ignore[override]
        if not isinstance(other, NumberItem):
            return super().__lt__(other)
        if (self.value is None) == (other.value is None):
            return self.value is not None and self.value < other.value  # type: ignore[operator]
        # One blank: Qt sorts highest first by this same test reversed, so a blank is the
        # largest going up and the smallest going down, and ends up last either way.
        table = self.tableWidget()
        order = table.horizontalHeader().sortIndicatorOrder() if table else None
        return (self.value is None) == (order == Qt.SortOrder.DescendingOrder)


class CoachWindow(QMainWindow):
    """Many summaries in one sortable table; compare rows; read one summary in full."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        ask_open: PathAsker | None = None,
        ask_save: SaveAsker | None = None,
    ):
        super().__init__(parent)
        self.opened: list[coach.Opened] = []
        self.rows: list[coach.Row] = []
        self.skipped: list[coach.Skipped] = []
        self._ask_open = ask_open or _ask_open
        self._ask_save = ask_save or _ask_save
        self.setWindowTitle("Coach view — AI Journal")
        self.setWindowIcon(theme.app_icon())
        self.setAcceptDrops(True)
        fit_to_screen(self, 1200, 800)

        buttons = QHBoxLayout()
        self.open_button = QPushButton("Open summaries…")
        self.open_button.setShortcut(QKeySequence.StandardKey.Open)
        self.open_button.clicked.connect(self.choose_files)
        self.show_button = QPushButton("Show summary")
        self.show_button.clicked.connect(self.show_selected)
        self.csv_button = QPushButton("Export table as CSV…")
        self.csv_button.clicked.connect(self.choose_csv)
        for button in (self.open_button, self.show_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(
            muted(
                "Read-only: summaries your clients exported on purpose. "
                "Drop files here to open them."
            )
        )

        self.table = QTableWidget(0, len(coach.COLUMNS))
        self.table.setAccessibleName("Summaries")
        self.table.setHorizontalHeaderLabels([label for _, label in coach.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.compare_selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.show_selected())

        self.skipped_list = QListWidget()
        self.skipped_list.setAccessibleName("Skipped files")
        self.skipped_label = QLabel("Skipped files")
        self.skipped_label.setBuddy(self.skipped_list)
        self.skipped_list.setMaximumHeight(90)
        for widget in (self.skipped_label, self.skipped_list):
            widget.hide()

        self.compare_area = QWidget()
        self.compare_grid = QGridLayout(self.compare_area)
        self.compare_hint = muted("Select one or more rows to compare their weekly trends.")
        self.compare_grid.addWidget(self.compare_hint, 0, 0)
        scroll = QScrollArea()
        no_tab_stop(scroll)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.compare_area)
        self.summary_view = paper_preview("Summary")
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, "Compare")
        self.tabs.addTab(self.summary_view, "Summary")

        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)
        column.addWidget(self.skipped_label)
        column.addWidget(self.skipped_list)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setSizes([320, 480])
        self.setCentralWidget(splitter)
        self.charts: list[QWidget] = []
        self._update_buttons()

    # ---- opening --------------------------------------------------------------------------

    def open_files(self, paths: Iterable[Path | str]) -> None:
        """Add these summary files (files already open are read again, not twice)."""
        paths = [Path(p) for p in paths]
        opened, skipped = coach.open_many(paths)
        again = {p.resolve() for p in paths}
        self.opened = [o for o in self.opened if o.path.resolve() not in again] + opened
        self.skipped = [s for s in self.skipped if s.path.resolve() not in again] + skipped
        self.rows = coach.rows(self.opened)
        self._fill_table()
        self.skipped_list.clear()
        for problem in self.skipped:
            self.skipped_list.addItem(f"{problem.path.name}: {problem.reason}")
            self.skipped_list.item(self.skipped_list.count() - 1).setToolTip(str(problem.path))
        for widget in (self.skipped_label, self.skipped_list):
            widget.setVisible(bool(self.skipped))
        self.statusBar().showMessage(
            f"{plural(len(self.rows), 'summary', 'summaries')} open"
            + (f"; {plural(len(self.skipped), 'file')} skipped" if self.skipped else "")
        )
        self._update_buttons()

    def choose_files(self) -> None:
        if chosen := self._ask_open(self):
            self.open_files(chosen)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.open_files(paths)
            event.acceptProposedAction()

    def _fill_table(self) -> None:
        self.table.setSortingEnabled(False)
        self.table.clearSelection()
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            for column, (key, _) in enumerate(coach.COLUMNS):
                text = coach.cell(row, key)
                item = (
                    NumberItem(text, getattr(row, key))
                    if key in NUMBERS
                    else QTableWidgetItem(text)
                )
                if key in NUMBERS:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, number)
                    item.setToolTip(str(row.path))
                self.table.setItem(number, column, item)
        self.table.setSortingEnabled(True)

    # ---- rows ------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """Indexes into `self.rows` of the selected table rows, in table order."""
        picked = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in picked]

    def compare_selected(self) -> None:
        """Small multiples: per selected summary, its burnout/connection and modes charts."""
        from aijournal.ui.charts import summary as summary_charts

        for chart in self.charts:
            self.compare_grid.removeWidget(chart)
            chart.deleteLater()
        self.charts = []
        chosen = self.selected_rows()[:MAX_COMPARED]
        self.compare_hint.setVisible(not chosen)
        for column, index in enumerate(chosen):
            data, row = self.opened[index].data, self.rows[index]
            title = QLabel(f"<b>{escape(row.name)}</b><br>{row.start} to {row.end}")
            self.compare_grid.addWidget(title, 1, column)
            self.charts.append(title)
            for line, (section, make) in enumerate(
                (("checkins", summary_charts.moods_chart), ("ai_use", summary_charts.modes_chart)),
                start=2,
            ):
                if section in data:
                    chart = make(data[section])
                    chart.setMinimumSize(260, 200)
                    chart.setAccessibleName(f"{row.name}: {section}")
                else:
                    chart = muted(f"No {section.replace('_', ' ')} section in this summary.")
                self.compare_grid.addWidget(chart, line, column)
                self.charts.append(chart)
        self._update_buttons()

    def show_selected(self) -> None:
        chosen = self.selected_rows()
        if chosen:
            self.show_summary(chosen[0])

    def show_summary(self, index: int) -> None:
        self.summary_view.setHtml(summary_html.render(self.opened[index].data))
        self.tabs.setCurrentWidget(self.summary_view)

    # ---- CSV --------------------------------------------------------------------------------

    def choose_csv(self) -> None:
        if chosen := self._ask_save(self):
            self.export_csv(Path(chosen))

    def export_csv(self, path: Path) -> None:
        """The table, in the order shown, as CSV."""
        order = [
            self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
            for r in range(self.table.rowCount())
        ]
        try:
            atomic_write(path, coach.csv_text([self.rows[i] for i in order]))
        except OSError as error:
            report(self, "The table was not saved", str(error))
            return
        self.statusBar().showMessage(f"Saved {path.name}")

    def _update_buttons(self) -> None:
        self.csv_button.setEnabled(bool(self.rows))
        self.show_button.setEnabled(bool(self.table.selectedIndexes()))


def _ask_open(parent: QWidget) -> list[str]:
    chosen, _ = QFileDialog.getOpenFileNames(
        parent, "Open summaries", str(Path.home()), "Summaries (*.json);;All files (*)"
    )
    return chosen


def _ask_save(parent: QWidget) -> str:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export table as CSV", str(Path.home() / "coach-table.csv"), "CSV (*.csv)"
    )
    return chosen


def open_coach_view(parent: QWidget | None = None, files: Sequence[Path] = ()) -> CoachWindow:
    """Show a coach view (a window of its own), with these files open."""
    window = CoachWindow(parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if files:
        window.open_files(files)
    window.show()
    return window
