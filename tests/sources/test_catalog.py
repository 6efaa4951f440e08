"""Every source declared once, and the probe that tells what a file or folder is."""

import json
from pathlib import Path

import pytest
from labelled import T0, Labelled, aider_texts, claude_code_lines, codex_lines, open_webui_item

from aijournal.model.errors import InvalidInput
from aijournal.sources import catalog

EXPORTS = Path(__file__).parents[1] / "data" / "exports"


def lines(path: Path, values) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(v) + "\n" for v in values))
    return path


def test_each_source_says_where_it_lives_what_is_read_and_never_read():
    assert catalog.IDS == ("chatgpt", "claude", "claude-code", "codex", "aider", "open-webui")
    for source in catalog.SOURCES:
        assert source.where and source.reads and source.never and source.tool
        assert "never kept unless you ask for the first message" in source.never


def test_the_probe_recognises_every_format(tmp_path):
    s = Labelled("p", "directive", "en", "claude-code", "api", ("add a flag",), T0)
    chat, _ = aider_texts([s])
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / ".aider.chat.history.md").write_text(chat)
    webui = tmp_path / "webui.json"
    webui.write_text(json.dumps([open_webui_item(s)]))
    found = {
        EXPORTS / "chatgpt-conversations.json": "chatgpt",
        EXPORTS / "claude-conversations.json": "claude",
        lines(tmp_path / "cc" / "-p-api" / "s.jsonl", claude_code_lines(s)): "claude-code",
        tmp_path / "cc": "claude-code",
        lines(tmp_path / "cx" / "rollout-1.jsonl", codex_lines(s)): "codex",
        tmp_path / "cx": "codex",
        tmp_path / "blog" / ".aider.chat.history.md": "aider",
        tmp_path / "blog": "aider",
        webui: "open-webui",
    }
    for path, kind in found.items():
        assert catalog.identify(path).kind == kind, path


def test_a_file_no_source_reads_is_refused_with_one_line(tmp_path):
    odd = tmp_path / "photo.jpg"
    odd.write_bytes(b"\xff\xd8\xff\xe0 not a session")
    with pytest.raises(InvalidInput) as refused:
        catalog.identify(odd)
    assert "\n" not in str(refused.value) and str(odd) in str(refused.value)
    with pytest.raises(InvalidInput, match="exists"):
        catalog.identify(tmp_path / "missing")
    with pytest.raises(InvalidInput, match="use chatgpt, claude"):
        catalog.source("cursor")
