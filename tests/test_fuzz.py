"""Fuzzing every parser with hypothesis: CLI values, JSON import, coach summary files.

Whatever is typed or read, the app answers with a result or one line saying what is wrong
(exit 2, `InvalidInput`, a skipped summary), never a traceback, and a refused input writes
nothing. The ChatGPT/Claude import is fuzzed in tests/sources/test_importing.py.

Each property reuses one journal across its examples, so it compares the journal before and
after each example instead of assuming it is empty. `HYPOTHESIS_PROFILE=thorough` runs ten
times as many examples.
"""

from __future__ import annotations

import copy
import json
import os
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from clitools import run
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from aijournal.cli import cli
from aijournal.journaling import demo
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.patterns import PATTERN_IDS
from aijournal.sharing import coach, summary
from aijournal.storage import DataPaths, Journal, exchange
from aijournal.storage.schema import RECORD_TABLES
from aijournal.storage.unlock import Key

settings.register_profile("thorough", deadline=None)
THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
if THOROUGH:
    settings.load_profile("thorough")


def fuzz(examples: int):
    """Hypothesis settings for one property: `examples` by default, ten times when thorough."""
    return settings(
        max_examples=examples * (10 if THOROUGH else 1),
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


def invoke(*args: str):
    """`aijournal ARGS` in-process; the click result (exception and exit code kept)."""
    return CliRunner().invoke(cli, list(args))


def snapshot(home) -> tuple[dict, dict]:
    """Live counts and every row of every table, read through a fresh connection."""
    with Journal.open(DataPaths(home)) as journal:
        return journal.counts(), exchange.export_data(journal)["tables"]


def assert_no_crash(result) -> None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # the traceback is the bug report
    assert result.exit_code in (0, 2), result.output


def assert_refused_in_one_line(result) -> None:
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("aijournal: ") and lines[0][11:].strip(), (
        result.output
    )


# ---- values people type ---------------------------------------------------------------------

JUNK = st.text(max_size=24) | st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\n",
        "\t3",
        "NaN",
        "inf",
        "-inf",
        "1e3",
        "3.0",
        "٣",
        "0x10",
        "+3",
        " 3 ",
        "3\n",
        "−1",
        "1_000",
        "None",
        "null",
        "true",
        "[]",
        "{}",
        "--help",
        "-",
        "‮5",
        "𝟓",
    ]
)
HUGE = ["9" * 19, "9" * 30, "-" + "9" * 30, str(2**63), str(-(2**63) - 1), "1" * 5000]


def whole_numbers(low: int, high: int) -> st.SearchStrategy[str]:
    """In range, at and just past the bounds, huge, negative, or not a number at all."""
    return st.one_of(
        st.integers(low, high).map(str),
        st.sampled_from([low - 1, low, high, high + 1, 0, -1]).map(str),
        st.sampled_from(HUGE),
        st.integers().map(str),
        JUNK,
    )


