"""`export`, `import`, `coach`, `backup`, `restore`: outputs, refusals, confirming, recovery."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from clitools import run

from aijournal.cli import cli
from aijournal.cli import exchange as exchange_cli
from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal

LOG = ("log-ai", "--tool", "Claude", "--pattern", "learning", "--minutes", "10")


def tasks(home: Path) -> list[str]:
    with Journal.open(DataPaths(home)) as journal:
        return sorted(u.task for u in journal.all(r.AIUse))


def backed_up(out: str) -> Path:
    assert out.startswith("Backed up to ") and out.endswith(".\n"), out
    return Path(out.removeprefix("Backed up to ").removesuffix(".\n"))


def test_export_json_to_standard_output_is_the_complete_export(home):
    assert run(*LOG, "Private work", "--note", "only mine")[0] == 0
    result = CliRunner().invoke(cli, ["export", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "The JSON export is complete, notes and names included: keep it private.\n"
    )
    data = json.loads(result.stdout)  # the notice is not part of what a pipe receives
    assert (data["format"], data["version"]) == ("aijournal-export", 1)
    (use,) = data["tables"]["ai_uses"]
    assert (use["task"], use["note"], use["tool"]) == ("Private work", "only mine", "Claude")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("export", "--format", "xml"),
            "aijournal: format: 'xml' is not allowed; use one of json, csv, portfolio-md, "
            "portfolio-pdf, summary-json, summary-pdf, summary-html",
        ),
        (("export", "--format", "csv", "--kind", "dream"), "aijournal: kind: 'dream' is not"),
        (
            ("export", "--format", "summary-json", "--from", "yesterday", "--to", "3 days ago"),
            "aijournal: from: '",
        ),
    ],
)
def test_a_refused_export_is_one_line_and_writes_no_file(home, tmp_path, args, line):
    target = tmp_path / "out.file"
    code, out = run(*args, "-o", str(target))
    assert code == 2 and out.count("\n") == 1 and out.startswith(line), out
    assert not target.exists()


def test_import_of_a_missing_file_names_it_and_changes_nothing(home, tmp_path):
    assert run(*LOG, "kept")[0] == 0
    missing = tmp_path / "nope.json"
    code, out = run("import", "json", str(missing))
    assert (code, out) == (
        2,
        f"aijournal: file: '{missing}' is not allowed; use a readable file "
        "(No such file or directory)\n",
    )
    assert tasks(home) == ["kept"]


def test_backup_to_a_folder_and_the_listing_of_the_journals_own_backups(home, tmp_path):
    code, out = run("restore")
    assert (code, out) == (0, "No backups yet; make one with `aijournal backup`.\n")
    code, out = run("backup", "--to", str(tmp_path / "elsewhere"))
    assert code == 0
    elsewhere = backed_up(out)
    assert elsewhere.parent == tmp_path / "elsewhere" and elsewhere.is_file()
    code, out = run("backup")
    own = backed_up(out)
    assert own.parent == home / "backups"
    code, out = run("restore")
    assert (code, out) == (0, f"{own}\n")  # only the backups folder's are listed


def test_restore_asks_in_a_terminal_and_keeps_the_journal_as_it_was(home, monkeypatch):
    assert run(*LOG, "before")[0] == 0
    backup = backed_up(run("backup")[1])
    assert run(*LOG, "after")[0] == 0
    monkeypatch.setattr(exchange_cli, "interactive", lambda: True)
    code, out = run("restore", str(backup), input="n\n")
    assert code == 2 and "Replace the journal with" in out
    assert out.strip().splitlines()[-1] == (
        "aijournal: confirmation: 'none' is not allowed; pass --yes or confirm in a terminal"
    )
    assert tasks(home) == ["after", "before"]
    code, out = run("restore", str(backup), input="y\n")
    assert code == 0, out
    last = out.strip().splitlines()[-1]
    assert last.startswith(f"Restored {backup}. The journal as it was is in ")
    safety = Path(last.split(" is in ")[1].removesuffix("."))
    assert safety.is_file()
    assert tasks(home) == ["before"]


def test_restore_brings_back_a_journal_whose_file_is_damaged(home):
    assert run(*LOG, "saved")[0] == 0
    backup = backed_up(run("backup")[1])
    db = home / "journal.db"
    garbage = os.urandom(db.stat().st_size)
    db.write_bytes(garbage)
    code, out = run("list")
    assert code == 3 and "is damaged" in out
    code, out = run("restore", str(backup), "--yes")
    assert (code, out) == (
        0,
        f"Restored {backup}; the damaged journal file was kept aside.\n",
    )
    assert tasks(home) == ["saved"]
    (kept,) = home.glob("journal.db.damaged-*")
    assert kept.read_bytes() == garbage


def test_coach_needs_no_journal_and_lists_what_it_skipped(home, tmp_path):
    summary = tmp_path / "kim.json"
    assert (
        run("export", "--format", "summary-json", "--client-name", "Kim", "-o", str(summary))[0]
        == 0
    )
    missing = tmp_path / "nope.json"
    env = {"AIJOURNAL_HOME": str(tmp_path / "no journal here")}
    code, out = run("coach", str(summary), str(missing), "--format", "json", env=env)
    assert code == 0, out
    skipped_line, _, text = out.partition("\n")
    assert skipped_line == f"Skipped {missing}: cannot be read (No such file or directory)"
    compared = json.loads(text)
    assert [row["client"] for row in compared["rows"]] == ["Kim"]
    assert compared["skipped"] == [
        {"file": str(missing), "reason": "cannot be read (No such file or directory)"}
    ]
    code, out = run("coach", str(missing), env=env)
    assert code == 1
    assert out.splitlines()[-1] == "aijournal: No summary could be read; nothing to compare."
    assert not (tmp_path / "no journal here").exists()
