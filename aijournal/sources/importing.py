"""Importing from any source: read everything first, then write what is new at once.

`plan_import` reads a source (a file or a folder) and turns it into AI uses with suggested
patterns, writing nothing, so a bad or cancelled import changes nothing. `finish_import` leaves
out what the journal has already (`source` + `source_ref`: the conversation's id, plus "#2",
"#3" for later sessions), lets the model learned from the user's reviews re-rank the
suggestions, and adds the rest in one transaction. Uses of a session that has gone on since it
was last read, and that still wait for review unchanged, are brought up to date instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.patterns import mode_of
from aijournal.model.presentation import plural
from aijournal.sources import catalog, learning
from aijournal.sources.conversations import (
    RECORD_SOURCES,
    PlannedUse,
    Reading,
    Unreadable,
    ai_uses,
)
from aijournal.sources.files import FileRefused, Progress
from aijournal.storage.imports import RuleGuess

if TYPE_CHECKING:
    from aijournal.storage import Journal

KINDS = catalog.IDS


@dataclass
class ImportPlan:
    """What an import would add, and what it skipped and why."""

    kind: str
    planned: list[PlannedUse] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    skipped_files: Counter[str] = field(default_factory=Counter)
    files: int = 0
    outside_period: int = 0  # sessions left out by --from/--to
    already: int = 0  # sessions imported before
    refreshed: int = 0  # waiting uses brought up to date (a session that went on)
    added: int | None = None  # set once written
    learned: bool = False  # the suggestions were re-ranked by the model learned from reviews
    known: list[PlannedUse] = field(default_factory=list)  # read again: imported before

    @property
    def uses(self) -> list[r.AIUse]:
        return [p.use for p in self.planned]

    @property
    def conversations(self) -> int:
        return len({p.conversation for p in self.planned})

    @property
    def split(self) -> int:
        return len({p.conversation for p in self.planned if p.split})

    @property
    def period(self) -> tuple[date, date] | None:
        days = [p.use.day for p in self.planned]
        return (min(days), max(days)) if days else None

    @property
    def source(self) -> str:
        return RECORD_SOURCES[self.kind]

    def summary(self) -> str:
        """One line: what was (or would be) imported, split, skipped, and already there."""
        verb = "Imported" if self.added is not None else "Would import"
        count = self.added if self.added is not None else len(self.planned)
        noun = "conversation" if self.kind in ("chatgpt", "claude", "open-webui") else "session"
        line = (
            f"{verb} {plural(count, 'AI use')} from {plural(self.conversations, noun)} "
            f"({self.split} split into sessions); {self._skipped(noun)}; "
            f"{self.already} already imported"
        )
        if self.refreshed:
            line += f"; {plural(self.refreshed, 'waiting AI use')} brought up to date"
        if self.outside_period:
            line += f"; {plural(self.outside_period, 'session')} outside the period"
        if self.skipped_files:
            line += f"; {_counted(self.skipped_files, 'file', 'not read')}"
        return line + "."

    def _skipped(self, noun: str) -> str:
        return _counted(self.skipped, noun, "skipped") if self.skipped else f"no {noun}s skipped"

    def as_dict(self) -> dict[str, Any]:
        """The plan as data (`--format json`), each AI use with its derived mode."""
        period = self.period
        return {
            "source": self.kind,
            "written": self.added is not None,
            "added": self.added,
            "would_add": len(self.planned),
            "conversations": self.conversations,
            "split": self.split,
            "skipped": dict(self.skipped),
            "files_not_read": dict(self.skipped_files),
            "already_imported": self.already,
            "brought_up_to_date": self.refreshed,
            "outside_period": self.outside_period,
            "period": [period[0].isoformat(), period[1].isoformat()] if period else None,
            "learned_from_reviews": self.learned,
            "uses": [_use_dict(p.use) for p in self.planned],
        }


def _counted(reasons: Counter[str], noun: str, verb: str) -> str:
    """ "2 files not read (1 not JSON, 1 empty)"; with one reason "2 files not read (empty)"."""
    total = sum(reasons.values())
    if len(reasons) == 1:
        listed = next(iter(reasons))
    else:
        listed = ", ".join(f"{n} {why}" for why, n in reasons.most_common())
    return f"{plural(total, noun)} {verb} ({listed})"


def _use_dict(use: r.AIUse) -> dict[str, Any]:
    pattern = use.suggested_pattern or use.pattern
    return {
        "started_at": use.started_at.isoformat(),
        "tool": use.tool,
        "task": use.task,
        "minutes": use.minutes,
        "turns": use.turns,
        "suggested_pattern": pattern,
        "mode": mode_of(pattern).value,
        "confidence": use.suggestion_confidence,
        "reason": use.suggestion_reason,
        "source": use.source,
        "source_ref": use.source_ref,
    }


def plan_import(
    path: Path,
    kind: str,
    *,
    since: date | None = None,
    until: date | None = None,
    keep_first_message: bool = False,
    clock: r.Clock = r.now,
    progress: Progress | None = None,
    modified_after: float | None = None,
) -> ImportPlan:
    """Read the whole source and turn it into AI uses, writing nothing."""
    found = catalog.source(kind)
    if since and until and since > until:
        raise InvalidInput("from", since.isoformat(), f"use a day up to {until.isoformat()}")
    path = Path(path)
    if not path.exists():
        raise InvalidInput("file", str(path), "use a readable file or folder that exists")
    reading = Reading()
    plan = ImportPlan(kind, skipped=reading.skipped, skipped_files=reading.skipped_files)
    latest = clock() + r.FUTURE_SLACK
    try:
        conversations = found.read(path, reading, progress=progress, modified_after=modified_after)
        for conversation in conversations:
            _plan_one(plan, conversation, keep_first_message, latest, since, until)
    except FileRefused as refusal:
        raise catalog.foreign(path, kind) or refusal from None
    plan.files = reading.files
    return plan


def _plan_one(plan, conversation, keep_first_message, latest, since, until) -> None:
    try:
        planned = ai_uses(conversation, keep_first_message=keep_first_message)
    except Unreadable as reason:
        plan.skipped[str(reason)] += 1
        return
    except InvalidInput:  # a value no AI use can hold; the rest of the source still counts
        plan.skipped["unusable values"] += 1
        return
    if any(p.use.started_at > latest for p in planned):
        plan.skipped["time in the future"] += 1
        return
    for p in planned:
        if (since and p.use.day < since) or (until and p.use.day > until):
            plan.outside_period += 1
        else:
            plan.planned.append(p)


def _guess(planned: PlannedUse) -> RuleGuess:
    rule = planned.rule
    return RuleGuess(rule.rule, rule.pattern, rule.confidence, rule.reason, rule.features)


def _learned(plan: ImportPlan, model: learning.Model | None) -> None:
    """Let the model learned from the user's reviews re-rank each suggestion."""
    if model is None:
        return
    plan.learned = True
    for index, p in enumerate(plan.planned):
        new = learning.rerank(model, p.use.tool, p.use.task, _guess(p))
        use = replace(
            p.use,
            pattern=new.pattern,
            suggested_pattern=new.pattern,
            suggestion_confidence=new.confidence,
            suggestion_reason=new.reason,
        )
        plan.planned[index] = replace(p, use=use)


