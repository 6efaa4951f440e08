"""Nudge rules fire exactly at their thresholds; the lifecycle a user walks through; the CLI."""

import json
from datetime import date, datetime, time, timedelta

import pytest
from clitools import run

from aijournal.connection import nudges
from aijournal.journaling.settings import BY_KEY, Settings
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput

TODAY = date(2026, 11, 27)  # a Friday


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def stamp(day: date) -> str:
    return r.utc_stamp(at(day, 8))


def checkins(journal, values, field="connection"):
    """Check-ins on the last len(values) days, oldest first."""
    for offset, value in enumerate(reversed(values)):
        answers = {"burnout": 2, "connection": 3, field: value}
        journal.save_checkin(r.Checkin(day=ago(offset), **answers))


def uses(journal, day, count, pattern="learning", **fields):
    for i in range(count):
        journal.add(
            r.AIUse(
                started_at=at(day, 8 - i % 8), tool="ChatGPT", pattern=pattern, minutes=5, **fields
            )
        )


def touchpoint(journal, day, kind="one-to-one", person=None):
    return journal.add(r.Touchpoint(at=at(day), kind=kind, person=person))


def low_connection(journal, fires):
    checkins(journal, [2, 4, 1, 4, 2] if fires else [2, 4, 3, 4, 2])


def replaced_people(journal, fires):
    uses(journal, date(2026, 11, 23), 3 if fires else 2, "directive", replaced_person=True)
    uses(journal, date(2026, 11, 22), 2, "directive", replaced_person=True)  # last week


def burnout_streak(journal, fires):
    checkins(journal, [1, 3, 3, 3] if fires else [3, 3, 2, 3], field="burnout")


def burnout_rise(journal, fires):
    # The week before averages 1; this week averages 2 (a rise of exactly 1) or 5/3.
    for offset in (13, 10, 8):
        journal.save_checkin(r.Checkin(day=ago(offset), burnout=1, connection=3))
    for offset, burnout in zip((5, 3, 0), (2, 2, 2) if fires else (2, 2, 1)):
        journal.save_checkin(r.Checkin(day=ago(offset), burnout=burnout, connection=3))


def automation_drift(journal, fires):
    uses(journal, ago(40), 7)  # the 4 weeks before: 3 of 10 automation
    uses(journal, ago(40), 3, "directive")
    uses(journal, ago(5), 5 if fires else 6)  # the last 4 weeks: 5 (or 4) of 10
    uses(journal, ago(5), 5 if fires else 4, "feedback-loop")


def quiet_days(journal, fires):
    uses(journal, ago(20), 1)  # the journal was in use before those days
    # Workdays before Friday 11-27: Thu 26, Wed 25, Tue 24; a touchpoint on Mon 23 or Tue 24.
    touchpoint(journal, date(2026, 11, 23) if fires else date(2026, 11, 24))


def overdue_person(journal, fires):
    journal.add(
        r.Person(name="Dana", cadence_days=7, created_at=stamp(ago(60)), updated_at=stamp(ago(60)))
    )
    touchpoint(journal, ago(8 if fires else 7), person="Dana")


def gratitude(journal, fires):
    uses(journal, ago(30), 1)
    touchpoint(journal, ago(14 if fires else 13), kind="gratitude-sent")


def lonely_ucla(journal, fires):
    score = 6 if fires else 5
    journal.add(
        r.Assessment(instrument="ucla3", day=ago(3), answers=(2, 2, score - 4), score=score)
    )


def lonely_who5(journal, fires):
    score = 50 if fires else 52
    journal.add(r.Assessment(instrument="who5", day=ago(3), answers=(3, 3, 2, 2, 2), score=score))


CASES = [
    ("low-connection", low_connection),
    ("replaced-people", replaced_people),
    ("burnout-high", burnout_streak),
    ("burnout-rising", burnout_rise),
    ("automation-drift", automation_drift),
    ("quiet-days", quiet_days),
    ("overdue-person", overdue_person),
    ("gratitude", gratitude),
    ("lonely", lonely_ucla),
    ("low-wellbeing", lonely_who5),
]


