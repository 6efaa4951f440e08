"""Reading the journal: `list`, `stats`, `insights`, `calendar`."""

from __future__ import annotations

import json

import click

from aijournal.cli.root import FORMATS, Session, cli, day_or_none, pass_session, print_rows
from aijournal.journaling import describe
from aijournal.model import records as r
from aijournal.model.presentation import number, percent, terminal


@cli.command("list")
@click.option("--kind", "kinds", multiple=True, help=", ".join(r.ENTRY_KINDS) + " (repeatable).")
@click.option("--from", "start", help="First day (YYYY-MM-DD or words: 2 weeks ago, mon, …).")
@click.option("--to", "end", help="Last day (YYYY-MM-DD or words: 2 weeks ago, mon, …).")
@click.option("--tool")
@click.option("--pattern")
@click.option("--person")
@click.option("--skill")
@click.option("--search", help="Text in notes.")
@click.option("--to-review", is_flag=True, help="Only imported AI uses waiting for review.")
@click.option("--limit", type=int)
@click.option(
    "--on-this-day",
    is_flag=True,
    help="Instead: the check-ins and notes of a month and a year ago (private to you).",
)
@click.option("--format", "fmt", default="table", help="table, json or csv.")
@pass_session
def list_entries(
    session: Session,
    kinds: tuple[str, ...],
    start: str | None,
    end: str | None,
    tool: str | None,
    pattern: str | None,
    person: str | None,
    skill: str | None,
    search: str | None,
    to_review: bool,
    limit: int | None,
    fmt: str,
    on_this_day: bool = False,
) -> None:
    """Entries, newest first."""
    from aijournal.model.patterns import PATTERN_IDS
    from aijournal.storage.entries import EntryFilter

    r.check_choice("format", fmt, FORMATS)
    if on_this_day:
        _on_this_day(session, fmt)
        return
    for kind in kinds:
        r.check_choice("kind", kind, r.ENTRY_KINDS)
    if pattern:
        r.check_choice("pattern", pattern, PATTERN_IDS)
    if limit is not None:
        r.check_scale("limit", limit, 1, 10**9)
    wanted = EntryFilter(
        kinds=kinds or r.ENTRY_KINDS,
        start=day_or_none("from", start),
        end=day_or_none("to", end),
        tool=tool,
        pattern=pattern,
        person=person,
        skill=skill,
        text=search,
        limit=limit,
        to_review=to_review,
    )
    journal = session.journal()
    entries = journal.entries(wanted)
    factors = {f.id: f for f in journal.factors(archived=True)}
    if fmt == "table":
        if not entries:
            click.echo("No entries match.")
        for entry in entries:
            label = describe.KIND_LABELS[entry.record_kind]
            title = terminal(describe.title(entry, factors))  # imported titles come from outside
            click.echo(f"{describe.when(entry):16}  {label:10}  {title}")
        return
    print_rows([describe.as_dict(e, factors) for e in entries], fmt)


