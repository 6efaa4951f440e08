"""Creating the journal, its key, and sample data: `init`, `key status|change`, `demo`."""

from __future__ import annotations

import sys

import click

from aijournal.cli.root import (
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    Session,
    cli,
    new_passphrase,
    pass_session,
    tell,
)
from aijournal.model import records as r
from aijournal.model.errors import JournalError, SecretStoreUnavailable
from aijournal.storage import Journal
from aijournal.storage.unlock import Key


@cli.command()
@click.option(
    "--passphrase",
    "use_passphrase",
    is_flag=True,
    help="Protect the journal with a passphrase instead of the OS secret store.",
)
@click.option(
    "--unencrypted",
    is_flag=True,
    help="Create a plain SQLite file anyone with the file can read (explicit opt-in).",
)
@pass_session
def init(session: Session, use_passphrase: bool, unencrypted: bool) -> None:
    """Create a new encrypted journal."""
    journal = _create(session, use_passphrase, unencrypted)
    journal.close()
    click.echo(f"Created a journal in {session.paths.root}.")
    click.echo(journal.config.describe(session.store))


def _create(session: Session, use_passphrase: bool = False, unencrypted: bool = False) -> Journal:
    if unencrypted:
        return Journal.create(session.paths, Key("none"), store=session.store)
    if not use_passphrase:
        problem = session.store.problem()
        if problem is None:
            try:
                return Journal.create(session.paths, Key.random(), store=session.store)
            except SecretStoreUnavailable as error:
                problem = str(error)
        tell(
            f"No working secret store ({problem.rstrip('.')}); "
            "protecting the journal with a passphrase instead."
        )
    if session.paths.db.exists() or session.paths.config.exists():
        from aijournal.model.errors import JournalExists

        raise JournalExists(session.paths.root)
    return Journal.create(session.paths, new_passphrase(), store=session.store)


@cli.group()
def key() -> None:
    """Where the journal's key lives, and changing it."""


@key.command("status")
@pass_session
def key_status(session: Session) -> None:
    """Say where the key lives (does not unlock the journal)."""
    from aijournal.storage.unlock import JournalConfig, keyring_key

    if not session.paths.config.exists():
        from aijournal.model.errors import NoJournal

        raise NoJournal(session.paths.root)
    config = JournalConfig.read(session.paths)
    session.store.prefer(config.keyring_backend)
    click.echo(config.describe(session.store))
    if config.protection != "keyring":
        return
    if problem := session.store.problem():
        click.echo(f"Warning: the secret store is not usable right now: {problem}.")
        return
    try:  # read, never shown: is the key there, and does the store answer?
        keyring_key(config.keyring_account or "", session.store)
    except JournalError as error:
        click.echo(f"Warning: {error}")


@key.command("change")
@click.option(
    "--to",
    "target",
    type=click.Choice(["keyring", "passphrase"]),
    default=None,
    help="Where the new key lives (default: where it lives now).",
)
@pass_session
def key_change(session: Session, target: str | None) -> None:
    """Re-encrypt the journal (and its backups) with a new key."""
    journal = session.journal()
    target = target or journal.config.protection
    if target == "keyring":
        if problem := session.store.problem():
            raise SecretStoreUnavailable(f"No usable secret store: {problem}.")
        new = Key.random()
    else:
        env = NEW_PASSPHRASE_ENV if journal.config.protection == "passphrase" else PASSPHRASE_ENV
        new = new_passphrase(env)
    changed = journal.change_key(new)
    click.echo("The journal has a new key. " + journal.describe_key())
    click.echo(changed.line())


@cli.command()
@click.option("--days", type=int, default=365, show_default=True)
@click.option("--seed", type=int, default=2026, show_default=True)
@click.option(
    "--remove",
    is_flag=True,
    help="Remove the sample data again (only it: nothing you added); --restore undoes it.",
)
@click.option("--restore", is_flag=True, help="Bring back the sample data last removed.")
@click.option("--format", "fmt", default="table", help="table or json (for --remove/--restore).")
@pass_session
def demo(session: Session, days: int, seed: int, remove: bool, restore: bool, fmt: str) -> None:
    """Fill a new journal with a realistic, reproducible year of sample data."""
    from aijournal.journaling import demo as sample

    r.check_choice("format", fmt, ("table", "json"))
    if remove or restore:
        _remove_sample(session, restore, fmt)
        return
    r.check_scale("days", days, 1, 3650)
    journal = session.journal() if session.paths.config.exists() else _create(session)
    session._journal = journal
    with click.progressbar(length=days, label="Sample data", file=sys.stderr) as bar:
        counts = sample.fill(
            journal, days=days, seed=seed, progress=lambda done, total: bar.update(done - bar.pos)
        )
    click.echo(
        f"Added {counts['ai_uses']} AI uses, {counts['checkins']} check-ins and "
        f"{counts['touchpoints']} touchpoints to {session.paths.root}."
    )


def _remove_sample(session: Session, restore: bool, fmt: str) -> None:
    import json

    from aijournal.journaling import sample_data

    if restore:
        counts = sample_data.undo(session.journal())
        line = f"Brought back the sample data: {sample_data.counts_text(counts)}."
        data: dict = {"restored": counts}
    else:
        removal = sample_data.remove(session.journal())
        line = sample_data.removal_line(removal) + " Undo: `aijournal demo --restore`."
        data = sample_data.as_dict(removal)
    click.echo(json.dumps(data, indent=2) if fmt == "json" else line)


@cli.group("desktop-entry")
def desktop_entry() -> None:
    """The app in your desktop's application menu (launcher, icon, AppStream metadata)."""


@desktop_entry.command("install")
def desktop_entry_install() -> None:
    """Add AI Journal to the application menu (under your own data folder)."""
    from aijournal.journaling import desktop_entry as entry

    places = entry.install()
    click.echo(f"Added AI Journal to the application menu: {places.launcher}")


@desktop_entry.command("remove")
def desktop_entry_remove() -> None:
    """Take AI Journal out of the application menu."""
    from aijournal.journaling import desktop_entry as entry

    removed = entry.remove()
    click.echo("Removed " + ", ".join(str(p) for p in removed) if removed else "Nothing to remove.")


@cli.command()
@click.argument("switch", required=False, type=click.Choice(["on", "off"]))
def autostart(switch: str | None) -> None:
    """Start AI Journal hidden at login (on), or no more (off); without either, say which.

    It then runs in the background so reminders reach you (XDG autostart entry).
    """
    from aijournal.journaling import desktop_entry as entry

    if switch == "on":
        click.echo(f"AI Journal starts hidden at login: {entry.enable_autostart()}")
    elif switch == "off":
        removed = entry.disable_autostart()
        click.echo("AI Journal no longer starts at login." if removed else "It was not on.")
    else:
        where = entry.autostart_path()
        click.echo(f"on ({where})" if entry.autostart_enabled() else "off")
