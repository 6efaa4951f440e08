"""The secret store: every call within a time limit, the journal's own backend loaded directly,
and no passphrase in the environment of any program the app starts."""

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import keyring
import keyring.backend
import pytest
from clitools import run

from aijournal.model.errors import SecretStoreUnavailable
from aijournal.storage import DataPaths, Journal, SecretStore
from aijournal.storage.unlock import JournalConfig, Key

TESTS = Path(__file__).resolve().parents[1]


class HangingKeyring(keyring.backend.KeyringBackend):
    """A store that never answers: a locked collection whose prompt nobody sees, or a daemon
    that died in the middle of a call."""

    priority = 1  # type: ignore[assignment]

    def __init__(self):
        super().__init__()
        self.release = threading.Event()
        self.calls = 0

    def get_password(self, service, username):
        self.calls += 1
        self.release.wait()

    set_password = delete_password = get_password  # type: ignore[assignment]


def test_a_store_that_never_answers_is_an_error_within_the_limit():
    backend = HangingKeyring()
    store = SecretStore(backend, timeout=0.3)
    started = time.monotonic()
    with pytest.raises(SecretStoreUnavailable, match=r"did not answer within 0\.3 s"):
        store.get("journal-x")
    with pytest.raises(SecretStoreUnavailable, match="did not answer"):
        store.set("journal-x", "secret")  # the store is known to hang: no second wait
    assert time.monotonic() - started < 1.5
    assert backend.calls == 1
    assert store.delete("journal-x") is False
    backend.release.set()


def test_a_hanging_store_makes_the_command_exit_3_not_hang(home, monkeypatch):
    backend = HangingKeyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("AIJOURNAL_SECRET_TIMEOUT", "0.5")
    started = time.monotonic()
    code, out = run("list")
    assert code == 3 and "did not answer within 0.5 s" in out
    assert "Traceback" not in out
    assert time.monotonic() - started < 5
    backend.release.set()


def test_the_config_names_the_backend_that_holds_the_key(tmp_path, memory_keyring):
    paths = DataPaths(tmp_path / "j")
    Journal.create(paths, Key.random()).close()
    config = JournalConfig.read(paths)
    assert config.keyring_backend.endswith("conftest.MemoryKeyring")
    assert json.loads(paths.config.read_text())["keyring_backend"] == config.keyring_backend


