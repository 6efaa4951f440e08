"""The command line: quick capture and scripting over the same calls the desktop app makes.

Exit codes: 0 success, 2 invalid input (one line naming the field, the value and what is
allowed), 3 the journal cannot be unlocked, 1 anything else the user can act on. Nothing is
written on any failure. Capture commands import neither Qt nor the statistics code.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import click

from aijournal.journaling import describe
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput, JournalError, SecretStoreUnavailable, UnlockError
from aijournal.storage import DataPaths, Journal, SecretStore
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
                self.paths, passphrase=_current_passphrase, store=self.store
            )
        return self._journal

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()


def _interactive() -> bool:
    return sys.stdin.isatty()


def _current_passphrase() -> str | None:
    if given := os.environ.get(PASSPHRASE_ENV):
        return given
    if _interactive():
        return click.prompt("Passphrase", hide_input=True, err=True)
    return None


def _new_passphrase(env: str = PASSPHRASE_ENV) -> Key:
    """A passphrase for a new key: from `env`, or typed twice on a terminal."""
    if given := os.environ.get(env):
        return Key.from_passphrase(given)
    if not _interactive():
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


def _note(text: str) -> None:
    click.echo(text, err=True)


pass_session = click.make_pass_decorator(Session)


class JournalCommands(click.Group):
    """The command group; every error the user can act on becomes one line and an exit code."""

    def main(self, args=None, prog_name=None, **extra):  # type: ignore[override]
        extra["standalone_mode"] = False
        sys.exit(_run(lambda: super(JournalCommands, self).main(args, prog_name, **extra)))


@click.group(
    cls=JournalCommands,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="AIJOURNAL_HOME",
    help="Journal folder (default: your user data folder).",
)
@click.version_option(package_name="aijournal")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None) -> None:
    """AI Journal: a private, encrypted journal of how you work with AI and with people.

    With no command, opens the desktop app.
    """
    session = Session(DataPaths.resolve(data_dir))
    ctx.obj = session
    ctx.call_on_close(session.close)
    if ctx.invoked_subcommand is None:
        from aijournal.ui.app import run

        ctx.exit(run(session.paths, session.store))


# ---- the journal itself ---------------------------------------------------------------------


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
        _note(
            f"No working secret store ({problem.rstrip('.')}); "
            "protecting the journal with a passphrase instead."
        )
    if session.paths.db.exists() or session.paths.config.exists():
        from aijournal.model.errors import JournalExists

        raise JournalExists(session.paths.root)
    return Journal.create(session.paths, _new_passphrase(), store=session.store)


@cli.group()
def key() -> None:
    """Where the journal's key lives, and changing it."""


@key.command("status")
@pass_session
def key_status(session: Session) -> None:
    """Say where the key lives (does not unlock the journal)."""
    from aijournal.storage.unlock import JournalConfig

    if not session.paths.config.exists():
        from aijournal.model.errors import NoJournal

        raise NoJournal(session.paths.root)
    config = JournalConfig.read(session.paths)
    click.echo(config.describe(session.store))
    if config.protection == "keyring" and (problem := session.store.problem()):
        click.echo(f"Warning: the secret store is not usable right now: {problem}.")


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
        new = _new_passphrase(env)
    journal.change_key(new)
    click.echo("The journal has a new key. " + journal.describe_key())


# ---- capture ---------------------------------------------------------------------------------


def _moment(text: str | None, name: str = "when"):
    return r.parse_moment(name, text) if text else r.now()


def _goal_id(journal: Journal, name: str | None) -> str | None:
    return journal.goal_named(name).id if name else None


def _saved(journal: Journal, text: str) -> None:
    click.echo(text)
    journal.backup_if_due()