@pytest.mark.parametrize("fires", [True, False], ids=["at threshold", "just below"])
@pytest.mark.parametrize(("rule_id", "build"), CASES, ids=[c[1].__name__ for c in CASES])
def test_each_rule_fires_at_its_threshold_and_not_below(journal, rule_id, build, fires):
    build(journal, fires)
    found = {c.rule_id: c for c in nudges.evaluate(journal)}
    assert (rule_id in found) is fires
    if fires:
        candidate = found[rule_id]
        assert candidate.facts and candidate.suggestion and candidate.evidence


def test_every_rule_is_tested_and_every_threshold_is_a_setting():
    assert {rule_id for rule_id, _ in CASES} == set(nudges.BY_ID)
    for key in (
        "low_connection_level",
        "replaced_per_week",
        "burnout_rise",
        "automation_rise",
        "quiet_workdays",
        "gratitude_days",
        "ucla3_lonely",
    ):
        assert "nudge_" + key in BY_KEY


def test_a_nudge_says_why_what_to_do_and_the_evidence(journal):
    journal.add(
        r.Person(name="Dana", cadence_days=14, created_at=stamp(ago(60)), updated_at=stamp(ago(60)))
    )
    touchpoint(journal, ago(20), person="Dana")
    low_connection(journal, True)
    candidate = {c.rule_id: c for c in nudges.evaluate(journal)}["low-connection"]
    assert candidate.facts == (
        "Connection was 2 or lower on 3 of your last 5 check-ins (2, 1, 2).",
    )
    assert candidate.suggestion == (
        "Reach out to Dana: it has been 20 days. A short message counts."
    )
    assert candidate.evidence.startswith("Sandstrom & Dunn 2014")
    assert candidate.person_id == journal.person_named("Dana").id


def titles(journal):
    return {c.rule_id: c.title for c in nudges.evaluate(journal)}


def test_a_flat_streak_of_high_burnout_is_high_not_rising(journal):
    checkins(journal, [3, 3, 3, 3, 3, 3, 3, 3], field="burnout")
    found = titles(journal)
    assert found["burnout-high"] == "Your burnout has been high"
    assert "burnout-rising" not in found and "rising" not in found["burnout-high"]
    burnout_rise(journal, True)  # overwrites the last days: a rise without a streak
    assert titles(journal).get("burnout-rising") == "Your burnout is rising"


def test_a_low_who5_alone_is_about_well_being_not_loneliness(journal):
    lonely_who5(journal, True)  # WHO-5 50: low, not very low
    [candidate] = [c for c in nudges.evaluate(journal) if c.rule_id == "low-wellbeing"]
    assert candidate.title == "Your well-being score is low"
    assert "lonel" not in (candidate.title + candidate.suggestion + " ".join(candidate.facts))
    assert "professional" not in candidate.suggestion
    journal.add(r.Assessment(instrument="who5", day=ago(1), answers=(1, 1, 1, 2, 2), score=28))
    [candidate] = [c for c in nudges.evaluate(journal) if c.rule_id == "low-wellbeing"]
    assert "consider talking to a doctor or a mental-health professional" in candidate.suggestion
    assert "lonely" not in titles(journal)


def test_the_ucla3_cut_off_is_called_a_research_convention(journal):
    lonely_ucla(journal, True)
    candidate = {c.rule_id: c for c in nudges.evaluate(journal)}["lonely"]
    assert "convention" in candidate.facts[0] and "no cut-off" in candidate.facts[0]
    assert "Hughes et al. 2004" in candidate.evidence and "no cut-off" in candidate.evidence
    assert "low-wellbeing" not in titles(journal)


def test_quiet_days_suggests_a_peer_first(journal):
    for name, relationship in (("Priya", "manager"), ("Sam", "peer"), ("Mo", "peer")):
        journal.add(
            r.Person(
                name=name,
                relationship=relationship,
                cadence_days=7,
                created_at=stamp(ago(60)),
                updated_at=stamp(ago(60)),
            )
        )
    touchpoint(journal, ago(40), person="Priya")  # the most overdue of all: a manager
    touchpoint(journal, ago(12), person="Sam")
    touchpoint(journal, ago(20), person="Mo")  # the most overdue peer
    candidate = {c.rule_id: c for c in nudges.evaluate(journal)}["quiet-days"]
    assert candidate.suggestion.startswith("A short check-in with Mo")
    assert candidate.person_id == journal.person_named("Mo").id


