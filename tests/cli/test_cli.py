"""The command line, driven as a user types it: click's runner, and one real process."""

import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from clitools import run

from aijournal.storage import DataPaths, Journal

PASS = {"AIJOURNAL_PASSPHRASE": "correct horse"}


def counts(home: Path) -> dict[str, int]:
    with Journal.open(DataPaths(home)) as journal:
        return journal.counts()


def test_init_twice_changes_nothing(home):
    before = (home / "journal.db").read_bytes()
    code, out = run("init")
    assert code == 1 and "already exists" in out
    assert (home / "journal.db").read_bytes() == before


def test_quick_capture_commands(home):
    assert run("goal", "add", "Ship reporting")[0] == 0
    code, out = run(
        "log-ai",
        "--tool",
        "ChatGPT",
        "--pattern",
        "learning",
        "--minutes",
        "25",
        "--skill",
        "SQL window functions",
        "--goal",
        "Ship reporting",
        "Learned how LAG works",
    )
    assert code == 0, out
    assert "Learning (augmentation)" in out
    code, out = run(
        "checkin",
        "--burnout",
        "2",
        "--connection",
        "4",
        "--safety",
        "4",
        "--conversations",
        "3",
        "--asked-advice",
        "--energy",
        "3",
        "--note",
        "ok",
    )
    assert code == 0 and "Checked in" in out
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    code, out = run("checkin", "--burnout", "3", "--date", yesterday)
    assert code == 2 and "--connection" in out  # a new day's check-in needs both
    code, out = run("checkin", "--burnout", "3", "--connection", "4")
    assert code == 0 and "Updated the check-in" in out
    assert "safety 4" in out  # what the second command did not mention is kept
    code, out = run(
        "touchpoint",
        "--kind",
        "advice-asked",
        "--person",
        "Dana",
        "--minutes",
        "15",
        "--quality",
        "4",
        "Asked about LAG",
    )
    assert code == 0 and "Added Dana to your circle" in out
    assert run("person", "add", "Sam", "--relationship", "peer", "--cadence", "14")[0] == 0
    assert run("skill", "rate", "SQL", "3")[0] == 0
    code, out = run("assess", "who5", "--answers", "3,4,5,2,1")
    assert code == 0 and "WHO-5" in out and "60" in out
    got = counts(home)
    assert (
        got["ai_uses"],
        got["checkins"],
        got["touchpoints"],
        got["people"],
        got["assessments"],
        got["skill_ratings"],
    ) == (1, 1, 1, 2, 1, 1)

    code, out = run("list", "--format", "json")
    entries = json.loads(out)
    assert {e["entry"] for e in entries} == {"ai-use", "checkin", "touchpoint", "assessment"}
    ai = next(e for e in entries if e["entry"] == "ai-use")
    assert ai["skills"] == ["SQL window functions"] and ai["source"] == "cli"
    code, out = run("list", "--kind", "touchpoint", "--format", "csv")
    assert out.splitlines()[0].startswith("entry,id,") and "Dana" in out
    code, out = run("list", "--pattern", "learning")
    assert code == 0 and "ChatGPT" in out and "Check-in" not in out
    code, out = run("person", "list", "--format", "json")
    assert {p["name"] for p in json.loads(out)} == {"Dana", "Sam"}


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("checkin", "--burnout", "9", "--connection", "4"), "burnout: 9"),
        (
            ("checkin", "--burnout", "2", "--connection", "4", "--date", "2999-01-01"),
            "date: '2999-01-01'",
        ),
        (("checkin", "--burnout", "2", "--connection", "4", "--date", "someday"), "date:"),
        (("checkin", "--burnout", "2", "--connection", "4", "--date", "tomorrow"), "date: '"),
        (
            ("log-ai", "--tool", "X", "--pattern", "learning", "--minutes", "5", "--when", "25:00"),
            "when: '25:00' is not allowed; use an ISO date and time",
        ),
        (
            ("touchpoint", "--kind", "pairing", "--when", "tomorrow 9:00"),
            "use a time up to now",
        ),
        (("skill", "rate", "SQL", "3", "--date", "3 days"), "yesterday"),
        (("list", "--from", "last week"), "from: 'last week'"),
        (("log-ai", "--tool", "", "--pattern", "learning", "--minutes", "5"), "tool: ''"),
        (("log-ai", "--tool", "X", "--pattern", "vibes", "--minutes", "5"), "pattern: 'vibes'"),
        (("log-ai", "--tool", "X", "--pattern", "learning", "--minutes", "five"), "--minutes"),
        (
            ("log-ai", "--tool", "X", "--pattern", "learning", "--minutes", "5", "--goal", "Nope"),
            "goal: 'Nope'",
        ),
        (
            ("log-ai", "--tool", "X", "--pattern", "learning", "--minutes", "5", "--when", "noon"),
            "when: 'noon'",
        ),
        (("touchpoint", "--kind", "meeting"), "kind: 'meeting'"),
        (("person", "add", "Dana", "--relationship", "boss"), "relationship: 'boss'"),
        (("assess", "who5", "--answers", "3,4,9,2,1"), "who5 item 3: 9"),
        (("assess", "phq9", "--answers", "1"), "instrument: 'phq9'"),
        (("skill", "rate", "SQL", "8"), "rating: 8"),
        (("list", "--format", "xml"), "format: 'xml'"),
        (("list", "--kind", "dream"), "kind: 'dream'"),
    ],
)
def test_invalid_input_is_one_line_exit_2_and_writes_nothing(home, args, field):
    before = counts(home)
    code, out = run(*args)
    assert code == 2, out
    lines = out.strip().splitlines()
    assert len(lines) == 1 and field in lines[0], out
    assert counts(home) == before