ODD_DAYS = [
    "2026-02-30",
    "2026-02-29",
    "2024-02-29",
    "2026-13-01",
    "2026-00-10",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "2026-1-1",
    "20260101",
    "2026-W01-1",
    "2026-11-27T10:00",
    " 2026-01-01 ",
    "today",
    "2026-01-01\x00",
    "+2026-01-01",
    "٢٠٢٦-٠١-٠١",
]
DAYS = st.one_of(
    st.dates().map(date.isoformat),
    st.dates(date(2025, 1, 1), date(2026, 11, 30)).map(date.isoformat),
    st.sampled_from(ODD_DAYS),
    JUNK,
)
OFFSETS = st.sampled_from(
    [
        UTC,
        timezone(timedelta(hours=14)),
        timezone(-timedelta(hours=14)),
        timezone(timedelta(hours=5, minutes=45)),
    ]
)
ODD_MOMENTS = [
    "2026-02-30T10:00",
    "0001-01-01T00:00",
    "0001-01-01",
    "0001-01-01T00:00+14:00",
    "0001-01-01T00:00-14:00",
    "9999-12-31T23:59",
    "9999-12-31T23:59-14:00",
    "9999-12-31",
    "2026-03-01T24:00",
    "2026-03-01T10:00Z",
    "2026-03-01 10:00",
    "2026-03-01T10:00:00.123456789",
    "2026-03-01T10:00+25:00",
    "2026-03-01T10",
]
MOMENTS = st.one_of(
    st.datetimes(timezones=st.none() | OFFSETS).map(datetime.isoformat),
    st.datetimes(datetime(2025, 1, 1), datetime(2026, 11, 1), timezones=st.none() | OFFSETS).map(
        datetime.isoformat
    ),
    st.sampled_from(ODD_MOMENTS),
    DAYS,
    JUNK,
)
NAMES = st.one_of(
    st.sampled_from(
        [
            "Ana",
            " ana ",
            "Bo  Lee",
            "Python",
            "A" * 200,
            "A" * 201,
            "x\x1fy",
            "\u2028",
            "Ship the book",
        ]
    ),
    st.text(max_size=30),
)


def choices(valid) -> st.SearchStrategy[str]:
    return st.sampled_from(tuple(valid)) | NAMES | JUNK


def option(name: str, values: st.SearchStrategy[str], required: bool = False):
    """`--name=value` (or nothing, for an optional option); `=` keeps "-1" a value."""
    given = values.map(lambda v: [f"--{name}={v}"])
    return given if required else st.just([]) | given


def repeated(name: str, values: st.SearchStrategy[str]):
    return st.lists(values, max_size=3).map(lambda vs: [f"--{name}={v}" for v in vs])


def command(*words: str, options=(), arguments=()):
    """One command line: the words, its options in any order, then `--` and its arguments."""
    return st.tuples(
        st.permutations(options).flatmap(lambda os_: st.tuples(*os_)) if options else st.just(()),
        st.tuples(*arguments),
    ).map(lambda parts: [*words, *(a for opt in parts[0] for a in opt), "--", *parts[1]])


LOG_AI = command(
    "log-ai",
    options=[
        option("tool", choices(["ChatGPT", "Claude", " Copilot "]), required=True),
        option("pattern", choices(PATTERN_IDS), required=True),
        option("minutes", whole_numbers(0, r.MAX_MINUTES), required=True),
        option("outcome", whole_numbers(1, 5)),
        option("when", MOMENTS),
        repeated("skill", NAMES),
        option("goal", NAMES),
    ],
    arguments=[NAMES],
)
CHECKIN = command(
    "checkin",
    options=[
        option("burnout", whole_numbers(1, 5), required=True),
        option("connection", whole_numbers(1, 5), required=True),
        option("safety", whole_numbers(1, 5)),
        option("conversations", whole_numbers(0, 200)),
        option("energy", whole_numbers(1, 5)),
        option("date", DAYS),
        option("note", NAMES),
    ],
)
TOUCHPOINT = command(
    "touchpoint",
    options=[
        option("kind", choices(r.TOUCHPOINT_KINDS), required=True),
        option("person", NAMES),
        option("minutes", whole_numbers(0, r.MAX_MINUTES)),
        option("quality", whole_numbers(1, 5)),
        option("when", MOMENTS),
        repeated("skill", NAMES),
    ],
    arguments=[NAMES],
)
PERSON_ADD = command(
    "person",
    "add",
    options=[
        option("relationship", choices(r.RELATIONSHIPS)),
        option("cadence", whole_numbers(1, 365)),
    ],
    arguments=[NAMES],
)
SKILL_RATE = command(
    "skill",
    "rate",
    options=[option("date", DAYS), option("note", NAMES)],
    arguments=[NAMES, whole_numbers(1, 5)],
)
GOAL_ADD = command(
    "goal",
    "add",
    options=[option("kind", choices(r.GOAL_KINDS)), option("target", DAYS)],
    arguments=[NAMES],
)
ANSWERS = st.one_of(
    st.lists(st.integers(-1, 6).map(str) | st.sampled_from(["", "-", " 2 "]), max_size=12).map(
        ",".join
    ),
    st.sampled_from(["3", "1,1,1", "0,0,0,0,0", "5,5,5,5,5", "3,3,3,3,3,3,3", "3,,,,,,"]),
    st.sampled_from(HUGE),
    JUNK,
)
ASSESS = command(
    "assess",
    options=[option("answers", ANSWERS, required=True), option("date", DAYS)],
    arguments=[choices(["who5", "cbi", "ucla3", "burnout"])],
)
LIST = command(
    "list",
    options=[
        option("from", DAYS),
        option("to", DAYS),
        repeated("kind", choices(r.ENTRY_KINDS)),
        option("pattern", choices(PATTERN_IDS)),
        option("limit", whole_numbers(1, 10**9)),
        option("format", choices(["table", "json", "csv"])),
        option("tool", NAMES),
        option("person", NAMES),
        option("skill", NAMES),
        option("search", NAMES),
    ],
)
STATS = command(
    "stats",
    options=[
        option("from", DAYS),
        option("to", DAYS),
        option("format", choices(["table", "json"])),
    ],
)