def test_low_connection_reads_the_last_five_check_ins_whatever_their_dates(journal):
    for offset, connection in zip((40, 35, 30, 25, 21), (2, 4, 1, 4, 2)):
        journal.save_checkin(r.Checkin(day=ago(offset), burnout=2, connection=connection))
    candidate = {c.rule_id: c for c in nudges.evaluate(journal)}["low-connection"]
    assert candidate.facts == (
        "Connection was 2 or lower on 3 of your last 5 check-ins (2, 1, 2).",
    )


def test_thresholds_follow_the_settings(journal):
    low_connection(journal, False)  # 2 of 5 low
    Settings(journal)["nudge_low_connection_count"] = 2
    assert "low-connection" in {c.rule_id for c in nudges.evaluate(journal)}
    Settings(journal)["nudges_enabled"] = False
    assert nudges.evaluate(journal) == []


def overdue_only(found):
    """The overdue-person nudges among `found` (other rules fire as the days go by)."""
    return [n for n in found if n.rule_id == "overdue-person"]


def test_cool_down_prevents_repeats(journal, clock):
    overdue_person(journal, True)
    first = overdue_only(nudges.refresh(journal))
    assert len(first) == 1
    assert nudges.refresh(journal) == []  # still open: not stored twice
    nudges.dismiss(journal, first[0].id)
    clock.advance(days=6)
    assert overdue_only(nudges.refresh(journal)) == []  # dismissed, within its 7-day cool-down
    clock.advance(days=1)
    again = overdue_only(nudges.refresh(journal))
    assert len(again) == 1 and again[0].day == TODAY + timedelta(days=7)
    assert again[0].id != first[0].id


def test_snoozed_nudge_comes_back_after_a_week(journal, clock):
    overdue_person(journal, True)
    [nudge] = overdue_only(nudges.refresh(journal))
    snoozed = nudges.snooze(journal, nudge.id)
    assert snoozed.status == "snoozed" and snoozed.snoozed_until == TODAY + timedelta(days=7)
    assert overdue_only(nudges.active(journal)) == []
    clock.advance(days=6)
    assert overdue_only(nudges.refresh(journal)) == []
    assert overdue_only(nudges.active(journal)) == []
    clock.advance(days=1)
    # The same nudge comes back, not a new one.
    assert overdue_only(nudges.refresh(journal)) == []
    assert [(n.id, n.status) for n in overdue_only(nudges.active(journal))] == [(nudge.id, "new")]


def test_plan_remind_act_and_follow_up_once(journal, clock):
    overdue_person(journal, True)
    [nudge] = overdue_only(nudges.refresh(journal))
    dana = journal.person_named("Dana")
    with pytest.raises(InvalidInput):
        nudges.plan(journal, nudge.id, dana.id, TODAY - timedelta(days=1))
    planned = nudges.plan(journal, nudge.id, dana.id, TODAY + timedelta(days=1))
    assert (planned.status, planned.planned_day, planned.planned_person_id) == (
        "planned",
        TODAY + timedelta(days=1),
        dana.id,
    )
    assert nudges.planned_reminders_due(journal) == []
    clock.advance(days=1)
    [reminder] = nudges.planned_reminders_due(journal)
    assert reminder.person == dana and "with Dana" in reminder.text
    logged = touchpoint(journal, TODAY + timedelta(days=1), person="Dana")
    [done] = nudges.touchpoint_logged(journal, logged)
    assert (done.id, done.status, done.touchpoint_id) == (nudge.id, "acted", logged.id)
    assert nudges.planned_reminders_due(journal) == []
    assert nudges.follow_up_due(journal) == []  # not on the day itself
    clock.advance(days=1)
    assert [n.id for n in nudges.follow_up_due(journal)] == [nudge.id]
    journal.save_checkin(r.Checkin(day=clock().date(), burnout=2, connection=4))
    assert [n.id for n in nudges.follow_up_due(journal)] == [nudge.id]  # still that day
    clock.advance(days=1)
    assert nudges.follow_up_due(journal) == []  # asked once: with that day's check-in
    clock.advance(days=-1)
    assert nudges.record_helped(journal, nudge.id, True).helped is True
    assert nudges.follow_up_due(journal) == []
    with pytest.raises(InvalidInput):
        nudges.record_helped(journal, nudge.id, False)


