"""Faults a journal must survive: kills mid-write, two writers, damaged files, a full disk."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from writers import PASSPHRASE, start_writer

from aijournal.cli import cli
from aijournal.model import records as r
from aijournal.model.errors import JournalError, UnlockError
from aijournal.storage import DataPaths, Journal
from aijournal.storage.unlock import Key


@pytest.fixture
def paths(tmp_path):
    paths = DataPaths(tmp_path / "crash")
    Journal.create(paths, Key.from_passphrase(PASSPHRASE)).close()
    return paths


def test_sigkill_mid_write_loses_nothing_committed(paths):
    rng = random.Random(7)
    committed: list[str] = []
    for _ in range(12):
        writer = start_writer(paths, "kill")
        first = writer.stdout.readline()  # it is writing now, however slow its start was
        time.sleep(rng.random() * 0.2)
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=30)
        committed += [line for line in (first + out).splitlines() if len(line) == 36]
    assert len(committed) >= 12
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        assert journal.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {use.id for use in journal.all(r.AIUse)}
        assert set(committed) <= stored


def test_two_processes_write_at_once_without_locked_errors(paths):
    writers = [start_writer(paths, tag) for tag in ("a", "b")]
    firsts = [writer.stdout.readline() for writer in writers]  # both are writing now
    time.sleep(2)
    for writer in writers:
        writer.send_signal(signal.SIGTERM)
    outputs = [writer.communicate(timeout=30) for writer in writers]
    for _, err in outputs:
        assert "locked" not in err
    ids = [
        line
        for first, (out, _) in zip(firsts, outputs)
        for line in (first + out).splitlines()
        if len(line) == 36
    ]
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        # A writer stopped between its commit and its print leaves one more than it said.
        assert set(ids) <= {u.id for u in journal.all(r.AIUse)}
        tasks = {u.task[0] for u in journal.all(r.AIUse)}
    assert tasks == {"a", "b"}


def test_cli_and_a_long_writer_share_the_journal(paths, monkeypatch):
    monkeypatch.setenv("AIJOURNAL_PASSPHRASE", PASSPHRASE)
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as app:
        with app.transaction():  # the desktop app holds a write for a moment
            app.add(r.AIUse(started_at=r.now(), tool="App", pattern="learning", minutes=1))
            command = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "aijournal",
                    "--data-dir",
                    str(paths.root),
                    "log-ai",
                    "--tool",
                    "CLI",
                    "--pattern",
                    "directive",
                    "--minutes",
                    "2",
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                stdin=subprocess.DEVNULL,
            )
            time.sleep(1.0)
        out, err = command.communicate(timeout=60)
        assert command.returncode == 0, err
        assert {u.tool for u in app.all(r.AIUse)} == {"App", "CLI"}


def test_a_damaged_file_points_to_the_backup_and_restore_recovers(paths, monkeypatch):
    monkeypatch.setenv("AIJOURNAL_PASSPHRASE", PASSPHRASE)
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        journal.add(r.AIUse(started_at=r.now(), tool="Kept", pattern="learning", minutes=1))
        backup = journal.backup()
    data = bytearray(paths.db.read_bytes())
    data[100:4000] = os.urandom(3900)  # scribble over the first page
    paths.db.write_bytes(bytes(data))
    with pytest.raises(UnlockError, match="damaged") as caught:
        Journal.open(paths, passphrase=lambda: PASSPHRASE)
    assert backup.name in str(caught.value)
    result = CliRunner().invoke(cli, ["--data-dir", str(paths.root), "list"])
    assert result.exit_code == 3 and "aijournal restore" in result.output
    result = CliRunner().invoke(
        cli, ["--data-dir", str(paths.root), "restore", str(backup), "--yes"]
    )
    assert result.exit_code == 0, result.output
    assert list(paths.root.glob("journal.db.damaged-*"))
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        assert [u.tool for u in journal.all(r.AIUse)] == ["Kept"]


def test_a_truncated_file_is_a_clear_error(paths):
    paths.db.write_bytes(paths.db.read_bytes()[:1000])
    with pytest.raises(UnlockError):
        Journal.open(paths, passphrase=lambda: PASSPHRASE)


def test_a_full_disk_is_one_clear_error_and_nothing_half_written(journal, clock):
    pages = journal.db.execute("PRAGMA page_count").fetchone()[0]
    journal.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    added = 0
    with pytest.raises(JournalError, match="could not be written .*full.*nothing was saved"):
        for n in range(10_000):
            journal.add(
                r.AIUse(
                    started_at=clock(),
                    tool="Big",
                    pattern="learning",
                    minutes=1,
                    note="x" * 2000,
                    skills=(f"skill {n}",),
                )
            )
            added += 1
    assert journal.counts()["ai_uses"] == added
    assert journal.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