def test_the_named_backend_is_loaded_without_looking_at_others(tmp_path):
    """With the Secret Service named in the config, opening imports neither keyring's backend
    discovery nor any other backend (keyring's macOS module alone starts gcc and ld)."""
    probe = (
        "import sys\n"
        "from aijournal.storage.secrets import SECRET_SERVICE, SecretStore\n"
        "store = SecretStore()\n"
        "store.prefer(SECRET_SERVICE)\n"
        "print(store.name, store.problem())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('keyring', 'gi', 'dbus')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # no keyringrc.cfg
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.splitlines() == ["Secret Service None", "[]"], done.stderr


def test_a_backend_name_outside_keyring_is_never_imported(monkeypatch):
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setitem(sys.modules, "aijournal_never_imported", None)
    store = SecretStore()
    store.prefer("aijournal_never_imported.Keyring")  # a config edited by someone else
    assert store.backend_name != "aijournal_never_imported.Keyring"


TRACED = """
import json, os, sys
log = open(os.environ["TRACE_LOG"], "a")
def hook(event, args):
    if event == "subprocess.Popen":
        env = args[3]
    elif event in ("os.exec", "os.posix_spawn"):
        env = args[2]
    elif event == "os.system":
        env = None
    else:
        return
    env = dict(os.environ) if env is None else dict(env)
    values = [v.decode() if isinstance(v, bytes) else str(v) for v in env.values()]
    log.write(json.dumps({"event": event, "env": values}) + "\\n")
    log.flush()
sys.addaudithook(hook)
sys.argv = ["aijournal", *sys.argv[1:]]
from aijournal.cli import main
main()
"""
FIRST, SECOND = "first secret passphrase", "second secret passphrase"


def test_no_child_process_receives_a_passphrase(tmp_path):
    """Run the real CLI with a store that starts programs (as keyring's backend discovery
    does, through ctypes.util.find_library); trace every child's environment."""
    trace = tmp_path / "children.jsonl"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
        "PYTHON_KEYRING_BACKEND": "filekeyring.SpawningKeyring",
        "AIJOURNAL_TEST_KEYRING": str(tmp_path / "keyring.json"),
        "AIJOURNAL_HOME": str(tmp_path / "journal"),
        "TRACE_LOG": str(trace),
    }
    log = ["log-ai", "--tool", "T", "--pattern", "learning", "--minutes", "3"]
    steps = [
        (["init"], {"AIJOURNAL_PASSPHRASE": FIRST}),  # given, though not needed
        (log, {"AIJOURNAL_PASSPHRASE": FIRST}),
        (["key", "change", "--to", "passphrase"], {"AIJOURNAL_PASSPHRASE": FIRST}),
        (
            ["key", "change"],
            {"AIJOURNAL_PASSPHRASE": FIRST, "AIJOURNAL_NEW_PASSPHRASE": SECOND},
        ),
        (["key", "change", "--to", "keyring"], {"AIJOURNAL_PASSPHRASE": SECOND}),
    ]
    strace = _working_strace()
    execs: list[str] = []
    for n, (args, secrets) in enumerate(steps):
        command = [sys.executable, "-c", TRACED, *args]
        if strace:
            out = tmp_path / f"strace-{n}"
            command = [strace, "-f", "-qq", "-v", "-s", "100000", "-e", "trace=execve",
                       "-o", str(out), *command]  # fmt: skip
        done = subprocess.run(
            command, env={**env, **secrets}, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        if strace:
            execs += [line for line in out.read_text().splitlines() if "execve(" in line][1:]
    children = [json.loads(line) for line in trace.read_text().splitlines()]
    assert len(children) >= 5  # the store started programs in every command: tracing works
    for child in children:
        assert not any(FIRST in v or SECOND in v for v in child["env"]), child["event"]
    if strace:
        assert len(execs) >= len(children)
        assert not [line for line in execs if FIRST in line or SECOND in line]


def _working_strace() -> str | None:
    """strace, if it is installed and may trace here (containers often forbid ptrace)."""
    strace = shutil.which("strace")
    if strace and subprocess.run([strace, "-o", os.devnull, "true"]).returncode == 0:
        return strace
    return None


def test_the_passphrase_is_back_in_the_environment_after_an_in_process_command(home, monkeypatch):
    monkeypatch.setenv("AIJOURNAL_PASSPHRASE", "still here after")
    assert run("list")[0] == 0
    assert os.environ["AIJOURNAL_PASSPHRASE"] == "still here after"


@pytest.mark.secret_service
def test_a_secret_service_that_dies_is_an_error_not_a_hang(tmp_path):
    """A private D-Bus session and gnome-keyring: the daemon is killed between two commands;
    the second one ends with a clear error within its time limit (or works, if D-Bus starts
    a fresh daemon that can answer), never hangs."""
    if not shutil.which("gnome-keyring-daemon") or not shutil.which("dbus-run-session"):
        pytest.skip("needs gnome-keyring and dbus")
    script = f"""
        set -u
        export HOME={tmp_path}/home XDG_RUNTIME_DIR={tmp_path}/runtime
        mkdir -m 0700 -p "$HOME" "$XDG_RUNTIME_DIR"
        printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        {sys.executable} -m aijournal init || exit 10
        kill -KILL "$({sys.executable} -c "$OWNER")"  # the daemon of this D-Bus session only
        AIJOURNAL_SECRET_TIMEOUT=3 {sys.executable} -m aijournal list
        echo "exit $?"
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "XDG_"))}
    env["AIJOURNAL_HOME"] = str(tmp_path / "journal")
    env["OWNER"] = (
        "from jeepney.io.blocking import open_dbus_connection\n"
        "from jeepney.bus_messages import message_bus\n"
        "reply = open_dbus_connection().send_and_get_reply(\n"
        "    message_bus.GetConnectionUnixProcessID('org.freedesktop.secrets'))\n"
        "print(reply.body[0])\n"
    )
    started = time.monotonic()
    done = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last in ("exit 0", "exit 3"), done.stdout + done.stderr
    if last == "exit 3":
        assert "secret store" in done.stderr
    assert time.monotonic() - started < 40
