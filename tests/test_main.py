"""`python -m aijournal`: the module runs the same command line, exit codes and all."""

import os
import subprocess
import sys
from importlib.metadata import version


def aijournal(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "aijournal", *args],
        env={**os.environ, "AIJOURNAL_HOME": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_python_dash_m_names_the_version(tmp_path):
    done = aijournal(tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert version("aijournal") in done.stdout
    assert not (tmp_path / "data").exists()  # --version touches no journal


def test_python_dash_m_passes_the_exit_code_on(tmp_path):
    done = aijournal(tmp_path, "journal-everything")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("aijournal: ") and done.stderr.count("\n") == 1
