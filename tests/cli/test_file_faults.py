"""What the file system can do to a command: shared folders, read-only folders, a folder where
the journal should be, files of another user, broken paths, a failing backup. Each is one
line saying what is wrong (never "The passphrase is wrong"), and no folder loses its mode."""

import csv
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from clitools import run

from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal
from aijournal.storage.unlock import Key

PASSPHRASE = "file faults passphrase"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def shared(tmp_path) -> Path:
    """A folder like /tmp: everyone may write, the sticky bit set."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o1777)
    return folder


def test_exports_into_a_shared_folder_leave_its_mode_alone(home, shared, tmp_path):
    summary = shared / "summary.json"
    outputs = [
        (["export", "--format", "json", "-o", str(shared / "all.json")], shared / "all.json"),
        (["export", "--format", "csv", "-o", str(shared / "uses.csv")], shared / "uses.csv"),
        (["export", "--format", "summary-json", "-o", str(summary)], summary),
        (["export", "--format", "summary-pdf", "-o", str(shared / "s.pdf")], shared / "s.pdf"),
        (["coach", str(summary), "-o", str(shared / "coach.csv"), "--format", "csv"], None),
        (["backup", "--to", str(shared)], None),
    ]
    for args, made in outputs:
        code, out = run(*args)
        assert code == 0, out
        assert mode(shared) == 0o1777, args  # the sticky bit and everyone's access kept
        if made is not None:
            assert mode(made) == 0o600, args
    files = [p for p in shared.iterdir()]
    assert len(files) == 6 and all(mode(p) == 0o600 for p in files)
    nested = tmp_path / "new" / "deeper"
    assert run("export", "--format", "json", "-o", str(nested / "x.json"))[0] == 0
    assert mode(nested) == mode(nested.parent) == 0o700  # folders it made are private


def unprivileged(command: list[str]) -> list[str]:
    """The command as a user the file modes apply to (root: without its override powers)."""
    if os.geteuid() != 0:
        return command
    if not shutil.which("setpriv"):
        pytest.skip("needs setpriv to drop root's powers")
    return ["setpriv", "--bounding-set=-all", "--inh-caps=-all", *command]


def cli(paths: DataPaths, *args: str, user_limits: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "aijournal", "--data-dir", str(paths.root), *args]
    return subprocess.run(
        unprivileged(command) if user_limits else command,
        capture_output=True,
        text=True,
        env={**os.environ, "AIJOURNAL_PASSPHRASE": PASSPHRASE},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.fixture
def paths(tmp_path) -> DataPaths:
    paths = DataPaths(tmp_path / "journal")
    with Journal.create(paths, Key.from_passphrase(PASSPHRASE)) as journal:
        journal.add(r.AIUse(started_at=r.now(), tool="Kept", pattern="learning", minutes=1))
    return paths


def one_line(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert "passphrase is wrong" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_read_only_folder_is_said_to_be_one(paths):
    paths.root.chmod(0o500)
    try:
        result = cli(paths, "list")
    finally:
        paths.root.chmod(0o700)
    line = one_line(result)
    assert result.returncode == 1 and "permission denied" in line and str(paths.root) in line


def test_a_journal_of_another_user_is_said_to_be_one(paths):
    if os.geteuid() != 0:
        pytest.skip("only root can give files to another user")
    for path in [paths.root, *paths.root.iterdir()]:
        os.chown(path, 65534, 65534)
    result = cli(paths, "list")
    line = one_line(result)
    assert result.returncode == 1 and "permission denied" in line
    assert "belongs to user" in line


def test_a_folder_where_the_journal_file_should_be(paths):
    paths.db.rename(paths.root / "moved.db")
    paths.db.mkdir()
    result = cli(paths, "list", user_limits=False)
    assert "is a folder, not a journal file" in one_line(result) and result.returncode == 1


@pytest.mark.parametrize("where", ["below a file", "a broken link"])
def test_a_data_folder_that_cannot_be(tmp_path, where):
    if where == "below a file":
        (tmp_path / "file").write_text("x")
        root = tmp_path / "file" / "journal"
    else:
        root = tmp_path / "link"
        root.symlink_to(tmp_path / "nowhere")
    for command in (["init", "--passphrase"], ["list"], ["log-ai", "--tool", "T",
                    "--pattern", "learning", "--minutes", "3"]):  # fmt: skip
        result = cli(DataPaths(root), *command, user_limits=False)
        line = one_line(result)
        assert result.returncode in (1, 2)
        assert ("not a folder" in line) if where == "below a file" else ("broken link" in line)


def test_text_that_is_not_utf_8_is_refused_in_one_line(paths):
    command = [sys.executable, "-m", "aijournal", "--data-dir", str(paths.root), "log-ai"]
    result = subprocess.run(
        [*command, b"caf\xe9", "--tool", "T", "--pattern", "learning", "--minutes", "3"],
        capture_output=True,
        env={**os.environ, "AIJOURNAL_PASSPHRASE": PASSPHRASE, "LC_ALL": "C.UTF-8"},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 2 and b"not valid UTF-8" in result.stderr, result.stderr
    assert b"Traceback" not in result.stderr
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        assert journal.counts()["ai_uses"] == 1


def test_a_failed_daily_backup_is_a_warning_after_the_saved_entry(paths):
    paths.backups.write_text("a file where the backups folder should be")
    result = cli(paths, "log-ai", "--tool", "New", "--pattern", "learning", "--minutes", "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Logged: New")
    assert "Warning: the entry is saved, but the daily backup failed" in result.stderr
    assert "Traceback" not in result.stderr
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        assert [u.tool for u in journal.all(r.AIUse)] == ["Kept", "New"]


def test_killed_backups_leave_no_temporary_files_forever(paths):
    with Journal.open(paths, passphrase=lambda: PASSPHRASE) as journal:
        journal.backup()
        old, fresh = paths.backups / ".backup-old.tmp", paths.backups / ".backup-new.tmp"
        for leftover in (old, fresh, paths.backups / ".backup-old.tmp-journal"):
            leftover.write_bytes(b"x" * 1000)
        two_days_ago = time.time() - 2 * 86400
        for leftover in (old, paths.backups / ".backup-old.tmp-journal"):
            os.utime(leftover, (two_days_ago, two_days_ago))
        journal.backup()
    assert sorted(p.name for p in paths.backups.glob(".backup-*")) == [".backup-new.tmp"]


def test_loose_modes_on_the_folder_and_config_are_tightened(paths):
    paths.root.chmod(0o755)
    paths.config.chmod(0o644)
    assert cli(paths, "list", user_limits=False).returncode == 0
    assert mode(paths.root) == 0o700 and mode(paths.config) == 0o600


# ---- CSV and terminal output ---------------------------------------------------------------

FORMULA = '=HYPERLINK("http://x","y")'


def test_csv_cells_that_would_run_as_formulas_are_neutralised(home, tmp_path):
    for task in (FORMULA, "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "plain"):
        log = ["log-ai", "--tool", "T", "--pattern", "learning", "--minutes", "3", "--", task]
        assert run(*log)[0] == 0
    assert run("checkin", "--burnout", "2", "--connection", "4")[0] == 0
    code, out = run("export", "--format", "csv")
    cells = [row["task"] for row in csv.DictReader(io.StringIO(out, newline=""))]
    assert cells == ["'" + FORMULA, "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\nx", "plain"]
    code, out = run("list", "--format", "csv")  # AI uses and a check-in: several kinds
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert {row["entry"] for row in rows} == {"ai-use", "checkin"}
    tasks = {row["task"] for row in rows if row["entry"] == "ai-use"}
    assert "'" + FORMULA in tasks and FORMULA not in tasks
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


def test_coach_csv_neutralises_a_client_name(home, tmp_path):
    summary = tmp_path / "s.json"
    assert (
        run("export", "--format", "summary-json", "--client-name", FORMULA, "-o", str(summary))[0]
        == 0
    )
    code, out = run("coach", str(summary), "--format", "csv")
    assert code == 0, out
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["client"] == "'" + FORMULA
    assert json.loads(summary.read_text())["client"] == FORMULA  # the summary itself unchanged


def test_list_prints_no_terminal_escapes(home):
    sneaky = "title\x1b]0;owned\x07\x1b[2J\x9b31m\rhidden"
    assert run("log-ai", sneaky, "--tool", "T", "--pattern", "learning", "--minutes", "3")[0] == 0
    code, out = run("list")
    assert code == 0 and "title" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b\r")
