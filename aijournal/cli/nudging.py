"""Nudges from the command line: `nudges` lists them; `act`, `plan`, `snooze` and `dismiss`
do what the app's nudge cards do, through the same calls."""

from __future__ import annotations

import json

import click

from aijournal.cli.root import AHEAD_WORDS, Session, cli, day_or_none, pass_session, saved
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage import Journal


@cli.group(invoke_without_command=True)
@click.option("--format", "fmt", default="table", help="table or json.")
@click.option(
    "--all", "show_all", is_flag=True, help="Every nudge so far, dismissed and acted-on ones too."
)
@click.pass_context
def nudges(ctx: click.Context, fmt: str, show_all: bool) -> None:
    """Prompts to seek people: why each one fired, what to do, and the evidence."""
    if ctx.invoked_subcommand is not None:
        return
    from aijournal.connection import nudges as rules

    r.check_choice("format", fmt, ("table", "json"))
    session: Session = ctx.obj
    journal = session.journal()
    rules.refresh(journal)
    found = rules.explain(journal, journal.nudges() if show_all else rules.active(journal))
    if fmt == "json":
        click.echo(json.dumps([s.as_dict() for s in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo("No nudges right now.")
    for s in found:
        click.echo(f"{s.nudge.day.isoformat()}  {s.title}  [{s.nudge.status}, {s.nudge.id}]")
        for fact in s.why:
            click.echo(f"  Why: {fact}")
        click.echo(f"  Try: {s.what_to_do}")
        click.echo(f"  Evidence: {s.evidence}")
        click.echo(f"  Do: aijournal nudges act|snooze|dismiss {s.nudge.id[:8]}")


@nudges.command("act")
@click.argument("nudge_id")
@click.option("--touchpoint", "touchpoint_id", help="A touchpoint you logged for it already.")
@click.option("--person", help="Whom to reach out to (default: whom the nudge suggests).")
@click.option("--date", "day", help=f"Which day ({AHEAD_WORDS}; default today).")
@pass_session
def nudges_act(
    session: Session, nudge_id: str, touchpoint_id: str | None, person: str | None, day: str | None
) -> None:
    """Act on a nudge: plan the touchpoint it suggests (logging it closes the nudge), or link
    a touchpoint you already logged."""
    from aijournal.connection import nudges as rules

    journal = session.journal()
    nudge = rules.find(journal, nudge_id)
    if touchpoint_id:
        done = rules.acted(journal, nudge.id, touchpoint_id)
        saved(journal, f"Done: {rules.shown(done).title}, with the touchpoint you logged.")
        return
    person_id = (
        _person_id(journal, person)
        if person
        else rules.candidate_people(journal).get(nudge.rule_id)
    )
    _plan(journal, nudge, person_id, day)


@nudges.command("plan")
@click.argument("nudge_id")
@click.option("--person", help="Whom (default: anyone).")
@click.option("--date", "day", help=f"Which day ({AHEAD_WORDS}; default today).")
@pass_session
def nudges_plan(session: Session, nudge_id: str, person: str | None, day: str | None) -> None:
    """Plan a touchpoint for a nudge; you are reminded on that day."""
    from aijournal.connection import nudges as rules

    journal = session.journal()
    nudge = rules.find(journal, nudge_id)
    _plan(journal, nudge, _person_id(journal, person) if person else None, day)


@nudges.command("snooze")
@click.argument("nudge_id")
@click.option("--days", type=int, default=7, show_default=True)
@pass_session
def nudges_snooze(session: Session, nudge_id: str, days: int) -> None:
    """Hide a nudge for some days; it comes back after that."""
    from aijournal.connection import nudges as rules

    journal = session.journal()
    snoozed = rules.snooze(journal, rules.find(journal, nudge_id).id, days)
    saved(journal, f"Snoozed until {snoozed.snoozed_until}: {rules.shown(snoozed).title}.")


@nudges.command("dismiss")
@click.argument("nudge_id")
@pass_session
def nudges_dismiss(session: Session, nudge_id: str) -> None:
    """Dismiss a nudge (it does not come back within its cool-down)."""
    from aijournal.connection import nudges as rules

    journal = session.journal()
    dismissed = rules.dismiss(journal, rules.find(journal, nudge_id).id)
    saved(journal, f"Dismissed: {rules.shown(dismissed).title}.")


def _person_id(journal: Journal, name: str) -> str:
    found = journal.person_named(name)
    if found is None:
        names = ", ".join(p.name for p in journal.people()) or "add them with `person add` first"
        raise InvalidInput("person", name, f"use someone in your circle: {names}")
    return found.id


def _plan(journal: Journal, nudge: r.Nudge, person_id: str | None, day: str | None) -> None:
    from aijournal.connection import nudges as rules

    on = day_or_none("date", day, ahead=True) or journal.clock().date()
    planned = rules.plan(journal, nudge.id, person_id, on)
    who = journal.get(r.Person, person_id).name if person_id else None  # type: ignore[union-attr]
    with_whom = f" with {who}" if who else ""
    saved(
        journal,
        f"Planned a touchpoint{with_whom} on {planned.planned_day}; log it with "
        f"`aijournal touchpoint --kind …{' --person ' + repr(who) if who else ''}` "
        "and the nudge is done.",
    )
