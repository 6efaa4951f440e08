"""The summary's weekly charts (ui/charts/summary.py): series, styles, which charts a summary
gets, dates at local midnight and the offscreen image for the PDF."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from aijournal.ui.charts import summary as charts

WEEKS = ("2026-11-02", "2026-11-09", "2026-11-16")


def checkins(*rows):
    return {
        "weeks": [
            {"week": week, "checkins": n, "burnout_mean": burnout, "connection_mean": connection}
            for week, (n, burnout, connection) in zip(WEEKS, rows)
        ]
    }


def curves(widget) -> dict[str, pg.PlotDataItem]:
    return {item.name(): item for item in widget.getPlotItem().listDataItems()}


def thresholds(widget) -> list[float]:
    return [i.value() for i in widget.getPlotItem().items if isinstance(i, pg.InfiniteLine)]


@pytest.fixture
def keep(qtbot):
    """Register charts (top-level widgets) so each is closed after the test."""

    def kept(widget):
        qtbot.addWidget(widget)
        return widget

    return kept


def test_seconds_are_local_midnights_even_across_a_clock_change(berlin):
    # Berlin: summer time starts on 29 March 2026, so that day has 23 hours.
    x = charts.seconds(["2026-03-28", date(2026, 3, 29), "2026-03-30"])
    assert np.diff(x).tolist() == [86_400, 82_800]
    assert x[0] == 1774652400  # 2026-03-27T23:00Z, midnight in Berlin


def test_values_keep_gaps_as_nan_and_scale_the_rest():
    rows = [{"share": 0.25}, {"share": None}, {"share": 1}]
    got = charts.values(rows, "share", 100)
    assert got[0] == 25 and math.isnan(got[1]) and got[2] == 100


def test_the_moods_chart_draws_two_series_a_printer_tells_apart(keep):
    widget = keep(charts.moods_chart(checkins((3, 3.5, 2.0), (0, None, None), (5, 2.2, 4.1))))
    plot = widget.getPlotItem()
    assert plot.titleLabel.text == "Burnout and connection (weekly means, 1–5)"
    burnout, connection = curves(widget)["Burnout"], curves(widget)["Connection"]
    x, y = burnout.getData()
    assert x.tolist() == charts.seconds(WEEKS).tolist()
    assert y[0] == 3.5 and math.isnan(y[1]) and y[2] == 2.2  # the empty week is a gap
    assert connection.getData()[1][2] == 4.1
    # Not colour alone: line style and marker differ too.
    assert burnout.opts["pen"].style() == Qt.PenStyle.SolidLine
    assert connection.opts["pen"].style() == Qt.PenStyle.DashLine
    assert (burnout.opts["symbol"], connection.opts["symbol"]) == ("o", "s")
    assert thresholds(widget) == [3]
    low, high = plot.viewRange()[1]
    assert low == pytest.approx(0.8) and high == pytest.approx(5.2)  # 1–5 and a little room


def test_automation_is_the_rest_of_the_augmentation_share(keep):
    weeks = [
        {"week": WEEKS[0], "augmentation_share": 0.75},
        {"week": WEEKS[1], "augmentation_share": None},
    ]
    widget = keep(charts.modes_chart({"weeks": weeks}))
    shown = curves(widget)
    assert shown["Augmentation"].getData()[1][0] == 75
    assert shown["Automation"].getData()[1][0] == 25
    assert math.isnan(shown["Automation"].getData()[1][1])


def test_a_summary_gets_only_the_charts_it_has_data_for(keep):
    data = {
        "checkins": checkins((2, 3.0, 3.0), (1, 2.0, None), (0, None, None)),
        "ai_use": {"weeks": [{"week": w, "augmentation_share": None} for w in WEEKS]},
        "replaced": {"weeks": [{"week": w, "uses": 0} for w in WEEKS]},  # nothing to draw
        "instruments": {
            "who5": {"short_name": "WHO-5", "scores": []},
            "cbi": {"short_name": "CBI", "scores": []},
        },
    }
    made = charts.summary_charts(data)
    for widget in made.values():
        keep(widget)
    assert set(made) == {"moods"}


def test_questionnaire_scores_each_on_their_own_days(keep):
    section = {
        "who5": {
            "short_name": "WHO-5",
            "scores": [{"day": "2026-11-01", "score": 48}, {"day": "2026-11-15", "score": 64}],
        },
        "cbi": {"short_name": "CBI", "scores": [{"day": "2026-11-08", "score": 40}]},
    }
    widget = keep(charts.summary_charts({"instruments": section})["instruments"])
    shown = curves(widget)
    assert set(shown) == {"WHO-5", "CBI"}
    assert shown["WHO-5"].getData()[1].tolist() == [48, 64]
    assert shown["CBI"].getData()[0].tolist() == charts.seconds(["2026-11-08"]).tolist()
    assert thresholds(widget) == [50]
    empty = {key: {"short_name": key, "scores": []} for key in ("who5", "cbi")}
    assert charts.instruments_chart(empty) is None


def test_to_image_renders_offscreen_at_print_scale(keep):
    widget = keep(charts.moods_chart(checkins((3, 3.5, 2.0), (4, 3.0, 2.5), (5, 2.2, 4.1))))
    image = charts.to_image(widget, width=400, height=200, scale=2)
    assert (image.width(), image.height()) == (800, 400)
    assert not widget.isVisible()  # never left on screen
    assert image.pixelColor(0, 0) == QColor("#bbbbbb")  # the frame
    inked = {image.pixelColor(x, y).name() for x in range(0, 800, 8) for y in range(0, 400, 8)}
    assert len(inked) > 3  # lines, markers and text, not a blank page
