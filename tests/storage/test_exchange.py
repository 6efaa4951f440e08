"""JSON export and import: lossless, idempotent merges, all-or-nothing on bad files."""

import hashlib
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.patterns import PATTERN_IDS
from aijournal.storage import DataPaths, Journal, exchange
from aijournal.storage.unlock import Key

BASE = datetime(2026, 1, 1, tzinfo=UTC)


def fresh(tmp_path, name, clock) -> Journal:
    return Journal.create(DataPaths(tmp_path / name), Key.random(), clock=clock)


def tables(journal):
    data = exchange.export_data(journal)
    return data["tables"]


def test_round_trip_is_lossless(sample_journal, tmp_path, clock):
    path = tmp_path / "export.json"
    exchange.write_json(sample_journal, path)
    with fresh(tmp_path, "copy", clock) as copy:
        report = exchange.merge(copy, exchange.read_json(path))
        assert sum(report.added.values()) > 900
        assert tables(copy) == tables(sample_journal)
        again = exchange.merge(copy, exchange.read_json(path))
        assert again.added == {} and again.updated == {}
        assert tables(copy) == tables(sample_journal)


def test_newest_wins_and_deletions_travel(journal, tmp_path, clock):
    use = journal.add(r.AIUse(started_at=clock(), tool="Claude", pattern="learning", minutes=5))
    gone = journal.add(r.AIUse(started_at=clock(), tool="Gemini", pattern="directive", minutes=5))
    with fresh(tmp_path, "other", clock) as other:
        exchange.merge(other, exchange.export_data(journal))
        newer = other.update(other.get(r.AIUse, use.id).touched(minutes=50))
        other.delete(other.get(r.AIUse, gone.id))
        exported = exchange.export_data(other)
    older_local = journal.get(r.AIUse, use.id)
    report = exchange.merge(journal, exported)
    assert (report.updated, report.deleted) == ({"ai_uses": 1}, {"ai_uses": 1})
    assert journal.get(r.AIUse, use.id).minutes == newer.minutes == 50
    assert journal.get(r.AIUse, gone.id) is None
    # The older version coming back changes nothing.
    stale = json.loads(json.dumps(exported))
    for row in stale["tables"]["ai_uses"]:
        if row["id"] == use.id:
            row["minutes"], row["updated_at"] = 1, older_local.updated_at
    exchange.merge(journal, stale)
    assert journal.get(r.AIUse, use.id).minutes == 50


def test_same_day_checkins_from_two_machines_settle_on_the_newest(journal, tmp_path, clock):
    journal.save_checkin(
        r.Checkin(
            day=clock().date(), burnout=2, connection=4, updated_at="2026-11-27T08:00:00+00:00"
        )
    )
    with fresh(tmp_path, "laptop", clock) as laptop:
        laptop.save_checkin(r.Checkin(day=clock().date(), burnout=4, connection=2))
        exported = exchange.export_data(laptop)
    exchange.merge(journal, exported)
    assert journal.checkin_on(clock().date()).burnout == 4
    assert journal.counts()["checkins"] == 1


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.update(format="something-else"), "format"),
        (lambda d: d.update(version=99), "version"),
        (lambda d: d["tables"].update(secrets=[]), "tables"),
        (lambda d: d["tables"]["ai_uses"][0].update(pattern="vibes"), "ai_uses[0].pattern"),
        (lambda d: d["tables"]["ai_uses"][0].update(minutes="lots"), "ai_uses[0].minutes"),
        (lambda d: d["tables"]["ai_uses"][0].update(colour="red"), "ai_uses[0].colour"),
        (lambda d: d["tables"]["ai_uses"][0].update({"\n": None}), "ai_uses[0]['\\n']: None"),
        (lambda d: d["tables"]["ai_uses"][0].pop("id"), "ai_uses[0].id"),
        (lambda d: d["tables"]["checkins"][0].update(burnout=9), "checkins[0].burnout"),
        (
            lambda d: d["tables"]["ai_uses"][0].update(
                goal_id="0" * 8 + "-0000-4000-8000-" + "0" * 12
            ),
            "import",
        ),
    ],
)
def test_a_bad_file_changes_nothing_byte_for_byte(journal, clock, tmp_path, mutate, field):
    journal.add(r.AIUse(started_at=clock(), tool="Claude", pattern="learning", minutes=5))
    journal.save_checkin(r.Checkin(day=clock().date(), burnout=2, connection=4))
    data = exchange.export_data(journal)
    for row in data["tables"]["ai_uses"]:
        row["id"] = r.new_id()  # new records, so a good file would add them
    mutate(data)
    journal.checkpoint()
    before = hashlib.sha256(journal.paths.db.read_bytes()).hexdigest()
    counts = journal.counts()
    with pytest.raises(InvalidInput) as caught:
        exchange.merge(journal, data)
    assert field in str(caught.value) and "\n" not in str(caught.value)
    journal.checkpoint()
    assert journal.counts() == counts
    assert hashlib.sha256(journal.paths.db.read_bytes()).hexdigest() == before


