"""Importing into the journal: idempotence, nothing half-written, periods, progress, privacy,
`--format json`, and sessions that went on since they were read."""

import json
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from clitools import run
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.sources.conversations import RECORD_SOURCES
from aijournal.sources.files import ImportCancelled
from aijournal.sources.importing import finish_import, import_source, plan_import
from aijournal.storage import DataPaths, Journal, exchange

EXPORTS = Path(__file__).parents[1] / "data" / "exports"
CHATGPT = EXPORTS / "chatgpt-conversations.json"
CLAUDE = EXPORTS / "claude-conversations.json"


def zipped(tmp_path, source: Path) -> Path:
    target = tmp_path / f"{source.stem}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(source, "conversations.json")
    return target


def test_reimport_adds_nothing_twice(journal, tmp_path):
    first = import_source(journal, CHATGPT, "chatgpt")
    assert first.added == 11 and journal.counts()["ai_uses"] == 11
    again = import_source(journal, zipped(tmp_path, CHATGPT), "chatgpt")
    assert again.added == 0 and again.already == 11
    assert journal.counts()["ai_uses"] == 11
    assert "0 AI uses" in again.summary() and "11 already imported" in again.summary()


def test_deleted_imports_stay_deleted_on_reimport(journal):
    import_source(journal, CHATGPT, "chatgpt")
    journal.delete(journal.to_review()[0])
    assert import_source(journal, CHATGPT, "chatgpt").added == 0


def test_the_rules_guess_is_kept_beside_each_import_without_text(journal):
    import_source(journal, CLAUDE, "claude")
    guesses = journal.rule_guesses()
    assert set(guesses) == {u.id for u in journal.to_review()}
    blocks = next(g for g in guesses.values() if g.pattern == "feedback-loop")
    assert blocks.rule == "fed-back" and "later:error" in blocks.features
    assert "rsync" not in json.dumps([g.features for g in guesses.values()])


def test_add_imported_checks_everything_before_writing(journal, clock):
    uses = plan_import(CHATGPT, "chatgpt").uses
    future = replace(uses[-1], started_at=clock() + timedelta(days=2))
    with pytest.raises(InvalidInput):
        journal.add_imported([*uses[:-1], future])
    assert journal.counts()["ai_uses"] == 0
    assert journal.add_imported([*uses, uses[0]]) == len(uses)  # a repeated ref counts once


def test_conversations_in_the_future_are_skipped():
    found = plan_import(CHATGPT, "chatgpt", clock=lambda: datetime(2026, 3, 8, tzinfo=UTC))
    assert found.skipped["time in the future"] == 5
    assert all(u.day < date(2026, 3, 8) for u in found.uses)


def test_a_session_that_went_on_updates_its_waiting_use(journal, tmp_path):
    """Read while it ran, read again later: the waiting use grows, nothing is added twice."""
    items = json.loads(CHATGPT.read_text())[:1]
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(items))
    import_source(journal, path, "chatgpt")
    (before,) = journal.to_review()
    node = next(n for n in items[0]["mapping"].values() if n["message"] and n["children"] == [])
    key = "late-user"
    items[0]["mapping"][key] = {
        "id": key,
        "parent": node["id"],
        "children": [],
        "message": {
            "author": {"role": "user"},
            "create_time": items[0]["create_time"] + 1200,
            "content": {"content_type": "text", "parts": ["And how does functools.wraps help?"]},
        },
    }
    node["children"].append(key)
    items[0]["current_node"] = key
    path.write_text(json.dumps(items))
    again = import_source(journal, path, "chatgpt")
    (after,) = journal.to_review()
    assert (again.added, again.refreshed, after.id) == (0, 1, before.id)
    assert (after.turns, after.minutes) == (before.turns + 1, 20)
    # once the user has confirmed (or changed) it, a new reading leaves it alone
    journal.confirm_reviewed([after.id], pattern="validation")
    assert import_source(journal, path, "chatgpt").refreshed == 0
    assert journal.get(r.AIUse, after.id).pattern == "validation"


def test_progress_reports_bytes_and_can_cancel(journal, tmp_path):
    from bench.make_exports import chatgpt_export

    big = chatgpt_export(tmp_path / "conversations.json", conversations=300)
    seen = []
    plan_import(big, "chatgpt", progress=lambda done, total: seen.append((done, total)))
    size = big.stat().st_size
    assert len(seen) > 5 and seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(ImportCancelled, match="nothing was written"):
        import_source(journal, big, "chatgpt", progress=lambda done, total: done < size / 2)
    assert journal.counts()["ai_uses"] == 0


