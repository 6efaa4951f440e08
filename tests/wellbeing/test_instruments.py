"""Tests for wellbeing.instruments: data-file consistency, scoring rules, validation, parsing."""

from __future__ import annotations

import json
from itertools import product

import pytest

from aijournal.model.errors import InvalidInput, JournalError
from aijournal.model.resources import resource
from aijournal.wellbeing import instruments as ins
from aijournal.wellbeing.instruments import InvalidAnswers, UnknownInstrument, parse_answers, score

IDS = ("burnout", "cbi", "ucla3", "who5")


# --- data file ----------------------------------------------------------------------------


def test_the_data_file_ships_with_the_package():
    data = resource(ins.DATA_FILE)
    assert data.is_file()
    json.loads(data.read_text(encoding="utf-8"))  # valid JSON


def test_all_instruments_are_present_once():
    assert sorted(i.id for i in ins.instruments()) == list(IDS)
    for id in IDS:
        assert ins.instrument(id).id == id


def test_loading_is_cached():
    assert ins.instrument("who5") is ins.instrument("who5")


@pytest.mark.parametrize("inst", ins.instruments(), ids=lambda i: i.id)
def test_every_instrument_is_complete_and_consistent(inst: ins.Instrument):
    assert inst.name and inst.short_name and inst.intro and inst.scoring_note
    assert inst.attribution
    # Each citation names the source year and a DOI, so the UI can show where it comes from.
    assert inst.citation and "doi:" in inst.citation
    assert inst.scoring.method in ("sum", "mean")
    assert [item.number for item in inst.items] == list(range(1, len(inst.items) + 1))
    for item in inst.items:
        assert item.text.strip()
        values = item.values
        assert all(type(v) is int for v in values)
        assert list(values) == sorted(set(values)), "option values must be unique and ascending"
        assert all(o.label.strip() for o in item.options)
        if inst.scoring.points is not None:
            assert len(inst.scoring.points) == len(item.options)
    assert inst.bands, "every instrument needs bands"
    assert len({b.id for b in inst.bands}) == len(inst.bands)
    assert all(b.label and b.message for b in inst.bands)
    last = inst.bands[-1]
    assert last.min is None and last.max is None, "the last band must catch every other score"
    if inst.allows_blank:
        assert inst.incomplete_message


@pytest.mark.parametrize("inst", ins.instruments(), ids=lambda i: i.id)
def test_score_range_and_bands_match_all_complete_answers(inst: ins.Instrument):
    # Exhaustive (at most 5^7 combinations): catches a JSON edit that makes the stated
    # range wrong or a band unreachable.
    results = [score(inst.id, a) for a in product(*(item.values for item in inst.items))]
    scores = [r.score for r in results]
    assert (min(scores), max(scores)) == tuple(inst.score_range)
    assert {r.band for r in results} == {b.id for b in inst.bands}


def test_cadences():
    assert {i.id: i.cadence_days for i in ins.instruments()} == {
        "burnout": None,
        "who5": 14,
        "cbi": 30,
        "ucla3": 7,
    }


def test_wording_matches_the_design():
    who5 = ins.instrument("who5")
    assert [i.text for i in who5.items] == [
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    ]
    assert [(o.value, o.label) for o in who5.items[0].options] == [
        (0, "At no time"),
        (1, "Some of the time"),
        (2, "Less than half of the time"),
        (3, "More than half of the time"),
        (4, "Most of the time"),
        (5, "All of the time"),
    ]
    ucla = ins.instrument("ucla3")
    assert [i.text for i in ucla.items] == [
        "How often do you feel that you lack companionship?",
        "How often do you feel left out?",
        "How often do you feel isolated from others?",
    ]
    assert [(o.value, o.label) for o in ucla.items[0].options] == [
        (1, "Hardly ever"),
        (2, "Some of the time"),
        (3, "Often"),
    ]


def test_cbi_items_scales_and_reversal():
    cbi = ins.instrument("cbi")
    assert len(cbi.items) == 7
    assert cbi.items[6].text == (
        "Do you have enough energy for family and friends during leisure time?"
    )
    assert [i.reversed for i in cbi.items] == [False] * 6 + [True]
    first_labels = [i.options[0].label for i in cbi.items]
    assert first_labels == ["Always"] * 3 + ["To a very high degree"] * 3 + ["Always"]
    assert [o.label for o in cbi.items[0].options][-1] == "Never/almost never"
    assert [o.label for o in cbi.items[3].options][-1] == "To a very low degree"
    assert all(i.values == (1, 2, 3, 4, 5) for i in cbi.items)
    assert cbi.scoring.points == (100, 75, 50, 25, 0)