def test_unreadable_files_are_invalid_input(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(InvalidInput, match="not valid JSON"):
        exchange.read_json(bad)
    with pytest.raises(InvalidInput, match="readable file"):
        exchange.read_json(tmp_path / "missing.json")


def test_csv_leaves_out_notes_and_names_unless_asked(journal, clock):
    journal.add(r.Touchpoint(at=clock(), kind="pairing", person="Dana", note="private words"))
    plain = exchange.csv_text(journal, "touchpoint")
    assert "Dana" not in plain and "private words" not in plain
    full = exchange.csv_text(journal, "touchpoint", notes=True, names=True)
    assert "Dana" in full and "private words" in full
    people = exchange.csv_text(journal, "person")
    assert "Dana" not in people


# ---- property: any journal content survives export -> import ---------------------------

text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x1f"), max_size=40
)
moments = st.integers(0, 300 * 24 * 60).map(lambda m: BASE + timedelta(minutes=m))
names = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=12)
ai_uses = st.builds(
    r.AIUse,
    started_at=moments,
    tool=names,
    pattern=st.sampled_from(PATTERN_IDS),
    minutes=st.integers(0, 600),
    task=text,
    replaced_person=st.booleans(),
    skills=st.lists(names, max_size=3).map(tuple),
    outcome=st.none() | st.integers(1, 5),
    note=text,
)
touchpoints = st.builds(
    r.Touchpoint,
    at=moments,
    kind=st.sampled_from(r.TOUCHPOINT_KINDS),
    person=st.none() | names,
    minutes=st.none() | st.integers(0, 300),
    quality=st.none() | st.integers(1, 5),
    skills=st.lists(names, max_size=2).map(tuple),
    note=text,
)
checkins = st.builds(
    r.Checkin,
    day=st.dates(date(2026, 1, 1), date(2026, 10, 1)),
    burnout=st.integers(1, 5),
    connection=st.integers(1, 5),
    safety=st.none() | st.integers(1, 5),
    conversations=st.none() | st.integers(0, 20),
    asked_advice=st.none() | st.booleans(),
    energy=st.none() | st.integers(1, 5),
    note=text,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    uses=st.lists(ai_uses, max_size=6),
    touches=st.lists(touchpoints, max_size=4),
    days=st.lists(checkins, max_size=4, unique_by=lambda c: c.day),
    deleted=st.integers(0, 3),
)
def test_any_journal_round_trips(tmp_path_factory, clock, uses, touches, days, deleted):
    folder = tmp_path_factory.mktemp("prop")
    with fresh(folder, "a", clock) as source, fresh(folder, "b", clock) as target:
        for record in [*uses, *touches, *days]:
            source.add(record)
        for record in [*uses, *touches, *days][:deleted]:
            source.delete(record)
        exported = json.loads(json.dumps(exchange.export_data(source)))
        exchange.merge(target, exported)
        assert tables(target) == tables(source)
        assert exchange.merge(target, exported).added == {}


def _factor_journal(journal, clock):
    from aijournal.journaling import capture, factors

    slept = factors.add(journal, "Slept well", "yes-no", "Did you sleep well?")
    focus = factors.add(journal, "Focus", "scale")
    day = clock().date()
    capture.save_checkin(
        journal, day, {"burnout": 2, "connection": 4, "factors": {slept.id: 1, focus.id: 3}}
    )
    factors.set_archived(journal, slept, True)
    return slept, focus, day


def test_factors_and_their_answers_round_trip_and_merge(journal, tmp_path, clock):
    from aijournal.journaling import capture, factors

    slept, focus, day = _factor_journal(journal, clock)
    with fresh(tmp_path, "laptop", clock) as laptop:
        exchange.merge(laptop, json.loads(json.dumps(exchange.export_data(journal))))
        assert tables(laptop) == tables(journal)
        assert [(f.name, f.archived) for f in laptop.factors(archived=True)] == [
            ("Slept well", True),
            ("Focus", False),
        ]
        assert laptop.checkin_on(day).factor_values == {slept.id: 1, focus.id: 3}
        # On the laptop, later: focus answered 5, the factor renamed, a new factor added.
        capture.save_checkin(laptop, day, {"factors": {focus.id: 5}})
        factors.edit(laptop, laptop.get(r.Factor, focus.id), name="Deep focus")
        gym = factors.add(laptop, "Gym", "yes-no")
        exported = exchange.export_data(laptop)
    report = exchange.merge(journal, exported)
    assert report.updated == {"factors": 1, "checkins": 1} and report.added == {"factors": 1}
    assert journal.checkin_on(day).factor_values == {slept.id: 1, focus.id: 5}
    assert [f.name for f in journal.factors(archived=True)] == ["Slept well", "Deep focus", "Gym"]
    assert journal.get(r.Factor, gym.id).kind == "yes-no"
    again = exchange.merge(journal, exported)  # idempotent
    assert again.added == {} and again.updated == {}


