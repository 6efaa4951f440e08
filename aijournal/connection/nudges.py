"""Nudges: gentle, evidence-based prompts to seek people, produced by rules written as data.

Each `Rule` looks at one `Facts` snapshot (read from the journal once), says *why* it fired in
plain facts, what to do, and the evidence behind it. Thresholds are settings
(`nudge_*` in aijournal.journaling.settings). A stored `Nudge` moves new → snoozed / planned /
dismissed → acted (a touchpoint was logged for it) → followed up ("did it help?", answered once).
A rule never fires again within its cool-down, nor while an earlier nudge of it is still open.
A new nudge is announced once (`announce`), then shown quietly until its cool-down is over; its
facts are recomputed whenever it is shown (`explain`), so "14 days ago" stays true.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from aijournal.connection.circle import contacts
from aijournal.journaling.settings import BY_KEY, Settings
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.patterns import augmentation_ids
from aijournal.model.presentation import score
from aijournal.storage import Journal
from aijournal.storage.entries import EntryFilter
from aijournal.wellbeing.instruments import instrument

RECENT_DAYS = 14  # check-ins and scores older than this are not "lately"
TREND_DAYS = 28  # automation drift compares the last 4 weeks with the 4 before
MIN_DRIFT_USES = 10  # AI uses in each of those windows before a share means anything
SNOOZE_DAYS = 7
ANNOUNCED_KEY = "nudges_announced"  # ids of nudges already announced; not a user setting
FOLLOW_UP_DAYS = 14  # "did it help?" is asked from the day after acting, for two weeks
OPEN = ("new", "snoozed", "planned")
PROFESSIONAL = (
    " If low mood weighs on you, consider talking to a doctor or a mental-health professional."
)


# ---- what the rules look at ------------------------------------------------------------------


@dataclass(frozen=True)
class Overdue:
    person: r.Person
    days_since: int  # since the last touchpoint, or since the person was added
    met: bool  # False: no touchpoint with them yet


@dataclass(frozen=True)
class Facts:
    """A snapshot of the journal for the rules, computed once per evaluation."""

    today: date
    settings: Mapping[str, Any]
    checkins: tuple[r.Checkin, ...]  # the last RECENT_DAYS days, oldest first
    last_checkins: tuple[
        r.Checkin, ...
    ]  # the last few check-ins whatever their dates, oldest first
    replaced_this_week: int  # since Monday
    automation: tuple[tuple[int, int], tuple[int, int]]  # (automating, uses): before, last 4 wk
    touchpoint_days: frozenset[date]  # days with a touchpoint, the last 30 days
    first_entry: date | None
    last_gratitude: date | None
    overdue: tuple[Overdue, ...]  # most overdue first
    peers: tuple[Overdue, ...]  # the circle's peers, most overdue (or longest unseen) first
    scores: Mapping[str, tuple[date, float]]  # each instrument's newest score, if recent

    @classmethod
    def read(cls, journal: Journal, today: date) -> Facts:
        settings = Settings(journal)
        values = {s.key: settings[s.key] for s in BY_KEY.values() if s.key.startswith("nudge")}
        monday = today - timedelta(days=today.weekday())
        after = today - timedelta(days=TREND_DAYS - 1)
        before = after - timedelta(days=TREND_DAYS)
        wanted = values["nudge_low_connection_window"]
        last = journal.entries(EntryFilter(kinds=("checkin",), end=today, limit=wanted))
        return cls(
            today=today,
            settings=values,
            checkins=tuple(
                c
                for c in journal.checkins_since(today - timedelta(RECENT_DAYS - 1))
                if c.day <= today
            ),
            last_checkins=tuple(c for c in reversed(last) if isinstance(c, r.Checkin)),
            replaced_this_week=sum(row[5] for row in journal.ai_use_totals(monday, today, "day")),
            automation=(
                _automating(journal, before, after - timedelta(days=1)),
                _automating(journal, after, today),
            ),
            touchpoint_days=frozenset(journal.touchpoint_days(today - timedelta(30), today)),
            first_entry=journal.first_entry_day(),
            last_gratitude=journal.last_touchpoint_day("gratitude-sent"),
            overdue=_overdue(journal, today),
            peers=_peers(journal, today),
            scores=journal.latest_scores(today - timedelta(days=RECENT_DAYS - 1)),
        )

    def __getitem__(self, key: str) -> Any:
        """A threshold setting by its key without the `nudge_` prefix."""
        return self.settings["nudge_" + key]


def _automating(journal: Journal, start: date, end: date) -> tuple[int, int]:
    rows = journal.ai_use_totals(start, end, "day")
    augmenting = augmentation_ids()
    return (sum(row[2] for row in rows if row[1] not in augmenting), sum(row[2] for row in rows))


def _overdue(journal: Journal, today: date) -> tuple[Overdue, ...]:
    found = []
    for contact in contacts(journal, today):
        cadence = contact.person.cadence_days
        if cadence is None:
            continue
        since = contact.last_contact or _local_day(contact.person.created_at)
        days = (today - since).days
        if days > cadence:
            found.append(Overdue(contact.person, days, contact.last_contact is not None))
    return tuple(sorted(found, key=lambda o: -(o.days_since - (o.person.cadence_days or 0))))


def _peers(journal: Journal, today: date) -> tuple[Overdue, ...]:
    """The circle's peers: the most overdue first, then whoever was seen longest ago."""
    found = []
    for contact in contacts(journal, today):
        if contact.person.relationship == "peer":
            since = contact.last_contact or _local_day(contact.person.created_at)
            days = (today - since).days
            found.append(
                (
                    contact.overdue_days,
                    days,
                    Overdue(contact.person, days, contact.last_contact is not None),
                )
            )
    found.sort(key=lambda f: (-f[0], -f[1]))
    return tuple(f[2] for f in found)


