"""The series behind the Trends charts, aggregated in SQL and shaped with numpy.

Every chart's `x` is Unix seconds at local midnight of the day, week (its Monday) or month
(its first day) a value belongs to — each day's own midnight, so points stay on their days on
both sides of a daylight-saving change — ready for pyqtgraph's `DateAxisItem`; `days` holds the
same dates as `datetime64[D]` for hover text. A week or month that is not over yet (the
current one) is marked by `partial_from`, so it is drawn as partial rather than as a drop.
Values are float arrays with NaN where there is nothing to show (a week without AI uses has no
augmentation share).

Weekly and monthly charts stay small at any range (520 points for ten years). The daily
burnout and connection points are downsampled to weekly means when the range spans more than
`DAILY_LIMIT_DAYS`; the 7-day rolling mean is computed on the daily values first, then
downsampled the same way, so the line means the same thing at every range; at a range's start
it includes the check-ins of the six days before, as it does everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

import numpy as np

from aijournal.model.patterns import PATTERN_IDS, augmentation_ids, pattern
from aijournal.model.records import Factor
from aijournal.storage import Journal
from aijournal.wellbeing.instruments import Band, instrument

DAILY_LIMIT_DAYS = 366
ROLLING_DAYS = 7
ROLLING_MIN_CHECKINS = 3  # fewer check-ins in a 7-day window draw no rolling mean there
TREND_INSTRUMENTS = ("who5", "cbi", "ucla3")
_EPOCH = date(1970, 1, 1)
_AUGMENTING = np.isin(np.array(PATTERN_IDS), augmentation_ids())


@dataclass(frozen=True)
class Range:
    """A choice in the Trends range picker: a label and the days it covers."""

    label: str
    start: date | None  # None = from the first entry
    end: date


def ranges(today: date) -> tuple[Range, ...]:
    """The range picker's choices; each starts on a Monday so weekly charts show whole weeks."""
    monday = today - timedelta(days=today.weekday())
    return (
        Range("4 weeks", monday - timedelta(weeks=3), today),
        Range("3 months", monday - timedelta(weeks=12), today),
        Range("1 year", monday - timedelta(weeks=51), today),
        Range("all", None, today),
    )


# ---- charts ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Chart:
    """What every chart has: a title, the x positions and how much data stands behind it."""

    title: str
    x: np.ndarray  # Unix seconds
    days: np.ndarray  # datetime64[D], the same positions as dates
    have: int  # days, weeks or scores with data
    need: int  # fewer than this shows `wanting` instead of the chart
    wanting: str  # "… ({have} of {need} … so far)"
    # x of the first point whose week (or month) is not over yet; None: every point is whole.
    partial_from: float | None = field(default=None, kw_only=True)

    @property
    def shortfall(self) -> str | None:
        """The message to show instead of the chart when there is too little data, else None."""
        if self.have >= self.need:
            return None
        return self.wanting.format(have=self.have, need=self.need)


@dataclass(frozen=True, eq=False)
class ModeShare(Chart):
    """(1) Augmentation vs automation share of AI uses per week, with per-pattern counts."""

    augmentation: np.ndarray  # share 0–1, NaN in weeks without AI uses
    automation: np.ndarray
    uses: np.ndarray
    pattern_counts: np.ndarray  # shape (patterns, weeks), rows in `patterns` order
    patterns: tuple[str, ...] = PATTERN_IDS
    pattern_labels: tuple[str, ...] = tuple(pattern(p).label for p in PATTERN_IDS)


@dataclass(frozen=True, eq=False)
class Moods(Chart):
    """(2) Burnout and connection: daily points (weekly means over long ranges) and a 7-day mean."""

    burnout: np.ndarray
    connection: np.ndarray
    burnout_mean: np.ndarray  # 7-day rolling mean, NaN with fewer than 3 check-ins in it
    connection_mean: np.ndarray
    weekly: bool  # True when the points are weekly means (a range over a year)


@dataclass(frozen=True, eq=False)
class TimeWithPeople(Chart):
    """(3) AI minutes vs human touchpoints (count and minutes) per week."""

    ai_minutes: np.ndarray
    touchpoints: np.ndarray
    touchpoint_minutes: np.ndarray


@dataclass(frozen=True, eq=False)
class Replaced(Chart):
    """(4) AI uses that stood in for asking or working with a person, per week."""

    uses: np.ndarray