def test_a_factor_of_the_same_name_from_another_machine_is_kept_apart(journal, tmp_path, clock):
    from aijournal.journaling import factors

    factors.add(journal, "Gym", "yes-no")
    with fresh(tmp_path, "laptop", clock) as laptop:
        factors.add(laptop, "gym", "scale")
        report = exchange.merge(journal, exchange.export_data(laptop))
    assert report.renamed == ["gym → gym (2)"]
    assert [f.name for f in journal.factors()] == ["Gym", "gym (2)"]


def test_an_answer_to_an_unknown_factor_is_refused_and_nothing_written(journal, clock, tmp_path):
    _factor_journal(journal, clock)
    data = exchange.export_data(journal)
    with fresh(tmp_path, "other", clock) as other:
        data["tables"]["factors"] = []
        with pytest.raises(InvalidInput, match="refers to a factors record"):
            exchange.merge(other, data)
        assert other.counts()["checkins"] == 0
        bad = exchange.export_data(journal)
        bad["tables"]["checkins"][0]["factors"] = '{"not an id": 1}'
        with pytest.raises(InvalidInput, match=r"checkins\[0\]\.factors"):
            exchange.merge(other, bad)


def test_an_export_from_before_factors_still_imports(journal, tmp_path, clock):
    journal.save_checkin(r.Checkin(day=clock().date(), burnout=2, connection=4))
    data = exchange.export_data(journal)
    del data["tables"]["factors"]
    for row in data["tables"]["checkins"]:
        del row["factors"]  # the shape of a version 1 export made before step 0006
    with fresh(tmp_path, "new", clock) as new:
        exchange.merge(new, data)
        assert new.checkin_on(clock().date()).factors == ()


def test_csv_has_a_column_per_factor_and_a_factor_kind(journal, clock):
    _factor_journal(journal, clock)
    header, row = exchange.csv_text(journal, "checkin").splitlines()
    assert header.endswith("factor: Slept well,factor: Focus") and row.endswith(",yes,3")
    assert "factors" not in header.split(",")
    listed = exchange.csv_text(journal, "factor").splitlines()
    assert listed[0].startswith("id,created_at,updated_at,name,kind,question,archived")
    assert listed[1].endswith("Slept well,yes-no,Did you sleep well?,yes")


def test_the_preview_of_a_merge_is_what_the_merge_does(journal, tmp_path, clock):
    from aijournal.journaling import capture

    kept = journal.add(r.AIUse(started_at=clock(), tool="Claude", pattern="learning", minutes=5))
    gone = journal.add(r.AIUse(started_at=clock(), tool="Gemini", pattern="directive", minutes=5))
    journal.add(r.Person(name="Dana", relationship="mentor"))
    yesterday = clock().date() - timedelta(days=1)
    journal.save_checkin(
        r.Checkin(day=yesterday, burnout=2, connection=4, updated_at="2026-11-20T08:00:00+00:00")
    )
    with fresh(tmp_path, "laptop", clock) as laptop:
        exchange.merge(laptop, exchange.export_data(journal))
        laptop.update(laptop.get(r.AIUse, kept.id).touched(minutes=50))
        laptop.delete(laptop.get(r.AIUse, gone.id))
        laptop.add(r.Touchpoint(at=clock(), kind="pairing", person="Sam", skills=("SQL",)))
        laptop.delete(laptop.checkin_on(yesterday))
        laptop.save_checkin(r.Checkin(day=yesterday, burnout=4, connection=2))
        exported = exchange.export_data(laptop)
    journal.add(r.Person(name="sam"))  # the same name: the laptop's comes in as "Sam (2)"
    journal.take_changes()
    before = tables(journal)
    preview = capture.merge_export(journal, exported, dry_run=True)
    assert tables(journal) == before and journal.take_changes() == frozenset()
    result = capture.merge_export(journal, exported)
    assert preview.as_dict() == result.as_dict()
    by_kind = {row["table"]: row for row in result.kinds()}
    assert {o: by_kind["ai_uses"][o] for o in exchange.OUTCOMES} == {
        "added": 0,
        "updated": 1,
        "deleted": 1,
        "unchanged": 0,
    }
    assert (by_kind["checkins"]["added"], by_kind["checkins"]["deleted"]) == (1, 1)
    assert (by_kind["people"]["added"], by_kind["people"]["unchanged"]) == (1, 1)
    assert result.renamed == ["Sam → Sam (2)"]
    assert "1 deleted" not in result.line() and "2 deleted" in result.line()
    again = capture.merge_export(journal, exported, dry_run=True)
    assert again.count("added") == again.count("updated") == again.count("deleted") == 0