def test_progress_of_a_zip_counts_compressed_bytes(tmp_path):
    from bench.make_exports import chatgpt_export

    archive = zipped(tmp_path, chatgpt_export(tmp_path / "c.json", conversations=200))
    seen = []
    plan_import(archive, "chatgpt", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (archive.stat().st_size,) * 2 and len(seen) > 2


# ---- the command line ------------------------------------------------------------------------


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()
    }


def journal_at(home: Path) -> Journal:
    return Journal.open(DataPaths(home))


def test_cli_imports_and_says_what_it_did(home, tmp_path):
    code, out = run("import", "chatgpt", str(zipped(tmp_path, CHATGPT)))
    assert code == 0, out
    assert (
        "Imported 11 AI uses from 10 conversations (1 split into sessions); 1 conversation "
        "skipped (no readable messages); 0 already imported."
    ) in out
    assert "aijournal review list" in out
    code, out = run("import", "chatgpt", str(CHATGPT))
    assert code == 0 and "Imported 0 AI uses" in out and "11 already imported" in out
    code, out = run("list", "--to-review", "--format", "json")
    listed = json.loads(out)
    assert len(listed) == 11 and {e["tool"] for e in listed} == {"ChatGPT"}


def test_cli_dry_run_writes_nothing_and_shows_suggestions(home):
    before = snapshot(home)
    code, out = run("import", "claude", str(CLAUDE), "--dry-run")
    assert code == 0, out
    assert out.startswith("Would import 5 AI uses from 4 conversations") and "Nothing" in out
    assert "Period: 2026-03-02 to 2026-03-06." in out
    assert "feedback-loop (65%): You fed errors or results back to it in 2 of 3 turns." in out
    assert snapshot(home) == before


def test_cli_format_json_gives_the_plan_with_modes(home):
    code, out = run("import", "claude", str(CLAUDE), "--dry-run", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert (data["source"], data["written"], data["would_add"], data["already_imported"]) == (
        "claude",
        False,
        5,
        0,
    )
    assert {u["mode"] for u in data["uses"]} <= {"augmentation", "automation"}
    blocks = next(u for u in data["uses"] if u["source_ref"] == "k-blocks-0002")
    assert (blocks["suggested_pattern"], blocks["mode"]) == ("feedback-loop", "automation")
    code, out = run("import", "claude", str(CLAUDE), "--format", "json")
    assert json.loads(out)["added"] == 5
    assert run("import", "claude", str(CLAUDE), "--format", "yaml")[0] == 2


def test_cli_period_limits_by_session_start_day(home):
    code, out = run("import", "chatgpt", str(CHATGPT), "--from", "2026-03-03", "--to", "2026-03-10")
    assert code == 0, out
    assert "Imported 6 AI uses" in out and "5 sessions outside the period" in out
    with journal_at(home) as journal:
        days = {u.day for u in journal.to_review()}
    assert min(days) == date(2026, 3, 3) and max(days) == date(2026, 3, 10)
    code, out = run("import", "chatgpt", str(CHATGPT))
    assert "Imported 5 AI uses" in out and "6 already imported" in out
    code, out = run("import", "chatgpt", str(CHATGPT), "--from", "2026-03-10", "--to", "2026-03-01")
    assert code == 2 and "from" in out


def test_no_message_text_is_stored_unless_asked(home, aijournal_home):
    assert run("import", "chatgpt", str(CHATGPT))[0] == 0
    assert run("import", "claude", str(CLAUDE))[0] == 0
    with journal_at(home) as journal:
        dumped = json.dumps(exchange.export_data(journal))
        dumped += json.dumps([g.features for g in journal.rule_guesses().values()])
    for sentence in (
        "functools.wraps",
        "Explain how decorators",
        "webinar on Friday",
        "mutex and a semaphore",
        "connection unexpectedly closed",
    ):
        assert sentence not in dumped
    assert "Python decorators" in dumped  # titles are kept


def test_keep_first_message_keeps_500_characters(home, tmp_path):
    long = json.loads(CLAUDE.read_text())[:1]
    long[0]["chat_messages"][0]["text"] = "Is this ok? " + "word " * 400
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(long))
    assert run("import", "claude", str(path), "--keep-first-message")[0] == 0
    with journal_at(home) as journal:
        (use,) = journal.to_review()
    assert use.note.startswith("Is this ok? word") and len(use.note) == 500


# ---- fuzz: any JSON-ish shape either imports or is InvalidInput, never half-written ----------

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
_json = st.recursive(
    _scalars,
    lambda kids: (
        st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=6), kids, max_size=3)
    ),
    max_leaves=8,
)


def _mostly(good):
    """Usually `good`, sometimes anything at all."""
    return st.sampled_from([True] * 5 + [False]).flatmap(lambda ok: good if ok else _json)


