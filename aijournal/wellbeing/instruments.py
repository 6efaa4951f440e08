"""Validated questionnaires: single-item burnout, WHO-5, CBI (work) and UCLA-3.

All wording, answer scales, scoring parameters, bands and citations live in
``resources/instruments.json``; this module only loads and scores them. It uses the
standard library only, so the GUI, the CLI and the tests can all share it.

Answers passed to :func:`score` are the option values *as shown to the user*:
burnout 1-5, WHO-5 0-5, UCLA-3 1-3, and for the CBI the option position 1-5
(1 = first option, "Always" / "To a very high degree"; 5 = last). Any mapping to
points (CBI 100/75/50/25/0) and item reversal happens inside :func:`score`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from statistics import fmean

from aijournal.model.errors import InvalidInput
from aijournal.model.resources import read_text

DATA_FILE = "instruments.json"


@dataclass(frozen=True)
class Option:
    """One answer choice: the value the user picks and its label."""

    value: int
    label: str


@dataclass(frozen=True)
class Item:
    """One question; ``number`` is 1-based, as shown to the user."""

    number: int
    text: str
    options: tuple[Option, ...]
    reversed: bool = False

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(o.value for o in self.options)


@dataclass(frozen=True)
class Band:
    """A score range (inclusive bounds, ``None`` = open) with a label and a message."""

    id: str
    label: str
    message: str
    min: float | None = None
    max: float | None = None

    def contains(self, value: float) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


@dataclass(frozen=True)
class Scoring:
    """How item answers become a score (see the comment at the top of the JSON)."""

    method: str  # "sum" or "mean"
    multiplier: float = 1
    points: tuple[float, ...] | None = None  # per option position; None = the option's value
    min_answered: int | None = None  # None = every item must be answered


@dataclass(frozen=True)
class Instrument:
    """A questionnaire with everything needed to show and score it."""

    id: str
    name: str
    intro: str
    items: tuple[Item, ...]
    cadence_days: int | None  # None = no schedule of its own
    citation: str
    short_name: str
    attribution: str
    scoring: Scoring
    bands: tuple[Band, ...]  # first match wins; the last one is a catch-all
    score_range: tuple[float, float]
    scoring_note: str
    incomplete_message: str = ""

    @property
    def min_answered(self) -> int:
        return self.scoring.min_answered or len(self.items)

    @property
    def allows_blank(self) -> bool:
        """Whether items may be left unanswered (``None``); only the CBI allows it."""
        return self.min_answered < len(self.items)

    def band(self, value: float) -> Band:
        """The band a score falls in: the first that contains it."""
        return next(b for b in self.bands if b.contains(value))

    def band_named(self, band_id: str | None) -> Band | None:
        """The band a stored assessment names (ids of earlier versions included), or None."""
        wanted = LEGACY_BAND_IDS.get(band_id or "", band_id)
        return next((b for b in self.bands if b.id == wanted), None)


# Band ids earlier versions stored; an id is never a diagnosis, so these were renamed.
LEGACY_BAND_IDS = {"likely-depression": "very-low"}


@dataclass(frozen=True)
class Score:
    """Result of :func:`score`. ``score``/``band`` are None when too few items were answered."""

    instrument: str
    score: float | None
    band: str | None  # short id, e.g. "ok", "poor", "very-low", "lonely", "burnout"
    message: str  # plain-language line for the user, never a diagnosis
    answers: tuple[int | None, ...]
    label: str | None = None  # short band label, e.g. "Low well-being"


class InvalidAnswers(InvalidInput):
    """Input that can't be scored; ``str()`` is one line: field, value, what is allowed.

    E.g. "who5 item 3: 7 is not allowed (0–5)".

    An :class:`InvalidInput` (so a ``ValueError`` and a ``JournalError``), so the CLI
    reports it like any other bad value.
    """

    def __init__(self, field: str, value: object, allowed: str) -> None:
        super().__init__(field, value, allowed)
        shown = "blank" if value is None else repr(value)
        # Parenthesised range reads better for answer lists than InvalidInput's "; ..." form.
        self.args = (f"{field}: {shown} is not allowed ({allowed})",)


class UnknownInstrument(InvalidAnswers):
    """An instrument id that isn't in the data file."""


_AGGREGATE: dict[str, Callable[[list[float]], float]] = {"sum": sum, "mean": fmean}
_NUMBER = re.compile(r"[+-]?[0-9]+")  # ASCII digits only: int() would also take e.g. "٣"


@cache
def _catalogue() -> dict[str, Instrument]:
    raw = json.loads(read_text(DATA_FILE))
    option_sets = {
        name: tuple(Option(o["value"], o["label"]) for o in options)
        for name, options in raw["option_sets"].items()
    }
    return {d["id"]: _build(d, option_sets) for d in raw["instruments"]}