@dataclass(frozen=True, eq=False)
class InstrumentScores(Chart):
    """(5) One instrument's scores by day, with its threshold bands."""

    instrument_id: str
    scores: np.ndarray
    bands: tuple[Band, ...]
    score_range: tuple[float, float]


@dataclass(frozen=True, eq=False)
class GoalAlignment(Chart):
    """(6) Share of AI minutes linked to a goal, per week."""

    share: np.ndarray  # 0–1, NaN in weeks without AI minutes
    ai_minutes: np.ndarray
    goal_minutes: np.ndarray


@dataclass(frozen=True, eq=False)
class Learning(Chart):
    """(7) Skills learned with AI vs from people, per month (learning events by source)."""

    with_ai: np.ndarray
    with_people: np.ndarray


@dataclass(frozen=True, eq=False)
class FactorChart(Chart):
    """(8) One of the user's own factors. A yes/no factor: per week, the share of the days it
    was answered that were "yes". A 1–5 factor: its daily answers and their 7-day rolling
    mean, like burnout (weekly means over ranges longer than a year)."""

    factor: Factor
    values: np.ndarray  # yes/no: share 0–1 (NaN: not answered that week); 1–5: answers
    means: np.ndarray  # 1–5: the 7-day rolling mean; yes/no: all NaN
    answered: np.ndarray  # days answered behind each point
    weekly: bool  # points are weeks (always for yes/no)

    def rows(self) -> list[dict[str, object]]:
        """The chart's points as data, as `aijournal factor show` prints them."""
        out: list[dict[str, object]] = []
        key = "week" if self.weekly else "day"
        for i in np.flatnonzero(self.answered > 0):
            row: dict[str, object] = {
                key: str(self.days[i]),
                "days_answered": int(self.answered[i]),
            }
            if self.factor.yes_no:
                row["yes_days"] = int(round(self.values[i] * self.answered[i]))
                row["yes_share"] = round(float(self.values[i]), 3)
            else:
                row["answer"] = round(float(self.values[i]), 2)
                mean = float(self.means[i])
                row["mean_7_days"] = None if np.isnan(mean) else round(mean, 2)
            out.append(row)
        return out


@dataclass(frozen=True)
class FactorSummary:
    """One factor over the whole journal: how often answered, and its yes share or mean."""

    factor: Factor
    days_answered: int
    last_answered: date | None
    yes_share: float | None  # yes/no factors
    mean: float | None  # 1–5 factors

    def as_dict(self) -> dict[str, object]:
        return {
            "days_answered": self.days_answered,
            "last_answered": self.last_answered.isoformat() if self.last_answered else None,
            "yes_share": None if self.yes_share is None else round(self.yes_share, 3),
            "mean": None if self.mean is None else round(self.mean, 2),
        }


@dataclass(frozen=True, eq=False)
class TrendData:
    """All Trends charts for one range."""

    start: date | None
    end: date | None
    modes: ModeShare
    moods: Moods
    time_with_people: TimeWithPeople
    replaced: Replaced
    instruments: tuple[InstrumentScores, ...]
    alignment: GoalAlignment
    learning: Learning
    factors: tuple[FactorChart, ...] = ()  # the user's own, in the check-in's order
    charts: tuple[Chart, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "charts",
            (
                self.modes,
                self.moods,
                self.time_with_people,
                self.replaced,
                *self.instruments,
                self.alignment,
                self.learning,
                *self.factors,
            ),
        )


