"""A skill's charts with pyqtgraph: self-ratings over time with learning events, and monthly
minutes of practice by source.

Both follow the palette in use (light or dark) and tell the three sources apart by marker shape
as well as colour, so they read for colour-blind users and in a black-and-white screenshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import numpy as np
import pyqtgraph as pg
import PySide6  # noqa: F401  (pyqtgraph picks the Qt binding already imported)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from aijournal.growth.skills import SkillTimeline, Source
from aijournal.ui.charts.date_axis import DayAxis
from aijournal.ui.theme import is_dark

# Lanes under the rating scale where learning events sit, one per source.
LANES = {Source.FROM_PEOPLE: 0.6, Source.WITH_AI: 0.35, Source.BY_AI: 0.1}
SYMBOLS = {Source.WITH_AI: "t", Source.BY_AI: "x", Source.FROM_PEOPLE: "o"}
# (light, dark) colours per source and for the rating line.
_COLOURS = {
    Source.WITH_AI: ("#1f6fb2", "#6cb4ff"),
    Source.BY_AI: ("#b0452e", "#ff8a70"),
    Source.FROM_PEOPLE: ("#2f7d32", "#7fd99a"),
    "rating": ("#222222", "#f0f0f0"),
}
LEGEND = {
    Source.WITH_AI: "Learned with AI",
    Source.BY_AI: "Done by AI",
    Source.FROM_PEOPLE: "From people",
}
SHORT = {Source.WITH_AI: "With AI", Source.BY_AI: "By AI", Source.FROM_PEOPLE: "People"}
DAY = 86400.0


def seconds(day: date) -> float:
    """Unix seconds at local midnight of `day`, for DateAxisItem."""
    return datetime.combine(day, time()).astimezone().timestamp()


def source_colour(source: Source | str, palette: QPalette | None = None) -> QColor:
    palette = palette or QApplication.palette()
    return QColor(_COLOURS[source][is_dark(palette)])


def _plot(title: str, palette: QPalette, parent: QWidget | None) -> pg.PlotWidget:
    axis = DayAxis(orientation="bottom")  # attached before any data is set
    ink = palette.color(QPalette.ColorRole.WindowText)
    widget = pg.PlotWidget(
        parent=parent, axisItems={"bottom": axis}, background=palette.color(QPalette.ColorRole.Base)
    )
    plot = widget.getPlotItem()
    plot.setTitle(title, color=ink.name(), size="10pt")
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.showGrid(x=False, y=True, alpha=0.2)
    for side in ("left", "bottom"):
        ax = plot.getAxis(side)
        ax.setPen(pg.mkPen(ink))
        ax.setTextPen(pg.mkPen(ink))
        ax.setStyle(tickFont=QFont("sans-serif", 9))
    widget.setMinimumHeight(200)
    return widget


def _legend(plot: pg.PlotItem, palette: QPalette, columns: int = 4) -> pg.LegendItem:
    base = QColor(palette.color(QPalette.ColorRole.Base))
    base.setAlpha(220)
    return plot.addLegend(
        offset=(8, 4),
        labelTextColor=palette.color(QPalette.ColorRole.WindowText),
        labelTextSize="9pt",
        brush=pg.mkBrush(base),
        pen=pg.mkPen(palette.color(QPalette.ColorRole.Mid)),
        colCount=columns,
    )


def growth_chart(
    timeline: SkillTimeline,
    today: date,
    parent: QWidget | None = None,
    palette: QPalette | None = None,
) -> pg.PlotWidget:
    """Self-ratings as a step line (held until the next rating, up to today), and the skill's
    learning events as markers in three lanes below the scale, one shape per source.

    The widget carries `ratings` (the rating curve) and `events` (source → scatter) for tests.
    """
    palette = palette or QApplication.palette()
    widget = _plot("Self-rating (1–5) and learning events", palette, parent)
    plot = widget.getPlotItem()
    legend = _legend(plot, palette)
    rating_colour = source_colour("rating", palette)

    days = [p.day for p in timeline.ratings]
    events = {
        source: [s.day for s in timeline.ai_sessions if s.source is source]
        for source in (Source.WITH_AI, Source.BY_AI)
    }
    events[Source.FROM_PEOPLE] = [p.day for p in timeline.people]
    every = days + [d for found in events.values() for d in found]
    start = min(every) if every else today - timedelta(days=90)
    end = max([today, *every])

    widget.ratings = None
    if timeline.ratings:
        x = np.array([seconds(d) for d in days] + [seconds(end)])
        y = np.array([p.rating for p in timeline.ratings], dtype=np.float64)
        # stepMode "center": y[i] holds from x[i] to x[i+1]; the last rating holds until today.
        plot.plot(x, y, stepMode="center", pen=pg.mkPen(rating_colour, width=2.5), antialias=True)
        widget.ratings = plot.plot(
            x[:-1],
            y,
            pen=None,
            symbol="s",
            symbolSize=8,
            symbolPen=pg.mkPen(rating_colour),
            symbolBrush=pg.mkBrush(rating_colour),
            name="Self-rating",
        )
    widget.events = {}
    for source, found in events.items():
        if not found:
            continue
        colour = source_colour(source, palette)
        scatter = pg.ScatterPlotItem(
            x=np.array([seconds(d) + DAY / 2 for d in found]),
            y=np.full(len(found), LANES[source]),
            symbol=SYMBOLS[source],
            size=9,
            pen=pg.mkPen(colour, width=1.5),
            brush=pg.mkBrush(colour if source is not Source.FROM_PEOPLE else None),
            name=LEGEND[source],
        )
        plot.addItem(scatter)
        widget.events[source] = scatter
    legend.setZValue(10)
    left = plot.getAxis("left")
    left.setTicks([[(v, str(v)) for v in range(1, 6)]])
    plot.setYRange(0, 5.9, padding=0)  # room above 5 for the legend
    plot.setXRange(seconds(start) - 3 * DAY, seconds(end) + 3 * DAY, padding=0)
    if not every:
        text = pg.TextItem(
            "No ratings or learning events yet",
            color=palette.color(QPalette.ColorRole.PlaceholderText),
            anchor=(0.5, 0.5),
        )
        text.setPos(seconds(today - timedelta(days=45)), 3)
        plot.addItem(text)
    return widget


def months_chart(
    months: Sequence[dict | object], parent: QWidget | None = None, palette: QPalette | None = None
) -> pg.PlotWidget:
    """Minutes of practice per month as stacked bars: with AI, by AI, from people."""
    palette = palette or QApplication.palette()
    span = ""
    if months:
        first, last = (
            date.fromisoformat(_get(m, "month") + "-01") for m in (months[0], months[-1])
        )
        span = f", {first:%b %Y}" + (f" – {last:%b %Y}" if last != first else "")
    widget = _plot(f"Minutes per month by source{span}", palette, parent)
    plot = widget.getPlotItem()
    legend = _legend(plot, palette, columns=3)
    x = np.array(
        [seconds(date.fromisoformat(_get(m, "month") + "-01")) + 15 * DAY for m in months],
        dtype=np.float64,
    )
    bottom = np.zeros(len(months))
    widget.bars = {}
    for source, column, pattern in (
        (Source.WITH_AI, "with_ai", Qt.BrushStyle.SolidPattern),
        (Source.BY_AI, "by_ai", Qt.BrushStyle.BDiagPattern),
        (Source.FROM_PEOPLE, "from_people", Qt.BrushStyle.Dense4Pattern),
    ):
        height = np.array([_get(m, column) for m in months], dtype=np.float64)
        colour = source_colour(source, palette)
        brush = pg.mkBrush(colour)
        brush.setStyle(pattern)  # shape as well as colour: reads in greyscale too
        bars = pg.BarGraphItem(
            x=x,
            y0=bottom.copy(),
            height=height,
            width=22 * DAY,
            brush=brush,
            pen=pg.mkPen(colour),
            name=SHORT[source],
        )
        plot.addItem(bars)  # named items join the legend by themselves
        widget.bars[source] = height
        bottom = bottom + height
    legend.setZValue(10)
    plot.setLabel("left", "minutes", color=palette.color(QPalette.ColorRole.WindowText).name())
    top = float(bottom.max()) if len(bottom) else 0.0
    plot.setYRange(0, max(top * 1.3, 60), padding=0)
    if len(x):
        plot.setXRange(float(x.min()) - 30 * DAY, float(x.max()) + 20 * DAY, padding=0)
        # Month names rather than DateAxisItem's bare year on a narrow chart; at most 6.
        step = max(1, -(-len(months) // 6))
        shown = range(len(months) - 1, -1, -step)  # the newest month always
        labels = []
        for i in shown:
            day = date.fromisoformat(_get(months[i], "month") + "-01")
            labels.append((float(x[i]), f"{day:%b}" + (f" {day:%Y}" if day.month == 1 else "")))
        plot.getAxis("bottom").setTicks([labels])
    return widget


def _get(month: dict | object, key: str):
    return month[key] if isinstance(month, dict) else getattr(month, key)