def test_acting_directly_with_a_touchpoint(journal):
    gratitude(journal, True)
    nudge = nudges.refresh(journal)[0]
    thanks = touchpoint(journal, TODAY, kind="gratitude-sent")
    assert nudges.acted(journal, nudge.id, thanks.id).status == "acted"
    with pytest.raises(InvalidInput):
        nudges.acted(journal, nudge.id, r.new_id())
    with pytest.raises(InvalidInput):
        nudges.dismiss(journal, r.new_id())


def test_the_sample_journal_produces_a_nudge(sample_journal):
    stored = nudges.refresh(sample_journal)
    assert stored
    shown = [nudges.shown(n) for n in stored]
    assert all(s.why and s.what_to_do and s.evidence for s in shown)


# ---- the command line ----------------------------------------------------------------------


def test_cli_nudges_and_insights_in_json(home):
    for _ in range(3):
        assert (
            run(
                "log-ai",
                "--tool",
                "ChatGPT",
                "--pattern",
                "directive",
                "--minutes",
                "5",
                "--replaced-person",
                "Wrote the email",
            )[0]
            == 0
        )
    code, out = run("nudges", "--format", "json")
    assert code == 0, out
    [shown] = json.loads(out)
    assert shown["rule"] == "replaced-people" and shown["status"] == "new"
    assert shown["why"] == ["3 AI uses this week stood in for asking or working with a person."]
    assert shown["what_to_do"] and shown["evidence"].startswith("Brooks")
    code, out = run("nudges")
    assert code == 0 and "Why: 3 AI uses this week" in out and "Evidence: Brooks" in out
    code, out = run("nudges", "--all", "--format", "json")
    assert len(json.loads(out)) == 1  # refreshing again stored nothing new
    code, out = run("insights", "--format", "json")
    found = json.loads(out)
    # No check-ins, so no analysis: nothing tested, no findings, and nothing claimed.
    assert code == 0 and found["window"] is None and found["findings"] == []
    assert found["tested"] == 0 and all(not h["tested"] for h in found["hypotheses"])
    code, out = run("insights")
    assert code == 0 and "after 30 days of check-ins" in out
    code, out = run("insights", "--format", "xml")
    assert code == 2 and "format" in out
    code, out = run("insights", "--from", "someday")
    assert code == 2 and "YYYY-MM-DD" in out


# ---- shown with today's facts, announced once ------------------------------------------------


def gratitude_nudge(journal, clock):
    """The gratitude rule fires today: the journal began 20 days ago, no thank-you since."""
    touchpoint(journal, ago(20), "pairing", "Dana")
    [nudge] = [n for n in nudges.refresh(journal) if n.rule_id == "gratitude"]
    return nudge


def test_a_nudge_reads_with_todays_facts_when_shown_later(journal, clock):
    nudge = gratitude_nudge(journal, clock)
    assert nudge.facts == ('No "gratitude sent" in the 20 days you have kept this journal.',)
    clock.advance(days=5)
    [later] = nudges.explain(journal, [journal.get(r.Nudge, nudge.id)])
    assert later.why == ('No "gratitude sent" in the 25 days you have kept this journal.',)

    touchpoint(journal, ago(-5), "gratitude-sent", "Dana")  # the rule no longer fires
    [settled] = nudges.explain(journal, [journal.get(r.Nudge, nudge.id)])
    assert settled.why == (f"On Fri 27 Nov: {nudge.facts[0]}",)  # then, dated: still true


def announced_now(journal) -> list[str]:
    told = []
    while (nudge := nudges.announce(journal)) is not None:
        told.append(nudge.id)
    return told


def test_an_unanswered_nudge_is_announced_once_then_shown_quietly_until_its_cool_down(
    journal, clock
):
    nudge = gratitude_nudge(journal, clock)
    told = announced_now(journal)
    assert nudge.id in told
    for _ in range(13):  # the gratitude rule's cool-down is 14 days
        clock.advance(days=1)
        nudges.refresh(journal)
        told += announced_now(journal)
        assert nudge.id in {n.id for n in nudges.active(journal)}  # shown, quietly
    assert told.count(nudge.id) == 1 and len(told) == len(set(told))
    clock.advance(days=1)
    [again] = [n for n in nudges.refresh(journal) if n.rule_id == "gratitude"]
    assert nudge.id not in {n.id for n in nudges.active(journal)}
    assert again.facts == ('No "gratitude sent" in the 34 days you have kept this journal.',)
    assert again.id in announced_now(journal)
    assert again.id not in announced_now(journal)
