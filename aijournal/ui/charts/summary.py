"""Weekly line charts with pyqtgraph that read in black and white: line styles and markers.

One function per chart of a summary (burnout and connection, augmentation share, AI minutes
against touchpoints, replaced-person uses, questionnaire scores), each taking plain series so
the Trends view, the coach view's small multiples and the summary PDF draw the same chart.
`to_image` renders any chart to a QImage (offscreen, no window shown) for the PDF.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import numpy as np
import pyqtgraph as pg
import PySide6  # noqa: F401  (pyqtgraph picks the Qt binding already imported)
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from aijournal.ui.charts.date_axis import DayAxis

INK = QColor("#111111")
GREY = QColor("#666666")
# Each series differs in line style *and* marker, so charts survive a black-and-white printer.
STYLES = (
    (Qt.PenStyle.SolidLine, "o", QColor("#1f4e9e")),
    (Qt.PenStyle.DashLine, "s", QColor("#b03a2e")),
    (Qt.PenStyle.DotLine, "t", QColor("#2f7d32")),
    (Qt.PenStyle.DashDotLine, "d", QColor("#6a3d9a")),
)


@dataclass(frozen=True)
class Palette:
    """Chart colours for one look: the PDF and the light theme use LIGHT, the dark theme DARK."""

    background: QColor
    ink: QColor  # titles, axes, tick labels
    grey: QColor  # threshold lines, legend frame
    series: tuple[QColor, ...]  # one per series, in STYLES order
    band: QColor  # threshold band shading (with alpha)
    legend: QColor  # legend background (with alpha)


LIGHT = Palette(
    QColor("white"),
    INK,
    GREY,
    tuple(s[2] for s in STYLES),
    QColor(176, 58, 46, 28),
    QColor(255, 255, 255, 220),
)
# Lighter, less saturated hues: the light theme's colours turn muddy on a dark background.
DARK = Palette(
    QColor("#1e1f22"),
    QColor("#e6e6e6"),
    QColor("#9aa0a6"),
    (QColor("#7ab4ff"), QColor("#ff8a80"), QColor("#81c995"), QColor("#c58af9")),
    QColor(255, 138, 128, 34),
    QColor(30, 31, 34, 220),
)


def palette_for(dark: bool) -> Palette:
    return DARK if dark else LIGHT


def date_plot(parent: QWidget | None = None) -> pg.PlotWidget:
    """An empty chart on a date axis (attached before any data is set), mouse zoom off."""
    axis = DayAxis(orientation="bottom")
    widget = pg.PlotWidget(parent=parent, axisItems={"bottom": axis})
    plot = widget.getPlotItem()
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    return widget


def style_plot(widget: pg.PlotWidget, palette: Palette, title: str = "", y_label: str = "") -> None:
    """Background, axes, grid and title in `palette`'s colours (call again on a theme change)."""
    widget.setBackground(palette.background)
    plot = widget.getPlotItem()
    if title:
        plot.setTitle(title, color=palette.ink.name(), size="10pt")
    plot.showGrid(x=False, y=True, alpha=0.25)
    for side in ("left", "bottom", "right"):
        ax = plot.getAxis(side)
        ax.setPen(pg.mkPen(palette.ink))
        ax.setTextPen(pg.mkPen(palette.ink))
        ax.setStyle(tickFont=QFont("sans-serif", 9))
    if y_label:
        plot.setLabel("left", y_label, color=palette.ink.name())


def save_png(widget: pg.PlotWidget, path: str) -> bool:
    """Write the chart as it looks on screen, at the screen's pixel ratio, to a PNG file."""
    return widget.grab().save(path, "PNG")


@dataclass(frozen=True)
class Series:
    name: str
    values: np.ndarray  # NaN = nothing that week (a gap in the line)


def seconds(days: Sequence[str | date]) -> np.ndarray:
    """Unix seconds at local midnight of each day, for pyqtgraph's DateAxisItem."""
    out = []
    for day in days:
        day = date.fromisoformat(day) if isinstance(day, str) else day
        out.append(datetime.combine(day, time()).astimezone().timestamp())
    return np.array(out, dtype=np.float64)


def values(rows: Sequence[Mapping[str, Any]], key: str, scale: float = 1.0) -> np.ndarray:
    return np.array(
        [np.nan if row[key] is None else row[key] * scale for row in rows], dtype=np.float64
    )


def line_chart(
    title: str,
    x: np.ndarray,
    series: Sequence[Series],
    *,
    y_range: tuple[float, float] | None = None,
    y_label: str = "",
    bands: Sequence[tuple[float, str]] = (),
    parent: QWidget | None = None,
) -> pg.PlotWidget:
    """A chart of weekly series over a date axis; `bands` are dashed threshold lines."""
    widget = date_plot(parent)
    style_plot(widget, LIGHT, title, y_label)
    plot = widget.getPlotItem()
    legend = plot.addLegend(
        offset=(8, 4),
        labelTextColor=INK,
        labelTextSize="10pt",
        brush=pg.mkBrush(255, 255, 255, 220),
        pen=pg.mkPen(GREY),
    )
    for value, label in bands:
        line = pg.InfiniteLine(
            pos=value,
            angle=0,
            pen=pg.mkPen(GREY, width=1, style=Qt.PenStyle.DashLine),
            label=label,
            labelOpts={"color": GREY, "position": 0.98, "anchors": [(1, 1), (1, 1)]},
        )
        plot.addItem(line)
    for (style, symbol, colour), one in zip(STYLES, series):
        plot.plot(
            x,
            one.values,
            name=one.name,
            connect="finite",
            antialias=True,
            pen=pg.mkPen(colour, width=2, style=style),
            symbol=symbol,
            symbolSize=7,
            symbolPen=pg.mkPen(colour),
            symbolBrush=pg.mkBrush("w"),
        )
    if y_range:
        plot.setYRange(*y_range, padding=0.05)
    if len(x):
        plot.setXRange(float(x.min()) - 3 * 86400, float(x.max()) + 3 * 86400, padding=0)
    plot.setMouseEnabled(x=False, y=False)
    legend.setZValue(10)
    return widget


