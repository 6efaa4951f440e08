"""Your own check-in factors: `factor add`, `list`, `show`, `edit`, `archive`, `unarchive`."""

from __future__ import annotations

import json

import click

from aijournal.cli.root import Session, cli, day_or_none, pass_session, print_rows, saved
from aijournal.journaling import factors
from aijournal.model import records as r


@cli.group()
def factor() -> None:
    """Your own yes/no or 1–5 items in the daily check-in ("slept well", "focus")."""


@factor.command("add")
@click.argument("name")
@click.option("--kind", required=True, help="yes-no or scale (1–5).")
@click.option("--question", default="", help="What the check-in asks, e.g. 'Did you sleep well?'")
@pass_session
def factor_add(session: Session, name: str, kind: str, question: str) -> None:
    """Add a factor to the check-in; answer it with `checkin --factor NAME=VALUE`."""
    r.check_choice("kind", kind, r.FACTOR_KINDS)
    journal = session.journal()
    added = factors.add(journal, name, kind, question)
    saved(journal, f"Added the factor {added.name} ({factors.KIND_WORDS[added.kind]}).")


@factor.command("list")
@click.option("--format", "fmt", default="table", help="table, json or csv.")
@click.option("--all", "everything", is_flag=True, help="Include archived factors.")
@pass_session
def factor_list(session: Session, fmt: str, everything: bool) -> None:
    """Your factors, in the check-in's order, with how often each was answered."""
    from aijournal.analysis import trends

    journal = session.journal()
    shown = [f for f in journal.factors(archived=True) if everything or not f.archived]
    figures = {s.factor.id: s for s in trends.factor_summaries(journal)}
    rows = [{**factors.as_dict(f), **figures[f.id].as_dict()} for f in shown]
    if fmt == "table":
        for row in rows:
            del row["id"]
    print_rows(rows, fmt, empty="No factors yet; add one with `factor add NAME --kind yes-no`.")


@factor.command("show")
@click.argument("name")
@click.option("--from", "start", help="First day (YYYY-MM-DD).")
@click.option("--to", "end", help="Last day (YYYY-MM-DD).")
@click.option("--format", "fmt", default="table", help="table or json.")
@pass_session
def factor_show(session: Session, name: str, start: str | None, end: str | None, fmt: str) -> None:
    """One factor's Trends chart as numbers: yes share per week, or answers and 7-day means."""
    from aijournal.analysis import trends

    r.check_choice("format", fmt, ("table", "json"))
    journal = session.journal()
    found = journal.factor_named(name)
    chart = trends.factor_chart(journal, found, day_or_none("from", start), day_or_none("to", end))
    rows = chart.rows()
    if fmt == "json":
        click.echo(json.dumps({**factors.as_dict(found), "points": rows}, indent=2))
        return
    click.echo(chart.title + (" (archived)" if found.archived else ""))
    print_rows(rows, fmt, empty=chart.shortfall or "Not answered in these days.")


@factor.command("edit")
@click.argument("name")
@click.option("--name", "new_name", help="A new name (its answers stay).")
@click.option("--question", help="A new question ('' for none).")
@pass_session
def factor_edit(session: Session, name: str, new_name: str | None, question: str | None) -> None:
    """Rename a factor or change its question; its kind stays."""
    journal = session.journal()
    edited = factors.edit(journal, journal.factor_named(name), name=new_name, question=question)
    saved(journal, f"Saved the factor {edited.name}.")


@factor.command("archive")
@click.argument("name")
@pass_session
def factor_archive(session: Session, name: str) -> None:
    """Take a factor off the check-in; its answers stay in Trends, Insights and exports."""
    journal = session.journal()
    found = factors.set_archived(journal, journal.factor_named(name), True)
    saved(journal, f"Archived {found.name}: no longer asked, its answers kept.")


@factor.command("unarchive")
@click.argument("name")
@pass_session
def factor_unarchive(session: Session, name: str) -> None:
    """Put an archived factor back in the check-in."""
    journal = session.journal()
    found = factors.set_archived(journal, journal.factor_named(name), False)
    saved(journal, f"{found.name} is back in the check-in.")
