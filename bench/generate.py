"""The reference journals of DESIGN.md: N years × (5 AI uses + 1 check-in + 2 touchpoints) a day.

Realistic distributions (patterns drift, minutes are log-normal, notes are short sentences),
encrypted with a passphrase so that every process of the benchmark can open them. Each size is
made once and cached under bench/cache/ (or $AIJOURNAL_BENCH_CACHE).
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import uuid
from datetime import date, datetime, time, timedelta
from pathlib import Path

from aijournal.journaling.demo import AI_NOTES, DAY_NOTES, PEOPLE, SKILLS, TASKS, TOOLS, TOUCH_KINDS
from aijournal.model import records as r
from aijournal.model.patterns import PATTERN_IDS
from aijournal.storage import DataPaths, Journal
from aijournal.storage.unlock import Key

PASSPHRASE = "benchmark passphrase"
CACHE = Path(os.environ.get("AIJOURNAL_BENCH_CACHE", Path(__file__).parent / "cache"))
END = date(2026, 11, 27)


def reference(years: int) -> DataPaths:
    """The cached reference journal of `years` years, made if missing."""
    paths = DataPaths(CACHE / f"journal-{years}y")
    if not (paths.root / "complete").exists():
        make(paths, years)
    return paths


def make(paths: DataPaths, years: int, seed: int = 1) -> None:
    if paths.root.exists():
        shutil.rmtree(paths.root)
    rng = random.Random(seed)
    clock = lambda: datetime.combine(END, time(20)).astimezone()  # noqa: E731
    journal = Journal.create(paths, Key.from_passphrase(PASSPHRASE), clock=clock)
    ids = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))  # noqa: E731
    days = 365 * years
    with journal.transaction():
        for name, relationship, cadence in PEOPLE:
            journal.add(
                r.Person(id=ids(), name=name, relationship=relationship, cadence_days=cadence)
            )
        for name, niche in SKILLS:
            journal.add(r.Skill(id=ids(), name=name, niche=niche))
        goals = [journal.add(r.Goal(id=ids(), name=f"Goal {n}")).id for n in range(4)]
        for offset in range(days):
            day = END - timedelta(days=days - 1 - offset)
            drift = offset / days
            for _ in range(5):
                started = datetime.combine(day, time(rng.randint(8, 18), rng.randint(0, 59)))
                automate = 0.3 + 0.2 * drift
                pattern = rng.choice(
                    PATTERN_IDS[3:] if rng.random() < automate else PATTERN_IDS[:3]
                )
                journal.add(
                    r.AIUse(
                        id=ids(),
                        started_at=started.astimezone(),
                        tool=rng.choices([t for t, _ in TOOLS], [w for _, w in TOOLS])[0],
                        pattern=pattern,
                        minutes=max(1, int(rng.lognormvariate(2.8, 0.6))),
                        task=rng.choice(TASKS),
                        replaced_person=rng.random() < 0.15,
                        goal_id=rng.choice(goals) if rng.random() < 0.6 else None,
                        skills=(rng.choice(SKILLS)[0],) if rng.random() < 0.4 else (),
                        outcome=rng.randint(2, 5),
                        note=rng.choice(AI_NOTES),
                        source="cli",
                    )
                )
            for _ in range(2):
                at = datetime.combine(day, time(rng.randint(9, 19), rng.randint(0, 59)))
                journal.add(
                    r.Touchpoint(
                        id=ids(),
                        at=at.astimezone(),
                        kind=rng.choices([k for k, _ in TOUCH_KINDS], [w for _, w in TOUCH_KINDS])[
                            0
                        ],
                        person=rng.choice(PEOPLE)[0],
                        minutes=rng.choice([10, 15, 30, 45]),
                        quality=rng.randint(2, 5),
                        note=rng.choice(DAY_NOTES),
                    )
                )
            journal.add(
                r.Checkin(
                    id=ids(),
                    day=day,
                    burnout=rng.randint(1, 4),
                    connection=rng.randint(2, 5),
                    safety=rng.randint(2, 5),
                    conversations=rng.randint(0, 6),
                    asked_advice=rng.random() < 0.4,
                    energy=rng.randint(1, 5),
                    note=rng.choice(DAY_NOTES),
                )
            )
    journal.checkpoint()
    journal.close()
    (paths.root / "complete").touch()


def keyring_copy(paths: DataPaths) -> tuple[DataPaths, str]:
    """A copy of a reference journal re-keyed with a random key, as if kept in a secret store.

    Returns the copy and its key (hex), which the benchmark hands to a stand-in store.
    """
    from keyring.backend import KeyringBackend

    from aijournal.storage import SecretStore

    target = DataPaths(paths.root.with_name(paths.root.name + "-keyring"))
    key_file = target.root / "bench-key"  # benchmark data only: a throw-away copy
    if key_file.exists():
        return target, key_file.read_text()
    if target.root.exists():
        shutil.rmtree(target.root)
    shutil.copytree(paths.root, target.root)
    held: dict[str, str] = {}

    class Holder(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return held.get(username)

        def set_password(self, service, username, password):
            held[username] = password

        def delete_password(self, service, username):
            held.pop(username, None)

    with Journal.open(
        target, passphrase=lambda: PASSPHRASE, store=SecretStore(Holder())
    ) as journal:
        journal.change_key(Key.random())
    (secret,) = held.values()
    key_file.write_text(secret)
    return target, secret


def secret_service_copy(paths: DataPaths) -> DataPaths | None:
    """A copy of a reference journal whose key is in the real Secret Service (as a journal
    made by `aijournal init` on a desktop keeps it), or None when no Secret Service runs here.
    `make bench` starts a private one (bench/with_secret_service.sh)."""
    import json

    from aijournal.storage import SecretStore
    from aijournal.storage.secrets import SECRET_SERVICE, SecretServiceStore

    service = SecretServiceStore()
    try:
        if not service.available():
            return None
    except Exception:  # noqa: BLE001 - no D-Bus session at all
        return None
    target = DataPaths(paths.root.with_name(paths.root.name + "-secret-service"))
    if target.root.exists():
        account = json.loads(target.config.read_text()).get("keyring_account")
        if account and service.get_password("aijournal", account):
            return target
        shutil.rmtree(target.root)
    shutil.copytree(paths.root, target.root)
    store = SecretStore(service)
    with Journal.open(target, passphrase=lambda: PASSPHRASE, store=store) as journal:
        journal.change_key(Key.random())
    assert json.loads(target.config.read_text()).get("keyring_backend") == SECRET_SERVICE
    return target


if __name__ == "__main__":
    for years in map(int, sys.argv[1:] or ["1", "5", "10", "20"]):
        made = reference(years)
        print(f"{years:>2} years: {made.db} ({made.db.stat().st_size / 1e6:.1f} MB)")