@cli.command("log-ai")
@click.argument("task", required=False, default="")
@click.option("--tool", required=True, help="ChatGPT, Claude, Copilot, Gemini, …")
@click.option(
    "--pattern",
    required=True,
    help="directive, feedback-loop (automation); task-iteration, learning, "
    "validation (augmentation).",
)
@click.option("--minutes", type=int, required=True)
@click.option("--skill", "skills", multiple=True, help="A skill this touched (repeatable).")
@click.option("--goal", help="The goal this served (see `goal list`).")
@click.option(
    "--replaced-person", is_flag=True, help="This stood in for asking or working with a person."
)
@click.option("--outcome", type=int, help="How well it went, 1–5.")
@click.option("--when", help="When it started (ISO date/time; default now).")
@click.option("--note", default="", help="A private note.")
@pass_session
def log_ai(
    session: Session,
    task: str,
    tool: str,
    pattern: str,
    minutes: int,
    skills: tuple[str, ...],
    goal: str | None,
    replaced_person: bool,
    outcome: int | None,
    when: str | None,
    note: str,
) -> None:
    """Log one session with an AI tool."""
    started = _moment(when)
    journal = session.journal()
    use = journal.add(
        r.AIUse(
            started_at=started,
            tool=tool,
            pattern=pattern,
            minutes=minutes,
            task=task,
            skills=skills,
            goal_id=_goal_id(journal, goal),
            replaced_person=replaced_person,
            outcome=outcome,
            note=note,
            source="cli",
        )
    )
    _saved(journal, f"Logged: {describe.title(use)}.")


@cli.command()
@click.option(
    "--burnout",
    type=int,
    required=True,
    help="1 enjoy my work … 5 completely burned out (single-item measure).",
)
@click.option(
    "--connection",
    type=int,
    required=True,
    help="1–5: today I felt connected to the people I work with.",
)
@click.option(
    "--safety",
    type=int,
    help="1–5: today I could ask for help or say 'I don't know' without worry.",
)
@click.option("--conversations", type=int, help="Meaningful conversations with people today.")
@click.option(
    "--asked-advice/--no-asked-advice",
    default=None,
    help="Whether you asked a person for advice today.",
)
@click.option("--energy", type=int, help="1–5.")
@click.option("--note", default="", help="A private note.")
@click.option("--date", "day", help="The day (YYYY-MM-DD; default today).")
@pass_session
def checkin(
    session: Session,
    burnout: int,
    connection: int,
    safety: int | None,
    conversations: int | None,
    asked_advice: bool | None,
    energy: int | None,
    note: str,
    day: str | None,
) -> None:
    """Record the daily check-in (a second one for the same day updates it)."""
    on = r.parse_day("date", day) if day else r.now().date()
    given = {
        "burnout": burnout,
        "connection": connection,
        "safety": safety,
        "conversations": conversations,
        "asked_advice": asked_advice,
        "energy": energy,
        "note": note or None,
    }
    record = r.Checkin(day=on, **{k: v for k, v in given.items() if v is not None})
    journal = session.journal()
    if existing := journal.checkin_on(on):  # keep what this command does not mention
        record = replace(existing, **{k: v for k, v in given.items() if v is not None})
    stored, created = journal.save_checkin(record)
    verb = "Checked in" if created else "Updated the check-in"
    _saved(journal, f"{verb} for {stored.day.isoformat()}: {describe.title(stored)}.")


@cli.command()
@click.argument("note", required=False, default="")
@click.option("--kind", required=True, help=", ".join(r.TOUCHPOINT_KINDS))
@click.option("--person", help="Who (added to your circle if new).")
@click.option("--minutes", type=int)
@click.option("--quality", type=int, help="1–5.")
@click.option("--skill", "skills", multiple=True, help="A skill you learned (repeatable).")
@click.option("--when", help="When (ISO date/time; default now).")
@pass_session
def touchpoint(
    session: Session,
    note: str,
    kind: str,
    person: str | None,
    minutes: int | None,
    quality: int | None,
    skills: tuple[str, ...],
    when: str | None,
) -> None:
    """Record a human interaction worth remembering."""
    record = r.Touchpoint(
        at=_moment(when),
        kind=kind,
        person=person,
        minutes=minutes,
        quality=quality,
        skills=skills,
        note=note,
    )
    journal = session.journal()
    new_person = person is not None and journal.person_named(person) is None
    stored = journal.add(record)
    if new_person:
        click.echo(f"Added {stored.person} to your circle.")
    _saved(journal, f"Logged: {describe.title(stored)}.")


