"""The gateway's core: transactions, what changed, settings, and generic record access."""

from datetime import timedelta

import pytest

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError, NameTaken


def use(clock, **changes) -> r.AIUse:
    values = dict(started_at=clock(), tool="ChatGPT", pattern="learning", minutes=25)
    return r.AIUse(**(values | changes))


def test_take_changes_names_the_tables_written_once(journal, clock):
    journal.take_changes()
    journal.add(use(clock, skills=("SQL",)))
    journal.add(r.Touchpoint(at=clock(), kind="pairing", person="Dana"))
    assert journal.take_changes() == {
        "ai_uses",
        "skills",
        "learning_events",
        "touchpoints",
        "people",
    }
    assert journal.take_changes() == frozenset()  # taken: nothing new since
    journal.set_setting("theme", "dark")
    assert journal.take_changes() == {"settings"}


def test_an_inner_failure_undoes_only_the_inner_writes_and_their_changes(journal, clock):
    journal.take_changes()
    with journal.transaction():
        kept = journal.add(use(clock, tool="Kept"))
        with pytest.raises(RuntimeError), journal.transaction():
            journal.add(r.Touchpoint(at=clock(), kind="pairing", person="Dana"))
            raise RuntimeError("the inner block fails")
    assert [u.id for u in journal.all(r.AIUse)] == [kept.id]
    assert journal.counts()["touchpoints"] == 0 and journal.counts()["people"] == 0
    changed = journal.take_changes()
    assert "ai_uses" in changed and not changed & {"touchpoints", "people"}


def test_settings_round_trip_as_json(journal):
    assert journal.setting("missing") is None
    assert journal.setting("missing", {"fallback": 1}) == {"fallback": 1}
    journal.set_setting("reminder", {"hour": 18, "days": [1, 2]})
    journal.set_setting("reminder", {"hour": 19, "days": []})  # replaces the value
    assert journal.setting("reminder") == {"hour": 19, "days": []}
    journal.set_setting("off", False)
    assert journal.setting("off", True) is False


def test_deleted_records_are_found_only_when_asked_for(journal, clock):
    stored = journal.add(use(clock))
    gone = journal.delete(stored)
    assert gone.deleted_at is not None and gone.updated_at >= stored.updated_at
    assert journal.get(r.AIUse, stored.id) is None
    assert journal.get(r.AIUse, stored.id, deleted=True).deleted_at == gone.deleted_at
    assert journal.all(r.AIUse) == []
    assert [u.id for u in journal.all(r.AIUse, deleted=True)] == [stored.id]
    assert journal.counts()["ai_uses"] == 0


def test_unknown_ids_are_refused(journal, clock):
    never_stored = use(clock)
    with pytest.raises(InvalidInput, match="^id: "):
        journal.update(never_stored)
    with pytest.raises(InvalidInput, match="^id: "):
        journal.delete(never_stored)
    assert journal.counts()["ai_uses"] == 0


def test_linked_names_are_found_ignoring_case_and_made_once(journal, clock):
    journal.add(use(clock, skills=("SQL", "Python")))
    journal.add(use(clock, skills=("sql",)))
    journal.add(r.Touchpoint(at=clock(), kind="pairing", person="dana", skills=("  python ",)))
    assert sorted(s.name for s in journal.all(r.Skill)) == ["Python", "SQL"]
    assert [p.name for p in journal.all(r.Person)] == ["dana"]
    live = "SELECT count(*) FROM learning_events WHERE deleted_at IS NULL"
    assert journal.db.execute(live).fetchone()[0] == 4


def test_undelete_refuses_a_name_taken_meanwhile(journal):
    first = journal.add(r.Goal(name="Ship reporting"))
    journal.delete(first)
    journal.add(r.Goal(name="ship REPORTING"))
    with pytest.raises(NameTaken):
        journal.undelete(first)
    assert journal.get(r.Goal, first.id) is None


def test_a_write_that_sqlite_refuses_is_one_journal_error(journal, clock):
    journal.add(use(clock))
    journal.db.execute("PRAGMA query_only = ON")  # as a read-only file would
    try:
        with pytest.raises(JournalError, match="could not be written .*nothing was saved"):
            journal.add(use(clock, started_at=clock() - timedelta(hours=1)))
    finally:
        journal.db.execute("PRAGMA query_only = OFF")
    assert journal.counts()["ai_uses"] == 1