ADDS = {
    "log-ai": "ai_uses",
    "touchpoint": "touchpoints",
    "person": "people",
    "skill": "skill_ratings",
    "goal": "goals",
    "assess": "assessments",
}


def stored_sensibly(args: list[str], before: dict, after: dict, home) -> None:
    """What an accepted command must have stored: one new record of its kind, as given."""
    name = args[0]
    if name in ("list", "stats"):
        assert after == before
        return
    if name == "checkin":  # a second check-in for the same day updates the first
        assert after["checkins"] - before["checkins"] in (0, 1)
        return
    table = ADDS[name]
    assert after[table] == before[table] + 1, (args, before, after)
    if name == "log-ai":
        options = args[: args.index("--")]
        given = dict(a[2:].split("=", 1) for a in options if "=" in a)
        with Journal.open(DataPaths(home)) as journal:
            newest = journal.all(r.AIUse)[-1]
        assert (newest.tool, newest.pattern, newest.minutes) == (
            given["tool"].strip(),
            given["pattern"],
            int(given["minutes"]),
        )


@pytest.fixture
def stocked(home):
    """The `home` journal with a goal, a person and a skill for values to refer to."""
    for args in (
        ["goal", "add", "Ship the book"],
        ["person", "add", "Ana"],
        ["skill", "add", "Python"],
    ):
        assert run(*args)[0] == 0
    return home


@fuzz(300)
@given(
    args=st.one_of(
        LOG_AI, CHECKIN, TOUCHPOINT, PERSON_ADD, SKILL_RATE, GOAL_ADD, ASSESS, LIST, STATS
    )
)
@example(
    args=[
        "log-ai",
        "--tool=Claude",
        "--pattern=learning",
        "--minutes=5",
        "--when=0001-01-01T00:00",
        "--",
        "x",
    ]
)
@example(
    args=[
        "log-ai",
        "--tool=Claude",
        "--pattern=learning",
        "--minutes=5",
        "--when=9999-12-31T23:59-14:00",
        "--",
        "x",
    ]
)
@example(args=["checkin", "--burnout=3", "--connection=3", f"--conversations={'9' * 30}", "--"])
@example(
    args=[
        "log-ai",
        "--tool=Claude",
        "--pattern=learning",
        "--minutes=5",
        "--when=0001-01-01T00:00+14:00",
        "--",
        "x",
    ]
)
@example(args=["list", f"--limit={2**63}", "--"])
@example(args=["list", "--from=0001-01-01", "--to=9999-12-31", "--"])
@example(args=["assess", f"--answers={'9' * 30},1,1,1,1", "--", "who5"])
def test_any_cli_value_is_stored_or_refused_in_one_line(stocked, args):
    before, tables = snapshot(stocked)
    result = invoke(*args)
    assert_no_crash(result)
    after, tables_after = snapshot(stocked)
    if result.exit_code == 2:
        assert_refused_in_one_line(result)
        assert tables_after == tables
    else:
        stored_sensibly(args, before, after, stocked)


