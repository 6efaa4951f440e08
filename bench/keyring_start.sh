#!/usr/bin/env bash
# `aijournal log-ai` start-up with the key in a real Secret Service (gnome-keyring in a
# private D-Bus session): wall time (median and min over RUNS interleaved runs), the import
# time `python -X importtime` reports, and how many child programs one command starts.
#
#   bench/keyring_start.sh [RUNS] [SOURCE_DIR ...]
#
# Each SOURCE_DIR is a checkout of AI Journal (default: this one), run with this checkout's
# .venv and PYTHONPATH=SOURCE_DIR, each on a journal of its own; to compare with an earlier
# commit: git worktree add /tmp/before <commit> && bench/keyring_start.sh 21 /tmp/before .
# Needs gnome-keyring and dbus (and strace, for the child count).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
shift || true
[ $# -gt 0 ] || set -- "$PWD"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 0700 "$scratch/runtime" "$scratch/home"
export XDG_RUNTIME_DIR="$scratch/runtime" KEYRING_HOME="$scratch/home" RUNS="$runs"
export SCRATCH="$scratch" PY="$PWD/.venv/bin/python" SOURCES="$*"
dbus-run-session -- bash -euo pipefail -c '
    printf "bench-keyring" | HOME="$KEYRING_HOME" \
        gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$PY" - <<EOF
import os, shutil, statistics, subprocess, time
py, runs, scratch = os.environ["PY"], int(os.environ["RUNS"]), os.environ["SCRATCH"]
sources = [os.path.abspath(s) for s in os.environ["SOURCES"].split()]
log = ["-m", "aijournal", "log-ai", "--tool", "Bench", "--pattern", "learning", "--minutes", "5"]
os.chdir(scratch)  # python -m puts the working folder first on sys.path: not a checkout
def env(n, source):
    return {**os.environ, "PYTHONPATH": source, "AIJOURNAL_HOME": f"{scratch}/journal-{n}"}
for n, source in enumerate(sources):
    subprocess.run([py, "-m", "aijournal", "init"], env=env(n, source), check=True,
                   stdout=subprocess.DEVNULL)
    with open(f"{scratch}/journal-{n}/journal.json") as config:
        assert "\"keyring\"" in config.read()
    subprocess.run([py, *log], env=env(n, source), check=True, stdout=subprocess.DEVNULL)
times = {n: [] for n in range(len(sources))}
floor = []
for _ in range(runs):  # interleaved, so that a busy moment of the machine hits every variant
    for n, source in enumerate(sources):
        start = time.perf_counter()
        subprocess.run([py, *log], env=env(n, source), check=True, stdout=subprocess.DEVNULL)
        times[n].append(time.perf_counter() - start)
    start = time.perf_counter()
    subprocess.run([py, "-c", "import sqlcipher3"], check=True)
    floor.append(time.perf_counter() - start)
store_modules = ("keyring", "secretstorage", "jeepney", "cryptography", "importlib_metadata",
                 "jaraco", "urllib", "http", "email")
print(f"python + import sqlcipher3 alone: median {statistics.median(floor)*1000:.0f} ms")
for n, source in enumerate(sources):
    err = subprocess.run([py, "-X", "importtime", *log], env=env(n, source),
                         capture_output=True, text=True).stderr
    rows = [line.split("|") for line in err.splitlines() if line.startswith("import time:")][1:]
    total = sum(int(r[0].split(":")[1]) for r in rows) / 1e3
    store = sum(int(r[0].split(":")[1]) for r in rows
                if r[2].strip().split(".")[0] in store_modules) / 1e3
    children = "n/a"
    if shutil.which("strace"):
        trace = f"{scratch}/trace-{n}"
        subprocess.run(["strace", "-f", "-qq", "-e", "trace=execve", "-o", trace, py, *log],
                       env=env(n, source), check=True, stdout=subprocess.DEVNULL)
        with open(trace) as lines:
            children = sum(" execve(" in line for line in lines) - 1
    print(f"{source}: log-ai median {statistics.median(times[n])*1000:.0f} ms, "
          f"min {min(times[n])*1000:.0f} ms over {runs} runs; imports {total:.0f} ms "
          f"(of which secret store {store:.0f} ms); child programs {children}")
EOF
'
