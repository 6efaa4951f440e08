"""Time the Trends view's range switch (DESIGN "Budgets": switching range in the GUI ≤ 100 ms).

Opens a reference journal, shows a `TrendsView` offscreen at 1280×800 inside a window and, for
each range (4 weeks, 3 months, 1 year, all), times a click on its range button to the end of
the repaint: the click, the events it leaves (the scene's and layouts' updates), a forced
synchronous repaint of the whole window, and the events that leaves. Two figures per range:

- first:  the first switch to the range in a freshly opened view, once the view has settled
          (the user cannot click before the view has been painted and the app was idle);
- repeat: switching back to a range shown before.

    python bench/trends_view.py [--years 10] [--repeat 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate  # noqa: E402

from aijournal.storage import DataPaths, Journal  # noqa: E402

RANGES = ("4 weeks", "3 months", "1 year", "all")
BUDGET_S = 0.100


def _clock() -> datetime:
    """ "Today" is the reference journal's last day, so that every range has its data."""
    return datetime.combine(generate.END, clock_time(20)).astimezone()


def measure(paths: DataPaths, passphrase: str, repeat: int) -> dict[str, float]:
    """Median seconds from a range button's click to the repainted view, first and repeat.

    Returns `trends_switch_<range>_first_s`, `trends_switch_<range>_repeat_s` and
    `trends_switch_<range>_s` (the worse of the two) for each range, "<range>" being
    4_weeks, 3_months, 1_year and all; `trends_switch_worst_s` over all of them; and, not
    budgeted, `trends_switch_all_uncached_s`: "all" clicked before its series were computed.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton

    from aijournal.ui import theme
    from aijournal.ui.views.trends import TrendsView

    app = QApplication.instance() or QApplication([])
    theme.apply(app, "light")

    def settle(window: QMainWindow) -> None:
        app.processEvents()
        window.repaint()  # paints the window and every child now, not when the loop next runs
        app.processEvents()

    def timed(call: Callable[[], object], window: QMainWindow) -> float:
        started = time.perf_counter()
        call()
        settle(window)
        return time.perf_counter() - started

    first: dict[str, list[float]] = {label: [] for label in RANGES}
    again: dict[str, list[float]] = {label: [] for label in RANGES}
    uncached: list[float] = []
    with Journal.open(paths, passphrase=lambda: passphrase, clock=_clock) as journal:
        for _ in range(max(1, repeat)):
            window = QMainWindow()
            view = TrendsView(journal, window)
            window.setCentralWidget(view)
            window.resize(1280, 800)
            window.show()
            # The view opens on its default range; let it paint and the app go idle first.
            deadline = time.perf_counter() + 0.5
            while time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.005)
            settle(window)
            buttons = {
                label: next(
                    b
                    for b in view.findChildren(QPushButton)
                    if b.accessibleName() == f"Range {label}"
                )
                for label in RANGES
            }
            for label in RANGES:
                first[label].append(timed(buttons[label].click, window))
            for label in RANGES:
                again[label].append(timed(buttons[label].click, window))
            # Not budgeted: a click on "all" before the idle computation got to it (just after
            # the view opened or the journal changed) computes the series during the switch.
            buttons["1 year"].click()
            settle(window)
            view._cache.clear()
            uncached.append(timed(buttons["all"].click, window))
            window.close()
            window.deleteLater()
            app.processEvents()

    out: dict[str, float] = {}
    for label in RANGES:
        name = label.replace(" ", "_")
        once, back = statistics.median(first[label]), statistics.median(again[label])
        out[f"trends_switch_{name}_first_s"] = once
        out[f"trends_switch_{name}_repeat_s"] = back
        out[f"trends_switch_{name}_s"] = max(once, back)
    out["trends_switch_worst_s"] = max(
        out[f"trends_switch_{r.replace(' ', '_')}_s"] for r in RANGES
    )
    out["trends_switch_all_uncached_s"] = statistics.median(uncached)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    paths = generate.reference(args.years)  # bench/cache/journal-10y, made once if missing
    figures = measure(paths, generate.PASSPHRASE, args.repeat)
    if args.json:
        print(json.dumps(figures))
        return 0
    for name, value in figures.items():
        over = value > BUDGET_S and not name.endswith("_uncached_s")
        flag = "  OVER BUDGET" if over else ""
        print(f"{name:34} {value * 1000:7.1f} ms{flag}")
    worst = figures["trends_switch_worst_s"]
    print(
        f"worst switch {worst * 1000:.1f} ms against a budget of {BUDGET_S * 1000:.0f} ms: "
        + ("within budget" if worst <= BUDGET_S else "OVER BUDGET")
    )
    return 0 if worst <= BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