def _local_day(stamp: str) -> date:
    return datetime.fromisoformat(stamp).astimezone().date()


# ---- rules -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fired:
    """Why a rule fired (facts in plain words) and values for its suggestion."""

    facts: tuple[str, ...]
    values: Mapping[str, Any] = field(default_factory=dict)
    person: r.Person | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    condition: Callable[[Facts], Fired | None]
    cooldown_days: int
    suggestion: str  # a template filled from Fired.values
    evidence: str
    fallback: str = ""  # the suggestion when no person could be named


def _listing(values: list[int]) -> str:
    return ", ".join(str(v) for v in values)


def _low_connection(facts: Facts) -> Fired | None:
    level, count, window = (
        facts["low_connection_level"],
        facts["low_connection_count"],
        facts["low_connection_window"],
    )
    recent = facts.last_checkins[-window:]  # whatever their dates (DESIGN)
    low = [c.connection for c in recent if c.connection <= level]
    if len(low) < count:
        return None
    return _with_person(
        facts,
        (
            f"Connection was {level} or lower on {len(low)} of your last {len(recent)} "
            f"check-ins ({_listing(low)}).",
        ),
    )


def _replaced_people(facts: Facts) -> Fired | None:
    replaced = facts.replaced_this_week
    if replaced < facts["replaced_per_week"]:
        return None
    uses = "use" if replaced == 1 else "uses"
    return Fired((f"{replaced} AI {uses} this week stood in for asking or working with a person.",))


def _burnout_high(facts: Facts) -> Fired | None:
    level, streak = facts["burnout_level"], facts["burnout_streak"]
    last = [c.burnout for c in facts.checkins[-streak:]]
    if len(last) == streak and min(last) >= level:
        return Fired(
            (f"Burnout was {level} or higher on your last {streak} check-ins ({_listing(last)}).",)
        )
    return None


