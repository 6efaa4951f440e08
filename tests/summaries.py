"""A real summary of demo days, for the tests that read summaries without a journal."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any


def demo_summary(folder: Path, days: int) -> dict[str, Any]:
    """The summary of `days` days of demo data, from a journal made in `folder`. Unencrypted:
    a module-wide fixture runs outside each test's keyring sandbox."""
    from clocks import FakeClock

    from aijournal.journaling import demo
    from aijournal.sharing import summary
    from aijournal.storage import DataPaths, Journal
    from aijournal.storage.unlock import Key

    clock = FakeClock()
    with Journal.create(DataPaths(folder), Key("none"), clock=clock) as journal:
        demo.fill(journal, days=days)
        end = clock().date()
        return summary.build(journal, end - timedelta(days=days - 1), end)
