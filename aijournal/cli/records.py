"""The named records: `person`, `skill` and `goal` and their subcommands."""

from __future__ import annotations

import json

import click

from aijournal.cli.root import (
    AHEAD_WORDS,
    DAY_WORDS,
    Session,
    cli,
    day_or_none,
    day_or_today,
    pass_session,
    print_rows,
    saved,
)
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.presentation import percent


@cli.group()
def person() -> None:
    """Your connection circle."""


@person.command("add")
@click.argument("name")
@click.option("--relationship", default="other", help=", ".join(r.RELATIONSHIPS))
@click.option("--cadence", type=int, help="Desired days between contacts.")
@pass_session
def person_add(session: Session, name: str, relationship: str, cadence: int | None) -> None:
    """Add someone to your circle."""
    record = r.Person(name=name, relationship=relationship, cadence_days=cadence)
    journal = session.journal()
    journal.add(record)
    saved(journal, f"Added {record.name} ({record.relationship}) to your circle.")


@person.command("list")
@click.option("--format", "fmt", default="table", help="table or json.")
@click.option("--archived", is_flag=True, help="Include archived people.")
@pass_session
def person_list(session: Session, fmt: str, archived: bool) -> None:
    """Everyone in your circle, most overdue first."""
    from aijournal.connection import circle

    rows = [
        {
            "name": c.person.name,
            "relationship": c.person.relationship,
            "cadence_days": c.person.cadence_days,
            "last_contact": c.last_contact.isoformat() if c.last_contact else None,
            "overdue_days": c.overdue_days,
        }
        for c in circle.contacts(session.journal(), archived=archived)
    ]
    print_rows(rows, fmt, empty="Nobody in your circle yet; add someone with `person add`.")


@person.command("archive")
@click.argument("name")
@pass_session
def person_archive(session: Session, name: str) -> None:
    """Archive someone (kept in old entries, hidden from the circle)."""
    journal = session.journal()
    found = journal.person_named(name)
    if found is None:
        raise InvalidInput("name", name, "use the name of someone in your circle")
    journal.update(found.touched(archived=True))
    saved(journal, f"Archived {found.name}.")


@cli.group()
def skill() -> None:
    """Skills you grow, with AI and with people."""


@skill.command("add")
@click.argument("name")
@click.option("--niche", is_flag=True, help="Part of your niche.")
@pass_session
def skill_add(session: Session, name: str, niche: bool) -> None:
    record = r.Skill(name=name, niche=niche)
    journal = session.journal()
    journal.add(record)
    saved(journal, f"Added the skill {record.name}.")


@skill.command("rate")
@click.argument("name")
@click.argument("rating", type=int)
@click.option("--note", default="", help="What changed, in one line.")
@click.option("--date", "day", help=f"The day ({DAY_WORDS}; default today).")
@pass_session
def skill_rate(session: Session, name: str, rating: int, note: str, day: str | None) -> None:
    """Rate yourself 1–5 on a skill (a dated self-rating)."""
    on = day_or_today("date", day)
    record = r.SkillRating(skill=name, day=on, rating=rating, note=note)
    journal = session.journal()
    journal.rate_skill(record)
    saved(journal, f"Rated {record.skill} {record.rating}/5 on {on.isoformat()}.")


@skill.command("list")
@click.option("--format", "fmt", default="table", help="table, json or csv.")
@pass_session
def skill_list(session: Session, fmt: str) -> None:
    """Your skills, most recent growth first: rating, 90-day change, minutes by source."""
    from aijournal.growth import skills as growth

    overview = growth.skill_overview(session.journal(), r.now().date())
    if fmt != "table":
        print_rows([g.as_dict() for g in overview], fmt)
        return
    rows = [
        {
            "skill": g.name,
            "niche": g.niche,
            "rating": g.rating,
            "90_days": _signed(g.change_90d),
            "min_with_AI": g.with_ai.minutes,
            "min_by_AI": g.by_ai.minutes,
            "min_from_people": g.from_people.minutes,
            "last_practised": g.last_practised,
            "note": "only delegated to AI" if g.only_delegated else "",
        }
        for g in overview
    ]
    print_rows(rows, fmt, empty="No skills yet; add one with `skill add`.")