# ---- JSON import ----------------------------------------------------------------------------


def _stamp(days: int) -> str:
    return r.utc_stamp(datetime(2026, 11, 1, 9, tzinfo=UTC) - timedelta(days=days))


@pytest.fixture
def export(journal, clock):
    """A valid export of a small journal holding records of every kind, one deleted."""
    now = clock()
    goal = journal.add(r.Goal(name="Ship the book", target_date=date(2027, 1, 1)))
    journal.add(r.Person(name="Ana", relationship="mentor", cadence_days=14))
    journal.add(r.Skill(name="Python", niche=True))
    for days in (1, 2, 3):
        journal.add(
            r.AIUse(
                started_at=now - timedelta(days=days),
                tool="Claude",
                pattern=PATTERN_IDS[days],
                minutes=days * 10,
                task="a task",
                skills=("Python", "Writing"),
                goal_id=goal.id,
                outcome=3,
                note="private",
            )
        )
        journal.save_checkin(
            r.Checkin(
                day=now.date() - timedelta(days=days),
                burnout=days,
                connection=4,
                safety=3,
                asked_advice=True,
            )
        )
        touch = journal.add(
            r.Touchpoint(
                at=now - timedelta(days=days),
                kind="pairing",
                person="Ana",
                minutes=30,
                quality=4,
                skills=("Python",),
                goal_id=goal.id,
            )
        )
    journal.rate_skill(r.SkillRating(skill="Python", day=now.date(), rating=3, note="ok"))
    journal.add(
        r.Assessment(
            instrument="who5", day=now.date(), answers=(3, 3, 3, 3, None), score=60.0, band="ok"
        )
    )
    journal.add(
        r.Nudge(
            rule_id="quiet-week",
            day=now.date(),
            facts=("no touchpoints",),
            message="Call someone",
            touchpoint_id=touch.id,
            helped=True,
        )
    )
    journal.delete(
        journal.add(r.AIUse(started_at=now, tool="Gemini", pattern="directive", minutes=1))
    )
    return exchange.export_data(journal)


@pytest.fixture
def target(tmp_path, clock):
    """A second journal, with a record of its own, to merge into."""
    with Journal.create(DataPaths(tmp_path / "target"), Key.random(), clock=clock) as other:
        other.add(r.AIUse(started_at=clock(), tool="Copilot", pattern="learning", minutes=7))
        other.save_checkin(r.Checkin(day=clock().date(), burnout=2, connection=2))
        yield other


JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(HUGE[:-1]).map(int),  # json refuses 4300+ digits
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(ODD_MOMENTS),
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
NOT_UUIDS = st.sampled_from(
    [
        "",
        "1",
        "not-a-uuid",
        "00000000-0000-0000-0000-00000000000g",
        "{12345678-1234-5678-1234-567812345678}",
        " " + r.new_id(),
    ]
)


def _places(node, path=()):
    """Every (container, key) in a JSON document, the root's keys included."""
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in items:
        yield node, key
        yield from _places(child, (*path, key))


def _ids(doc) -> list[str]:
    tables = doc.get("tables") if isinstance(doc, dict) else None
    return [
        row["id"]
        for rows in (tables.values() if isinstance(tables, dict) else ())
        if isinstance(rows, list)
        for row in rows
        if isinstance(row, dict) and isinstance(row.get("id"), str)
    ]


