"""Summaries a client exports on purpose for a coach: the `aijournal-summary/1` format.

`build` gathers one period's figures into a plain dict (documented in docs/summary-format.md,
checked by resources/summary.schema.json). Aggregates only by default: private notes are left
out and people (and goals, whose names often name a client) become "Mentor A", "Peer B"…,
letters stable within one export; including them is an explicit choice per export. `write`
validates before writing and refuses an invalid summary. Qt-free.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from aijournal.analysis import insights, stats
from aijournal.connection import nudges
from aijournal.growth import skills as growth
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError
from aijournal.model.patterns import PATTERNS
from aijournal.model.resources import read_text
from aijournal.storage import Journal
from aijournal.storage.entries import EntryFilter
from aijournal.wellbeing import instruments

FORMAT = "aijournal-summary/1"
SCHEMA_FILE = "summary.schema.json"
SECTIONS: tuple[str, ...] = (
    "checkins",
    "instruments",
    "ai_use",
    "time_with_people",
    "replaced",
    "touchpoints",
    "skills",
    "goals",
    "nudges",
    "insights",
)
ALL = SECTIONS
SECTION_TITLES = {
    "checkins": "Check-ins",
    "instruments": "Questionnaires",
    "ai_use": "Augmentation and automation",
    "time_with_people": "AI time and time with people",
    "replaced": "AI that replaced a person",
    "touchpoints": "Touchpoints",
    "skills": "Skills growth",
    "goals": "Goal alignment",
    "nudges": "Nudges",
    "insights": "Insights",
}
NOTE = (
    "Self-reported, not a clinical measurement: these figures come from the client's own "
    "daily check-ins, logs and questionnaires."
)
INSTRUMENTS = ("who5", "cbi", "ucla3")
MAX_DAYS = 3660
BURNOUT_CUTOFF = 3  # single-item burnout: 3 or more marks burnout symptoms


class InvalidSummary(JournalError):
    """A summary that is not a valid `aijournal-summary/1` document; says what is wrong."""


# ---- building ------------------------------------------------------------------------------


def default_period(today: date, days: int = 28) -> tuple[date, date]:
    """The period an export offers first: the `days` days ending today."""
    return today - timedelta(days=days - 1), today


def check_period(journal: Journal, start: date, end: date) -> None:
    today = journal.clock().date()
    if end > today:
        raise InvalidInput("to", end.isoformat(), f"use today ({today.isoformat()}) or earlier")
    if start > end:
        raise InvalidInput("from", start.isoformat(), f"use {end.isoformat()} or earlier")
    if (end - start).days + 1 > MAX_DAYS:
        raise InvalidInput("from", start.isoformat(), f"use a period of at most {MAX_DAYS} days")


def parse_sections(text: str) -> tuple[str, ...]:
    """ "checkins,ai_use" -> ("checkins", "ai_use"), in the format's order."""
    wanted = [s.strip() for s in text.split(",") if s.strip()]
    if not wanted:
        raise InvalidInput("sections", text, "use one or more of " + ", ".join(SECTIONS))
    for name in wanted:
        r.check_choice("sections", name, SECTIONS)
    return tuple(s for s in SECTIONS if s in wanted)


def build(
    journal: Journal,
    start: date,
    end: date,
    *,
    sections: Iterable[str] = ALL,
    include_notes: bool = False,
    include_names: bool = False,
    client_name: str = "",
) -> dict[str, Any]:
    """The summary of the days from `start` to `end`, with only the `sections` asked for."""
    check_period(journal, start, end)
    wanted = tuple(sections)
    for name in wanted:
        r.check_choice("sections", name, SECTIONS)
    r.check_text("client name", client_name, limit=200)
    wanted = tuple(s for s in SECTIONS if s in wanted)
    weeks = stats.weekly(journal, start, end)
    period = _Period(start, end, weeks)
    data: dict[str, Any] = {
        "format": FORMAT,
        "generated_at": journal.clock().isoformat(timespec="seconds"),
        "generator": "AI Journal",
        "period": {"start": start.isoformat(), "end": end.isoformat(), "days": period.days},
        "client": " ".join(client_name.split()),
        "note": NOTE,
        "privacy": {"notes_included": include_notes, "names_included": include_names},
        "sections": list(wanted),
    }
    makers = {
        "checkins": _checkins,
        "instruments": _instruments,
        "ai_use": _ai_use,
        "time_with_people": _time_with_people,
        "replaced": _replaced,
        "touchpoints": _touchpoints,
        "skills": _skills,
        "goals": _goals,
        "nudges": _nudges,
        "insights": _insights,
    }
    for name in wanted:
        data[name] = makers[name](journal, period, include_names)
    if include_notes:
        data["notes"] = _notes(journal, start, end)
    return data


