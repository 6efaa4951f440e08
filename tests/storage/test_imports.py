"""The imports part: imported AI uses, their review, what the rules saw, and source settings."""

from datetime import timedelta

import pytest

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage.imports import ImportedSession, RuleGuess, SourceSetting

GUESS = RuleGuess("short-chat", "directive", 0.6, "one turn", ("turns:1", "code"))


def imported(clock, ref, **changes) -> r.AIUse:
    values = dict(
        started_at=clock() - timedelta(hours=2),
        tool="Claude Code",
        pattern="directive",
        minutes=10,
        source="claude-code",
        source_ref=ref,
        to_review=True,
        suggested_pattern="directive",
        suggestion_confidence=0.6,
    )
    return r.AIUse(**(values | changes))


def test_add_imported_skips_refs_seen_before_even_deleted_ones(journal, clock):
    first = imported(clock, "s1", skills=("SQL",))
    assert journal.add_imported([first, imported(clock, "s2"), imported(clock, "s2")]) == 2
    journal.delete(journal.get(r.AIUse, first.id))
    assert journal.add_imported([imported(clock, "s1"), imported(clock, "s3")]) == 1
    assert journal.imported_refs("claude-code") == {"s1", "s2", "s3"}
    assert journal.imported_refs("codex") == set()
    assert journal.get(r.AIUse, first.id, deleted=True).skills == ("SQL",)
    # the same ref from another source is another session
    assert journal.add_imported([imported(clock, "s1", source="codex")]) == 1


def test_add_imported_checks_every_use_before_writing_any(journal, clock):
    with pytest.raises(InvalidInput, match="^source_ref: "):
        journal.add_imported([imported(clock, "ok"), imported(clock, None)])
    future = imported(clock, "later", started_at=clock() + timedelta(days=1))
    with pytest.raises(InvalidInput, match="^when: "):
        journal.add_imported([imported(clock, "ok"), future])
    assert journal.counts()["ai_uses"] == 0


def test_review_confirms_what_is_given_on_all(journal, clock):
    goal = journal.add(r.Goal(name="Reporting"))
    a, b = imported(clock, "a"), imported(clock, "b", pattern="learning")
    journal.add_imported([a, b])
    assert [u.id for u in journal.to_review()] == [a.id, b.id]
    assert (
        journal.confirm_reviewed(
            [a.id, b.id, a.id], pattern="validation", goal_id=goal.id, skills=["SQL"]
        )
        == 2
    )
    for use_id in (a.id, b.id):
        done = journal.get(r.AIUse, use_id)
        assert (done.to_review, done.pattern, done.goal_id, done.skills) == (
            False,
            "validation",
            goal.id,
            ("SQL",),
        )
    assert journal.to_review() == []
    with pytest.raises(InvalidInput, match="^id: "):
        journal.confirm_reviewed([r.new_id()])


def test_refresh_waiting_leaves_uses_the_user_changed(journal, clock):
    untouched, changed = imported(clock, "u"), imported(clock, "c")
    journal.add_imported([untouched, changed])
    journal.update(journal.get(r.AIUse, changed.id).touched(pattern="learning"))
    newer = [
        imported(clock, "u", minutes=45, turns=12, task="a longer session"),
        imported(clock, "c", minutes=45),
        imported(clock, "never-imported", minutes=45),
    ]
    assert journal.refresh_waiting(newer) == 1
    assert journal.get(r.AIUse, untouched.id).minutes == 45
    assert journal.get(r.AIUse, untouched.id).task == "a longer session"
    assert journal.get(r.AIUse, changed.id).minutes == 10
    assert journal.refresh_waiting(newer) == 0  # already up to date
    assert journal.counts()["ai_uses"] == 2


def test_rule_guesses_and_the_sessions_the_model_learns_from(journal, clock):
    a, b = imported(clock, "a"), imported(clock, "b")
    journal.add_imported([a, b], guesses={a.id: GUESS})
    assert journal.rule_guesses() == {a.id: GUESS}
    assert journal.rule_guesses([b.id]) == {}
    [waiting] = journal.imported_sessions(waiting=True)
    assert (waiting.id, waiting.suggested, waiting.guess) == (a.id, "directive", GUESS)
    assert journal.imported_sessions(waiting=False) == []
    suggestion = ImportedSession(a.id, "", "", "learning", "learning", 0.9, "model", GUESS)
    assert journal.set_suggestions([suggestion]) == 1
    assert journal.get(r.AIUse, a.id).suggestion_confidence == 0.9
    journal.confirm_reviewed([a.id])
    assert [s.pattern for s in journal.imported_sessions(waiting=False)] == ["learning"]
    assert journal.set_suggestions([suggestion]) == 0  # reviewed: the user's now


def test_learned_models_and_review_undo(journal):
    assert journal.learned("patterns") is None
    journal.save_learned("patterns", {"weights": [0.5, 1]}, 12)
    journal.save_learned("patterns", {"weights": [0.25]}, 13)
    assert journal.learned("patterns") == ({"weights": [0.25]}, 13)
    assert journal.last_review() is None
    journal.remember_review("t1", [])
    assert journal.last_review() is None  # nothing to put back
    journal.remember_review("t2", [{"id": "x", "pattern": "learning"}])
    assert journal.last_review() == {"token": "t2", "before": [{"id": "x", "pattern": "learning"}]}
    journal.forget_review()
    assert journal.last_review() is None


def test_source_settings_round_trip(journal):
    assert journal.source_settings() == {}
    setting = SourceSetting(
        "codex", True, ("~/.codex/sessions",), "2026-11-27T09:00:00+00:00", 1764234000.5
    )
    journal.save_source_setting(SourceSetting("codex"))
    journal.save_source_setting(setting)
    journal.save_source_setting(SourceSetting("aider"))
    assert journal.source_settings() == {"codex": setting, "aider": SourceSetting("aider")}
