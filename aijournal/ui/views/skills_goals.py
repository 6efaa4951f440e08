"""Skills and goals: the skills a freelancer grows and the goals their AI time serves.

Skills are listed by recent growth with practice by source (learned with AI, done by AI, from
people); a double-click or Enter opens the skill's page. Goals show their AI time, the
alignment share, and the recent AI uses that serve no goal, which can be linked in bulk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aijournal.growth import skills as growth
from aijournal.model import records as r
from aijournal.model.errors import JournalError
from aijournal.model.patterns import pattern
from aijournal.model.presentation import change_arrow, hours, percent, plural
from aijournal.model.records import GOAL_KINDS, Goal, Skill, parse_day
from aijournal.storage import Journal
from aijournal.ui.charts.growth import source_colour
from aijournal.ui.forms.keys import tab_stops
from aijournal.ui.forms.kit import ScaleInput
from aijournal.ui.views.skill_page import SkillPage, subheading
from aijournal.ui.widgets.basics import (
    InlineError,
    Notice,
    choose,
    combo,
    fill_row,
    form_keys,
    labelled,
    muted,
    report,
    scroll_page,
    status_item,
    table,
)
from aijournal.ui.widgets.flow import Reflow
from aijournal.ui.widgets.record_panel import RecordPanel
from aijournal.ui.workers import run_job

RATING_ANCHORS = (
    "Just starting",
    "Can do it with help",
    "Can do it alone",
    "Do it well",
    "Could teach it",
)
DELEGATED_PROMPT = (
    "Done only by AI so far, never learned with AI or from people. Try one "
    "in a learning session, or pair with someone who knows it."
)
UNASSIGNED_HINT = (
    "The last 2 weeks. Select several (Ctrl or Shift, Ctrl+A for all) and link them to a goal."
)


def _bold(item: QTableWidgetItem) -> QTableWidgetItem:
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item


def _number(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tip:
        item.setToolTip(tip)
    return item


def _uses(n: int) -> str:
    return plural(n, "AI use")


def _bar_layout(panel: RecordPanel) -> QHBoxLayout:
    """The row of buttons over a RecordPanel's table (Edit, the toggle…)."""
    layout = panel.layout()
    for index in range(layout.count()):
        inner = layout.itemAt(index).layout()
        if isinstance(inner, QHBoxLayout) and inner.indexOf(panel.edit_button) >= 0:
            return inner
    raise LookupError("no button row")


def _practice_legend(palette) -> str:
    """ "■ learned with AI ■ done by AI ■ learned from people" in the bars' colours."""
    return "Practice: " + " &nbsp; ".join(
        f'<span style="color:{source_colour(s, palette).name()}">■</span> {s.label}'
        for s in growth.Source
    )


# ---- skills -------------------------------------------------------------------------------

PRACTICE_ROLE = Qt.ItemDataRole.UserRole + 1  # (minutes with AI, by AI, from people)


