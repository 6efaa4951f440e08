"""Weekly statistics on a small journal whose answers are computed by hand."""

from datetime import date, datetime, time, timedelta

from aijournal.analysis import stats
from aijournal.model import records as r


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def test_weekly_figures_by_hand(journal):
    # Week of Mon 2026-11-09: 3 uses (2 augmentation), 10+20+30 min, 1 replaced a person.
    journal.add(
        r.AIUse(started_at=at(date(2026, 11, 9)), tool="Claude", pattern="learning", minutes=10)
    )
    journal.add(
        r.AIUse(started_at=at(date(2026, 11, 11)), tool="Claude", pattern="validation", minutes=20)
    )
    journal.add(
        r.AIUse(
            started_at=at(date(2026, 11, 15)),
            tool="ChatGPT",
            pattern="directive",
            minutes=30,
            replaced_person=True,
        )
    )
    journal.add(r.Touchpoint(at=at(date(2026, 11, 10)), kind="pairing", minutes=45))
    journal.save_checkin(r.Checkin(day=date(2026, 11, 10), burnout=2, connection=4))
    journal.save_checkin(r.Checkin(day=date(2026, 11, 12), burnout=3, connection=3))
    # Nothing in the week of 11-16. Week of 11-23: one directive use, one touchpoint.
    journal.add(
        r.AIUse(
            started_at=at(date(2026, 11, 23)), tool="ChatGPT", pattern="feedback-loop", minutes=5
        )
    )
    journal.add(r.Touchpoint(at=at(date(2026, 11, 26)), kind="social"))
    # A deleted entry counts nowhere.
    gone = journal.add(
        r.AIUse(started_at=at(date(2026, 11, 24)), tool="X", pattern="learning", minutes=99)
    )
    journal.delete(gone)

    weeks = stats.weekly(journal)

    assert [w.start for w in weeks] == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    first, empty, last = weeks
    assert (first.ai_uses, first.augmentation_uses, first.ai_minutes, first.replaced) == (
        3,
        2,
        60,
        1,
    )
    assert first.augmentation_share == 2 / 3
    assert (first.touchpoints, first.touchpoint_minutes) == (1, 45)
    assert (first.burnout_mean, first.connection_mean) == (2.5, 3.5)
    assert empty.ai_uses == 0 and empty.augmentation_share is None
    assert empty.burnout_mean is None
    assert (last.ai_uses, last.augmentation_share, last.ai_minutes) == (1, 0.0, 5)
    assert last.touchpoints == 1 and last.touchpoint_minutes == 0
    assert last.as_dict()["start"] == "2026-11-23"


def test_weekly_range_is_filled_even_without_data(journal):
    weeks = stats.weekly(journal, date(2026, 11, 4), date(2026, 11, 20))
    assert [w.start for w in weeks] == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    assert stats.weekly(journal) == []


def test_stats_trends_and_the_summary_count_the_same_weeks(sample_journal, tmp_path):
    """One weekly query and one week rule: the CLI, Trends and a coach summary agree."""
    from aijournal.analysis import trends
    from aijournal.sharing import summary

    journal = sample_journal
    end = journal.clock().date()
    start = end - timedelta(days=62)
    weeks = stats.weekly(journal, start, end)
    shown = trends.series(journal, start, end)
    assert [w.start for w in weeks] == [d.item() for d in shown.modes.days]
    assert [w.ai_uses for w in weeks] == shown.modes.uses.astype(int).tolist()
    assert [w.ai_minutes for w in weeks] == shown.time_with_people.ai_minutes.astype(int).tolist()
    assert [w.touchpoints for w in weeks] == shown.time_with_people.touchpoints.tolist()
    assert [w.replaced for w in weeks] == shown.replaced.uses.astype(int).tolist()
    data = summary.build(journal, start, end)
    assert [(x["week"], x["uses"]) for x in data["replaced"]["weeks"]] == [
        (w.start.isoformat(), w.replaced) for w in weeks
    ]