@skill.command("show")
@click.argument("name")
@click.option("--format", "fmt", default="table", help="table or json.")
@pass_session
def skill_show(session: Session, name: str, fmt: str) -> None:
    """One skill's ratings, AI sessions, people who helped and minutes per month."""
    from aijournal.growth import skills as growth

    r.check_choice("format", fmt, ("table", "json"))
    line = growth.skill_timeline(session.journal(), name)
    if fmt == "json":
        click.echo(json.dumps(line.as_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(line.skill.name + (" (niche)" if line.skill.niche else ""))
    sections = (
        (
            "Ratings",
            [{"day": x.day, "rating": x.rating, "what_changed": x.note} for x in line.ratings],
        ),
        (
            "AI sessions",
            [
                {
                    "day": x.day,
                    "pattern": x.pattern,
                    "source": x.source.label,
                    "minutes": x.minutes,
                    "tool": x.tool,
                }
                for x in line.ai_sessions
            ],
        ),
        (
            "People who helped",
            [
                {"day": x.day, "kind": x.kind, "minutes": x.minutes, "person": x.person}
                for x in line.people
            ],
        ),
        (
            "Minutes per month",
            [
                {
                    "month": x.month,
                    "with_AI": x.with_ai,
                    "by_AI": x.by_ai,
                    "from_people": x.from_people,
                }
                for x in line.months
            ],
        ),
    )
    for title, rows in sections:
        click.echo(f"\n{title}:")
        print_rows(rows, fmt, empty="None yet.")


@skill.command("niche")
@click.argument("name")
@click.option("--off", is_flag=True, help="Take the skill out of your niche.")
@pass_session
def skill_niche(session: Session, name: str, off: bool) -> None:
    """Mark a skill as part of your niche (or, with --off, not)."""
    from aijournal.growth import skills as growth

    journal = session.journal()
    found = growth.set_niche(journal, name, not off)
    saved(journal, f"{found.name} is {'no longer ' if off else ''}part of your niche.")


def _signed(change: int | None) -> str | None:
    return None if change is None else f"{change:+d}"


@cli.group()
def goal() -> None:
    """Goals your AI use can serve."""


@goal.command("add")
@click.argument("name")
@click.option("--kind", default="personal", help=", ".join(r.GOAL_KINDS))
@click.option("--target", help=f"Target date ({AHEAD_WORDS}).")
@pass_session
def goal_add(session: Session, name: str, kind: str, target: str | None) -> None:
    record = r.Goal(
        name=name, kind=kind, target_date=day_or_none("target date", target, ahead=True)
    )
    journal = session.journal()
    journal.add(record)
    saved(journal, f"Added the goal {record.name}.")


@goal.command("list")
@click.option("--format", "fmt", default="table", help="table, json or csv.")
@click.option("--archived", is_flag=True, help="Include archived goals.")
@pass_session
def goal_list(session: Session, fmt: str, archived: bool) -> None:
    """Your goals with the AI time that served them, and the share of AI time aligned."""
    from aijournal.growth import skills as growth

    journal, today = session.journal(), r.now().date()
    goals = [g for g in growth.goal_overview(journal, today) if archived or not g.goal.archived]
    aligned = growth.alignment(journal, today)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"goals": [g.as_dict() for g in goals], "alignment": aligned.as_dict()},
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    rows = [g.as_dict() for g in goals]
    print_rows(rows, fmt, empty="No goals yet; add one with `goal add`.")
    if fmt == "table":
        click.echo(
            f"\nAlignment: {percent(aligned.share)} of AI minutes served a goal"
            f" ({percent(aligned.recent_share)} in the last 4 weeks)."
        )


@goal.command("show")
@click.argument("name")
@click.option("--format", "fmt", default="table", help="table or json.")
@pass_session
def goal_show(session: Session, name: str, fmt: str) -> None:
    """One goal: AI minutes and touchpoints per month, AI minutes by pattern."""
    from aijournal.growth import skills as growth

    r.check_choice("format", fmt, ("table", "json"))
    detail = growth.goal_detail(session.journal(), name, r.now().date())
    if fmt == "json":
        click.echo(json.dumps(detail.as_dict(), indent=2, ensure_ascii=False))
        return
    f = detail.figures
    click.echo(
        f"{f.goal.name} ({f.goal.kind}): {f.ai_minutes} AI minutes in {f.ai_uses} uses,"
        f" {f.recent_ai_minutes} in the last 4 weeks; {f.touchpoints} touchpoints."
    )
    click.echo("\nPer month:")
    print_rows(detail.months, fmt, empty="None yet.")
    click.echo("\nAI minutes by pattern:")
    print_rows(
        [{"pattern": p, "minutes": m} for p, m in detail.patterns.items()], fmt, empty="None yet."
    )
