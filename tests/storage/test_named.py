"""Names of people, skills and goals are unique among live records, ignoring case: one rule in
the gateway (and a unique index), the same answer from the CLI, the app and concurrent adds."""

import subprocess
import sys
import textwrap

import pytest
from clitools import run

from aijournal.model import records as r
from aijournal.model.errors import NameTaken
from aijournal.storage import DataPaths, Journal


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda name: r.Person(name=name), "name"),
        (lambda name: r.Skill(name=name), "skill"),
        (lambda name: r.Goal(name=name), "goal"),
        (lambda name: r.Factor(name=name), "factor"),
    ],
)
def test_a_name_differing_only_in_case_or_spacing_is_refused(journal, make, field):
    first = journal.add(make("Ship reporting"))
    with pytest.raises(NameTaken) as refused:
        journal.add(make("SHIP   reporting"))
    assert refused.value.field == field
    other = journal.add(make("Other"))
    with pytest.raises(NameTaken):  # renaming onto a taken name, too
        journal.update(other.touched(name="ship reporting"))
    journal.delete(first)
    again = journal.add(make("Ship reporting"))  # a deleted record's name is free again
    with pytest.raises(NameTaken):  # ... so the deleted one cannot come back under it
        journal.undelete(first)
    assert journal.get(type(again), again.id) is not None


def test_the_index_holds_the_rule_even_for_raw_sql(journal):
    import sqlcipher3

    journal.add(r.Goal(name="Ship reporting"))
    with pytest.raises(sqlcipher3.IntegrityError):
        journal.db.execute(
            "INSERT INTO goals (id, name, kind, archived, created_at, updated_at)"
            " VALUES ('x', 'SHIP REPORTING', 'personal', 0, '2026-01-01', '2026-01-01')"
        )


def test_the_cli_and_the_app_refuse_the_same_duplicate(home, qtbot):
    from aijournal.ui.views.skills_goals import SkillsGoalsView

    assert run("goal", "add", "Ship reporting")[0] == 0
    code, printed = run("goal", "add", "SHIP REPORTING")
    assert code == 2 and printed.count("\n") == 1 and printed.startswith("aijournal: goal:")
    with Journal.open(DataPaths(home)) as journal:
        view = SkillsGoalsView(journal)
        qtbot.addWidget(view)
        view.goals.name.setText("SHIP REPORTING")
        view.goals.save()
        shown = view.goals.error.text()  # the app capitalises the field name
        assert shown.lower() == printed.removeprefix("aijournal: ").strip().lower()
        assert [g.name for g in journal.goals()] == ["Ship reporting"]


WRITER = textwrap.dedent("""
    import sys
    from aijournal.model import records as r
    from aijournal.storage import DataPaths, Journal
    journal = Journal.open(DataPaths(sys.argv[1]), passphrase=lambda: "same name test")
    sys.stdin.readline()  # start together
    for n in range(20):
        journal.add(r.AIUse(started_at=r.now(), tool="T", pattern="learning", minutes=1,
                            skills=(f"Skill {n}",)))
        journal.skill_named(f"Topic {n}", create=True)
""")


def test_simultaneous_adds_of_one_name_make_one_record(tmp_path):
    from aijournal.storage.unlock import Key

    paths = DataPaths(tmp_path / "data")
    Journal.create(paths, Key.from_passphrase("same name test")).close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(paths.root)],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    with Journal.open(paths, passphrase=lambda: "same name test") as journal:
        names = [s.name for s in journal.skills()]
    assert len(names) == len(set(names)) == 40


def test_a_second_machine_with_the_same_name_merges_without_a_duplicate(tmp_path, journal):
    from aijournal.storage import exchange
    from aijournal.storage.unlock import Key

    here = journal.add(r.Person(name="Dana"))
    with Journal.create(DataPaths(tmp_path / "laptop"), Key.random()) as laptop:
        theirs = laptop.add(r.Person(name="dana", relationship="mentor"))
        laptop.add(r.Touchpoint(at=r.now(), kind="pairing", person="dana"))
        data = exchange.export_data(laptop)
    report = exchange.merge(journal, data)
    assert report.renamed == ["dana → dana (2)"]
    names = {p.id: p.name for p in journal.people()}
    assert names == {here.id: "Dana", theirs.id: "dana (2)"}
    (touchpoint,) = journal.all(r.Touchpoint)
    assert touchpoint.person == "dana (2)"  # still linked to the person it was logged with
    assert exchange.merge(journal, data).line().startswith("0 added, 0 updated")  # idempotent
