"""What the sources on this machine share, fuzzed: any file a coding agent or chat tool might
leave (real lines, odd values, garbage, cut anywhere) either imports or is refused with one
InvalidInput, never a crash and never half written."""

import json

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from labelled import T0, Labelled, aider_texts, claude_code_lines, codex_lines, open_webui_item

from aijournal.model.errors import InvalidInput
from aijournal.sources.importing import import_source

SESSION = Labelled(
    "f", "directive", "en", "claude-code", "api", ("add a flag", "still failing"), T0
)
_scalars = st.none() | st.booleans() | st.integers(-(10**13), 10**13) | st.text(max_size=10)
_json = st.recursive(
    _scalars,
    lambda kids: (
        st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=8), kids, max_size=3)
    ),
    max_leaves=6,
)


def _mutated(values: list, data) -> list:
    """Real lines with some values replaced by anything at all."""
    out = []
    for value in values:
        if data.draw(st.integers(0, 5)) == 0 and isinstance(value, dict) and value:
            key = data.draw(st.sampled_from(sorted(value)))
            value = {**value, key: data.draw(_json)}
        out.append(value)
    if data.draw(st.booleans()):
        out.insert(data.draw(st.integers(0, len(out))), data.draw(_json))
    return out


def _lines(values: list) -> str:
    return "".join(json.dumps(v) + "\n" for v in values)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.data(),
    kind=st.sampled_from(["claude-code", "codex", "aider", "open-webui"]),
    cut=st.none() | st.integers(0, 3000),
    garbage=st.sampled_from([b"", b"", b"\xff\xfe{", b"\x00" * 8, b"}\n{"]),
)
def test_any_local_file_imports_or_is_one_invalid_input(
    journal, tmp_path_factory, data, kind, cut, garbage
):
    folder = tmp_path_factory.mktemp("local")
    if kind == "claude-code":
        path, text = folder / "s.jsonl", _lines(_mutated(claude_code_lines(SESSION), data))
    elif kind == "codex":
        path, text = folder / "rollout-1.jsonl", _lines(_mutated(codex_lines(SESSION), data))
    elif kind == "aider":
        path, text = folder / ".aider.chat.history.md", aider_texts([SESSION])[0]
    else:
        item = _mutated([open_webui_item(SESSION)], data)
        path, text = folder / "chats.json", json.dumps(item)
    raw = text.encode() if cut is None else text.encode()[:cut]
    path.write_bytes(raw + garbage)
    before = journal.counts()
    try:
        found = import_source(journal, path, kind)
    except InvalidInput as refused:
        event(f"{kind}: refused")
        assert "\n" not in str(refused)
        assert journal.counts() == before
        return
    event(f"{kind}: {'some' if found.added else 'none'}")
    assert journal.counts()["ai_uses"] == before["ai_uses"] + found.added