@cli.command()
@click.argument("instrument")
@click.option("--answers", help="Comma-separated answers, e.g. 3,4,5,2,1 (else asked here).")
@click.option("--date", "day", help="The day (YYYY-MM-DD; default today).")
@pass_session
def assess(session: Session, instrument: str, answers: str | None, day: str | None) -> None:
    """Take a validated instrument: who5, cbi, ucla3 or burnout."""
    from aijournal.wellbeing import assessing, instruments

    spec = instruments.instrument(instrument)
    on = r.parse_day("date", day) if day else None
    if answers is not None:
        given = instruments.parse_answers(answers)
    elif _interactive():
        given = _ask_items(spec)
    else:
        raise InvalidInput("answers", "", "give --answers like 3,4,5,2,1 (no terminal to ask)")
    instruments.score(instrument, given)  # invalid answers fail before the journal opens
    journal = session.journal()
    _, result = assessing.take(journal, instrument, given, on)
    score = "no score" if result.score is None else f"{result.score:g}"
    _saved(journal, f"{spec.name}: {score}. {result.message}".strip())


def _ask_items(spec) -> list[int | None]:
    click.echo(spec.intro, err=True)
    answers: list[int | None] = []
    for item in spec.items:
        click.echo(f"\n{item.number}. {item.text}", err=True)
        for option in item.options:
            click.echo(f"   {option.value}  {option.label}", err=True)
        choice = click.Choice(
            [str(o.value) for o in item.options] + (["-"] if spec.allows_blank else [])
        )
        picked = click.prompt("Answer", type=choice, err=True)
        answers.append(None if picked == "-" else int(picked))
    return answers


# ---- people, skills, goals -------------------------------------------------------------------


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
    if journal.person_named(record.name):
        raise InvalidInput("name", record.name, "that person is already in your circle")
    journal.add(record)
    _saved(journal, f"Added {record.name} ({record.relationship}) to your circle.")


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
    _print_rows(rows, fmt, empty="Nobody in your circle yet; add someone with `person add`.")


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
    _saved(journal, f"Archived {found.name}.")


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
    if journal.skill_named(record.name):
        raise InvalidInput("skill", record.name, "that skill exists already")
    journal.add(record)
    _saved(journal, f"Added the skill {record.name}.")


@skill.command("rate")
@click.argument("name")
@click.argument("rating", type=int)
@click.option("--note", default="", help="What changed, in one line.")
@click.option("--date", "day", help="The day (YYYY-MM-DD; default today).")
@pass_session
def skill_rate(session: Session, name: str, rating: int, note: str, day: str | None) -> None:
    """Rate yourself 1–5 on a skill (a dated self-rating)."""
    on = r.parse_day("date", day) if day else r.now().date()
    record = r.SkillRating(skill=name, day=on, rating=rating, note=note)
    journal = session.journal()
    journal.rate_skill(record)
    _saved(journal, f"Rated {record.skill} {record.rating}/5 on {on.isoformat()}.")


@skill.command("list")
@click.option("--format", "fmt", default="table", help="table, json or csv.")
@pass_session
def skill_list(session: Session, fmt: str) -> None:
    """Your skills, most recent growth first: rating, 90-day change, minutes by source."""
    from aijournal.growth import skills as growth

    overview = growth.skill_overview(session.journal(), r.now().date())
    if fmt != "table":
        _print_rows([g.as_dict() for g in overview], fmt)
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
    _print_rows(rows, fmt, empty="No skills yet; add one with `skill add`.")


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
        _print_rows(rows, fmt, empty="None yet.")