@st.composite
def mutated(draw, original, fresh_ids: bool = True):
    """`original` after one to four random edits: deletions, wrong types, foreign ids, …"""
    doc = copy.deepcopy(original)
    if fresh_ids and draw(st.booleans()):  # new ids, so that the merge has something to add
        renamed = {old: r.new_id() for old in _ids(doc)}
        doc = json.loads(
            json.dumps(doc),
            object_hook=lambda row: {
                k: renamed.get(v, v) if isinstance(v, str) else v for k, v in row.items()
            },
        )
    for _ in range(draw(st.integers(1, 4))):
        places = list(_places(doc))
        if not places:
            break
        node, key = draw(st.sampled_from(places))
        value = node[key]
        edit = draw(
            st.sampled_from(
                [
                    "delete",
                    "replace",
                    "id",
                    "foreign id",
                    "unknown key",
                    "truncate",
                    "nest",
                    "retype",
                    "move row",
                    "duplicate",
                ]
            )
        )
        if edit == "delete":
            del node[key]
        elif edit == "replace":
            node[key] = draw(JSON_VALUES)
        elif edit == "id":
            node[key] = draw(NOT_UUIDS)
        elif edit == "foreign id":
            node[key] = draw(st.sampled_from(_ids(doc) or [r.new_id()]) | st.just(r.new_id()))
        elif edit == "unknown key" and isinstance(value, dict):
            value[draw(st.text(max_size=10))] = draw(JSON_VALUES)
        elif edit == "truncate" and isinstance(value, list | str):
            node[key] = value[: draw(st.integers(0, len(value)))]
        elif edit == "nest":
            node[key] = draw(st.sampled_from([[value], {"value": value}]))
        elif edit == "retype":
            node[key] = str(value) if not isinstance(value, str) else draw(JSON_LEAVES)
        elif (
            edit == "move row"
            and isinstance(value, dict)
            and "tables" in doc
            and isinstance(doc["tables"], dict)
            and doc["tables"]
        ):
            rows = doc["tables"][draw(st.sampled_from(sorted(doc["tables"])))]
            if isinstance(rows, list):
                rows.append(copy.deepcopy(value))  # a copy: `value` may hold `rows` itself
        elif edit == "duplicate" and isinstance(node, list):
            node.append(copy.deepcopy(value))
    return doc


RANDOM_ROWS = st.fixed_dictionaries(
    {
        "format": st.just(exchange.FORMAT),
        "version": st.just(exchange.VERSION),
        "tables": st.dictionaries(
            st.sampled_from(RECORD_TABLES),
            st.lists(
                st.dictionaries(
                    st.sampled_from(
                        [
                            "id",
                            "created_at",
                            "updated_at",
                            "deleted_at",
                            "day",
                            "name",
                            "skill_id",
                            "ai_use_id",
                            "touchpoint_id",
                            "minutes",
                            "score",
                            "answers",
                            "band",
                            "facts",
                            "person_id",
                            "goal_id",
                            "source_ref",
                        ]
                    ),
                    JSON_VALUES | NOT_UUIDS,
                    max_size=8,
                ),
                max_size=3,
            ),
            max_size=3,
        ),
    }
)


def merged_or_refused(target: Journal, doc) -> None:
    """Merge `doc`: all of it (and again, adding nothing) or none of it (InvalidInput)."""
    before = exchange.export_data(target)["tables"]
    try:
        exchange.merge(target, doc)
    except InvalidInput as error:
        assert str(error).strip() and "\n" not in str(error)
        assert exchange.export_data(target)["tables"] == before
        return
    exchange.check(doc, target)
    after = exchange.export_data(target)["tables"]
    again = exchange.merge(target, doc)
    assert (again.added, again.updated) == ({}, {})
    assert exchange.export_data(target)["tables"] == after
    for kind in r.RECORD_TYPES:  # everything merged can be read back and summed up
        target.all(kind, deleted=True)
    today = target.clock().date()
    summary.build(target, today - timedelta(days=60), today)


@fuzz(200)
@given(data=st.data())
def test_a_mutated_export_merges_whole_or_not_at_all(export, target, data):
    merged_or_refused(target, data.draw(mutated(export)))


