"""A key change killed at a random moment: the journal opens with the old key or the new one,
the config knows which, nothing is lost, and no stale secret-store entry is left behind.

A small server process imports the app once and forks a child for each key change (so that a
hundred changes do not pay a hundred Python starts); the test kills the child with SIGKILL a
random moment after it has opened the journal, then opens the journal itself and checks it.
Two lanes run side by side: keyring ⇄ passphrase (both directions by turns) and passphrase →
passphrase. SQLCipher's key derivation (and the pending passphrase's verifier) run with 4,000
rounds instead of 256,000 here, in every process of the test: the same code, a hundred times
faster to kill and check.
"""

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from filekeyring import FileKeyring

from aijournal.model import records as r
from aijournal.model.errors import WrongPassphrase
from aijournal.storage import DataPaths, Journal, SecretStore
from aijournal.storage.unlock import Key, opens

TESTS = Path(__file__).resolve().parents[1]
SERVER = textwrap.dedent("""
    import json, os, sys, traceback
    sys.path.insert(0, sys.argv[3])
    import sqlcipher3
    sqlcipher3.connect(":memory:").execute("PRAGMA cipher_default_kdf_iter = ROUNDS")
    import keyring
    from filekeyring import FileKeyring
    keyring.set_keyring(FileKeyring(sys.argv[1]))
    from aijournal.storage import DataPaths, Journal
    from aijournal.storage import unlock
    from aijournal.storage.unlock import Key
    unlock._CHECK_ROUNDS = ROUNDS
    paths = DataPaths(sys.argv[2])
    for line in sys.stdin:
        old, new = json.loads(line)  # a passphrase, or None for a key in the store
        pid = os.fork()
        if pid == 0:
            try:
                journal = Journal.open(paths, passphrase=lambda: old)
                print("ready", flush=True)
                journal.change_key(Key.random() if new is None else Key.from_passphrase(new))
                print("done", flush=True)
                os._exit(0)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
        print("pid", pid, flush=True)
        print("status", os.waitpid(pid, 0)[1], flush=True)
""").replace("ROUNDS", "4000")


@pytest.fixture
def fast_key_derivation(monkeypatch):
    import sqlcipher3

    from aijournal.storage import unlock

    memory = sqlcipher3.connect(":memory:")
    memory.execute("PRAGMA cipher_default_kdf_iter = 4000")
    monkeypatch.setattr(unlock, "_CHECK_ROUNDS", 4000)
    yield
    memory.execute("PRAGMA cipher_default_kdf_iter = 256000")
    memory.close()


class Lane:
    """One journal whose key is changed and killed over and over, checked after each kill."""

    def __init__(self, root: Path, name: str, start: str | None, seed: int):
        self.paths = DataPaths(root / name)
        self.store_file = root / f"{name}-keyring.json"
        self.store = FileKeyring(self.store_file)  # each lane its own: they run side by side
        self.rng = random.Random(seed)
        self.current = start  # the passphrase, or None: the key is in the store
        self.outcomes: Counter[str] = Counter()
        self.failures: list[str] = []
        key = Key.random() if start is None else Key.from_passphrase(start)
        with Journal.create(self.paths, key, store=SecretStore(self.store)) as journal:
            for n in range(5):
                journal.add(r.AIUse(started_at=r.now(), tool="T", pattern="learning", minutes=n))
            journal.backup()
        self.server = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(self.store_file), str(self.paths.root), str(TESTS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(root / f"{name}-server.log").open("w"),
            text=True,
        )
        self.log = root / f"{name}-server.log"
        self.span = 0.0

    def next_target(self) -> str | None:
        raise NotImplementedError

    def change(self, kill_after: float | None) -> tuple[str | None, bool, float]:
        """One key change, killed `kill_after` seconds after the child is ready (None: not)."""
        target = self.next_target()
        self.server.stdin.write(json.dumps([self.current, target]) + "\n")
        self.server.stdin.flush()
        pid, ready_at, took = None, None, 0.0
        while True:
            line = self.server.stdout.readline().split()
            if not line:  # say how it ended: the exit code comes a moment after the pipe closes
                try:
                    code = self.server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    code = "still running"
                raise AssertionError(f"the server stopped: {code} {self.log.read_text()}")
            if line[0] == "pid":
                pid = int(line[1])
            elif line[0] == "ready":
                ready_at = time.monotonic()
            if pid and ready_at and kill_after is not None:  # "ready" may come before "pid"
                time.sleep(max(0.0, ready_at + kill_after - time.monotonic()))
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                kill_after = None
            if line[0] == "done":
                took = time.monotonic() - (ready_at or time.monotonic())
            elif line[0] == "status":
                status = int(line[1])
                killed = os.WIFSIGNALED(status)
                assert killed or os.WEXITSTATUS(status) == 0, self.log.read_text()
                return target, killed, took

    def run(self, kills: int) -> None:
        try:
            target, _, self.span = self.change(None)  # how long one change takes here
            self.check(target)
            done = 0
            while done < kills:
                target, killed, _ = self.change(self.rng.uniform(0, self.span * 1.1))
                done += killed
                self.check(target)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            self.failures.append(f"{type(error).__name__}: {error}")
        finally:
            self.server.stdin.close()
            self.server.wait(timeout=30)

    def check(self, target: str | None) -> None:
        """Open as a user would: the key that works is the old or the new one, never neither."""
        old = self.current
        # Now and then the user first types the key that no longer works.
        candidates = [old, target] if self.rng.random() < 0.7 else [target, old]
        typed = [c for c in dict.fromkeys(candidates) if c is not None]
        opened = None
        for passphrase in typed or [None]:
            try:
                journal = Journal.open(
                    self.paths, passphrase=lambda p=passphrase: p, store=SecretStore(self.store)
                )
            except WrongPassphrase:
                continue
            opened = journal
            break
        assert opened is not None, "the journal opened with neither key"
        with opened as journal:
            config = journal.config
            assert config.pending is None
            assert journal.counts()["ai_uses"] == 5
            assert journal.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            now = None if config.protection == "keyring" else journal._key.secret
            assert now in (old, target)
            if config.protection == "keyring":
                assert set(self.store.entries()) == {f"aijournal/{config.keyring_account}"}
            else:
                assert self.store.entries() == {}, "a stale secret-store entry was left"
            older = config.older_key.backups if config.older_key else ()
            for backup in journal.backups():
                assert opens(backup, journal._key) or backup.name in older
            self.outcomes["new key" if now == target else "old key"] += 1
            if now is not None:
                other = target if now == old else old
                assert other is None or not opens(self.paths.db, Key("passphrase", other))
        self.current = now