@skill.command("niche")
@click.argument("name")
@click.option("--off", is_flag=True, help="Take the skill out of your niche.")
@pass_session
def skill_niche(session: Session, name: str, off: bool) -> None:
    """Mark a skill as part of your niche (or, with --off, not)."""
    from aijournal.growth import skills as growth

    journal = session.journal()
    found = growth.set_niche(journal, name, not off)
    _saved(journal, f"{found.name} is {'no longer ' if off else ''}part of your niche.")


def _signed(change: int | None) -> str | None:
    return None if change is None else f"{change:+d}"


@cli.group()
def goal() -> None:
    """Goals your AI use can serve."""


@goal.command("add")
@click.argument("name")
@click.option("--kind", default="personal", help=", ".join(r.GOAL_KINDS))
@click.option("--target", help="Target date (YYYY-MM-DD).")
@pass_session
def goal_add(session: Session, name: str, kind: str, target: str | None) -> None:
    record = r.Goal(
        name=name, kind=kind, target_date=r.parse_day("target date", target) if target else None
    )
    journal = session.journal()
    if any(g.name.casefold() == record.name.casefold() for g in journal.goals(archived=True)):
        raise InvalidInput("goal", record.name, "that goal exists already")
    journal.add(record)
    _saved(journal, f"Added the goal {record.name}.")


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
    _print_rows(rows, fmt, empty="No goals yet; add one with `goal add`.")
    if fmt == "table":
        click.echo(
            f"\nAlignment: {_pct(aligned.share)} of AI minutes served a goal"
            f" ({_pct(aligned.recent_share)} in the last 4 weeks)."
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
    _print_rows(detail.months, fmt, empty="None yet.")
    click.echo("\nAI minutes by pattern:")
    _print_rows(
        [{"pattern": p, "minutes": m} for p, m in detail.patterns.items()], fmt, empty="None yet."
    )


# ---- reading ---------------------------------------------------------------------------------


@cli.command("list")
@click.option("--kind", "kinds", multiple=True, help=", ".join(r.ENTRY_KINDS) + " (repeatable).")
@click.option("--from", "start", help="First day (YYYY-MM-DD).")
@click.option("--to", "end", help="Last day (YYYY-MM-DD).")
@click.option("--tool")
@click.option("--pattern")
@click.option("--person")
@click.option("--skill")
@click.option("--search", help="Text in notes.")
@click.option("--to-review", is_flag=True, help="Only imported AI uses waiting for review.")
@click.option("--limit", type=int)
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
) -> None:
    """Entries, newest first."""
    from aijournal.model.patterns import PATTERN_IDS
    from aijournal.storage.journal import EntryFilter

    r.check_choice("format", fmt, FORMATS)
    for kind in kinds:
        r.check_choice("kind", kind, r.ENTRY_KINDS)
    if pattern:
        r.check_choice("pattern", pattern, PATTERN_IDS)
    if limit is not None:
        r.check_scale("limit", limit, 1, 10**9)
    wanted = EntryFilter(
        kinds=kinds or r.ENTRY_KINDS,
        start=_day_or_none("from", start),
        end=_day_or_none("to", end),
        tool=tool,
        pattern=pattern,
        person=person,
        skill=skill,
        text=search,
        limit=limit,
        to_review=to_review,
    )
    entries = session.journal().entries(wanted)
    if fmt == "table":
        if not entries:
            click.echo("No entries match.")
        for entry in entries:
            label = describe.KIND_LABELS[entry.record_kind]
            click.echo(f"{describe.when(entry):16}  {label:10}  {describe.title(entry)}")
        return
    _print_rows([describe.as_dict(e) for e in entries], fmt)


def _day_or_none(name: str, text: str | None) -> date | None:
    return r.parse_day(name, text) if text else None


