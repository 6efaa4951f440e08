"""How entries read in lists: one short line each, the same in the CLI and the desktop app."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from aijournal.model import records as r
from aijournal.model.patterns import pattern
from aijournal.model.presentation import plural, score

KIND_LABELS = {
    "ai-use": "AI use",
    "checkin": "Check-in",
    "touchpoint": "Touchpoint",
    "assessment": "Assessment",
}
TOUCHPOINT_LABELS = {
    "one-to-one": "One-to-one",
    "mentoring-given": "Mentoring given",
    "mentoring-received": "Mentoring received",
    "feedback-asked": "Asked for feedback",
    "feedback-given": "Gave feedback",
    "pairing": "Pairing",
    "team-reflection": "Team reflection",
    "advice-asked": "Asked for advice",
    "gratitude-sent": "Sent thanks",
    "social": "Social",
}


def moment(entry: r.Record) -> datetime | date:
    """When the entry happened: a time for AI uses and touchpoints, a day otherwise."""
    if isinstance(entry, r.AIUse):
        return entry.started_at
    if isinstance(entry, r.Touchpoint):
        return entry.at
    return entry.day  # type: ignore[attr-defined]


def when(entry: r.Record) -> str:
    value = moment(entry)
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else value.isoformat()


def title(entry: r.Record, factors: Mapping[str, r.Factor] | None = None) -> str:
    """A line a person recognises the entry by; a check-in's answers to `factors` (by id)
    come last."""
    if isinstance(entry, r.AIUse):
        p = pattern(entry.pattern)
        parts = [f"{entry.tool} · {p.label} ({p.mode.value}) · {entry.minutes} min"]
        if entry.task:
            parts.append(entry.task)
        if entry.replaced_person:
            parts.append("replaced a person")
        if entry.skills:
            parts.append("skills: " + ", ".join(entry.skills))
        return " · ".join(parts)
    if isinstance(entry, r.Checkin):
        parts = [f"burnout {entry.burnout}", f"connection {entry.connection}"]
        if entry.safety is not None:
            parts.append(f"safety {entry.safety}")
        if entry.energy is not None:
            parts.append(f"energy {entry.energy}")
        if entry.conversations is not None:
            parts.append(plural(entry.conversations, "conversation"))
        if entry.asked_advice:
            parts.append("asked for advice")
        parts += [
            f"{name}: " + (("yes" if answer else "no") if isinstance(answer, bool) else str(answer))
            for name, answer in factor_answers(entry, factors).items()
        ]
        return " · ".join(parts)
    if isinstance(entry, r.Touchpoint):
        parts = [TOUCHPOINT_LABELS[entry.kind]]
        if entry.person:
            parts.append(f"with {entry.person}")
        if entry.minutes is not None:
            parts.append(f"{entry.minutes} min")
        if entry.quality is not None:
            parts.append(f"quality {entry.quality}")
        return " · ".join(parts)
    if isinstance(entry, r.Assessment):
        from aijournal.wellbeing import instruments

        spec = instruments.instrument(entry.instrument)
        if entry.score is None:
            return f"{spec.short_name} · no score"
        found = spec.band_named(entry.band)
        band = found.label if found else None  # never a bare band id
        return f"{spec.short_name} · score {score(entry.score)}" + (f" · {band}" if band else "")
    return str(entry.id)


def factor_answers(
    checkin: r.Checkin, factors: Mapping[str, r.Factor] | None
) -> dict[str, bool | int]:
    """A check-in's answers by factor name (yes/no as booleans), in the factors' order."""
    values = checkin.factor_values
    return {
        f.name: bool(values[f.id]) if f.yes_no else values[f.id]
        for f in (factors or {}).values()
        if f.id in values
    }


def as_dict(entry: r.Record, factors: Mapping[str, r.Factor] | None = None) -> dict[str, Any]:
    """The entry as JSON-ready data; `entry` says which kind of entry it is, and what is
    derived from it comes along (an AI use's mode, the day of a timed entry, a check-in's
    answers to `factors` by name)."""
    data: dict[str, Any] = {"entry": entry.record_kind}
    for f in fields(entry):
        value = getattr(entry, f.name)
        if f.name == "factors":
            value = factor_answers(entry, factors)  # type: ignore[arg-type]
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        data[f.name] = value
    if isinstance(entry, r.AIUse):
        data["mode"] = pattern(entry.pattern).mode.value
    if isinstance(entry, r.AIUse | r.Touchpoint):
        data["day"] = entry.day.isoformat()
    if isinstance(entry, r.Touchpoint):
        data["kind_label"] = TOUCHPOINT_LABELS[entry.kind]
    if isinstance(entry, r.Assessment):  # plain band labels and rounded scores leave, no ids
        from aijournal.wellbeing import instruments

        band = instruments.instrument(entry.instrument).band_named(entry.band)
        data["band"] = band.id if band else None
        data["band_label"] = band.label if band else None
        data["score"] = None if entry.score is None else round(entry.score, 1)
    return data
