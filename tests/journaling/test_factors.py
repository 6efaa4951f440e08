"""The factor use cases: editing and archiving as no-ops or updates, typed answers, answer words."""

from datetime import date

import pytest

from aijournal.journaling import capture, factors
from aijournal.model.errors import InvalidInput, NameTaken

DAY = date(2026, 11, 20)


def test_an_edit_or_archive_that_changes_nothing_writes_nothing(journal):
    gym = factors.add(journal, "Gym", "yes-no", "Went to the gym?")
    assert factors.edit(journal, gym) is gym
    assert factors.set_archived(journal, gym, False) is gym
    assert journal.factor_named("gym").updated_at == gym.updated_at
    archived = factors.set_archived(journal, gym, True)
    assert archived.archived and journal.factor_named("gym").archived
    assert factors.set_archived(journal, archived, True) is archived
    back = factors.set_archived(journal, archived, False)
    assert [f.name for f in journal.factors()] == ["Gym"] and not back.archived


def test_edit_changes_only_what_it_names_and_keeps_names_unique(journal):
    focus = factors.add(journal, "Focus", "scale", "How focused?")
    factors.add(journal, "Gym", "yes-no")
    asked = factors.edit(journal, focus, question="  Deep   work today? ")
    assert (asked.name, asked.kind, asked.question) == ("Focus", "scale", "Deep work today?")
    with pytest.raises(NameTaken):
        factors.edit(journal, asked, name="GYM")
    with pytest.raises(InvalidInput, match="factor: '   ' is not allowed; it cannot be empty"):
        factors.edit(journal, asked, name="   ")
    assert [(f.name, f.question) for f in journal.factors()] == [
        ("Focus", "Deep work today?"),
        ("Gym", ""),
    ]


def test_an_archived_factor_still_holds_its_name(journal):
    gym = factors.add(journal, "Gym", "yes-no")
    factors.set_archived(journal, gym, True)
    with pytest.raises(NameTaken):
        factors.add(journal, "gym", "scale")
    assert journal.factor_named("GYM").id == gym.id  # answers can still name it


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        ("yes-no", " Yes ", 1),
        ("yes-no", "Y", 1),
        ("yes-no", "true", 1),
        ("yes-no", "1", 1),
        ("yes-no", "NO", 0),
        ("yes-no", "n", 0),
        ("yes-no", "False", 0),
        ("yes-no", "0", 0),
        ("scale", " 1", 1),
        ("scale", "5 ", 5),
    ],
)
def test_typed_answers_as_stored(journal, kind, typed, stored):
    factor = factors.add(journal, "Item", kind)
    assert factors.parse_answer(factor, typed) == stored


@pytest.mark.parametrize(
    ("kind", "typed", "allowed"),
    [
        ("yes-no", "maybe", "use yes or no"),
        ("yes-no", "2", "use yes or no"),
        ("yes-no", "", "use yes or no"),
        ("scale", "0", "use a whole number from 1 to 5"),
        ("scale", "6", "use a whole number from 1 to 5"),
        ("scale", "4.5", "use a whole number from 1 to 5"),
        ("scale", "yes", "use a whole number from 1 to 5"),
    ],
)
def test_a_typed_answer_outside_the_kind_names_the_factor(journal, kind, typed, allowed):
    factor = factors.add(journal, "Item", kind)
    with pytest.raises(InvalidInput) as refused:
        factors.parse_answer(factor, typed)
    assert (refused.value.field, refused.value.value, refused.value.allowed) == (
        "Item",
        typed,
        allowed,
    )


def test_answers_split_at_the_last_equals_sign_and_the_last_answer_wins(journal):
    ratio = factors.add(journal, "work=life", "scale")
    gym = factors.add(journal, "Gym", "yes-no")
    answers = factors.parse_answers(journal, ["work=life=4", "gym=no", "GYM=yes"])
    assert answers == {ratio.id: 4, gym.id: 1}
    assert factors.parse_answers(journal, []) == {}
    for bad in ("=yes", "  =yes", "gym"):
        with pytest.raises(InvalidInput, match="use NAME=VALUE") as refused:
            factors.parse_answers(journal, [bad])
        assert refused.value.value == bad


def test_answers_by_name_in_form_order_archived_included_unanswered_left_out(journal):
    gym = factors.add(journal, "Gym", "yes-no")
    factors.add(journal, "Walk", "yes-no")
    focus = factors.add(journal, "Focus", "scale")
    given = {"burnout": 2, "connection": 4, "factors": {focus.id: 3, gym.id: 0}}
    stored, _ = capture.save_checkin(journal, DAY, given)
    factors.set_archived(journal, gym, True)
    assert list(factors.answers_by_name(journal, stored).items()) == [("Gym", "no"), ("Focus", "3")]


def test_answer_words_and_the_record_as_a_dict(journal):
    gym = factors.add(journal, "Gym", "yes-no", "Went?")
    focus = factors.add(journal, "Focus", "scale")
    assert [factors.answer_words(gym, v) for v in (1, 0, None)] == ["yes", "no", ""]
    assert [factors.answer_words(focus, v) for v in (1, 5, None)] == ["1", "5", ""]
    assert factors.as_dict(gym) == {
        "id": gym.id,
        "name": "Gym",
        "kind": "yes-no",
        "question": "Went?",
        "archived": False,
    }
    assert factors.KIND_WORDS == {"yes-no": "yes/no", "scale": "1–5"}
