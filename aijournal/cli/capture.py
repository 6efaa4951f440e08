"""Quick capture: `log-ai`, `checkin`, `touchpoint`, `assess`."""

from __future__ import annotations

import click

from aijournal.cli.root import (
    DAY_WORDS,
    WHEN_WORDS,
    Session,
    cli,
    day_or_none,
    day_or_today,
    interactive,
    moment_or_now,
    pass_session,
    saved,
)
from aijournal.journaling import capture, describe
from aijournal.model import presentation
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage import Journal


def _goal_id(journal: Journal, name: str | None) -> str | None:
    return journal.goal_named(name).id if name else None


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
@click.option("--when", help=f"When it started ({WHEN_WORDS}; default now).")
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
    started = moment_or_now("when", when)
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
    saved(journal, f"Logged: {describe.title(use)}.")


@cli.command()
@click.option(
    "--burnout",
    type=int,
    help="1 enjoy my work … 5 completely burned out (single-item measure; needed for a new"
    " day's check-in).",
)
@click.option(
    "--connection",
    type=int,
    help="1–5: today I felt connected to the people I work with (needed for a new day's check-in).",
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
@click.option(
    "--factor",
    "factor_answers",
    multiple=True,
    help='One of your factors, NAME=VALUE: "slept well=yes", "focus=4" (repeatable; see'
    " `factor list`).",
)
@click.option("--date", "day", help=f"The day ({DAY_WORDS}; default today).")
@click.option(
    "--nudge-helped",
    type=click.Choice(["yes", "no"]),
    help="Answer the follow-up: did acting on your last nudge help?",
)
@pass_session
def checkin(
    session: Session,
    burnout: int | None,
    connection: int | None,
    safety: int | None,
    conversations: int | None,
    asked_advice: bool | None,
    energy: int | None,
    note: str,
    factor_answers: tuple[str, ...],
    day: str | None,
    nudge_helped: str | None,
) -> None:
    """Record the daily check-in (a second one for the same day updates what it names)."""
    on = day_or_today("date", day)
    given: dict[str, object] = {
        "burnout": burnout,
        "connection": connection,
        "safety": safety,
        "conversations": conversations,
        "asked_advice": asked_advice,
        "energy": energy,
        "note": note or None,
    }
    journal = session.journal()
    with journal.transaction():  # the check-in and the answer about a nudge, together
        if journal.checkin_on(on) is None:
            for name, value in (("burnout", burnout), ("connection", connection)):
                if value is None:
                    raise InvalidInput(name, "", f"give --{name} 1–5 for a new day's check-in")
        if factor_answers:
            from aijournal.journaling import factors

            given["factors"] = factors.parse_answers(journal, factor_answers)
        stored, created = capture.save_checkin(journal, on, given)
        answered = None
        if nudge_helped is not None:
            from aijournal.connection import nudges

            answered = nudges.answer_follow_up(journal, nudge_helped == "yes", on)
    verb = "Checked in" if created else "Updated the check-in"
    named = {f.id: f for f in journal.factors(archived=True)} if stored.factors else None
    line = f"{verb} for {stored.day.isoformat()}: {describe.title(stored, named)}."
    if answered is not None:
        outcome = "helped" if answered.helped else "did not help"
        line += f" Noted that acting on “{answered.message}” {outcome}."
    saved(journal, line)


@cli.command()
@click.argument("note", required=False, default="")
@click.option("--kind", required=True, help=", ".join(r.TOUCHPOINT_KINDS))
@click.option("--person", help="Who (added to your circle if new).")
@click.option("--minutes", type=int)
@click.option("--quality", type=int, help="1–5.")
@click.option("--skill", "skills", multiple=True, help="A skill you learned (repeatable).")
@click.option("--when", help=f"When ({WHEN_WORDS}; default now).")
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
        at=moment_or_now("when", when),
        kind=kind,
        person=person,
        minutes=minutes,
        quality=quality,
        skills=skills,
        note=note,
    )
    journal = session.journal()
    logged = capture.save_touchpoint(journal, record)
    if logged.new_person:
        click.echo(f"Added {logged.touchpoint.person} to your circle.")
    plans = f" ({logged.plans_text()})" if logged.plans_done else ""
    saved(journal, f"Logged: {describe.title(logged.touchpoint)}{plans}.")


@cli.command()
@click.argument("instrument")
@click.option("--answers", help="Comma-separated answers, e.g. 3,4,5,2,1 (else asked here).")
@click.option("--date", "day", help=f"The day ({DAY_WORDS}; default today).")
@pass_session
def assess(session: Session, instrument: str, answers: str | None, day: str | None) -> None:
    """Take a validated instrument: who5, cbi, ucla3 or burnout."""
    from aijournal.wellbeing import assessing, instruments

    spec = instruments.instrument(instrument)
    on = day_or_none("date", day)
    if answers is not None:
        given = instruments.parse_answers(answers)
    elif interactive():
        given = _ask_items(spec)
    else:
        raise InvalidInput("answers", "", "give --answers like 3,4,5,2,1 (no terminal to ask)")
    instruments.score(instrument, given)  # invalid answers fail before the journal opens
    journal = session.journal()
    _, result = assessing.take(journal, instrument, given, on)
    score = "no score" if result.score is None else presentation.score(result.score)
    saved(journal, f"{spec.name}: {score}. {result.message}".strip())


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
