"""The user's own factors: stored with unique names, their answers kept with the check-in."""

from datetime import date

import pytest

from aijournal.journaling import capture, factors
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, NameTaken

DAY = date(2026, 11, 20)


def test_answers_live_with_the_check_in_and_survive_archiving(journal):
    slept = factors.add(journal, "Slept well", "yes-no", "Did you sleep well?")
    focus = factors.add(journal, "Focus time", "scale")
    given = {"burnout": 2, "connection": 4, "factors": {slept.id: 1, focus.id: 4}}
    stored, created = capture.save_checkin(journal, DAY, given)
    assert created and stored.factor_values == {slept.id: 1, focus.id: 4}
    factors.set_archived(journal, slept, True)
    assert [f.name for f in journal.factors()] == ["Focus time"]
    assert [f.name for f in journal.factors(archived=True)] == ["Slept well", "Focus time"]
    # A partial update names only the active factor; the archived one's answer stays.
    stored, created = capture.save_checkin(journal, DAY, {"factors": {focus.id: 2}})
    assert not created
    again = journal.checkin_on(DAY)
    assert again.factor_values == {slept.id: 1, focus.id: 2}
    assert again.burnout == 2
    assert sorted(journal.factor_answers(None, None)) == sorted(
        [(slept.id, (DAY - date(1970, 1, 1)).days, 1), (focus.id, (DAY - date(1970, 1, 1)).days, 2)]
    )
    capture.save_checkin(journal, DAY, {"factors": {focus.id: None}})  # an answer removed
    assert journal.checkin_on(DAY).factor_values == {slept.id: 1}


def test_a_name_is_unique_ignoring_case_and_the_kind_is_checked(journal):
    factors.add(journal, "Gym", "yes-no")
    with pytest.raises(NameTaken) as taken:
        factors.add(journal, "  GYM ", "scale")
    assert taken.value.field == "factor"
    with pytest.raises(InvalidInput, match="factor kind: 'sometimes'.*yes-no, scale"):
        factors.add(journal, "Walk", "sometimes")
    assert [f.name for f in journal.factors()] == ["Gym"]


def test_an_answer_outside_the_factors_answers_writes_nothing(journal):
    gym = factors.add(journal, "Gym", "yes-no")
    focus = factors.add(journal, "Focus", "scale")
    with pytest.raises(InvalidInput, match="Gym: 3 is not allowed; use yes or no"):
        capture.save_checkin(journal, DAY, {"burnout": 2, "connection": 3, "factors": {gym.id: 3}})
    with pytest.raises(InvalidInput, match="Focus: 0 is not allowed"):
        capture.save_checkin(
            journal, DAY, {"burnout": 2, "connection": 3, "factors": {focus.id: 0}}
        )
    with pytest.raises(InvalidInput, match="use the id of a stored factor"):
        capture.save_checkin(
            journal, DAY, {"burnout": 2, "connection": 3, "factors": {r.new_id(): 1}}
        )
    assert journal.checkin_on(DAY) is None


def test_typed_answers_name_the_factor_and_what_is_allowed(journal):
    factors.add(journal, "Slept well", "yes-no")
    factors.add(journal, "Focus", "scale")
    answers = factors.parse_answers(journal, ["slept WELL=Yes", "focus=4"])
    assert sorted(answers.values()) == [1, 4]
    with pytest.raises(InvalidInput, match="Focus: '7' is not allowed; use a whole number"):
        factors.parse_answers(journal, ["focus=7"])
    with pytest.raises(InvalidInput, match="factor: 'Swim' is not allowed; use one of Slept"):
        factors.parse_answers(journal, ["Swim=yes"])
    with pytest.raises(InvalidInput, match="use NAME=VALUE"):
        factors.parse_answers(journal, ["focus"])


def test_rename_keeps_answers_and_the_kind(journal):
    focus = factors.add(journal, "Focus", "scale")
    capture.save_checkin(journal, DAY, {"burnout": 2, "connection": 3, "factors": {focus.id: 5}})
    renamed = factors.edit(journal, focus, name="Deep focus", question="Hours of deep work?")
    assert (renamed.name, renamed.kind, renamed.question) == (
        "Deep focus",
        "scale",
        "Hours of deep work?",
    )
    assert factors.answers_by_name(journal, journal.checkin_on(DAY)) == {"Deep focus": "5"}