def test_burnout_answer_texts():
    texts = ins.burnout_answer_texts()
    assert isinstance(texts, tuple) and len(texts) == 5
    assert texts[0].startswith("I enjoy my work")
    assert texts[4].startswith("I feel completely burned out")
    assert ins.instrument("burnout").items[0].values == (1, 2, 3, 4, 5)


def test_messages_never_diagnose():
    for inst in ins.instruments():
        for band in inst.bands:
            text = f"{band.label} {band.message}".lower()
            assert "depress" not in text and "diagnos" not in text


# --- scoring ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected", "band"),
    [
        ([1], 1.0, "ok"),
        ([2], 2.0, "ok"),  # stressed, but not burned out
        ([3], 3.0, "burnout"),  # the cut-off
        ([5], 5.0, "burnout"),
    ],
)
def test_burnout_score_is_the_answer(answers, expected, band):
    result = score("burnout", answers)
    assert (result.score, result.band) == (expected, band)
    assert result.instrument == "burnout" and result.answers == tuple(answers)


@pytest.mark.parametrize(
    ("answers", "expected", "band"),
    [
        ([0, 0, 0, 0, 0], 0.0, "very-low"),
        ([1, 1, 1, 2, 2], 28.0, "very-low"),  # raw 7: at the 28 cut-off
        ([2, 2, 2, 1, 1], 32.0, "poor"),  # raw 8: just above it
        ([2, 2, 2, 3, 3], 48.0, "poor"),
        ([2, 2, 2, 2, 2], 40.0, "poor"),
        ([3, 2, 2, 3, 3], 52.0, "ok"),  # raw 13: just above 50
        ([3, 3, 3, 3, 3], 60.0, "ok"),
        ([5, 5, 5, 5, 5], 100.0, "ok"),
        ([5, 4, 3, 2, 1], 60.0, "ok"),
    ],
)
def test_who5_raw_sum_times_four(answers, expected, band):
    result = score("who5", answers)
    assert result.score == expected and result.score == sum(answers) * 4
    assert result.band == band


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0, "very-low"),
        (28, "very-low"),
        (28.5, "poor"),
        (29, "poor"),
        (50, "poor"),
        (50.5, "ok"),
        (51, "ok"),
        (100, "ok"),
    ],
)
def test_who5_band_boundaries(value, band):
    # WHO-5 scores are multiples of 4, so test the cut-offs on the bands directly too.
    assert ins.instrument("who5").band(value).id == band


def test_who5_low_message_suggests_a_professional_gently():
    result = score("who5", [1, 1, 1, 1, 1])
    assert result.band == "very-low"
    assert "consider talking to a doctor or a mental-health professional" in result.message
    assert result.label == "Very low well-being"


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([1, 1, 1, 1, 1, 1, 5], 100.0),  # item 7 reversed: Never/almost never = 100
        ([5, 5, 5, 5, 5, 5, 1], 0.0),  # item 7 reversed: Always = 0
        ([1, 1, 1, 1, 1, 1, 1], 600 / 7),
        ([2, 2, 2, 2, 2, 2, 4], 75.0),  # item 7 Seldom = 75
        ([3, 3, 3, 3, 3, 3, 3], 50.0),
        ([1, 2, 3, 4, 5, 1, 2], (100 + 75 + 50 + 25 + 0 + 100 + 25) / 7),
    ],
)
def test_cbi_mapping_reversal_and_mean(answers, expected):
    assert score("cbi", answers).score == pytest.approx(expected)


@pytest.mark.parametrize(("option", "points"), [(1, 100), (2, 75), (3, 50), (4, 25), (5, 0)])
def test_cbi_each_option_maps_to_points(option, points):
    # Three items at 5 (0 points) plus one at `option` keep the mean easy to compute.
    assert score("cbi", [option, 5, 5, 5, None, None, None]).score == points / 4
    # Reversed item 7 alone among three zero items: points run the other way.
    assert score("cbi", [5, 5, 5, None, None, None, option]).score == (100 - points) / 4


def test_cbi_mean_ignores_unanswered_items():
    result = score("cbi", [1, None, 2, None, 3, None, 5])  # 100, 75, 50, 100
    assert result.score == pytest.approx(81.25)
    assert result.answers == (1, None, 2, None, 3, None, 5)


