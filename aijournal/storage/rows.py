"""Records to rows and back, which table holds each kind, and SQL pieces the parts share."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from aijournal.model import records as r

R = TypeVar("R", bound=r.Record)


TABLES: dict[type[r.Record], str] = {
    r.Person: "people",
    r.Skill: "skills",
    r.Goal: "goals",
    r.AIUse: "ai_uses",
    r.Checkin: "checkins",
    r.Touchpoint: "touchpoints",
    r.SkillRating: "skill_ratings",
    r.Assessment: "assessments",
    r.Nudge: "nudges",
    r.Factor: "factors",
}


# Kinds whose names are unique among live records: (field in errors, "a/an noun").
NAMED: dict[type[r.Record], tuple[str, str]] = {
    r.Person: ("name", "someone in your circle"),
    r.Skill: ("skill", "a skill"),
    r.Goal: ("goal", "a goal"),
    r.Factor: ("factor", "a factor"),
}
# Fields stored elsewhere than a column of the same name (links by name, resolved here).
LINKED_FIELDS = {"skills", "person", "skill"}
# Pairs stored as one JSON object ({"factor id": answer}), NULL when there are none.
OBJECT_FIELDS = {"factors"}


SEPARATOR = "\x1f"  # joins linked names in one column; cannot be typed in a name


# For the trends, insights and nudges queries: a row's day as days since 1970-01-01, and
# the period it falls in (`d` is that epoch day; 1970-01-01 was a Thursday).
EPOCH_DAY = "CAST(julianday(day) - 2440587.5 AS INTEGER)"


PERIODS = {
    "day": "d",
    "week": "d - (d + 3) % 7",
    "month": "CAST(julianday(substr(day, 1, 7) || '-01') - 2440587.5 AS INTEGER)",
}


LIVE_BETWEEN = "deleted_at IS NULL AND day BETWEEN ? AND ?"


def between(start: date | None, end: date | None) -> list[str]:
    return [(start or date.min).isoformat(), (end or date.max).isoformat()]


def skill_names_sql(column: str) -> str:
    return (
        f", (SELECT group_concat(name, '{SEPARATOR}') FROM (SELECT s.name FROM learning_events e"
        f" JOIN skills s ON s.id = e.skill_id WHERE e.{column} = t.id"
        " AND e.deleted_at IS NULL ORDER BY e.rowid)) AS skills"
    )


LINK_COLUMNS = {
    r.AIUse: skill_names_sql("ai_use_id"),
    r.Touchpoint: skill_names_sql("touchpoint_id")
    + ", (SELECT name FROM people WHERE id = t.person_id) AS person",
    r.SkillRating: ", (SELECT name FROM skills WHERE id = t.skill_id) AS skill",
}


_COLUMNS: dict[type[r.Record], tuple[tuple[str, str], ...]] = {}


def columns_of(kind: type[r.Record]) -> tuple[tuple[str, str], ...]:
    """(field, how it is stored) for each column-backed field of a record type."""
    if (known := _COLUMNS.get(kind)) is not None:
        return known
    hints = get_type_hints(kind)
    out = []
    for f in fields(kind):
        if f.name in LINKED_FIELDS:
            continue
        hint = hints[f.name]
        types = set(get_args(hint)) | {hint, get_origin(hint)}
        how = (
            "object"
            if f.name in OBJECT_FIELDS
            else "datetime"
            if datetime in types
            else "date"
            if date in types
            else "bool"
            if bool in types
            else "json"
            if tuple in types
            else "plain"
        )
        out.append((f.name, how))
    _COLUMNS[kind] = tuple(out)
    return _COLUMNS[kind]


def to_row(record: r.Record) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name, how in columns_of(type(record)):
        value = getattr(record, name)
        if value is not None:
            if how in ("datetime", "date"):
                value = value.isoformat()
            elif how == "bool":
                value = int(value)
            elif how == "json":
                value = json.dumps(list(value))
            elif how == "object":
                value = json.dumps(dict(value)) if value else None
        row[name] = value
    if isinstance(record, r.AIUse | r.Touchpoint):
        row["day"] = record.day.isoformat()
    return row


def from_row(kind: type[R], row: dict[str, Any]) -> R:
    values: dict[str, Any] = {}
    for name, how in columns_of(kind):
        value = row.get(name)
        if value is not None:
            if how == "datetime":
                value = datetime.fromisoformat(value)
            elif how == "date":
                value = date.fromisoformat(value)
            elif how == "bool":
                value = bool(value)
            elif how == "json":
                value = tuple(json.loads(value))
            elif how == "object":
                value = tuple(json.loads(value).items())
        elif how == "object":
            value = ()
        values[name] = value
    for name in LINKED_FIELDS & {f.name for f in fields(kind)}:
        linked = row.get(name)
        values[name] = (
            tuple(linked.split(SEPARATOR))
            if name == "skills" and linked
            else (() if name == "skills" else linked)
        )
    return kind(**values)
