#!/usr/bin/env bash
# `aijournal log-ai` start-up with the key in a real Secret Service (gnome-keyring in a
# private D-Bus session): wall time over RUNS runs (median, min) and the import time that
# `python -X importtime` reports, plus how many child programs one command starts.
#
#   bench/keyring_start.sh [RUNS]     # needs gnome-keyring, dbus, strace (optional)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 0700 "$scratch/runtime" "$scratch/home"
export XDG_RUNTIME_DIR="$scratch/runtime" KEYRING_HOME="$scratch/home" RUNS="$runs"
export AIJOURNAL_HOME="$scratch/journal" PY="$PWD/.venv/bin/python"
dbus-run-session -- bash -euo pipefail -c '
    printf "bench-keyring" | HOME="$KEYRING_HOME" \
        gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$PY" -m aijournal init >/dev/null
    grep -q "\"keyring\"" "$AIJOURNAL_HOME/journal.json"
    log() { "$PY" -m aijournal log-ai --tool Bench --pattern learning --minutes 5 "$@" >/dev/null; }
    log  # warm the file cache
    "$PY" - <<EOF
import os, statistics, subprocess, sys, time
py, runs = os.environ["PY"], int(os.environ["RUNS"])
cmd = [py, "-m", "aijournal", "log-ai", "--tool", "Bench", "--pattern", "learning",
       "--minutes", "5"]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
floor = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run([py, "-c", "import sqlcipher3"], check=True)
    floor.append(time.perf_counter() - start)
err = subprocess.run([py, "-X", "importtime", *cmd[1:]], capture_output=True, text=True).stderr
rows = [line.split("|") for line in err.splitlines() if line.startswith("import time:")][1:]
total = sum(int(r[0].split(":")[1]) for r in rows) / 1e6
keyring = sum(int(r[0].split(":")[1]) for r in rows if r[2].strip().startswith(("keyring", "secretstorage", "jeepney", "cryptography", "importlib_metadata", "jaraco"))) / 1e6
print(f"log-ai wall time: median {statistics.median(times)*1000:.0f} ms, min {min(times)*1000:.0f} ms over {runs} runs")
print(f"python + sqlcipher3 alone: median {statistics.median(floor)*1000:.0f} ms")
print(f"-X importtime: all imports {total*1000:.0f} ms (self time), secret-store ones {keyring*1000:.0f} ms")
EOF
    if command -v strace >/dev/null; then
        strace -f -e trace=execve -o "$XDG_RUNTIME_DIR/trace" \
            "$PY" -m aijournal log-ai --tool Bench --pattern learning --minutes 5 >/dev/null
        echo "child programs started: $(($(grep -c "execve(" "$XDG_RUNTIME_DIR/trace") - 1))"
    fi
'