STAMP = "2026-11-01T09:00:00.000000+00:00"
STAMPS = {"created_at": STAMP, "updated_at": STAMP, "deleted_at": None}
SKILL = {"id": "5c0e1d5e-8d0e-4e57-9a53-7a4e0a8e0a01", "name": "Python", "niche": 0, **STAMPS}
TOUCH = {
    "id": "5c0e1d5e-8d0e-4e57-9a53-7a4e0a8e0a02",
    "at": "2026-11-01T10:00:00+00:00",
    "day": "2026-11-01",
    "kind": "pairing",
    "note": "",
    **STAMPS,
}
USE = {
    "id": "5c0e1d5e-8d0e-4e57-9a53-7a4e0a8e0a03",
    "started_at": "2026-11-01T10:00:00+00:00",
    "day": "2026-11-01",
    "tool": "Claude",
    "task": "",
    "minutes": 5,
    "pattern": "learning",
    "replaced_person": 0,
    "note": "",
    "source": "chatgpt-export",
    "source_ref": "c-1",
    "to_review": 0,
    "suggestion_reason": "",
    **STAMPS,
}
WHO5 = {
    "id": "5c0e1d5e-8d0e-4e57-9a53-7a4e0a8e0a04",
    "instrument": "who5",
    "day": "2026-11-01",
    "answers": "[3, 3, 3, 3, 3]",
    "score": 60.0,
    "band": "ok",
    **STAMPS,
}


def export_of(**tables) -> dict:
    return {"format": exchange.FORMAT, "version": exchange.VERSION, "tables": tables}


# Each of these crashed the merge with an SQLite error, or was stored and broke what reads it.
FOUND = [
    export_of(touchpoints=[{k: v for k, v in TOUCH.items() if k != "day"}]),
    export_of(touchpoints=[{**TOUCH, "day": "1999-01-01"}]),
    export_of(ai_uses=[{**USE, "replaced_person": [1]}]),
    export_of(ai_uses=[{**USE, "to_review": 2**70}]),
    export_of(ai_uses=[USE, {**USE, "id": "5c0e1d5e-8d0e-4e57-9a53-7a4e0a8e0a05"}]),
    export_of(
        skills=[SKILL],
        learning_events=[
            {
                "id": "5c0e1d5e-8d0e-4e57-9a53-7a4e0a8e0a06",
                "skill_id": SKILL["id"],
                "ai_use_id": None,
                "touchpoint_id": None,
                **STAMPS,
            }
        ],
    ),
    export_of(assessments=[{**WHO5, "score": "high"}]),
    export_of(assessments=[{**WHO5, "answers": '[[1], {"a": 2}]'}]),
    export_of(assessments=[{**WHO5, "band": {"id": "ok"}}]),
]


def with_examples(**many):
    """`@example` once per value: with_examples(doc=[a, b]) is @example(doc=a) @example(doc=b)."""

    def decorate(test):
        for name, values in many.items():
            for value in values:
                test = example(**{name: value})(test)
        return test

    return decorate


@pytest.mark.parametrize("doc", FOUND)
def test_rows_that_broke_the_merge_are_refused_whole(target, doc):
    before = exchange.export_data(target)["tables"]
    with pytest.raises(InvalidInput):
        exchange.merge(target, doc)
    assert exchange.export_data(target)["tables"] == before


@fuzz(100)
@given(doc=JSON_VALUES | RANDOM_ROWS)
@with_examples(doc=FOUND)
def test_random_json_merges_whole_or_not_at_all(target, doc):
    merged_or_refused(target, doc)


NEAR_JSON = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(str.encode),
    st.sampled_from(
        [
            b"",
            b"{",
            b"[]",
            b"null",
            b"\xef\xbb\xbf{}",
            b"\xff\xfe{\x00}\x00",
            b"[" * 100_000,
            b"1" * 5000,
            b'{"format": "aijournal-export", "version": 1, "tables": ' + b"[" * 5_000,
        ]
    ),
)


