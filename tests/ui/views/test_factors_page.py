"""Settings → Your check-in factors (FactorsBox): keys, kinds, bad names and the listing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from aijournal.journaling import factors
from aijournal.model import records as r
from aijournal.ui.views.factors_page import FactorsBox
from aijournal.ui.widgets.basics import find

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def box(show, journal):
    shown = show(FactorsBox(journal), 700, 500)
    shown.activateWindow()
    return shown


def lines(box) -> list[str]:
    return [box.listing.item(i).text() for i in range(box.listing.count())]


def test_ctrl_enter_adds_a_1_to_5_factor_with_its_kind(qtbot, box, journal):
    kind = find(box, QComboBox, "Factor kind")
    kind.setCurrentIndex(kind.findData("scale"))
    name = find(box, QLineEdit, "Factor name")
    qtbot.keyClicks(name, "Focus time")
    qtbot.keyClick(name, Qt.Key.Key_Return, CTRL)
    [focus] = journal.factors()
    assert (focus.name, focus.kind, focus.question) == ("Focus time", "scale", "")
    assert lines(box) == ["Focus time · 1–5"]
    assert box.notice.text() == "Added Focus time to the check-in."
    assert box.save_button.text() == "Save factor"  # the new factor stays chosen


def test_escape_starts_a_new_factor(qtbot, box, journal):
    factors.add(journal, "Slept well", "yes-no", "Did you sleep well?")
    box.refresh()
    box.listing.setCurrentRow(0)
    name = find(box, QLineEdit, "Factor name")
    assert name.text() == "Slept well" and box.archive_button.isEnabled()
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert name.text() == "" and find(box, QLineEdit, "Question (optional)").text() == ""
    assert box.save_button.text() == "Add factor"
    assert find(box, QComboBox, "Factor kind").isEnabled()
    assert not box.archive_button.isEnabled()
    assert box.listing.currentItem() is None


def test_a_blank_name_is_refused_inline(qtbot, box, journal):
    seen = []
    box.changed.connect(lambda: seen.append(True))
    qtbot.keyClicks(find(box, QLineEdit, "Factor name"), "   ")
    assert box.save() is None
    assert box.error.isVisible() and "cannot be empty" in box.error.text()
    assert journal.factors(archived=True) == [] and seen == []
    find(box, QLineEdit, "Factor name").clear()
    qtbot.keyClicks(find(box, QLineEdit, "Factor name"), "Walked")
    assert box.save().name == "Walked"
    assert not box.error.isVisible() and seen == [True]


def test_archived_factors_stay_listed_and_marked(show, journal):
    kept = factors.add(journal, "Walked", "yes-no")
    gone = factors.add(journal, "Coffee", "scale", "How much coffee?")
    factors.set_archived(journal, gone, True)
    box = show(FactorsBox(journal))
    assert sorted(lines(box)) == ["Coffee · 1–5 · How much coffee? (archived)", "Walked · yes/no"]
    row = lines(box).index("Coffee · 1–5 · How much coffee? (archived)")
    box.listing.setCurrentRow(row)
    assert box.archive_button.text() == "Unarchive"
    assert not find(box, QComboBox, "Factor kind").isEnabled()
    assert box.editing.id == gone.id and journal.get(r.Factor, kept.id).archived is False
