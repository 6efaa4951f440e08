"""Insights: plain-language findings that hold up statistically, and every nudge as a card."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aijournal.analysis import insights
from aijournal.connection import nudges
from aijournal.model import records as r
from aijournal.model.presentation import escape
from aijournal.storage import Journal
from aijournal.ui.theme import colour
from aijournal.ui.widgets.basics import heading, scroll_page, with_role
from aijournal.ui.widgets.cards import Card, card_heading, tone_label
from aijournal.ui.widgets.nudge_card import NudgeCard

NO_FINDINGS = (
    "Nothing held up in this analysis. A finding needs at least 14 days of check-ins paired "
    "with your AI use and touchpoints, and a pattern that still holds when every question is "
    "tested together. That is not proof there is no pattern: it may be too small or too new."
)
NO_NUDGES = "No nudges right now. They appear when your journal suggests reaching out."
DONE = {
    "planned": "Planned. AI Journal reminds you on the day.",
    "snoozed": "Snoozed for a week.",
    "dismissed": "Dismissed.",
}


class InsightsView(QWidget):
    """Findings with their numbers shown quietly, then the nudges with their actions."""

    title = "Insights"
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.cards: list[NudgeCard] = []
        self.finding_labels: list[QLabel] = []
        self._undo: r.Nudge | None = None
        self.scroll, page, layout = scroll_page(self, spacing=12)
        layout.addWidget(heading("Insights"))

        self.findings_card = Card(page)
        self.findings_card.setAccessibleName("Findings")
        self.findings_card.layout().addWidget(card_heading("What your journal shows", page))
        self.run_label = tone_label("", "muted", page)
        self.run_label.setAccessibleName("Analysis period")
        self.findings_card.layout().addWidget(self.run_label)
        self.findings_box = QVBoxLayout()
        self.findings_box.setSpacing(10)
        self.findings_card.layout().addLayout(self.findings_box)
        self.no_findings = tone_label(NO_FINDINGS, "muted", page)
        self.no_findings.setAccessibleName("No findings")
        self.findings_card.layout().addWidget(self.no_findings)
        self.error_rate = tone_label("", "muted", page, small=True)
        self.error_rate.setAccessibleName("Error rate")
        self.findings_card.layout().addWidget(self.error_rate)
        caveat = tone_label(insights.CAVEAT, "muted", page, small=True)
        caveat.setAccessibleName("Caveat")
        self.findings_card.layout().addWidget(caveat)
        layout.addWidget(self.findings_card)

        top = QHBoxLayout()
        top.addWidget(card_heading("Nudges", page))
        top.addStretch(1)
        self.show_dismissed = QCheckBox("Show dismissed and done", page)
        self.show_dismissed.toggled.connect(self.show_nudges)
        top.addWidget(self.show_dismissed)
        layout.addLayout(top)
        layout.addWidget(
            tone_label(
                "Gentle prompts to seek people, from rules with research behind them. Plan a "
                "touchpoint, snooze a nudge for a week or dismiss it.",
                "muted",
                page,
                small=True,
            )
        )

        self.undo_bar = QFrame(page)
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(10, 4, 6, 4)
        self.notice = with_role(QLabel("", self.undo_bar), "notice")
        self.notice.setAccessibleName("Notice")
        bar.addWidget(self.notice, 1)
        self.undo_button = QPushButton("Undo", self.undo_bar)
        self.undo_button.clicked.connect(self.undo)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)

        self.nudge_box = QVBoxLayout()
        self.nudge_box.setSpacing(10)
        layout.addLayout(self.nudge_box)
        self.no_nudges = tone_label(NO_NUDGES, "muted", page)
        self.no_nudges.setAccessibleName("No nudges")
        layout.addWidget(self.no_nudges)
        layout.addStretch(1)
        self.refresh()

    # ---- the view contract -----------------------------------------------------------------

    def refresh(self) -> None:
        """Store nudges that fire anew, then show the findings and the nudges."""
        if nudges.refresh(self.journal):
            self.changed.emit()
        self.show_findings()
        self.show_nudges()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    # ---- findings ------------------------------------------------------------------------

    def show_findings(self) -> None:
        """The newest complete analysis: its period, its findings and what they rest on."""
        _empty(self.findings_box)
        run = insights.run(self.journal)
        self.run_label.setText(run.summary())
        self.finding_labels = []
        for finding in run.findings:
            label = QLabel(_finding_html(finding), self.findings_card)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAccessibleName("Finding")
            label.setAccessibleDescription(finding.details)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.findings_box.addWidget(label)
            self.finding_labels.append(label)
        self.no_findings.setVisible(run.window is not None and not run.findings)
        self.error_rate.setText(insights.error_rate(run.alpha) if run.window else "")
        self.error_rate.setVisible(run.window is not None)

    def findings(self) -> list[str]:
        return [label.text() for label in self.finding_labels]

    # ---- nudges --------------------------------------------------------------------------

    def show_nudges(self) -> None:
        _empty(self.nudge_box)
        shown = nudges.active(self.journal)
        if self.show_dismissed.isChecked():
            seen = {n.id for n in shown}
            shown += [
                n
                for n in self.journal.nudges(["dismissed", "acted", "snoozed"])
                if n.id not in seen
            ]
        people = nudges.candidate_people(self.journal) if shown else {}
        self.cards = []
        for nudge, told in zip(shown, nudges.explain(self.journal, shown)):
            card = NudgeCard(
                self.journal,
                nudge,
                self.scroll.widget(),
                person_id=people.get(nudge.rule_id),
                shown=told,
            )
            card.acted_on.connect(self._acted_on)
            self.nudge_box.addWidget(card)
            self.cards.append(card)
        self.no_nudges.setVisible(not shown)

    def show_nudge(self, nudge_id: str) -> NudgeCard | None:
        """Scroll to this nudge's card, its first action focused (a notification's action)."""
        card = next((c for c in self.cards if c.nudge.id == nudge_id), None)
        if card is not None:
            self.scroll.ensureWidgetVisible(card)
            if card.buttons:
                next(iter(card.buttons.values())).setFocus()
        return card

    def _acted_on(self, what: str, before: r.Nudge) -> None:
        self._undo = before if what in ("snoozed", "dismissed") else None
        self.notice.setText(DONE.get(what, ""))
        self.undo_button.setVisible(self._undo is not None)
        self.undo_bar.show()
        self.show_nudges()
        self.changed.emit()

    def undo(self) -> None:
        """Put back the nudge last snoozed or dismissed, as it was."""
        if self._undo is None:
            return
        current = self.journal.get(r.Nudge, self._undo.id)
        if current is not None:
            self.journal.update(
                replace(current, status=self._undo.status, snoozed_until=self._undo.snoozed_until)
            )
        self._undo = None
        self.undo_bar.hide()
        self.show_nudges()
        self.changed.emit()


def _finding_html(finding: insights.Insight) -> str:
    """The finding's sentence, then what it rests on in a quieter, smaller style."""
    quiet = colour("muted").name()
    return (
        f"{escape(finding.text)}<br><span style='font-size:small; color:{quiet}'>"
        f"{escape(finding.details)}</span>"
    )


def _empty(layout: QVBoxLayout) -> None:
    while (item := layout.takeAt(0)) is not None:
        if (widget := item.widget()) is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