@fuzz(100)
@given(data=st.data(), dry_run=st.booleans())
def test_cli_import_of_any_file_imports_or_changes_nothing(home, export, tmp_path, data, dry_run):
    how = data.draw(st.sampled_from(["bytes", "mutated", "cut", "flipped"]))
    if how == "bytes":
        content = data.draw(NEAR_JSON)
    else:
        content = json.dumps(data.draw(mutated(export)), ensure_ascii=False).encode()
        if how == "cut":
            content = content[: data.draw(st.integers(0, len(content)))]
        elif how == "flipped" and content:
            at = data.draw(st.integers(0, len(content) - 1))
            content = content[:at] + bytes([data.draw(st.integers(0, 255))]) + content[at + 1 :]
    path = tmp_path / "import.json"
    path.write_bytes(content)
    _, tables = snapshot(home)
    result = invoke("import", "json", *(["--dry-run"] if dry_run else []), str(path))
    assert_no_crash(result)
    if result.exit_code == 2 or dry_run:
        assert snapshot(home)[1] == tables
    if result.exit_code == 2:
        assert_refused_in_one_line(result)


def test_a_deeply_nested_file_is_refused_in_one_line(home, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000)
    _, tables = snapshot(home)
    result = invoke("import", "json", str(path))
    assert_no_crash(result)
    assert result.exit_code == 2 and "nests more than 64 levels deep" in result.output
    assert_refused_in_one_line(result)
    assert snapshot(home)[1] == tables


# ---- coach summary files --------------------------------------------------------------------


@pytest.fixture
def valid_summary(journal, clock):
    """A complete summary of 20 days of demo data, notes and names included."""
    demo.fill(journal, days=20)
    today = clock().date()
    return summary.build(
        journal,
        today - timedelta(days=19),
        today,
        include_notes=True,
        include_names=True,
        client_name="Robin",
    )


def opened_or_skipped(path) -> bool:
    """Open one file as the coach does; True if it loaded. A skip must say why."""
    opened, skipped = coach.open_many([path])
    assert len(opened) + len(skipped) == 1
    if skipped:
        assert skipped[0].path == path and skipped[0].reason.strip()
        assert "\n" not in skipped[0].line()
        return False
    table = coach.rows(opened)  # what loads can be shown
    coach.text_table(table), coach.csv_text(table)
    return True


def test_a_valid_summary_loads(valid_summary, tmp_path):
    path = summary.write(valid_summary, tmp_path / "robin.json")
    assert opened_or_skipped(path)
    assert coach.open_many([path])[0][0].data == valid_summary


@fuzz(200)
@given(data=st.data())
def test_any_summary_file_loads_or_is_skipped_with_a_reason(valid_summary, tmp_path, data):
    how = data.draw(st.sampled_from(["mutated", "mutated", "json", "bytes"]))
    path = tmp_path / "summary.json"
    if how == "mutated":
        doc = data.draw(mutated(valid_summary, fresh_ids=False))
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    elif how == "json":
        path.write_text(json.dumps(data.draw(JSON_VALUES)), encoding="utf-8")
    else:
        path.write_bytes(data.draw(NEAR_JSON))
    opened_or_skipped(path)


@fuzz(30)
@given(data=st.data())
def test_the_coach_command_compares_what_loads_and_names_what_it_skipped(
    valid_summary, tmp_path, data
):
    good = summary.write(valid_summary, tmp_path / "good.json")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data.draw(mutated(valid_summary, fresh_ids=False))), encoding="utf-8")
    fmt = data.draw(st.sampled_from(["table", "json", "csv"]))
    result = invoke("coach", "--format", fmt, str(good), str(bad))
    assert_no_crash(result)
    assert result.exit_code == 0
    skipped = [line for line in result.output.splitlines() if line.startswith("Skipped ")]
    assert len(skipped) == (0 if opened_or_skipped(bad) else 1)