class KeyringAndPassphrase(Lane):
    def next_target(self):
        return None if self.current is not None else f"pass {self.rng.random()}"


class PassphraseToPassphrase(Lane):
    def next_target(self):
        return f"pass {self.rng.random()}"


def test_a_hundred_killed_key_changes_never_lock_the_journal_out(tmp_path, fast_key_derivation):
    lanes = [
        (KeyringAndPassphrase(tmp_path, "kp", None, seed=1), 68),
        (PassphraseToPassphrase(tmp_path, "pp", "first passphrase", seed=2), 34),
    ]
    started = time.monotonic()
    threads = [threading.Thread(target=lane.run, args=(kills,)) for lane, kills in lanes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    for lane, _ in lanes:
        assert not lane.failures, lane.failures
        assert sum(lane.outcomes.values()) > 0
        # Kills landed both before and after the re-key: both outcomes were seen and checked.
        assert lane.outcomes["old key"] and lane.outcomes["new key"], lane.outcomes
    print(f"{sum(k for _, k in lanes)} kills in {time.monotonic() - started:.1f} s")


def interrupted_after_rekey(paths: DataPaths, old: Key, new: Key, store: SecretStore) -> None:
    """The state a key change killed right after re-keying the file leaves: new key pending."""
    from dataclasses import replace

    from aijournal.storage import unlock

    config = unlock.JournalConfig.read(paths)
    pending = unlock.pending_for(config, new, store, r.utc_stamp())
    replace(config, pending=pending).write(paths)
    if pending.keyring_account:
        store.set(pending.keyring_account, new.secret)
    conn = unlock.connect(paths.db, old)
    unlock.rekey(conn, old, new)
    conn.close()


def test_backups_the_old_passphrase_still_opens_are_listed_and_restorable(
    tmp_path, memory_keyring, monkeypatch
):
    from clitools import run

    paths = DataPaths(tmp_path / "j")
    old, new = Key.from_passphrase("the old passphrase"), Key.from_passphrase("the new one!")
    with Journal.create(paths, old) as journal:
        journal.add(r.AIUse(started_at=r.now(), tool="Backed up", pattern="learning", minutes=1))
        backup = journal.backup()
        journal.add(r.AIUse(started_at=r.now(), tool="Later", pattern="learning", minutes=1))
    interrupted_after_rekey(paths, old, new, SecretStore())
    with Journal.open(paths, passphrase=lambda: new.secret) as journal:  # finishes the change
        assert journal.config.pending is None and journal.config.protection == "passphrase"
        assert journal.backup_needs(backup) and "before its key changed" in journal.backup_needs(
            backup
        )
    code, out = run("--data-dir", str(paths.root), "restore")
    assert code == 0 and f"{backup}  (needs the passphrase the journal had before" in out
    env = {"AIJOURNAL_PASSPHRASE": new.secret}
    code, out = run("--data-dir", str(paths.root), "restore", str(backup), "--yes", env=env)
    assert code == 1 and "needs the passphrase" in out and "AIJOURNAL_BACKUP_PASSPHRASE" in out
    env["AIJOURNAL_BACKUP_PASSPHRASE"] = old.secret
    code, out = run("--data-dir", str(paths.root), "restore", str(backup), "--yes", env=env)
    assert code == 0, out
    with Journal.open(paths, passphrase=lambda: new.secret) as journal:  # re-keyed to the new
        assert [u.tool for u in journal.all(r.AIUse)] == ["Backed up"]


def test_an_interrupted_change_to_the_store_finishes_and_removes_the_old_entry(
    tmp_path, memory_keyring
):
    paths = DataPaths(tmp_path / "j")
    with Journal.create(paths, Key.random()) as journal:
        old_account = journal.config.keyring_account
        old = journal._key
        backup = journal.backup()
    interrupted_after_rekey(paths, old, Key.random(), SecretStore())
    assert len(memory_keyring.passwords) == 2
    with Journal.open(paths) as journal:
        assert journal.config.keyring_account != old_account and journal.config.pending is None
        assert opens(backup, journal._key)  # the old key was at hand: the backup re-keyed
    assert [account for _, account in memory_keyring.passwords] == [journal.config.keyring_account]