def test_cbi_exactly_four_answers_gives_a_score():
    assert score("cbi", [None, None, None, 3, 3, 3, 3]).score == 50.0


@pytest.mark.parametrize(
    "answers",
    [[1, 1, 1, None, None, None, None], [None] * 7, [None, None, None, None, None, 2, 2]],
)
def test_cbi_fewer_than_four_answers_gives_no_score(answers):
    result = score("cbi", answers)
    assert result.score is None and result.band is None and result.label is None
    assert result.message == ins.instrument("cbi").incomplete_message
    assert "at least 4" in result.message


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0, "low"),
        (49.99, "low"),
        (50, "moderate"),
        (74.99, "moderate"),
        (75, "high"),
        (99.99, "high"),
        (100, "severe"),
    ],
)
def test_cbi_band_boundaries(value, band):
    assert ins.instrument("cbi").band(value).id == band


def test_cbi_bands_via_score():
    assert score("cbi", [3, 3, 3, 4, 4, 4, 3]).band == "low"  # (50*4 + 25*3) / 7 ≈ 39.3
    assert score("cbi", [3] * 7).band == "moderate"  # 50
    assert score("cbi", [2] * 6 + [4]).band == "high"  # 75
    assert score("cbi", [1] * 6 + [5]).band == "severe"  # 100


@pytest.mark.parametrize(
    ("answers", "expected", "band"),
    [
        ([1, 1, 1], 3.0, "not-lonely"),
        ([2, 2, 1], 5.0, "not-lonely"),  # just below the cut-off
        ([2, 2, 2], 6.0, "lonely"),  # the cut-off
        ([3, 1, 2], 6.0, "lonely"),
        ([3, 3, 2], 8.0, "lonely"),
        ([3, 3, 3], 9.0, "lonely"),
    ],
)
def test_ucla3_sum(answers, expected, band):
    result = score("ucla3", answers)
    assert (result.score, result.band) == (expected, band)


def test_score_accepts_any_sequence_and_returns_a_tuple():
    result = score("ucla3", (1, 2, 3))
    assert result.answers == (1, 2, 3)
    assert isinstance(result.score, float)


def test_score_label_and_message_come_from_the_band():
    inst = ins.instrument("ucla3")
    result = score("ucla3", [3, 3, 3])
    band = inst.band(9)
    assert (result.band, result.label, result.message) == (band.id, band.label, band.message)


# --- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("id", "answers", "message"),
    [
        ("who5", [3, 3, 7, 3, 3], "who5 item 3: 7 is not allowed (0–5)"),
        ("who5", [-1, 3, 3, 3, 3], "who5 item 1: -1 is not allowed (0–5)"),
        ("who5", [3, 3, 3, 3, None], "who5 item 5: blank is not allowed (0–5)"),
        ("ucla3", [1, 0, 1], "ucla3 item 2: 0 is not allowed (1–3)"),
        ("ucla3", [1, 1, 4], "ucla3 item 3: 4 is not allowed (1–3)"),
        ("burnout", [6], "burnout item 1: 6 is not allowed (1–5)"),
        ("burnout", [0], "burnout item 1: 0 is not allowed (1–5)"),
        ("burnout", [None], "burnout item 1: blank is not allowed (1–5)"),
        ("cbi", [1, 1, 1, 1, 1, 1, 0], "cbi item 7: 0 is not allowed (1–5 or blank)"),
        ("cbi", [100, 1, 1, 1, 1, 1, 1], "cbi item 1: 100 is not allowed (1–5 or blank)"),
    ],
)
def test_invalid_values_name_item_value_and_range(id, answers, message):
    with pytest.raises(InvalidAnswers) as err:
        score(id, answers)
    assert str(err.value) == message
    assert "\n" not in str(err.value)
    assert err.value.field.startswith(f"{id} item ")


@pytest.mark.parametrize("bad", [3.0, "3", True, b"3"])
def test_non_integer_answers_are_rejected(bad):
    with pytest.raises(InvalidAnswers) as err:
        score("who5", [3, 3, bad, 3, 3])
    assert err.value.field == "who5 item 3" and err.value.value is bad
    assert err.value.allowed == "0–5"


