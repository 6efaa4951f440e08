"""Removing the sample data: exactly what the sample added goes, the user's records stay
untouched, and Undo brings back exactly what went."""

from datetime import timedelta

import pytest
from clitools import run

from aijournal.journaling import demo, sample_data
from aijournal.model import records as r
from aijournal.model.errors import JournalError
from aijournal.storage import DataPaths, Journal, exchange
from aijournal.storage.schema import RECORD_TABLES


def rows(journal: Journal) -> dict[str, dict[str, dict]]:
    """Every row of every record table, by id."""
    tables = exchange.export_data(journal)["tables"]
    return {t: {row["id"]: row for row in tables[t]} for t in RECORD_TABLES}


def without_stamps(tables: dict[str, dict[str, dict]]) -> dict[str, dict[str, dict]]:
    return {
        t: {i: {k: v for k, v in row.items() if k != "updated_at"} for i, row in found.items()}
        for t, found in tables.items()
    }


def add_own_records(journal: Journal) -> None:
    """What a user adds beside the sample: some of it with the sample's people and skills."""
    now = journal.clock()
    journal.add(r.AIUse(started_at=now, tool="Mistral", pattern="learning", minutes=12, note="x"))
    journal.add(r.Touchpoint(at=now, kind="pairing", person="Dana", skills=("Prompt design",)))
    journal.add(r.Touchpoint(at=now - timedelta(hours=1), kind="social", person="Zoe"))
    journal.add(r.Goal(name="Write the book", kind="personal"))


def test_every_record_the_sample_adds_is_marked(journal):
    demo.fill(journal, days=30)
    assert sample_data.present(journal) == {t: n for t, n in journal.counts().items() if n} | {
        "learning_events": journal.db.execute(
            "SELECT count(*) FROM learning_events WHERE deleted_at IS NULL"
        ).fetchone()[0]
    }


def test_removal_leaves_exactly_the_users_records_and_undo_brings_all_back(journal):
    journal.add(r.Person(name="Kim", relationship="peer"))  # before the sample: the user's
    demo.fill(journal, days=40)
    add_own_records(journal)
    before = rows(journal)

    removal = sample_data.remove(journal)
    after = rows(journal)
    live = {
        t: {i for i, row in found.items() if row["deleted_at"] is None}
        for t, found in after.items()
    }
    dana = journal.person_named("Dana")
    prompt_design = journal.skill_named("Prompt design")
    # Left: the user's records, unchanged, and the sample's Dana and skill they refer to.
    own = {
        "ai_uses": {u.id for u in journal.all(r.AIUse) if u.tool == "Mistral"},
        "touchpoints": {t.id for t in journal.all(r.Touchpoint)},
        "people": {p.id for p in journal.all(r.Person)},
    }
    assert {journal.get(r.Person, i).name for i in own["people"]} == {"Kim", "Dana", "Zoe"}
    assert {s.name for s in journal.all(r.Skill)} == {"Prompt design"}
    assert {g.name for g in journal.all(r.Goal)} == {"Write the book"}
    assert len(own["touchpoints"]) == 2 and journal.all(r.Checkin) == []
    assert journal.all(r.Assessment) == [] and journal.all(r.SkillRating) == []
    for table, ids in live.items():
        for record_id in ids:
            assert after[table][record_id] == before[table][record_id], (table, record_id)
    assert removal.kept == {"people": 1, "skills": 1}
    assert dana is not None and prompt_design is not None
    assert sample_data.present(journal) == {}
    line = sample_data.removal_line(removal)
    assert "Kept 1 person and 1 skill" in line and "AI use" in line

    restored = sample_data.undo(journal, removal.stamp)
    assert sum(restored.values()) == sum(removal.removed.values())
    back = rows(journal)
    assert without_stamps(back) == without_stamps(before)
    changed = [
        (t, i) for t, found in back.items() for i, row in found.items() if row != before[t][i]
    ]
    # Only what was removed changed, and its new stamp lets a merge carry the Undo.
    assert len(changed) == sum(removal.removed.values())
    assert all(back[t][i]["updated_at"] > before[t][i]["updated_at"] for t, i in changed)
    with pytest.raises(JournalError, match="no removed sample"):
        sample_data.undo(journal)


def test_what_the_user_deleted_stays_deleted_after_undo(journal):
    demo.fill(journal, days=20)
    use = journal.all(r.AIUse)[0]
    journal.delete(use)
    sample_data.undo(journal, sample_data.remove(journal).stamp)
    assert journal.get(r.AIUse, use.id) is None
    assert len(journal.all(r.AIUse)) > 0


def test_undo_refuses_what_would_clash_and_restores_nothing(journal):
    demo.fill(journal, days=5)
    today = journal.clock().date()
    had_checkin = journal.checkin_on(today) is not None
    removal = sample_data.remove(journal)
    journal.add(r.Person(name="Dana"))  # the same name as the sample's mentor
    if not had_checkin:
        journal.save_checkin(r.Checkin(day=today, burnout=2, connection=3))
    with pytest.raises(JournalError, match="Nothing was restored"):
        sample_data.undo(journal, removal.stamp)
    assert journal.all(r.AIUse) == [] and sample_data.present(journal) == {}


def test_nothing_to_remove_is_said_and_the_sample_can_be_added_again(journal):
    with pytest.raises(JournalError, match="no sample data"):
        sample_data.remove(journal)
    demo.fill(journal, days=10)
    first = {p.id for p in journal.all(r.Person)}
    sample_data.remove(journal)
    demo.fill(journal, days=10)  # the first sample's ids stay taken: the next seed's story
    assert journal.all(r.Person) and first.isdisjoint(p.id for p in journal.all(r.Person))
    sample_data.remove(journal)
    assert journal.all(r.AIUse) == []


def test_demo_remove_and_restore_from_the_cli(home):
    import json

    assert run("demo", "--days", "15")[0] == 0
    run("log-ai", "--tool", "Mistral", "--pattern", "learning", "--minutes", "5")
    code, out = run("demo", "--remove", "--format", "json")
    assert code == 0, out
    removed = json.loads(out)
    assert removed["removed"]["ai_uses"] > 0 and removed["kept"] == {}
    with Journal.open(DataPaths(home)) as journal:
        assert [u.tool for u in journal.all(r.AIUse)] == ["Mistral"]
    code, out = run("demo", "--remove")
    assert code == 1 and "no sample data" in out
    code, out = run("demo", "--restore")
    assert code == 0 and f"{removed['removed']['ai_uses']} AI uses" in out
    with Journal.open(DataPaths(home)) as journal:
        assert len(journal.all(r.AIUse)) == removed["removed"]["ai_uses"] + 1
    code, out = run("demo", "--remove")
    assert code == 0 and "Removed the sample data" in out and "--restore" in out


def test_a_sample_factor_the_user_answered_stays_with_the_answers(journal):
    demo.fill(journal, days=20)
    slept = next(f for f in journal.factors() if f.name == "Slept well")
    day = journal.clock().date() - timedelta(days=30)  # before the sample's 20 days
    journal.save_checkin(r.Checkin(day=day, burnout=2, connection=4, factors=((slept.id, 1),)))

    removal = sample_data.remove(journal)

    assert [f.name for f in journal.factors()] == ["Slept well"]  # the other one went
    assert removal.kept.get("factors") == 1
    assert [c.day for c in journal.all(r.Checkin)] == [day]
    assert journal.all(r.Checkin)[0].factor_values == {slept.id: 1}
