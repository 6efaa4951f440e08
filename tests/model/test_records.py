"""Every validation rule of the record types, and the pattern taxonomy."""

from datetime import UTC, date, datetime, timedelta

import pytest

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.patterns import PATTERN_IDS, PATTERNS, Mode, augmentation_ids, mode_of

WHEN = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def ai(**changes):
    values = dict(started_at=WHEN, tool="ChatGPT", pattern="learning", minutes=25)
    return r.AIUse(**(values | changes))


def checkin(**changes):
    return r.Checkin(**({"day": date(2026, 11, 27), "burnout": 2, "connection": 4} | changes))


def touchpoint(**changes):
    return r.Touchpoint(**({"at": WHEN, "kind": "pairing"} | changes))


def test_taxonomy_has_five_patterns_with_derived_modes():
    assert PATTERN_IDS == ("task-iteration", "learning", "validation", "directive", "feedback-loop")
    assert set(augmentation_ids()) == {"task-iteration", "learning", "validation"}
    assert mode_of("directive") is Mode.AUTOMATION
    assert mode_of("feedback-loop") is Mode.AUTOMATION
    assert all(p.explanation and p.label for p in PATTERNS)


@pytest.mark.parametrize(
    ("build", "field", "value"),
    [
        (ai, "tool", ""),
        (ai, "tool", "   "),
        (ai, "pattern", "delegation"),
        (ai, "minutes", -1),
        (ai, "minutes", 24 * 60 + 1),
        (ai, "outcome", 0),
        (ai, "outcome", 6),
        (ai, "source", "web"),
        (ai, "started_at", datetime(2026, 11, 27, 10, 0)),  # no offset
        (checkin, "burnout", 9),
        (checkin, "burnout", 0),
        (checkin, "connection", 6),
        (checkin, "safety", 0),
        (checkin, "energy", 7),
        (checkin, "conversations", -1),
        (checkin, "burnout", True),
        (checkin, "day", "2026-11-27"),
        (touchpoint, "kind", "meeting"),
        (touchpoint, "quality", 6),
        (touchpoint, "minutes", -5),
        (touchpoint, "person", ""),
    ],
)
def test_invalid_values_name_the_field_the_value_and_what_is_allowed(build, field, value):
    with pytest.raises(InvalidInput) as caught:
        build(**{field: value})
    message = str(caught.value)
    assert "\n" not in message
    assert " is not allowed; " in message
    shown = {"started_at": "when", "day": "date"}.get(field, field)
    assert message.startswith(f"{shown}: ")


def test_error_message_reads_well():
    with pytest.raises(
        InvalidInput,
        match=r"^burnout: 9 is not allowed; use a whole number "
        r"from 1 to 5$",
    ):
        checkin(burnout=9)
    with pytest.raises(InvalidInput, match="use one of task-iteration, learning"):
        ai(pattern="nope")


def test_other_records_validate():
    with pytest.raises(InvalidInput, match="^relationship: "):
        r.Person(name="Dana", relationship="boss")
    with pytest.raises(InvalidInput, match="^cadence: "):
        r.Person(name="Dana", cadence_days=0)
    with pytest.raises(InvalidInput, match="^name: "):
        r.Person(name=" ")
    with pytest.raises(InvalidInput, match="^goal kind: "):
        r.Goal(name="Ship", kind="team")
    with pytest.raises(InvalidInput, match="^rating: "):
        r.SkillRating(skill="SQL", day=date(2026, 1, 1), rating=6)
    with pytest.raises(InvalidInput, match="^id: "):
        ai(id="not-a-uuid")
    with pytest.raises(InvalidInput, match="^updated_at: "):
        ai(updated_at="yesterday")


def test_names_are_tidied_and_skills_deduplicated():
    use = ai(tool="  Claude ", skills=("SQL", " sql ", "Python  testing", ""))
    assert use.tool == "Claude"
    assert use.skills == ("SQL", "Python testing")
    assert r.Person(name="  Dana   Lee ").name == "Dana Lee"


def test_future_rules_use_the_clock():
    clock = lambda: WHEN  # noqa: E731
    r.check_not_future_moment("when", WHEN + timedelta(minutes=4), clock)
    with pytest.raises(InvalidInput, match="use a time up to now"):
        r.check_not_future_moment("when", WHEN + timedelta(minutes=6), clock)
    r.check_not_future_day("date", WHEN.date(), clock)
    with pytest.raises(InvalidInput, match=r"use today \(2026-11-27\) or earlier"):
        r.check_not_future_day("date", WHEN.date() + timedelta(days=1), clock)


def test_parsing_what_people_type():
    assert r.parse_day("date", " 2026-03-01 ") == date(2026, 3, 1)
    with pytest.raises(InvalidInput, match="^date: '2026-13-01' is not allowed"):
        r.parse_day("date", "2026-13-01")
    local = r.parse_moment("when", "2026-03-01T14:30")
    assert local.tzinfo is not None and local.hour == 14
    assert r.parse_moment("when", "2026-03-01T14:30+02:00").utcoffset() == timedelta(hours=2)
    with pytest.raises(InvalidInput, match="^when: "):
        r.parse_moment("when", "tomorrow")


def test_touched_refreshes_updated_at_only():
    use = ai(updated_at="2020-01-01T00:00:00+00:00")
    later = use.touched(minutes=30)
    assert later.minutes == 30 and later.id == use.id and later.created_at == use.created_at
    assert later.updated_at > use.updated_at
