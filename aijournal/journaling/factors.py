"""The user's own check-in factors: adding, editing and archiving them, and reading answers.

A factor is a yes/no or 1–5 item the user adds to the daily check-in ("slept well", "focus").
Its answers are stored with the check-in (`Checkin.factors`), so archiving a factor only takes
it off the form: its history stays in Trends, Insights and every export. One use case for the
CLI (`aijournal factor`, `aijournal checkin --factor`) and the app (Settings, the check-in form).
"""

from __future__ import annotations

from collections.abc import Iterable

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage import Journal

KIND_WORDS = {"yes-no": "yes/no", "scale": "1–5"}
YES = ("yes", "y", "1", "true")
NO = ("no", "n", "0", "false")


def add(journal: Journal, name: str, kind: str, question: str = "") -> r.Factor:
    """Store a new factor; NameTaken if a live factor has this name (ignoring case)."""
    return journal.add(r.Factor(name=name, kind=kind, question=question))


def edit(
    journal: Journal, factor: r.Factor, *, name: str | None = None, question: str | None = None
) -> r.Factor:
    """Rename a factor or change its question. Its kind stays: its answers were given in it."""
    changes = {k: v for k, v in (("name", name), ("question", question)) if v is not None}
    return journal.update(factor.touched(**changes)) if changes else factor


def set_archived(journal: Journal, factor: r.Factor, archived: bool) -> r.Factor:
    """Take a factor off the check-in form (its answers stay) or put it back."""
    if factor.archived == archived:
        return factor
    return journal.update(factor.touched(archived=archived))


def parse_answer(factor: r.Factor, text: str) -> int:
    """What someone typed for a factor, as its stored answer (yes 1, no 0, or 1–5)."""
    typed = text.strip().casefold()
    if factor.yes_no:
        if typed in YES:
            return 1
        if typed in NO:
            return 0
        raise InvalidInput(factor.name, text, "use yes or no")
    if typed in ("1", "2", "3", "4", "5"):
        return int(typed)
    raise InvalidInput(factor.name, text, "use a whole number from 1 to 5")


def parse_answers(journal: Journal, given: Iterable[str]) -> dict[str, int]:
    """`NAME=VALUE` texts (`--factor "slept well=yes"`) as answers by factor id."""
    answers: dict[str, int] = {}
    for text in given:
        name, sign, value = text.rpartition("=")
        if not sign or not name.strip():
            raise InvalidInput("factor", text, 'use NAME=VALUE, e.g. "slept well=yes"')
        factor = journal.factor_named(name)
        answers[factor.id] = parse_answer(factor, value)
    return answers


def answer_words(factor: r.Factor, value: int | None) -> str:
    """An answer as people read it: yes/no, or the number ("" when not answered)."""
    if value is None:
        return ""
    return ("yes" if value else "no") if factor.yes_no else str(value)


def answers_by_name(journal: Journal, checkin: r.Checkin) -> dict[str, str]:
    """A check-in's factor answers as words, by factor name, in the form's order."""
    values = checkin.factor_values
    return {
        f.name: answer_words(f, values[f.id])
        for f in journal.factors(archived=True)
        if f.id in values
    }


def as_dict(factor: r.Factor) -> dict[str, object]:
    return {
        "id": factor.id,
        "name": factor.name,
        "kind": factor.kind,
        "question": factor.question,
        "archived": factor.archived,
    }
