"""The journal file on disk: encrypted, private, transactional, migrated with a copy first."""

import hashlib
import json
import shutil
import stat
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlcipher3

from aijournal.model import records as r
from aijournal.model.errors import (
    InvalidInput,
    JournalError,
    JournalTooNew,
    NoJournal,
    UnlockError,
    WrongPassphrase,
)
from aijournal.storage import DataPaths, Journal, schema
from aijournal.storage.entries import EntryFilter
from aijournal.storage.unlock import Key

SAMPLES = Path(__file__).parents[1] / "data"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def use(clock, **changes) -> r.AIUse:
    values = dict(started_at=clock(), tool="ChatGPT", pattern="learning", minutes=25)
    return r.AIUse(**(values | changes))


def test_the_file_is_encrypted_and_private(journal, clock):
    journal.add(use(clock, note="a secret note"))
    journal.checkpoint()
    raw = journal.paths.db.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"a secret note" not in raw and b"ChatGPT" not in raw
    for path in (journal.paths.db, journal.paths.config):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(journal.paths.root.stat().st_mode) == 0o700
    config = json.loads(journal.paths.config.read_text())
    assert config["protection"] == "keyring" and "key" not in json.dumps(config).replace(
        "keyring", ""
    )


def test_unencrypted_is_a_plain_sqlite_file(tmp_path, clock):
    with Journal.create(DataPaths(tmp_path / "plain"), Key("none"), clock=clock) as journal:
        journal.add(use(clock))
        path = journal.paths.db
    assert path.read_bytes().startswith(b"SQLite format 3")


def test_wrong_passphrase_fails_cleanly_and_changes_nothing(tmp_path, clock):
    paths = DataPaths(tmp_path / "j")
    with Journal.create(paths, Key.from_passphrase("right passphrase"), clock=clock) as journal:
        journal.add(use(clock))
    before = digest(paths.db)
    with pytest.raises(WrongPassphrase):
        Journal.open(paths, passphrase=lambda: "wrong passphrase", clock=clock)
    with pytest.raises(UnlockError, match="AIJOURNAL_PASSPHRASE"):
        Journal.open(paths, passphrase=lambda: None, clock=clock)
    assert digest(paths.db) == before
    with Journal.open(paths, passphrase=lambda: "right passphrase", clock=clock) as journal:
        assert journal.counts()["ai_uses"] == 1


def test_no_journal_and_existing_journal(tmp_path, clock, journal):
    with pytest.raises(NoJournal):
        Journal.open(DataPaths(tmp_path / "nowhere"))
    with pytest.raises(JournalError, match="already exists"):
        Journal.create(journal.paths, Key.random())


def test_add_update_delete_undelete(journal, clock):
    stored = journal.add(use(clock, skills=("SQL", "Python")))
    assert journal.get(r.AIUse, stored.id) == stored
    changed = journal.update(r.AIUse(**{**stored.__dict__, "minutes": 40, "skills": ("SQL",)}))
    again = journal.get(r.AIUse, stored.id)
    assert again.minutes == 40 and again.skills == ("SQL",)
    assert changed.updated_at > stored.updated_at
    journal.delete(again)
    assert journal.get(r.AIUse, stored.id) is None
    assert journal.entries() == []
    journal.undelete(again)
    assert journal.get(r.AIUse, stored.id).skills == ("SQL",)


def test_one_checkin_per_day(journal, clock):
    first, created = journal.save_checkin(r.Checkin(day=clock().date(), burnout=2, connection=4))
    second, created_again = journal.save_checkin(
        r.Checkin(day=clock().date(), burnout=4, connection=2)
    )
    assert created and not created_again
    assert second.id == first.id and second.created_at == first.created_at
    assert journal.checkin_on(clock().date()).burnout == 4
    assert journal.counts()["checkins"] == 1
    journal.delete(second)
    journal.save_checkin(r.Checkin(day=clock().date(), burnout=1, connection=5))
    with pytest.raises(JournalError, match="already has a check-in"):
        journal.undelete(second)


