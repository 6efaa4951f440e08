"""Data in and out: `export`, `import`, `coach`, `backup`, `restore`."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from aijournal.cli.root import (
    FORMATS,
    Session,
    cli,
    current_passphrase,
    day_or_none,
    interactive,
    pass_session,
    saved,
    tell,
)
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalDamaged, JournalError
from aijournal.storage import Journal


@cli.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    help="json (complete), csv (one kind), portfolio-md or portfolio-pdf, or a "
    "coach summary: summary-json, summary-pdf or summary-html.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: standard output).",
)
@click.option("--kind", default="ai-use", help="For csv: which records.")
@click.option(
    "--include-notes", is_flag=True, help="For csv and portfolios: include private notes."
)
@click.option(
    "--include-names", is_flag=True, help="For csv and portfolios: include people's names."
)
@click.option("--from", "start", help="For summaries: first day (default: 4 weeks ago).")
@click.option("--to", "end", help="For summaries: last day (default: today).")
@click.option("--client-name", default="", help="For summaries: the name to show the coach.")
@click.option("--sections", help="For summaries: which, comma-separated (default: all).")
@pass_session
def export(
    session: Session,
    fmt: str,
    output: Path | None,
    kind: str,
    include_notes: bool,
    include_names: bool,
    start: str | None = None,
    end: str | None = None,
    client_name: str = "",
    sections: str | None = None,
) -> None:
    """Export the journal: complete JSON (for import or a second machine), CSV, the skills
    portfolio or a coach summary."""
    from aijournal.sharing import exports, summary

    request = exports.ExportRequest(
        format=fmt,
        kind=kind,
        include_notes=include_notes,
        include_names=include_names,
        start=day_or_none("from", start),
        end=day_or_none("to", end),
        client_name=client_name,
        sections=summary.parse_sections(sections) if sections is not None else None,
    )
    request.check(to_file=output is not None)
    printer = None
    if fmt in exports.PDF_FORMATS:
        from aijournal.ui.printing.printer import QtPrinter  # Qt only for PDFs

        printer = QtPrinter()
    exported = exports.export(session.journal(), request, printer, to_file=output is not None)
    if output is None:
        click.echo(exported.content, nl=False)
    else:
        exported.write(output)
        click.echo(f"Wrote {output}.")
    if exported.notice:
        tell(exported.notice)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", default="table", help="table, json or csv.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: standard output).",
)
def coach(files: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Compare clients' exported summaries (no journal or key needed).

    Files of an unknown version, or that do not match the summary format, are listed with
    the reason and skipped.
    """
    from aijournal.sharing import coach as coaching

    r.check_choice("format", fmt, FORMATS)
    opened, skipped = coaching.open_many(files)
    table = coaching.rows(opened)
    for problem in skipped:
        tell(f"Skipped {problem.line()}")
    if not table:
        raise JournalError("No summary could be read; nothing to compare.")
    if fmt == "csv":
        text = coaching.csv_text(table)
    elif fmt == "json":
        text = (
            json.dumps(
                {
                    "rows": [row.as_dict() for row in table],
                    "skipped": [{"file": str(s.path), "reason": s.reason} for s in skipped],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    else:
        text = coaching.text_table(table)
    if output is None:
        click.echo(text, nl=False)
    else:
        from aijournal.storage.paths import atomic_write

        atomic_write(output, text)
        click.echo(f"Wrote {output} ({len(table)} summaries).")


@cli.group("import")
def import_() -> None:
    """Bring records in: a journal's JSON export, or your AI history (aijournal/cli/sources.py)."""


@import_.command("json")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--dry-run", is_flag=True, help="Check the file and say what would change; write nothing."
)
@click.option(
    "--format",
    "fmt",
    default="table",
    help="table (a line per kind) or json (the counts per kind).",
)
@pass_session
def import_json(session: Session, file: Path, dry_run: bool, fmt: str) -> None:
    """Merge a JSON export (idempotent; the newest version of each record wins).

    Says per kind how many records are added, updated, deleted and unchanged.
    """
    from aijournal.journaling import capture
    from aijournal.storage import exchange

    r.check_choice("format", fmt, ("table", "json"))
    with _late_progress("Reading the export") as progress:
        data = exchange.read_json(file, progress=progress)
    journal = session.journal()
    report = capture.merge_export(journal, data, dry_run=dry_run)
    if fmt == "json":
        text = json.dumps({"written": not dry_run, **report.as_dict()}, indent=2)
    else:
        lines = [
            f"  {row['kind']}: " + ", ".join(f"{row[o]} {o}" for o in exchange.OUTCOMES if row[o])
            for row in report.kinds()
        ]
        text = "\n".join([*lines, ("Would import: " if dry_run else "Imported: ") + report.line()])
    if dry_run:
        click.echo(text)
    else:
        saved(journal, text)


@contextmanager
def _late_progress(label: str):
    """A progress callback whose bar (on stderr) appears only when the reader first calls it,
    which the reader limits do once reading has taken a second."""
    bar = None
    try:

        def report(done: int, total: int) -> bool:
            nonlocal bar
            if bar is None:
                bar = click.progressbar(length=total, label=label, file=sys.stderr)
                bar.__enter__()
            bar.update(done - bar.pos)
            return True

        yield report
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


@cli.command()
@click.option(
    "--to",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for this backup (default: the journal's backups folder).",
)
@pass_session
def backup(session: Session, folder: Path | None) -> None:
    """Back up the journal now (encrypted with the journal's key)."""
    made = session.journal().backup(folder)
    click.echo(f"Backed up to {made}.")


@cli.command()
@click.argument("backup_file", required=False, type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_session
def restore(session: Session, backup_file: Path | None, yes: bool) -> None:
    """Replace the journal with a backup (lists the backups when none is named).

    Also brings back a journal whose file is damaged and no longer opens.
    """
    from aijournal.storage import backups
    from aijournal.storage.secrets import environment_secret
    from aijournal.storage.unlock import Key

    if backup_file is None:
        found = backups.listing(session.paths.backups)
        if not found:
            click.echo("No backups yet; make one with `aijournal backup`.")
        older = _older_key_backups(session)
        for path in found:
            needs = older.needs() if older and path.name in older.backups else None
            click.echo(f"{path}  (needs {needs})" if needs else str(path))
        return
    if not yes and not (
        interactive()
        and click.confirm(
            f"Replace the journal with {backup_file}? A copy of the current one is kept.", err=True
        )
    ):
        raise InvalidInput("confirmation", "none", "pass --yes or confirm in a terminal")
    try:
        journal = session.journal()
    except JournalDamaged:
        session._journal = Journal.recover(
            session.paths, backup_file, passphrase=current_passphrase, store=session.store
        )
        click.echo(f"Restored {backup_file}; the damaged journal file was kept aside.")
        return
    older = environment_secret(BACKUP_PASSPHRASE_ENV)
    backup_key = Key("passphrase", older) if older and journal.backup_needs(backup_file) else None
    safety = journal.restore(backup_file, backup_key=backup_key)
    click.echo(f"Restored {backup_file}. The journal as it was is in {safety}.")


BACKUP_PASSPHRASE_ENV = "AIJOURNAL_BACKUP_PASSPHRASE"


def _older_key_backups(session: Session):
    from aijournal.storage.unlock import JournalConfig

    try:
        return JournalConfig.read(session.paths).older_key
    except JournalError:
        return None
