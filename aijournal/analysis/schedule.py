"""When findings are computed, over which days, and with how much of the error budget.

Looking at a growing journal every day must not manufacture findings, so findings are not
recomputed on every look. They come from fixed analysis windows counted from the first
check-in: its first 30, 60, 120 and 240 days, then each following 240 days. A window is
analysed once it is complete; until the next one completes, every look shows the same findings,
each saying over which days it holds.

Each window may spend a share of the error budget (`alpha`, the chance that the window shows any
false finding at all). The first four windows fall in the first year and spend 0.5 + 4 + 3 +
1.5 = 9%, so a year of looks at a journal of random data shows a false finding in at most about
9% of journals; later windows each spend 4%, two a year at most. Windows are fixed in advance
and never depend on what the data show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

FIRST_WINDOWS = ((30, 0.005), (60, 0.04), (120, 0.03), (240, 0.015))  # (days, alpha)
LATER_DAYS = 240
LATER_ALPHA = 0.04


@dataclass(frozen=True)
class Window:
    """One analysis window: its days (inclusive), its number and the budget it may spend."""

    number: int  # 1 for the first 30 days, 2 for the first 60, …
    start: date
    end: date
    alpha: float

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def window(first: date, number: int) -> Window:
    """The `number`-th analysis window of a journal whose first check-in was on `first`."""
    if number <= len(FIRST_WINDOWS):
        days, alpha = FIRST_WINDOWS[number - 1]
        return Window(number, first, first + timedelta(days=days - 1), alpha)
    later = number - len(FIRST_WINDOWS)  # 1, 2, …: each following 240 days
    start = first + timedelta(days=LATER_DAYS * later)
    return Window(number, start, start + timedelta(days=LATER_DAYS - 1), LATER_ALPHA)


def latest(first: date, last: date) -> Window | None:
    """The newest window that is complete by `last` (its end on or before), None before any."""
    found = None
    number = 1
    while (candidate := window(first, number)).end <= last:
        found, number = candidate, number + 1
    return found


def following(current: Window | None, first: date) -> Window:
    """The window after `current` (the first one when there is none yet)."""
    return window(first, current.number + 1 if current else 1)
