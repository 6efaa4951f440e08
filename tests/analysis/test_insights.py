"""Insights: Spearman and its interval by hand, and which findings show (and which do not)."""

import math
from datetime import date, datetime, time, timedelta

import numpy as np
import pytest

from aijournal.analysis import insights
from aijournal.model import records as r

TODAY = date(2026, 11, 27)


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def days_back(n: int) -> list[date]:
    return [TODAY - timedelta(days=i) for i in range(n - 1, -1, -1)]


def test_ranks_average_ties():
    assert insights.ranks(np.array([10, 20, 20, 30])).tolist() == [1, 2.5, 2.5, 4]
    assert insights.ranks(np.array([3, 1, 3, 3])).tolist() == [3, 1, 3, 3]


def test_spearman_with_ties_by_hand():
    # y's ranks are 1, 2, 3.5, 5, 3.5; deviations from 3: -2, -1, .5, 2, .5 against -2 … 2.
    # Sum of products 8, sums of squares 10 and 9.5: rho = 8 / sqrt(95).
    found = insights.spearman(np.array([1, 2, 3, 4, 5]), np.array([5, 6, 7, 8, 7]))
    rho = 8 / math.sqrt(95)
    assert found.rho == pytest.approx(rho)
    margin = 1.959964 * math.sqrt(1.06 / (5 - 3))
    assert found.low == pytest.approx(math.tanh(math.atanh(rho) - margin))
    assert found.high == pytest.approx(math.tanh(math.atanh(rho) + margin))
    assert found.low == pytest.approx(-0.2622, abs=1e-3) and found.n == 5
    assert not found.excludes_zero


def test_spearman_skips_unknown_pairs_and_refuses_what_cannot_vary():
    found = insights.spearman(np.array([1, 2, np.nan, 3, 4, 5]), np.array([2, 4, 1, 6, 8, 10]))
    assert found.rho == pytest.approx(1.0) and found.n == 5
    assert insights.spearman(np.array([1, 2, 3, 4]), np.array([3, 3, 3, 3])) is None
    assert insights.spearman(np.array([1, 2, 3]), np.array([1, 2, 3])) is None


def test_welch_difference_and_t_quantile():
    assert insights.t95(10) == pytest.approx(2.228, abs=0.005)
    assert insights.t95(4) == pytest.approx(2.776, abs=0.02)
    found = insights.difference(np.array([2, 2, 3, 3]), np.array([4, 4, 5, 5]))
    assert found.value == -2 and found.sizes == (4, 4)
    # Each side: variance 1/3, over 4 → 1/12; se = sqrt(1/6); df = 6.
    se = math.sqrt(1 / 6)
    assert found.high == pytest.approx(-2 + insights.t95(6) * se)
    assert found.excludes_zero


def fill_days(journal, connections, replaced, extra_uses=0):
    """One check-in per day ending today; `replaced[i]` uses that replaced a person that day."""
    with journal.transaction():
        for day, connection, count in zip(days_back(len(connections)), connections, replaced):
            journal.save_checkin(r.Checkin(day=day, burnout=2, connection=connection))
            for _ in range(count):
                journal.add(
                    r.AIUse(
                        started_at=at(day),
                        tool="ChatGPT",
                        pattern="directive",
                        minutes=10,
                        replaced_person=True,
                    )
                )
            for _ in range(extra_uses):
                journal.add(
                    r.AIUse(started_at=at(day, 8), tool="Claude", pattern="learning", minutes=10)
                )


def test_a_clear_relationship_over_14_days_shows_with_its_n(journal):
    replaced = [0, 1, 2, 3] * 3 + [0, 3]
    fill_days(journal, [5 - x for x in replaced], replaced, extra_uses=1)
    found = {i.id: i for i in insights.findings(journal)}
    insight = found["replaced-connection"]
    assert insight.n == 14 and insight.rho == pytest.approx(-1.0)
    assert insight.high < 0
    assert insight.text.startswith(
        "On days with more AI uses that replaced a person, your "
        "connection tended to be lower (Spearman's rho −1.00"
    )
    assert insight.text.endswith("n = 14 days).")


def test_fewer_than_14_paired_days_give_no_finding(journal):
    replaced = [0, 1, 2, 3] * 3 + [0]
    fill_days(journal, [5 - x for x in replaced], replaced, extra_uses=1)
    assert insights.findings(journal) == []


