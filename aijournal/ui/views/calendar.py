"""Calendar: a year in pixels (a row per month, a cell per day, coloured by burnout or
connection) and the current and longest check-in streak. Figures come from
`analysis.calendar`, the same as `aijournal calendar`; a day opens in the Journal."""

from __future__ import annotations

import calendar as months
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.analysis import calendar
from aijournal.storage import Journal
from aijournal.ui.theme import is_dark, outline_colour
from aijournal.ui.widgets.basics import heading, scroll_page
from aijournal.ui.widgets.cards import tone_label
from aijournal.ui.widgets.flow import FlowBox

# The bands' colours, best day first: blue (good) through gold to red (bad), each at least
# 3:1 on the grid's background in its theme (tests/ui/views/test_calendar.py measures them).
SCALE_COLOURS = {
    False: ("#1f4e99", "#5b8fd1", "#9a7b00", "#d4560b", "#9e1c1c"),
    True: ("#9cc9ff", "#5a9be0", "#d9b44a", "#f4894a", "#ff5f6d"),
}
DAY_ROLE = Qt.ItemDataRole.UserRole  # the cell's `calendar.Day`, None where no such day
MEASURE_LABELS = {"burnout": "Burnout", "connection": "Connection"}


def scale_colours(palette: QPalette | None = None) -> list[QColor]:
    return [QColor(c) for c in SCALE_COLOURS[is_dark(palette or QApplication.palette())]]


class YearModel(QAbstractTableModel):
    """A row per month, a column per day of the month; cells of days that do not exist
    (30 February) are disabled."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.shown: calendar.Calendar | None = None
        self.colours: list[QColor] = []
        self._days: dict[tuple[int, int], calendar.Day] = {}

    def show(self, shown: calendar.Calendar, colours: list[QColor]) -> None:
        self.beginResetModel()
        self.shown, self.colours = shown, colours
        self._days = {(d.day.month - 1, d.day.day - 1): d for d in shown.days}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else 12

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else 31

    def day_at(self, index: QModelIndex) -> calendar.Day | None:
        return self._days.get((index.row(), index.column())) if index.isValid() else None

    def index_of(self, day: date) -> QModelIndex:
        return self.index(day.month - 1, day.day - 1)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if self.day_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        day = self.day_at(index)
        if day is None or self.shown is None:
            return None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(day)
        if role == Qt.ItemDataRole.BackgroundRole and day.band is not None:
            return self.colours[day.band - 1]
        if role == DAY_ROLE:
            return day
        return None

    def describe(self, day: calendar.Day) -> str:
        if self.shown is not None and day.day > self.shown.today:
            return f"{day.day:%a} {day.day.day} {day.day:%B %Y}: not yet"
        return day.describe()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return str(section + 1)
        elif role == Qt.ItemDataRole.DisplayRole:
            return months.month_abbr[section + 1]
        elif role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return months.month_name[section + 1]
        return None


class DayCells(QStyledItemDelegate):
    """A filled square for a day with a check-in, an outlined one for a day without, nothing
    for a day still to come; the chosen day ringed in the highlight colour, today in the text
    colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        day = index.data(DAY_ROLE)
        if day is None:
            return
        palette = option.palette
        side = max(6, min(option.rect.width(), option.rect.height()) - 4)
        cell = QRect(0, 0, side, side)
        cell.moveCenter(option.rect.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        fill = index.data(Qt.ItemDataRole.BackgroundRole)
        model = index.model()
        to_come = model.shown is not None and day.day > model.shown.today
        if fill is not None:
            painter.fillRect(cell, fill)
        elif not to_come:
            painter.setPen(QPen(outline_colour(palette), 1))
            painter.drawRect(cell.adjusted(0, 0, -1, -1))
        chosen = option.state & (QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        if chosen:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
        elif model.shown is not None and day.day == model.shown.today:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1))
            painter.drawRect(cell.adjusted(-2, -2, 1, 1))
        painter.restore()