def _build(d: dict, option_sets: dict[str, tuple[Option, ...]]) -> Instrument:
    s = d["scoring"]
    return Instrument(
        id=d["id"],
        name=d["name"],
        intro=d["intro"],
        items=tuple(
            Item(n, i["text"], option_sets[i["options"]], i.get("reversed", False))
            for n, i in enumerate(d["items"], 1)
        ),
        cadence_days=d["cadence_days"],
        citation=d["citation"],
        short_name=d["short_name"],
        attribution=d["attribution"],
        scoring=Scoring(
            s["method"],
            s.get("multiplier", 1),
            tuple(s["points"]) if "points" in s else None,
            s.get("min_answered"),
        ),
        bands=tuple(
            Band(b["id"], b["label"], b["message"], b.get("min"), b.get("max")) for b in d["bands"]
        ),
        score_range=tuple(d["score_range"]),
        scoring_note=d["scoring_note"],
        incomplete_message=d.get("incomplete_message", ""),
    )


def instruments() -> tuple[Instrument, ...]:
    """All instruments, in data-file order."""
    return tuple(_catalogue().values())


def instrument(id: str) -> Instrument:
    """The instrument with this id; an unknown id raises :class:`UnknownInstrument`."""
    catalogue = _catalogue()
    try:
        return catalogue[id]
    except (KeyError, TypeError):  # TypeError: unhashable id
        raise UnknownInstrument("instrument", id, ", ".join(sorted(catalogue))) from None


def burnout_answer_texts() -> tuple[str, ...]:
    """The five burnout answers (values 1-5, in order), for the daily check-in."""
    return tuple(o.label for o in instrument("burnout").items[0].options)


def _allowed(values: Sequence[int], blank: bool) -> str:
    """Readable list of allowed values: "0–5", "1, 3, 5", plus "or blank" if allowed."""
    contiguous = list(values) == list(range(values[0], values[-1] + 1))
    text = f"{values[0]}–{values[-1]}" if contiguous else ", ".join(map(str, values))
    return f"{text} or blank" if blank else text


def _points(inst: Instrument, item: Item, answer: object) -> float | None:
    """Points for one answer (None if left blank), after validating it."""
    if answer is None and inst.allows_blank:
        return None
    # bool is an int subclass and 3.0 == 3; neither is an answer a user can pick.
    if not isinstance(answer, int) or isinstance(answer, bool) or answer not in item.values:
        raise InvalidAnswers(
            f"{inst.id} item {item.number}", answer, _allowed(item.values, inst.allows_blank)
        )
    points = inst.scoring.points or item.values
    if item.reversed:
        points = points[::-1]
    return points[item.values.index(answer)]


def score(id: str, answers: Sequence[int | None]) -> Score:
    """Score one completed questionnaire.

    ``answers`` holds one entry per item, in item order, using the option values
    shown to the user (see the module docstring). ``None`` marks an unanswered item
    and is allowed only for the CBI; with fewer than ``min_answered`` answers the
    result has ``score=None``. Raises :class:`InvalidAnswers` on a wrong count or value.
    """
    inst = instrument(id)
    if isinstance(answers, str | bytes):  # a str is a Sequence too; "35" is not [3, 5]
        raise InvalidAnswers(f"{inst.id} answers", answers, "a list of numbers; see parse_answers")
    answers = tuple(answers)
    if len(answers) != len(inst.items):
        raise InvalidAnswers(f"{inst.id} answer count", len(answers), str(len(inst.items)))
    scored = (_points(inst, item, a) for item, a in zip(inst.items, answers))
    points = [p for p in scored if p is not None]
    if len(points) < inst.min_answered:
        return Score(inst.id, None, None, inst.incomplete_message, answers)
    value = float(_AGGREGATE[inst.scoring.method](points) * inst.scoring.multiplier)
    band = inst.band(value)
    return Score(inst.id, value, band.id, band.message, answers, band.label)


def parse_answers(text: str) -> list[int | None]:
    """Parse comma-separated answers: "3,4,,-,1" -> [3, 4, None, None, 1].

    An empty or "-" entry means unanswered; blank text gives []. Numbers are not
    range-checked here (that is :func:`score`'s job); any other token raises
    :class:`InvalidAnswers` naming its position.
    """
    if not text.strip():
        return []
    result: list[int | None] = []
    for n, token in enumerate((t.strip() for t in text.split(",")), 1):
        if token in ("", "-"):
            result.append(None)
        elif _NUMBER.fullmatch(token) and len(token) > 20:  # int() refuses 4300+ digits
            raise InvalidAnswers(f"answer {n}", token[:20] + "…", "a number on the item's scale")
        elif _NUMBER.fullmatch(token):
            result.append(int(token))
        else:
            raise InvalidAnswers(f"answer {n}", token, "a whole number, '-' or blank")
    return result