def test_future_entries_are_refused(journal, clock):
    tomorrow = date.fromordinal(clock().date().toordinal() + 1)
    with pytest.raises(InvalidInput, match="^date: "):
        journal.save_checkin(r.Checkin(day=tomorrow, burnout=2, connection=4))
    with pytest.raises(InvalidInput, match="^when: "):
        journal.add(
            use(clock, started_at=datetime.combine(tomorrow, clock().time(), clock().tzinfo))
        )
    assert journal.counts()["checkins"] == 0 and journal.counts()["ai_uses"] == 0


def test_a_failed_write_leaves_nothing(journal, clock):
    with pytest.raises(RuntimeError), journal.transaction():
        journal.add(use(clock))
        journal.add(r.Touchpoint(at=clock(), kind="pairing", person="Dana"))
        raise RuntimeError("crash mid-write")
    assert journal.counts() == {table: 0 for table in journal.counts()}


def test_entries_filters(journal, clock):
    journal.add(use(clock, tool="Claude", pattern="directive", skills=("SQL",), note="lag"))
    journal.add(use(clock, tool="ChatGPT", pattern="learning", task="50% faster"))
    journal.add(r.Touchpoint(at=clock(), kind="pairing", person="Dana", skills=("SQL",)))
    journal.save_checkin(r.Checkin(day=clock().date(), burnout=2, connection=4, note="calm"))

    def kinds(**wanted):
        return sorted(e.record_kind for e in journal.entries(EntryFilter(**wanted)))

    assert kinds() == ["ai-use", "ai-use", "checkin", "touchpoint"]
    assert kinds(kinds=("checkin",)) == ["checkin"]
    assert kinds(tool="claude") == ["ai-use"]
    assert kinds(pattern="learning") == ["ai-use"]
    assert kinds(person="dana") == ["touchpoint"]
    assert kinds(skill="sql") == ["ai-use", "touchpoint"]
    assert kinds(text="calm") == ["checkin"]
    assert kinds(text="50%") == ["ai-use"]
    assert kinds(text="%") == ["ai-use"]  # a literal percent sign, not a wildcard
    assert kinds(start=date(2027, 1, 1)) == []
    assert kinds(limit=1) == ["touchpoint"] or len(journal.entries(EntryFilter(limit=1))) == 1
    assert journal.tools() == ["Claude", "ChatGPT"] or set(journal.tools()) == {"Claude", "ChatGPT"}
    assert [p.name for p in journal.people()] == ["Dana"]


def test_newer_journal_is_refused_untouched(journal, clock, tmp_path):
    journal.db.utils["_sqlite_migrations"].insert(
        {"migration_set": "aijournal", "name": "9999_from_the_future", "applied_at": "x"}
    )
    journal.close()
    before = digest(journal.paths.db)
    with pytest.raises(JournalTooNew, match="9999_from_the_future"):
        Journal.open(journal.paths, clock=clock)
    assert digest(journal.paths.db) == before


ALL_STEPS = schema.step_names()


