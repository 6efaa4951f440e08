"""Settings → Sources: what is found on this computer, switching a source on (consent), reading
it at once, at start and after the daily reminder."""

import json

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from aijournal.sources import machine
from aijournal.ui.views.settings import SettingsView
from aijournal.ui.views.sources_page import SourcesPage
from aijournal.ui.widgets.basics import find

SESSION = [
    {
        "type": "user",
        "sessionId": "s-1",
        "cwd": "/home/sam/code/api",
        "version": "2.0.61",
        "message": {"role": "user", "content": "explain how the retry queue works"},
        "timestamp": "2026-11-20T09:00:00Z",
    },
    {
        "type": "assistant",
        "sessionId": "s-1",
        "message": {"role": "assistant", "content": [{"type": "text", "text": "..."}]},
        "timestamp": "2026-11-20T09:03:00Z",
    },
]


@pytest.fixture
def claude_home(tmp_path, monkeypatch):
    home = tmp_path / "user-home"
    folder = home / ".claude" / "projects" / "-home-sam-code-api"
    folder.mkdir(parents=True)
    for name in ("s-1", "s-2"):
        lines = [dict(line, sessionId=name) for line in SESSION]
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("CLAUDE_CONFIG_DIR", raising=False)
    monkeypatch.delenv("CODEX_HOME", raising=False)
    return home


def test_the_page_says_what_it_found_and_reads_nothing_until_switched_on(
    qtbot, show, journal, claude_home
):
    page = show(SourcesPage(journal))
    assert "2 session files" in find(page, QLabel, "Claude Code sessions found").text()
    switch = find(page, QCheckBox, "Read Claude Code sessions")
    assert not switch.isChecked() and "tool calls" in switch.toolTip()
    assert journal.to_review() == []
    changes = []
    page.changed.connect(lambda: changes.append(1))
    switch.click()
    qtbot.waitUntil(lambda: bool(changes), timeout=10_000)
    assert len(journal.to_review()) == 2
    assert page.notice.text() == "2 new AI uses from your tools wait in Review imports."
    assert "Last read" in find(page, QLabel, "Claude Code sessions found").text()
    switch.click()
    assert not journal.source_settings()["claude-code"].enabled


def test_aider_asks_for_its_folder_and_cancelling_leaves_it_off(qtbot, show, journal, tmp_path):
    asked = []
    page = show(SourcesPage(journal, ask=lambda parent, picks: asked.append(picks) or []))
    find(page, QCheckBox, "Read Aider chat histories").click()
    assert asked == ["folders"]
    assert not find(page, QCheckBox, "Read Aider chat histories").isChecked()
    assert "aider" not in journal.source_settings()
    folder = tmp_path / "code"
    folder.mkdir()
    page._ask = lambda parent, picks: [str(folder)]
    click = find(page, QPushButton, "Choose where to read Aider chat histories")
    click.click()
    qtbot.waitUntil(lambda: page.job is None or page.job.done, timeout=10_000)
    assert journal.source_settings()["aider"].paths == (str(folder),)
    assert find(page, QCheckBox, "Read Aider chat histories").isChecked()
    assert page.notice.text() == "Nothing new."


def test_settings_shows_the_sources_page(show, journal):
    view = show(SettingsView(journal), 1000, 700)
    assert find(view, QCheckBox, "Read Codex CLI sessions").isVisibleTo(view)


def test_the_window_reads_switched_on_sources_at_start(qtbot, journal, claude_home):
    from aijournal.ui.main_window import MainWindow

    machine.enable(journal, "claude-code")
    window = MainWindow(journal, use_tray=False)
    qtbot.addWidget(window)
    window.show()  # read once the window is on screen, never before its first paint
    qtbot.waitUntil(lambda: len(journal.to_review()) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "wait in Review imports" in window.statusBar().currentMessage())
