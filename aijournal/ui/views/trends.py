"""Trends: the journal's charts on one shared date axis, over a range the user picks.

The series come from `aijournal.analysis.trends` (computed once per range and kept until the journal
changes); each chart is a `ChartPanel` that builds its curves once and only `setData`s them on
a range switch, so switching stays within the budget on a ten-year journal. Hovering a chart
shows the exact values of the nearest day, week or month; clicking one opens it in the Journal.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QPointF, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from aijournal.analysis import trends
from aijournal.model.presentation import percent, plural
from aijournal.model.presentation import score as shown_score
from aijournal.storage import Journal
from aijournal.ui.charts.summary import (
    Palette,
    date_plot,
    palette_for,
    save_png,
    seconds,
    style_plot,
)
from aijournal.ui.theme import is_dark
from aijournal.ui.widgets.basics import heading, no_tab_stop, report
from aijournal.ui.widgets.cards import Card, card_heading, tone_label
from aijournal.ui.widgets.flow import FlowBox, field
from aijournal.wellbeing.instruments import instrument

DAY = 86400.0
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31}
CUSTOM = "Custom"
CHART_HEIGHT = 230


def period_label(day: date, period: str) -> str:
    """How a hovered day, week or month reads: "Mon 3 Nov 2026", "Week of …", "November 2026"."""
    if period == "month":
        return f"{day:%B %Y}"
    text = f"{day:%a} {day.day} {day:%b %Y}"
    return f"Week of {text}" if period == "week" else text


def period_days(day: date, period: str) -> tuple[date, date]:
    """The first and last day of the day, week or month that starts on `day`."""
    if period == "month":
        following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return day, following - timedelta(days=1)
    return day, day + timedelta(days=PERIOD_DAYS[period] - 1)


def _number(value: float, digits: int = 0) -> str:
    return "–" if np.isnan(value) else f"{value:.{digits}f}"


def _bars(width_days: float, x_offset_days: float = 0.0) -> pg.BarGraphItem:
    item = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=width_days * DAY)
    item.offset = x_offset_days * DAY
    return item


def _set_bars(
    item: pg.BarGraphItem, x: np.ndarray, height: np.ndarray, y0: np.ndarray | float = 0.0
) -> None:
    item.setOpts(
        x=x + getattr(item, "offset", 0.0),
        height=np.nan_to_num(height),
        y0=np.nan_to_num(y0) if isinstance(y0, np.ndarray) else y0,
    )


def _set_points(item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
    """setData for a curve with markers; nothing at all when there is no value to mark."""
    if np.isnan(y).all():
        x, y = x[:0], y[:0]
    item.setData(x, y)


class ChartPanel(Card):
    """One chart with its title, its shortfall message, a hover readout and "Save as PNG…"."""

    day_clicked = Signal(object, object)  # the first and last day of the clicked period
    period = "week"
    y_label = ""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.chart: trends.Chart | None = None
        self.hover_text = ""
        self.palette_: Palette = palette_for(False)
        layout = self.layout()
        top = QHBoxLayout()
        self.heading = card_heading(title, self)
        top.addWidget(self.heading, 1)
        self.save_button = QPushButton("Save as PNG…", self)
        self.save_button.setAccessibleName(f"Save {title} as PNG")
        self.save_button.setToolTip("Save this chart as a PNG image")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        top.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.shortfall = tone_label("", "muted", self)
        self.shortfall.setAccessibleName(f"{title}: not enough data")
        layout.addWidget(self.shortfall)
        self.widget = date_plot(self)
        self.widget.setAccessibleName(f"{title} chart")
        self.widget.setFixedHeight(CHART_HEIGHT)
        self.widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons
        self.plot = self.widget.getPlotItem()
        self.plot.setDownsampling(auto=True, mode="peak")
        self.plot.setClipToView(True)
        self.plot.enableAutoRange(x=False)
        # Equal axis widths on both sides keep the linked dates aligned from chart to chart.
        self.plot.getAxis("left").setWidth(56)
        self.plot.showAxis("right")
        self.plot.getAxis("right").setWidth(56)
        self.plot.getAxis("right").setStyle(showValues=False)
        # Each axis (with its grid lines across the plot) is painted once into a pixmap and only
        # redrawn when its range, size or colours change: replaying the axes was most of a
        # range switch's repaint. The summary PDF renders its own charts, scaled, uncached.
        for side in ("left", "bottom", "right"):
            self.plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if self.y_label:
            self.plot.setLabel("left", self.y_label)
        # The legend sits in one row above the plot (the title's place), never over the data.
        self.legend = pg.LegendItem(colCount=4, labelTextSize="9pt", verSpacing=-4)
        self.plot.layout.removeItem(self.plot.titleLabel)
        self.plot.titleLabel.hide()
        self.plot.layout.addItem(self.legend, 0, 1)
        self.plot.layout.setRowFixedHeight(0, 24)
        layout.addWidget(self.widget)
        self.readout = pg.TextItem("", anchor=(0, 1))
        self.readout.setZValue(20)
        self.plot.addItem(self.readout, ignoreBounds=True)
        self.readout.hide()
        # The week (or month) that is not over yet: shaded and labelled, so its lower totals
        # read as "so far", not as a drop.
        self.partial = pg.LinearRegionItem(movable=False, pen=pg.mkPen(None))
        self.partial.setZValue(-10)
        self.plot.addItem(self.partial, ignoreBounds=True)
        self.partial_label = pg.TextItem("so far", anchor=(0, 0))
        self.plot.addItem(self.partial_label, ignoreBounds=True)
        self.partial.hide()
        self.partial_label.hide()
        self.build()
        self.widget.scene().sigMouseMoved.connect(self.hover_at)
        self.widget.scene().sigMouseClicked.connect(self._clicked)
        self.style_chart(self.palette_)

    # ---- what each chart says -----------------------------------------------------------

    def build(self) -> None:
        """Create the chart's items once (empty); `draw` fills them."""
        raise NotImplementedError

    def draw(self, chart: trends.Chart) -> None:
        """Put a range's series into the items built by `build`."""
        raise NotImplementedError

    def colour(self, palette: Palette) -> None:
        """Set the items' pens and brushes for a palette."""
        raise NotImplementedError

    def has_value(self, index: int) -> bool:
        raise NotImplementedError

    def describe(self, index: int) -> str:
        """The exact values at `index`, without the date."""
        raise NotImplementedError

    def period_of(self, chart: trends.Chart) -> str:
        return self.period

    # ---- shared behaviour ---------------------------------------------------------------

    def show_chart(self, chart: trends.Chart) -> None:
        self.chart = chart
        wanting = chart.shortfall
        self.shortfall.setText(wanting or "")
        self.shortfall.setVisible(wanting is not None)
        self.widget.setVisible(wanting is None)
        self.readout.hide()
        self.hover_text = ""
        self.draw(chart)
        self.show_partial(chart)

    def show_partial(self, chart: trends.Chart) -> None:
        """Shade the period that is not over yet (see `Chart.partial_from`)."""
        start = chart.partial_from
        self.partial.setVisible(start is not None)
        self.partial_label.setVisible(start is not None)
        if start is None:
            return
        span = PERIOD_DAYS[self.period_of(chart)] * DAY
        self.partial.setRegion((start - span / 2, start + span / 2))
        (_, _), (_, high) = self.plot.vb.viewRange()
        self.partial_label.setPos(start - span / 2, high)

    def is_partial(self, index: int) -> bool:
        chart = self.chart
        return (
            chart is not None
            and chart.partial_from is not None
            and (float(chart.x[index]) >= chart.partial_from)
        )

    @property
    def showing_plot(self) -> bool:
        return not self.widget.isHidden()

    def style_chart(self, palette: Palette) -> None:
        self.palette_ = palette
        style_plot(self.widget, palette, y_label=self.y_label)
        self.legend.setLabelTextColor(palette.ink)
        self.legend.setBrush(pg.mkBrush(None))
        self.legend.setPen(pg.mkPen(None))
        self.readout.fill = pg.mkBrush(palette.legend)
        self.readout.border = pg.mkPen(palette.grey)
        self.readout.setColor(palette.ink)
        self.partial.setBrush(pg.mkBrush(palette.band))
        self.partial_label.setColor(palette.grey)
        self.colour(palette)
        for _sample, label in self.legend.items:  # labels keep the colour they were made with
            label.setText(label.text, color=palette.ink)

    def index_at(self, x: float) -> int | None:
        """The index of the data point nearest `x` (seconds) within half a period, if any."""
        chart = self.chart
        if chart is None or not len(chart.x):
            return None
        reach = PERIOD_DAYS[self.period_of(chart)] * DAY / 2 + DAY / 2
        near = np.flatnonzero(np.abs(chart.x - x) <= reach)
        near = [int(i) for i in near if self.has_value(int(i))]
        if not near:
            return None
        return min(near, key=lambda i: abs(chart.x[i] - x))

    def text_at(self, index: int) -> str:
        chart = self.chart
        assert chart is not None
        day = chart.days[index].astype(date)
        so_far = " (so far)" if self.is_partial(index) else ""
        return f"{period_label(day, self.period_of(chart))}{so_far}\n{self.describe(index)}"

    def hover_at(self, scene_pos: QPointF) -> str:
        """Show the readout for the point under `scene_pos` (scene coordinates); its text."""
        box = self.plot.vb
        if self.chart is None or not box.sceneBoundingRect().contains(scene_pos):
            self.readout.hide()
            self.hover_text = ""
            return ""
        where = box.mapSceneToView(scene_pos)
        index = self.index_at(where.x())
        if index is None:
            self.readout.hide()
            self.hover_text = ""
            return ""
        self.hover_text = self.text_at(index)
        self.readout.setText(self.hover_text)
        (left, right), _ = box.viewRange()
        x = float(self.chart.x[index])
        self.readout.setAnchor((1, 1) if x > (left + right) / 2 else (0, 1))
        self.readout.setPos(x, where.y())
        self.readout.show()
        return self.hover_text

    def scene_pos_of(self, index: int, y: float | None = None) -> QPointF:
        """Where the data point at `index` sits in the scene (for tests and keyboard)."""
        assert self.chart is not None
        (_, _), (low, high) = self.plot.vb.viewRange()
        return self.plot.vb.mapViewToScene(
            QPointF(float(self.chart.x[index]), (low + high) / 2 if y is None else y)
        )

    def click_at(self, scene_pos: QPointF) -> tuple[date, date] | None:
        """Open the period under `scene_pos` in the Journal; the days it covers."""
        if self.chart is None or not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        index = self.index_at(self.plot.vb.mapSceneToView(scene_pos).x())
        if index is None:
            return None
        first, last = period_days(self.chart.days[index].astype(date), self.period_of(self.chart))
        self.day_clicked.emit(first, last)
        return first, last

    def _clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.click_at(event.scenePos())

    def save(self) -> None:
        name = self.title.lower().replace(" ", "-").replace("/", "-") + ".png"
        path, _ = QFileDialog.getSaveFileName(
            self, f"Save {self.title} as PNG", str(Path.home() / name), "PNG images (*.png)"
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        self.readout.hide()
        if not save_png(self.widget, path):
            report(self, "Save as PNG", f"Could not write {path}.")


class ModesPanel(ChartPanel):
    """(1) Augmentation vs automation share per week, as stacked bars."""

    y_label = "% of AI uses"

    def build(self) -> None:
        self.augmentation = _bars(5.5)
        self.automation = _bars(5.5)
        for item, name in ((self.augmentation, "Augmentation"), (self.automation, "Automation")):
            self.plot.addItem(item)
            self.legend.addItem(item, name)
        self.plot.setYRange(0, 100, padding=0.02)

    def draw(self, chart: trends.ModeShare) -> None:
        share = chart.augmentation * 100
        _set_bars(self.augmentation, chart.x, share)
        _set_bars(self.automation, chart.x, chart.automation * 100, y0=share)

    def colour(self, palette: Palette) -> None:
        for item, tone in (
            (self.augmentation, palette.series[0]),
            (self.automation, palette.series[1]),
        ):
            item.setOpts(brush=pg.mkBrush(tone), pen=pg.mkPen(palette.background, width=0.5))

    def has_value(self, index: int) -> bool:
        return bool(self.chart.uses[index] > 0)

    def describe(self, index: int) -> str:
        chart = self.chart
        counts = chart.pattern_counts[:, index]
        patterns = ", ".join(
            f"{label} {int(n)}" for label, n in zip(chart.pattern_labels, counts) if n
        )
        uses = int(chart.uses[index])
        return (
            f"Augmentation {percent(chart.augmentation[index])} · automation "
            f"{percent(chart.automation[index])} of {plural(uses, 'AI use')}\n{patterns}"
        )


class MoodsPanel(ChartPanel):
    """(2) Burnout and connection: daily points, the 7-day mean, the burnout cut-off."""

    period = "day"
    y_label = "1–5"

    def build(self) -> None:
        self.burnout = pg.PlotDataItem(pen=None, symbol="o", symbolSize=5)
        self.connection = pg.PlotDataItem(pen=None, symbol="s", symbolSize=5)
        self.burnout_mean = pg.PlotDataItem(connect="finite")
        self.connection_mean = pg.PlotDataItem(connect="finite")
        self.cutoff = pg.InfiniteLine(
            pos=3,
            angle=0,
            label="burnout cut-off 3",
            labelOpts={"position": 0.98, "anchors": [(1, 1), (1, 1)]},
        )
        self.plot.addItem(self.cutoff)
        for item, name in (
            (self.burnout, "Burnout"),
            (self.connection, "Connection"),
            (self.burnout_mean, "Burnout, 7-day mean"),
            (self.connection_mean, "Connection, 7-day mean"),
        ):
            self.plot.addItem(item)
            self.legend.addItem(item, name)
        self.legend.setColumnCount(2)
        self.plot.setYRange(0.8, 5.2, padding=0)

    def period_of(self, chart: trends.Moods) -> str:
        return "week" if chart.weekly else "day"

    def draw(self, chart: trends.Moods) -> None:
        _set_points(self.burnout, chart.x, chart.burnout)
        _set_points(self.connection, chart.x, chart.connection)
        self.burnout_mean.setData(chart.x, chart.burnout_mean)
        self.connection_mean.setData(chart.x, chart.connection_mean)
        size = 4 if len(chart.x) > 120 else 6
        self.burnout.setSymbolSize(size)
        self.connection.setSymbolSize(size)

    def colour(self, palette: Palette) -> None:
        burnout, connection = palette.series[1], palette.series[0]
        for item, tone in ((self.burnout, burnout), (self.connection, connection)):
            item.setSymbolPen(pg.mkPen(tone))
            item.setSymbolBrush(pg.mkBrush(tone.red(), tone.green(), tone.blue(), 110))
        self.burnout_mean.setPen(pg.mkPen(burnout, width=2.5))
        self.connection_mean.setPen(pg.mkPen(connection, width=2.5, style=Qt.PenStyle.DashLine))
        self.cutoff.setPen(pg.mkPen(palette.grey, width=1, style=Qt.PenStyle.DashLine))
        self.cutoff.label.setColor(palette.grey)

    def has_value(self, index: int) -> bool:
        return not np.isnan(self.chart.burnout[index])

    def describe(self, index: int) -> str:
        chart = self.chart
        digits = 1 if chart.weekly else 0
        means = "weekly means: " if chart.weekly else ""
        return (
            f"{means}burnout {_number(chart.burnout[index], digits)}, connection "
            f"{_number(chart.connection[index], digits)}\n7-day mean: burnout "
            f"{_number(chart.burnout_mean[index], 1)}, connection "
            f"{_number(chart.connection_mean[index], 1)}"
        )


class TimePanel(ChartPanel):
    """(3) AI minutes (left axis) against touchpoints with people (right axis) per week."""

    y_label = "AI minutes per week"

    def build(self) -> None:
        self.minutes = pg.PlotDataItem(connect="finite", symbol="o", symbolSize=4)
        self.plot.addItem(self.minutes)
        self.people = pg.ViewBox()
        self.people.setMouseEnabled(x=False, y=False)
        self.plot.scene().addItem(self.people)
        right = self.plot.getAxis("right")
        right.setStyle(showValues=True)
        right.linkToView(self.people)
        self.plot.setLabel("right", "touchpoints per week")
        self.people.setXLink(self.plot)
        self.touchpoints = pg.PlotDataItem(connect="finite", symbol="s", symbolSize=4)
        self.people.addItem(self.touchpoints)
        self.legend.addItem(self.minutes, "AI minutes (left axis)")
        self.legend.addItem(self.touchpoints, "Touchpoints (right axis)")
        self.plot.vb.sigResized.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        self.people.setGeometry(self.plot.vb.sceneBoundingRect())
        self.people.linkedViewChanged(self.plot.vb, self.people.XAxis)

    def draw(self, chart: trends.TimeWithPeople) -> None:
        self.minutes.setData(chart.x, chart.ai_minutes)
        self.touchpoints.setData(chart.x, chart.touchpoints)
        top = float(np.nanmax(chart.ai_minutes, initial=0))
        self.plot.setYRange(0, max(60.0, top), padding=0.05)
        self.people.setYRange(
            0, max(1.0, float(np.nanmax(chart.touchpoints, initial=0))), padding=0.05
        )

    def colour(self, palette: Palette) -> None:
        self.minutes.setPen(pg.mkPen(palette.series[0], width=2))
        self.minutes.setSymbolPen(pg.mkPen(palette.series[0]))
        self.minutes.setSymbolBrush(pg.mkBrush(palette.series[0]))
        self.touchpoints.setPen(pg.mkPen(palette.series[2], width=2, style=Qt.PenStyle.DashLine))
        self.touchpoints.setSymbolPen(pg.mkPen(palette.series[2]))
        self.touchpoints.setSymbolBrush(pg.mkBrush(palette.series[2]))
        self.plot.setLabel("right", "touchpoints per week", color=palette.ink.name())

    def has_value(self, index: int) -> bool:
        return bool(self.chart.ai_minutes[index] or self.chart.touchpoints[index])

    def describe(self, index: int) -> str:
        chart = self.chart
        count = int(chart.touchpoints[index])
        return (
            f"AI {chart.ai_minutes[index]:.0f} min · {plural(count, 'touchpoint')} "
            f"({chart.touchpoint_minutes[index]:.0f} min with people)"
        )


class ReplacedPanel(ChartPanel):
    """(4) AI uses that stood in for a person, per week."""

    y_label = "uses per week"

    def build(self) -> None:
        self.bars = _bars(5.5)
        self.plot.addItem(self.bars)
        self.legend.addItem(self.bars, "Replaced a person")

    def draw(self, chart: trends.Replaced) -> None:
        _set_bars(self.bars, chart.x, chart.uses)
        self.plot.setYRange(0, max(3.0, float(np.nanmax(chart.uses, initial=0))), padding=0.05)

    def colour(self, palette: Palette) -> None:
        self.bars.setOpts(brush=pg.mkBrush(palette.series[1]), pen=pg.mkPen(None))

    def has_value(self, index: int) -> bool:
        return bool(self.chart.uses[index] > 0)

    def describe(self, index: int) -> str:
        uses = int(self.chart.uses[index])
        return f"{plural(uses, 'AI use')} replaced a person"


class InstrumentPanel(ChartPanel):
    """(5) One questionnaire's scores by day, with its threshold bands shaded."""

    period = "day"

    def __init__(self, instrument_id: str, parent: QWidget | None = None):
        self.spec = instrument(instrument_id)
        self.y_label = f"score {self.spec.score_range[0]}–{self.spec.score_range[1]}"
        super().__init__(f"{self.spec.name}", parent)

    def build(self) -> None:
        low, high = self.spec.score_range
        self.regions, self.lines = [], []
        for band in self.spec.bands:
            if band.min is None and band.max is None or band.min == high:
                continue  # the catch-all band, or one only the top score reaches
            edge = band.max if band.max is not None else band.min
            region = pg.LinearRegionItem(
                values=(low, band.max) if band.max is not None else (band.min, high),
                orientation="horizontal",
                movable=False,
            )
            region.setZValue(-10)
            sign = "≤" if band.max is not None else "≥"
            line = pg.InfiniteLine(
                pos=edge,
                angle=0,
                label=f"{band.label} {sign} {edge:g}",
                labelOpts={"position": 0.02, "anchors": [(0, 1), (0, 1)]},
            )
            self.plot.addItem(region)
            self.plot.addItem(line)
            self.regions.append(region)
            self.lines.append(line)
        self.scores = pg.PlotDataItem(connect="finite", symbol="o", symbolSize=7)
        self.plot.addItem(self.scores)
        self.legend.addItem(self.scores, self.spec.short_name)
        self.plot.setYRange(low, high, padding=0.05)

    def draw(self, chart: trends.InstrumentScores) -> None:
        _set_points(self.scores, chart.x, chart.scores)

    def colour(self, palette: Palette) -> None:
        for region in self.regions:
            region.setBrush(pg.mkBrush(palette.band))
            for edge in region.lines:
                edge.setPen(pg.mkPen(None))
        for line in self.lines:
            line.setPen(pg.mkPen(palette.grey, width=1, style=Qt.PenStyle.DashLine))
            line.label.setColor(palette.grey)
        self.scores.setPen(pg.mkPen(palette.series[3], width=2))
        self.scores.setSymbolPen(pg.mkPen(palette.series[3]))
        self.scores.setSymbolBrush(pg.mkBrush(palette.background))

    def has_value(self, index: int) -> bool:
        return not np.isnan(self.chart.scores[index])

    def describe(self, index: int) -> str:
        score = float(self.chart.scores[index])
        band = next((b for b in self.spec.bands if b.contains(score)), None)
        return f"{self.spec.short_name} {shown_score(score)}" + (f" ({band.label})" if band else "")


class AlignmentPanel(ChartPanel):
    """(6) Share of AI minutes linked to a goal, per week."""

    y_label = "% of AI minutes"

    def build(self) -> None:
        self.share = pg.PlotDataItem(connect="finite", symbol="o", symbolSize=4)
        self.plot.addItem(self.share)
        self.legend.addItem(self.share, "On a goal")
        self.plot.setYRange(0, 100, padding=0.02)

    def draw(self, chart: trends.GoalAlignment) -> None:
        _set_points(self.share, chart.x, chart.share * 100)

    def colour(self, palette: Palette) -> None:
        self.share.setPen(pg.mkPen(palette.series[2], width=2))
        self.share.setSymbolPen(pg.mkPen(palette.series[2]))
        self.share.setSymbolBrush(pg.mkBrush(palette.series[2]))

    def has_value(self, index: int) -> bool:
        return not np.isnan(self.chart.share[index])

    def describe(self, index: int) -> str:
        chart = self.chart
        return (
            f"{percent(chart.share[index])} of AI minutes on a goal "
            f"({chart.goal_minutes[index]:.0f} of {chart.ai_minutes[index]:.0f} min)"
        )


class LearningPanel(ChartPanel):
    """(7) Skills learned with AI and with people, per month, side by side."""

    period = "month"
    y_label = "learning events"

    def build(self) -> None:
        self.with_ai = _bars(11, -6)
        self.with_people = _bars(11, 6)
        for item, name in ((self.with_ai, "With AI"), (self.with_people, "With people")):
            self.plot.addItem(item)
            self.legend.addItem(item, name)

    def draw(self, chart: trends.Learning) -> None:
        _set_bars(self.with_ai, chart.x + 15 * DAY, chart.with_ai)
        _set_bars(self.with_people, chart.x + 15 * DAY, chart.with_people)
        top = float(np.nanmax(chart.with_ai + chart.with_people, initial=0))
        self.plot.setYRange(0, max(2.0, top), padding=0.05)

    def index_at(self, x: float) -> int | None:
        return super().index_at(x - 15 * DAY)  # the bars stand mid-month

    def colour(self, palette: Palette) -> None:
        self.with_ai.setOpts(brush=pg.mkBrush(palette.series[0]), pen=pg.mkPen(None))
        self.with_people.setOpts(brush=pg.mkBrush(palette.series[2]), pen=pg.mkPen(None))

    def has_value(self, index: int) -> bool:
        return bool(self.chart.with_ai[index] + self.chart.with_people[index])

    def describe(self, index: int) -> str:
        chart = self.chart
        return (
            f"{int(chart.with_ai[index])} learned with AI · "
            f"{int(chart.with_people[index])} with people"
        )


class FactorPanel(ChartPanel):
    """(8) One of the user's own factors: a yes/no one as the share of "yes" days per week,
    a 1–5 one as its answers and their 7-day mean (weekly means over long ranges)."""

    def __init__(self, factor, parent: QWidget | None = None):
        self.factor = factor
        self.y_label = "% of days yes" if factor.yes_no else "1–5"
        title = factor.name + (" (archived)" if factor.archived else "")
        super().__init__(title, parent)

    def build(self) -> None:
        if self.factor.yes_no:
            self.values = _bars(5.5)
            self.plot.addItem(self.values)
            self.legend.addItem(self.values, "Share of answered days: yes")
            self.plot.setYRange(0, 100, padding=0.02)
            return
        self.values = pg.PlotDataItem(pen=None, symbol="o", symbolSize=5)
        self.mean = pg.PlotDataItem(connect="finite")
        for item, name in ((self.values, "Answers"), (self.mean, "7-day mean")):
            self.plot.addItem(item)
            self.legend.addItem(item, name)
        self.plot.setYRange(0.8, 5.2, padding=0)

    def period_of(self, chart: trends.FactorChart) -> str:
        return "week" if chart.weekly else "day"

    def draw(self, chart: trends.FactorChart) -> None:
        if self.factor.yes_no:
            _set_bars(self.values, chart.x, chart.values * 100)
            return
        _set_points(self.values, chart.x, chart.values)
        self.mean.setData(chart.x, chart.means)
        self.values.setSymbolSize(4 if len(chart.x) > 120 else 6)

    def colour(self, palette: Palette) -> None:
        tone = palette.series[2]
        if self.factor.yes_no:
            self.values.setOpts(brush=pg.mkBrush(tone), pen=pg.mkPen(None))
            return
        self.values.setSymbolPen(pg.mkPen(tone))
        self.values.setSymbolBrush(pg.mkBrush(tone.red(), tone.green(), tone.blue(), 110))
        self.mean.setPen(pg.mkPen(tone, width=2.5))

    def has_value(self, index: int) -> bool:
        return bool(self.chart.answered[index] > 0)

    def describe(self, index: int) -> str:
        chart = self.chart
        answered = int(chart.answered[index])
        if self.factor.yes_no:
            yes = int(round(chart.values[index] * answered))
            share = percent(chart.values[index])
            return f"yes on {yes} of {plural(answered, 'day')} answered ({share})"
        answer = (
            f"weekly mean {_number(chart.values[index], 1)} ({plural(answered, 'day')})"
            if chart.weekly
            else f"answer {_number(chart.values[index])}"
        )
        return f"{answer}\n7-day mean {_number(chart.means[index], 1)}"


class TrendsView(QWidget):
    """The Trends charts over 4 weeks, 3 months, 1 year, all time or a custom range."""

    title = "Trends"
    changed = Signal()  # never emitted: Trends only reads
    open_days = Signal(object, object)  # first and last day to show in the Journal

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self._cache: dict[tuple[date | None, date | None], trends.TrendData] = {}
        self.data: trends.TrendData | None = None
        self.range_label = "3 months"
        self._dark: bool | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 8)
        outer.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(heading("Trends"))
        top.addStretch(1)
        outer.addLayout(top)

        picker = FlowBox(self, spacing=6)  # wraps on a narrow window
        caption = QLabel("Range:", self)
        picker.addWidget(caption)
        self.range_buttons = QButtonGroup(self)
        self.range_buttons.setExclusive(True)
        labels = [choice.label for choice in trends.ranges(journal.clock().date())]
        for label in [*labels, CUSTOM]:
            button = QPushButton(label.capitalize() if label == "all" else label, self)
            button.setAccessibleName(f"Range {label}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.clicked.connect(self._range_clicked(label))
            self.range_buttons.addButton(button)
            picker.addWidget(button)
        today = journal.clock().date()
        self.from_date = self._date_edit("From", today - timedelta(days=90))
        self.to_date = self._date_edit("To", today)
        for label, edit in (("From", self.from_date), ("To", self.to_date)):
            picker.addWidget(field(label, edit, self))
        outer.addWidget(picker)
        self.hint = tone_label(
            "Hover a chart for exact values; click a point to open that "
            "day or week in the Journal.",
            "muted",
            self,
            small=True,
        )
        outer.addWidget(self.hint)
        self._custom_timer = QTimer(self, singleShot=True, interval=250)
        self._custom_timer.timeout.connect(lambda: self.set_range(CUSTOM))
        # The other standard ranges are computed ahead, one per turn of an idle event loop, so
        # that a switch only has to draw (all time takes about 0.1 s to compute).
        self._ahead = QTimer(self, singleShot=True, interval=0)
        self._ahead.timeout.connect(self._compute_ahead)

        self.scroll = QScrollArea(self)

        no_tab_stop(self.scroll)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(self.scroll)
        self.scroll.setWidget(page)
        charts = QVBoxLayout(page)
        charts.setContentsMargins(0, 0, 8, 8)
        charts.setSpacing(12)
        self.panels: list[ChartPanel] = [
            ModesPanel("Augmentation vs automation", page),
            MoodsPanel("Burnout and connection", page),
            TimePanel("AI minutes vs touchpoints with people", page),
            ReplacedPanel("AI uses that replaced a person", page),
            *(InstrumentPanel(one, page) for one in trends.TREND_INSTRUMENTS),
            AlignmentPanel("AI time spent on your goals", page),
            LearningPanel("Skills learned with AI and with people", page),
        ]
        self._page, self._charts = page, charts
        self.factor_panels: list[FactorPanel] = []
        for panel in self.panels:
            self._place(panel)
        charts.addStretch(1)
        outer.addWidget(self.scroll, 1)
        self.refresh()

    def _place(self, panel: ChartPanel) -> None:
        self._charts.addWidget(panel)
        panel.day_clicked.connect(self.open_days)
        lead = self.panels[0].plot
        if panel.plot is not lead:
            panel.plot.setXLink(lead)

    def _follow_factors(self, charts: tuple[trends.FactorChart, ...]) -> None:
        """One panel per factor, made again when the factors change (added, renamed, …)."""
        wanted = [(c.factor.id, c.title, c.factor.kind) for c in charts]
        if wanted == [(p.factor.id, p.title, p.factor.kind) for p in self.factor_panels]:
            return
        for panel in self.factor_panels:
            self.panels.remove(panel)
            panel.hide()
            panel.deleteLater()
        self.factor_panels = []
        for chart in charts:
            panel = FactorPanel(chart.factor, self._page)
            panel.style_chart(palette_for(bool(self._dark)))
            self.factor_panels.append(panel)
            self.panels.append(panel)
            self._charts.insertWidget(self._charts.count() - 1, panel)  # before the stretch
            panel.day_clicked.connect(self.open_days)
            panel.plot.setXLink(self.panels[0].plot)

    def _date_edit(self, label: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(f"{label} date")
        edit.dateChanged.connect(lambda: self._custom_timer.start())
        return edit

    # ---- the view contract -----------------------------------------------------------------

    def refresh(self) -> None:
        """The journal or the theme changed: recompute the current range, recolour if needed."""
        self._cache.clear()
        dark = is_dark(QApplication.palette())
        if dark != self._dark:
            self._dark = dark
            for panel in self.panels:
                panel.style_chart(palette_for(dark))
        self.set_range(self.range_label)
        self._ahead.start()

    # ---- ranges ------------------------------------------------------------------------------

    def bounds(self, label: str) -> tuple[date | None, date]:
        if label == CUSTOM:
            first, last = self.from_date.date().toPython(), self.to_date.date().toPython()
            return min(first, last), max(first, last)
        today = self.journal.clock().date()
        choice = next(c for c in trends.ranges(today) if c.label == label)
        return choice.start, choice.end

    def _compute_ahead(self) -> None:
        """Compute the next standard range not in the cache yet; come back for the one after."""
        for choice in trends.ranges(self.journal.clock().date()):
            key = (choice.start, choice.end)
            if key in self._cache:
                continue
            try:
                self._cache[key] = trends.series(self.journal, *key)
            except Exception:  # e.g. the journal closed meanwhile: the switch computes it, if ever
                return
            self._ahead.start()
            return

    def _range_clicked(self, label: str):
        return lambda: self.set_range(label)

    def set_range(self, label: str) -> None:
        """Show the charts for a range ("4 weeks", "3 months", "1 year", "all", "Custom")."""
        self.range_label = label
        for button in self.range_buttons.buttons():
            chosen = button.accessibleName() == f"Range {label}"
            button.setChecked(chosen)
            font = button.font()
            font.setBold(chosen)  # a checked button alone hardly shows in Fusion
            button.setFont(font)
        start, end = self.bounds(label)
        data = self._cache.get((start, end))
        if data is None:
            data = self._cache[(start, end)] = trends.series(self.journal, start, end)
        self.data = data
        self._follow_factors(data.factors)
        for panel, chart in zip(self.panels, data.charts, strict=True):
            panel.show_chart(chart)
        self._set_x_range(start, end, data)
        if label != CUSTOM:
            self._show_dates(start or self.journal.first_entry_day() or end, end)

    def _show_dates(self, first: date, last: date) -> None:
        """From and To say the range shown (a preset's, or all time's first day of data)."""
        for edit, day in ((self.from_date, first), (self.to_date, last)):
            edit.blockSignals(True)  # not a custom range: the user did not type it
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _set_x_range(self, start: date | None, end: date, data: trends.TrendData) -> None:
        if start is None:
            found = [float(c.x.min()) for c in data.charts if len(c.x)]
            low = min(found) if found else seconds([end])[0] - 28 * DAY
        else:
            low = seconds([start])[0]
        high = seconds([end])[0] + DAY
        self.panels[0].plot.setXRange(low - 3.5 * DAY, high + 3.5 * DAY, padding=0)

    def panel(self, title: str) -> ChartPanel:
        return next(p for p in self.panels if p.title == title)