@pytest.mark.parametrize(
    ("sample", "first_new_step"),
    [
        ("schema-0001", "0002_nudges"),
        ("schema-0002", "0003_import_details"),
        ("schema-0003", "0004_unique_names"),
    ],
)
def test_migration_from_each_released_schema_keeps_data_and_a_copy(
    tmp_path, clock, sample, first_new_step
):
    """Journals made by each released schema (committed in tests/data) upgrade intact."""
    paths = DataPaths(tmp_path / "old")
    shutil.copytree(SAMPLES / sample, paths.root)
    secret = "sample journal " + sample[-4:]
    with Journal.open(paths, passphrase=lambda: secret, clock=clock) as journal:
        assert journal.schema_steps == ALL_STEPS
        (use_,) = journal.all(r.AIUse)
        assert (use_.tool, use_.minutes, use_.skills, use_.note, use_.turns) == (
            "ChatGPT",
            25,
            ("SQL window functions",),
            "private note",
            None,
        )
        assert journal.checkin_on(date(2026, 1, 5)).note == "good day"
        (tp,) = journal.all(r.Touchpoint)
        assert tp.person == "Dana"
        assert journal.get(r.Goal, use_.goal_id).name == "Ship reporting"
        nudges = journal.all(r.Nudge)
        assert [n.rule_id for n in nudges] == ([] if sample == "schema-0001" else ["gratitude"])
        if sample == "schema-0003":  # names that differed only in case: renamed, none lost
            assert sorted(p.name for p in journal.people()) == ["Dana", "dana (2)"]
            assert sorted(g.name for g in journal.goals()) == [
                "SHIP REPORTING (2)",
                "Ship reporting",
            ]
            assert [s.name for s in journal.skills()] == [
                "SQL window functions",
                "sql WINDOW functions (2)",
            ]
    (copy,) = paths.backups.glob(f"before-{first_new_step}-*.db")
    conn = sqlcipher3.connect(str(copy))
    conn.execute(f"PRAGMA key = '{secret}'")
    steps = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert steps == ALL_STEPS[: ALL_STEPS.index(first_new_step)]  # the journal as it was


def test_backup_restore_and_rotation(journal, clock):
    kept = journal.add(use(clock, task="before the backup"))
    made = journal.backup()
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert not made.read_bytes().startswith(b"SQLite format 3")
    journal.delete(kept)
    journal.add(use(clock, task="after the backup"))
    safety = journal.restore(made)
    assert [u.task for u in journal.all(r.AIUse)] == ["before the backup"]
    assert safety.exists()
    assert journal.backup_if_due() is None  # one was made moments ago
    clock.advance(days=2)
    assert journal.backup_if_due() is not None
    for _ in range(12):
        clock.advance(seconds=1)
        journal.backup()
    assert len(journal.backups()) == 10


def test_restore_refuses_a_damaged_or_foreign_file(journal, clock, tmp_path):
    journal.add(use(clock))
    before = journal.counts()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a journal at all" * 100)
    with pytest.raises(JournalError, match="cannot be opened"):
        journal.restore(junk)
    with pytest.raises(JournalError, match="does not exist"):
        journal.restore(tmp_path / "missing.db")
    assert journal.counts() == before


def test_change_key_between_keyring_and_passphrase(journal, clock, memory_keyring):
    journal.add(use(clock))
    journal.backup()
    old_account = journal.config.keyring_account
    journal.change_key(Key.from_passphrase("a new passphrase"))
    assert journal.config.protection == "passphrase"
    assert not any(old_account in str(k) for k in memory_keyring.passwords)
    journal.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(journal.paths, passphrase=lambda: "wrong one!", clock=clock)
    with Journal.open(journal.paths, passphrase=lambda: "a new passphrase", clock=clock) as again:
        assert again.counts()["ai_uses"] == 1
        backup = again.backups()[0]
        again.change_key(Key.random())
        assert again.config.protection == "keyring"
        again.restore(backup)  # the backup was re-keyed along with the journal
        assert again.counts()["ai_uses"] == 1
    with Journal.open(journal.paths, clock=clock) as reopened:
        assert reopened.counts()["ai_uses"] == 1


def test_settings_round_trip(journal):
    assert journal.setting("theme", "system") == "system"
    journal.set_setting("theme", "dark")
    journal.set_setting("theme", "light")
    assert journal.setting("theme") == "light"


def test_two_connections_write_without_locking_errors(journal, clock):
    other = journal.connect_again()
    try:
        with journal.transaction():
            journal.add(use(clock, task="first"))
        other.add(use(clock, task="second"))
    finally:
        other.close()
    assert journal.counts()["ai_uses"] == 2
