"""Freelancer growth in the Skills & goals view: ratings, skill pages, delegated skills, goals,
bulk goal assignment with undo, and the portfolio export."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
)

from aijournal.growth.skills import Source
from aijournal.model import records as r
from aijournal.ui.charts.growth import seconds
from aijournal.ui.forms.kit import ScaleInput
from aijournal.ui.views import skills_goals as skills_goals_view
from aijournal.ui.views.journal import JournalView
from aijournal.ui.views.skills_goals import SkillsGoalsView
from aijournal.ui.widgets.basics import find

TODAY = date(2026, 11, 27)  # the clock fixture's day


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def grown(journal):
    """SQL learned with Claude and from Dana and rated twice; Regex only ever delegated."""
    journal.add(r.Skill(name="SQL", niche=False))
    journal.rate_skill(r.SkillRating(skill="SQL", day=ago(120), rating=2, note="lost in joins"))
    journal.rate_skill(r.SkillRating(skill="SQL", day=ago(20), rating=3, note="CTEs click"))
    made = {
        "claude": journal.add(
            r.AIUse(
                started_at=at(ago(10)),
                tool="Claude",
                pattern="learning",
                minutes=20,
                skills=("SQL",),
            )
        ),
        "dana": journal.add(
            r.Touchpoint(at=at(ago(5)), kind="pairing", person="Dana", minutes=45, skills=("SQL",))
        ),
        "regex": journal.add(
            r.AIUse(
                started_at=at(ago(3)),
                tool="ChatGPT",
                pattern="directive",
                minutes=5,
                skills=("Regex",),
            )
        ),
    }
    return made


@pytest.fixture
def view(show, journal):
    return show(SkillsGoalsView(journal), 1200, 800)


def cells(table, column: str) -> list[str]:
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    col = headers.index(column)
    return [table.item(row, col).text() for row in range(table.rowCount())]


def select_skill(view, name: str) -> None:
    view.skills.table.setFocus()
    view.skills.table.selectRow(cells(view.skills.table, "Skill").index(name))


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown(qtbot, dialog):
    """Wait for a dialog to open and take the keyboard, as it would on a desktop."""
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


# ---- empty states -----------------------------------------------------------------------------


def test_empty_journal_says_what_to_do_everywhere(view):
    assert view.skills.empty.isVisible()
    assert view.skills.empty.text() == (
        "No skills yet — add one, or name a skill when you log an AI use."
    )
    assert not view.skills.delegated.isVisible()
    assert view.goals.alignment.text() == "Alignment: no AI time logged yet."
    assert view.unassigned.empty.isVisible()
    assert not view.unassigned.assign_button.isEnabled()
    for name in ("Open", "Rate…", "Edit", "Mark niche"):
        assert not find(view.skills, QPushButton, name).isEnabled()


def test_buttons_and_inputs_are_named_as_they_read(view):
    for button in view.findChildren(QPushButton):
        assert button.accessibleName() in ("", button.text().replace("&", ""))
    for label in view.findChildren(QLabel):
        if (buddy := label.buddy()) is not None:
            assert buddy.accessibleName() == label.text()


def test_tab_goes_through_the_skills_panel_in_screen_order(qtbot, view, grown):
    view.refresh()
    select_skill(view, "SQL")
    view.export_button.setFocus()
    order = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        order.append(focused.accessibleName() or getattr(focused, "text", lambda: "")())
    assert order == [
        "Open",
        "Edit",
        "Rate…",
        "Mark niche",
        "Skills",
        "Skill name",
        "Niche skill",
        "Clear",
    ]


# ---- skills -----------------------------------------------------------------------------------


def test_skills_show_rating_growth_practice_and_last_practised(view, grown):
    view.refresh()
    table = view.skills.table
    assert cells(table, "Skill") == ["SQL", "Regex"]  # growth first, never-rated last
    assert cells(table, "Rating") == ["3/5", "–"]
    assert cells(table, "90 days") == ["↑ +1", "–"]
    assert cells(table, "Last practised") == [ago(5).isoformat(), ago(3).isoformat()]
    practice = cells(table, "Practice")[0]
    assert practice == "20 min learned with AI, 0 min done by AI, 45 min learned from people"


def test_rate_a_skill_stores_it_and_shows_the_change(qtbot, view, journal, grown):
    view.refresh()
    select_skill(view, "SQL")
    click(qtbot, find(view.skills, QPushButton, "Rate…"))
    dialog = shown(qtbot, view.skills.rate_dialog)
    rating = find(dialog, ScaleInput, "Rating")
    assert rating.value() == 3  # starts at the current rating
    rating.setFocus()
    qtbot.keyClick(rating, Qt.Key.Key_5)
    note = find(dialog, QLineEdit, "What changed")
    qtbot.keyClicks(note, "Shipped the window-function report")
    qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    newest = journal.skill_ratings("SQL")[-1]
    assert (newest.day, newest.rating, newest.note) == (
        TODAY,
        5,
        "Shipped the window-function report",
    )
    assert cells(view.skills.table, "Rating")[0] == "5/5"
    assert cells(view.skills.table, "90 days")[0] == "↑ +3"
    assert view.skills.selected().name == "SQL"
    assert view.skills.notice.text() == "Rated SQL 5/5."


def test_escape_cancels_a_rating(qtbot, view, journal, grown):
    view.refresh()
    select_skill(view, "Regex")
    click(qtbot, find(view.skills, QPushButton, "Rate…"))
    dialog = shown(qtbot, view.skills.rate_dialog)
    save = find(dialog, QPushButton, "Save rating")
    click(qtbot, save)  # nothing picked yet: says so, stores nothing
    assert dialog.error.text().startswith("Rating: pick 1 to 5")
    qtbot.keyClick(find(dialog, QLineEdit, "What changed"), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert journal.skill_ratings("Regex") == []


def test_niche_skill_is_bold_tagged_and_toggled(qtbot, view, journal, grown):
    view.refresh()
    select_skill(view, "SQL")
    click(qtbot, find(view.skills, QPushButton, "Mark niche"))
    assert journal.skill_named("SQL").niche
    row = cells(view.skills.table, "Skill").index("SQL")
    assert view.skills.table.item(row, 0).font().bold()
    assert cells(view.skills.table, "Niche")[row] == "Niche"
    assert view.skills.notice.text() == "SQL is now a niche skill."
    page = view.skills.open_selected()
    assert find(page, QLabel, "Niche").text() == "niche"
    page.close()
    click(qtbot, find(view.skills, QPushButton, "Not niche"))
    assert not journal.skill_named("SQL").niche
    assert not view.skills.table.item(row, 0).font().bold()


def test_skills_only_delegated_to_ai_are_called_out(view, journal, grown):
    view.refresh()
    assert view.skills.delegated.isVisible()
    listed = find(view.skills, QLabel, "Skills you only ever delegate to AI")
    assert listed.text() == "Regex"
    prompt = " ".join(label.text() for label in view.skills.delegated.findChildren(QLabel))
    assert "learning session" in prompt and "pair with someone" in prompt

    journal.add(r.Touchpoint(at=at(ago(1)), kind="pairing", person="Dana", skills=("Regex",)))
    view.refresh()
    assert not view.skills.delegated.isVisible()


def test_open_a_skill_page_with_enter(qtbot, view, grown):
    view.refresh()
    select_skill(view, "SQL")
    qtbot.keyClick(view.skills.table, Qt.Key.Key_Return)
    page = view.skills.page
    qtbot.waitUntil(lambda: page is not None and page.isVisible())
    assert page.windowTitle() == "Skill · SQL"
    rows = page.timeline_texts()
    assert [ago(5).isoformat(), "From people · Dana", "Pairing · 45 min"] in rows
    assert [
        ago(10).isoformat(),
        "AI session · learned with AI",
        "Claude · Learning · 20 min",
    ] in rows
    assert [ago(20).isoformat(), "Rated 3/5", "CTEs click"] in rows
    assert [row[0] for row in rows] == sorted((row[0] for row in rows), reverse=True)

    x, y = page.growth_chart.ratings.getData()
    assert list(y) == [2, 3]
    assert list(x) == [seconds(ago(120)), seconds(ago(20))]
    events = page.growth_chart.events
    assert set(events) == {Source.WITH_AI, Source.FROM_PEOPLE}
    assert len({events[s].opts["symbol"] for s in events}) == 2  # told apart by shape
    month = ago(5).strftime("%Y-%m")
    bars = page.months_chart.bars
    months = [m.month for m in page.timeline.months]
    assert bars[Source.FROM_PEOPLE][months.index(month)] == 45
    assert np.sum(bars[Source.WITH_AI]) == 20
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.isVisible())


def test_a_skill_with_no_history_has_an_empty_page(qtbot, view, journal):
    journal.add(r.Skill(name="Rust"))
    view.refresh()
    select_skill(view, "Rust")
    page = view.skills.open_selected()
    assert page.empty.isVisible() and not page.table.isVisible()
    assert not page.growth_chart.isVisible()
    assert "Not rated yet" in page.summary.text()


# ---- goals ------------------------------------------------------------------------------------


@pytest.fixture
def unassigned(journal):
    goal = journal.add(r.Goal(name="Ship reporting", kind="organisation"))
    uses = [
        journal.add(
            r.AIUse(
                started_at=at(ago(n), 9 + n),
                tool="Claude",
                pattern="task-iteration",
                minutes=10 * (n + 1),
                task=f"Task {n}",
            )
        )
        for n in range(4)
    ]
    journal.add(
        r.AIUse(
            started_at=at(ago(1)), tool="Copilot", pattern="learning", minutes=60, goal_id=goal.id
        )
    )
    journal.add(
        r.AIUse(started_at=at(ago(30)), tool="Copilot", pattern="learning", minutes=15)
    )  # older than 2 weeks: not listed
    return goal, uses


def pick_from_menu(qtbot, button, text: str) -> None:
    """Open the button's drop-down menu as a click would, and choose `text`."""
    chosen = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, choose)
            return
        [action] = [a for a in menu.actions() if a.text() == text]
        chosen.append(text)
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    click(qtbot, button)
    qtbot.waitUntil(lambda: chosen == [text])


