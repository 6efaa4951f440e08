"""Time the Trends series on the reference 10-year journal (DESIGN "Budgets": all time ≤ 150 ms).

Builds the journal once with the demo story (`aijournal.journaling.demo.fill`, 3,650 days, ≈ 29,000
records; 15–40 s) and caches it in /tmp, then reports the median of 7 runs of
`trends.series` for all time and for each range of the Trends view. Run it from the repository:

    python bench/trends_budget.py [--days 3650] [--cache /tmp/aijournal-bench-10y]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import datetime
from pathlib import Path

from aijournal.analysis import trends
from aijournal.journaling import demo
from aijournal.storage import DataPaths, Journal
from aijournal.storage.unlock import Key

PASSPHRASE = "trends benchmark passphrase"
BUDGET_MS = 150.0
# A fixed "today" so the cached journal and every run agree on the dates.
TODAY = datetime(2026, 11, 27, 10, 0).astimezone()


def open_reference(folder: Path, days: int) -> Journal:
    """The cached reference journal, built on first use."""
    paths = DataPaths(folder)
    clock = lambda: TODAY  # noqa: E731
    if paths.db.exists():
        return Journal.open(paths, passphrase=lambda: PASSPHRASE, clock=clock)
    began = time.perf_counter()
    journal = Journal.create(paths, Key.from_passphrase(PASSPHRASE), clock=clock)
    counts = demo.fill(journal, days=days)
    print(
        f"built {sum(counts.values()):,} records in {time.perf_counter() - began:.1f} s "
        f"({counts['ai_uses']:,} AI uses, {counts['checkins']:,} check-ins, "
        f"{counts['touchpoints']:,} touchpoints) -> {folder}"
    )
    return journal


def median_ms(call, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/aijournal-bench-10y"))
    args = parser.parse_args()
    with open_reference(args.cache, args.days) as journal:
        counts = journal.counts()
        print(f"journal: {sum(counts.values()):,} records")
        trends.series(journal)  # warm the page cache, as the open app would be
        worst = 0.0
        for choice in trends.ranges(TODAY.date()):
            ms = median_ms(lambda c=choice: trends.series(journal, c.start, c.end))
            points = trends.series(journal, choice.start, choice.end)
            factors_ms = median_ms(
                lambda c=choice: trends._factor_charts(
                    journal, trends._Axis(TODAY.date()), c.start, c.end
                )
            )
            print(
                f"{choice.label:>9}: {ms:7.1f} ms  (median of 7; {len(points.modes.x)} weeks,"
                f" {len(points.moods.x)} mood points; {len(points.factors)} factors"
                f" {factors_ms:.1f} ms of it)"
            )
            worst = max(worst, ms) if choice.start is None else worst
        print(
            f"all time: {worst:.1f} ms against a budget of {BUDGET_MS:.0f} ms: "
            + ("within budget" if worst <= BUDGET_MS else "OVER BUDGET")
        )
        return 0 if worst <= BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