@pytest.mark.parametrize(
    ("id", "answers", "message"),
    [
        ("who5", [3, 3, 3, 3], "who5 answer count: 4 is not allowed (5)"),
        ("who5", [3] * 6, "who5 answer count: 6 is not allowed (5)"),
        ("ucla3", [], "ucla3 answer count: 0 is not allowed (3)"),
        ("burnout", [1, 2], "burnout answer count: 2 is not allowed (1)"),
        ("cbi", [1, 1, 1, 1, 1, 1], "cbi answer count: 6 is not allowed (7)"),
    ],
)
def test_wrong_answer_count(id, answers, message):
    with pytest.raises(InvalidAnswers, match="answer count") as err:
        score(id, answers)
    assert str(err.value) == message
    assert err.value.value == len(answers)


def test_text_instead_of_a_list_is_rejected():
    with pytest.raises(InvalidAnswers, match="parse_answers"):
        score("who5", "33333")


@pytest.mark.parametrize("bad", ["nope", "WHO5", "", None, ["who5"]])
def test_unknown_instrument_names_allowed_ids(bad):
    with pytest.raises(UnknownInstrument) as err:
        ins.instrument(bad)
    assert err.value.allowed == "burnout, cbi, ucla3, who5"
    assert str(err.value).startswith("instrument: ")
    assert str(err.value).endswith("is not allowed (burnout, cbi, ucla3, who5)")
    with pytest.raises(InvalidAnswers):
        score(bad, [1])


def test_errors_fit_the_app_hierarchy():
    # Callers may catch ValueError, the app's InvalidInput or JournalError; never KeyError.
    assert issubclass(UnknownInstrument, InvalidAnswers)
    assert issubclass(InvalidAnswers, InvalidInput)
    assert issubclass(InvalidAnswers, ValueError) and issubclass(InvalidAnswers, JournalError)
    assert not issubclass(InvalidAnswers, KeyError)


# --- parse_answers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,4,5,2,1", [3, 4, 5, 2, 1]),
        (" 3 , 4 ,5 ", [3, 4, 5]),
        ("3,,4", [3, None, 4]),
        ("3,-,4", [3, None, 4]),
        ("-", [None]),
        (",", [None, None]),
        ("3,4,", [3, 4, None]),
        ("", []),
        ("   ", []),
        ("0", [0]),
        ("007", [7]),
        ("-1,+2", [-1, 2]),  # parsed as numbers; score() rejects them as out of range
    ],
)
def test_parse_answers(text, expected):
    assert parse_answers(text) == expected


@pytest.mark.parametrize(
    ("text", "position", "token"),
    [
        ("3,x,4", 2, "x"),
        ("3.5", 1, "3.5"),
        ("1,2,--", 3, "--"),
        ("1 2", 1, "1 2"),
        ("٣", 1, "٣"),
        ("1,2,3,four", 4, "four"),
    ],
)
def test_parse_answers_bad_token(text, position, token):
    with pytest.raises(InvalidAnswers) as err:
        parse_answers(text)
    assert err.value.field == f"answer {position}"
    assert err.value.value == token
    allowed = "a whole number, '-' or blank"
    assert str(err.value) == f"answer {position}: {token!r} is not allowed ({allowed})"


def test_parse_then_score_roundtrip():
    # Items 1-3 score 100/75/50, 4-5 blank, item 6 "To a very low degree" 0, item 7 "Always" 0.
    assert score("cbi", parse_answers("1,2,3,-,,5,1")).score == pytest.approx(45.0)
    with pytest.raises(InvalidAnswers, match="who5 item 2: blank"):
        score("who5", parse_answers("3,,3,3,3"))


# --- property tests (only if hypothesis is installed) ----------------------------------

try:
    from hypothesis import given
    from hypothesis import strategies as st
except ImportError:  # the plain tests above cover every rule; these only add breadth
    given = None

if given is not None:

    @given(st.data())
    def test_any_valid_answers_score_within_range(data):
        inst = data.draw(st.sampled_from(ins.instruments()))
        blank = st.none() if inst.allows_blank else st.nothing()
        answers = [data.draw(st.sampled_from(item.values) | blank) for item in inst.items]
        result = score(inst.id, answers)
        if result.score is None:
            assert sum(a is not None for a in answers) < inst.min_answered
        else:
            low, high = inst.score_range
            assert low <= result.score <= high
            assert result.band == inst.band(result.score).id

    @given(st.lists(st.one_of(st.none(), st.integers(-20, 200)), max_size=10))
    def test_parse_answers_inverts_joining(values):
        text = ",".join("" if v is None else str(v) for v in values)
        assert parse_answers(text) == (values if text.strip() else [])