def test_goals_show_ai_time_and_alignment(view, unassigned):
    view.refresh()
    assert cells(view.goals.table, "AI time") == ["1.0 h"]
    assert cells(view.goals.table, "AI uses") == ["1"]
    # 60 of 60 + 100 + 15 minutes all time; the 15 are older than 4 weeks.
    assert view.goals.alignment.text() == (
        "Alignment: 34% of all AI time served a goal (1.0 h of 2.9 h); 38% in the last 4 weeks."
    )


def test_bulk_assign_a_goal_then_undo(qtbot, view, journal, unassigned):
    goal, uses = unassigned
    view.refresh()
    uses_table = view.unassigned.table
    assert cells(uses_table, "Task") == ["Task 0", "Task 1", "Task 2", "Task 3"]
    uses_table.setFocus()
    qtbot.keyClick(uses_table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.unassigned.selected_ids()) == 4
    last = uses_table.visualItemRect(uses_table.item(3, 0)).center()
    qtbot.mouseClick(
        uses_table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, last
    )
    assert sorted(view.unassigned.selected_ids()) == sorted(u.id for u in uses[:3])

    pick_from_menu(qtbot, find(view, QPushButton, "Assign goal…"), "Ship reporting")
    assert [journal.get(r.AIUse, u.id).goal_id for u in uses] == [goal.id] * 3 + [None]
    assert cells(uses_table, "Task") == ["Task 3"]
    assert view.unassigned.notice.text() == "Linked 3 AI uses to Ship reporting."
    assert cells(view.goals.table, "AI time") == ["2.0 h"]  # 60 + 10 + 20 + 30 minutes

    click(qtbot, find(view.unassigned, QPushButton, "Undo"))
    assert [journal.get(r.AIUse, u.id).goal_id for u in uses] == [None] * 4
    assert cells(uses_table, "Task") == ["Task 0", "Task 1", "Task 2", "Task 3"]
    assert view.unassigned.notice.text() == "Unlinked 3 AI uses from Ship reporting."
    assert cells(view.goals.table, "AI time") == ["1.0 h"]
    assert not find(view.unassigned, QPushButton, "Undo").isVisible()


