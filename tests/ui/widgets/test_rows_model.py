"""`RowsModel`: a flat, read-only table of rows under its column headers, as a view shows it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from aijournal.model import records as r
from aijournal.ui.widgets.rows_model import RowsModel


class PeopleModel(RowsModel):
    columns = ("Name", "Relationship")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            person = self.rows[index.row()]
            return (person.name, person.relationship)[index.column()]
        return None


@pytest.fixture
def view(qtbot, journal):
    journal.add(r.Person(name="Dana", relationship="mentor"))
    journal.add(r.Person(name="Sam", relationship="peer"))
    table = QTableView()
    qtbot.addWidget(table)
    model = PeopleModel(table)
    model.beginResetModel()
    model.rows = journal.people()
    model.endResetModel()
    table.setModel(model)
    return table


def test_a_row_per_record_and_a_column_per_header(view):
    model = view.model()
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == [
        "Name",
        "Relationship",
    ]
    assert model.index(1, 1).data() == "peer"
    header = view.horizontalHeader()
    assert [model.headerData(header.logicalIndex(i), header.orientation()) for i in range(2)] == [
        "Name",
        "Relationship",
    ]


def test_it_is_flat_rows_have_no_children(view):
    model = view.model()
    row = model.index(0, 0)
    assert model.rowCount(row) == 0 and model.columnCount(row) == 0
    assert model.rowCount(QModelIndex()) == 2 and not model.index(0, 0, row).isValid()


def test_only_horizontal_display_headers(view):
    model = view.model()
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None


def test_an_empty_model_has_no_rows_but_its_headers(qtbot):
    model = PeopleModel()
    assert model.rowCount() == 0 and model.columnCount() == 2 and model.rows == []
    assert RowsModel().columnCount() == 0  # no columns said: none shown