def series(journal: Journal, start: date | None = None, end: date | None = None) -> TrendData:
    """Every Trends chart for the days from `start` to `end` (None: from/to the data's ends)."""
    today = journal.clock().date()
    axis = _Axis(min(end, today) if end else today)
    ai_rows = journal.ai_use_totals(start, end, "week")
    tp_rows = journal.touchpoint_totals(start, end, "week")
    weeks = _span(
        start,
        end,
        [row[0] for row in ai_rows[:1] + ai_rows[-1:]]
        + [row[0] for row in tp_rows[:1] + tp_rows[-1:]],
        step=_monday,
    )
    ai = _WeeklyAI.of(ai_rows, weeks)
    tp_count, tp_minutes = _columns_at(tp_rows, weeks, 2)
    week = _Weekly(axis.seconds(weeks), axis.dates(weeks), axis.partial_from(weeks, 7))
    weeks_with_ai = int(np.count_nonzero(ai.uses))
    few_weeks = "Log AI uses in a few more weeks to see a trend ({have} of {need} weeks so far)"
    with np.errstate(invalid="ignore", divide="ignore"):
        augmentation = np.where(ai.uses > 0, ai.augmenting / ai.uses, np.nan)
        alignment = np.where(ai.minutes > 0, ai.goal_minutes / ai.minutes, np.nan)
    return TrendData(
        start=start,
        end=end,
        modes=week.chart(
            ModeShare,
            "Augmentation vs automation",
            weeks_with_ai,
            few_weeks,
            augmentation=augmentation,
            automation=1 - augmentation,
            uses=ai.uses,
            pattern_counts=ai.by_pattern,
        ),
        moods=_moods(journal, axis, start, end),
        time_with_people=week.chart(
            TimeWithPeople,
            "AI minutes vs time with people",
            int(np.count_nonzero((ai.uses > 0) | (tp_count > 0))),
            "Log AI uses or touchpoints in a few more weeks to compare them "
            "({have} of {need} weeks so far)",
            ai_minutes=ai.minutes,
            touchpoints=tp_count,
            touchpoint_minutes=tp_minutes,
        ),
        replaced=week.chart(
            Replaced, "AI uses that replaced a person", weeks_with_ai, few_weeks, uses=ai.replaced
        ),
        instruments=_instruments(journal, axis, start, end),
        alignment=week.chart(
            GoalAlignment,
            "AI time spent on your goals",
            int(np.count_nonzero(ai.minutes)),
            "Log AI uses in a few more weeks to see how they serve your goals "
            "({have} of {need} weeks so far)",
            share=alignment,
            ai_minutes=ai.minutes,
            goal_minutes=ai.goal_minutes,
        ),
        learning=_learning(journal, axis, start, end),
        factors=_factor_charts(journal, axis, start, end),
    )


C = TypeVar("C")


@dataclass(frozen=True)
class _Weekly:
    """The weeks a set of weekly charts shares: where they sit, and the partial last one."""

    x: np.ndarray
    days: np.ndarray
    partial_from: float | None

    def chart(self, kind: type[C], title: str, have: int, wanting: str, **values: Any) -> C:
        """A weekly chart of `kind`, drawn from 2 weeks with data on."""
        return kind(  # type: ignore[call-arg]
            title, self.x, self.days, have, 2, wanting, partial_from=self.partial_from, **values
        )


def factor_chart(
    journal: Journal, factor: Factor, start: date | None = None, end: date | None = None
) -> FactorChart:
    """One factor's Trends chart for the days from `start` to `end` (what the view draws)."""
    today = journal.clock().date()
    axis = _Axis(min(end, today) if end else today)
    (chart,) = _factor_charts(journal, axis, start, end, [factor])
    return chart


def factor_summaries(journal: Journal) -> list[FactorSummary]:
    """Every factor (archived too) over the whole journal, in the check-in's order."""
    found = journal.factors(archived=True)
    answers = _answers_by_factor(journal, found, None, None)
    out = []
    for factor in found:
        day, value = answers.get(factor.id, (np.zeros(0, dtype=np.int64), np.zeros(0)))
        mean = float(value.mean()) if len(value) else None
        out.append(
            FactorSummary(
                factor,
                len(day),
                _EPOCH + timedelta(days=int(day[-1])) if len(day) else None,
                mean if factor.yes_no else None,
                None if factor.yes_no else mean,
            )
        )
    return out


# ---- shaping --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Axis:
    """Turns epoch days into Unix seconds at each day's own local midnight."""

    last: date  # the last day that counts (the range's end, at most today)

    @staticmethod
    def seconds(epoch_days: np.ndarray) -> np.ndarray:
        # Each day's own UTC offset: across a daylight-saving change the offset differs, and
        # one offset for all would put half the points an hour off their day.
        unique, index = np.unique(np.asarray(epoch_days, dtype=np.int64), return_inverse=True)
        midnights = np.array(
            [
                datetime.combine(_EPOCH + timedelta(days=int(d)), time()).astimezone().timestamp()
                for d in unique
            ],
            dtype=np.float64,
        )
        return midnights[index] if len(unique) else np.zeros(0)

    @staticmethod
    def dates(epoch_days: np.ndarray) -> np.ndarray:
        return epoch_days.astype("datetime64[D]")

    def partial_from(self, starts: np.ndarray, days: int | None) -> float | None:
        """x of the first period (starting at `starts`, `days` long; None: months) not yet over."""
        if not len(starts):
            return None
        last = (self.last - _EPOCH).days
        if days is None:
            ends = (starts.astype("datetime64[D]").astype("datetime64[M]") + 1).astype(
                "datetime64[D]"
            ).astype(np.int64) - 1
        else:
            ends = starts + days - 1
        open_ = np.flatnonzero((starts <= last) & (ends > last))
        return float(self.seconds(starts[open_[:1]])[0]) if len(open_) else None


