"""Importing ChatGPT and Claude data exports: sessions, suggestions, idempotence, bad files.

The sample exports in tests/data/exports/ are made up, small and realistic; zips are made at
test time from them.
"""

import json
import shutil
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from clitools import run
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from aijournal.model.errors import InvalidInput
from aijournal.sources import ai_exports as ax
from aijournal.storage import DataPaths, Journal, exchange

EXPORTS = Path(__file__).parents[1] / "data" / "exports"
CHATGPT = EXPORTS / "chatgpt-conversations.json"
CLAUDE = EXPORTS / "claude-conversations.json"


def plan(path, kind="chatgpt", **options):
    return ax.plan_import(path, kind, **options)


def by_ref(found: ax.ImportPlan) -> dict:
    return {u.source_ref: u for u in found.uses}


def zipped(tmp_path, source: Path, member="conversations.json", extra=()) -> Path:
    target = tmp_path / f"{source.stem}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in extra:
            archive.writestr(name, text)
        archive.write(source, member)
    return target


# ---- reading the two formats -----------------------------------------------------------------


def test_chatgpt_export_becomes_one_use_per_session():
    found = plan(CHATGPT)
    uses = by_ref(found)
    assert found.kind == "chatgpt" and found.skipped == {"no readable messages": 1}
    assert len(uses) == 11 and found.conversations == 10 and found.split == 1
    learn = uses["c-learn-0001"]
    assert (learn.tool, learn.task, learn.source, learn.minutes, learn.turns, learn.to_review) == (
        "ChatGPT",
        "Python decorators",
        "chatgpt-export",
        6,
        2,
        True,
    )
    assert learn.started_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert learn.note == ""  # what the user wrote stays out unless asked for
    # `id` instead of `conversation_id`, image parts as objects, an unknown content type
    assert uses["c-objects-0005"].turns == 1
    # hidden custom instructions are no turn of the user's
    assert uses["c-hidden-0008"].turns == 1


def test_chatgpt_follows_the_current_branch_not_abandoned_ones():
    """Regenerated answers start side branches; only the path to current_node counts."""
    use = by_ref(plan(CHATGPT))["c-branch-0002"]
    assert use.turns == 3 and use.minutes == 11
    kept = by_ref(plan(CHATGPT, keep_first_message=True))
    assert "abandoned" not in " ".join(u.note for u in kept.values())
    # without current_node, the newest child is followed from the root
    assert kept["c-nocurrent-0011"].note == "Write a slogan for a bakery."


def test_missing_times_and_titles_fall_back():
    use = by_ref(plan(CHATGPT))["c-notimes-0004"]
    assert use.task == ax.UNTITLED
    assert use.started_at == datetime(2026, 3, 5, 8, 30, tzinfo=UTC)  # the conversation's time
    assert use.minutes == 1


def test_parts_as_objects_keep_their_text():
    use = by_ref(plan(CHATGPT, keep_first_message=True))["c-objects-0005"]
    assert use.note == "Turn this whiteboard photo into a task list."


def test_claude_export_with_content_blocks_attachments_and_split():
    found = plan(CLAUDE, "claude", keep_first_message=True)
    uses = by_ref(found)
    assert found.skipped == {"no readable messages": 1}
    assert set(uses) == {
        "k-check-0001",
        "k-blocks-0002",
        "k-untitled-0003",
        "k-split-0005",
        "k-split-0005#2",
    }
    blocks = uses["k-blocks-0002"]
    assert blocks.tool == "Claude" and blocks.source == "claude-export"
    assert blocks.note == "Write a bash script that deploys the site with rsync."
    assert blocks.suggested_pattern == "feedback-loop"  # the error log came as an attachment
    assert uses["k-untitled-0003"].task == ax.UNTITLED
    assert uses["k-split-0005"].started_at == datetime(2026, 3, 6, 9, 0, 0, 123456, tzinfo=UTC)
    assert uses["k-split-0005#2"].minutes == 1


@pytest.mark.parametrize(
    "member",
    ["conversations.json", "export-2026-03/conversations.json", "a/b/c/conversations.json"],
)
@pytest.mark.parametrize("source, kind", [(CHATGPT, "chatgpt"), (CLAUDE, "claude")])
def test_a_zip_reads_like_its_conversations_json(tmp_path, source, kind, member):
    archive = zipped(
        tmp_path, source, member, extra=[("chat.html", "<html></html>"), ("users.json", "[]")]
    )
    plain, packed = plan(source, kind), plan(archive, kind)
    assert [(u.source_ref, u.minutes, u.turns, u.pattern) for u in packed.uses] == [
        (u.source_ref, u.minutes, u.turns, u.pattern) for u in plain.uses
    ]