# ---- the summary's charts ---------------------------------------------------------------------


def moods_chart(checkins: Mapping[str, Any], parent: QWidget | None = None) -> pg.PlotWidget:
    weeks = checkins["weeks"]
    return line_chart(
        "Burnout and connection (weekly means, 1–5)",
        seconds([w["week"] for w in weeks]),
        [
            Series("Burnout", values(weeks, "burnout_mean")),
            Series("Connection", values(weeks, "connection_mean")),
        ],
        y_range=(1, 5),
        bands=[(3, "burnout cut-off 3")],
        parent=parent,
    )


def modes_chart(ai_use: Mapping[str, Any], parent: QWidget | None = None) -> pg.PlotWidget:
    weeks = ai_use["weeks"]
    share = values(weeks, "augmentation_share", 100)
    return line_chart(
        "Augmentation vs automation (% of AI uses per week)",
        seconds([w["week"] for w in weeks]),
        [Series("Augmentation", share), Series("Automation", 100 - share)],
        y_range=(0, 100),
        parent=parent,
    )


def time_chart(section: Mapping[str, Any], parent: QWidget | None = None) -> pg.PlotWidget:
    weeks = section["weeks"]
    return line_chart(
        "AI minutes vs minutes with people (per week)",
        seconds([w["week"] for w in weeks]),
        [
            Series("AI minutes", values(weeks, "ai_minutes")),
            Series("Minutes with people", values(weeks, "touchpoint_minutes")),
        ],
        parent=parent,
    )


def replaced_chart(section: Mapping[str, Any], parent: QWidget | None = None) -> pg.PlotWidget:
    weeks = section["weeks"]
    return line_chart(
        "AI uses that replaced a person (per week)",
        seconds([w["week"] for w in weeks]),
        [Series("Replaced a person", values(weeks, "uses"))],
        parent=parent,
    )


def instruments_chart(
    section: Mapping[str, Any], parent: QWidget | None = None
) -> pg.PlotWidget | None:
    """WHO-5 and CBI on their shared 0–100 scale (UCLA-3 has its own scale: the table)."""
    series, xs = [], []
    for instrument_id in ("who5", "cbi"):
        scores = section[instrument_id]["scores"]
        if scores:
            xs.append(seconds([s["day"] for s in scores]))
            series.append(
                (
                    section[instrument_id]["short_name"],
                    xs[-1],
                    np.array([s["score"] for s in scores], dtype=np.float64),
                )
            )
    if not series:
        return None
    widget = line_chart(
        "Questionnaire scores (0–100)",
        np.concatenate(xs),
        [],
        y_range=(0, 100),
        bands=[(50, "WHO-5 low well-being ≤ 50")],
        parent=parent,
    )
    plot = widget.getPlotItem()
    for (style, symbol, colour), (name, x, y) in zip(STYLES, series):
        plot.plot(
            x,
            y,
            name=name,
            antialias=True,
            pen=pg.mkPen(colour, width=2, style=style),
            symbol=symbol,
            symbolSize=7,
            symbolPen=pg.mkPen(colour),
            symbolBrush=pg.mkBrush("w"),
        )
    return widget


def summary_charts(data: Mapping[str, Any]) -> dict[str, pg.PlotWidget]:
    """The charts a summary has data for, by the ids summary_html.CHARTS names."""
    makers = {
        "checkins": ("moods", moods_chart),
        "ai_use": ("modes", modes_chart),
        "time_with_people": ("time_with_people", time_chart),
        "replaced": ("replaced", replaced_chart),
        "instruments": ("instruments", instruments_chart),
    }
    out = {}
    for section, (chart_id, make) in makers.items():
        if section in data and _has_values(data[section]):
            chart = make(data[section])
            if chart is not None:
                out[chart_id] = chart
    return out


def _has_values(section: Mapping[str, Any]) -> bool:
    """Whether a section has anything to draw (a chart of only gaps says nothing)."""
    if "weeks" not in section:  # the questionnaires: scores by day
        return any(spec["scores"] for spec in section.values() if isinstance(spec, dict))
    return any(
        value not in (None, 0)
        for week in section["weeks"]
        for key, value in week.items()
        if key != "week"
    )


def to_image(
    widget: pg.PlotWidget, width: int = 760, height: int = 250, scale: float = 1.5
) -> QImage:
    """Render a chart offscreen to an image `scale` times its size in pixels (for print)."""
    # Shown but never on screen: the view and the plot take their real geometry first.
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(width, height)
    widget.show()
    widget.viewport().resize(width, height)
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # QGraphicsView.render draws the scene as vectors into the target: sharp at any scale.
        widget.render(
            painter, QRectF(0, 0, width * scale, height * scale), widget.viewport().rect()
        )
        painter.setPen(QPen(QColor("#bbbbbb"), scale))
        painter.drawRect(QRectF(0, 0, width * scale - 1, height * scale - 1))
    finally:
        painter.end()
        widget.hide()
    return image
