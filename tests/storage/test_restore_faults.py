"""Restore is exclusive: it refuses while a long-lived process (the desktop app) holds the
journal, and no write a command reported as committed is lost to a restore."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from writers import PASSPHRASE, start_writer

from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal
from aijournal.storage.unlock import Key


@pytest.fixture
def paths(tmp_path):
    paths = DataPaths(tmp_path / "restore")
    with Journal.create(paths, Key.from_passphrase(PASSPHRASE)) as journal:
        journal.add(r.AIUse(started_at=r.now(), tool="Before", pattern="learning", minutes=1))
        journal.backup()
    return paths


def cli(paths: DataPaths, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "aijournal", "--data-dir", str(paths.root), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "AIJOURNAL_PASSPHRASE": PASSPHRASE},
        timeout=120,
    )


def tasks(journal: Journal) -> set[str]:
    return {u.task for u in journal.all(r.AIUse)}


def test_restore_refuses_while_a_long_lived_writer_holds_the_journal(paths):
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        (backup,) = journal.backups()
    writer = start_writer(paths, "app")
    first = writer.stdout.readline()
    result = cli(paths, "restore", str(backup), "--yes")
    time.sleep(0.3)
    writer.terminate()
    out, _ = writer.communicate(timeout=30)
    committed = [line for line in (first + out).splitlines() if len(line) == 36]
    assert result.returncode == 1
    assert "open in another program" in result.stderr and "Nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        assert set(committed) <= {u.id for u in journal.all(r.AIUse)}  # not one write lost
        assert journal.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    result = cli(paths, "restore", str(backup), "--yes")  # with the writer gone it works
    assert result.returncode == 0, result.stderr
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        assert tasks(journal) == {""}


def test_no_cli_write_that_exited_0_is_lost_to_restores(paths):
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        (backup,) = journal.backups()
    written: list[tuple[str, float]] = []  # task, when its command (that exited 0) started
    stop = threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set():
            task, started = f"cli {n}", time.monotonic()
            done = cli(paths, "log-ai", task, "--tool", "CLI", "--pattern", "learning",
                       "--minutes", "3")  # fmt: skip
            if done.returncode == 0:
                written.append((task, started))
            else:
                assert "Traceback" not in done.stderr, done.stderr
            n += 1

    writers = [threading.Thread(target=write) for _ in range(2)]
    for thread in writers:
        thread.start()
    safeties, restored_at = [], 0.0
    for _ in range(4):
        time.sleep(0.5)
        result = cli(paths, "restore", str(backup), "--yes")
        assert "Traceback" not in result.stderr, result.stderr
        if result.returncode == 0:
            safeties.append(result.stdout.rsplit(" is in ", 1)[1].strip().rstrip("."))
            restored_at = time.monotonic()
    # Writes go on until two have started after the last restore and exited 0 (on a loaded
    # machine a command takes seconds: a fixed pause could end before any got through).
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and sum(at > restored_at for _, at in written) < 2:
        time.sleep(0.1)
    stop.set()
    for thread in writers:
        thread.join(timeout=120)
    assert safeties, "no restore got through"
    assert [task for task, at in written if at > restored_at], "no write after the last restore"
    kept: set[str] = set()
    for safety in safeties:
        copy = DataPaths(paths.root.parent / f"safety-{len(kept)}")
        copy.root.mkdir()
        (copy.root / "journal.db").write_bytes(Path(safety).read_bytes())
        (copy.root / "journal.json").write_bytes(paths.config.read_bytes())
        with Journal.open(copy, passphrase=lambda: PASSPHRASE) as journal:
            kept |= tasks(journal)
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        assert journal.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        now = tasks(journal)
    for task, started in written:
        # Every reported write is in the journal, or in the copy the restore kept of it.
        assert task in now or task in kept, task
        if started > restored_at:
            assert task in now, task