def test_kind_is_detected_from_the_first_conversation(tmp_path):
    reading = ax.Reading()
    assert len(list(ax.read_export(CLAUDE, reading=reading))) == 5
    assert reading.kind == "claude"
    assert ax.kind_of_file(CHATGPT) == "chatgpt"
    assert ax.kind_of_file(zipped(tmp_path, CLAUDE)) == "claude"
    empty = tmp_path / "conversations.json"
    empty.write_text("[]")
    assert ax.kind_of_file(empty) is None
    assert ax.plan_import(empty, "claude").summary().startswith("Would import 0 AI uses")
    empty.write_text("[1, 2]")
    with pytest.raises(InvalidInput, match="no conversations"):
        ax.kind_of_file(empty)
    assert ax.detect_kind({"mapping": {}}) == "chatgpt"
    assert ax.detect_kind({"chat_messages": []}) == "claude"
    assert ax.detect_kind([1]) is None


# ---- sessions --------------------------------------------------------------------------------

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def talk(*minutes_and_roles, created=T0) -> ax.Conversation:
    messages = [
        ax.Message(role, None if at is None else T0 + timedelta(minutes=at), f"turn {i}")
        for i, (at, role) in enumerate(minutes_and_roles)
    ]
    return ax.Conversation("chatgpt", "ref", "Title", messages, created)


def shape(conversation):
    return [(s.start, s.minutes, len(s.user_turns)) for s in ax.sessions(conversation)]


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
    with pytest.raises(ax.Unreadable, match="no readable messages"):
        ax.sessions(talk((0, "assistant")))
    with pytest.raises(ax.Unreadable, match="no time"):
        ax.sessions(talk((None, "user"), created=None))


def test_later_sessions_get_numbered_refs():
    uses = ax.ai_uses(talk((0, "user"), (90, "user"), (200, "user")))
    assert [p.use.source_ref for p in uses] == ["ref", "ref#2", "ref#3"]
    assert all(p.split for p in uses)


# ---- suggested patterns ----------------------------------------------------------------------

TRACEBACK = (
    "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\nKeyError: 'id'"
)


@pytest.mark.parametrize(
    "turns, pattern, rule",
    [
        (["Write a haiku about autumn."], "directive", "one-request"),
        (
            [
                "Write a loader for orders.csv",
                "I get this:\n" + TRACEBACK,
                "Still doesn't work: ValueError: bad value",
            ],
            "feedback-loop",
            "pasted-errors",
        ),
        (
            ["Fix my build", "npm ERR! code ELIFECYCLE", "It fails again:\n```\nexit code 2\n```"],
            "feedback-loop",
            "pasted-errors",
        ),
        (
            [
                "Deploy script please",
                "here is the log\n" + "\n".join(["line"] * 14),
                "and the next run\n```\nok\nok\n```",
            ],
            "feedback-loop",
            "pasted-errors",
        ),
        (["Explain how Python decorators work."], "learning", "asked-to-understand"),
        (
            ["Why does the moon look bigger near the horizon?", "Thanks"],
            "learning",
            "asked-to-understand",
        ),
        (
            ["What is the difference between a mutex and a semaphore?"],
            "learning",
            "asked-to-understand",
        ),
        (["Can you proofread this paragraph?"], "validation", "asked-for-a-check"),
        (["Here is my proof. Is this correct?", "ok thanks"], "validation", "asked-for-a-check"),
        (["Review my cover letter, any mistakes?"], "validation", "asked-for-a-check"),
        (
            ["Write a launch email.", "Make it shorter.", "Now add a line about Friday."],
            "task-iteration",
            "rounds-of-changes",
        ),
        (
            ["Draft a slogan", "Try again, instead use a pun", "Another version please"],
            "task-iteration",
            "rounds-of-changes",
        ),
        (["Draft the summary", "Thanks, looks fine"], "task-iteration", "back-and-forth"),
        ([""], "directive", "one-request"),
    ],
)
def test_each_rule_suggests_its_pattern(turns, pattern, rule):
    found = ax.suggest_pattern(turns)
    assert (found.pattern, found.rule) == (pattern, rule)
    assert 0 < found.confidence <= 0.9 and found.reason.endswith(".")


