"""Suggestions that learn from this user: a small naive Bayes model over their own reviews.

Every imported session keeps what the rules saw in it (which signs its turns showed, how many
turns, which rule fired; never the text). Once the user has reviewed `MIN_REVIEWED` imports,
a multinomial naive Bayes model trained on those reviews (the signs, the tool and the words of
the title, against the pattern the user confirmed) re-ranks each new suggestion, and the ones
still waiting in Review imports. It stays on this machine, in the journal, and explains itself:
"Like 14 sessions you marked validation (you asked for a check)". When the model is unsure
between its choice and the rules', the rules' suggestion stands.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aijournal.model.patterns import PATTERN_IDS
from aijournal.model.patterns import pattern as pattern_named
from aijournal.model.presentation import plural
from aijournal.storage.imports import ImportedSession, RuleGuess

if TYPE_CHECKING:
    from aijournal.storage import Journal

MODEL = "suggestions-naive-bayes/1"
MIN_REVIEWED = 20
SMOOTHING = 1.0  # Laplace: a sign never seen with a pattern still leaves it possible
KEEP_RULE_WITHIN = 0.8  # the rules' pattern stands when its probability is this close to the best
_WORD = re.compile(r"[^\W\d_]{3,}")
_SIGNS = {
    "error": "an error pasted in",
    "complaint": "saying it still fails",
    "output": "output pasted back",
    "refine": "asking for changes",
    "check": "asking for a check",
    "own": "your own work",
    "understand": "asking to understand",
    "wh": "a how, why or what question",
    "request": "asking for a piece of work",
    "ack": "a thank-you",
    "question": "a question",
    "code": "code",
}


def features_of(tool: str, task: str, guess: RuleGuess) -> list[str]:
    """What the model sees of a session: the rules' signs, the tool and the title's words."""
    words = dict.fromkeys(w.casefold() for w in _WORD.findall(task))
    return [*guess.features, f"tool:{tool}", *(f"word:{w}" for w in list(words)[:12])]


def describe(feature: str) -> str:
    """A feature in the user's words, for the reason shown with a suggestion."""
    kind, _, value = feature.partition(":")
    if kind in ("first", "later"):
        return f"{_SIGNS.get(value, value)} {'at the start' if kind == 'first' else 'later on'}"
    if kind == "turns":
        return "one turn" if value == "1" else f"{value.replace('-', '–')} turns"
    if kind == "rule":
        return f"what the rules call “{value.replace('-', ' ')}”"
    if kind == "tool":
        return f"in {value}"
    return f'"{value}" in the title'


@dataclass
class Model:
    """Multinomial naive Bayes: how often each feature came with each confirmed pattern."""

    examples: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    _cached: tuple[set[str], dict[str, tuple[float, float, dict[str, float]]]] | None = field(
        default=None, repr=False
    )

    @classmethod
    def train(cls, examples: Iterable[tuple[str, Sequence[str]]]) -> Model:
        model = cls()
        for pattern, features in examples:
            if pattern not in PATTERN_IDS:
                continue
            model.examples += 1
            model.classes[pattern] += 1
            model.counts[pattern].update(set(features))
        model._cached = None
        return model

    @property
    def usable(self) -> bool:
        return self.examples >= MIN_REVIEWED and len(self.classes) >= 2

    def _sums(self) -> tuple[set[str], dict[str, tuple[float, float, dict[str, float]]]]:
        """Worked out once per model: the features seen and, per pattern, its log prior, the
        log of its smoothed feature total and the log of each feature's smoothed count."""
        if self._cached is None:
            vocabulary = {f for counts in self.counts.values() for f in counts}
            size = len(vocabulary) or 1
            per_pattern = {}
            for pattern, examples in self.classes.items():
                counts = self.counts[pattern]
                total = sum(counts.values())
                logs = {f: math.log(n + SMOOTHING) for f, n in counts.items()}
                per_pattern[pattern] = (
                    math.log(examples / self.examples),
                    math.log(total + SMOOTHING * size),
                    logs,
                )
            self._cached = (vocabulary, per_pattern)
        return self._cached

    def log_likelihoods(self, features: Sequence[str]) -> dict[str, float]:
        vocabulary, per_pattern = self._sums()
        known = [f for f in dict.fromkeys(features) if f in vocabulary]
        unseen = math.log(SMOOTHING)
        scores = {}
        for pattern, (prior, denominator, logs) in per_pattern.items():
            score = prior - denominator * len(known)
            for feature in known:
                score += logs.get(feature, unseen)
            scores[pattern] = score
        return scores

    def posterior(self, features: Sequence[str]) -> dict[str, float]:
        """The probability of each pattern the user has confirmed, given these features."""
        scores = self.log_likelihoods(features)
        top = max(scores.values())
        weights = {p: math.exp(s - top) for p, s in scores.items()}
        total = sum(weights.values())
        return {p: w / total for p, w in weights.items()}

    def telling(self, features: Sequence[str], chosen: str, other: str) -> str | None:
        """The feature that speaks most for `chosen` over `other` (None when none does)."""
        best, lift = None, 0.0
        for feature in dict.fromkeys(features):
            with_chosen = self.counts[chosen][feature]
            if not with_chosen:
                continue
            here = (with_chosen + SMOOTHING) / (self.classes[chosen] + 2 * SMOOTHING)
            there = (self.counts[other][feature] + SMOOTHING) / (
                self.classes[other] + 2 * SMOOTHING
            )
            if math.log(here / there) > lift or best is None:
                best, lift = feature, math.log(here / there)
        return best

    def to_params(self) -> dict[str, Any]:
        return {
            "examples": self.examples,
            "classes": dict(self.classes),
            "counts": {p: dict(c) for p, c in self.counts.items()},
        }

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> Model:
        model = cls(int(params.get("examples", 0)), Counter(params.get("classes", {})))
        for pattern, counts in params.get("counts", {}).items():
            model.counts[pattern] = Counter(counts)
        return model


