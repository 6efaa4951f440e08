"""Conversations into sessions and AI uses: the gap that splits them, caps, missing times."""

from datetime import UTC, datetime, timedelta

import pytest

from aijournal.sources import conversations as cv

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def talk(*minutes_and_roles, created=T0, **extra) -> cv.Conversation:
    messages = [
        cv.Message(role, None if at is None else T0 + timedelta(minutes=at), f"turn {i}")
        for i, (at, role) in enumerate(minutes_and_roles)
    ]
    return cv.Conversation(
        "chatgpt", "ref", extra.pop("title", "Title"), messages, created, **extra
    )


def shape(conversation):
    return [(s.start, s.minutes, len(s.user_turns)) for s in cv.sessions(conversation)]


def test_a_gap_over_sixty_minutes_starts_a_new_session():
    exactly = talk((0, "user"), (2, "assistant"), (62, "user"), (63, "assistant"))
    assert shape(exactly) == [(T0, 63, 2)]
    over = talk((0, "user"), (2, "assistant"), (63, "user"), (70, "assistant"), (71, "user"))
    assert shape(over) == [(T0, 2, 1), (T0 + timedelta(minutes=63), 8, 2)]


def test_sessions_are_capped_and_last_at_least_a_minute():
    long = talk(*[(m, "user" if m % 40 == 0 else "assistant") for m in range(0, 400, 20)])
    assert shape(long) == [(T0, 180, 10)]
    assert shape(talk((0, "user"))) == [(T0, 1, 1)]


def test_answers_alone_make_no_session_and_missing_times_follow_the_last():
    late_answer = talk((0, "assistant"), (120, "user"), (None, "assistant"), (125, "user"))
    assert shape(late_answer) == [(T0 + timedelta(minutes=120), 5, 2)]
    with pytest.raises(cv.Unreadable, match="no readable messages"):
        cv.sessions(talk((0, "assistant")))
    with pytest.raises(cv.Unreadable, match="no time"):
        cv.sessions(talk((None, "user"), created=None))


def test_later_sessions_get_numbered_refs():
    uses = cv.ai_uses(talk((0, "user"), (90, "user"), (200, "user")))
    assert [p.use.source_ref for p in uses] == ["ref", "ref#2", "ref#3"]
    assert all(p.split for p in uses)


def test_a_coding_agent_session_is_named_by_its_project_and_first_prompt():
    agent = talk((0, "user"), title="", project="billing-api", named_by_prompt=True)
    agent.messages[0] = cv.Message("user", T0, "Add retries to the webhook handler\nand tests")
    (planned,) = cv.ai_uses(agent)
    assert planned.use.task == "billing-api: Add retries to the webhook handler"
    assert planned.use.note == ""
    long = "word " * 40
    assert cv.from_prompt(long).endswith("…") and len(cv.from_prompt(long)) <= 81


def test_times_in_milliseconds_and_far_off_years():
    assert cv.moment_from_unix(1_772_442_000_000) == cv.moment_from_unix(1_772_442_000)
    assert cv.moment_from_unix(10**15) is None and cv.moment_from_unix(True) is None
    assert cv.moment_from_iso("1900-01-01T00:00:00") is None
    assert cv.moment_from_iso("2026-03-02T09:00:00") == T0
