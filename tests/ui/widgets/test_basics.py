"""The small helpers every view uses: labelled inputs and finding them, error and notice
lines, form keys, tables, drop-downs, questions, the paper preview and fitting to the screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.ui import theme
from aijournal.ui.widgets import basics
from aijournal.ui.widgets.basics import find

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(qtbot):
    made = QWidget()
    qtbot.addWidget(made)
    return made


def test_a_labelled_input_is_named_by_its_label_and_found_by_it(page):
    form = QFormLayout(page)
    name = basics.labelled(form, "Name", QLineEdit(), "Who you talked to")
    save = QPushButton("&Save", page)
    caption = form.labelForField(name)
    assert isinstance(caption, QLabel) and caption.text() == "Name" and caption.buddy() is name
    assert (name.accessibleName(), name.toolTip(), name.accessibleDescription()) == (
        "Name",
        "Who you talked to",
        "Who you talked to",
    )
    assert find(page, QLineEdit, "Name") is name
    assert find(page, QPushButton, "Save") is save  # a button by its text, without the "&"
    with pytest.raises(LookupError, match="no QPushButton named 'Name' in QWidget"):
        find(page, QPushButton, "Name")


def test_errors_read_as_a_sentence_and_show_only_while_there_is_one(page):
    assert basics.message(ValueError("  the date is in the future ")) == "The date is in the future"
    assert basics.message(KeyError()) == "KeyError"
    error = basics.InlineError(page)
    assert error.isHidden() and error.accessibleName() == "Error"
    error.show_error(ValueError("name cannot be empty"))
    assert error.text() == "Name cannot be empty" and not error.isHidden()
    error.show_error("as written, not changed")
    assert error.text() == "as written, not changed"
    error.clear()
    assert error.text() == "" and error.isHidden()


def test_a_notice_fades_after_its_seconds(qtbot, page):
    notice = basics.Notice(page, seconds=0.05)
    notice.say("Saved.")
    assert notice.text() == "Saved." and notice.property("role") == "notice"
    qtbot.waitUntil(lambda: notice.text() == "", timeout=2000)


def test_form_keys_save_and_clear_only_inside_their_form(qtbot, page):
    layout = QVBoxLayout(page)
    form, elsewhere = QWidget(page), QLineEdit(page)
    inside = QLineEdit(form)
    QVBoxLayout(form).addWidget(inside)
    layout.addWidget(form)
    layout.addWidget(elsewhere)
    calls = []
    basics.form_keys(form, lambda: calls.append("save"), lambda: calls.append("clear"))
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    inside.setFocus()
    qtbot.keyClick(inside, Qt.Key.Key_Return, CTRL)
    qtbot.keyClick(inside, Qt.Key.Key_Enter, CTRL)
    qtbot.keyClick(inside, Qt.Key.Key_Escape)
    elsewhere.setFocus()
    qtbot.keyClick(elsewhere, Qt.Key.Key_Return, CTRL)
    qtbot.keyClick(elsewhere, Qt.Key.Key_Escape)
    assert calls == ["save", "save", "clear"]


def test_a_table_is_read_only_and_rows_carry_their_record(qtbot):
    widget = basics.table(["Name", "Last contact"], "People")
    qtbot.addWidget(widget)
    widget.setRowCount(1)
    record = object()
    basics.fill_row(widget, 0, ["Dana", basics.status_item("Overdue", "warning")], record)
    assert widget.accessibleName() == "People" and widget.columnCount() == 2
    assert widget.editTriggers() == widget.EditTrigger.NoEditTriggers
    assert widget.horizontalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert widget.item(0, 0).data(Qt.ItemDataRole.UserRole) is record
    assert widget.item(0, 1).data(Qt.ItemDataRole.UserRole) is None
    status = widget.item(0, 1)
    assert status.font().weight() == QFont.Weight.Bold
    assert status.foreground().color() == theme.colour("warning")
    assert basics.status_item("Archived", "muted").font().weight() != QFont.Weight.Bold


def test_a_drop_down_shows_ids_in_words_and_falls_back_to_the_first(qtbot):
    box = basics.combo(["one-to-one", "pairing", "code-review"])
    qtbot.addWidget(box)
    assert [box.itemText(i) for i in range(3)] == ["One to one", "Pairing", "Code review"]
    basics.choose(box, "code-review")
    assert box.currentData() == "code-review"
    basics.choose(box, "no-such-kind")
    assert box.currentData() == "one-to-one"


@contextmanager
def answering(button_text: str | None) -> Iterator[list[str]]:
    """While inside: note the text of the message box that comes up, then press its default
    button (None) or the button reading `button_text`."""
    seen: list[str] = []
    timer = QTimer(interval=10)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            if button_text is None:
                box.defaultButton().click()
            else:
                [button] = [b for b in box.buttons() if b.text() == button_text]
                button.click()

    timer.timeout.connect(answer)
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()


def test_asking_before_deleting_defaults_to_the_safe_answer(page):
    with answering(None) as seen:
        assert basics.confirm(page, "Delete", "Delete Dana for good?", "Delete") is False
    assert seen == ["Delete Dana for good?"]
    with answering("Delete"):
        assert basics.confirm(page, "Delete", "Delete Dana for good?", "Delete") is True
    with answering(None) as seen:
        basics.report(page, "Export", OSError("disk full"))
    assert seen == ["Disk full"]


def test_the_paper_preview_prints_dark_on_white_in_a_dark_look(qtbot, qapp):
    theme.apply(qapp, "dark")
    try:
        view = basics.paper_preview("Summary preview")
        qtbot.addWidget(view)
        palette = view.palette()
        assert view.accessibleName() == "Summary preview" and not view.openLinks()
        assert palette.color(palette.ColorRole.Base).name() == basics.PAPER
        assert palette.color(palette.ColorRole.Text).name() == basics.INK
    finally:
        theme.apply(qapp, "light")
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    view.setHtml("<p>Short</p>")
    qtbot.waitUntil(
        lambda: view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    )
    view.setHtml("<table width='1200'><tr><td>wide</td></tr></table>")
    qtbot.waitUntil(
        lambda: view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    )


def test_a_window_never_asks_for_more_than_the_screen_has(page):
    room = basics.screen_room(page)
    page.setMinimumSize(room.width() * 2, 50)
    basics.fit_to_screen(page, room.width() * 3, 300)
    assert page.width() == int(room.width() * 0.95) and page.height() == 300
    assert page.minimumWidth() == int(room.width() * 0.95) and page.minimumHeight() == 50


def test_a_scroll_page_fills_its_owner_without_a_tab_stop(page):
    scroll, inner, layout = basics.scroll_page(page, spacing=5)
    assert scroll.parent() is page and scroll.widget() is inner and inner.layout() is layout
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus and scroll.widgetResizable()
    margins = layout.contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (20, 16, 20, 20)
    assert layout.spacing() == 5 and page.layout().contentsMargins().left() == 0
