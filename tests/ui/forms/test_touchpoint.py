"""The touchpoint form (forms/touchpoint.py): kinds by a few letters, plans fulfilled, the
circle's archived people, and an edit that keeps its time."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from aijournal.connection import nudges
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage.entries import EntryFilter
from aijournal.ui.forms.touchpoint import DEFAULT_KIND, TouchpointForm, kind_named
from aijournal.ui.widgets.basics import find


@pytest.fixture
def form(show, journal):
    parents = []  # qtbot holds widgets weakly: the parents live as long as the test

    def made(record: r.Touchpoint | None = None) -> TouchpointForm:
        parent = show(QWidget(), 800, 700)
        parents.append(parent)
        made_form = TouchpointForm(journal, parent, record=record)
        made_form.resize(800, 700)
        made_form.show()
        return made_form

    yield made


def touchpoints(journal) -> list[r.Touchpoint]:
    return journal.entries(EntryFilter(kinds=("touchpoint",)))


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("", DEFAULT_KIND),
        ("  PAIRING ", "pairing"),
        ("adv", "advice-asked"),
        ("team-reflection", "team-reflection"),
        ("gave feedback", "feedback-given"),
    ],
)
def test_a_kind_is_named_by_its_label_a_part_of_it_or_its_id(typed, kind):
    assert kind_named(typed) == kind


@pytest.mark.parametrize("typed", ["feedback", "mentoring", "lunch"])
def test_a_kind_that_names_none_or_several_is_refused(typed):
    with pytest.raises(InvalidInput, match="choose one of the kinds in the list"):
        kind_named(typed)


def test_an_ambiguous_kind_is_shown_under_the_field(qtbot, form, journal):
    shown = form()
    qtbot.keyClicks(find(shown, QComboBox, "Kind").lineEdit(), "feedback")
    error = find(shown, QLabel, "Kind error")
    assert error.isVisible() and "choose one of the kinds in the list" in error.text()
    assert not find(shown, QPushButton, "Save touchpoint").isEnabled()
    assert shown.save() is None and touchpoints(journal) == []


def test_logging_the_planned_touchpoint_says_the_plan_is_done(qtbot, form, journal, clock):
    dana = journal.add(r.Person(name="Dana", relationship="peer"))
    nudge = journal.add(
        r.Nudge(rule_id="low-connection", day=clock().date(), facts=(), message="Reach out")
    )
    nudges.plan(journal, nudge.id, dana.id, clock().date())
    shown = form()
    qtbot.keyClicks(find(shown, QLineEdit, "Person"), "Dana")
    qtbot.mouseClick(find(shown, QPushButton, "Save touchpoint"), Qt.MouseButton.LeftButton)
    assert shown.status.text() == "✓ Touchpoint saved · planned touchpoint done"
    [stored] = touchpoints(journal)
    done = journal.get(r.Nudge, nudge.id)
    assert (done.status, done.touchpoint_id) == ("acted", stored.id)


def test_an_archived_person_is_known_but_not_suggested(qtbot, form, journal):
    journal.add(r.Person(name="Dana", relationship="peer"))
    sam = journal.add(r.Person(name="Sam", relationship="mentor"))
    journal.update(replace(sam, archived=True))
    shown = form()
    assert shown.person_completer.model().stringList() == ["Dana"]
    qtbot.keyClicks(find(shown, QLineEdit, "Person"), "Sam")
    assert not find(shown, QLabel, "New person").isVisible()


def test_an_edit_keeps_its_time_and_its_person_is_not_new(qtbot, form, journal, clock):
    then = clock() - timedelta(days=2)
    stored = journal.add(r.Touchpoint(at=then, kind="one-to-one", person="Robin", minutes=30))
    journal.delete(journal.person_named("Robin"))  # no longer in the circle
    shown = form(stored)
    assert not find(shown, QLabel, "New person").isVisible()
    assert find(shown, QComboBox, "Kind").currentText() == "One-to-one"
    minutes = find(shown, QLineEdit, "Minutes")
    minutes.selectAll()
    qtbot.keyClicks(minutes, "45")
    clock.advance(hours=1)
    updated = shown.save()
    assert updated.id == stored.id and updated.minutes == 45
    assert updated.at == then and updated.kind == "one-to-one"
    assert shown.status.text() == "✓ Touchpoint updated"


def test_minutes_that_are_not_a_number_are_refused(qtbot, form, journal):
    shown = form()
    qtbot.keyClicks(find(shown, QLineEdit, "Minutes"), "half an hour")
    error = find(shown, QLabel, "Minutes error")
    assert error.isVisible() and "use a whole number" in error.text()
    assert shown.save() is None and touchpoints(journal) == []
