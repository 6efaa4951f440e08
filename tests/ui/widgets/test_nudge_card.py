"""Nudge cards on Insights and Today: plan, snooze, dismiss, follow-up, tray notices."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from aijournal.connection import notices, nudges
from aijournal.model import records as r
from aijournal.ui.views.insights import InsightsView
from aijournal.ui.views.today import TodayView
from aijournal.ui.widgets.basics import find


@pytest.fixture
def lonely(journal, clock):
    """A journal where the gratitude rule fires: 20 days kept, no thank-you sent."""
    start = clock() - timedelta(days=20)
    journal.add(r.Touchpoint(at=start, kind="one-to-one", person="Dana"))
    return journal


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def insights(qtbot, journal) -> InsightsView:
    view = InsightsView(journal)
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    return view


def test_plan_then_logging_a_touchpoint_marks_it_acted(qtbot, lonely, clock):
    view = insights(qtbot, lonely)
    assert view.cards, "a nudge card is shown"
    card = view.cards[0]
    dialog = card.open_plan()
    dialog.day.setDate(dialog.day.minimumDate())
    click(qtbot, dialog.plan_button)
    planned = lonely.get(r.Nudge, card.nudge.id)
    assert planned.status == "planned" and planned.planned_day == clock().date()

    today = TodayView(lonely)
    qtbot.addWidget(today)
    form = today.touch_form
    qtbot.keyClicks(form.person, "Dana")
    click(qtbot, form.save_button)
    assert lonely.get(r.Nudge, card.nudge.id).status == "acted"


def test_snooze_hides_the_nudge_for_a_week(qtbot, lonely, clock):
    view = insights(qtbot, lonely)
    title = view.cards[0].nudge.rule_id
    click(qtbot, find(view.cards[0], QPushButton, "Snooze a week"))
    assert title not in [c.nudge.rule_id for c in view.cards]
    clock.advance(days=7)
    view.refresh()
    assert title in [c.nudge.rule_id for c in view.cards]


def test_dismiss_removes_the_card_and_undo_brings_it_back(qtbot, lonely):
    view = insights(qtbot, lonely)
    nudge_id = view.cards[0].nudge.id
    click(qtbot, find(view.cards[0], QPushButton, "Dismiss"))
    assert nudge_id not in [c.nudge.id for c in view.cards]
    assert lonely.get(r.Nudge, nudge_id).status == "dismissed"
    click(qtbot, view.undo_button)
    assert nudge_id in [c.nudge.id for c in view.cards]


def test_today_shows_the_newest_nudge_and_asks_once_if_it_helped(qtbot, lonely, clock):
    nudges.refresh(lonely)
    newest = nudges.active(lonely)[0]
    today = TodayView(lonely)
    qtbot.addWidget(today)
    today.show()
    assert today.nudge_card is not None and today.nudge_card.nudge.id == newest.id
    touch = lonely.add(r.Touchpoint(at=clock(), kind="gratitude-sent", person="Dana"))
    nudges.acted(lonely, newest.id, touch.id)
    clock.advance(days=1)
    today.refresh()
    assert today.follow_up.isVisible()
    click(qtbot, today.follow_up.buttons[True])
    assert lonely.get(r.Nudge, newest.id).helped is True
    today.refresh()  # asked once: the thanks stays, the question does not come back
    assert not today.follow_up.buttons[True].isVisible()
    assert nudges.follow_up_due(lonely) == []


def test_a_new_nudge_is_announced_once_at_most_one_a_day(lonely, clock):
    from aijournal.journaling.settings import Settings

    Settings(lonely)["quiet_hours"] = ""
    nudges.refresh(lonely)
    [said] = notices.take_due(lonely)
    assert notices.take_due(lonely) == []
    for _ in range(5):  # the same unanswered nudge is not announced again the next days
        clock.advance(days=1)
        nudges.refresh(lonely)
        assert said.nudge_id not in {n.nudge_id for n in notices.take_due(lonely)}
    assert len(nudges.active(lonely)) >= 1  # still shown, quietly


def test_insights_says_when_a_small_journal_is_first_analysed(qtbot, lonely):
    view = insights(qtbot, lonely)
    assert view.findings() == []
    assert not view.no_findings.isVisible()  # nothing was analysed, so nothing "held up"
    assert "after 30 days of check-ins" in view.run_label.text()


def test_insights_shows_a_finding_with_what_it_rests_on(qtbot, journal, clock):
    from bench import insights_simulation as sim

    # 70 days with connection clearly higher on days with two or more touchpoints.
    scenario = sim.Scenario("iid", 0, "touchpoints-connection", 2.0, missing=False)
    days = sim.simulate(np.random.default_rng(1), scenario, 70)
    sim.write_journal(journal, days)
    clock.set(datetime.combine(sim.START + timedelta(days=70), time(12)).astimezone())
    view = insights(qtbot, journal)
    [text] = [t for t in view.findings() if "two or more touchpoints, your connection" in t]
    assert "higher than on other days" in text and "95% interval" in text
    assert "tested questions held up" in text
    assert "(60 days)" in view.run_label.text()
    assert "not proof of no pattern" in view.error_rate.text()


def test_insights_says_nothing_held_up_when_nothing_did(qtbot, journal, clock):
    from bench import insights_simulation as sim

    sim.write_journal(journal, sim.simulate(np.random.default_rng(2), sim.Scenario("iid"), 70))
    clock.set(datetime.combine(sim.START + timedelta(days=70), time(12)).astimezone())
    view = insights(qtbot, journal)
    assert view.findings() == [] and view.no_findings.isVisible()
