"""Trend series on small journals whose answers are worked out by hand."""

from datetime import date, datetime, time, timedelta

import numpy as np
import pytest

from aijournal.analysis import trends
from aijournal.model import records as r
from aijournal.wellbeing.instruments import instrument

TODAY = date(2026, 11, 27)  # the `clock` fixture's Friday


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def midnight(day: date) -> float:
    return datetime.combine(day, time()).astimezone().timestamp()


def use(journal, day, pattern="learning", minutes=10, **fields):
    return journal.add(
        r.AIUse(started_at=at(day), tool="Claude", pattern=pattern, minutes=minutes, **fields)
    )


def test_weekly_charts_by_hand(journal):
    goal = journal.add(r.Goal(name="Ship reporting"))
    # Week of Mon 11-09: learning 10 min (goal), validation 20, directive 30 (replaced a person).
    use(journal, date(2026, 11, 9), "learning", 10, goal_id=goal.id)
    use(journal, date(2026, 11, 11), "validation", 20)
    use(journal, date(2026, 11, 15), "directive", 30, replaced_person=True)
    journal.add(r.Touchpoint(at=at(date(2026, 11, 10)), kind="pairing", minutes=45))
    # Nothing in the week of 11-16; week of 11-23: one feedback loop, two touchpoints.
    use(journal, date(2026, 11, 23), "feedback-loop", 5, goal_id=goal.id)
    journal.add(r.Touchpoint(at=at(date(2026, 11, 26)), kind="social", minutes=15))
    journal.add(r.Touchpoint(at=at(date(2026, 11, 26), 12), kind="social"))
    journal.delete(use(journal, date(2026, 11, 24), "learning", 99))  # counts nowhere

    data = trends.series(journal)

    modes = data.modes
    mondays = [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    assert modes.x.tolist() == [midnight(d) for d in mondays]
    assert modes.days.tolist() == mondays
    np.testing.assert_allclose(modes.augmentation, [2 / 3, np.nan, 0.0])
    np.testing.assert_allclose(modes.automation, [1 / 3, np.nan, 1.0])
    assert modes.uses.tolist() == [3, 0, 1]
    counts = dict(zip(modes.patterns, modes.pattern_counts.tolist()))
    assert counts == {
        "task-iteration": [0, 0, 0],
        "learning": [1, 0, 0],
        "validation": [1, 0, 0],
        "directive": [1, 0, 0],
        "feedback-loop": [0, 0, 1],
    }
    assert modes.pattern_labels[1] == "Learning"
    people = data.time_with_people
    assert people.ai_minutes.tolist() == [60, 0, 5]
    assert people.touchpoints.tolist() == [1, 0, 2]
    assert people.touchpoint_minutes.tolist() == [45, 0, 15]
    assert data.replaced.uses.tolist() == [1, 0, 0]
    np.testing.assert_allclose(data.alignment.share, [10 / 60, np.nan, 1.0])
    assert data.alignment.goal_minutes.tolist() == [10, 0, 5]
    assert modes.shortfall is None  # two weeks with AI uses are enough


def test_a_range_fills_its_weeks_and_leaves_out_what_is_outside(journal):
    use(journal, date(2026, 10, 1))
    use(journal, date(2026, 11, 25), "directive")
    data = trends.series(journal, date(2026, 11, 2), TODAY)
    assert data.modes.days.tolist() == [date(2026, 11, 2) + timedelta(weeks=w) for w in range(4)]
    assert data.modes.uses.tolist() == [0, 0, 0, 1]
    assert data.modes.shortfall == (
        "Log AI uses in a few more weeks to see a trend (1 of 2 weeks so far)"
    )


def test_moods_points_rolling_mean_and_gaps(journal):
    # Burnout 1, 2, 3 on three days in a row, a gap of a week, then 5 alone.
    for offset, burnout in ((0, 1), (1, 2), (2, 3), (10, 5)):
        journal.save_checkin(
            r.Checkin(
                day=date(2026, 11, 1) + timedelta(days=offset),
                burnout=burnout,
                connection=6 - burnout,
            )
        )
    moods = trends.series(journal).moods
    assert moods.days.tolist() == [
        date(2026, 11, 1),
        date(2026, 11, 2),
        date(2026, 11, 3),
        date(2026, 11, 11),
    ]
    assert moods.burnout.tolist() == [1, 2, 3, 5]
    assert moods.connection.tolist() == [5, 4, 3, 1]
    # The 7-day mean needs 3 check-ins in its window: none on the first two days, nor alone.
    np.testing.assert_allclose(moods.burnout_mean, [np.nan, np.nan, 2.0, np.nan])
    np.testing.assert_allclose(moods.connection_mean, [np.nan, np.nan, 4.0, np.nan])
    assert not moods.weekly
    assert moods.shortfall == "Check in on a few more days to see a trend (4 of 7 days so far)"


def test_moods_over_more_than_a_year_are_weekly_means(journal):
    first = date(2025, 6, 2)  # a Monday
    with journal.transaction():
        for offset in range(0, 420):
            day = first + timedelta(days=offset)
            journal.save_checkin(r.Checkin(day=day, burnout=1 + offset % 2, connection=3))
    moods = trends.series(journal).moods
    assert moods.weekly
    assert len(moods.x) == 60 and moods.days[0] == np.datetime64("2025-06-02")
    # Each full week alternates 1, 2, 1, 2, …: four 1s and three 2s, or the other way round.
    assert set(np.round(moods.burnout, 4)) == {round(10 / 7, 4), round(11 / 7, 4)}
    assert np.all(moods.connection == 3) and np.all(moods.connection_mean == 3)
    # The last 4 weeks alone are daily points again.
    recent = trends.series(journal, date(2026, 6, 29), date(2026, 7, 26)).moods
    assert not recent.weekly and len(recent.x) == 28


def test_instrument_scores_come_with_their_bands(journal):
    for day, answers, score in (
        (date(2026, 11, 1), (3, 3, 3, 3, 3), 60),
        (date(2026, 11, 15), (2, 2, 2, 2, 2), 40),
    ):
        journal.add(r.Assessment(instrument="who5", day=day, answers=answers, score=score))
    who5, cbi, ucla3 = trends.series(journal).instruments
    assert who5.instrument_id == "who5" and who5.scores.tolist() == [60, 40]
    assert who5.x.tolist() == [midnight(date(2026, 11, 1)), midnight(date(2026, 11, 15))]
    assert who5.bands == instrument("who5").bands
    assert [b.max for b in who5.bands] == [28, 50, None]
    assert who5.shortfall is None
    assert ucla3.shortfall == "Take Loneliness at least twice to see a trend (0 of 2 so far)"
    assert len(cbi.x) == 0


def test_skills_learned_with_ai_and_with_people_per_month(journal):
    use(journal, date(2026, 10, 5), skills=("SQL", "dbt"))
    use(journal, date(2026, 11, 2), skills=("SQL",))
    journal.add(r.Touchpoint(at=at(date(2026, 11, 3)), kind="pairing", skills=("SQL",)))
    learning = trends.series(journal).learning
    assert learning.days.tolist() == [date(2026, 10, 1), date(2026, 11, 1)]
    assert learning.with_ai.tolist() == [2, 1]
    assert learning.with_people.tolist() == [0, 1]


def test_an_empty_journal_gives_empty_charts_with_their_messages(journal):
    data = trends.series(journal)
    assert all(len(chart.x) == 0 for chart in data.charts)
    assert data.moods.shortfall == (
        "Check in on a few more days to see a trend (0 of 7 days so far)"
    )
    assert all(chart.shortfall for chart in data.charts)


def test_ranges_start_on_mondays():
    found = trends.ranges(TODAY)
    assert [c.label for c in found] == ["4 weeks", "3 months", "1 year", "all"]
    assert [c.start for c in found] == [
        date(2026, 11, 2),
        date(2026, 8, 31),
        date(2025, 12, 1),
        None,
    ]
    assert all(c.end == TODAY for c in found)


@pytest.mark.parametrize("choice", trends.ranges(TODAY), ids=lambda c: c.label)
def test_every_range_of_the_sample_journal_has_charts(sample_journal, choice):
    data = trends.series(sample_journal, choice.start, choice.end)
    assert data.modes.shortfall is None and data.moods.shortfall is None
    assert len(data.modes.x) == data.modes.pattern_counts.shape[1]
    assert np.all(np.diff(data.moods.x) > 0)


def test_points_sit_at_local_midnight_on_both_sides_of_a_dst_change(journal, clock, berlin):
    clock.set(datetime.combine(date(2026, 4, 10), time(12)).astimezone())
    first = date(2026, 3, 26)  # summer time starts on Sunday 29 March
    for offset in range(8):
        journal.save_checkin(r.Checkin(day=first + timedelta(days=offset), burnout=2, connection=3))
    moods = trends.series(journal, first, first + timedelta(days=7)).moods
    assert moods.x.tolist() == [midnight(first + timedelta(days=d)) for d in range(8)]
    steps = np.diff(moods.x).tolist()
    assert steps.count(23 * 3600) == 1 and steps.count(24 * 3600) == 6  # a 23-hour day
    # Each point reads as its own day at local midnight, before and after the change.
    assert all(datetime.fromtimestamp(x).time() == time() for x in moods.x)


def test_the_rolling_mean_at_a_range_start_uses_the_days_before_it(journal):
    start = date(2026, 11, 2)
    for offset, burnout in ((-3, 5), (-2, 5), (-1, 5), (0, 2)):
        journal.save_checkin(
            r.Checkin(day=start + timedelta(days=offset), burnout=burnout, connection=3)
        )
    moods = trends.series(journal, start, TODAY).moods
    assert moods.days.tolist() == [start]  # the days before are not drawn
    np.testing.assert_allclose(moods.burnout_mean, [(5 * 3 + 2) / 4])
    assert moods.have == 1


def test_the_current_week_is_marked_partial(journal):
    use(journal, date(2026, 11, 16))
    use(journal, date(2026, 11, 25))  # this week: Monday 23 to Friday 27 (today) so far
    data = trends.series(journal, date(2026, 11, 16), TODAY)
    assert data.modes.partial_from == midnight(date(2026, 11, 23))
    assert data.time_with_people.partial_from == data.modes.partial_from
    assert data.learning.partial_from == midnight(date(2026, 11, 1))
    # A range that ended on a Sunday has only whole weeks.
    whole = trends.series(journal, date(2026, 11, 9), date(2026, 11, 22))
    assert whole.modes.partial_from is None
    assert data.moods.partial_from is None  # daily points: each day is whole


def test_factor_charts_by_hand(journal):
    from aijournal.journaling import capture, factors

    slept = factors.add(journal, "Slept well", "yes-no")
    focus = factors.add(journal, "Focus", "scale")
    # Week of Mon 11-16: slept well yes, yes, no; focus 2, 4, 3 on three days in a row.
    # Week of 11-23: slept well no (Mon) and not answered on Tue.
    answers = {
        date(2026, 11, 16): {slept.id: 1, focus.id: 2},
        date(2026, 11, 17): {slept.id: 1, focus.id: 4},
        date(2026, 11, 18): {slept.id: 0, focus.id: 3},
        date(2026, 11, 23): {slept.id: 0},
        date(2026, 11, 24): {focus.id: 5},
    }
    for day, given in answers.items():
        capture.save_checkin(journal, day, {"burnout": 2, "connection": 3, "factors": given})
    factors.set_archived(journal, slept, True)  # archived: its history is still drawn

    data = trends.series(journal, date(2026, 11, 16), TODAY)
    yes_no, scale = data.factors
    assert data.charts[-2:] == data.factors
    assert yes_no.title == "Slept well (archived)" and yes_no.weekly
    assert yes_no.days.tolist() == [date(2026, 11, 16), date(2026, 11, 23)]
    np.testing.assert_allclose(yes_no.values, [2 / 3, 0.0])
    assert yes_no.answered.tolist() == [3, 1]
    assert yes_no.partial_from == midnight(date(2026, 11, 23))  # this week is not over
    assert yes_no.rows() == [
        {"week": "2026-11-16", "days_answered": 3, "yes_days": 2, "yes_share": 0.667},
        {"week": "2026-11-23", "days_answered": 1, "yes_days": 0, "yes_share": 0.0},
    ]
    assert scale.days.tolist() == [date(2026, 11, d) for d in (16, 17, 18, 24)]
    np.testing.assert_allclose(scale.values, [2, 4, 3, 5])
    # 7-day mean: needs 3 answers in the 7 days ending there.
    np.testing.assert_allclose(scale.means, [np.nan, np.nan, 3.0, np.nan])
    assert scale.have == 4 and scale.shortfall == (
        "Answer “Focus” on a few more days to see a trend (4 of 7 days so far)"
    )
    assert trends.factor_chart(journal, focus, date(2026, 11, 16), TODAY).rows() == scale.rows()
    (one, two) = trends.factor_summaries(journal)
    assert one.as_dict() == {
        "days_answered": 4,
        "last_answered": "2026-11-23",
        "yes_share": 0.5,
        "mean": None,
    }
    assert (two.days_answered, two.mean) == (4, 3.5)


def test_a_long_range_draws_a_scale_factor_as_weekly_means(journal):
    from aijournal.journaling import capture, factors

    focus = factors.add(journal, "Focus", "scale")
    first = TODAY - timedelta(days=400)
    for offset in range(0, 400, 3):
        capture.save_checkin(
            journal,
            first + timedelta(days=offset),
            {"burnout": 2, "connection": 3, "factors": {focus.id: 1 + offset % 5}},
        )
    (chart,) = trends.series(journal).factors
    assert chart.weekly and chart.answered.sum() == len(range(0, 400, 3))
    assert np.all((chart.values >= 1) & (chart.values <= 5))


def test_all_time_factor_weeks_start_on_mondays(journal):
    from aijournal.journaling import capture, factors

    gym = factors.add(journal, "Gym", "yes-no")
    for day in (date(2026, 11, 4), date(2026, 11, 19)):  # a Wednesday, a Thursday
        capture.save_checkin(journal, day, {"burnout": 2, "connection": 3, "factors": {gym.id: 1}})
    (chart,) = trends.series(journal).factors
    assert chart.days.tolist()[0] == date(2026, 11, 2)
    assert chart.answered.tolist() == [1, 0, 1]  # to the last answer, as the others