def _burnout_rising(facts: Facts) -> Fired | None:
    if _burnout_high(facts):
        return None  # a high streak is its own nudge, not a rise
    week = facts.today - timedelta(days=6)
    this = [c.burnout for c in facts.checkins if c.day >= week]
    before = [c.burnout for c in facts.checkins if c.day < week]
    if min(len(this), len(before)) < 3:
        return None
    # Compare sums cross-multiplied: exact at the threshold, no float rounding.
    rise = facts["burnout_rise"]
    if sum(this) * len(before) - sum(before) * len(this) < rise * len(this) * len(before):
        return None
    return Fired(
        (
            f"Your average burnout over the last 7 days rose to "
            f"{sum(this) / len(this):.1f}, from {sum(before) / len(before):.1f} in the "
            "week before.",
        )
    )


def _automation_drift(facts: Facts) -> Fired | None:
    (auto_b, n_b), (auto_a, n_a) = facts.automation
    if min(n_b, n_a) < MIN_DRIFT_USES:
        return None
    points = facts["automation_rise"]
    if (auto_a * n_b - auto_b * n_a) * 100 < points * n_a * n_b:  # exact at the threshold
        return None
    return Fired(
        (
            f"Automation was {auto_a / n_a:.0%} of your AI uses in the last 4 weeks, up "
            f"from {auto_b / n_b:.0%} in the 4 weeks before ({n_a} and {n_b} uses).",
        )
    )


def _quiet_days(facts: Facts) -> Fired | None:
    wanted = facts["quiet_workdays"]
    if facts.today in facts.touchpoint_days:
        return None
    workdays: list[date] = []
    day = facts.today
    while len(workdays) < wanted:  # the last workdays before today (today is not over)
        day -= timedelta(days=1)
        if day.weekday() < 5:
            workdays.append(day)
    if facts.first_entry is None or facts.first_entry > workdays[-1]:
        return None  # the journal is too new to call those days quiet
    if facts.touchpoint_days & set(workdays):
        return None
    return _with_peer(
        facts,
        (
            f"No touchpoints on your last {wanted} workdays "
            f"({workdays[-1]:%a %d %b} to {workdays[0]:%a %d %b}).",
        ),
    )


def _overdue_person(facts: Facts) -> Fired | None:
    if not facts.overdue:
        return None
    first = facts.overdue[0]
    name, cadence = first.person.name, first.person.cadence_days
    fact = (
        f"You last talked to {name} {first.days_since} days ago; you wanted to every "
        f"{cadence} days."
        if first.met
        else f"No touchpoint with {name} since you added them {first.days_since} days ago; you "
        f"wanted to talk every {cadence} days."
    )
    return Fired((fact,), {"name": name}, first.person)


def _gratitude(facts: Facts) -> Fired | None:
    days = facts["gratitude_days"]
    since = facts.last_gratitude or facts.first_entry
    if since is None or (facts.today - since).days < days:
        return None
    gap = (facts.today - since).days
    return Fired(
        (
            f'Your last "gratitude sent" was {gap} days ago.'
            if facts.last_gratitude
            else f'No "gratitude sent" in the {gap} days you have kept this journal.',
        )
    )


def _lonely(facts: Facts) -> Fired | None:
    ucla = facts.scores.get("ucla3")
    if not ucla or ucla[1] < facts["ucla3_lonely"]:
        return None
    return Fired(
        (
            f"Your UCLA-3 loneliness score on {ucla[0]:%d %b} was {score(ucla[1])}: "
            f"{facts['ucla3_lonely']} or more is a convention researchers use for loneliness "
            "(the scale's authors publish no cut-off).",
        )
    )


def _low_wellbeing(facts: Facts) -> Fired | None:
    who5 = facts.scores.get("who5")
    if not who5 or who5[1] > facts["who5_low"]:
        return None
    very_low = instrument("who5").band(who5[1]).id == "very-low"
    return Fired(
        (
            f"Your WHO-5 well-being score on {who5[0]:%d %b} was {score(who5[1])} "
            f"({facts['who5_low']} or less is low well-being).",
        ),
        {"professional": PROFESSIONAL if very_low else ""},
    )