def _epoch(day: date | None) -> int | None:
    return None if day is None else (day - _EPOCH).days


def _monday(epoch_day: int) -> int:
    return epoch_day - (epoch_day + 3) % 7


def _span(start: date | None, end: date | None, found: list[int], step) -> np.ndarray:
    """Epoch days of the weeks from `start` (or the first found) to `end` (or the last)."""
    first = step(_epoch(start)) if start else (min(found) if found else None)
    last = step(_epoch(end)) if end else (max(found) if found else None)
    if first is None or last is None or last < first:
        return np.zeros(0, dtype=np.int64)
    return np.arange(first, last + 1, 7, dtype=np.int64)


def _columns_at(rows: list[tuple], periods: np.ndarray, width: int) -> tuple[np.ndarray, ...]:
    """Spread rows of (period, value, …) over `periods`: one float array per value, 0 if none."""
    out = np.zeros((width, len(periods)))
    if rows and len(periods):
        table = np.array(rows, dtype=np.float64).reshape(len(rows), width + 1)
        out[:, np.searchsorted(periods, table[:, 0])] = table[:, 1:].T
    return tuple(out)


@dataclass(frozen=True, eq=False)
class _WeeklyAI:
    by_pattern: np.ndarray  # (patterns, weeks)
    uses: np.ndarray
    augmenting: np.ndarray
    minutes: np.ndarray
    goal_minutes: np.ndarray
    replaced: np.ndarray

    @classmethod
    def of(cls, rows: list[tuple[int, str, int, int, int, int]], weeks: np.ndarray) -> _WeeklyAI:
        sums = np.zeros((3, len(weeks)))
        by_pattern = np.zeros((len(PATTERN_IDS), len(weeks)))
        if rows and len(weeks):
            week, names, uses, minutes, goal_minutes, replaced = (np.array(c) for c in zip(*rows))
            at = np.searchsorted(weeks, week)
            by_pattern[_pattern_index(names), at] = uses
            np.add.at(
                sums,
                (slice(None), at),  # type: ignore[arg-type]  # numpy's stubs miss this form
                np.array([minutes, goal_minutes, replaced], dtype=np.float64),
            )
        return cls(by_pattern, by_pattern.sum(axis=0), by_pattern[_AUGMENTING].sum(axis=0), *sums)


def _pattern_index(names: np.ndarray) -> np.ndarray:
    ids = np.array(PATTERN_IDS)
    order = np.argsort(ids)
    return order[np.searchsorted(ids[order], names)]


def _moods(journal: Journal, axis: _Axis, start: date | None, end: date | None) -> Moods:
    # The six days before the range feed the rolling mean at its start, and are not drawn.
    before = start - timedelta(days=ROLLING_DAYS - 1) if start else None
    rows = journal.checkin_values(before, end)
    if start:
        shown = [row for row in rows if row[0] >= (start - _EPOCH).days]
        lead = len(rows) - len(shown)
    else:
        shown, lead = rows, 0
    wanting = "Check in on a few more days to see a trend ({have} of {need} days so far)"
    if not shown:
        empty = np.zeros(0)
        return Moods(
            "Burnout and connection",
            empty,
            empty.astype("datetime64[D]"),
            0,
            ROLLING_DAYS,
            wanting,
            empty,
            empty,
            empty,
            empty,
            weekly=False,
        )
    table = np.array(rows, dtype=np.float64)
    day = table[:, 0].astype(np.int64)
    values = table[:, 1:3].T  # burnout, connection
    means = _rolling_means(day, values)
    day, values, means = day[lead:], values[:, lead:], means[:, lead:]
    first = (start - _EPOCH).days if start else int(day[0])
    last = (end - _EPOCH).days if end else int(day[-1])
    weekly = last - first > DAILY_LIMIT_DAYS
    if weekly:  # long ranges: weekly means keep the point count (and the drawing) small
        day, (values, means) = _weekly_means(day, (values, means))
    return Moods(
        "Burnout and connection",
        axis.seconds(day),
        axis.dates(day),
        len(shown),
        ROLLING_DAYS,
        wanting,
        burnout=values[0],
        connection=values[1],
        burnout_mean=means[0],
        connection_mean=means[1],
        weekly=weekly,
        partial_from=axis.partial_from(day, 7) if weekly else None,
    )


