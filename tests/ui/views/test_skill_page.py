"""One skill's page (SkillPage): the empty page, the niche tag, the summary, same-day order."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.ui.views.skill_page import SkillPage
from aijournal.ui.widgets.basics import find


def at(day, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


@pytest.fixture
def page(qtbot, journal):
    def opened(name: str) -> SkillPage:
        shown = SkillPage(journal, name)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        return shown

    return opened


def test_a_skill_with_no_history_says_what_to_do(page, journal):
    journal.add(r.Skill(name="Rust"))
    shown = page("Rust")
    assert shown.windowTitle() == "Skill · Rust"
    empty = find(shown, QLabel, "No history yet")
    assert empty.isVisible() and "rate this skill" in empty.text()
    assert not shown.table.isVisible()
    assert not shown.growth_chart.isVisible() and not shown.months_chart.isVisible()
    assert shown.timeline_texts() == []
    summary = find(shown, QLabel, "Summary").text()
    assert summary.startswith("Not rated yet.") and summary.endswith("never practised.")
    with pytest.raises(LookupError):
        find(shown, QLabel, "Niche")


def test_a_niche_skill_is_tagged_and_its_summary_counts_practice(page, journal, clock):
    today = clock().date()
    journal.add(r.Skill(name="SQL", niche=True))
    journal.rate_skill(r.SkillRating(skill="sql", day=today - timedelta(days=2), rating=4))
    journal.add(r.Touchpoint(at=at(today), kind="pairing", person="Dana", skills=("SQL",)))
    shown = page("SQL")
    assert find(shown, QLabel, "Niche").isVisible()
    assert find(shown, QLabel, "Skill").text() == "SQL"
    summary = find(shown, QLabel, "Summary").text()
    assert summary.startswith(f"Rated 4/5 on {(today - timedelta(days=2)).isoformat()}")
    assert f"last practised {today.isoformat()}" in summary
    assert shown.growth_chart.isVisible()


def test_one_days_events_list_people_then_ai_then_the_rating(page, journal, clock):
    today = clock().date()
    journal.add(r.Skill(name="SQL"))
    journal.rate_skill(r.SkillRating(skill="SQL", day=today, rating=3, note="getting there"))
    journal.add(
        r.AIUse(
            started_at=at(today, 8), tool="Claude", pattern="learning", minutes=20, skills=("SQL",)
        )
    )
    journal.add(r.Touchpoint(at=at(today, 9), kind="advice-asked", skills=("SQL",)))
    rows = page("SQL").timeline_texts()
    assert [what for _, what, _ in rows] == [
        "From people · someone",
        "AI session · learned with AI",
        "Rated 3/5",
    ]
    assert rows[0][2] == "Asked for advice"  # no minutes given: none shown
    assert rows[1][2] == "Claude · Learning · 20 min"
    assert rows[2] == [today.isoformat(), "Rated 3/5", "getting there"]


def test_escape_closes_the_page(qtbot, page, journal):
    journal.add(r.Skill(name="Rust"))
    shown = page("Rust")
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert not shown.isVisible()


def test_an_unknown_skill_names_the_skills_there_are(qtbot, journal):
    journal.add(r.Skill(name="SQL"))
    with pytest.raises(InvalidInput, match="SQL"):
        SkillPage(journal, "Cobol")
