"""The sample data: reproducible, realistic enough to show every chart a story."""

from aijournal.analysis import stats
from aijournal.journaling import demo
from aijournal.storage import exchange


def test_same_seed_same_journal(journal, tmp_path, clock):
    from aijournal.storage import DataPaths, Journal
    from aijournal.storage.unlock import Key

    demo.fill(journal, days=40)
    with Journal.create(DataPaths(tmp_path / "twin"), Key.random(), clock=clock) as twin:
        demo.fill(twin, days=40)
        ours, theirs = (exchange.export_data(j)["tables"] for j in (journal, twin))
        links = ("skill_id", "ai_use_id", "touchpoint_id")
        # Learning events are made by the journal itself; what they link must match.
        assert [tuple(e[k] for k in links) for e in ours.pop("learning_events")] == [
            tuple(e[k] for k in links) for e in theirs.pop("learning_events")
        ]
        assert ours == theirs


def test_the_year_has_a_story(journal):
    demo.fill(journal, days=365)
    weeks = [w for w in stats.weekly(journal) if w.checkins >= 3]
    spring = weeks[len(weeks) * 3 // 10 : len(weeks) * 5 // 10]
    autumn = weeks[-10:]
    mean = lambda ws, f: sum(getattr(w, f) or 0 for w in ws) / len(ws)  # noqa: E731
    assert mean(spring, "burnout_mean") > mean(autumn, "burnout_mean") + 0.5
    assert mean(spring, "connection_mean") < mean(autumn, "connection_mean") - 0.5
    assert mean(spring, "replaced") > mean(autumn, "replaced")


def test_cancel_writes_nothing(journal):
    import pytest

    from aijournal.model.errors import JournalError

    with pytest.raises(JournalError, match="cancelled"):
        demo.fill(journal, days=30, progress=lambda done, total: done < 10)
    assert sum(journal.counts().values()) == 0


def test_the_story_has_two_factors_answered_with_the_check_ins(journal):
    demo.fill(journal, days=120)
    slept, focus = journal.factors()
    assert [(f.name, f.kind) for f in (slept, focus)] == [
        ("Slept well", "yes-no"),
        ("Focus time", "scale"),
    ]
    checkins = journal.checkins_since(journal.clock().date().replace(year=2000))
    assert all(slept.id in c.factor_values for c in checkins)
    assert sum(focus.id in c.factor_values for c in checkins) > len(checkins) * 0.7
    assert {c.factor_values[slept.id] for c in checkins} == {0, 1}