def test_dates_and_times_in_plain_words(home):
    today = date.today()
    assert run("checkin", "--burnout", "2", "--connection", "4", "--date", "yesterday")[0] == 0
    assert run("checkin", "--burnout", "3", "--connection", "3", "--date", "3 days ago")[0] == 0
    five_ago = today - timedelta(days=5)
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[five_ago.weekday()]
    code, out = run("checkin", "--burnout", "4", "--connection", "2", "--date", f"last {weekday}")
    assert code == 0, out
    code, out = run(
        "log-ai",
        "--tool",
        "X",
        "--pattern",
        "learning",
        "--minutes",
        "5",
        "--when",
        "yesterday 14:30",
    )
    assert code == 0, out
    code, out = run("touchpoint", "--kind", "pairing", "--when", "2 days ago 9:05")
    assert code == 0, out
    code, out = run("list", "--format", "json", "--from", "1 week ago")
    entries = json.loads(out)
    checkins = {e["day"]: e["burnout"] for e in entries if e["entry"] == "checkin"}
    assert checkins == {
        str(today - timedelta(days=1)): 2,
        str(today - timedelta(days=3)): 3,
        str(five_ago): 4,
    }
    (ai,) = [e for e in entries if e["entry"] == "ai-use"]
    started = datetime.fromisoformat(ai["started_at"])
    assert (started.date(), started.hour, started.minute) == (today - timedelta(days=1), 14, 30)
    (tp,) = [e for e in entries if e["entry"] == "touchpoint"]
    assert datetime.fromisoformat(tp["at"]).date() == today - timedelta(days=2)
    code, out = run("list", "--from", "yesterday", "--format", "json")
    assert {e.get("day") for e in json.loads(out) if e["entry"] == "checkin"} == {
        str(today - timedelta(days=1))
    }


def test_the_help_names_the_plain_forms():
    for command in ("checkin", "log-ai", "touchpoint"):
        code, out = run(command, "--help")
        assert code == 0
        assert ("3 days ago" if command == "checkin" else "yesterday 14:30") in " ".join(
            out.split()
        )


def test_assess_without_a_terminal_needs_answers(home):
    code, out = run("assess", "ucla3")
    assert code == 2 and "--answers" in out


def test_stats_table_and_json(home):
    run(
        "log-ai",
        "--tool",
        "Claude",
        "--pattern",
        "directive",
        "--minutes",
        "30",
        "--replaced-person",
    )
    run("log-ai", "--tool", "Claude", "--pattern", "learning", "--minutes", "10")
    run("checkin", "--burnout", "3", "--connection", "2")
    code, out = run("stats", "--format", "json")
    (week,) = json.loads(out)
    assert (week["ai_uses"], week["augmentation_share"], week["ai_minutes"], week["replaced"]) == (
        2,
        0.5,
        40,
        1,
    )
    assert (week["burnout_mean"], week["connection_mean"]) == (3.0, 2.0)
    code, out = run("stats")
    assert code == 0 and "50%" in out