def test_rules_are_ordered_data_with_readable_reasons():
    assert len({rule.id for rule in ax.RULES}) == len(ax.RULES)
    assert {rule.pattern for rule in ax.RULES} == {
        "directive",
        "feedback-loop",
        "learning",
        "validation",
        "task-iteration",
    }
    # errors pasted back beat a question in the same conversation: the first rule wins
    mixed = ["Why does this fail?\n" + TRACEBACK, "Still not working: TypeError: x"]
    assert ax.suggest_pattern(mixed).rule == "pasted-errors"
    assert ax.suggest_pattern(mixed).reason == "You pasted errors or output back in 2 of 2 turns."


def test_more_evidence_means_more_confidence_never_certainty():
    two = ax.suggest_pattern(["go", TRACEBACK, TRACEBACK])
    many = ax.suggest_pattern(["go"] + [TRACEBACK] * 30)
    assert two.confidence < many.confidence == 0.9


def test_an_error_hidden_deep_in_a_huge_paste_is_not_searched():
    """Only the head of a turn is read: a 1 MB paste costs what 4,000 characters cost."""
    huge = "x" * 1_000_000 + "TypeError: late"
    assert ax.suggest_pattern(["go", huge, huge]).rule == "back-and-forth"


# ---- the journal side ------------------------------------------------------------------------


def test_reimport_adds_nothing_twice(journal, tmp_path):
    first = ax.import_export(journal, CHATGPT, "chatgpt")
    assert first.added == 11 and journal.counts()["ai_uses"] == 11
    again = ax.import_export(journal, zipped(tmp_path, CHATGPT), "chatgpt")
    assert again.added == 0 and again.already == 11
    assert journal.counts()["ai_uses"] == 11
    assert "0 AI uses" in again.summary() and "11 already imported" in again.summary()


def test_deleted_imports_stay_deleted_on_reimport(journal):
    ax.import_export(journal, CHATGPT, "chatgpt")
    journal.delete(journal.to_review()[0])
    assert ax.import_export(journal, CHATGPT, "chatgpt").added == 0


def test_review_list_and_bulk_confirmation(journal):
    ax.import_export(journal, CLAUDE, "claude")
    waiting = journal.to_review()
    assert [u.started_at for u in waiting] == sorted(u.started_at for u in waiting)
    assert all(u.pattern == u.suggested_pattern and u.suggestion_reason for u in waiting)
    ids = [u.id for u in waiting[:2]]
    assert (
        journal.confirm_reviewed(ids, pattern="learning", replaced_person=True, skills=["Bash"])
        == 2
    )
    confirmed = journal.get(type(waiting[0]), ids[0])
    assert (
        confirmed.pattern,
        confirmed.replaced_person,
        confirmed.skills,
        confirmed.to_review,
    ) == ("learning", True, ("Bash",), False)
    assert confirmed.suggested_pattern == waiting[0].suggested_pattern  # the guess is kept
    assert len(journal.to_review()) == len(waiting) - 2
    with pytest.raises(InvalidInput):
        journal.confirm_reviewed([waiting[2].id, "not-an-id"])
    with pytest.raises(InvalidInput):
        journal.confirm_reviewed([waiting[2].id], pattern="vibes")
    assert len(journal.to_review()) == len(waiting) - 2  # all or nothing


def test_add_imported_checks_everything_before_writing(journal, clock):
    uses = plan(CHATGPT).uses
    from dataclasses import replace

    future = replace(uses[-1], started_at=clock() + timedelta(days=2))
    with pytest.raises(InvalidInput):
        journal.add_imported([*uses[:-1], future])
    assert journal.counts()["ai_uses"] == 0
    assert journal.add_imported([*uses, uses[0]]) == len(uses)  # a repeated ref counts once


def test_conversations_in_the_future_are_skipped(tmp_path, clock):
    found = plan(CHATGPT, clock=lambda: datetime(2026, 3, 8, tzinfo=UTC))
    assert found.skipped["time in the future"] == 5
    assert all(u.day < date(2026, 3, 8) for u in found.uses)


def test_progress_reports_bytes_and_can_cancel(journal, tmp_path):
    from bench.make_exports import chatgpt_export

    big = chatgpt_export(tmp_path / "conversations.json", conversations=300)
    seen = []
    ax.plan_import(big, "chatgpt", progress=lambda done, total: seen.append((done, total)))
    size = big.stat().st_size
    assert len(seen) > 5 and seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(ax.ImportCancelled, match="nothing was written"):
        ax.import_export(journal, big, "chatgpt", progress=lambda done, total: done < size / 2)
    assert journal.counts()["ai_uses"] == 0