@cli.command()
@click.option("--from", "start", help="First day (YYYY-MM-DD).")
@click.option("--to", "end", help="Last day (YYYY-MM-DD).")
@click.option("--format", "fmt", default="table", help="table or json.")
@pass_session
def stats(session: Session, start: str | None, end: str | None, fmt: str) -> None:
    """Per week: augmentation share, AI minutes, touchpoints, replaced-person uses, moods."""
    from aijournal.analysis import stats as weekly_stats

    r.check_choice("format", fmt, ("table", "json"))
    weeks = weekly_stats.weekly(
        session.journal(), _day_or_none("from", start), _day_or_none("to", end)
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
            f"{w.start.isoformat():10}  {w.ai_uses:>7}  {_pct(w.augmentation_share):>5}"
            f"  {w.ai_minutes:>6}  {w.replaced:>8}  {w.touchpoints:>7}"
            f"  {_mean(w.burnout_mean):>7}  {_mean(w.connection_mean):>8}"
        )


@cli.command()
@click.option("--format", "fmt", default="table", help="table or json.")
@click.option(
    "--all", "show_all", is_flag=True, help="Every nudge so far, dismissed and acted-on ones too."
)
@pass_session
def nudges(session: Session, fmt: str, show_all: bool) -> None:
    """Prompts to seek people: why each one fired, what to do, and the evidence."""
    from aijournal.connection import nudges as rules

    r.check_choice("format", fmt, ("table", "json"))
    journal = session.journal()
    rules.refresh(journal)
    found = [rules.shown(n) for n in (journal.nudges() if show_all else rules.active(journal))]
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


