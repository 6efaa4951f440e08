"""Suggestions that learn from this user: the naive Bayes model, kept in the journal, re-ranking
new and waiting imports once 20 are reviewed, and a simulated user whose labels differ from the
rules."""

import hashlib
import json

import pytest
from labelled import DEVELOPMENT, HELD_OUT, Labelled, load, write_all

from aijournal.sources import learning, review
from aijournal.sources.importing import import_source, plan_import
from aijournal.storage.imports import RuleGuess

GUESS = RuleGuess("one-request", "directive", 0.55, "One request and done.", ("turns:1",))


def test_the_model_learns_counts_and_keeps_them_as_data():
    examples = [("learning", ["first:wh", "tool:ChatGPT"])] * 15
    examples += [("directive", ["first:request", "tool:ChatGPT"])] * 4
    model = learning.Model.train(examples)
    assert not model.usable  # 20 examples needed
    model = learning.Model.train([*examples, ("directive", ["first:request"])])
    assert model.usable and model.examples == 20
    posterior = model.posterior(["first:wh"])
    assert posterior["learning"] > 0.9 and abs(sum(posterior.values()) - 1) < 1e-9
    again = learning.Model.from_params(json.loads(json.dumps(model.to_params())))
    assert again.posterior(["first:request"]) == model.posterior(["first:request"])
    assert not learning.Model.train([("learning", ["x"])] * 30).usable  # one pattern: no choice


def test_below_twenty_reviews_the_rules_speak_alone():
    assert learning.rerank(None, "ChatGPT", "Haiku", GUESS) == learning.Reranked(
        "directive", 0.55, "One request and done."
    )


def test_the_reason_says_which_of_the_users_sessions_it_is_like():
    examples = [("validation", ["turns:1", "rule:one-request", "tool:Claude Code"])] * 14
    examples += [("directive", ["turns:1", "rule:one-request", "tool:ChatGPT"])] * 10
    model = learning.Model.train(examples)
    found = learning.rerank(model, "Claude Code", "billing-api: migrate", GUESS)
    assert found.pattern == "validation"
    assert found.reason == "Like 14 sessions you marked validation (in Claude Code)."
    kept = learning.rerank(model, "ChatGPT", "Haiku", GUESS)
    assert kept.pattern == "directive" and kept.reason.startswith("One request and done. Like ")


def dana(session: Labelled) -> str:
    """A user whose labels differ from the rules: she runs whatever a coding agent writes and
    reports back, so every agent session is a feedback loop to her unless she was learning;
    and her ChatGPT questions are checks of what she already thinks."""
    if session.source in ("claude-code", "codex", "aider") and session.pattern != "learning":
        return "feedback-loop"
    if session.source == "chatgpt" and session.pattern == "learning":
        return "validation"
    return session.pattern


def careful(session: Labelled) -> str:
    return session.pattern


def held_back(session: Labelled) -> bool:
    return int(hashlib.sha256(session.id.encode()).hexdigest(), 16) % 10 >= 6


def accuracy(journal, sessions, labels) -> float:
    suggested = {u.started_at: u.suggested_pattern for u in journal.to_review()}
    return sum(suggested[s.start] == labels[s.start] for s in sessions) / len(sessions)


@pytest.mark.parametrize("user", [dana, careful], ids=["labels differ", "labels agree"])
def test_reviewing_teaches_the_suggestions_this_users_labels(journal, tmp_path, user):
    sessions = load(*DEVELOPMENT, *HELD_OUT)
    for kind, path in write_all(sessions, tmp_path).items():
        import_source(journal, path, kind)
    labels = {s.start: user(s) for s in sessions}
    test = [s for s in sessions if held_back(s)]
    train = [s for s in sessions if not held_back(s)]
    assert len(test) >= 80 and len(train) >= 20
    before = accuracy(journal, test, labels)
    ids = {u.started_at: u.id for u in journal.to_review()}
    for pattern in sorted({labels[s.start] for s in train}):
        chosen = [ids[s.start] for s in train if labels[s.start] == pattern]
        review.confirm(journal, chosen, review.Confirmation(pattern=pattern))
    after = accuracy(journal, test, labels)
    if user is dana:
        assert after - before >= 0.10, (before, after)
    else:
        assert after >= before - 0.02, (before, after)
    stored = journal.learned(learning.MODEL)
    assert stored is not None and stored[1] == len(train)
    waiting = journal.to_review()
    assert any(
        u.suggestion_reason.startswith("Like ") or " Like " in u.suggestion_reason for u in waiting
    )


def test_a_new_import_after_learning_is_re_ranked_and_undo_forgets(journal, tmp_path):
    agent = [s for s in load(*DEVELOPMENT) if s.source == "claude-code"]
    for kind, path in write_all(agent[:24], tmp_path / "first").items():
        import_source(journal, path, kind)
    ids = {u.started_at: u.id for u in journal.to_review()}
    learned = [ids[s.start] for s in agent[:24] if dana(s) == "learning"]
    review.confirm(journal, learned, review.Confirmation(pattern="learning"))
    rest = [ids[s.start] for s in agent[:24] if dana(s) != "learning"]
    done = review.confirm(journal, rest, review.Confirmation(pattern="feedback-loop"))
    assert learning.stored(journal) is not None
    later = write_all(agent[24:], tmp_path / "later")["claude-code"]
    rules = {u.started_at: u.suggested_pattern for u in plan_import(later, "claude-code").uses}
    dry = import_source(journal, later, "claude-code", dry_run=True)
    learned_now = {u.started_at: u.suggested_pattern for u in dry.uses}
    wanted = {s.start: dana(s) for s in agent[24:]}
    right = sum(learned_now[t] == wanted[t] for t in wanted)
    assert dry.learned and right > sum(rules[t] == wanted[t] for t in wanted)
    assert right >= len(wanted) - 1
    assert all("you marked" in u.suggestion_reason for u in dry.uses)
    review.undo(journal, done.token)
    assert learning.stored(journal) is None  # too few reviews left to learn from
    assert not import_source(journal, later, "claude-code", dry_run=True).learned