def _with_peer(facts: Facts, lines: tuple[str, ...]) -> Fired:
    """Fired, naming a peer (the most overdue, or the one seen longest ago) when there is one."""
    if facts.peers:
        first = facts.peers[0]
        return Fired(lines, {"name": first.person.name, "days": first.days_since}, first.person)
    return _with_person(facts, lines)


def _with_person(facts: Facts, lines: tuple[str, ...]) -> Fired:
    """Fired, naming the most overdue person to reach out to when there is one."""
    if facts.overdue:
        first = facts.overdue[0]
        return Fired(lines, {"name": first.person.name, "days": first.days_since}, first.person)
    return Fired(lines)


RULES: tuple[Rule, ...] = (
    Rule(
        "low-connection",
        "You've felt less connected lately",
        _low_connection,
        7,
        "Reach out to {name}: it has been {days} days. A short message counts.",
        "Sandstrom & Dunn 2014: even brief social interactions lift well-being; Liu et al. "
        "2023: people underestimate how much others appreciate being reached out to.",
        fallback="Reach out to someone you work with, even briefly: a message or a coffee.",
    ),
    Rule(
        "replaced-people",
        "AI stood in for people this week",
        _replaced_people,
        7,
        "Next time, ask a person first, or plan an advice or pairing session.",
        "Brooks, Gino & Schweitzer 2015: asking for advice makes people seem more competent, "
        "not less.",
    ),
    Rule(
        "burnout-high",
        "Your burnout has been high",
        _burnout_high,
        7,
        "Talk to a mentor or your manager about your load, and plan a real break.",
        "Single-item burnout measure (Rohland et al. 2004): 3 or more marks burnout symptoms.",
    ),
    Rule(
        "burnout-rising",
        "Your burnout is rising",
        _burnout_rising,
        7,
        "Talk to a mentor or your manager about your load, and plan a real break.",
        "Single-item burnout measure (Rohland et al. 2004): 3 or more marks burnout symptoms.",
    ),
    Rule(
        "automation-drift",
        "More of your AI use is automation",
        _automation_drift,
        14,
        "Try a learning or validation session with AI, or pair with a person on the next task.",
        "Anthropic Economic Index (Handa et al. 2025); Upwork Research Institute: freelancers "
        "who use AI to augment their work report more growth.",
    ),
    Rule(
        "quiet-days",
        "A few quiet days",
        _quiet_days,
        5,
        "A short check-in with {name}: ten minutes, no agenda.",
        "Yang et al. 2022: remote work made collaboration networks more siloed and static.",
        fallback="A short check-in with a peer: ten minutes, no agenda.",
    ),
    Rule(
        "overdue-person",
        "Someone you care about is overdue",
        _overdue_person,
        7,
        "Reach out to {name}.",
        "Liu et al. 2023: people underestimate how much others appreciate being reached out to.",
    ),
    Rule(
        "gratitude",
        "Time to thank someone",
        _gratitude,
        14,
        "Thank someone who helped you recently; two lines are enough.",
        "Kumar & Epley 2018: people underestimate how much a thank-you means to the person "
        "who gets it.",
    ),
    Rule(
        "lonely",
        "Your loneliness score is high",
        _lonely,
        14,
        "Plan something social with someone you like. If loneliness weighs on you, talking "
        "to someone you trust, or to a professional, can help.",
        "UCLA 3-item Loneliness Scale (Hughes et al. 2004). The authors publish no cut-off; "
        "6 or more is a convention used in research.",
    ),
    Rule(
        "low-wellbeing",
        "Your well-being score is low",
        _low_wellbeing,
        14,
        "Plan something that gives you energy, with someone you like.{professional}",
        "WHO-5 Well-Being Index (WHO; Topp et al. 2015): 50 or less is low well-being; 28 or "
        "less is where a conversation with a professional is suggested.",
    ),
)
BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