def test_link_one_ai_use_to_a_goal_in_the_journal_edit_dialog(qtbot, view, journal, unassigned):
    _, uses = unassigned
    journal_view = JournalView(journal)
    qtbot.addWidget(journal_view)
    journal_view.changed.connect(view.refresh)  # the main window reloads the view likewise
    journal_view.resize(1200, 700)
    journal_view.show()
    qtbot.waitUntil(lambda: journal_view.model.rowCount() > 0)
    row = [e.id for e in journal_view.model.rows].index(uses[2].id)
    journal_view.table.setFocus()
    journal_view.table.selectRow(row)
    qtbot.keyClick(journal_view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: journal_view.entry_dialog is not None)
    form = shown(qtbot, journal_view.entry_dialog).form
    goal = find(form, QComboBox, "Goal")
    goal.setFocus()
    qtbot.keyClicks(goal, "Ship")
    assert goal.currentText() == "Ship reporting"
    qtbot.keyClick(goal, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: journal.get(r.AIUse, uses[2].id).goal_id is not None)
    assert cells(view.goals.table, "AI time") == ["1.5 h"]  # 60 + 30 minutes
    assert "Task 2" not in cells(view.unassigned.table, "Task")


# ---- the portfolio ----------------------------------------------------------------------------


def export(qtbot, view, monkeypatch, target, *, fmt: str = "Markdown", notes: bool = False):
    asked = []
    monkeypatch.setattr(
        skills_goals_view,
        "ask_path",
        lambda parent, title, suggested, filters: asked.append(suggested) or str(target),
    )
    click(qtbot, find(view, QPushButton, "Export portfolio…"))
    dialog = shown(qtbot, view.export_dialog)
    assert not find(dialog, QCheckBox, "Include notes").isChecked()
    assert not find(dialog, QCheckBox, "Include names").isChecked()
    find(dialog, QRadioButton, fmt).setChecked(True)
    if notes:
        click(qtbot, find(dialog, QCheckBox, "Include notes"))
    click(qtbot, find(dialog, QPushButton, "Save…"))
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=15_000)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return asked


def test_export_portfolio_markdown_leaves_notes_out_unless_ticked(
    qtbot, view, grown, monkeypatch, tmp_path
):
    view.refresh()
    target = tmp_path / "portfolio.md"
    asked = export(qtbot, view, monkeypatch, target)
    assert asked == [f"skills-portfolio-{TODAY}.md"]
    text = target.read_text()
    assert text.startswith("# Skills portfolio") and "| SQL |" in text
    assert "CTEs click" not in text and "Dana" not in text
    assert view.skills.notice.text() == "Saved the portfolio as portfolio.md."

    export(qtbot, view, monkeypatch, target, notes=True)
    text = target.read_text()
    assert "CTEs click" in text and "Dana" not in text


def test_export_portfolio_pdf_is_written_in_a_worker(qtbot, view, grown, monkeypatch, tmp_path):
    view.refresh()
    target = tmp_path / "portfolio"  # the extension is added
    export(qtbot, view, monkeypatch, target, fmt="PDF")
    assert (tmp_path / "portfolio.pdf").read_bytes().startswith(b"%PDF")