FACTOR_NEED_DAYS = 7


def _answers_by_factor(
    journal: Journal, factors: list[Factor], start: date | None, end: date | None
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per factor id: the epoch days it was answered (increasing) and the answers."""
    rows = journal.factor_table([f.id for f in factors], start, end)
    table = np.array(rows, dtype=np.float64).reshape(len(rows), len(factors) + 1)
    day = table[:, 0].astype(np.int64)
    out = {}
    for column, factor in enumerate(factors, 1):
        answered = ~np.isnan(table[:, column])
        out[factor.id] = (day[answered], table[answered, column])
    return out


def _factor_charts(
    journal: Journal,
    axis: _Axis,
    start: date | None,
    end: date | None,
    wanted: list[Factor] | None = None,
) -> tuple[FactorChart, ...]:
    found = journal.factors(archived=True) if wanted is None else wanted
    if not found:
        return ()
    # As for burnout: the six days before the range feed a 1–5 factor's rolling mean there.
    before = start - timedelta(days=ROLLING_DAYS - 1) if start else None
    answers = _answers_by_factor(journal, found, before, end)
    cached = _CachedAxis(axis.last)  # the factors' charts share most of their days
    return tuple(_factor_chart(f, *answers[f.id], cached, start, end) for f in found)


@dataclass(frozen=True)
class _CachedAxis(_Axis):
    """An `_Axis` that works out each day's midnight once, for charts of the same days."""

    known: dict[int, float] = field(default_factory=dict)

    def seconds(self, epoch_days: np.ndarray) -> np.ndarray:  # type: ignore[override]
        days = np.asarray(epoch_days, dtype=np.int64)
        missing = np.setdiff1d(days, np.fromiter(self.known, dtype=np.int64))
        self.known.update(zip(missing.tolist(), _Axis.seconds(missing).tolist()))
        return np.array([self.known[d] for d in days.tolist()], dtype=np.float64)


def _factor_chart(
    factor: Factor,
    day: np.ndarray,
    value: np.ndarray,
    axis: _Axis,
    start: date | None,
    end: date | None,
) -> FactorChart:
    title = factor.name + (" (archived)" if factor.archived else "")
    wanting = _factor_wanting(factor)
    shown = day >= _epoch(start) if start else np.ones(len(day), dtype=bool)
    have = int(np.count_nonzero(shown))
    if factor.yes_no:
        return _yes_share_chart(factor, title, day[shown], value[shown], axis, start, end, have)
    means = _rolling_means(day, value[None, :])[0] if len(day) else np.zeros(0)
    day, value, means = day[shown], value[shown], means[shown]
    answered = np.ones(len(day))
    weekly = False
    if len(day):
        first = (start - _EPOCH).days if start else int(day[0])
        last = (end - _EPOCH).days if end else int(day[-1])
        weekly = last - first > DAILY_LIMIT_DAYS
    if weekly:
        counts = np.bincount(np.unique(day - (day + 3) % 7, return_inverse=True)[1])
        day, (values, means_) = _weekly_means(day, (value[None, :], means[None, :]))
        value, means, answered = values[0], means_[0], counts.astype(np.float64)
    return FactorChart(
        title,
        axis.seconds(day),
        axis.dates(day),
        have,
        FACTOR_NEED_DAYS,
        wanting,
        factor=factor,
        values=value,
        means=means,
        answered=answered,
        weekly=weekly,
        partial_from=axis.partial_from(day, 7) if weekly else None,
    )


def _yes_share_chart(
    factor: Factor,
    title: str,
    day: np.ndarray,
    value: np.ndarray,
    axis: _Axis,
    start: date | None,
    end: date | None,
    have: int,
) -> FactorChart:
    """A yes/no factor: the share of answered days that were yes, per week."""
    found = [_monday(int(day[0])), _monday(int(day[-1]))] if len(day) else []
    weeks = _span(start, end, found, step=_monday)
    answered, yes = np.zeros(len(weeks)), np.zeros(len(weeks))
    at = np.searchsorted(weeks, day - (day + 3) % 7)
    np.add.at(answered, at, 1)
    np.add.at(yes, at, value)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(answered > 0, yes / answered, np.nan)
    return FactorChart(
        title,
        axis.seconds(weeks),
        axis.dates(weeks),
        have,
        FACTOR_NEED_DAYS,
        _factor_wanting(factor),
        factor=factor,
        values=share,
        means=np.full(len(weeks), np.nan),
        answered=answered,
        weekly=True,
        partial_from=axis.partial_from(weeks, 7),
    )


def _factor_wanting(factor: Factor) -> str:
    return (
        f"Answer “{factor.name}” on a few more days to see a trend "
        "({have} of {need} days so far)"
    )


def _rolling_means(day: np.ndarray, values: np.ndarray) -> np.ndarray:
    """At each check-in day, the mean of the check-ins in the 7 calendar days ending there."""
    offset = day - day[0]
    dense = np.zeros((len(values), int(offset[-1]) + 1))
    counted = np.zeros(int(offset[-1]) + 1)
    dense[:, offset] = values
    counted[offset] = 1
    sums = np.cumsum(np.pad(dense, ((0, 0), (1, 0))), axis=1)
    counts = np.cumsum(np.pad(counted, (1, 0)))
    low = np.maximum(offset + 1 - ROLLING_DAYS, 0)
    window_sum = sums[:, offset + 1] - sums[:, low]
    window_count = counts[offset + 1] - counts[low]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(window_count >= ROLLING_MIN_CHECKINS, window_sum / window_count, np.nan)


def _weekly_means(
    day: np.ndarray, blocks: tuple[np.ndarray, ...]
) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """Per week with check-ins: its Monday and the NaN-ignoring mean of each row of each block."""
    mondays = day - (day + 3) % 7
    weeks, index = np.unique(mondays, return_inverse=True)
    out = []
    for block in blocks:
        present = ~np.isnan(block)
        sums = np.array(
            [np.bincount(index, np.where(p, b, 0.0), len(weeks)) for b, p in zip(block, present)]
        )
        counts = np.array([np.bincount(index, p, len(weeks)) for p in present])
        with np.errstate(invalid="ignore", divide="ignore"):
            out.append(np.where(counts > 0, sums / counts, np.nan))
    return weeks, tuple(out)


def _instruments(
    journal: Journal, axis: _Axis, start: date | None, end: date | None
) -> tuple[InstrumentScores, ...]:
    columns = list(zip(*journal.assessment_scores(start, end))) or [(), (), ()]
    names = np.array(columns[0], dtype=str)
    days = np.array(columns[1], dtype=np.int64)
    scores = np.array(columns[2], dtype=np.float64)
    charts = []
    for instrument_id in TREND_INSTRUMENTS:
        spec = instrument(instrument_id)
        mine = names == instrument_id
        charts.append(
            InstrumentScores(
                spec.short_name,
                axis.seconds(days[mine]),
                axis.dates(days[mine]),
                int(np.count_nonzero(mine)),
                2,
                f"Take {spec.short_name} at least twice to see a trend "
                "({have} of {need} so far)",
                instrument_id=instrument_id,
                scores=scores[mine],
                bands=spec.bands,
                score_range=spec.score_range,
            )
        )
    return tuple(charts)


def _learning(journal: Journal, axis: _Axis, start: date | None, end: date | None) -> Learning:
    rows = journal.learning_totals(start, end)
    found = [rows[0][0], rows[-1][0]] if rows else []
    first = _month(start) if start else (min(found) if found else None)
    last = _month(end) if end else (max(found) if found else None)
    if first is None or last is None or last < first:
        months = np.zeros(0, dtype=np.int64)
    else:
        months = (
            np.arange(
                np.datetime64(first, "D").astype("datetime64[M]"),
                np.datetime64(last, "D").astype("datetime64[M]") + 1,
            )
            .astype("datetime64[D]")
            .astype(np.int64)
        )
    with_ai, with_people = _columns_at(rows, months, 2)
    return Learning(
        "Skills learned with AI and with people",
        axis.seconds(months),
        axis.dates(months),
        int(np.count_nonzero(with_ai + with_people)),
        2,
        "Link skills to AI uses or touchpoints in a few more months to see where you learn "
        "({have} of {need} months so far)",
        with_ai=with_ai,
        with_people=with_people,
        partial_from=axis.partial_from(months, None),
    )


def _month(day: date) -> int:
    return (day.replace(day=1) - _EPOCH).days