@dataclass(frozen=True)
class Reranked:
    pattern: str
    confidence: float
    reason: str


def rerank(model: Model | None, tool: str, task: str, guess: RuleGuess) -> Reranked:
    """The suggestion for one session: the model's when it is usable and sure enough, with the
    reason; otherwise the rules' own."""
    if model is None or not model.usable:
        return Reranked(guess.pattern, guess.confidence, guess.reason)
    features = features_of(tool, task, guess)
    posterior = model.posterior(features)
    chosen = max(posterior, key=lambda p: posterior[p])
    rule_share = posterior.get(guess.pattern, 0.0)
    if chosen != guess.pattern and rule_share >= KEEP_RULE_WITHIN * posterior[chosen]:
        chosen = guess.pattern
    confidence = round(min(0.95, max(0.05, posterior.get(chosen, 0.0))), 2)
    label = pattern_named(chosen).label.lower()
    other = guess.pattern if chosen != guess.pattern else _runner_up(posterior, chosen)
    feature = model.telling(features, chosen, other) if other else None
    similar = model.counts[chosen][feature] if feature else model.classes[chosen]
    like = f"Like {plural(similar, 'session')} you marked {label}"
    like += f" ({describe(feature)})." if feature else "."
    reason = f"{guess.reason} {like}" if chosen == guess.pattern else like
    return Reranked(chosen, confidence, reason[:500])


def _runner_up(posterior: dict[str, float], chosen: str) -> str | None:
    others = [p for p in posterior if p != chosen]
    return max(others, key=lambda p: posterior[p]) if others else None


# ---- in the journal ----------------------------------------------------------------------


def train(journal: Journal) -> Model:
    """Learn from every reviewed import and store the model in the journal."""
    model = Model.train(
        (item.pattern, features_of(item.tool, item.task, item.guess))
        for item in journal.imported_sessions(waiting=False)
    )
    journal.save_learned(MODEL, model.to_params(), model.examples)
    return model


def stored(journal: Journal) -> Model | None:
    """The model stored in the journal, when there is one that has learned enough."""
    found = journal.learned(MODEL)
    model = Model.from_params(found[0]) if found else None
    return model if model is not None and model.usable else None


def rerank_waiting(journal: Journal, model: Model | None) -> int:
    """Suggest again for every import still waiting that the user has not changed; how many
    suggestions changed."""
    changed: list[ImportedSession] = []
    for item in journal.imported_sessions(waiting=True):
        if item.pattern != item.suggested:
            continue  # the user set a pattern already
        new = rerank(model, item.tool, item.task, item.guess)
        if (new.pattern, new.confidence, new.reason) != (
            item.pattern,
            item.confidence,
            item.reason,
        ):
            changed.append(
                ImportedSession(
                    item.id,
                    item.tool,
                    item.task,
                    new.pattern,
                    new.pattern,
                    new.confidence,
                    new.reason,
                    item.guess,
                )
            )
    return journal.set_suggestions(changed) if changed else 0


def relearn(journal: Journal) -> Model | None:
    """After a review: learn again and suggest again for what still waits (one transaction)."""
    with journal.transaction():
        model = train(journal)
        usable = model if model.usable else None
        rerank_waiting(journal, usable)
    return usable
