"""Suggested patterns for imported sessions: explainable rules over the user's own turns.

The signs and the rules are data (resources/suggestion_rules.json): signal words for English,
German, French, Spanish and Portuguese, and an ordered list of rules, each with the reason the
review list shows. `suggest` finds which signs each turn shows, tries the rules in order and
returns the first that holds, with the signs it saw (`features`) so that the local model in
`learning.py` can learn from the user's own reviews. The turns themselves are never kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from aijournal.model.resources import read_text

RULES_FILE = "suggestion_rules.json"
FORMAT = "aijournal-suggestion-rules/1"
BUILT_IN = ("question", "code")
_CODE_LINE = re.compile(
    r"^\s*(?:def |class |function |const |let |var |import |from \S+ import|#include|public |"
    r"private |return |if \(|for \(|while \(|select |insert |update |\}|\{)|[;{]\s*$|=>",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Suggestion:
    pattern: str
    confidence: float
    reason: str
    rule: str
    features: tuple[str, ...] = ()  # the signs seen, for the learning model (no text)


@dataclass(frozen=True)
class Signal:
    name: str
    expression: re.Pattern[str] | None
    whole_turn_under: int | None = None

    def shown_in(self, turn: str) -> bool:
        if self.name == "question":
            return "?" in turn
        if self.name == "code":
            return "```" in turn or len(_CODE_LINE.findall(turn)) >= 3
        if self.whole_turn_under is not None and len(turn) >= self.whole_turn_under:
            return False
        return self.expression is not None and self.expression.search(turn) is not None


@dataclass(frozen=True)
class Condition:
    signals: tuple[str, ...] = ()
    scope: str = "all"  # first, later or all of the user's turns
    at_least: int = 1
    at_most: int | None = None
    every: bool = False
    turns_at_least: int | None = None

    def count(self, shown: Sequence[frozenset[str]]) -> int:
        """How many turns in scope show any of the signals (or, for turns_at_least, turns)."""
        if self.turns_at_least is not None:
            return len(shown)
        return sum(1 for signs in self._scoped(shown) if signs & set(self.signals))

    def holds(self, shown: Sequence[frozenset[str]]) -> bool:
        hits = self.count(shown)
        if self.turns_at_least is not None:
            return hits >= self.turns_at_least
        if self.every:
            return hits == len(self._scoped(shown))
        return hits >= self.at_least and (self.at_most is None or hits <= self.at_most)

    def _scoped(self, shown: Sequence[frozenset[str]]) -> Sequence[frozenset[str]]:
        return shown[:1] if self.scope == "first" else shown[1:] if self.scope == "later" else shown


@dataclass(frozen=True)
class Rule:
    """Suggest `pattern` when every condition holds. The first condition's count is the
    evidence: each hit beyond what it needs adds 0.05 to `confidence`, up to 0.9."""

    id: str
    pattern: str
    confidence: float
    reason: str
    conditions: tuple[Condition, ...]

    def judge(self, shown: Sequence[frozenset[str]]) -> Suggestion | None:
        if not all(c.holds(shown) for c in self.conditions):
            return None
        hits, extra = 0, 0
        if self.conditions:
            first = self.conditions[0]
            hits = first.count(shown)
            # More turns showing the sign: more evidence. Many turns alone are none.
            plain = not first.every and first.turns_at_least is None
            extra = max(0, hits - first.at_least) if plain else 0
        confidence = round(min(0.9, self.confidence + 0.05 * extra), 2)
        reason = self.reason.format(hits=hits, turns=len(shown), s="" if hits == 1 else "s")
        return Suggestion(self.pattern, confidence, reason, self.id)


@dataclass(frozen=True)
class RuleBook:
    scan_chars: int
    signals: tuple[Signal, ...]
    rules: tuple[Rule, ...]
    fallback: Rule

    def signs(self, turn: str) -> frozenset[str]:
        """The names of the signals one turn shows."""
        text = _normal(turn[: self.scan_chars])
        return frozenset(s.name for s in self.signals if s.shown_in(text))


def _normal(turn: str) -> str:
    # Spanish opening marks are no word characters: "¿por qué" must start a word like "por qué".
    return turn.lower().replace("¿", "").replace("¡", "")


def _expression(entry: dict[str, Any]) -> re.Pattern[str] | None:
    anchored: list[str] = []
    loose: list[str] = []
    for key, words in entry.items():
        if key in ("about", "whole_turn_under"):
            continue
        for word in words:
            (anchored if word.startswith("^") else loose).append(word.removeprefix("^"))
    parts = []
    # One boundary before one group is several times faster than a boundary per word.
    if loose:
        parts.append(r"\b(?:" + "|".join(loose) + ")")
    if anchored:
        parts.append(r"^(?:" + "|".join(anchored) + ")")
    return re.compile("|".join(parts), re.MULTILINE) if parts else None


def _condition(raw: dict[str, Any]) -> Condition:
    return Condition(
        signals=tuple(raw.get("any_of", ())),
        scope=raw.get("in", "all"),
        at_least=raw.get("at_least", 0 if "at_most" in raw else 1),
        at_most=raw.get("at_most"),
        every=raw.get("every", False),
        turns_at_least=raw.get("turns_at_least"),
    )


def _rule(raw: dict[str, Any]) -> Rule:
    conditions = tuple(_condition(c) for c in raw.get("when", ()))
    return Rule(raw["id"], raw["pattern"], raw["confidence"], raw["reason"], conditions)


def parse_rules(data: dict[str, Any]) -> RuleBook:
    """A rule book from the data file's contents; ValueError when it is of another format."""
    if data.get("format") != FORMAT:
        raise ValueError(f"{RULES_FILE} is not {FORMAT}")
    signals = [
        Signal(name, _expression(entry), entry.get("whole_turn_under"))
        for name, entry in data["signals"].items()
    ]
    signals += [Signal(name, None) for name in BUILT_IN]
    return RuleBook(
        data["scan_chars"],
        tuple(signals),
        tuple(_rule(r) for r in data["rules"]),
        _rule(data["fallback"]),
    )


@cache
def rule_book() -> RuleBook:
    """The rules shipped in resources/, read once."""
    return parse_rules(json.loads(read_text(RULES_FILE)))


def features(shown: Sequence[frozenset[str]], rule: str) -> tuple[str, ...]:
    """What the learning model sees of a session: which signs its first and later turns show,
    how many turns it had and which rule fired. No word of what the user wrote."""
    first = shown[0] if shown else frozenset()
    later = frozenset().union(*shown[1:]) if len(shown) > 1 else frozenset()
    turns = len(shown)
    bucket = "1" if turns <= 1 else "2" if turns == 2 else "3-4" if turns <= 4 else "5+"
    return (
        *sorted(f"first:{s}" for s in first),
        *sorted(f"later:{s}" for s in later),
        f"turns:{bucket}",
        f"rule:{rule}",
    )


def suggest(turns: Sequence[str], book: RuleBook | None = None) -> Suggestion:
    """The first rule that holds for the user's turns (their texts only), with its features."""
    book = book or rule_book()
    shown = [book.signs(turn) for turn in turns]
    found = next(
        (s for rule in book.rules if (s := rule.judge(shown)) is not None), None
    ) or book.fallback.judge(shown)
    assert found is not None  # the fallback has no conditions
    return Suggestion(
        found.pattern, found.confidence, found.reason, found.rule, features(shown, found.rule)
    )
