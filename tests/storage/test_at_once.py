"""Several processes doing the same thing at the same moment: one upgrade of an old journal,
one person of a name."""

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal, schema

SAMPLES = Path(__file__).resolve().parents[1] / "data"
AT_ONCE = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    go = Path(sys.argv[1])
    from aijournal.cli import main
    while not go.exists():  # every process is started and waiting: now all at once
        time.sleep(0.002)
    main(sys.argv[2:])
""")


def at_once(tmp_path: Path, paths: DataPaths, secret: str, *commands: list[str]) -> list:
    """Run each `aijournal` command in its own process, all starting at the same moment."""
    go = tmp_path / "go"
    go.unlink(missing_ok=True)
    env = {**os.environ, "AIJOURNAL_PASSPHRASE": secret, "AIJOURNAL_HOME": str(paths.root)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", AT_ONCE, str(go), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for command in commands
    ]
    time.sleep(1.0)  # all started and imported
    go.touch()
    results = [(run, *run.communicate(timeout=120)) for run in runs]
    for _, _, err in results:
        assert "Traceback" not in err, err
    return [(run.returncode, out + err) for run, out, err in results]


def test_processes_opening_an_old_journal_at_once_upgrade_it_once(tmp_path):
    paths = DataPaths(tmp_path / "old")
    shutil.copytree(SAMPLES / "schema-0001", paths.root)
    results = at_once(tmp_path, paths, "sample journal 0001", *[["list"]] * 6)
    assert [code for code, _ in results] == [0] * 6, results
    with Journal.open(paths, passphrase=lambda: "sample journal 0001") as journal:
        assert journal.schema_steps == schema.step_names()
        assert len(journal.all(r.AIUse)) == 1
    assert len(list(paths.backups.glob("before-0002_nudges-*.db"))) == 1


def test_the_same_name_added_at_once_is_stored_once(tmp_path):
    from aijournal.storage.unlock import Key

    paths = DataPaths(tmp_path / "j")
    Journal.create(paths, Key.from_passphrase("same name test")).close()
    commands = [["person", "add", "Ada Lovelace"], ["skill", "add", "SQL"]] * 4
    results = at_once(tmp_path, paths, "same name test", *commands)
    codes = sorted(code for code, _ in results)
    assert codes == [0, 0] + [2] * 6, results
    assert all("already" in out for code, out in results if code == 2)
    with Journal.open(paths, passphrase=lambda: "same name test") as journal:
        assert [p.name for p in journal.people()] == ["Ada Lovelace"]
        assert [s.name for s in journal.skills()] == ["SQL"]