def _on_this_day(session: Session, fmt: str) -> None:
    """`list --on-this-day`: what Today shows under "On this day", whatever the setting."""
    from aijournal.journaling import lookback

    journal = session.journal()
    days = lookback.on_this_day(journal, journal.clock().date())
    if fmt == "json":
        click.echo(json.dumps([d.as_dict() for d in days], indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        rows = [
            {
                "ago": d.ago,
                "day": d.day.isoformat(),
                **{k: getattr(d.checkin, k, None) for k in ("burnout", "connection", "energy")},
                "note": d.checkin.note if d.checkin else "",
                "entries": d.entries,
                "entry_notes": [f"{n.kind} · {n.title}: {n.text}" for n in d.notes],
            }
            for d in days
        ]
        print_rows(rows, fmt)
        return
    if not days:
        click.echo("Nothing was logged a month or a year ago today.")
    for d in days:
        line = d.checkin_line() or "no check-in"
        click.echo(f"{d.ago.capitalize()} ({d.day.isoformat()}): {line}")
        if d.checkin and d.checkin.note:
            click.echo(f"  “{terminal(d.checkin.note)}”")
        for n in d.notes:
            click.echo(f"  {n.kind} · {terminal(n.title)}: {terminal(n.text)}")


@cli.command()
@click.option("--from", "start", help="First day (YYYY-MM-DD or words: 2 weeks ago, mon, …).")
@click.option("--to", "end", help="Last day (YYYY-MM-DD or words: 2 weeks ago, mon, …).")
@click.option("--format", "fmt", default="table", help="table or json.")
@pass_session
def stats(session: Session, start: str | None, end: str | None, fmt: str) -> None:
    """Per week: augmentation share, AI minutes, touchpoints, replaced-person uses, moods."""
    from aijournal.analysis import stats as weekly_stats

    r.check_choice("format", fmt, ("table", "json"))
    weeks = weekly_stats.weekly(
        session.journal(), day_or_none("from", start), day_or_none("to", end)
    )
    if fmt == "json":
        click.echo(json.dumps([w.as_dict() for w in weeks], indent=2))
        return
    if not weeks:
        click.echo("Nothing logged yet.")
        return
    click.echo(
        f"{'week of':10}  {'AI uses':>7}  {'augm.':>5}  {'AI min':>6}  {'replaced':>8}"
        f"  {'touchp.':>7}  {'burnout':>7}  {'connect.':>8}"
    )
    for w in weeks:
        click.echo(
            f"{w.start.isoformat():10}  {w.ai_uses:>7}  {percent(w.augmentation_share):>5}"
            f"  {w.ai_minutes:>6}  {w.replaced:>8}  {w.touchpoints:>7}"
            f"  {number(w.burnout_mean):>7}  {number(w.connection_mean):>8}"
        )


@cli.command()
@click.option(
    "--from",
    "start",
    help="Count analysis periods from this day (YYYY-MM-DD or words: 2 weeks ago, mon, …).",
)
@click.option(
    "--to",
    "end",
    help="Use only periods that end by this day (YYYY-MM-DD or words: 2 weeks ago, mon, …).",
)
@click.option("--format", "fmt", default="table", help="table or json.")
@pass_session
def insights(session: Session, start: str | None, end: str | None, fmt: str) -> None:
    """Findings that hold up statistically, from fixed periods of your journal."""
    from aijournal.analysis import insights as findings

    r.check_choice("format", fmt, ("table", "json"))
    found = findings.run(session.journal(), day_or_none("from", start), day_or_none("to", end))
    if fmt == "json":
        click.echo(json.dumps(found.as_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(found.summary())
    for insight in found.findings:
        click.echo(f"- {insight.text}")
        click.echo(f"  {insight.details}")
    if found.window is None:
        return
    if not found.findings:
        click.echo(
            f"No finding this time: each needs at least {findings.MIN_DAYS} paired days and a "
            "pattern that holds up when all the questions are tested together."
        )
    click.echo(findings.error_rate(found.alpha))
    click.echo(findings.CAVEAT)


@cli.command("calendar")
@click.option("--year", type=int, help="Which year (default: this year).")
@click.option("--month", type=int, help="Only this month, 1–12.")
@click.option("--measure", default="burnout", show_default=True, help="burnout or connection.")
@click.option("--format", "fmt", default="text", show_default=True, help="text or json.")
@pass_session
def calendar_command(
    session: Session, year: int | None, month: int | None, measure: str, fmt: str
) -> None:
    """A year (or month) at a glance: each day's check-in, and the current and longest
    streak of days checked in."""
    from aijournal.analysis import calendar

    r.check_choice("format", fmt, ("text", "json"))
    journal = session.journal()
    year = journal.clock().year if year is None else year
    shown = calendar.build(journal, year, month, measure)
    if fmt == "json":
        click.echo(json.dumps(shown.as_json(), indent=2))
        return
    click.echo("\n".join(calendar.text_lines(shown)))
