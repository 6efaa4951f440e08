"""`RecordPanel`, through a small panel of people: the empty state, what the buttons allow
with and without a selection, editing in place, archiving and showing the archived, and a
refused record that leaves the journal as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit

from aijournal.model import records as r
from aijournal.ui.widgets.basics import labelled
from aijournal.ui.widgets.record_panel import RecordPanel

CTRL = Qt.KeyboardModifier.ControlModifier


class Contacts(RecordPanel):
    columns = ("Name", "Archived")
    noun = "contact"
    empty_text = "No contacts yet."
    intro = "The people you keep in touch with."
    archivable = True

    def records(self, archived: bool):
        return [
            (p, [p.name, "yes" if p.archived else ""])
            for p in self.journal.people(archived=archived)
        ]

    def build_form(self, form: QFormLayout) -> None:
        self.name = labelled(form, "Name", QLineEdit())

    def fill_form(self, person: r.Person | None) -> None:
        self.name.setText(person.name if person else "")

    def from_form(self, editing: r.Person | None) -> r.Person:
        if editing is None:
            return r.Person(name=self.name.text())
        return editing.touched(name=self.name.text())


class Skills(Contacts):
    archivable = False


@pytest.fixture
def panel(show, journal):
    made = show(Contacts(journal, "Contacts"), 700, 600)
    made.refresh()
    return made


def names(panel) -> list[str]:
    return [panel.table.item(row, 0).text() for row in range(panel.table.rowCount())]


def save_as(qtbot, panel, name: str) -> None:
    panel.name.setFocus()
    panel.name.selectAll()
    qtbot.keyClicks(panel.name, name)
    qtbot.keyClick(panel.name, Qt.Key.Key_Return, CTRL)


def test_an_empty_panel_says_so_and_offers_to_add(panel):
    assert panel.rows.currentWidget() is panel.empty and panel.empty.text() == "No contacts yet."
    assert panel.form_box.title() == "Add a contact" and panel.save_button.text() == "Add contact"
    assert not panel.edit_button.isEnabled() and not panel.toggle_button.isEnabled()
    assert panel.show_archived.isVisible()
    assert not Skills(panel.journal, "Skills", panel).show_archived.isVisibleTo(panel)


def test_adding_selects_the_new_record_and_tells_the_views(qtbot, panel, journal):
    with qtbot.waitSignal(panel.changed):
        save_as(qtbot, panel, "  Dana   Lee ")
    assert [p.name for p in journal.people()] == ["Dana Lee"]
    assert names(panel) == ["Dana Lee"] and panel.selected().name == "Dana Lee"
    assert panel.notice.text() == "Added Dana Lee." and panel.name.text() == ""
    assert panel.edit_button.isEnabled() and panel.toggle_button.text() == "Archive"


def test_editing_changes_the_same_record_in_place(qtbot, panel, journal):
    dana = journal.add(r.Person(name="Dana"))
    journal.add(r.Person(name="Sam"))
    panel.refresh()
    panel.select(dana.id)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert panel.form_box.title() == "Edit Dana" and panel.save_button.text() == "Save changes"
    assert panel.name.text() == "Dana" and panel.name.hasFocus()
    save_as(qtbot, panel, "Zoe")
    assert sorted(p.name for p in journal.people()) == ["Sam", "Zoe"]
    assert journal.person_named("Zoe").id == dana.id  # the same person, renamed
    assert panel.selected().id == dana.id and panel.notice.text() == "Saved Zoe."
    assert panel.form_box.title() == "Add a contact"  # ready for the next one


def test_a_refused_record_keeps_the_form_and_the_journal(qtbot, panel, journal):
    save_as(qtbot, panel, "x" * 201)
    assert not panel.error.isHidden() and "200" in panel.error.text()
    assert journal.people() == [] and panel.name.text() == "x" * 201
    qtbot.keyClick(panel.name, Qt.Key.Key_Escape)
    assert panel.error.isHidden() and panel.name.text() == ""


def test_archived_records_leave_the_list_until_asked_for(qtbot, panel, journal):
    dana = journal.add(r.Person(name="Dana"))
    panel.refresh()
    panel.select(dana.id)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.toggle_button, Qt.MouseButton.LeftButton)
    assert journal.people() == [] and journal.people(archived=True)[0].archived
    assert panel.notice.text() == "Archived Dana." and panel.rows.currentWidget() is panel.empty
    panel.show_archived.setChecked(True)
    assert names(panel) == ["Dana"]
    panel.select(dana.id)
    assert panel.toggle_button.text() == "Unarchive"
    qtbot.mouseClick(panel.toggle_button, Qt.MouseButton.LeftButton)
    assert panel.notice.text() == "Unarchived Dana." and not journal.people()[0].archived
    assert panel.selected().id == dana.id and panel.toggle_button.text() == "Archive"


def test_a_refresh_keeps_the_selection_on_the_same_record(panel, journal):
    sam = journal.add(r.Person(name="Sam"))
    panel.refresh()
    panel.select(sam.id)
    journal.add(r.Person(name="Alex"))  # sorts before Sam: Sam's row moves down
    panel.refresh()
    assert names(panel) == ["Alex", "Sam"] and panel.selected().id == sam.id