class _Period:
    """The period and what several sections share: its weeks and AI totals by pattern."""

    def __init__(self, start: date, end: date, weeks: list[stats.Week]):
        self.start, self.end, self.weeks = start, end, weeks
        self.days = (end - start).days + 1
        self._patterns: dict[str, list[int]] | None = None

    @property
    def week_count(self) -> float:
        return self.days / 7

    def patterns(self, journal: Journal) -> dict[str, list[int]]:
        """Per pattern: [uses, minutes, minutes linked to a goal, replaced-person uses]."""
        if self._patterns is None:
            totals = {p.id: [0, 0, 0, 0] for p in PATTERNS}
            for _week, pattern, *figures in journal.ai_use_totals(self.start, self.end, "week"):
                totals[pattern] = [a + b for a, b in zip(totals[pattern], figures)]
            self._patterns = totals
        return self._patterns


def _checkins(journal: Journal, period: _Period, _names: bool) -> dict[str, Any]:
    middle = period.start + timedelta(days=period.days // 2)
    rows = {row["part"]: row for row in journal.checkin_halves(period.start, middle, period.end)}
    blank = {
        "days": 0,
        "burnout": None,
        "connection": None,
        "safety": None,
        "energy": None,
        "burnout_days": 0,
    }
    whole = rows.get("all", blank)
    measures = ("burnout", "connection", "safety", "energy")

    def half(name: str, first: date, last: date) -> dict[str, Any]:
        row = rows.get(name, blank)
        return {
            "start": first.isoformat(),
            "end": last.isoformat(),
            "days": row["days"],
            **{f"{m}_mean": _round(row[m], 2) for m in measures},
        }

    first = half("first", period.start, middle - timedelta(days=1))
    second = half("second", middle, period.end)
    return {
        "days": whole["days"],
        **{f"{m}_mean": _round(whole[m], 2) for m in measures},
        "burnout_days_share": _round(whole["burnout_days"] / whole["days"], 3)
        if whole["days"]
        else None,
        "halves": {"first": first, "second": second},
        "change": {m: _change(first[f"{m}_mean"], second[f"{m}_mean"]) for m in measures},
        "weeks": [
            {
                "week": w.start.isoformat(),
                "checkins": w.checkins,
                "burnout_mean": _round(w.burnout_mean, 2),
                "connection_mean": _round(w.connection_mean, 2),
            }
            for w in period.weeks
        ],
    }


def _instruments(journal: Journal, period: _Period, _names: bool) -> dict[str, Any]:
    wanted = EntryFilter(kinds=("assessment",), start=period.start, end=period.end)
    taken = [a for a in journal.entries(wanted) if isinstance(a, r.Assessment)]
    out = {}
    for instrument_id in INSTRUMENTS:
        spec = instruments.instrument(instrument_id)
        scores = sorted(
            (
                a
                for a in taken
                if isinstance(a, r.Assessment)
                and a.instrument == instrument_id
                and a.score is not None
            ),
            key=lambda a: (a.day, a.created_at),
        )
        out[instrument_id] = {
            "name": spec.name,
            "short_name": spec.short_name,
            "score_range": list(spec.score_range),
            "citation": spec.citation,
            "scores": [
                {
                    "day": a.day.isoformat(),
                    "score": _round(a.score, 1),
                    "band": band.id if (band := spec.band_named(a.band)) else None,
                    "band_label": band.label if band else None,
                }
                for a in scores
            ],
        }
    return out


def _ai_use(journal: Journal, period: _Period, _names: bool) -> dict[str, Any]:
    totals = period.patterns(journal)
    uses = sum(t[0] for t in totals.values())
    augmenting = sum(totals[p.id][0] for p in PATTERNS if p.is_augmentation)
    share = augmenting / uses if uses else None
    return {
        "uses": uses,
        "minutes": sum(t[1] for t in totals.values()),
        "augmentation_share": _round(share, 3),
        "automation_share": None if share is None else _round(1 - share, 3),
        "patterns": [
            {
                "id": p.id,
                "label": p.label,
                "mode": p.mode.value,
                "uses": totals[p.id][0],
                "minutes": totals[p.id][1],
            }
            for p in PATTERNS
        ],
        "weeks": [
            {
                "week": w.start.isoformat(),
                "uses": w.ai_uses,
                "augmentation_share": _round(w.augmentation_share, 3),
            }
            for w in period.weeks
        ],
    }


def _time_with_people(journal: Journal, period: _Period, _names: bool) -> dict[str, Any]:
    weeks = period.weeks
    per_week = period.week_count
    return {
        "ai_minutes_per_week": _round(sum(w.ai_minutes for w in weeks) / per_week, 1),
        "touchpoints_per_week": _round(sum(w.touchpoints for w in weeks) / per_week, 2),
        "touchpoint_minutes_per_week": _round(
            sum(w.touchpoint_minutes for w in weeks) / per_week, 1
        ),
        "weeks": [
            {
                "week": w.start.isoformat(),
                "ai_minutes": w.ai_minutes,
                "touchpoints": w.touchpoints,
                "touchpoint_minutes": w.touchpoint_minutes,
            }
            for w in weeks
        ],
    }


def _replaced(journal: Journal, period: _Period, _names: bool) -> dict[str, Any]:
    totals = period.patterns(journal)
    uses = sum(t[0] for t in totals.values())
    replaced = sum(t[3] for t in totals.values())
    return {
        "uses": replaced,
        "share_of_ai_uses": _round(replaced / uses, 3) if uses else None,
        "per_week": _round(replaced / period.week_count, 2),
        "weeks": [{"week": w.start.isoformat(), "uses": w.replaced} for w in period.weeks],
    }


def _touchpoints(journal: Journal, period: _Period, names: bool) -> dict[str, Any]:
    kinds = journal.touchpoints_by_kind(period.start, period.end)
    people = journal.touchpoints_by_person(period.start, period.end)
    named = [p for p in people if p["id"] is not None]
    unnamed = next((p for p in people if p["id"] is None), None)
    labels = pseudonyms([p["relationship"] for p in named])
    return {
        "total": sum(count for count, _ in kinds.values()),
        "minutes": sum(minutes for _, minutes in kinds.values()),
        "by_kind": [
            {
                "kind": kind,
                "touchpoints": kinds.get(kind, (0, 0))[0],
                "minutes": kinds.get(kind, (0, 0))[1],
            }
            for kind in r.TOUCHPOINT_KINDS
        ],
        "people": [
            {
                "label": p["name"] if names else label,
                "relationship": p["relationship"],
                "touchpoints": p["touchpoints"],
                "minutes": p["minutes"],
            }
            for p, label in zip(named, labels)
        ],
        "unnamed": {
            "touchpoints": unnamed["touchpoints"] if unnamed else 0,
            "minutes": unnamed["minutes"] if unnamed else 0,
        },
    }


def _skills(journal: Journal, period: _Period, _names: bool) -> dict[str, Any]:
    found = growth.skill_overview(journal, period.end)
    return {
        "as_of": period.end.isoformat(),
        "skills": [
            {
                "name": g.name,
                "niche": g.niche,
                "rating": g.rating,
                "change_90d": g.change_90d,
                "with_ai": _practice(g.with_ai),
                "by_ai": _practice(g.by_ai),
                "from_people": _practice(g.from_people),
                "only_delegated": g.only_delegated,
            }
            for g in found
        ],
    }


def _goals(journal: Journal, period: _Period, names: bool) -> dict[str, Any]:
    totals = period.patterns(journal)
    minutes = sum(t[1] for t in totals.values())
    linked = sum(t[2] for t in totals.values())
    aligned = growth.alignment(journal, period.end)
    goals = [g for g in growth.goal_overview(journal, period.end) if not g.goal.archived]
    labels = pseudonyms([g.goal.kind for g in goals], noun="goal")
    return {
        "as_of": period.end.isoformat(),
        "share": _round(linked / minutes, 3) if minutes else None,
        "share_4w": _round(aligned.recent_share, 3),
        "share_all_time": _round(aligned.share, 3),
        "goals": [
            {
                "label": g.goal.name if names else label,
                "kind": g.goal.kind,
                "ai_minutes": g.ai_minutes,
                "ai_minutes_4w": g.recent_ai_minutes,
                "touchpoints": g.touchpoints,
            }
            for g, label in zip(goals, labels)
        ],
    }


def _nudges(journal: Journal, period: _Period, _names: bool) -> dict[str, Any]:
    # Counts and rule titles only: a nudge's own message can name a person.
    rows = journal.nudge_counts(period.start, period.end)
    figures = ("fired", "acted", "dismissed", "helped", "not_helped")
    return {
        **{f: sum(row[f] for row in rows) for f in figures},
        "rules": [
            {
                "rule": row["rule_id"],
                "title": nudges.BY_ID[row["rule_id"]].title
                if row["rule_id"] in nudges.BY_ID
                else row["rule_id"],
                **{f: row[f] for f in figures},
            }
            for row in rows
        ],
    }


def _insights(journal: Journal, period: _Period, _names: bool) -> dict[str, Any]:
    # The newest fixed analysis window inside the period (counted from its first check-in).
    found = insights.run(journal, period.start, period.end)
    window = found.window
    return {
        "caveat": insights.CAVEAT,
        "summary": found.summary(),
        "error_rate": insights.error_rate(found.alpha) if window else None,
        "window": (
            {"start": window.start.isoformat(), "end": window.end.isoformat(), "days": window.days}
            if window
            else None
        ),
        "correction": insights.CORRECTION,
        "alpha": found.alpha,
        "tested": found.tested,
        "findings": [_finding(i) for i in found.findings],
    }


def _finding(found: insights.Insight) -> dict[str, Any]:
    return {
        "id": found.id,
        "kind": found.kind,
        "question": found.question,
        "text": found.text,
        "details": found.details,
        "method": found.method,
        "period": {"start": found.start.isoformat(), "end": found.end.isoformat()},
        "n": found.n,
        "rho": None,
        "difference": _round(found.difference, 2),
        "low": _round(found.low, 2),
        "high": _round(found.high, 2),
        "p": _round(found.p, 4),
        "groups": list(found.groups),
        "tested": found.tested,
    }


def _notes(journal: Journal, start: date, end: date) -> list[dict[str, str]]:
    found = journal.entries(
        EntryFilter(kinds=("checkin", "ai-use", "touchpoint"), start=start, end=end)
    )
    notes = [
        {"day": e.day.isoformat(), "kind": e.record_kind, "text": e.note}
        for e in found
        if isinstance(e, r.Checkin | r.AIUse | r.Touchpoint) and e.note.strip()
    ]
    return sorted(notes, key=lambda n: n["day"])


# ---- privacy ---------------------------------------------------------------------------------


def letters(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA": a label for the index-th person of an export."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def pseudonyms(kinds: Sequence[str], noun: str = "") -> list[str]:
    """ "Mentor A", "Peer B", …: the kind and a letter, in the order given."""
    suffix = f" {noun}" if noun else ""
    return [f"{kind.capitalize()}{suffix} {letters(i)}" for i, kind in enumerate(kinds)]


# ---- checking and writing ----------------------------------------------------------------------


@cache
def schema() -> dict[str, Any]:
    return json.loads(read_text(SCHEMA_FILE))


@cache
def _validator():
    import fastjsonschema

    return fastjsonschema.compile(schema())


def validate(data: Any) -> dict[str, Any]:
    """`data` if it is a valid `aijournal-summary/1` summary; InvalidSummary saying why not."""
    if not isinstance(data, dict):
        raise InvalidSummary("not a summary: the file holds no JSON object")
    found = data.get("format")
    if found != FORMAT:
        shown = "no format" if found is None else f"format {found!r}"
        raise InvalidSummary(f"unknown version: {shown}; this app reads {FORMAT}")
    import fastjsonschema

    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaValueException as error:
        where = error.path and ".".join(str(p) for p in error.path[1:])
        what = (
            error.message.replace("data.", "", 1)
            if error.message.startswith("data.")
            else error.message
        )
        raise InvalidSummary(
            f"does not match the {FORMAT} schema: {what}"
            + (f" (at {where})" if where and where not in what else "")
        ) from None
    for name in data["sections"]:
        if name not in data:
            raise InvalidSummary(
                f"does not match the {FORMAT} schema: section {name!r} is listed but missing"
            )
    return data


def dumps(data: dict[str, Any]) -> str:
    """The summary as JSON text, after checking it against the schema."""
    validate(data)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(data: dict[str, Any], path: Path) -> Path:
    """Validate, then write the summary as JSON atomically; nothing is written if invalid."""
    from aijournal.storage.paths import atomic_write

    text = dumps(data)
    atomic_write(Path(path), text)
    return Path(path)


def load(path: Path) -> dict[str, Any]:
    """Read and validate one summary file (within the reader limits for summaries);
    InvalidSummary saying what is wrong."""
    from aijournal.model import limits
    from aijournal.model.errors import InvalidInput

    try:
        data = limits.Budget(path, limits.SUMMARY).load_json(Path(path))
    except limits.NotJSON as error:
        raise InvalidSummary(f"not JSON ({error.detail})") from None
    except limits.Unreadable as error:
        raise InvalidSummary(f"cannot be read ({error.reason})") from None
    except InvalidInput as error:  # past the reader limits
        raise InvalidSummary(error.allowed) from None
    return validate(data)


# ---- helpers ---------------------------------------------------------------------------------


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


def _change(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else round(after - before, 2)


def _practice(practice: growth.Practice) -> dict[str, int]:
    return {"count": practice.count, "minutes": practice.minutes}
