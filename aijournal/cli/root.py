"""The `aijournal` command group, one run's session, output helpers and exit codes."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from aijournal.model import plain_dates
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError
from aijournal.model.presentation import spreadsheet_safe, terminal
from aijournal.storage import DataPaths, Journal, SecretStore
from aijournal.storage.secrets import environment_secret, take_environment_secrets
from aijournal.storage.unlock import Key, check_passphrase

PASSPHRASE_ENV = "AIJOURNAL_PASSPHRASE"


NEW_PASSPHRASE_ENV = "AIJOURNAL_NEW_PASSPHRASE"


FORMATS = ("table", "json", "csv")


@dataclass
class Session:
    """What one run of the command needs: where the journal is, and one secret-store handle."""

    paths: DataPaths
    store: SecretStore = field(default_factory=SecretStore)
    _journal: Journal | None = None

    def journal(self) -> Journal:
        if self._journal is None:
            self._journal = Journal.open(
                self.paths, passphrase=current_passphrase, store=self.store
            )
        return self._journal

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()


def interactive() -> bool:
    return sys.stdin.isatty()


def current_passphrase() -> str | None:
    if given := environment_secret(PASSPHRASE_ENV):
        return given
    if interactive():
        return click.prompt("Passphrase", hide_input=True, err=True)
    return None


def new_passphrase(env: str = PASSPHRASE_ENV) -> Key:
    """A passphrase for a new key: from `env`, or typed twice on a terminal."""
    if given := environment_secret(env):
        return Key.from_passphrase(given)
    if not interactive():
        raise InvalidInput("passphrase", "", f"set {env} or run in a terminal to type one")
    while True:
        typed = click.prompt(
            "New passphrase (8 characters or more)",
            hide_input=True,
            confirmation_prompt="Repeat it",
            err=True,
        )
        try:
            check_passphrase(typed)
        except InvalidInput as error:
            click.echo(str(error), err=True)
            continue
        return Key.from_passphrase(typed)


def tell(text: str) -> None:
    click.echo(text, err=True)


pass_session = click.make_pass_decorator(Session)


# Which module defines each command: a command's module is imported only when it runs (or
# for --help), so `aijournal log-ai` loads the capture commands and nothing else.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "log-ai": ("capture",),
    "checkin": ("capture",),
    "touchpoint": ("capture",),
    "assess": ("capture",),
    "person": ("records",),
    "skill": ("records",),
    "goal": ("records",),
    "factor": ("factors",),
    "list": ("reading",),
    "stats": ("reading",),
    "insights": ("reading",),
    "calendar": ("reading",),
    "nudges": ("nudging",),
    "export": ("exchange",),
    "coach": ("exchange",),
    "backup": ("exchange",),
    "restore": ("exchange",),
    "import": ("exchange", "sources"),  # `import json` and the AI-history sources
    "sources": ("sources",),
    "review": ("sources",),
    "init": ("setup",),
    "key": ("setup",),
    "demo": ("setup",),
    "desktop-entry": ("setup",),
    "autostart": ("setup",),
}


class JournalCommands(click.Group):
    """The command group; every error the user can act on becomes one line and an exit code."""

    def main(self, args=None, prog_name=None, **extra):  # type: ignore[override]
        extra["standalone_mode"] = False
        sys.exit(_run(lambda: super(JournalCommands, self).main(args, prog_name, **extra)))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMAND_MODULES) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        import importlib

        for module in COMMAND_MODULES.get(cmd_name, ()):
            importlib.import_module(f"aijournal.cli.{module}")  # its decorators register it
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=JournalCommands,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--data-dir",
    type=click.Path(readable=False, path_type=Path),  # checked when used, precisely
    envvar="AIJOURNAL_HOME",
    help="Journal folder (default: your user data folder).",
)
@click.option(
    "--hidden",
    is_flag=True,
    help="Start the desktop app in the background, with no window (as at login).",
)
@click.version_option(package_name="aijournal")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, hidden: bool) -> None:
    """AI Journal: a private, encrypted journal of how you work with AI and with people.

    With no command, opens the desktop app.
    """
    if hidden and ctx.invoked_subcommand is not None:
        raise click.UsageError("--hidden starts the desktop app: use it without a command")
    # Before anything can start a child process: no child may inherit a passphrase. They go
    # back when the command ends, for whoever runs it in-process (tests).
    taken = take_environment_secrets()
    ctx.call_on_close(lambda: os.environ.update(taken))
    session = Session(DataPaths.resolve(data_dir))
    ctx.obj = session
    ctx.call_on_close(session.close)
    if ctx.invoked_subcommand is None:
        from aijournal.ui.app import run

        ctx.exit(run(session.paths, session.store, hidden=hidden))


# What --date, --from and --to accept, and --when: ISO or a few plain words (model.plain_dates).
DAY_WORDS = "YYYY-MM-DD, today, yesterday, mon, last fri, 3 days ago"
AHEAD_WORDS = "YYYY-MM-DD, today, tomorrow, mon (the coming one), next fri, in 3 days"
WHEN_WORDS = "ISO 2026-03-01T14:30, 14:30, yesterday 14:30, mon 9:00, 3 days ago"


def day_or_none(name: str, text: str | None, *, ahead: bool = False) -> date | None:
    """The day an option names (ISO or plain words, counted from today), None if not given;
    `ahead` for a day to come (a bare weekday is then the coming one)."""
    return plain_dates.parse_day(name, text, r.now().date(), ahead=ahead) if text else None


def day_or_today(name: str, text: str | None) -> date:
    return day_or_none(name, text) or r.now().date()


def moment_or_now(name: str, text: str | None) -> datetime:
    """The moment an option names (ISO or plain words, counted from now); now if not given."""
    now = r.now()
    return plain_dates.parse_moment(name, text, now) if text else now


def print_rows(rows: Sequence[dict[str, Any]], fmt: str, empty: str = "Nothing yet.") -> None:
    r.check_choice("format", fmt, FORMATS)
    if fmt == "json":
        click.echo(json.dumps(list(rows), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        if rows:
            # Rows of several kinds of entry have different fields: every field, in order.
            names = list(dict.fromkeys(name for row in rows for name in row))
            writer = csv.DictWriter(sys.stdout, fieldnames=names, restval="", lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: csv_value(v) for k, v in row.items()} for row in rows)
    elif not rows:
        click.echo(empty)
    else:
        names = list(dict.fromkeys(name for row in rows for name in row))
        cells = [{k: terminal(csv_cell(row.get(k))) for k in names} for row in rows]
        widths = {k: max(len(k), *(len(row[k]) for row in cells)) for k in names}
        click.echo("  ".join(k.replace("_", " ").ljust(w) for k, w in widths.items()).rstrip())
        for row in cells:
            click.echo("  ".join(row[k].ljust(w) for k, w in widths.items()).rstrip())


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    if isinstance(value, dict):  # a check-in's factors: "Slept well: yes; Focus: 4"
        return "; ".join(f"{k}: {csv_cell(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def csv_value(value: Any) -> str:
    """A value as a CSV cell: text a spreadsheet would run as a formula is neutralised."""
    text = csv_cell(value)
    return spreadsheet_safe(text) if isinstance(value, str | list | tuple | dict) else text


def saved(journal: Journal, text: str) -> None:
    """Say that the entry is stored, then make the daily backup; a failed backup is only a
    warning (exit 0), so that a script does not store the entry twice by trying again."""
    click.echo(text)
    try:
        journal.backup_if_due()
    except JournalError as error:
        tell(f"Warning: the entry is saved, but the daily backup failed: {error}")


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the `aijournal` script)."""
    os.umask(0o077)  # every file the journal writes is the user's alone
    cli.main(args=argv, prog_name="aijournal")


def _run(call: Callable[[], Any]) -> int:
    try:
        result = call()
    except click.exceptions.Abort:
        click.echo("aijournal: cancelled; nothing was written.", err=True)
        return 1
    except click.ClickException as error:
        click.echo(f"aijournal: {error.format_message()}", err=True)
        return 2
    except JournalError as error:
        click.echo(f"aijournal: {error}", err=True)
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("aijournal: interrupted; nothing was written.", err=True)
        return 130
    except UnicodeError as error:  # text from a non-UTF-8 terminal or file name
        why = getattr(error, "reason", type(error).__name__)
        click.echo(
            f"aijournal: some text is not valid UTF-8 ({why}); nothing was written.", err=True
        )
        return 2
    return result if isinstance(result, int) else 0
