"""`NudgeCard`: one nudge, why it fired, and what to do about it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from aijournal.connection import nudges
from aijournal.model import records as r
from aijournal.model.presentation import escape
from aijournal.storage import Journal
from aijournal.ui.dialogs.plan_touchpoint import PlanDialog
from aijournal.ui.widgets.cards import Card, card_heading, tone_label

STATUS_TEXT = {
    "snoozed": "Snoozed until {snoozed_until:%d %b}",
    "planned": "Touchpoint planned for {planned_day:%a %d %b}",
    "acted": "Done: you logged a touchpoint",
    "dismissed": "Dismissed",
}


class NudgeCard(Card):
    """One nudge: title, why (the facts), what to do, the evidence, and its actions."""

    acted_on = Signal(str, object)  # what happened ("planned", "snoozed", "dismissed"), before

    def __init__(
        self,
        journal: Journal,
        nudge: r.Nudge,
        parent: QWidget | None = None,
        *,
        person_id: str | None = None,
        shown: nudges.Shown | None = None,
    ):
        super().__init__(parent)
        self.journal, self.nudge, self.person_id = journal, nudge, person_id
        self.dialog: PlanDialog | None = None
        shown = shown or nudges.explain(journal, [nudge])[0]  # facts as of today
        self.setAccessibleName(f"Nudge: {shown.title}")
        layout = self.layout()
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.title = card_heading(shown.title, self)
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        status = STATUS_TEXT.get(nudge.status, "")
        if nudge.status == "snoozed" and nudge.snoozed_until is None:
            status = ""
        self.status = tone_label(
            status.format(snoozed_until=nudge.snoozed_until, planned_day=nudge.planned_day),
            "notice" if nudge.status in ("planned", "acted") else "muted",
            self,
            small=True,
        )
        self.status.setWordWrap(False)
        self.status.setAccessibleName("Nudge status")
        self.status.setVisible(bool(status))
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.why = QLabel(" ".join(shown.why), self)
        self.why.setWordWrap(True)
        self.why.setAccessibleName("Why")
        layout.addWidget(self.why)
        self.what = QLabel(f"<b>What might help:</b> {escape(shown.what_to_do)}", self)
        self.what.setWordWrap(True)
        self.what.setAccessibleName("What to do")
        layout.addWidget(self.what)
        self.evidence = tone_label(f"Evidence: {shown.evidence}", "muted", self, small=True)
        self.evidence.setAccessibleName("Evidence")
        self.evidence.setVisible(bool(shown.evidence))
        layout.addWidget(self.evidence)

        self.buttons: dict[str, QPushButton] = {}
        if nudge.status in nudges.OPEN:
            row = QHBoxLayout()
            row.addStretch(1)
            for text, slot in (
                ("Plan a touchpoint", self.open_plan),
                ("Snooze a week", self.snooze),
                ("Dismiss", self.dismiss),
            ):
                button = QPushButton(text, self)
                button.setAutoDefault(False)
                button.clicked.connect(slot)
                row.addWidget(button)
                self.buttons[text] = button
            if nudge.status == "planned":
                self.buttons["Plan a touchpoint"].setText("Change plan")
                self.buttons["Plan a touchpoint"].setAccessibleName("Plan a touchpoint")
            layout.addLayout(row)

    def open_plan(self) -> PlanDialog:
        """Open the plan dialog (window-modal, not blocking)."""
        self.dialog = PlanDialog(self.journal, self.nudge, self.person_id, self)
        self.dialog.accepted.connect(lambda: self.acted_on.emit("planned", self.nudge))
        self.dialog.open()
        return self.dialog

    def snooze(self) -> None:
        nudges.snooze(self.journal, self.nudge.id)
        self.acted_on.emit("snoozed", self.nudge)

    def dismiss(self) -> None:
        nudges.dismiss(self.journal, self.nudge.id)
        self.acted_on.emit("dismissed", self.nudge)
