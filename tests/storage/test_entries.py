"""The entries part: check-ins by day, entry lists, tools, goal links and nudges."""

from datetime import date, timedelta

import pytest

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage.entries import EntryFilter


def use(clock, days_ago=0, **changes) -> r.AIUse:
    values = dict(
        started_at=clock() - timedelta(days=days_ago),
        tool="ChatGPT",
        pattern="learning",
        minutes=25,
    )
    return r.AIUse(**(values | changes))


def checkin(clock, days_ago=0, **changes) -> r.Checkin:
    return r.Checkin(
        day=clock().date() - timedelta(days=days_ago), burnout=2, connection=4, **changes
    )


def test_checkin_count_stops_at_up_to(journal, clock):
    for days_ago in range(5):
        journal.save_checkin(checkin(clock, days_ago))
    journal.delete(journal.checkin_on(clock().date()))
    assert journal.checkin_count() == 4
    assert journal.checkin_count(up_to=2) == 2
    assert [c.day for c in journal.checkins_since(clock().date() - timedelta(days=3))] == [
        clock().date() - timedelta(days=3),
        clock().date() - timedelta(days=2),
        clock().date() - timedelta(days=1),
    ]  # oldest first, without the deleted one


def test_entries_are_newest_first_and_an_unknown_kind_is_refused(journal, clock):
    old = journal.add(use(clock, days_ago=2))
    point = journal.add(r.Touchpoint(at=clock() - timedelta(hours=1), kind="pairing"))
    today = journal.save_checkin(checkin(clock))[0]
    newest = journal.add(use(clock))
    assert [e.id for e in journal.entries()] == [today.id, newest.id, point.id, old.id]
    assert [e.id for e in journal.entries(EntryFilter(limit=2))] == [today.id, newest.id]
    with pytest.raises(InvalidInput, match="^kind: 'ai-uses'"):
        journal.entries(EntryFilter(kinds=("ai-uses",)))


def test_entries_to_review_are_only_imported_uses_waiting(journal, clock):
    journal.add(use(clock))
    waiting = journal.add(use(clock, source="claude-export", source_ref="c1", to_review=True))
    journal.save_checkin(checkin(clock))
    assert [e.id for e in journal.entries(EntryFilter(to_review=True))] == [waiting.id]


def test_tools_most_used_first(journal, clock):
    for tool, times in (("Claude", 1), ("Codex", 3), ("ChatGPT", 2)):
        for n in range(times):
            journal.add(use(clock, days_ago=n, tool=tool))
    journal.add(use(clock, tool="codex"))  # the same tool, typed in another case
    assert [t.casefold() for t in journal.tools()] == ["codex", "chatgpt", "claude"]


def test_assign_goal_counts_only_uses_that_change(journal, clock):
    goal = journal.add(r.Goal(name="Ship reporting"))
    first, second = journal.add(use(clock)), journal.add(use(clock, days_ago=1))
    assert journal.assign_goal([first.id, first.id], goal.id) == 1  # duplicates count once
    assert journal.assign_goal([first.id, second.id], goal.id) == 1  # first had it already
    assert journal.get(r.AIUse, second.id).goal_id == goal.id
    day = clock().date()
    assert journal.unassigned_uses(day - timedelta(days=7), day) == []
    journal.delete(goal)  # a deleted goal serves nothing
    assert len(journal.unassigned_uses(day - timedelta(days=7), day)) == 2
    assert journal.assign_goal([first.id], None) == 1
    assert journal.assign_goal([], None) == 0


def test_assign_goal_refuses_unknown_ids_and_changes_nothing(journal, clock):
    goal = journal.add(r.Goal(name="Ship reporting"))
    stored = journal.add(use(clock))
    with pytest.raises(InvalidInput, match="^goal: "):
        journal.assign_goal([stored.id], r.new_id())
    missing = r.new_id()
    with pytest.raises(InvalidInput, match=f"^AI use: '{missing}'"):
        journal.assign_goal([stored.id, missing], goal.id)
    assert journal.get(r.AIUse, stored.id).goal_id is None


def test_nudges_by_status_and_the_last_day_of_each_rule(journal, clock):
    def nudge(rule, day, status="new"):
        return journal.add(r.Nudge(rule_id=rule, day=day, facts=("f",), message="m", status=status))

    a = nudge("quiet-week", date(2026, 11, 2), "dismissed")
    b = nudge("quiet-week", date(2026, 11, 20))
    c = nudge("no-mentor", date(2026, 11, 10), "acted")
    assert [n.id for n in journal.nudges()] == [b.id, c.id, a.id]
    assert [n.id for n in journal.nudges(["acted", "dismissed"])] == [c.id, a.id]
    assert journal.last_nudge_days() == {
        "quiet-week": date(2026, 11, 20),
        "no-mentor": date(2026, 11, 10),
    }
    journal.delete(b)
    assert journal.last_nudge_days()["quiet-week"] == date(2026, 11, 2)
