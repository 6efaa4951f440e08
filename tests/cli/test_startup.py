"""Quick capture stays at its floor: each command loads only its own module, and capture never
imports Qt, pyqtgraph, numpy, sqlite-utils or the statistics code."""

import importlib
import json
import subprocess
import sys

import pytest
from clitools import run

from aijournal.cli.root import COMMAND_MODULES, cli

HEAVY = ("PySide6", "pyqtgraph", "numpy", "scipy", "sqlite_utils", "aijournal.analysis")

PROBE = """
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))
from aijournal.cli import main
main(sys.argv[1:])
"""


def test_every_command_is_found_where_the_table_says():
    for module in {m for modules in COMMAND_MODULES.values() for m in modules}:
        importlib.import_module(f"aijournal.cli.{module}")
    assert set(cli.commands) == set(COMMAND_MODULES)


@pytest.mark.parametrize(
    "args",
    [
        ["log-ai", "--tool", "Claude", "--pattern", "learning", "--minutes", "5", "Probe"],
        ["checkin", "--burnout", "2", "--connection", "4"],
        ["touchpoint", "--kind", "pairing", "--person", "Dana"],
    ],
)
def test_capture_imports_nothing_heavy(aijournal_home, monkeypatch, args):
    monkeypatch.setenv("AIJOURNAL_PASSPHRASE", "startup test passphrase")
    assert run("init", "--passphrase")[0] == 0

    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    heavy = [m for m in loaded if m.split(".")[0] in HEAVY or m.startswith(HEAVY)]
    assert heavy == []
    assert "aijournal.cli.exchange" not in loaded and "aijournal.sources.catalog" not in loaded
    assert "keyring" not in loaded  # a passphrase journal never asks the secret store