# ---- evaluating and storing ------------------------------------------------------------------


@dataclass(frozen=True)
class NudgeCandidate:
    """A rule that fires today: why, what to do, and the evidence."""

    rule_id: str
    title: str
    facts: tuple[str, ...]
    suggestion: str
    evidence: str
    person_id: str | None = None  # whom the suggestion names, to prefill "plan a touchpoint"


def _suggestion(rule: Rule, fired: Fired) -> str:
    try:
        return rule.suggestion.format(**fired.values)
    except KeyError:  # the template names a person and there is none to name
        return rule.fallback or rule.suggestion


def evaluate(journal: Journal, today: date | None = None) -> list[NudgeCandidate]:
    """The rules that fire today, in the order of `RULES` (nothing when nudges are off)."""
    today = today or journal.clock().date()
    if not Settings(journal)["nudges_enabled"]:
        return []
    facts = Facts.read(journal, today)
    found = []
    for rule in RULES:
        fired = rule.condition(facts)
        if fired is None:
            continue
        found.append(
            NudgeCandidate(
                rule.id,
                rule.title,
                fired.facts,
                _suggestion(rule, fired),
                rule.evidence,
                fired.person.id if fired.person else None,
            )
        )
    return found


def refresh(journal: Journal, today: date | None = None) -> list[r.Nudge]:
    """Wake snoozed nudges that are due, then store a nudge for each rule that fires anew.

    Returns the nudges stored now.
    """
    today = today or journal.clock().date()
    added = []
    with journal.transaction():
        for nudge in journal.nudges(["snoozed"]):
            if nudge.snoozed_until is None or nudge.snoozed_until <= today:
                journal.update(replace(nudge, status="new", snoozed_until=None))
        last = journal.last_nudge_days()
        still_open = {n.rule_id for n in journal.nudges(OPEN) if not _lapsed(n, today)}
        for found in evaluate(journal, today):
            rule = BY_ID[found.rule_id]
            if found.rule_id in still_open:
                continue
            if found.rule_id in last and (today - last[found.rule_id]).days < rule.cooldown_days:
                continue
            stamp = r.utc_stamp(journal.clock())
            added.append(
                journal.add(
                    r.Nudge(
                        rule_id=found.rule_id,
                        day=today,
                        facts=found.facts,
                        message=found.suggestion,
                        created_at=stamp,
                        updated_at=stamp,
                    )
                )
            )
    return added


def active(journal: Journal, today: date | None = None) -> list[r.Nudge]:
    """Nudges to show now: new ones within their cool-down, planned ones, and snoozed ones
    whose week is up; newest first."""
    today = today or journal.clock().date()
    return [
        n
        for n in journal.nudges(OPEN)
        if (n.status != "snoozed" or (n.snoozed_until or today) <= today) and not _lapsed(n, today)
    ]


def _lapsed(nudge: r.Nudge, today: date) -> bool:
    """An unanswered nudge whose cool-down is over since it was last put before the user: it
    stops showing, and its rule may fire again with today's facts."""
    rule = BY_ID.get(nudge.rule_id)
    if nudge.status != "new" or rule is None:
        return False
    since = _local_day(nudge.updated_at) if nudge.updated_at else nudge.day
    return (today - max(since, nudge.day)).days >= rule.cooldown_days


def announce(journal: Journal, today: date | None = None) -> r.Nudge | None:
    """The newest new nudge not announced before, now marked announced; None if there is none.
    Each nudge is announced at most once; after that it is shown quietly."""
    today = today or journal.clock().date()
    fresh = [n for n in active(journal, today) if n.status == "new"]
    with journal.transaction():
        told = set(journal.setting(ANNOUNCED_KEY, []))
        pick = next((n for n in fresh if n.id not in told), None)
        if pick is not None:
            keep = {n.id for n in journal.nudges(OPEN)} & told  # forget closed ones
            journal.set_setting(ANNOUNCED_KEY, sorted(keep | {pick.id}))
    return pick