_unix = _mostly(st.floats(1.6e9, 1.8e9)) | st.none() | st.integers(0, 4 * 10**9)
_iso = _mostly(
    st.datetimes(
        min_value=datetime(1999, 1, 1),
        max_value=datetime(2030, 1, 1),
        timezones=st.none() | st.just(UTC),
    ).map(lambda d: d.isoformat())
)
_ids = st.sampled_from(["a", "b", "c", "d"])
_parts = st.lists(
    st.text(max_size=30)
    | st.fixed_dictionaries({"content_type": st.text(max_size=8)}, optional={"text": _json})
    | _json,
    max_size=3,
)
_gpt_message = st.fixed_dictionaries(
    {
        "author": _mostly(
            st.fixed_dictionaries(
                {"role": st.sampled_from(["user", "user", "assistant", "system", "tool"])}
            )
        ),
        "create_time": _unix,
        "content": _mostly(
            st.fixed_dictionaries(
                {
                    "content_type": _mostly(
                        st.sampled_from(["text", "multimodal_text", "code", "new"])
                    ),
                    "parts": _mostly(_parts),
                },
                optional={"text": _json},
            )
        ),
    },
    optional={"metadata": _json},
)
_gpt_node = st.fixed_dictionaries(
    {
        "parent": _mostly(_ids) | st.none(),
        "children": _mostly(st.lists(_ids, max_size=3)),
        "message": _mostly(_gpt_message) | st.none(),
    }
)
_chatgpt = st.fixed_dictionaries(
    {
        "mapping": _mostly(st.dictionaries(_ids, _mostly(_gpt_node), min_size=1, max_size=4)),
        "conversation_id": _mostly(st.text(min_size=1, max_size=8)),
    },
    optional={
        "title": st.text(max_size=20) | _json,
        "create_time": _unix,
        "update_time": _unix,
        "id": _json,
        "current_node": _mostly(_ids),
    },
)
_claude_message = st.fixed_dictionaries(
    {
        "sender": _mostly(st.sampled_from(["human", "human", "assistant", "system"])),
        "created_at": _iso,
    },
    optional={
        "uuid": _mostly(_ids),
        "parent_message_uuid": _mostly(_ids),
        "text": st.text(max_size=30) | _json,
        "content": _mostly(
            st.lists(
                st.fixed_dictionaries({"type": st.just("text") | _json, "text": _json}), max_size=2
            )
        ),
        "attachments": _mostly(
            st.lists(st.fixed_dictionaries({"extracted_content": _json}), max_size=2)
        ),
    },
)
_claude = st.fixed_dictionaries(
    {
        "chat_messages": _mostly(st.lists(_mostly(_claude_message), min_size=1, max_size=4)),
        "uuid": _mostly(st.text(min_size=1, max_size=8)),
    },
    optional={
        "name": _json,
        "created_at": _iso,
        "updated_at": _iso,
        "current_leaf_message_uuid": _mostly(_ids),
    },
)

_SHAPES = {"chatgpt": _chatgpt, "claude": _claude}
_KINDS = tuple(_SHAPES)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(
    data=st.data(),
    shape=st.sampled_from(_KINDS),
    swap=st.sampled_from([0, 0, 0, 1]),
    cut=st.none() | st.none() | st.integers(0, 400),
    packed=st.booleans(),
    keep=st.booleans(),
    wrapped=st.sampled_from([False, False, True]),
)
def test_any_shape_imports_or_is_invalid_input_never_half_written(
    journal, tmp_path_factory, data, shape, swap, cut, packed, keep, wrapped
):
    kind = _KINDS[(_KINDS.index(shape) + swap) % 2]  # now and then the other service's
    conversations = data.draw(_mostly(st.lists(_mostly(_SHAPES[shape]), max_size=5)))
    folder = tmp_path_factory.mktemp("fuzz")
    text = json.dumps({"conversations": conversations} if wrapped else conversations)
    path = folder / "conversations.json"
    path.write_text(text if cut is None else text[:cut])
    if packed:
        path = zipped(folder, path)
    before = journal.counts()
    try:
        found = import_source(journal, path, kind, keep_first_message=keep)
    except InvalidInput:
        event("not an export")
        assert journal.counts() == before
        return
    event("converted some" if found.uses or found.already else "converted nothing")
    assert journal.counts()["ai_uses"] == before["ai_uses"] + found.added
    for use in found.uses:
        assert use.minutes >= 1 and use.to_review and use.source == RECORD_SOURCES[kind]


def test_finishing_twice_counts_once(journal):
    """The app previews (a dry run) and then writes the same plan."""
    found = plan_import(CHATGPT, "chatgpt")
    finish_import(journal, found, dry_run=True)
    finish_import(journal, found)
    assert (found.added, found.already) == (11, 0)
