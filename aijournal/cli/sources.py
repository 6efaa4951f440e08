"""AI history in: `import chatgpt|claude|claude-code|codex|aider|open-webui`, `sources`, `review`.

Thin callers of aijournal/sources: the same reading, suggestions, review and undo as the
desktop's File → Import AI history…, Sources page and Review imports.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from aijournal.cli.exchange import import_
from aijournal.cli.root import Session, cli, day_or_none, pass_session, print_rows, saved, tell
from aijournal.journaling import describe
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.patterns import mode_of
from aijournal.model.presentation import plural, terminal
from aijournal.sources import catalog, files, machine
from aijournal.sources import review as reviewing
from aijournal.sources.importing import ImportPlan, finish_import, plan_import

OUTPUTS = ("text", "json")
_BIG = 8 * 1024 * 1024  # smaller sources read in well under a second: no progress bar
_REVIEW_HINT = " Review them in the app (Review imports) or with `aijournal review list`."


@contextmanager
def _progress(kind: str, paths: list[Path]) -> Iterator[Any]:
    """A progress bar on stderr for large sources; yields the callback (or None)."""
    size = sum(
        files.size_of(p) if p.is_file() else files.total_size(catalog.files_in(kind, p))
        for p in paths
    )
    if size < _BIG:
        yield None
        return
    with click.progressbar(length=size, label="Reading", file=sys.stderr) as bar:
        yield lambda done, total: bar.update(max(0, done - bar.pos))


def _locations(kind: str, path: Path | None) -> list[Path]:
    if path is not None:
        return [path]
    found = catalog.found_here(kind, os.environ, Path.home())
    if not found:
        source = catalog.source(kind)
        raise InvalidInput(
            "path", "", f"{source.what} live in {source.where}; none found, name the folder"
        )
    return found


def _show_plan(plan: ImportPlan, dry_run: bool) -> None:
    if not dry_run:
        return
    click.echo(plan.summary() + " Nothing was written.")
    if plan.period:
        click.echo(f"Period: {plan.period[0].isoformat()} to {plan.period[1].isoformat()}.")
    for use in plan.uses[:10]:
        turns = plural(use.turns or 0, "turn")
        click.echo(
            f"{describe.when(use)}  {use.minutes:>3} min  {turns:>9}  "
            f"{terminal(use.task[:40]):40}  {use.suggested_pattern} "
            f"({use.suggestion_confidence or 0:.0%}): {use.suggestion_reason}"
        )


def _run_import(
    session: Session, kind: str, paths: list[Path], options: dict, dry_run: bool, output: str
) -> None:
    r.check_choice("format", output, OUTPUTS)
    plans = []
    with _progress(kind, paths) as progress:  # a bad file fails before the journal opens
        for path in paths:
            plans.append(plan_import(path, kind, progress=progress, **options))
    journal = session.journal()
    with journal.transaction():
        for plan in plans:
            finish_import(journal, plan, dry_run=dry_run)
    if output == "json":
        data = [p.as_dict() for p in plans]
        click.echo(json.dumps(data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False))
        if not dry_run:
            journal.backup_if_due()
        return
    for plan in plans:
        _show_plan(plan, dry_run)
    if not dry_run:
        saved(journal, " ".join(p.summary() for p in plans) + _REVIEW_HINT)


def _import_command(kind: str) -> None:
    """`import KIND PATH`: the same command for every source."""
    found = catalog.source(kind)
    optional = found.locations is not None
    help_text = (
        f"Import your {found.what} as AI uses to review ({found.where}). "
        f"Read: {found.reads}. Never read: {found.never}."
    )

    @import_.command(kind, help=help_text)
    @click.argument("path", required=not optional, type=click.Path(path_type=Path))
    @click.option("--dry-run", is_flag=True, help="Read it and say what would be added.")
    @click.option(
        "--from", "start", help="First day to import (YYYY-MM-DD or words: 2 weeks ago, …)."
    )
    @click.option("--to", "end", help="Last day to import (YYYY-MM-DD or words: 2 weeks ago, …).")
    @click.option(
        "--keep-first-message",
        is_flag=True,
        help="Keep your first message of each session (500 characters) as the note.",
    )
    @click.option("--format", "output", default="text", help="text or json.")
    @pass_session
    def command(
        session: Session,
        path: Path | None,
        dry_run: bool,
        start: str | None,
        end: str | None,
        keep_first_message: bool,
        output: str,
    ) -> None:
        options = {
            "since": day_or_none("from", start),
            "until": day_or_none("to", end),
            "keep_first_message": keep_first_message,
        }
        _run_import(session, kind, _locations(kind, path), options, dry_run, output)


for _kind in catalog.IDS:
    _import_command(_kind)


# ---- sources on this machine ---------------------------------------------------------------


@cli.group()
def sources() -> None:
    """Sources on this machine (Claude Code, Codex CLI, Aider, Open WebUI): list, switch on,
    read."""


@sources.command("list")
@click.option("--format", "fmt", default="table", help="table, json or csv.")
@pass_session
def sources_list(session: Session, fmt: str) -> None:
    """What each source would read, where, and whether it is switched on."""
    found = machine.survey(session.journal())
    if fmt == "json":
        click.echo(json.dumps([s.as_dict() for s in found], indent=2, ensure_ascii=False))
        return
    print_rows(
        [
            {
                "source": s.source.id,
                "on": s.enabled,
                "found": s.found_line(),
                "last read": (s.setting.last_read or "never")[:16].replace("T", " "),
            }
            for s in found
        ],
        fmt,
    )
    if fmt == "table":
        tell(
            "Switch one on with `aijournal sources enable SOURCE`; switched-on sources are read "
            "at every start of the app. Claude Code deletes its sessions after 30 days."
        )


@sources.command("enable")
@click.argument("source_id", metavar="SOURCE")
@click.option(
    "--path",
    "paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Where to read (Aider: each folder; Open WebUI: the export or webui.db copy).",
)
@pass_session
def sources_enable(session: Session, source_id: str, paths: tuple[Path, ...]) -> None:
    """Switch a source on: it is read now and at every start of the app."""
    setting = machine.enable(session.journal(), source_id, paths)
    where = ", ".join(setting.paths) or "its usual place"
    click.echo(
        f"{catalog.source(source_id).what} switched on ({where}). "
        "Read now with `aijournal sources scan`."
    )


@sources.command("disable")
@click.argument("source_id", metavar="SOURCE")
@pass_session
def sources_disable(session: Session, source_id: str) -> None:
    """Switch a source off; what was imported from it stays."""
    machine.disable(session.journal(), source_id)
    click.echo(f"{catalog.source(source_id).what} switched off.")


@sources.command("scan")
@click.argument("source_id", metavar="[SOURCE]", required=False)
@click.option("--dry-run", is_flag=True, help="Read and say what would be added.")
@click.option("--format", "output", default="text", help="text or json.")
@pass_session
def sources_scan(session: Session, source_id: str | None, dry_run: bool, output: str) -> None:
    """Read the switched-on sources now; new sessions wait in Review imports."""
    r.check_choice("format", output, OUTPUTS)
    journal = session.journal()
    readings = machine.read_enabled(journal, source_id)
    for reading in readings:
        if reading.error is not None:
            raise reading.error  # nothing is written when one source cannot be read
    machine.write_read(journal, readings, dry_run=dry_run)
    if output == "json":
        data = [{"source": x.source.id, "plans": [p.as_dict() for p in x.plans]} for x in readings]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if not readings:
        click.echo("No source is switched on; see `aijournal sources list`.")
    for reading in readings:
        click.echo(reading.line())


# ---- review --------------------------------------------------------------------------------


@cli.group()
def review() -> None:
    """Imported AI uses waiting for your word: list, confirm, undo."""


@review.command("list")
@click.option("--format", "fmt", default="table", help="table, json or csv.")
@pass_session
def review_list(session: Session, fmt: str) -> None:
    """The imports waiting for review, least sure suggestion first."""
    rows = []
    for use in reviewing.waiting(session.journal()):
        pattern = reviewing.suggested(use)
        rows.append(
            {
                "id": use.id if fmt != "table" else use.id[:8],
                "when": describe.when(use),
                "tool": use.tool,
                "task": use.task if fmt != "table" else use.task[:40],
                "minutes": use.minutes,
                "turns": use.turns,
                "suggested": pattern,
                "mode": mode_of(pattern).value,
                "sure": use.suggestion_confidence
                if fmt != "table"
                else f"{use.suggestion_confidence or 0:.0%}",
                "why": use.suggestion_reason,
            }
        )
    print_rows(rows, fmt, empty="Nothing to review.")


@review.command("confirm")
@click.argument("ids", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every import waiting for review.")
@click.option("--pattern", help="One pattern for all (default: each its own suggestion).")
@click.option("--goal", help="Link them to this goal.")
@click.option("--skill", "skills", multiple=True, help="Add this skill (repeat for more).")
@click.option("--replaced-person", is_flag=True, help="They stood in for asking a person.")
@pass_session
def review_confirm(
    session: Session,
    ids: tuple[str, ...],
    every: bool,
    pattern: str | None,
    goal: str | None,
    skills: tuple[str, ...],
    replaced_person: bool,
) -> None:
    """Confirm imports (by id, or the first 6+ characters of it), as suggested or as you say."""
    journal = session.journal()
    if every == bool(ids):
        raise InvalidInput("ids", " ".join(ids), "give the ids to confirm, or --all")
    chosen = [u.id for u in journal.to_review()] if every else reviewing.resolve(journal, ids)
    how = reviewing.Confirmation(
        pattern=pattern,
        goal_id=journal.goal_named(goal).id if goal else None,
        skills=tuple(skills),
        replaced_person=replaced_person,
    )
    done = reviewing.confirm(journal, chosen, how)
    saved(journal, done.line + " Undo with `aijournal review undo`.")


@review.command("undo")
@pass_session
def review_undo(session: Session) -> None:
    """Put the last confirmed imports back in the review list as they were."""
    journal = session.journal()
    count = reviewing.undo(journal)
    saved(journal, f"Put back {plural(count, 'AI use')} for review.")