@dataclass(frozen=True)
class Shown:
    """A stored nudge as the user reads it."""

    nudge: r.Nudge
    title: str
    why: tuple[str, ...]
    what_to_do: str
    evidence: str

    def as_dict(self) -> dict[str, Any]:
        n = self.nudge
        return {
            "id": n.id,
            "rule": n.rule_id,
            "day": n.day.isoformat(),
            "status": n.status,
            "title": self.title,
            "why": list(self.why),
            "what_to_do": self.what_to_do,
            "evidence": self.evidence,
            "snoozed_until": n.snoozed_until.isoformat() if n.snoozed_until else None,
            "planned_day": n.planned_day.isoformat() if n.planned_day else None,
            "helped": n.helped,
        }


def explain(journal: Journal, found: list[r.Nudge], today: date | None = None) -> list[Shown]:
    """How these nudges read today: the facts (and suggestion) recomputed now, or, for a rule
    that no longer fires, the facts as they were on the nudge's day, dated."""
    today = today or journal.clock().date()
    facts = Facts.read(journal, today) if any(n.day != today for n in found) else None
    explained = []
    for nudge in found:
        base = shown(nudge)
        rule = BY_ID.get(nudge.rule_id)
        if facts is None or rule is None or nudge.day == today:
            explained.append(base)
            continue
        fired = rule.condition(facts)
        if fired is None:
            dated = tuple(f"On {nudge.day:%a %d %b}: {fact}" for fact in nudge.facts)
            explained.append(replace(base, why=dated))
            continue
        explained.append(replace(base, why=fired.facts, what_to_do=_suggestion(rule, fired)))
    return explained


def shown(nudge: r.Nudge) -> Shown:
    """Title, why, what to do and evidence for a stored nudge, as stored."""
    rule = BY_ID.get(nudge.rule_id)
    return Shown(
        nudge,
        rule.title if rule else nudge.rule_id,
        nudge.facts,
        nudge.message,
        rule.evidence if rule else "",
    )


# ---- what the user does with a nudge ---------------------------------------------------------


def snooze(journal: Journal, nudge_id: str, days: int = SNOOZE_DAYS) -> r.Nudge:
    """Hide the nudge for `days` days; it comes back after that."""
    r.check_scale("days", days, 1, 365)
    until = journal.clock().date() + timedelta(days=days)
    return journal.update(replace(_nudge(journal, nudge_id), status="snoozed", snoozed_until=until))


def dismiss(journal: Journal, nudge_id: str) -> r.Nudge:
    return journal.update(replace(_nudge(journal, nudge_id), status="dismissed"))


def plan(journal: Journal, nudge_id: str, person_id: str | None, day: date) -> r.Nudge:
    """Plan a touchpoint for the nudge (with whom, which day); the tray reminds on that day."""
    if person_id is not None and journal.get(r.Person, person_id) is None:
        raise InvalidInput("person", person_id, "use someone in your circle")
    today = journal.clock().date()
    if day < today:
        raise InvalidInput("date", day.isoformat(), f"use today ({today}) or later")
    return journal.update(
        replace(
            _nudge(journal, nudge_id),
            status="planned",
            planned_day=day,
            planned_person_id=person_id,
            snoozed_until=None,
        )
    )


def acted(journal: Journal, nudge_id: str, touchpoint_id: str) -> r.Nudge:
    """The touchpoint the user logged for this nudge: it is acted on."""
    if journal.get(r.Touchpoint, touchpoint_id) is None:
        raise InvalidInput("touchpoint", touchpoint_id, "use the id of a stored touchpoint")
    return journal.update(
        replace(
            _nudge(journal, nudge_id),
            status="acted",
            touchpoint_id=touchpoint_id,
            snoozed_until=None,
        )
    )


