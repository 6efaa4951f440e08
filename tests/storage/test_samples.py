"""The sample part: marking what the sample data wrote, removing exactly that, and Undo."""

from datetime import timedelta

import pytest

from aijournal.model import records as r
from aijournal.model.errors import JournalError


def use(clock, **changes) -> r.AIUse:
    values = dict(started_at=clock(), tool="ChatGPT", pattern="learning", minutes=25)
    return r.AIUse(**(values | changes))


@pytest.fixture
def sampled(journal, clock):
    """A journal with one record of the user's, then a small marked sample."""
    mine = journal.add(use(clock, tool="Mine"))
    after = journal.last_rowids()
    journal.add(use(clock, tool="Sample", skills=("SQL",)))
    journal.add(r.Touchpoint(at=clock(), kind="pairing", person="Dana"))
    journal.add(r.Goal(name="Sample goal"))
    journal.save_checkin(r.Checkin(day=clock().date(), burnout=2, connection=4))
    journal.mark_sample(after)
    return journal, mine


def test_marks_count_only_what_the_sample_wrote(sampled):
    journal, _ = sampled
    assert journal.sample_counts() == {
        "people": 1,
        "skills": 1,
        "goals": 1,
        "ai_uses": 1,
        "checkins": 1,
        "touchpoints": 1,
        "learning_events": 1,
    }
    assert journal.last_rowids()["ai_uses"] == 2


def test_removal_takes_the_sample_and_leaves_the_users_records(sampled):
    journal, mine = sampled
    removal = journal.remove_sample()
    assert removal.removed["ai_uses"] == 1 and removal.kept == {}
    assert [u.id for u in journal.all(r.AIUse)] == [mine.id]
    assert journal.counts()["people"] == journal.counts()["goals"] == 0
    assert journal.sample_counts() == {}
    assert journal.last_sample_removal() == removal.stamp
    assert set(journal.take_changes()) >= {"ai_uses", "people", "checkins"}


def test_undo_brings_back_exactly_the_removed_records(sampled, clock):
    journal, mine = sampled
    deleted_by_hand = journal.delete(journal.all(r.Goal)[0])  # before the removal
    removal = journal.remove_sample()
    assert "goals" not in removal.removed
    journal.delete(mine)
    restored = journal.restore_sample(removal.stamp)
    assert restored == {
        "people": 1,
        "skills": 1,
        "ai_uses": 1,
        "checkins": 1,
        "touchpoints": 1,
        "learning_events": 1,
    }
    assert [u.tool for u in journal.all(r.AIUse)] == ["Sample"]  # not the user's own
    assert journal.get(r.Goal, deleted_by_hand.id) is None
    assert journal.last_sample_removal() is None
    with pytest.raises(JournalError, match="no removed sample data"):
        journal.restore_sample(removal.stamp)


def test_a_sample_record_the_user_refers_to_becomes_theirs(sampled, clock):
    journal, _ = sampled
    goal = journal.all(r.Goal)[0]
    journal.add(
        r.Touchpoint(at=clock() - timedelta(hours=1), kind="social", person="Dana", goal_id=goal.id)
    )
    removal = journal.remove_sample()
    assert removal.kept == {"people": 1, "goals": 1}
    assert [p.name for p in journal.all(r.Person)] == ["Dana"]
    assert journal.sample_counts() == {}
    journal.restore_sample(removal.stamp)
    assert journal.sample_counts().get("people") is None  # no longer sample data


def test_undo_refuses_when_the_day_is_taken_again(sampled, clock):
    journal, _ = sampled
    removal = journal.remove_sample()
    journal.save_checkin(r.Checkin(day=clock().date(), burnout=5, connection=1))
    with pytest.raises(JournalError, match="cannot come back.*Nothing was restored"):
        journal.restore_sample(removal.stamp)
    assert journal.checkin_on(clock().date()).burnout == 5
    assert journal.counts()["ai_uses"] == 1


def test_nudges_still_open_go_with_the_sample_and_come_back_with_undo(sampled, clock):
    """Prompted while the sample was in (its figures fed them): open ones go, answered stay."""
    journal, _ = sampled
    day = clock().date()

    def nudge(status: str, **more) -> r.Nudge:
        return journal.add(
            r.Nudge(rule_id="low-connection", day=day, facts={}, message="m", status=status, **more)
        )

    new, snoozed = nudge("new"), nudge("snoozed", snoozed_until=day + timedelta(days=2))
    acted = nudge("acted", helped=True)
    removal = journal.remove_sample()
    assert removal.removed["nudges"] == 2
    assert [n.id for n in journal.all(r.Nudge)] == [acted.id]  # the user's answer stays
    assert journal.sample_counts() == {}
    journal.restore_sample(removal.stamp)
    assert {n.id for n in journal.all(r.Nudge)} == {new.id, snoozed.id, acted.id}
