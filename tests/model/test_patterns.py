"""The five interaction patterns of the Anthropic Economic Index and the mode each implies."""

import pytest

from aijournal.model import records
from aijournal.model.patterns import (
    PATTERN_IDS,
    PATTERNS,
    Mode,
    augmentation_ids,
    mode_of,
    pattern,
)


def test_the_five_patterns_in_order():
    assert PATTERN_IDS == (
        "task-iteration",
        "learning",
        "validation",
        "directive",
        "feedback-loop",
    )
    assert records.PATTERN_IDS is PATTERN_IDS  # records validate against the same list
    assert all(p.label and p.explanation.endswith(".") for p in PATTERNS)


def test_modes_follow_from_the_pattern():
    assert augmentation_ids() == ("task-iteration", "learning", "validation")
    assert mode_of("directive") is Mode.AUTOMATION
    assert mode_of("feedback-loop") is Mode.AUTOMATION
    assert mode_of("validation") is Mode.AUGMENTATION
    assert [p.is_augmentation for p in PATTERNS] == [True, True, True, False, False]


def test_pattern_by_id():
    found = pattern("learning")
    assert found.label == "Learning" and found.mode == "augmentation"


def test_an_unknown_pattern_is_a_key_error():
    with pytest.raises(KeyError):
        pattern("vibes")
    with pytest.raises(KeyError):
        mode_of("Learning")  # ids, not labels