def test_export_import_round_trip_and_failed_import(home, tmp_path):
    run(
        "log-ai", "--tool", "Claude", "--pattern", "learning", "--minutes", "10", "--note", "secret"
    )
    export = tmp_path / "out.json"
    code, out = run("export", "--format", "json", "-o", str(export))
    assert code == 0 and export.exists()
    assert oct(export.stat().st_mode & 0o777) == "0o600"
    other = tmp_path / "other"
    env = {"AIJOURNAL_HOME": str(other)}
    assert run("init", env=env)[0] == 0
    code, out = run("import", "json", str(export), "--dry-run", env=env)
    assert code == 0 and "Would import" in out
    assert counts(other)["ai_uses"] == 0
    code, out = run("import", "json", str(export), env=env)
    assert code == 0 and "added" in out
    assert counts(other)["ai_uses"] == 1
    code, out = run("import", "json", str(export), env=env)
    assert "0 added, 0 updated" in out
    broken = tmp_path / "broken.json"
    broken.write_text(export.read_text()[:-200])
    code, out = run("import", "json", str(broken), env=env)
    assert code == 2 and "not valid JSON" in out
    code, out = run("export", "--format", "csv", "--kind", "ai-use")
    assert code == 0 and "secret" not in out and "Claude" in out


def test_import_dry_run_says_per_kind_what_the_import_then_does(home, tmp_path):
    for tool in ("Claude", "Gemini"):
        run("log-ai", "--tool", tool, "--pattern", "learning", "--minutes", "10")
    run("checkin", "--burnout", "2", "--connection", "4")
    export = tmp_path / "out.json"
    assert run("export", "--format", "json", "-o", str(export))[0] == 0
    env = {"AIJOURNAL_HOME": str(tmp_path / "other")}
    assert run("init", env=env)[0] == 0
    code, out = run("import", "json", str(export), "--dry-run", "--format", "json", env=env)
    preview = json.loads(out)
    assert code == 0 and preview["written"] is False
    assert counts(tmp_path / "other")["ai_uses"] == 0
    kinds = {row["table"]: row for row in preview["kinds"]}
    assert (kinds["ai_uses"]["added"], kinds["checkins"]["added"]) == (2, 1)
    code, out = run("import", "json", str(export), "--format", "json", env=env)
    done = json.loads(out)
    assert done.pop("written") is True and preview.pop("written") is False
    assert done == preview
    code, out = run("import", "json", str(export), "--dry-run", env=env)
    assert code == 0 and "AI uses: 2 unchanged" in out and "0 added" in out
    code, out = run("import", "json", str(export), "--format", "yaml", env=env)
    assert code == 2 and "format" in out


def test_backup_and_restore(home):
    run("log-ai", "--tool", "Claude", "--pattern", "learning", "--minutes", "10")
    code, out = run("backup")
    assert code == 0
    made = out.split("Backed up to ")[1].strip().rstrip(".")
    run("log-ai", "--tool", "Gemini", "--pattern", "learning", "--minutes", "10")
    code, out = run("restore")
    assert made in out
    code, out = run("restore", made)
    assert code == 2 and "--yes" in out
    code, out = run("restore", made, "--yes")
    assert code == 0, out
    assert counts(home)["ai_uses"] == 1


def test_demo_fills_a_new_journal(aijournal_home, memory_keyring):
    code, out = run("demo", "--days", "30")
    assert code == 0, out
    assert counts(aijournal_home)["ai_uses"] > 50
    code, out = run("demo", "--days", "30")
    assert code == 1 and "already has entries" in out


def test_wrong_passphrase_is_exit_3(aijournal_home, no_keyring):
    assert run("init", env=PASS)[0] == 0
    code, out = run("list", env={"AIJOURNAL_PASSPHRASE": "not the one"})
    assert code == 3 and "passphrase is wrong" in out
    code, out = run("list")
    assert code == 3 and "AIJOURNAL_PASSPHRASE" in out


def test_the_installed_command_in_a_real_process(tmp_path):
    """`aijournal` as installed (or `python -m aijournal`): a passphrase journal end to end."""
    command = shutil.which("aijournal", path=str(Path(sys.executable).parent))
    base = [command] if command else [sys.executable, "-m", "aijournal"]
    env = {
        **os.environ,
        "AIJOURNAL_HOME": str(tmp_path / "real"),
        "AIJOURNAL_PASSPHRASE": "a real passphrase",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }

    def call(*args):
        return subprocess.run(
            [*base, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )

    created = call("init")
    assert created.returncode == 0, created.stderr
    assert "passphrase" in created.stdout
    logged = call("log-ai", "--tool", "Claude", "--pattern", "validation", "--minutes", "12")
    assert logged.returncode == 0, logged.stderr
    listed = call("list", "--format", "json")
    assert json.loads(listed.stdout)[0]["pattern"] == "validation"
    bad = call("checkin", "--burnout", "9", "--connection", "1")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    for path in (tmp_path / "real").rglob("*"):
        if path.is_file():
            assert path.stat().st_mode & 0o077 == 0, path