@cli.command()
@click.option("--from", "start", help="First day (YYYY-MM-DD).")
@click.option("--to", "end", help="Last day (YYYY-MM-DD).")
@click.option("--format", "fmt", default="table", help="table or json.")
@pass_session
def insights(session: Session, start: str | None, end: str | None, fmt: str) -> None:
    """Findings from your journal that hold up statistically (14 days or more)."""
    from aijournal.analysis import insights as findings

    r.check_choice("format", fmt, ("table", "json"))
    found = findings.findings(
        session.journal(), _day_or_none("from", start), _day_or_none("to", end)
    )
    if fmt == "json":
        click.echo(json.dumps([i.as_dict() for i in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo(
            f"No findings yet: they need at least {findings.MIN_DAYS} days of "
            "check-ins and a pattern clear enough to rule out chance."
        )
        return
    for insight in found:
        click.echo(f"- {insight.text}")
    click.echo(findings.CAVEAT)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _print_rows(rows: Sequence[dict[str, Any]], fmt: str, empty: str = "Nothing yet.") -> None:
    r.check_choice("format", fmt, FORMATS)
    if fmt == "json":
        click.echo(json.dumps(list(rows), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in rows)
    elif not rows:
        click.echo(empty)
    else:
        widths = {k: max(len(k), *(len(_csv_cell(row[k])) for row in rows)) for k in rows[0]}
        click.echo("  ".join(k.replace("_", " ").ljust(w) for k, w in widths.items()).rstrip())
        for row in rows:
            click.echo("  ".join(_csv_cell(row[k]).ljust(w) for k, w in widths.items()).rstrip())


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


# ---- export, import, backups, sample data ------------------------------------------------------


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
    """Export the journal: complete JSON (for import or a second machine), or CSV."""
    from aijournal.storage import exchange

    if fmt in SUMMARY_FORMATS:
        return _export_summary(
            session, fmt, output, start, end, sections, include_notes, include_names, client_name
        )
    if fmt in PORTFOLIO_FORMATS:
        return _export_portfolio(session, fmt, output, include_notes, include_names)
    r.check_choice("format", fmt, ("json", "csv", *PORTFOLIO_FORMATS, *SUMMARY_FORMATS))
    journal = session.journal()
    if fmt == "json":
        text = json.dumps(exchange.export_data(journal), ensure_ascii=False, indent=1) + "\n"
        note = "The JSON export is complete, notes and names included: keep it private."
    else:
        text = exchange.csv_text(journal, kind, notes=include_notes, names=include_names)
        note = None
    if output is None:
        click.echo(text, nl=False)
    else:
        from aijournal.storage.paths import atomic_write

        atomic_write(output, text)
        click.echo(f"Wrote {output}.")
    if note:
        _note(note)


PORTFOLIO_FORMATS = ("portfolio-md", "portfolio-pdf")


def _export_portfolio(
    session: Session, fmt: str, output: Path | None, include_notes: bool, include_names: bool
) -> None:
    """The one-page skills portfolio, private notes and names left out unless asked for."""
    from aijournal.growth import portfolio

    if fmt == "portfolio-pdf" and output is None:
        raise InvalidInput("output", "", "name the PDF file with -o")
    journal, today = session.journal(), r.now().date()
    if fmt == "portfolio-md":
        text = portfolio.markdown(journal, today, include_notes, include_names)
        if output is None:
            click.echo(text, nl=False)
            return
        from aijournal.storage.paths import atomic_write

        atomic_write(output, text)
    else:
        from aijournal.ui.printing.portfolio_pdf import write_pdf  # Qt only for this one format

        write_pdf(portfolio.html(journal, today, include_notes, include_names), output)
    click.echo(f"Wrote {output}.")


SUMMARY_FORMATS = ("summary-json", "summary-pdf", "summary-html")


def _export_summary(
    session: Session,
    fmt: str,
    output: Path | None,
    start: str | None,
    end: str | None,
    sections: str | None,
    include_notes: bool,
    include_names: bool,
    client_name: str,
) -> None:
    """`export --format summary-*`: a coach summary, checked against its schema first."""
    from aijournal.sharing import summary

    wanted = summary.parse_sections(sections) if sections is not None else summary.ALL
    if fmt == "summary-pdf" and output is None:
        raise InvalidInput("output", "", "give -o FILE.pdf for a PDF")
    first, last = _day_or_none("from", start), _day_or_none("to", end)
    journal = session.journal()
    last = last or journal.clock().date()
    first = first or summary.default_period(last)[0]
    data = summary.build(
        journal,
        first,
        last,
        sections=wanted,
        include_notes=include_notes,
        include_names=include_names,
        client_name=client_name,
    )
    if fmt == "summary-pdf":
        from aijournal.ui.printing import summary_pdf

        content: str | bytes = summary_pdf.pdf_bytes(data)
    elif fmt == "summary-html":
        from aijournal.sharing import summary_html

        content = summary_html.render(summary.validate(data))
    else:
        content = summary.dumps(data)
    if output is None:
        click.echo(content, nl=False)
    else:
        from aijournal.storage.paths import atomic_write

        atomic_write(output, content)
        click.echo(f"Wrote {output}.")
    left_out = [
        what
        for what, kept in (("private notes", include_notes), ("real names", include_names))
        if not kept
    ]
    _note(
        "The summary leaves out " + " and ".join(left_out) + "."
        if left_out
        else "The summary includes private notes and real names, as you asked: share it with care."
    )


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
        _note(f"Skipped {problem.line()}")
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
    """Bring records in from a file."""


@import_.command("json")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and say what would change.")
@pass_session
def import_json(session: Session, file: Path, dry_run: bool) -> None:
    """Merge a JSON export (idempotent; the newest version of each record wins)."""
    from aijournal.storage import exchange

    data = exchange.read_json(file)
    journal = session.journal()
    report = exchange.merge(journal, data, dry_run=dry_run)
    if dry_run:
        click.echo("Would import: " + report.line())
        return
    _saved(journal, "Imported: " + report.line())


def _ai_export_command(kind: str, tool: str) -> None:
    """`import chatgpt` / `import claude`: the same command for either service's export."""

    @import_.command(
        kind,
        help=f"Import your {tool} history from its data export (the .zip "
        "or its conversations.json) as AI uses to review. Only titles, times and "
        "counts are kept, never what you wrote.",
    )
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--dry-run", is_flag=True, help="Read the export and say what would be added.")
    @click.option("--from", "start", help="First day to import (YYYY-MM-DD).")
    @click.option("--to", "end", help="Last day to import (YYYY-MM-DD).")
    @click.option(
        "--keep-first-message",
        is_flag=True,
        help="Keep your first message of each session (500 characters) as the note.",
    )
    @pass_session
    def command(
        session: Session,
        file: Path,
        dry_run: bool,
        start: str | None,
        end: str | None,
        keep_first_message: bool,
    ) -> None:
        from aijournal.sources import ai_exports

        options = {
            "since": _day_or_none("from", start),
            "until": _day_or_none("to", end),
            "keep_first_message": keep_first_message,
        }
        with _import_progress(file) as progress:  # a bad file fails before the journal opens
            plan = ai_exports.plan_import(file, kind, progress=progress, **options)
        journal = session.journal()
        ai_exports.finish_import(journal, plan, dry_run=dry_run)
        if dry_run:
            click.echo(plan.summary() + " Nothing was written.")
            if plan.period:
                click.echo(f"Period: {plan.period[0].isoformat()} to {plan.period[1].isoformat()}.")
            for use in plan.uses[:10]:
                turns = f"{use.turns} turn" + ("" if use.turns == 1 else "s")
                click.echo(
                    f"{describe.when(use)}  {use.minutes:>3} min  {turns:>9}  "
                    f"{use.task[:40]:40}  {use.suggested_pattern} "
                    f"({use.suggestion_confidence:.0%}): {use.suggestion_reason}"
                )
            return
        _saved(
            journal,
            plan.summary() + " Review them in the app (Review imports) or with "
            "`aijournal list --to-review`.",
        )


_BIG_EXPORT = 8 * 1024 * 1024  # smaller files read in well under a second: no bar


@contextmanager
def _import_progress(file: Path):
    """A progress bar on stderr for large exports; yields the callback (or None)."""
    try:
        size = file.stat().st_size
    except OSError:
        size = 0  # the import itself says what is wrong with the file
    if size < _BIG_EXPORT:
        yield None
        return
    with click.progressbar(length=size, label="Reading the export", file=sys.stderr) as bar:
        yield lambda done, total: bar.update(done - bar.pos)


_ai_export_command("chatgpt", "ChatGPT")
_ai_export_command("claude", "Claude")


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
    from aijournal.model.errors import WrongPassphrase
    from aijournal.storage import backups

    if backup_file is None:
        found = backups.listing(session.paths.backups)
        if not found:
            click.echo("No backups yet; make one with `aijournal backup`.")
        for path in found:
            click.echo(str(path))
        return
    if not yes and not (
        _interactive()
        and click.confirm(
            f"Replace the journal with {backup_file}? A copy of the current one is kept.", err=True
        )
    ):
        raise InvalidInput("confirmation", "none", "pass --yes or confirm in a terminal")
    try:
        journal = session.journal()
    except UnlockError as error:
        if isinstance(error, WrongPassphrase) or "damaged" not in str(error):
            raise
        session._journal = Journal.recover(
            session.paths, backup_file, passphrase=_current_passphrase, store=session.store
        )
        click.echo(f"Restored {backup_file}; the damaged journal file was kept aside.")
        return
    safety = journal.restore(backup_file)
    click.echo(f"Restored {backup_file}. The journal as it was is in {safety}.")


@cli.command()
@click.option("--days", type=int, default=365, show_default=True)
@click.option("--seed", type=int, default=2026, show_default=True)
@pass_session
def demo(session: Session, days: int, seed: int) -> None:
    """Fill a new journal with a realistic, reproducible year of sample data."""
    from aijournal.journaling import demo as sample

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


# ---- entry point -------------------------------------------------------------------------------


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
    return result if isinstance(result, int) else 0
