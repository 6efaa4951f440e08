"""Reviewing imports, the use case under both faces: doubtful first, grouped confirmation in one
transaction, undo from the journal, ids by their start, and the `aijournal review` commands."""

import json
from pathlib import Path

import pytest
from clitools import run

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError
from aijournal.sources import review
from aijournal.sources.importing import import_source
from aijournal.storage import DataPaths, Journal

EXPORTS = Path(__file__).parents[1] / "data" / "exports"
CHATGPT = EXPORTS / "chatgpt-conversations.json"


@pytest.fixture
def waiting(journal):
    import_source(journal, CHATGPT, "chatgpt")
    return {u.source_ref: u for u in journal.to_review()}


def test_the_least_sure_come_first(journal, waiting):
    listed = review.waiting(journal)
    sure = [u.suggestion_confidence for u in listed]
    assert sure == sorted(sure) and len(listed) == 11


def test_confirming_as_suggested_keeps_each_suggestion(journal, waiting):
    picked = [waiting["c-learn-0001"], waiting["c-errors-0003"]]
    done = review.confirm(journal, [u.id for u in picked], review.Confirmation())
    assert done.line == "2 AI uses confirmed as suggested."
    stored = [journal.get(r.AIUse, u.id) for u in picked]
    assert [(u.pattern, u.to_review) for u in stored] == [
        ("learning", False),
        ("feedback-loop", False),
    ]


def test_one_pattern_a_goal_skills_and_a_person_at_once(journal, waiting):
    goal = journal.add(r.Goal(name="Ship reporting"))
    how = review.Confirmation("validation", goal.id, ("SQL", "Writing"), replaced_person=True)
    ids = [waiting["c-learn-0001"].id, waiting["c-proof-0010"].id]
    done = review.confirm(journal, ids, how)
    assert done.line == (
        "2 AI uses confirmed as validation, for Ship reporting, with SQL, Writing and marked "
        "as replacing a person."
    )
    for use in (journal.get(r.AIUse, i) for i in ids):
        assert (use.pattern, use.goal_id, use.skills, use.replaced_person, use.to_review) == (
            "validation",
            goal.id,
            ("SQL", "Writing"),
            True,
            False,
        )


def test_a_bad_id_or_pattern_changes_nothing(journal, waiting):
    ids = [waiting["c-learn-0001"].id, "not-an-id"]
    with pytest.raises(InvalidInput, match="waiting for review"):
        review.confirm(journal, ids, review.Confirmation())
    with pytest.raises(InvalidInput):
        review.confirm(journal, ids[:1], review.Confirmation(pattern="vibes"))
    assert len(journal.to_review()) == 11


def test_undo_puts_back_what_was_there_from_any_face(journal, waiting):
    use = waiting["c-learn-0001"]
    done = review.confirm(journal, [use.id], review.Confirmation("directive", skills=("Python",)))
    other = Journal.open(journal.paths, store=journal.store)  # another process: the CLI
    with other:
        assert review.undo(other) == 1
    back = journal.get(r.AIUse, use.id)
    assert (back.pattern, back.skills, back.to_review) == ("learning", (), True)
    with pytest.raises(JournalError, match="no confirmation to undo"):
        review.undo(journal, done.token)


def test_only_the_last_confirmation_can_be_undone_by_its_token(journal, waiting):
    first = review.confirm(journal, [waiting["c-learn-0001"].id], review.Confirmation())
    review.confirm(journal, [waiting["c-proof-0010"].id], review.Confirmation())
    with pytest.raises(JournalError, match="Only the last confirmation"):
        review.undo(journal, first.token)


def test_ids_by_their_first_characters(journal, waiting):
    use = waiting["c-learn-0001"]
    assert review.resolve(journal, [use.id[:8], use.id]) == [use.id, use.id]
    with pytest.raises(InvalidInput, match="first 6 characters"):
        review.resolve(journal, [use.id[:3]])


# ---- the command line ------------------------------------------------------------------------


def test_review_list_confirm_and_undo_from_the_command_line(home):
    assert run("import", "chatgpt", str(CHATGPT))[0] == 0
    code, out = run("review", "list", "--format", "json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 11
    assert [x["sure"] for x in listed] == sorted(x["sure"] for x in listed)
    assert {x["mode"] for x in listed} == {"augmentation", "automation"}
    first, second = listed[0]["id"], listed[1]["id"]
    code, out = run("review", "confirm", first[:8], second, "--pattern", "learning")
    assert code == 0 and out.startswith("2 AI uses confirmed as learning."), out
    assert "aijournal review undo" in out
    with Journal.open(DataPaths(home)) as journal:
        assert journal.get(r.AIUse, first).pattern == "learning"
    code, out = run("review", "undo")
    assert code == 0 and "Put back 2 AI uses" in out
    assert len(json.loads(run("review", "list", "--format", "json")[1])) == 11
    code, out = run("review", "confirm", "--all", "--goal", "Nothing")
    assert code == 2 and "goal" in out
    assert run("review", "confirm")[0] == 2
    code, out = run("review", "confirm", "--all")
    assert code == 0 and "11 AI uses confirmed as suggested." in out
    assert "Nothing to review." in run("review", "list")[1]
