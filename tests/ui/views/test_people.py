"""People view: the connection circle as a user sees and edits it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QSpinBox

from aijournal.model import records as r
from aijournal.ui.views.people import PeopleView
from aijournal.ui.widgets.basics import find


@pytest.fixture
def view(show, journal):
    return show(PeopleView(journal))


def rows(view) -> list[list[str]]:
    table = view.table
    return [
        [table.item(row, col).text() for col in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def add_person(qtbot, view, name: str, relationship: str, every: int) -> None:
    type_into(qtbot, find(view, QLineEdit, "Name"), name)
    qtbot.keyClicks(find(view, QComboBox, "Relationship"), relationship)
    spin = find(view, QSpinBox, "Stay in touch every")
    type_into(qtbot, spin, str(every))
    qtbot.keyClick(spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_empty_circle_says_what_to_do(view):
    assert view.empty.isVisible()
    assert view.empty.text().startswith("Nobody in your circle yet")
    assert not view.table.isVisible()


def test_add_a_person_and_see_them_become_overdue(qtbot, view, journal, clock):
    add_person(qtbot, view, "Dana", "Mentor", 7)

    [dana] = journal.people()
    assert (dana.name, dana.relationship, dana.cadence_days) == ("Dana", "mentor", 7)
    assert rows(view) == [["Dana", "Mentor", "7 days", "Never", "—", "Overdue by 7 days"]]
    assert find(view, QLineEdit, "Name").text() == ""  # the form is ready for the next one
    assert "Added Dana" in view.notice.text()

    journal.add(r.Touchpoint(at=clock(), kind="one-to-one", person="Dana"))
    view.refresh()
    assert rows(view)[0][3:] == [clock().date().isoformat(), "0", ""]

    clock.advance(days=10)
    view.refresh()
    assert rows(view)[0][4:] == ["10", "Overdue by 3 days"]


def test_a_name_is_required_and_escape_clears_the_form(qtbot, view, journal):
    name = find(view, QLineEdit, "Name")
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    qtbot.keyClick(name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.error.isVisible()
    assert "cannot be empty" in view.error.text()
    assert journal.people() == []

    qtbot.keyClicks(name, "Sam")
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert name.text() == ""
    assert not view.error.isVisible()


def test_the_same_name_twice_is_refused(qtbot, view, journal):
    add_person(qtbot, view, "Sam", "Peer", 7)
    add_person(qtbot, view, "sam", "Friend", 30)
    assert "already" in view.error.text()
    assert [p.name for p in journal.people()] == ["Sam"]


def test_edit_a_person(qtbot, view, journal):
    add_person(qtbot, view, "Priya", "Manager", 7)
    view.table.selectRow(0)
    qtbot.mouseClick(find(view, QPushButton, "Edit"), Qt.MouseButton.LeftButton)
    name = find(view, QLineEdit, "Name")
    assert name.text() == "Priya"
    assert view.form_box.title() == "Edit Priya"
    type_into(qtbot, name, "Priya S")
    qtbot.mouseClick(find(view, QPushButton, "Save changes"), Qt.MouseButton.LeftButton)

    [priya] = journal.people()
    assert (priya.name, priya.relationship, priya.cadence_days) == ("Priya S", "manager", 7)
    assert rows(view)[0][0] == "Priya S"


def test_archive_hides_the_person_until_show_archived(qtbot, view, journal):
    add_person(qtbot, view, "Alex", "Client", 21)
    view.table.selectRow(0)
    qtbot.mouseClick(find(view, QPushButton, "Archive"), Qt.MouseButton.LeftButton)

    assert journal.people() == []
    assert [p.archived for p in journal.people(archived=True)] == [True]
    assert view.empty.isVisible()

    view.show_archived.click()
    assert rows(view) == [["Alex", "Client", "21 days", "Never", "—", "Archived"]]
    view.table.selectRow(0)
    qtbot.mouseClick(find(view, QPushButton, "Unarchive"), Qt.MouseButton.LeftButton)
    assert [p.name for p in journal.people()] == ["Alex"]
