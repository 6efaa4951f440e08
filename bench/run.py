"""The benchmark: DESIGN.md's budgets measured on reference journals of 1, 5, 10 and 20 years.

    make bench                 # all sizes (the 20-year journal takes about a minute to make once)
    make bench ARGS="--years 1 10 --repeat 5"
    make bench-peers           # also jrnl adding one entry to an 18,000-entry journal
    make bench ARGS="--imports-only"   # only the imports (ChatGPT, 2026 shards, Claude Code)

Every figure is a median over repeated runs. Prints a table and writes bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

from aijournal.model import records as r  # noqa: E402
from aijournal.storage import DataPaths, Journal  # noqa: E402

PY = sys.executable
ENV = {
    **os.environ,
    "AIJOURNAL_PASSPHRASE": generate.PASSPHRASE,
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
}

# For a journal whose key is in the Secret Service: the store the journal names, no passphrase.
ENV_SECRET_SERVICE = {
    k: v for k, v in ENV.items() if k not in ("AIJOURNAL_PASSPHRASE", "PYTHON_KEYRING_BACKEND")
}


def median_of(repeat: int, run: Callable[[], float]) -> float:
    return statistics.median(run() for _ in range(repeat))


def wall(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, env=env or ENV, check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def working_copy(paths: DataPaths) -> DataPaths:
    """A throw-away copy of a reference journal, for measurements that write."""
    target = Path(tempfile.mkdtemp(prefix="aijournal-bench-")) / "journal"
    shutil.copytree(paths.root, target)
    return DataPaths(target)


# ---- measurements: each returns seconds (or a ratio / megabytes, as named) -----------------

LOG_AI = ["log-ai", "--tool", "Claude", "--pattern", "learning", "--minutes", "5", "Bench entry"]


def log_ai(paths: DataPaths, repeat: int) -> dict[str, float]:
    """`aijournal log-ai` against its floor, interleaved run by run: with a passphrase, and
    (when a Secret Service runs here, as under `make bench`) with the key in it."""
    copy = working_copy(paths)
    figures = _against_floor(
        "log_ai",
        [PY, "-m", "aijournal", "--data-dir", str(copy.root), *LOG_AI],
        [PY, str(HERE / "floor.py"), "passphrase", str(copy.db), generate.PASSPHRASE],
        repeat,
    )
    if (keyed := generate.secret_service_copy(paths)) is not None:
        account = json.loads(keyed.config.read_text())["keyring_account"]
        figures |= _against_floor(
            "log_ai_secret_service",
            [PY, "-m", "aijournal", "--data-dir", str(keyed.root), *LOG_AI],
            [PY, str(HERE / "floor.py"), "secret-service", str(keyed.db), account],
            repeat,
            ENV_SECRET_SERVICE,
        )
    shutil.rmtree(copy.root.parent)
    return figures


def _against_floor(
    name: str, command: list[str], floor: list[str], repeat: int, env: dict[str, str] | None = None
) -> dict[str, float]:
    wall(command, env)  # the first write of the day also makes the daily backup
    runs = [(wall(command, env), wall(floor, env)) for _ in range(max(repeat, 11))]
    command_s = statistics.median(c for c, _ in runs)
    floor_s = statistics.median(f for _, f in runs)
    return {
        f"{name}_s": command_s,
        f"{name}_floor_s": floor_s,
        f"{name}_vs_floor": command_s / floor_s,
    }


def insert(paths: DataPaths, repeat: int) -> dict[str, float]:
    """One AI use added in-process (validation, transaction, skill links, commit).

    The journal syncs every commit to disk (synchronous=FULL); the same insert without that
    sync shows how much of the time is the disk's.
    """
    copy = working_copy(paths)
    with Journal.open(copy, passphrase=lambda: generate.PASSPHRASE) as journal:

        def one() -> float:
            use = r.AIUse(
                started_at=r.now(),
                tool="Claude",
                pattern="learning",
                minutes=5,
                skills=("SQL window functions",),
            )
            started = time.perf_counter()
            journal.add(use)
            return time.perf_counter() - started

        durable = median_of(max(repeat, 25), one)
        journal.db.execute("PRAGMA synchronous = OFF")
        unsynced = median_of(max(repeat, 25), one)
    shutil.rmtree(copy.root.parent)
    return {"insert_s": durable, "insert_without_disk_sync_s": unsynced}


def trends(paths: DataPaths, repeat: int) -> dict[str, float]:
    """All trend series for all time, and for the 4-week range a switch computes."""
    from aijournal.analysis import trends as series

    with Journal.open(
        paths, passphrase=lambda: generate.PASSPHRASE, clock=generate_clock
    ) as journal:
        all_time = median_of(repeat, lambda: _timed(lambda: series.series(journal, None, None)))
        start = generate.END - timedelta(weeks=4)
        switch = median_of(
            repeat, lambda: _timed(lambda: series.series(journal, start, generate.END))
        )
    return {"trends_all_s": all_time, "trends_4_weeks_s": switch}


def generate_clock():
    from datetime import datetime
    from datetime import time as clock_time

    return datetime.combine(generate.END, clock_time(20)).astimezone()


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def desktop(paths: DataPaths, repeat: int) -> dict[str, float]:
    """Launch to a painted main window with this journal, against a bare PySide6 QMainWindow
    with one label started in the same run (both from the moment the process is launched to
    its first paint; the whole run, exit included, is reported beside it); the first switch to
    Trends; the peak memory of each. The journal's key is in a (stand-in) secret store, as by
    default; with a passphrase, the key derivation adds its deliberate cost, reported apart."""
    script = str(HERE / "desktop_start.py")

    def start(*args: str) -> tuple[float, float, float, float]:
        launched = time.monotonic()  # the clock desktop_start.py prints the first paint on
        done = subprocess.run(
            [PY, script, *args],
            env=ENV_SECRET_SERVICE if "secret-service" in args else ENV,
            check=True,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        ended = time.monotonic()
        painted, trends_s, memory = done.stdout.split()
        return float(painted) - launched, ended - launched, float(trends_s), float(memory)

    # The key where a desktop keeps it: the real Secret Service when one runs here (under
    # `make bench`), else a stand-in keyring inside the process.
    if (served := generate.secret_service_copy(paths)) is not None:
        keyed, key_arg = served, "secret-service"
    else:
        keyed, secret = generate.keyring_copy(paths)
        key_arg = f"keyring:{secret}"
    bare, app, typed, trends = [], [], [], []
    for _ in range(repeat):  # interleaved, so that all four see the same machine load
        bare.append(start("bare"))
        app.append(start("app", str(keyed.root), key_arg))
        typed.append(start("app", str(paths.root), generate.PASSPHRASE))
        trends.append(start("app", str(keyed.root), key_arg, "--trends"))

    def median(runs: list[tuple[float, float, float, float]], part: int) -> float:
        return statistics.median(run[part] for run in runs)

    return {
        "desktop_start_s": median(app, 0),
        "bare_window_start_s": median(bare, 0),
        "desktop_vs_bare": median(app, 0) / median(bare, 0),
        "desktop_whole_run_s": median(app, 1),
        "bare_window_whole_run_s": median(bare, 1),
        "desktop_passphrase_start_s": median(typed, 0),
        "trends_first_show_s": median(trends, 2),
        "desktop_peak_mb": median(app, 3),
        "bare_window_peak_mb": median(bare, 3),
        "desktop_extra_mb": median(app, 3) - median(bare, 3),
    }


def summary_pdf(paths: DataPaths, repeat: int) -> dict[str, float]:
    """A one-year summary PDF, from the journal to the file (`aijournal export`)."""
    target = Path(tempfile.mkdtemp(prefix="aijournal-bench-")) / "summary.pdf"
    start = generate.END - timedelta(days=364)
    command = [
        PY,
        "-m",
        "aijournal",
        "--data-dir",
        str(paths.root),
        "export",
        "--format",
        "summary-pdf",
        "--from",
        start.isoformat(),
        "--to",
        generate.END.isoformat(),
        "-o",
        str(target),
    ]
    result = median_of(repeat, lambda: wall(command))
    shutil.rmtree(target.parent)
    return {"summary_pdf_1_year_s": result}


def _import_once(kind: str, source: Path) -> tuple[float, float]:
    """Wall time and peak memory (MB) of `aijournal import KIND SOURCE` into a new journal."""
    home = Path(tempfile.mkdtemp(prefix="aijournal-bench-"))
    env = {**ENV, "AIJOURNAL_HOME": str(home)}
    subprocess.run(
        [PY, "-m", "aijournal", "init"],
        env=env,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    started = time.perf_counter()
    done = subprocess.run(
        [PY, "-c", PEAK, PY, "-m", "aijournal", "import", kind, str(source)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    took = time.perf_counter() - started
    shutil.rmtree(home)
    return took, float(done.stdout.split()[-1])


def _imports(repeat: int, kind: str, source: Path) -> tuple[float, float]:
    runs = [_import_once(kind, source) for _ in range(max(1, repeat // 2))]
    return statistics.median(t for t, _ in runs), statistics.median(m for _, m in runs)


def chatgpt_import(repeat: int) -> dict[str, float]:
    """`aijournal import chatgpt` of a 5,000-conversation export into a new journal: the single
    file (2023–2025), and the 2026 sharded zip at 1,000 and 5,000 conversations (flat memory)."""
    import make_exports

    generate.CACHE.mkdir(parents=True, exist_ok=True)
    export = generate.CACHE / "chatgpt-5000.json"
    if not export.exists():
        make_exports.chatgpt_export(export, 5000, seed=1)
    figures: dict[str, float] = {}
    figures["import_5000_conversations_s"], figures["import_peak_mb"] = _imports(
        repeat, "chatgpt", export
    )
    figures["export_mb"] = export.stat().st_size / 1e6
    for count in (1000, 5000):
        sharded = generate.CACHE / f"chatgpt-{count}-sharded.zip"
        if not sharded.exists():
            make_exports.chatgpt_sharded_export(sharded, count, seed=1)
        took, peak = _imports(repeat, "chatgpt", sharded)
        figures[f"import_{count}_sharded_s"], figures[f"import_{count}_sharded_peak_mb"] = (
            took,
            peak,
        )
    return figures


def claude_code_import(repeat: int) -> dict[str, float]:
    """`aijournal import claude-code` of 1,000 sessions (about 200 MB of JSONL)."""
    import make_exports

    folder = generate.CACHE / "claude-code-1000" / "projects"
    if not folder.exists():
        make_exports.claude_code_sessions(folder, 1000, seed=1)
    took, peak = _imports(repeat, "claude-code", folder)
    size = sum(p.stat().st_size for p in folder.rglob("*.jsonl"))
    return {
        "import_1000_claude_code_s": took,
        "import_claude_code_peak_mb": peak,
        "claude_code_mb": size / 1e6,
    }


# Runs a command and prints its peak resident memory in MB (the child's, not this wrapper's).
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def trends_view(paths: DataPaths, repeat: int) -> dict[str, float]:
    """The Trends view's range switch, click to repainted view (bench/trends_view.py), in a
    process of its own so that Qt's memory stays out of this one and its children."""
    years = paths.root.name.removeprefix("journal-").removesuffix("y")
    done = subprocess.run(
        [PY, str(HERE / "trends_view.py"), "--years", years, "--repeat", str(repeat), "--json"],
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    return json.loads(done.stdout.splitlines()[-1])


MEASUREMENTS: list[Callable[[DataPaths, int], dict[str, float]]] = [
    log_ai,
    insert,
    trends,
    trends_view,
    summary_pdf,
    desktop,
]
BUDGETS = {  # figure: (limit, how it reads)
    "log_ai_vs_floor": (1.5, "× floor"),
    "log_ai_secret_service_vs_floor": (1.5, "× floor"),
    "insert_s": (0.005, "s"),
    "trends_all_s": (0.150, "s"),
    "trends_4_weeks_s": (0.100, "s"),
    "trends_switch_worst_s": (0.100, "s"),
    "summary_pdf_1_year_s": (2.0, "s"),
    "desktop_vs_bare": (2.0, "× bare window"),
    "trends_first_show_s": (0.300, "s"),
    "desktop_extra_mb": (80, "MB"),
    "import_5000_conversations_s": (10.0, "s"),
    "import_5000_sharded_s": (10.0, "s"),
    "import_1000_claude_code_s": (10.0, "s"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 5, 10, 20])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--peers", action="store_true", help="also measure jrnl")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument(
        "--imports-only", action="store_true", help="only the import figures (no journals)"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        help="only these measurements (log_ai, insert, trends, trends_view, summary_pdf, desktop)",
    )
    args = parser.parse_args()
    # Byte-code first, as an installed copy has it (this machine may set PYTHONDONTWRITEBYTECODE).
    import compileall
    import sysconfig

    for folder in (HERE.parent / "aijournal", Path(sysconfig.get_paths()["purelib"])):
        compileall.compile_dir(folder, quiet=2)

    results: dict[str, dict[str, float]] = {}
    for years in [] if args.imports_only else args.years:
        paths = generate.reference(years)
        figures: dict[str, float] = {"records": _records(paths)}
        for measure in MEASUREMENTS:
            if args.only is None or measure.__name__ in args.only:
                figures |= measure(paths, args.repeat)
        results[f"{years}y"] = figures
        print(f"{years:>2} years done", file=sys.stderr)
    if args.only is None or "import" in args.only:
        results["import"] = chatgpt_import(args.repeat) | claude_code_import(args.repeat)
    if args.peers:
        import peers

        results["peers"] = peers.measure(args.repeat)
    report = {
        "machine": _machine(),
        "date": date.today().isoformat(),
        "repeat": args.repeat,
        "results": results,
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(_table(results))


def _records(paths: DataPaths) -> float:
    with Journal.open(paths, passphrase=lambda: generate.PASSPHRASE) as journal:
        return float(sum(journal.counts().values()))


def _machine() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": str(os.cpu_count()),
        "processor": platform.processor() or platform.machine(),
    }


def _table(results: dict[str, dict[str, float]]) -> str:
    sizes = [k for k in results if k not in ("peers", "import")]
    names = sorted({name for k in sizes for name in results[k]})
    lines = ["| figure | " + " | ".join(sizes) + " | budget |", "|---" * (len(sizes) + 2) + "|"]
    for name in names:
        limit = BUDGETS.get(name)
        cells = [_fmt(name, results[k].get(name)) for k in sizes]
        budget = f"≤ {limit[0]:g} {limit[1]}" if limit else ""
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {budget} |")
    for group in ("import", "peers"):
        for name, value in results.get(group, {}).items():
            limit = BUDGETS.get(name)
            budget = f"≤ {limit[0]:g} {limit[1]}" if limit else ""
            lines.append(
                f"| {name} | {_fmt(name, value)} |" + " |" * (len(sizes) - 1) + f" {budget} |"
            )
    return "\n".join(lines)


def _fmt(name: str, value: float | None) -> str:
    if value is None:
        return "–"
    if name.endswith("_s"):
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if name.endswith("_mb"):
        return f"{value:.0f} MB"
    return f"{value:.2f}" if value < 1000 else f"{value:,.0f}"


if __name__ == "__main__":
    main()
