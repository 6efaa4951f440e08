"""Plain-language findings from the journal that keep their promise on real, sticky data.

A run takes the newest complete analysis window (aijournal.analysis.schedule: the first 30,
60, 120 and 240 days, then each following 240), tests every hypothesis of the family
(aijournal.analysis.hypotheses) that the window has enough data for, and keeps the findings
that survive Holm's correction over all of them at the window's error budget. Every finding
says its method, period, n, interval and how many hypotheses the run tested.
docs/insights.md describes the hypotheses, the tests and the measured error rates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from aijournal.analysis import schedule
from aijournal.analysis.daily import Days, calendar, read_days
from aijournal.analysis.hypotheses import (
    MIN_DAYS,
    Hypothesis,
    Tested,
    factor_hypotheses,
    family,
)
from aijournal.analysis.inference import CONFIDENCE, holm
from aijournal.analysis.schedule import Window
from aijournal.model.presentation import number, plural, signed
from aijournal.storage import Journal

CORRECTION = "Holm (weighted), family-wise error rate"
CAVEAT = "These are patterns in your own journal, not proof that one thing causes another."
__all__ = ["CAVEAT", "CORRECTION", "MIN_DAYS", "Insight", "Run", "analyse", "findings", "run"]


def error_rate(alpha: float) -> str:
    """What the run's error budget means, and what no finding does not mean."""
    return (
        f"The questions are tested together, keeping the chance of even one false finding "
        f"in this analysis at {alpha:.1%} or less: of 1,000 journals with no real pattern, "
        f"about {round(alpha * 1000)} would still show one. No finding is not proof of no "
        "pattern: a real one can be too small, or too new, to show yet."
    )


def period(start: date, end: date) -> str:
    """ "2 Mar – 30 Apr 2026" """
    first = f"{start.day} {start:%b}" + ("" if start.year == end.year else f" {start.year}")
    return f"{first} – {end.day} {end:%b %Y}"


@dataclass(frozen=True)
class Insight:
    """One finding: what it says, and everything it rests on."""

    id: str
    kind: str  # difference (days compared), trend (a period's halves) or nudges
    question: str
    text: str  # the finding in plain words
    details: str  # its numbers, period, method and how many hypotheses were tested
    method: str
    start: date  # the period it holds over
    end: date
    n: int  # days (or the days after the occasions) it rests on
    difference: float  # the estimate: a difference of means (shares: 0–1)
    low: float  # its 95% interval
    high: float
    p: float
    groups: tuple[int, int]  # the sizes of the two sides compared
    tested: int  # hypotheses the run tested
    found: int  # findings in the run

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "question": self.question,
            "text": self.text,
            "details": self.details,
            "method": self.method,
            "period": {"start": self.start.isoformat(), "end": self.end.isoformat()},
            "n": self.n,
            "difference": round(self.difference, 3),
            "low": round(self.low, 3),
            "high": round(self.high, 3),
            "confidence": CONFIDENCE,
            "p": round(self.p, 5),
            "groups": list(self.groups),
            "tested": self.tested,
        }


@dataclass(frozen=True)
class Run:
    """One analysis: its window, every hypothesis (tested or why not) and the findings."""

    window: Window | None  # None: no window is complete yet
    next_window: Window | None  # None: no check-ins yet
    results: tuple[Tested, ...]
    findings: tuple[Insight, ...]

    @property
    def tested(self) -> int:
        return sum(r.tested for r in self.results)

    @property
    def alpha(self) -> float:
        return self.window.alpha if self.window else 0.0

    def summary(self) -> str:
        """One line: which days, how many questions tested, how many held, the next update."""
        upcoming = (
            f" The next analysis covers {self.next_window.days} days and is ready on "
            f"{_day(self.next_window.end + timedelta(days=1))}."
            if self.next_window
            else ""
        )
        if self.window is None:
            return (
                f"Findings are computed from fixed periods of your journal, the first after "
                f"30 days of check-ins.{upcoming}"
            )
        held = len(self.findings)
        return (
            f"From {period(self.window.start, self.window.end)} ({self.window.days} days): "
            f"{held} of {plural(self.tested, 'tested question')} held up.{upcoming}"
        )

    def as_dict(self) -> dict[str, Any]:
        found = {f.id for f in self.findings}
        return {
            "window": _window_dict(self.window),
            "next_window": _window_dict(self.next_window),
            "correction": {"method": CORRECTION, "alpha": self.alpha},
            "tested": self.tested,
            "hypotheses": [_result_dict(r, r.hypothesis.id in found) for r in self.results],
            "findings": [f.as_dict() for f in self.findings],
            "caveat": CAVEAT,
            "error_rate": error_rate(self.alpha) if self.window else None,
        }


