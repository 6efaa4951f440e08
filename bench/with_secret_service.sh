#!/usr/bin/env bash
# Run a command (the benchmark) inside a private D-Bus session with an unlocked gnome-keyring
# Secret Service, so that journals can keep their key where a desktop keeps it. Without
# dbus-run-session or gnome-keyring-daemon the command runs as it is (the secret-store
# figures are then left out).
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "no dbus-run-session or gnome-keyring: secret-store figures left out" >&2
    exec "$@"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 0700 "$scratch/runtime" "$scratch/home"
export XDG_RUNTIME_DIR="$scratch/runtime" KEYRING_HOME="$scratch/home"
dbus-run-session -- bash -euo pipefail -c '
    printf "aijournal-bench" | HOME="$KEYRING_HOME" \
        gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"
' bench "$@"
