"""The best-known peer on the same data: jrnl adding one entry to an 18,000-entry journal.

jrnl is installed into its own virtual environment under bench/cache/ (never a dependency of
AI Journal), given a plain-text journal of 18,000 entries and a config in a private folder.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import generate

VENV = generate.CACHE / "peers-venv"
ENTRIES = 18_000


def jrnl_command() -> Path:
    jrnl = VENV / "bin" / "jrnl"
    if not jrnl.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "jrnl"], check=True)
    return jrnl


def journal_folder(tagged: bool) -> Path:
    """An 18,000-entry jrnl journal and its config, made once; `tagged`: each entry carries
    two @tags (the tool and the pattern), as a jrnl user who logs AI use would write it."""
    folder = generate.CACHE / ("jrnl-tagged" if tagged else "jrnl")
    text = folder / "journal.txt"
    if text.exists():
        return folder
    (folder / "config" / "jrnl").mkdir(parents=True, exist_ok=True)
    rng = random.Random(3)
    start = datetime(2016, 12, 1, 9, 0)
    patterns = ("directive", "feedback-loop", "task-iteration", "learning", "validation")
    with text.open("w") as out:
        for n in range(ENTRIES):
            moment = start + timedelta(minutes=n * 290)
            tool = rng.choice(generate.TOOLS)[0]
            tags = f" @{tool.lower()} @{rng.choice(patterns)}" if tagged else ""
            out.write(
                f"[{moment:%Y-%m-%d %H:%M}] {rng.choice(generate.TASKS)}.\n"
                f"{rng.choice(generate.AI_NOTES)} Used {tool}.{tags}\n\n"
            )
    (folder / "config" / "jrnl" / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {text}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\n"
        "version: v4.2\n"
    )
    return folder


def measure(repeat: int) -> dict[str, float]:
    """jrnl adding one entry (with two @tags) to its 18,000-entry journal, tagged and not."""
    jrnl = jrnl_command()
    figures = {"jrnl_entries": float(ENTRIES)}
    for tagged, name in ((False, "jrnl_add_entry_s"), (True, "jrnl_add_tagged_entry_s")):
        folder = journal_folder(tagged)
        env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config"), "NO_COLOR": "1"}
        entry = "Benchmark entry from AI Journal's bench." + (
            " @claude @learning" if tagged else ""
        )

        def once(entry: str = entry, env: dict[str, str] = env) -> float:
            started = time.perf_counter()
            subprocess.run(
                [str(jrnl), entry],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
            )
            return time.perf_counter() - started

        figures[name] = statistics.median(once() for _ in range(repeat))
    return figures