def test_no_finding_when_the_interval_includes_zero(journal):
    # Connection does not follow replaced-person uses: rho is small, its interval spans 0.
    replaced = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]
    connection = [3, 4, 2, 3, 4, 3, 3, 2, 2, 3, 4, 4, 3, 2, 3, 3]
    fill_days(journal, connection, replaced)
    found = insights.spearman(np.array(replaced), np.array(connection))
    assert found.n == 16 and not found.excludes_zero
    assert "replaced-connection" not in {i.id for i in insights.findings(journal)}


def test_group_difference_names_its_groups(journal):
    # 7 days with two replaced-person uses (connection 2), 7 without (connection 3 or 4).
    replaced = [2, 0] * 7
    connection = [2, 3, 2, 4, 2, 3, 2, 4, 2, 3, 2, 4, 2, 3]
    fill_days(journal, connection, replaced)
    insight = {i.id: i for i in insights.findings(journal)}["replaced-two-connection"]
    assert insight.groups == (7, 7) and insight.n == 14
    assert insight.difference == pytest.approx(2 - 24 / 7)
    assert insight.text.startswith(
        "On days with two or more AI uses that replaced a person, "
        "your connection was 1.4 lower than on other days"
    )
    assert "n = 7 days, against 7" in insight.text


def add_uses(journal, day, augmenting, automating):
    for i in range(augmenting):
        journal.add(
            r.AIUse(started_at=at(day, 9 + i % 8), tool="Claude", pattern="learning", minutes=5)
        )
    for i in range(automating):
        journal.add(
            r.AIUse(started_at=at(day, 9 + i % 8), tool="Claude", pattern="directive", minutes=5)
        )


@pytest.mark.parametrize(("uses", "shows"), [(10, True), (9, False)])
def test_augmentation_share_trend_needs_enough_uses(journal, uses, shows):
    before, after = TODAY - timedelta(days=40), TODAY - timedelta(days=3)
    add_uses(journal, before, uses, 0)  # 100% augmentation in the 4 weeks before
    add_uses(journal, after, 1, uses - 1)  # then mostly automation
    found = {i.id: i for i in insights.findings(journal)}
    assert ("augmentation-trend" in found) is shows
    if shows:
        assert found["augmentation-trend"].text.startswith(
            "Your augmentation share fell from 100% to 10% over the last 4 weeks"
        )
        assert found["augmentation-trend"].groups == (10, 10)


def acted_nudge(journal, day):
    touchpoint = journal.add(r.Touchpoint(at=at(day), kind="one-to-one"))
    return journal.add(
        r.Nudge(
            rule_id="low-connection",
            day=day,
            facts=("x",),
            message="m",
            status="acted",
            touchpoint_id=touchpoint.id,
            helped=True,
        )
    )


@pytest.mark.parametrize(("acted", "shows"), [(3, True), (2, False)])
def test_did_acting_on_nudges_help_needs_three(journal, acted, shows):
    # Connection 2 for the week before each action, 4 for the week after.
    start = TODAY - timedelta(days=80)
    for k in range(acted):
        action = start + timedelta(days=20 * k + 8)
        for offset in range(1, 8):
            journal.save_checkin(
                r.Checkin(day=action - timedelta(days=offset), burnout=2, connection=2)
            )
            journal.save_checkin(
                r.Checkin(
                    day=action + timedelta(days=offset),
                    burnout=2,
                    connection=4 if offset % 2 else 3,
                )
            )
        acted_nudge(journal, action)
    found = insights.nudges_helped(journal)
    assert (found is not None) is shows
    if shows:
        assert found.n == 3 and found.difference == pytest.approx(4 * 4 / 7 + 3 * 3 / 7 - 2)
        assert found.text.startswith(
            "In the week after the 3 nudges you acted on, your "
            "connection averaged 1.6 higher than in the week before"
        )
        assert found.text.endswith("You said it helped 3 of 3 times.")


def test_the_sample_journal_has_at_least_one_finding(sample_journal):
    found = insights.findings(sample_journal)
    assert found
    assert all(i.n >= insights.MIN_DAYS for i in found if i.kind == "relationship")
    assert all(i.low > 0 or i.high < 0 for i in found if i.kind != "nudges")
