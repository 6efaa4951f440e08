"""A long-lived writer process, as the desktop app is: for fault tests that run one."""

import subprocess
import sys
import textwrap

from aijournal.storage import DataPaths

PASSPHRASE = "crash test passphrase"

WRITER = textwrap.dedent("""
    import sys
    from aijournal.model import records as r
    from aijournal.storage import DataPaths, Journal
    journal = Journal.open(DataPaths(sys.argv[1]), passphrase=lambda: sys.argv[2])
    n = 0
    while True:
        use = r.AIUse(started_at=r.now(), tool="Writer", pattern="learning", minutes=n % 60,
                      task=sys.argv[3] + str(n), skills=("SQL",) if n % 2 else ())
        journal.add(use)
        print(use.id, flush=True)  # printed only once the commit has returned
        n += 1
""")


def start_writer(paths: DataPaths, tag: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(paths.root), PASSPHRASE, tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
