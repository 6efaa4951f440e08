"""Taking a validated instrument: every item with its answers, then the score's plain message."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from aijournal.model.presentation import score
from aijournal.model.records import Assessment
from aijournal.storage.journal import Journal
from aijournal.ui.forms.keys import RadioKeys
from aijournal.ui.widgets.basics import no_tab_stop
from aijournal.ui.widgets.cards import card_heading, tone_label
from aijournal.wellbeing import assessing, instruments


class InstrumentDialog(QDialog):
    """The questionnaire of one instrument; Save scores and stores it via `assessing.take`."""

    taken = Signal(object)  # the stored Assessment

    def __init__(self, journal: Journal, instrument_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.instrument = instruments.instrument(instrument_id)
        self.assessment: Assessment | None = None
        self.result: instruments.Score | None = None
        self.setWindowTitle(self.instrument.name)
        self.groups: list[QButtonGroup] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages)
        self.pages.addWidget(self._questions())
        self.pages.addWidget(self._result_page())
        self._update()
        self._fit()

    def _fit(self) -> None:
        """Big enough to show every question without scrolling, where the screen allows."""
        matrix = self.matrix.sizeHint()
        width = max(matrix.width() + 80, self.fontMetrics().averageCharWidth() * 120)
        height = matrix.height() + self.sizeHint().height() - self.scroll.sizeHint().height()
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width = min(width, int(screen.width() * 0.9))
            height = min(height, int(screen.height() * 0.85))
        self.resize(width, height)

    # -- questions --

    def _questions(self) -> QWidget:
        inst = self.instrument
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card_heading(inst.name, page))
        intro = QLabel(inst.intro, page)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if inst.allows_blank:
            layout.addWidget(
                tone_label(
                    f"You may leave questions blank; at least {inst.min_answered} of "
                    f"{len(inst.items)} answers give a score.",
                    "muted",
                    page,
                )
            )

        scroll = self.scroll = QScrollArea(page)

        no_tab_stop(scroll)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        matrix = self.matrix = QWidget(scroll)
        grid = QGridLayout(matrix)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(0, 5)
        grid.setColumnMinimumWidth(0, self.fontMetrics().averageCharWidth() * 32)
        columns = max(len(item.options) for item in inst.items)
        for column in range(1, columns + 1):
            grid.setColumnStretch(column, 1)
            grid.setColumnMinimumWidth(column, self.fontMetrics().averageCharWidth() * 10)
        row, shown_options = 0, None
        for item in inst.items:
            if item.options != shown_options:  # a header row whenever the answer scale changes
                shown_options = item.options
                for column, option in enumerate(item.options, 1):
                    head = tone_label(option.label, "muted", matrix, small=True)
                    head.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
                    grid.addWidget(head, row, column)
                row += 1
            text = QLabel(f"{item.number}. {item.text}", matrix)
            text.setWordWrap(True)
            grid.addWidget(text, row, 0)
            group = QButtonGroup(self)
            for column, option in enumerate(item.options, 1):
                button = QRadioButton(matrix)
                button.setAccessibleName(f"{item.text}: {option.label}")
                button.setToolTip(option.label)
                group.addButton(button, option.value)
                grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignCenter)
            group.idToggled.connect(self._update)
            RadioKeys(group)  # arrows choose; Tab stops once per question, on its answer
            self.groups.append(group)
            row += 1
        grid.setRowStretch(row, 1)
        scroll.setWidget(matrix)
        layout.addWidget(scroll, 1)

        citation = tone_label(f"{inst.attribution} {inst.citation}", "muted", page, small=True)
        citation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(citation)

        actions = QHBoxLayout()
        self.status = tone_label("", "muted", page)
        self.status.setAccessibleName("Status")
        actions.addWidget(self.status, 1)
        self.reset_button = QPushButton("Clear answers", page)
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.clear)
        cancel = QPushButton("Cancel", page)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton("Save", page)
        self.save_button.setAccessibleName("Save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        for button in (self.reset_button, cancel, self.save_button):
            actions.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(actions)
        return page

    def answers(self) -> list[int | None]:
        return [g.checkedId() if g.checkedButton() else None for g in self.groups]

    def _update(self) -> None:
        answered = sum(a is not None for a in self.answers())
        needed = self.instrument.min_answered
        ready = answered >= needed
        self.save_button.setEnabled(ready)
        total = len(self.groups)
        if ready:
            self.status.setText(f"{answered} of {total} answered")
        elif self.instrument.allows_blank and self.instrument.incomplete_message:
            self.status.setText(
                f"{answered} of {total} answered. {self.instrument.incomplete_message}"
            )
        else:
            self.status.setText(f"{answered} of {total} answered; answer all {total} to save.")

    def clear(self) -> None:
        for group in self.groups:
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self._update()

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.assessment, self.result = assessing.take(
            self.journal, self.instrument.id, self.answers()
        )
        self._show_result(self.result)
        self.taken.emit(self.assessment)

    # -- result --

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card_heading(self.instrument.name, page))
        self.score_label = QLabel(page)
        font = self.score_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.score_label.setFont(font)
        self.score_label.setAccessibleName("Score")
        self.score_label.setWordWrap(True)
        layout.addWidget(self.score_label)
        self.message = QLabel(page)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Result")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addWidget(
            tone_label(
                "This is a screening questionnaire for your own reflection, not a diagnosis. "
                "Your answers stay in your journal.",
                "muted",
                page,
                small=True,
            )
        )
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = QPushButton("Close", page)  # the default once the result shows
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        return page

    def _show_result(self, result: instruments.Score) -> None:
        high = self.instrument.score_range[1]
        if result.score is None:
            self.score_label.setText("No score")
        else:
            band = f" — {result.label}" if result.label else ""
            self.score_label.setText(f"Score {score(result.score)} of {high:g}{band}")
        self.message.setText(result.message)
        self.pages.setCurrentIndex(1)
        self.save_button.setDefault(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
