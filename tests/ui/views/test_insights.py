"""The Insights view (ui/views/insights.py): the empty state, findings with the facts they rest
on, the nudges (dismissed ones on request) and a nudge shown by id."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from aijournal.analysis import insights
from aijournal.connection import nudges
from aijournal.model import records as r
from aijournal.ui.views.insights import NO_NUDGES, InsightsView


@pytest.fixture
def open_view(qtbot):
    def opened(journal) -> InsightsView:
        view = InsightsView(journal)
        qtbot.addWidget(view)
        view.resize(1000, 800)
        view.show()
        qtbot.waitExposed(view)
        return view

    return opened


@pytest.fixture
def lonely(journal, clock):
    """The gratitude rule fires: 20 days of touchpoints kept, no thank-you sent."""
    journal.add(r.Touchpoint(at=clock() - timedelta(days=20), kind="one-to-one", person="Dana"))
    return journal


def test_an_empty_journal_shows_no_numbers_and_no_nudges(open_view, journal):
    view = open_view(journal)
    assert view.findings() == [] and view.cards == []
    assert view.run_label.text().startswith("Findings are computed from fixed periods")
    assert not view.no_findings.isVisible()  # nothing was analysed: not "nothing held up"
    assert not view.error_rate.isVisible() and view.error_rate.text() == ""
    assert view.no_nudges.isVisible() and view.no_nudges.text() == NO_NUDGES
    assert not view.undo_bar.isVisible()


def test_a_finding_shows_its_method_sizes_interval_and_tested_count(open_view, journal, clock):
    from bench import insights_simulation as sim

    scenario = sim.Scenario("iid", 0, "touchpoints-connection", 2.0, missing=False)
    sim.write_journal(journal, sim.simulate(np.random.default_rng(1), scenario, 70))
    clock.set(datetime.combine(sim.START + timedelta(days=70), time(12)).astimezone())
    expected = insights.run(journal)
    assert expected.findings, "the simulated effect is found"

    view = open_view(journal)
    assert len(view.finding_labels) == len(expected.findings)
    for label, finding in zip(view.finding_labels, expected.findings):
        assert label.accessibleName() == "Finding"
        assert label.accessibleDescription() == finding.details
        text = label.text()
        assert finding.method in text
        assert f"{finding.groups[0]} days with" in text  # the sizes of both sides
        assert f"{finding.groups[1]} other days" in text
        assert "95% interval" in text
        assert f"{len(expected.findings)} of {expected.tested} tested questions held up" in text
    assert view.run_label.text() == expected.summary()
    assert view.error_rate.isVisible() and view.error_rate.text() == insights.error_rate(
        expected.alpha
    )


def test_refresh_stores_a_nudge_that_fires_anew_and_says_so_once(qtbot, open_view, lonely):
    assert nudges.active(lonely) == []
    view = open_view(lonely)  # refreshing on first show stores the nudge
    assert [c.nudge.id for c in view.cards] == [n.id for n in nudges.active(lonely)]
    assert view.cards and not view.no_nudges.isVisible()
    with qtbot.assertNotEmitted(view.changed):
        view.refresh()  # nothing new fired: no change to announce


def test_a_nudge_is_shown_by_id_with_its_first_action_focused(qtbot, open_view, lonely):
    view = open_view(lonely)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    card = view.cards[0]
    assert view.show_nudge(card.nudge.id) is card
    first = next(iter(card.buttons.values()))
    assert QApplication.focusWidget() is first
    assert not card.visibleRegion().isEmpty()  # scrolled to
    assert view.show_nudge("no-such-nudge") is None


def test_dismissed_nudges_come_back_only_when_asked_for(open_view, lonely):
    view = open_view(lonely)
    nudge = view.cards[0].nudge
    nudges.dismiss(lonely, nudge.id)
    view.show_nudges()
    assert nudge.id not in [c.nudge.id for c in view.cards]
    view.show_dismissed.setChecked(True)
    assert nudge.id in [c.nudge.id for c in view.cards]
    assert [c.nudge.id for c in view.cards].count(nudge.id) == 1
    view.show_dismissed.setChecked(False)
    assert nudge.id not in [c.nudge.id for c in view.cards]


def test_undo_with_nothing_to_undo_changes_nothing(qtbot, open_view, lonely):
    view = open_view(lonely)
    before = [c.nudge for c in view.cards]
    with qtbot.assertNotEmitted(view.changed):
        view.undo()
    assert [c.nudge for c in view.cards] == before
