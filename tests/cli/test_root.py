"""The command group: --version, --data-dir, unknown commands, secrets in the environment, and
the output helpers (tables, CSV cells)."""

import json
import os
from importlib.metadata import version

import pytest
from clitools import run

from aijournal.cli import root
from aijournal.model.errors import InvalidInput


def test_version_names_the_installed_package():
    code, out = run("--version")
    assert code == 0 and version("aijournal") in out


def test_data_dir_wins_over_the_environment(aijournal_home, memory_keyring, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    code, out = run("--data-dir", str(elsewhere), "init")
    assert code == 0 and str(elsewhere) in out
    assert (elsewhere / "journal.db").exists() and not aijournal_home.exists()
    code, out = run("list")  # AIJOURNAL_HOME has no journal
    assert code == 1 and str(aijournal_home) in out


def test_an_unknown_command_is_one_line_and_exit_2():
    code, out = run("journal-everything")
    assert code == 2 and "journal-everything" in out and out.count("\n") == 1


def test_help_lists_every_command_of_the_table():
    code, out = run("--help")
    assert code == 0
    listed = out.split("Commands:")[1]
    assert all(f"  {name}" in listed for name in root.COMMAND_MODULES)


def test_the_passphrase_still_unlocks_and_is_back_in_the_environment_after(
    aijournal_home, no_keyring, monkeypatch
):
    monkeypatch.setenv("AIJOURNAL_PASSPHRASE", "kept for the caller")
    assert run("init")[0] == 0
    code, out = run("list")  # taken out of os.environ while it runs, still used to unlock
    assert code == 0, out
    assert os.environ["AIJOURNAL_PASSPHRASE"] == "kept for the caller"


def test_a_table_joins_fields_of_every_row_and_shows_plain_cells(capsys):
    rows = [
        {"day": "2026-11-27", "skills": ["SQL", "Go"], "asked_advice": True},
        {"day": "2026-11-26", "note": "a\x1b[31mred\x1b[0m line", "asked_advice": None},
    ]
    root.print_rows(rows, "table")
    header, first, second = capsys.readouterr().out.splitlines()
    assert header.split() == ["day", "skills", "asked", "advice", "note"]
    assert first.split() == ["2026-11-27", "SQL;", "Go", "yes"]
    assert "\x1b" not in second and second.endswith("ared line")


def test_json_keeps_text_as_written_and_empty_tables_say_so(capsys):
    root.print_rows([{"name": "Zoë"}], "json")
    assert json.loads(capsys.readouterr().out) == [{"name": "Zoë"}]
    root.print_rows([], "table", empty="Nothing to review.")
    assert capsys.readouterr().out == "Nothing to review.\n"
    root.print_rows([], "csv")
    assert capsys.readouterr().out == ""
    with pytest.raises(InvalidInput, match="format"):
        root.print_rows([], "xml")


def test_csv_values_neutralise_text_but_not_numbers():
    assert root.csv_value("-2 days") == "'-2 days" and root.csv_value(-2) == "-2"
    assert root.csv_value(["=SUM(A1)", "x"]) == "'=SUM(A1); x"
    assert root.csv_value({"Slept well": True, "Focus": 4}) == "Slept well: yes; Focus: 4"
    assert root.csv_value(None) == "" and root.csv_value(False) == "no"
