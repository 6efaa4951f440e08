"""Today's "On this day" card (a month and a year ago) and the reflection prompt in the note.

What is shown comes from `journaling.lookback`; hiding the card is the `on_this_day` setting,
so it stays hidden until Settings shows it again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from aijournal.journaling.lookback import LookedBack
from aijournal.journaling.settings import Settings
from aijournal.model.presentation import escape, plural
from aijournal.storage import Journal
from aijournal.ui.widgets.cards import Card

NOTES_SHOWN = 3  # entry notes per day; the rest are counted
NOTE_PRIVATE = "Private; never leaves this computer unless you export it"


class OnThisDay(Card):
    """The check-ins and notes of a month and a year ago, a line or two each, with Hide."""

    hidden_by_user = Signal()  # the setting changed: the window tells the other views

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.setAccessibleName("On this day")
        self.layout().setSpacing(4)
        top = QHBoxLayout()
        title = QLabel("On this day", self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        top.addWidget(title, 1)
        self.hide_button = QPushButton("Hide", self)
        self.hide_button.setAccessibleName("Hide on this day")
        self.hide_button.setToolTip("Hide this card; Settings → On this day shows it again")
        self.hide_button.setAutoDefault(False)
        self.hide_button.clicked.connect(self.hide_for_good)
        top.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.layout().addLayout(top)
        self.days: list[QLabel] = []
        self.hide()

    def show_days(self, days: list[LookedBack]) -> None:
        """Show these days (none: the card hides)."""
        for label in self.days:
            self.layout().removeWidget(label)
            label.deleteLater()
        self.days = []
        for one in days:
            label = QLabel(_day_html(one), self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAccessibleName(f"{one.ago.capitalize()}, {one.day:%A %d %B %Y}")
            label.setToolTip(_day_details(one))
            self.layout().addWidget(label)
            self.days.append(label)
        self.setVisible(bool(days))

    def hide_for_good(self) -> None:
        """Hide the card, today and from now on (the setting remembers)."""
        Settings(self.journal)["on_this_day"] = False
        self.hide()
        self.hidden_by_user.emit()


def _day_html(one: LookedBack) -> str:
    """One line for the day, a second for its notes (wrapping only on a narrow screen)."""
    head = f"<b>{escape(one.ago.capitalize())}</b>, {one.day:%a} {one.day.day} {one.day:%b}: "
    if one.checkin is not None:
        head += escape(one.checkin_line().lower())
    else:
        head += "no check-in, " + plural(one.entries, "entry", "entries")
    said = []
    if one.checkin is not None and one.checkin.note.strip():
        said.append(f"“{escape(_short(one.checkin.note, 80))}”")
    said += [f"{escape(n.short)}: {escape(_short(n.text, 60))}" for n in one.notes[:NOTES_SHOWN]]
    if len(one.notes) > NOTES_SHOWN:
        said.append(f"+{len(one.notes) - NOTES_SHOWN}")
    return head + (f"<br><i>{' · '.join(said)}</i>" if said else "")


def _day_details(one: LookedBack) -> str:
    """Everything of the day, for the tooltip: the check-in's note and each entry's note."""
    lines = [f"{one.ago.capitalize()}: {one.day:%A %d %B %Y}"]
    if one.checkin is not None:
        lines.append(one.checkin_line() + (f"\n{one.checkin.note}" if one.checkin.note else ""))
    lines += [f"{n.kind} · {n.title}\n{n.text}" for n in one.notes]
    return "\n\n".join(lines)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def show_prompt(note: QPlainTextEdit, prompt: str | None) -> None:
    """The day's reflection prompt as the note's placeholder (and its description)."""
    note.setPlaceholderText(f"{prompt} · {NOTE_PRIVATE.lower()}" if prompt else NOTE_PRIVATE)
    note.setAccessibleDescription(f"Reflection prompt: {prompt}" if prompt else "")