def test_progress_of_a_zip_counts_compressed_bytes(tmp_path):
    from bench.make_exports import chatgpt_export

    archive = zipped(tmp_path, chatgpt_export(tmp_path / "c.json", conversations=200))
    seen = []
    ax.plan_import(archive, "chatgpt", progress=lambda done, total: seen.append((done, total)))
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
    assert "aijournal list --to-review" in out
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
    assert "feedback-loop (70%): You pasted errors or output back in 2 of 3 turns." in out
    assert snapshot(home) == before


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


def _truncated(tmp_path):
    path = tmp_path / "conversations.json"
    path.write_bytes(CHATGPT.read_bytes()[:5000])
    return path


def _written(name, text):
    def make(tmp_path):
        path = tmp_path / name
        path.write_text(text)
        return path

    return make


def _zip_without_conversations(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("chat.html", "<html></html>")
        archive.writestr("other/conversations.txt", "[]")
    return path


def _broken_zip(tmp_path):
    path = tmp_path / "export.zip"
    data = zipped(tmp_path, CHATGPT).read_bytes()
    path.write_bytes(data[:200] + b"\0" * 300 + data[500:])
    return path


@pytest.mark.parametrize(
    "make, kind, says",
    [
        (_truncated, "chatgpt", "not valid JSON"),
        (_written("numbers.json", "[1, 2, 3]"), "chatgpt", "no conversations in it"),
        (_written("object.json", '{"conversations": []}'), "chatgpt", "not a list"),
        (_written("notes.txt", "Dear diary"), "claude", "not JSON"),
        (_written("empty.json", ""), "claude", "empty"),
        (_written("dicts.json", json.dumps([{"a": 1}] * 12)), "claude", "no conversations in it"),
        (_zip_without_conversations, "chatgpt", "the zip has no conversations.json"),
        (_broken_zip, "chatgpt", "export"),
        (
            lambda tmp_path: shutil.copy(CLAUDE, tmp_path / "conversations.json"),
            "chatgpt",
            "this is a Claude export; use `aijournal import claude`",
        ),
        (
            lambda tmp_path: shutil.copy(CHATGPT, tmp_path / "conversations.json"),
            "claude",
            "this is a ChatGPT export; use `aijournal import chatgpt`",
        ),
        (lambda tmp_path: tmp_path / "missing.zip", "chatgpt", "readable file"),
    ],
)
def test_a_bad_file_exits_2_and_leaves_the_journal_byte_for_byte(home, tmp_path, make, kind, says):
    assert run("import", "chatgpt", str(CHATGPT), "--from", "2026-03-10")[0] == 0
    bad = Path(make(tmp_path))
    before = snapshot(home)
    code, out = run("import", kind, str(bad))
    assert code == 2, out
    assert says in out and str(bad) in out
    assert "ChatGPT or Claude data export" in out or "this is a" in out or "readable" in out
    assert len(out.strip().splitlines()) == 1
    assert snapshot(home) == before


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
    optional={"name": _json, "created_at": _iso, "updated_at": _iso},
)


_SHAPES = {"chatgpt": _chatgpt, "claude": _claude}


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
    shape=st.sampled_from(ax.KINDS),
    swap=st.sampled_from([0, 0, 0, 1]),
    cut=st.none() | st.none() | st.integers(0, 400),
    packed=st.booleans(),
    keep=st.booleans(),
)
def test_any_shape_imports_or_is_invalid_input_never_half_written(
    journal, tmp_path_factory, data, shape, swap, cut, packed, keep
):
    kind = ax.KINDS[(ax.KINDS.index(shape) + swap) % 2]  # now and then the other service's
    conversations = data.draw(_mostly(st.lists(_mostly(_SHAPES[shape]), max_size=5)))
    folder = tmp_path_factory.mktemp("fuzz")
    text = json.dumps(conversations)
    path = folder / "conversations.json"
    path.write_text(text if cut is None else text[:cut])
    if packed:
        path = zipped(folder, path)
    before = journal.counts()
    try:
        found = ax.import_export(journal, path, kind, keep_first_message=keep)
    except InvalidInput:
        event("not an export")
        assert journal.counts() == before
        return
    event("converted some" if found.uses or found.already else "converted nothing")
    assert journal.counts()["ai_uses"] == before["ai_uses"] + found.added
    for use in found.uses:
        assert use.minutes >= 1 and use.to_review and use.source == ax.SOURCES[kind]