def finish_import(journal: Journal, plan: ImportPlan, *, dry_run: bool = False) -> ImportPlan:
    """Leave out what the journal has already and, unless a dry run, add the rest at once."""
    if not plan.learned:
        _learned(plan, learning.stored(journal))
    known = journal.imported_refs(plan.source)
    seen: set[str | None] = set()
    fresh: list[PlannedUse] = []
    for p in plan.planned:
        if p.use.source_ref in seen:
            continue  # the same session twice in one reading (a repeated shard)
        seen.add(p.use.source_ref)
        (plan.known if p.use.source_ref in known else fresh).append(p)
    plan.already = len(plan.known)
    plan.planned = fresh
    if dry_run:
        return plan
    guesses = {p.use.id: _guess(p) for p in (*fresh, *plan.known)}
    with journal.transaction():
        plan.refreshed = journal.refresh_waiting([p.use for p in plan.known], guesses)
        plan.added = journal.add_imported(plan.uses, guesses)
    return plan


def import_source(
    journal: Journal, path: Path, kind: str, *, dry_run: bool = False, **options: Any
) -> ImportPlan:
    """Read the source, then write what is new in one transaction (nothing on any error)."""
    return finish_import(
        journal, plan_import(path, kind, clock=journal.clock, **options), dry_run=dry_run
    )