class PracticeBar(QStyledItemDelegate):
    """Hours of practice by source as one compact stacked bar, to scale across the table.

    The cell's text says the same in words (read by screen readers, shown as a tooltip).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.most = 1  # the largest total in the table: the full width of a bar

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        minutes = index.data(PRACTICE_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not minutes:
            return
        rect = option.rect.adjusted(6, 0, -6, 0)
        height = max(6, min(12, rect.height() // 2))
        top = rect.top() + (rect.height() - height) // 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        x = float(rect.left())
        for source, value in zip(growth.Source, minutes):
            width = max(2.0, rect.width() * value / self.most) if value else 0.0  # visible
            painter.setBrush(source_colour(source, option.palette))
            painter.drawRect(QRectF(x, top, width, height))
            x += width
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt API)
        hint = super().sizeHint(option, index)
        return QSize(option.fontMetrics.horizontalAdvance("0") * 16, hint.height())


class SkillsPanel(RecordPanel):
    columns = ("Skill", "Niche", "Rating", "90 days", "Practice", "Last practised")
    noun = "skill"
    empty_text = "No skills yet — add one, or name a skill when you log an AI use."
    intro = (
        "Most recent growth first. Hours of practice learned with AI, done by AI and "
        "learned from people. A niche skill is one that sets your work apart."
    )

    rated = Signal()

    def __init__(self, journal: Journal, title: str, parent: QWidget | None = None):
        self.overview: list[growth.SkillGrowth] = []
        self.delegated = QFrame()
        self.practice_bar = PracticeBar()
        super().__init__(journal, title, parent)
        self.practice_bar.setParent(self.table)
        self.table.setItemDelegateForColumn(self.columns.index("Practice"), self.practice_bar)
        self.table.horizontalHeaderItem(self.columns.index("Practice")).setToolTip(
            "Hours learned with AI, done by AI and learned from people"
        )
        self.legend = muted(" ")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName("Practice legend")
        self.table.itemActivated.disconnect()  # activation opens the skill page, not the form
        self.table.itemActivated.connect(lambda _: self.open_selected())
        bar = _bar_layout(self)
        self.rate_button = QPushButton("Rate…")
        self.rate_button.setToolTip("Rate yourself 1–5 on the selected skill")
        self.rate_button.clicked.connect(self.rate_selected)
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("The skill's page: growth chart and timeline (Enter)")
        self.open_button.clicked.connect(self.open_selected)
        bar.insertWidget(0, self.open_button)
        bar.insertWidget(2, self.rate_button)
        self.page: SkillPage | None = None
        self.rate_dialog: RateDialog | None = None

        # The skills only ever delegated to AI, with a nudge to learn them.
        self.delegated.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.delegated)
        box.setContentsMargins(10, 6, 10, 6)
        box.setSpacing(2)
        self.delegated_title = subheading("Skills you only ever delegate to AI")
        self.delegated_list = QLabel()
        self.delegated_list.setWordWrap(True)
        self.delegated_list.setAccessibleName("Skills you only ever delegate to AI")
        box.addWidget(self.delegated_title)
        box.addWidget(self.delegated_list)
        box.addWidget(muted(DELEGATED_PROMPT))
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.rows) + 1, self.legend)
        layout.insertWidget(layout.indexOf(self.rows) + 2, self.delegated)
        self.order_tabs()

    def order_tabs(self, first: QWidget | None = None) -> None:
        """Tab follows the screen: `first`, the buttons left to right, the table, the form."""
        chain = [
            self.open_button,
            self.edit_button,
            self.rate_button,
            self.toggle_button,
            self.table,
            self.name,
            self.niche,
            *[b for b in self.form_box.findChildren(QPushButton) if b.text() == "Clear"],
            self.save_button,
        ]
        for before, after in zip([first] if first else [], chain):
            QWidget.setTabOrder(before, after)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def records(self, archived: bool):
        self.overview = growth.skill_overview(self.journal, self.journal.clock().date())
        rows = []
        for g in self.overview:
            name = QTableWidgetItem(g.name)
            if g.niche:
                _bold(name)
            practice = QTableWidgetItem(
                ", ".join(f"{hours(g.practice(s).minutes)} {s.label}" for s in growth.Source)
            )
            practice.setToolTip(practice.text())
            practice.setData(PRACTICE_ROLE, [g.practice(s).minutes for s in growth.Source])
            rows.append(
                (
                    g.skill,
                    [
                        name,
                        "Niche" if g.niche else "",
                        _number(
                            f"{g.rating}/5" if g.rating is not None else "–",
                            f"rated {g.rated_on}" if g.rated_on else "not rated yet",
                        ),
                        _number(change_arrow(g.change_90d), "rating change over the last 90 days"),
                        practice,
                        g.last_practised.isoformat() if g.last_practised else "Never",
                    ],
                )
            )
        self.legend.setText(_practice_legend(self.palette()))  # the theme may have changed
        self.practice_bar.most = max(
            [1] + [sum(g.practice(s).minutes for s in growth.Source) for g in self.overview]
        )
        delegated = [g.name for g in self.overview if g.only_delegated]
        self.delegated_list.setText(", ".join(delegated))
        self.delegated.setVisible(bool(delegated))
        return rows

    def build_form(self, form: QFormLayout) -> None:
        self.name = labelled(form, "Skill name", QLineEdit())
        self.niche = labelled(form, "Niche skill", QCheckBox())

    def fill_form(self, skill: Skill | None) -> None:
        self.name.setText(skill.name if skill else "")
        self.niche.setChecked(bool(skill and skill.niche))

    def from_form(self, editing: Skill | None) -> Skill:
        values = {"name": self.name.text(), "niche": self.niche.isChecked()}
        return Skill(**values) if editing is None else editing.touched(**values)

    def toggle_text(self, skill: Skill | None) -> str:
        return "Not niche" if skill is not None and skill.niche else "Mark niche"

    def toggled(self, skill: Skill) -> Skill:
        return skill.touched(niche=not skill.niche)

    def toggle_notice(self, skill: Skill) -> str:
        return f"{skill.name} is {'now' if skill.niche else 'no longer'} a niche skill."

    def _selection_changed(self) -> None:
        super()._selection_changed()
        if hasattr(self, "rate_button"):
            has = self.selected() is not None
            self.rate_button.setEnabled(has)
            self.open_button.setEnabled(has)

    # ---- rating and the skill page ---------------------------------------------------------

    def rate_selected(self) -> RateDialog | None:
        if (skill := self.selected()) is None:
            return None
        self.rate_dialog = RateDialog(self.journal, skill, self)
        self.rate_dialog.rated.connect(self._rated)
        self.rate_dialog.open()
        return self.rate_dialog

    def _rated(self, rating: r.SkillRating) -> None:
        skill = self.journal.skill_named(rating.skill)
        self.refresh()
        if skill is not None:
            self.select(skill.id)
        self.notice.say(f"Rated {rating.skill} {rating.rating}/5.")
        self.changed.emit()

    def open_selected(self) -> SkillPage | None:
        if (skill := self.selected()) is None:
            return None
        self.page = SkillPage(self.journal, skill.name, self)
        self.page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.page.open()
        return self.page


class RateDialog(QDialog):
    """A dated self-rating of one skill: 1–5 and an optional line on what changed."""

    rated = Signal(object)

    def __init__(self, journal: Journal, skill: Skill, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal, self.skill = journal, skill
        self.setWindowTitle(f"Rate {skill.name}")
        layout = QVBoxLayout(self)
        layout.addWidget(subheading(f"How good are you at {skill.name} today?"))
        form = QFormLayout()
        self.rating = labelled(form, "Rating", ScaleInput(RATING_ANCHORS, optional=False))
        current = growth.skill_timeline(journal, skill.name).ratings
        self.rating.set_value(current[-1].rating if current else None)
        note = QLineEdit()
        note.setPlaceholderText("optional, one line — private")
        note.setMaxLength(500)
        self.note = labelled(form, "What changed", note)
        layout.addLayout(form)
        self.error = InlineError()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton("Cancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton("Save rating")
        self.save_button.setToolTip("Ctrl+Enter")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        form_keys(self, self.save, self.reject)
        self.rating.setFocus()

    def save(self) -> None:
        if self.rating.value() is None:
            self.error.show_error("Rating: pick 1 to 5 (keys 1–5 work too).")
            return
        try:
            stored = self.journal.rate_skill(
                r.SkillRating(
                    skill=self.skill.name,
                    day=self.journal.clock().date(),
                    rating=self.rating.value(),
                    note=self.note.text().strip(),
                )
            )
        except JournalError as error:
            self.error.show_error(error)
            return
        self.accept()
        self.rated.emit(stored)


# ---- goals --------------------------------------------------------------------------------


class GoalsPanel(RecordPanel):
    columns = ("Goal", "Kind", "Target date", "Status", "AI time", "4 weeks", "AI uses")
    noun = "goal"
    empty_text = "No goals yet — add your own, a client's or your organisation's."
    intro = "AI uses can link to a goal, so you see how much AI time serves it."
    archivable = True

    def __init__(self, journal: Journal, title: str, parent: QWidget | None = None):
        self.alignment = muted("")
        super().__init__(journal, title, parent)
        self.alignment.setAccessibleName("Alignment")
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.rows), self.alignment)

    def records(self, archived: bool):
        today = self.journal.clock().date()
        self._show_alignment(growth.alignment(self.journal, today))
        return [
            (
                f.goal,
                [
                    f.goal.name,
                    f.goal.kind.capitalize(),
                    f.goal.target_date.isoformat() if f.goal.target_date else "—",
                    status_item("Archived", "muted") if f.goal.archived else "",
                    _number(hours(f.ai_minutes)),
                    _number(hours(f.recent_ai_minutes)),
                    _number(str(f.ai_uses)),
                ],
            )
            for f in growth.goal_overview(self.journal, today)
            if archived or not f.goal.archived
        ]

    def _show_alignment(self, aligned: growth.Alignment) -> None:
        if aligned.share is None:
            self.alignment.setText("Alignment: no AI time logged yet.")
            return
        self.alignment.setText(
            f"Alignment: {percent(aligned.share)} of all AI time served a goal "
            f"({hours(aligned.linked)} of {hours(aligned.minutes)}); "
            f"{percent(aligned.recent_share)} in the last 4 weeks."
        )

    def build_form(self, form: QFormLayout) -> None:
        self.name = labelled(form, "Goal name", QLineEdit())
        self.kind = labelled(form, "Kind", combo(GOAL_KINDS))
        target = QLineEdit()
        target.setPlaceholderText("YYYY-MM-DD, optional")
        self.target = labelled(form, "Target date", target)

    def fill_form(self, goal: Goal | None) -> None:
        self.name.setText(goal.name if goal else "")
        choose(self.kind, goal.kind if goal else "personal")
        self.target.setText(goal.target_date.isoformat() if goal and goal.target_date else "")

    def from_form(self, editing: Goal | None) -> Goal:
        text = self.target.text().strip()
        values = {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "target_date": parse_day("target date", text) if text else None,
        }
        return Goal(**values) if editing is None else editing.touched(**values)


class UnassignedUses(QWidget):
    """The recent AI uses that serve no goal; select several and link them in one go."""

    changed = Signal()
    columns = ("When", "Tool", "Task", "Pattern", "Minutes")

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.last: tuple[list[str], str] | None = None  # what Undo unlinks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(subheading("AI uses with no goal"))
        layout.addWidget(muted(UNASSIGNED_HINT))
        self.table = table(self.columns, "AI uses with no goal")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, header.ResizeMode.Stretch)
        self.empty = muted("Every AI use of the last 2 weeks serves a goal.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rows = QStackedWidget()
        self.rows.addWidget(self.table)
        self.rows.addWidget(self.empty)
        layout.addWidget(self.rows, 1)

        bar = QHBoxLayout()
        self.assign_button = QPushButton("Assign goal…")
        self.assign_button.setToolTip("Link the selected AI uses to a goal")
        self.menu = QMenu(self.assign_button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.assign_button.setMenu(self.menu)
        self.notice = Notice(seconds=20)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Ctrl+Z")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        bar.addWidget(self.assign_button)
        bar.addWidget(self.notice, 1)
        bar.addWidget(self.undo_button)
        layout.addLayout(bar)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self.notice._timer.timeout.connect(self.undo_button.hide)

    def refresh(self) -> None:
        uses = growth.unassigned_uses(self.journal, self.journal.clock().date())
        self.table.setRowCount(len(uses))
        for row, use in enumerate(uses):
            fill_row(
                self.table,
                row,
                [
                    use.started_at.strftime("%Y-%m-%d %H:%M"),
                    use.tool,
                    use.task or "—",
                    pattern(use.pattern).label,
                    _number(str(use.minutes)),
                ],
                use,
            )
        self.rows.setCurrentWidget(self.table if uses else self.empty)
        self._selection_changed()

    def selected_ids(self) -> list[str]:
        return [
            index.data(Qt.ItemDataRole.UserRole).id
            for index in self.table.selectionModel().selectedRows()
        ]

    def _selection_changed(self) -> None:
        count = len(self.selected_ids())
        self.assign_button.setEnabled(count > 0 and bool(self.journal.goals()))
        self.assign_button.setToolTip(
            f"Link the {_uses(count)} selected to a goal"
            if count
            else "Select AI uses first"
            if self.journal.goals()
            else "Add a goal first"
        )

    def _fill_menu(self) -> None:
        self.menu.clear()
        for goal in self.journal.goals():
            self.menu.addAction(goal.name, lambda goal=goal: self.assign(goal))

    def assign(self, goal: Goal) -> int:
        """Link the selected uses to `goal` in one transaction; Undo unlinks them again."""
        ids = self.selected_ids()
        if not ids:
            return 0
        try:
            count = growth.assign_goal(self.journal, ids, goal.id)
        except JournalError as error:
            report(self, "No goal was linked", error)
            return 0
        self.last = (ids, goal.name)
        self.refresh()
        self.notice.say(f"Linked {_uses(count)} to {goal.name}.")
        self.undo_button.show()
        self.changed.emit()
        return count

    def undo(self) -> None:
        if self.last is None:
            return
        ids, name = self.last
        self.last = None
        # These uses had no goal before: unlinking restores exactly what was there.
        count = growth.assign_goal(self.journal, ids, None)
        self.refresh()
        self.undo_button.hide()
        self.notice.say(f"Unlinked {_uses(count)} from {name}.")
        self.changed.emit()


# ---- the portfolio export ----------------------------------------------------------------------


def ask_path(parent: QWidget, title: str, suggested: str, filter_text: str) -> str:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), filter_text
    )
    return chosen


class ExportPortfolioDialog(QDialog):
    """Choose Markdown or PDF and whether notes and names go in; writes in a worker."""

    FORMATS = {"md": ("Markdown", "Markdown (*.md)"), "pdf": ("PDF", "PDF (*.pdf)")}

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.saved: Path | None = None
        self.setWindowTitle("Export portfolio")
        layout = QVBoxLayout(self)
        layout.addWidget(subheading("Skills portfolio"))
        layout.addWidget(
            muted(
                "One page: niche skills first, ratings and growth, hours by "
                "source, goals and alignment. Private notes and people's names "
                "stay out unless you tick them."
            )
        )
        form = QFormLayout()
        formats = QWidget()
        row = QHBoxLayout(formats)
        row.setContentsMargins(0, 0, 0, 0)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for kind, (label, _) in self.FORMATS.items():
            button = QRadioButton(label)
            self.format_group.addButton(button)
            self.format_buttons[kind] = button
            row.addWidget(button)
        row.addStretch(1)
        self.format_buttons["md"].setChecked(True)
        form.addRow(QLabel("Format"), formats)
        self.include_notes = QCheckBox("Include notes")
        self.include_notes.setToolTip('Your private "what changed" notes on ratings')
        self.include_names = QCheckBox("Include names")
        self.include_names.setToolTip("The names of the people who helped")
        form.addRow("", self.include_notes)
        form.addRow("", self.include_names)
        layout.addLayout(form)
        self.error = InlineError()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton("Cancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton("Save…")
        self.save_button.setToolTip("Ctrl+Enter")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        form_keys(self, self.save, self.reject)
        self._job = None

    def kind(self) -> str:
        return next(k for k, b in self.format_buttons.items() if b.isChecked())

    def save(self) -> None:
        kind = self.kind()
        today = self.journal.clock().date()
        chosen = ask_path(
            self, "Save portfolio", f"skills-portfolio-{today}.{kind}", self.FORMATS[kind][1]
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        notes, names = self.include_notes.isChecked(), self.include_names.isChecked()
        self.save_button.setEnabled(False)
        self._job = run_job(
            self,
            self.journal,
            "Writing the portfolio…",
            lambda journal, _: write_portfolio(journal, kind, path, notes, names),
            done=self._saved,
            failed=self._failed,
        )

    def _saved(self, path: Path) -> None:
        self.saved = path
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.show_error(f"The portfolio was not saved: {error}")


def write_portfolio(
    journal: Journal,
    kind: str,
    path: Path,
    include_notes: bool,
    include_names: bool,
) -> Path:
    """Write the portfolio as Markdown or PDF; runs in a worker on its own connection.

    The PDF is laid out by QTextDocument and QPdfWriter, which need no widgets and so work
    in a pool thread (the GUI thread only keeps its QGuiApplication for the fonts).
    """
    from aijournal.sharing import exports
    from aijournal.ui.printing.printer import QtPrinter

    request = exports.ExportRequest(
        f"portfolio-{kind}", include_notes=include_notes, include_names=include_names
    )
    return exports.export(journal, request, QtPrinter(), to_file=True).write(path)


# ---- the view ---------------------------------------------------------------------------------


class SkillsGoalsView(QWidget):
    """Skills on the left, goals and unlinked AI uses on the right; portfolio export on top."""

    title = "Skills & goals"
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.scroll, _page, layout = scroll_page(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addStretch(1)
        self.export_button = QPushButton("Export portfolio…")
        self.export_button.setToolTip("A one-page skills portfolio as Markdown or PDF")
        self.export_button.clicked.connect(self.export_portfolio)
        top.addWidget(self.export_button)
        self.export_dialog: ExportPortfolioDialog | None = None

        self.skills = SkillsPanel(journal, "Skills", self)
        self.goals = GoalsPanel(journal, "Goals", self)
        self.unassigned = UnassignedUses(journal, self)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.goals)
        right.addWidget(self.unassigned)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)
        right.setHandleWidth(12)
        # Side by side when there is room; on a small screen one above the other, scrolling.
        self.columns = Reflow([self.skills, right])
        layout.addWidget(self.columns, 1)
        # The export button sits in the skills panel's title row, top right.
        title_row = QHBoxLayout()
        skills_layout = self.skills.layout()
        title = skills_layout.itemAt(0).widget()
        skills_layout.removeWidget(title)
        title_row.addWidget(title)
        title_row.addLayout(top, 1)
        skills_layout.insertLayout(0, title_row)

        self.skills.changed.connect(self._skills_changed)
        self.goals.changed.connect(self._goals_changed)
        self.unassigned.changed.connect(self._uses_changed)
        self.skills.order_tabs(first=self.export_button)
        # As the page reads: the skills (left or above), then goals and unlinked AI uses.
        rest = tab_stops(self.goals, usable_now=False) + tab_stops(
            self.unassigned, usable_now=False
        )
        for first, second in zip([self.skills.save_button, *rest], rest):
            QWidget.setTabOrder(first, second)
        self.refresh()

    def refresh(self) -> None:
        self.skills.refresh()
        self.goals.refresh()
        self.unassigned.refresh()

    def _skills_changed(self) -> None:
        self.changed.emit()

    def _goals_changed(self) -> None:
        self.unassigned.refresh()  # a new or archived goal changes what can be assigned
        self.changed.emit()

    def _uses_changed(self) -> None:
        self.goals.refresh()
        self.changed.emit()

    def export_portfolio(self) -> ExportPortfolioDialog:
        self.export_dialog = ExportPortfolioDialog(self.journal, self)
        self.export_dialog.accepted.connect(self._exported)
        self.export_dialog.open()
        return self.export_dialog

    def _exported(self) -> None:
        if self.export_dialog is not None and self.export_dialog.saved is not None:
            self.skills.notice.say(f"Saved the portfolio as {self.export_dialog.saved.name}.")
