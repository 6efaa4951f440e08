"""Today: the check-in, quick AI-use and touchpoint forms, due instruments, today's entries."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aijournal.connection import nudges
from aijournal.journaling import describe, lookback
from aijournal.model import records as r
from aijournal.storage.entries import EntryFilter
from aijournal.storage.journal import Journal
from aijournal.ui.dialogs.entry_dialog import EntryDialog, open_entry
from aijournal.ui.dialogs.instrument import InstrumentDialog
from aijournal.ui.forms.ai_use import AIUseForm
from aijournal.ui.forms.checkin import CheckinForm
from aijournal.ui.forms.entry_form import EntryForm
from aijournal.ui.forms.touchpoint import TouchpointForm
from aijournal.ui.widgets.basics import heading, scroll_page
from aijournal.ui.widgets.cards import Card, card_heading, tone_label
from aijournal.ui.widgets.nudge_card import NudgeCard
from aijournal.ui.widgets.on_this_day import OnThisDay, show_prompt
from aijournal.wellbeing import assessing

EMPTY_TODAY = (
    "Nothing logged yet today — Ctrl+K checks in, Ctrl+N logs an AI use, Ctrl+Shift+N a touchpoint."
)


class _DueRow(QWidget):
    """One instrument that is due, with a button that opens its questionnaire."""

    def __init__(self, due: assessing.Due, open_it, parent: QWidget | None = None):
        super().__init__(parent)
        self.instrument_id = due.instrument.id
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        since = "never taken" if due.last is None else f"last taken {due.last:%d %B %Y}"
        text = QLabel(
            f"<b>{due.instrument.short_name}</b> · {due.instrument.name} <span>({since})</span>",
            self,
        )
        text.setWordWrap(True)
        row.addWidget(text, 1)
        self.button = QPushButton("Start", self)
        self.button.setAccessibleName(f"Take {due.instrument.name}")
        self.button.setToolTip(due.line())
        self.button.setAutoDefault(False)
        self.button.clicked.connect(lambda: open_it(self.instrument_id))
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)


class _FollowUp(QWidget):
    """ "Did reaching out help?" about one acted nudge, asked once: Yes / No."""

    def __init__(self, answer, parent: QWidget | None = None):
        super().__init__(parent)
        self.answer, self.nudge = answer, None
        self.setAccessibleName("Did reaching out help?")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.question = QLabel("", self)
        self.question.setWordWrap(True)
        row.addWidget(self.question, 1)
        self.buttons = {}
        for text, helped in (("Yes, it helped", True), ("Not really", False)):
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(self._answer_yes if helped else self._answer_no)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons[helped] = button
        self.thanks = tone_label("Thanks, noted.", "notice", self, small=True)
        self.thanks.setWordWrap(False)
        row.addWidget(self.thanks)
        self.hide()

    def ask(self, nudge: r.Nudge | None) -> None:
        """Ask about `nudge` (None: there is nothing to ask)."""
        if nudge is None and not self.thanks.isHidden() and self.isVisibleTo(self.parent()):
            return  # keep the thanks showing until the next refresh after a new day
        self.nudge = nudge
        self.setVisible(nudge is not None)
        self.thanks.hide()
        if nudge is not None:
            self.question.setText(
                f"You acted on “{nudges.shown(nudge).title.lower()}”. Did reaching out help?"
            )
            for button in self.buttons.values():
                button.show()

    def _answer_yes(self) -> None:
        self._answer(True)

    def _answer_no(self) -> None:
        self._answer(False)

    def _answer(self, helped: bool) -> None:
        if self.nudge is None:
            return
        self.answer(self.nudge, helped)
        self.nudge = None
        for button in self.buttons.values():
            button.hide()
        self.question.setText("Did reaching out help?")
        self.thanks.show()


class TodayView(QWidget):
    """The day at a glance; everything here is reachable by keyboard and Ctrl+Enter saves."""

    title = "Today"
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.day: date = journal.clock().date()
        self.instrument_dialog: InstrumentDialog | None = None
        self.entry_dialog: EntryDialog | None = None
        self._wide: bool | None = None
        self._due_cards: list[_DueRow] = []

        self.scroll, page, layout = scroll_page(self, spacing=14)

        top = QHBoxLayout()
        top.addWidget(heading("Today"))
        self.date_label = tone_label("", "muted", page)
        self.date_label.setWordWrap(False)
        top.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignBaseline)
        top.addStretch(1)
        layout.addLayout(top)
        self.nudge_card: NudgeCard | None = None
        self.nudge_slot = QVBoxLayout()
        layout.addLayout(self.nudge_slot)

        self.due_box = Card(page)
        self.due_box.setAccessibleName("Questionnaires due")
        self.due_box.layout().addWidget(card_heading("Questionnaires due", self.due_box))
        self.due_box.layout().addWidget(
            tone_label(
                "Short validated questionnaires on their own schedule; your answers stay here.",
                "muted",
                self.due_box,
                small=True,
            )
        )
        self.due_layout = QVBoxLayout()
        self.due_layout.setSpacing(6)
        self.due_box.layout().addLayout(self.due_layout)
        layout.addWidget(self.due_box)
        self.on_this_day = OnThisDay(journal, page)  # a month and a year ago
        self.on_this_day.hidden_by_user.connect(self._on_this_day_hidden)
        layout.addWidget(self.on_this_day)

        self.checkin_card, self.checkin_form = self._form_card(
            "Daily check-in", CheckinForm(journal, page, day=self.day), page
        )
        self.checkin_note = tone_label("", "muted", page, small=True)
        self.checkin_card.layout().insertWidget(1, self.checkin_note)
        self.follow_up = _FollowUp(self._answer_follow_up, page)
        self.checkin_card.layout().insertWidget(2, self.follow_up)
        self.ai_card, self.ai_form = self._form_card(
            "Log an AI use", AIUseForm(journal, page), page
        )
        self.touch_card, self.touch_form = self._form_card(
            "Log a touchpoint", TouchpointForm(journal, page), page
        )
        self.entries_card = Card(page)
        self.entries_card.layout().addWidget(card_heading("Today's entries", self.entries_card))
        self.entries = QTreeWidget(self.entries_card)
        self.entries.setAccessibleName("Today's entries")
        self.entries.setColumnCount(3)
        self.entries.setHeaderHidden(True)
        self.entries.setRootIsDecorated(False)
        self.entries.setUniformRowHeights(True)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.setFrameShape(QFrame.Shape.NoFrame)
        self.entries.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.entries.viewport().setAutoFillBackground(False)
        self.entries.header().setStretchLastSection(True)
        self.entries.setToolTip("Double-click or press Enter to edit")
        self.entries.itemActivated.connect(self._open_item)
        self.entries_card.layout().addWidget(self.entries)
        self.empty = tone_label(EMPTY_TODAY, "muted", self.entries_card)
        self.empty.setAccessibleName("No entries today")
        self.entries_card.layout().addWidget(self.empty)
        self.columns = columns = QHBoxLayout()
        columns.setSpacing(16)
        self.left, self.right = QVBoxLayout(), QVBoxLayout()
        for column in (self.left, self.right):
            column.setSpacing(14)
            columns.addLayout(column, 1)
        layout.addLayout(columns)
        layout.addStretch(1)

        for form in (self.checkin_form, self.ai_form, self.touch_form):
            form.saved.connect(self._saved)
        self._arrange(wide=False)
        self.refresh(suggestions=False)  # the forms have just read theirs

    # ---- layout ------------------------------------------------------------------------

    def _form_card(self, title: str, form: EntryForm, parent: QWidget) -> tuple[Card, EntryForm]:
        card = Card(parent)
        card.layout().addWidget(card_heading(title, card))
        card.layout().addWidget(form)
        card.setAccessibleName(title)
        return card, form

    def _arrange(self, wide: bool) -> None:
        """Two columns (check-in and today's entries | AI use and touchpoint) when there is
        room, else one column in reading order."""
        if wide == self._wide:
            return
        self._wide = wide
        cards = (self.checkin_card, self.ai_card, self.touch_card, self.entries_card)
        for column in (self.left, self.right):
            while column.count():
                column.takeAt(0)
        if wide:
            for card in (self.checkin_card, self.entries_card):
                self.left.addWidget(card)
            for card in (self.ai_card, self.touch_card):
                self.right.addWidget(card)
        else:
            for card in cards:
                self.left.addWidget(card)
        for column in (self.left, self.right):
            column.addStretch(1)
        self.columns.setStretch(1, 1 if wide else 0)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab follows the page as it reads: the nudge, the follow-up, due questionnaires, on
        this day, then the cards column by column (Tab inside a form stays in the form)."""
        top = [
            *(self.nudge_card.buttons.values() if self.nudge_card else ()),
            *self.follow_up.buttons.values(),
            *(card.button for card in self._due_cards),
            self.on_this_day.hide_button,
        ]
        cards = {
            self.checkin_card: self.checkin_form.tab_order,
            self.entries_card: [self.entries],
            self.ai_card: self.ai_form.tab_order,
            self.touch_card: self.touch_form.tab_order,
        }
        placed = [self.left.itemAt(i).widget() for i in range(self.left.count())]
        placed += [self.right.itemAt(i).widget() for i in range(self.right.count())]
        order = top + [w for card in placed if card in cards for w in cards[card]]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        needed = (
            self.checkin_card.minimumSizeHint().width()
            + self.ai_card.minimumSizeHint().width()
            + 16
            + 40
            + self.scroll.verticalScrollBar().sizeHint().width()
            + 8
        )
        self._arrange(event.size().width() >= needed)

    # ---- the view contract -----------------------------------------------------------------

    def refresh(self, *, suggestions: bool = True) -> None:
        """Reload suggestions, today's check-in, due instruments and today's entries."""
        today = self.journal.clock().date()
        new_day, self.day = today != self.day, today
        self.date_label.setText(f"{today:%A} {today.day} {today:%B %Y}")
        for form in (self.checkin_form, self.ai_form, self.touch_form):
            if suggestions:  # tools, people, skills, goals, factors added or archived meanwhile
                form.refresh_suggestions()
        for form in (self.ai_form, self.touch_form):
            if not form.has_edits():
                form.clear(keep_confirmation=True)
        if new_day or not self.checkin_form.has_edits():
            self.checkin_form.show_day(today)
        stored = self.journal.checkin_on(today)
        self.checkin_note.setText(
            "You checked in today; saving updates today's check-in."
            if stored
            else "How was today? Burnout is a validated single-item measure; the other questions "
            "are journal items for your own trends."
        )
        self._show_due()
        self._show_entries()
        self.on_this_day.show_days(lookback.shown_on_today(self.journal, today))
        show_prompt(self.checkin_form.note, lookback.todays_prompt(self.journal, today))
        self._show_nudge()
        self.follow_up.ask(next(iter(nudges.follow_up_due(self.journal, today)), None))
        self._order_tabs()

    # Ctrl+K, Ctrl+N and Ctrl+Shift+N are the window's (they work from anywhere in it).
    def focus_checkin(self) -> None:
        self.scroll.ensureWidgetVisible(self.checkin_card)
        self.checkin_form.focus_first()

    def focus_ai_use(self) -> None:
        self.scroll.ensureWidgetVisible(self.ai_card)
        self.ai_form.focus_first()

    def focus_touchpoint(self, person: str | None = None) -> None:
        """The touchpoint form, with `person` filled in (a planned touchpoint's reminder)
        unless the form holds something typed already."""
        if person and not self.touch_form.has_edits():
            self.touch_form.person.setText(person)
        self.scroll.ensureWidgetVisible(self.touch_card)
        self.touch_form.focus_first()

    # ---- parts ---------------------------------------------------------------------------

    def _saved(self, _record: r.Record) -> None:
        self.refresh()
        self.changed.emit()

    def _show_due(self) -> None:
        while (item := self.due_layout.takeAt(0)) is not None:
            if (card := item.widget()) is not None:
                card.hide()
                card.setParent(None)
                card.deleteLater()
        due = assessing.due(self.journal, self.day)
        self._due_cards = [_DueRow(one, self.open_instrument, self.due_box) for one in due]
        for card in self._due_cards:
            self.due_layout.addWidget(card)
        self.due_box.setVisible(bool(due))

    def _show_nudge(self) -> None:
        """The newest active nudge as a card at the top, or nothing."""
        if self.nudge_card is not None:
            self.nudge_card.hide()
            self.nudge_card.setParent(None)
            self.nudge_card.deleteLater()
            self.nudge_card = None
        newest = next(iter(nudges.active(self.journal, self.day)), None)
        if newest is None:
            return
        person = nudges.candidate_people(self.journal, self.day).get(newest.rule_id)
        self.nudge_card = NudgeCard(self.journal, newest, self.scroll.widget(), person_id=person)
        self.nudge_card.acted_on.connect(lambda *_: self._saved(newest))
        self.nudge_slot.addWidget(self.nudge_card)

    def _on_this_day_hidden(self) -> None:
        self.checkin_form.focus_first()
        self.changed.emit()

    def _answer_follow_up(self, nudge: r.Nudge, helped: bool) -> None:
        nudges.record_helped(self.journal, nudge.id, helped)
        self.changed.emit()

    def due_instruments(self) -> list[str]:
        """The ids of the instruments shown as due."""
        return [card.instrument_id for card in self._due_cards]

    def open_instrument(self, instrument_id: str) -> InstrumentDialog:
        dialog = InstrumentDialog(self.journal, instrument_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.taken.connect(self._saved)
        self.instrument_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "instrument_dialog", None))
        dialog.open()
        return dialog

    def _show_entries(self) -> None:
        self.entries.clear()
        found = self.journal.entries(EntryFilter(start=self.day, end=self.day))
        for entry in found:
            moment = describe.moment(entry)
            at = moment.strftime("%H:%M") if isinstance(moment, datetime) else "Today"
            kind = describe.KIND_LABELS.get(entry.record_kind, entry.record_kind)
            summary = describe.title(entry)
            item = QTreeWidgetItem([at, kind, summary])
            item.setSizeHint(0, QSize(-1, self.fontMetrics().height() + 8))
            item.setData(0, Qt.ItemDataRole.UserRole, entry)
            note = getattr(entry, "note", "")
            item.setToolTip(2, summary + (f"\n\n{note}" if note else ""))
            self.entries.addTopLevelItem(item)
        for column in (0, 1):
            self.entries.resizeColumnToContents(column)
            self.entries.setColumnWidth(column, self.entries.columnWidth(column) + 14)
        rows = len(found)
        if rows:  # the page scrolls, not the list: show every row
            row_height = self.entries.sizeHintForRow(0) or self.fontMetrics().height() + 6
            self.entries.setFixedHeight(row_height * rows + 4)
        self.entries.setVisible(bool(found))
        self.empty.setVisible(not found)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        self.open_entry(item.data(0, Qt.ItemDataRole.UserRole))

    def open_entry(self, entry: r.Record) -> EntryDialog:
        self.entry_dialog = open_entry(self.journal, entry, self, self._saved)
        return self.entry_dialog