def touchpoint_logged(journal: Journal, touchpoint: r.Touchpoint) -> list[r.Nudge]:
    """Mark planned nudges acted when the touchpoint is with the person planned (or anyone)."""
    person = journal.person_named(touchpoint.person) if touchpoint.person else None
    done = []
    for nudge in journal.nudges(["planned"]):
        if nudge.planned_person_id in (None, person.id if person else None):
            done.append(acted(journal, nudge.id, touchpoint.id))
    return done


def follow_up_due(journal: Journal, today: date | None = None) -> list[r.Nudge]:
    """Acted nudges to ask "did it help?" about, once: with the first check-in after the day
    of acting (today's, until the day is over), within two weeks; an answer is final."""
    today = today or journal.clock().date()
    due = []
    for nudge in journal.nudges(["acted"]):
        if nudge.helped is not None:
            continue
        touchpoint = journal.get(r.Touchpoint, nudge.touchpoint_id or "")
        when = touchpoint.day if touchpoint else nudge.day
        if not 1 <= (today - when).days <= FOLLOW_UP_DAYS:
            continue
        since = journal.entries(
            EntryFilter(
                kinds=("checkin",),
                start=when + timedelta(days=1),
                end=today - timedelta(days=1),
                limit=1,
            )
        )
        if not since:  # no check-in has asked yet: today's does
            due.append(nudge)
    return due


def record_helped(journal: Journal, nudge_id: str, helped: bool) -> r.Nudge:
    """The answer to "did it help?"; asked once, so a second answer is refused."""
    nudge = _nudge(journal, nudge_id)
    if nudge.status != "acted":
        raise InvalidInput("nudge", nudge_id, "use a nudge you acted on")
    if nudge.helped is not None:
        raise InvalidInput("nudge", nudge_id, "use a nudge not yet followed up")
    return journal.update(replace(nudge, helped=bool(helped)))


def answer_follow_up(journal: Journal, helped: bool, today: date | None = None) -> r.Nudge:
    """Answer "did it help?" for the nudge the check-in asks about now (as Today shows it)."""
    due = follow_up_due(journal, today)
    if not due:
        raise InvalidInput("nudge-helped", "yes" if helped else "no", "no nudge is waiting for it")
    return record_helped(journal, due[0].id, helped)


@dataclass(frozen=True)
class PlannedReminder:
    nudge: r.Nudge
    person: r.Person | None

    @property
    def text(self) -> str:
        who = f" with {self.person.name}" if self.person else ""
        return f"You planned a touchpoint{who} for today: {self.nudge.message}"


def planned_reminders_due(journal: Journal, today: date | None = None) -> list[PlannedReminder]:
    """Planned touchpoints due today or earlier and not yet logged, for the tray."""
    today = today or journal.clock().date()
    return [
        PlannedReminder(
            n, journal.get(r.Person, n.planned_person_id) if n.planned_person_id else None
        )
        for n in journal.nudges(["planned"])
        if n.planned_day and n.planned_day <= today
    ]


def candidate_people(journal: Journal, today: date | None = None) -> dict[str, str | None]:
    """Whom each firing rule names today, by rule id (to prefill a plan)."""
    return {found.rule_id: found.person_id for found in evaluate(journal, today)}


def find(journal: Journal, wanted: str) -> r.Nudge:
    """The nudge with this id, or the only one whose id starts with it (6+ characters)."""
    if (nudge := journal.get(r.Nudge, wanted)) is not None:
        return nudge
    matches = [n for n in journal.nudges() if len(wanted) >= 6 and n.id.startswith(wanted)]
    if len(matches) != 1:
        raise InvalidInput("nudge", wanted, "use an id from `aijournal nudges --all`")
    return matches[0]


def _nudge(journal: Journal, nudge_id: str) -> r.Nudge:
    nudge = journal.get(r.Nudge, nudge_id)
    if nudge is None:
        raise InvalidInput("nudge", nudge_id, "use the id of a stored nudge")
    return nudge
