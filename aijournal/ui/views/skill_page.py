"""One skill's page: growth chart, minutes per month by source, and its timeline of ratings,
AI sessions and the people who helped (names shown: it is the user's own screen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from aijournal.growth import skills as growth
from aijournal.journaling import describe
from aijournal.model.patterns import pattern
from aijournal.model.presentation import change_arrow, hours
from aijournal.storage import Journal
from aijournal.ui.charts import growth as growth_charts
from aijournal.ui.widgets.basics import fill_row, fit_to_screen, heading, muted, table, with_role

TIMELINE_COLUMNS = ("Date", "What", "Details")


def subheading(text: str) -> QLabel:
    """A bold label that names a part of a view."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def timeline_rows(timeline: growth.SkillTimeline) -> list[tuple[date, str, str]]:
    """(day, what, details) for every rating, AI session and helper, newest first."""
    rows: list[tuple[date, int, str, str]] = []
    for r in timeline.ratings:
        rows.append((r.day, 0, f"Rated {r.rating}/5", r.note or ""))
    for s in timeline.ai_sessions:
        p = pattern(s.pattern)
        rows.append(
            (s.day, 1, f"AI session · {s.source.label}", f"{s.tool} · {p.label} · {s.minutes} min")
        )
    for h in timeline.people:
        who = h.person or "someone"
        kind = describe.TOUCHPOINT_LABELS.get(h.kind, h.kind)
        rows.append(
            (
                h.day,
                2,
                f"From people · {who}",
                kind + (f" · {h.minutes} min" if h.minutes else ""),
            )
        )
    rows.sort(key=lambda row: (row[0], row[1]), reverse=True)
    return [(day, what, details) for day, _, what, details in rows]


class SkillPage(QDialog):
    """A skill's history in one window; Escape closes it."""

    def __init__(self, journal: Journal, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        today = journal.clock().date()
        self.timeline = growth.skill_timeline(journal, name)
        skill = self.timeline.skill
        overview = next(
            (g for g in growth.skill_overview(journal, today) if g.skill.id == skill.id), None
        )
        self.setWindowTitle(f"Skill · {skill.name}")
        self.setAccessibleName(f"Skill page {skill.name}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)

        top = QHBoxLayout()
        title = heading(skill.name)
        title.setAccessibleName("Skill")
        top.addWidget(title)
        if skill.niche:
            tag = with_role(QLabel("niche"), "notice")
            tag.setAccessibleName("Niche")
            tag.setToolTip("Part of your niche: the skills that set your work apart")
            top.addWidget(tag)
        top.addStretch(1)
        layout.addLayout(top)
        self.summary = muted(self._summary(overview))
        self.summary.setAccessibleName("Summary")
        layout.addWidget(self.summary)

        charts = QSplitter(Qt.Orientation.Horizontal)
        self.growth_chart = growth_charts.growth_chart(self.timeline, today)
        self.growth_chart.setAccessibleName("Growth chart")
        self.months_chart = growth_charts.months_chart(self.timeline.months)
        self.months_chart.setAccessibleName("Minutes per month")
        charts.addWidget(self.growth_chart)
        charts.addWidget(self.months_chart)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        charts.setChildrenCollapsible(False)

        self.table = table(TIMELINE_COLUMNS, "Timeline")
        rows = timeline_rows(self.timeline)
        self.table.setRowCount(len(rows))
        for row, (day, what, details) in enumerate(rows):
            fill_row(self.table, row, [day.isoformat(), what, details])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, header.ResizeMode.Stretch)
        self.empty = muted(
            "Nothing yet — rate this skill, or name it when you log an AI use or a touchpoint."
        )
        self.empty.setAccessibleName("No history yet")

        body = QSplitter(Qt.Orientation.Vertical)
        if rows:
            body.addWidget(charts)
        else:  # nothing to draw: say so once instead of two empty charts
            charts.setParent(self)
            charts.hide()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 8, 0, 0)
        lower_layout.addWidget(subheading("Timeline"))
        lower_layout.addWidget(self.table if rows else self.empty, 1)
        unused = self.empty if rows else self.table
        unused.setParent(self)  # kept (tests read both), owned by the page like the rest
        unused.hide()
        body.addWidget(lower)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setChildrenCollapsible(False)
        layout.addWidget(body, 1)

        close = QPushButton("Close")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        width = self.fontMetrics().averageCharWidth() * 160
        fit_to_screen(self, width, int(width * 0.72) if rows else int(width * 0.3))

    @staticmethod
    def _summary(skill: growth.SkillGrowth | None) -> str:
        if skill is None:
            return ""
        rating = (
            f"Rated {skill.rating}/5 on {skill.rated_on.isoformat()}, "
            f"{change_arrow(skill.change_90d)} over 90 days"
            if skill.rating is not None
            else "Not rated yet"
        )
        practice = " · ".join(
            f"{hours(skill.practice(s).minutes)} {s.label} ({skill.practice(s).count})"
            for s in growth.Source
        )
        last = (
            f"last practised {skill.last_practised.isoformat()}"
            if skill.last_practised
            else "never practised"
        )
        return f"{rating}. {practice}; {last}."

    def timeline_texts(self) -> list[list[str]]:
        return [
            [self.table.item(row, col).text() for col in range(self.table.columnCount())]
            for row in range(self.table.rowCount())
        ]
