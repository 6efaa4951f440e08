"""Reviewing imports: the one use case behind the desktop's Review imports and `aijournal review`.

Imported AI uses wait for the user's word on how they worked with the AI. The list comes
doubtful first (least sure suggestion first). The user confirms a selection as suggested, or
with one pattern, a goal, skills added, or as having replaced a person; uses that get the same
changes are written together, all in one transaction. The last confirmation is kept in the
journal, so Undo works from either face and puts the uses back as they were. After each review
the suggestion model learns again and re-ranks what still waits.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError
from aijournal.model.patterns import pattern as pattern_named
from aijournal.model.presentation import plural
from aijournal.sources import learning

if TYPE_CHECKING:
    from aijournal.storage import Journal

MIN_PREFIX = 6  # an id may be given by its first characters, if they are this many and unique


def suggested(use: r.AIUse) -> str:
    """The pattern suggested for an import (the stored one for a use without a suggestion)."""
    return use.suggested_pattern or use.pattern


def doubtful_first(uses: Sequence[r.AIUse]) -> list[r.AIUse]:
    """Least sure suggestions first; among equals, oldest first."""
    return sorted(uses, key=lambda u: (u.suggestion_confidence or 0.0, u.started_at))


def waiting(journal: Journal) -> list[r.AIUse]:
    """The imported uses waiting for review, doubtful first."""
    return doubtful_first(journal.to_review())


@dataclass(frozen=True)
class Confirmation:
    """What confirming sets: one pattern for all (None: each its own suggestion), a goal,
    skills added to each, and whether the sessions stood in for asking a person."""

    pattern: str | None = None
    goal_id: str | None = None
    skills: tuple[str, ...] = ()
    replaced_person: bool = False

    def changes(self, use: r.AIUse) -> dict[str, Any]:
        found: dict[str, Any] = {"pattern": self.pattern or suggested(use)}
        if self.goal_id is not None:
            found["goal_id"] = self.goal_id
        if self.skills:
            found["skills"] = tuple(dict.fromkeys((*use.skills, *self.skills)))
        if self.replaced_person:
            found["replaced_person"] = True
        return found

    def how(self, journal: Journal) -> str:
        """ "as suggested", "as learning", "for Ship reporting", "with Python, SQL"."""
        parts = []
        if self.pattern:
            parts.append(f"as {pattern_named(self.pattern).label.lower()}")
        if self.goal_id:
            goal = journal.get(r.Goal, self.goal_id)
            parts.append(f"for {goal.name if goal else self.goal_id}")
        if self.skills:
            parts.append("with " + ", ".join(self.skills))
        return ", ".join(parts) or "as suggested"


@dataclass(frozen=True)
class Confirmed:
    token: str  # names this confirmation, for Undo
    ids: tuple[str, ...]
    line: str  # "2 AI uses confirmed as learning and marked as replacing a person."

    @property
    def count(self) -> int:
        return len(self.ids)


def _before(use: r.AIUse) -> dict[str, Any]:
    return {
        "id": use.id,
        "pattern": use.pattern,
        "replaced_person": use.replaced_person,
        "goal_id": use.goal_id,
        "skills": list(use.skills),
    }


def confirm(journal: Journal, ids: Sequence[str], how: Confirmation) -> Confirmed:
    """Confirm these waiting uses in one transaction; InvalidInput for an id not waiting."""
    if how.pattern is not None:
        r.check_choice("pattern", how.pattern, r.PATTERN_IDS)
    with journal.transaction():
        uses = []
        for use_id in dict.fromkeys(ids):
            use = journal.get(r.AIUse, use_id)
            if use is None or not use.to_review:
                raise InvalidInput("id", use_id, "use the id of an AI use waiting for review")
            uses.append(use)
        groups: dict[tuple, list[str]] = defaultdict(list)
        wanted: dict[tuple, dict[str, Any]] = {}
        for use in uses:
            change = how.changes(use)
            key = tuple(sorted(change.items()))
            groups[key].append(use.id)
            wanted[key] = change
        for key, group in groups.items():
            journal.confirm_reviewed(group, **wanted[key])
        token = uuid.uuid4().hex
        journal.remember_review(token, [_before(u) for u in uses])
        learning.relearn(journal)
    extra = " and marked as replacing a person" if how.replaced_person else ""
    line = f"{plural(len(uses), 'AI use')} confirmed {how.how(journal)}{extra}."
    return Confirmed(token, tuple(u.id for u in uses), line)


def undo(journal: Journal, token: str | None = None) -> int:
    """Put the uses of the last confirmation back in the list as they were; how many.

    With `token`, only that confirmation is undone (a later one, made elsewhere, is not).
    """
    last = journal.last_review()
    if last is None:
        raise JournalError("There is no confirmation to undo.")
    if token is not None and last.get("token") != token:
        raise JournalError("Only the last confirmation can be undone, and this is not it.")
    restored = 0
    with journal.transaction():
        for before in last["before"]:
            use = journal.get(r.AIUse, before["id"])
            if use is None:
                continue  # deleted since: it stays deleted
            fields = {k: v for k, v in before.items() if k != "id"}
            fields["skills"] = tuple(fields["skills"])
            journal.update(replace(use, **fields, to_review=True))
            restored += 1
        journal.forget_review()
        learning.relearn(journal)
    return restored


def resolve(journal: Journal, given: Sequence[str]) -> list[str]:
    """The ids of waiting uses named by their id or by a unique start of it."""
    waiting_ids = [u.id for u in journal.to_review()]
    found = []
    for text in given:
        text = text.strip().lower()
        matches = [i for i in waiting_ids if i == text] or (
            [i for i in waiting_ids if i.startswith(text)] if len(text) >= MIN_PREFIX else []
        )
        if len(matches) != 1:
            allowed = (
                f"it starts {len(matches)} waiting ids; give more of it"
                if matches
                else "use an id from `aijournal review list` (its first "
                f"{MIN_PREFIX} characters or more)"
            )
            raise InvalidInput("id", text, allowed)
        found.append(matches[0])
    return found