class DayGrid(QTableView):
    """The year's days; arrows move day by day (left and right run on across months, up and
    down go to the same day of the month before or after); Enter or a click opens the day."""

    day_chosen = Signal(object)

    def __init__(self, model: YearModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(DayCells(self))
        self.setShowGrid(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the grid; arrows move inside it
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Days of the year")
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(12)
            header.setHighlightSections(False)
        small = self.horizontalHeader().font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.horizontalHeader().setFont(small)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(31 * 14 + 40, 12 * 14 + 24)
        self.setCornerButtonEnabled(False)
        if (corner := self.findChild(QAbstractButton)) is not None:
            corner.setAccessibleName("Months and days")  # does nothing: not a control
        self.clicked.connect(self._clicked)

    def model(self) -> YearModel:  # type: ignore[override]
        return super().model()  # type: ignore[return-value]

    def _clicked(self, index: QModelIndex) -> None:
        if (day := self.model().day_at(index)) is not None:
            self.day_chosen.emit(day.day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._clicked(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def moveCursor(self, action, modifiers) -> QModelIndex:  # noqa: N802 (Qt API)
        model, current = self.model(), self.currentIndex()
        day = model.day_at(current)
        if day is None or model.shown is None:
            return super().moveCursor(action, modifiers)
        days = [d.day for d in model.shown.days]
        at = days.index(day.day)
        cursor = QAbstractItemView.CursorAction
        if action == cursor.MoveRight:
            return model.index_of(days[min(at + 1, len(days) - 1)])
        if action == cursor.MoveLeft:
            return model.index_of(days[max(at - 1, 0)])
        if action in (cursor.MoveUp, cursor.MoveDown):
            month = day.day.month + (1 if action == cursor.MoveDown else -1)
            if not 1 <= month <= 12:
                return current
            last = months.monthrange(day.day.year, month)[1]
            return model.index_of(day.day.replace(month=month, day=min(day.day.day, last)))
        if action in (cursor.MoveHome, cursor.MoveEnd):
            return model.index_of(days[0 if action == cursor.MoveHome else -1])
        return super().moveCursor(action, modifiers)


def swatch(colour: QColor | None, outline: QColor, parent: QWidget) -> QLabel:
    """A small square as in the grid: filled with `colour`, or outlined when None."""
    side = parent.fontMetrics().height() - 2
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if colour is None:
        painter.setPen(QPen(outline, 1))
        painter.drawRect(0, 0, side - 1, side - 1)
    else:
        painter.fillRect(0, 0, side, side, colour)
    painter.end()
    label = QLabel(parent)
    label.setPixmap(pixmap)
    return label


class CalendarView(QWidget):
    """A year in pixels on burnout or connection, the streaks, and each day one click (or
    Enter) away from the Journal."""

    title = "Calendar"
    changed = Signal()  # never emitted: the Calendar only reads
    open_days = Signal(object, object)  # first and last day to show in the Journal

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.year = journal.clock().year
        self.measure = "burnout"
        self.shown: calendar.Calendar | None = None

        # In a scroll page: on a short screen (800×500) the year scrolls, never the window.
        self.scroll, _page, outer = scroll_page(self, spacing=8)
        outer.setContentsMargins(20, 16, 20, 8)
        top = FlowBox(self, spacing=10)
        top.addWidget(heading("Calendar"))
        self.previous = self._button("◀", "Previous year", lambda: self.show_year(self.year - 1))
        self.year_label = QLabel(self)
        font = self.year_label.font()
        font.setBold(True)
        self.year_label.setFont(font)
        self.next = self._button("▶", "Next year", lambda: self.show_year(self.year + 1))
        years = QWidget(self)
        row = QHBoxLayout(years)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous, self.year_label, self.next):
            row.addWidget(widget)
        top.addWidget(years)
        self.measures = QButtonGroup(self)
        choice = QWidget(self)
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Colour by:", choice))
        for measure in calendar.MEASURES:
            button = QRadioButton(MEASURE_LABELS[measure], choice)
            button.setAccessibleName(f"Colour by {measure}")
            button.setChecked(measure == self.measure)
            button.toggled.connect(lambda on, m=measure: self.show_measure(m) if on else None)
            self.measures.addButton(button)
            row.addWidget(button)
        top.addWidget(choice)
        outer.addWidget(top)

        self.current_streak = QLabel(self)
        self.longest_streak = QLabel(self)
        for label in (self.current_streak, self.longest_streak):
            label.setWordWrap(True)
            outer.addWidget(label)
        self.model = YearModel(self)
        self.grid = DayGrid(self.model, self)
        self.grid.day_chosen.connect(self.open_day)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        outer.addWidget(self.grid, 1)
        self.day_label = tone_label("", "muted", self)
        self.day_label.setAccessibleName("Chosen day")
        outer.addWidget(self.day_label)
        self.legend_place = QVBoxLayout()
        self.legend_place.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.legend_place)
        self.legend: FlowBox | None = None
        self._legend_for: tuple[bool, str] | None = None
        self.refresh()

    def _button(self, text: str, name: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(slot)
        return button

    # ---- the view contract -----------------------------------------------------------------

    def refresh(self) -> None:
        """The journal or the theme changed: the figures again, from the use case."""
        keep = self.model.day_at(self.grid.currentIndex())
        self.shown = calendar.build(self.journal, self.year, None, self.measure)
        self.model.show(self.shown, scale_colours(self.palette()))
        self.year_label.setText(str(self.year))
        self.year_label.setAccessibleName(f"Year {self.year}")
        today = self.shown.today
        first = self.journal.first_entry_day() or today
        self.previous.setEnabled(self.year > min(first.year, today.year))
        self.next.setEnabled(self.year < today.year)
        current, longest = self.shown.streak_text()
        self.current_streak.setText(current)
        self.longest_streak.setText(longest)
        self._fill_legend()
        if keep is not None and keep.day.year == self.year:
            here = keep.day
        else:
            here = today if today.year == self.year else date(self.year, 1, 1)
        self.grid.setCurrentIndex(self.model.index_of(here))
        self._current_changed(self.grid.currentIndex())

    def _fill_legend(self) -> None:
        """The colours of the chosen measure, best first, and the empty day."""
        wanted = (is_dark(self.palette()), self.measure)
        if self._legend_for == wanted:
            return
        self._legend_for = wanted
        if self.legend is not None:
            self.legend_place.removeWidget(self.legend)
            self.legend.deleteLater()
        self.legend = FlowBox(self, spacing=10, line_spacing=4)
        self.legend.setAccessibleName("Legend")
        self.legend_place.addWidget(self.legend)
        colours, edge = scale_colours(self.palette()), outline_colour(self.palette())
        entries = [(None, "no check-in")] + [
            (colours[band], f"{value} {label}")
            for band, (value, label) in enumerate(calendar.SCALES[self.measure])
        ]
        for colour, text in entries:
            item = QWidget(self.legend)
            row = QHBoxLayout(item)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            row.addWidget(swatch(colour, edge, item))
            row.addWidget(QLabel(text, item))
            self.legend.addWidget(item)

    # ---- choices -----------------------------------------------------------------------------

    def show_year(self, year: int) -> None:
        self.year = year
        self.refresh()

    def show_measure(self, measure: str) -> None:
        self.measure = measure
        self.refresh()

    def _current_changed(self, index: QModelIndex) -> None:
        day = self.model.day_at(index)
        text = self.model.describe(day) if day is not None else ""
        self.day_label.setText(text)
        self.grid.setAccessibleDescription(text)

    def open_day(self, day: date) -> None:
        """Show this day's entries in the Journal."""
        if self.shown is not None and day <= self.shown.today:
            self.open_days.emit(day, day)
