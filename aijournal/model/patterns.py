"""The Anthropic Economic Index interaction patterns (Handa et al. 2025, arXiv 2503.04761).

The mode (augmentation or automation) is derived from the pattern and never stored.
"""

from dataclasses import dataclass
from enum import StrEnum


class Mode(StrEnum):
    AUGMENTATION = "augmentation"
    AUTOMATION = "automation"


@dataclass(frozen=True)
class Pattern:
    id: str
    label: str
    mode: Mode
    explanation: str

    @property
    def is_augmentation(self) -> bool:
        return self.mode is Mode.AUGMENTATION


PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "task-iteration",
        "Task iteration",
        Mode.AUGMENTATION,
        "You and the AI refined the work together, round by round.",
    ),
    Pattern(
        "learning",
        "Learning",
        Mode.AUGMENTATION,
        "You used the AI to understand something or build knowledge.",
    ),
    Pattern(
        "validation",
        "Validation",
        Mode.AUGMENTATION,
        "You asked the AI to check or improve work you did yourself.",
    ),
    Pattern(
        "directive",
        "Directive",
        Mode.AUTOMATION,
        "You handed the task over whole, with little back and forth.",
    ),
    Pattern(
        "feedback-loop",
        "Feedback loop",
        Mode.AUTOMATION,
        "The AI did the task while you fed results or errors back to it.",
    ),
)
PATTERN_IDS: tuple[str, ...] = tuple(p.id for p in PATTERNS)
_BY_ID = {p.id: p for p in PATTERNS}


def pattern(pattern_id: str) -> Pattern:
    """The pattern with this id; KeyError for an unknown one (validate input first)."""
    return _BY_ID[pattern_id]


def mode_of(pattern_id: str) -> Mode:
    return _BY_ID[pattern_id].mode


def augmentation_ids() -> tuple[str, ...]:
    return tuple(p.id for p in PATTERNS if p.is_augmentation)