def run(
    journal: Journal,
    start: date | None = None,
    end: date | None = None,
    extra: Iterable[Hypothesis] = (),
) -> Run:
    """The newest complete analysis window from `start` (or the first check-in) to `end`.

    Without `end`, only windows that ended before today count: today may not be logged yet.
    The user's factors (archived ones too: their history counts) join the family, under the
    same correction.
    """
    last = end or journal.clock().date() - timedelta(days=1)
    checkins = journal.checkin_values(start, last)
    hypotheses = family((*factor_hypotheses(journal.factors(archived=True)), *extra))
    if not checkins:
        return Run(None, None, tuple(h.untested("no check-ins yet") for h in hypotheses), ())
    # Windows count from `start` when given (a summary's period), else the first check-in.
    first = start or calendar(checkins[0][0])
    window = schedule.latest(first, last)
    if window is None:
        waiting = tuple(h.untested("the first analysis period is not over") for h in hypotheses)
        return Run(None, schedule.window(first, 1), waiting, ())
    days = read_days(journal, window.start, window.end)
    return analyse(days, window, hypotheses, schedule.following(window, first))


def analyse(
    days: Days,
    window: Window,
    hypotheses: Sequence[Hypothesis] | None = None,
    next_window: Window | None = None,
) -> Run:
    """Test every hypothesis on the window's days; keep what survives Holm's correction."""
    hypotheses = family() if hypotheses is None else hypotheses
    results = tuple(h.test(days, window) for h in hypotheses)
    ran = [r for r in results if r.estimate is not None]
    held = holm(
        [r.estimate.p for r in ran if r.estimate],
        [r.hypothesis.weight for r in ran],
        window.alpha,
    )
    # A finding's interval excludes 0 as well (it always does when its test passes).
    kept = [r for r, ok in zip(ran, held) if ok and r.estimate and r.estimate.excludes_zero]
    found = tuple(_insight(r, window, len(ran), len(kept)) for r in kept)
    return Run(window, next_window, results, found)


def findings(journal: Journal, start: date | None = None, end: date | None = None) -> list[Insight]:
    """The findings of the newest complete analysis (see `run`)."""
    return list(run(journal, start, end).findings)


def _insight(result: Tested, window: Window, tested: int, found: int) -> Insight:
    h, e = result.hypothesis, result.estimate
    assert e is not None
    scale = h.scale
    unit = " points" if scale != 1 else ""
    details = (
        f"Difference {signed(e.value * scale, 1)}{unit}, {CONFIDENCE:.0%} interval "
        f"{number(e.low * scale, 1)} to {number(e.high * scale, 1)}; "
        f"{h.sizes(result)}; {period(window.start, window.end)}; {e.method}; "
        f"{found} of {tested} tested questions held up."
    )
    return Insight(
        h.id,
        h.kind,
        h.question,
        h.sentence(result),
        details,
        e.method,
        window.start,
        window.end,
        e.n,
        e.value,
        e.low,
        e.high,
        e.p,
        result.groups,
        tested,
        found,
    )


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _window_dict(window: Window | None) -> dict[str, Any] | None:
    if window is None:
        return None
    return {
        "number": window.number,
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "days": window.days,
        "alpha": window.alpha,
    }


def _result_dict(result: Tested, finding: bool) -> dict[str, Any]:
    e = result.estimate
    return {
        "id": result.hypothesis.id,
        "question": result.hypothesis.question,
        "weight": result.hypothesis.weight,
        "tested": e is not None,
        "reason": result.reason or None,
        "method": e.method if e else None,
        "n": e.n if e else None,
        "groups": list(result.groups),
        "difference": round(e.value, 3) if e else None,
        "low": round(e.low, 3) if e else None,
        "high": round(e.high, 3) if e else None,
        "p": round(e.p, 5) if e else None,
        "finding": finding,
    }
