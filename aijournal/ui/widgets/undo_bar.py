"""`UndoBar`: a line saying what was just done, with Undo and Dismiss (Journal, Review)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class UndoBar(QFrame):
    """What the last action did (`text`, named `name` for assistive tech), `undo`, `dismiss`."""

    def __init__(self, name: str, undo_tip: str, parent: QWidget):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(10, 4, 6, 4)
        self.text = QLabel("", self)
        self.text.setAccessibleName(name)
        self.text.setWordWrap(True)
        bar.addWidget(self.text, 1)
        self.undo = QPushButton("Undo", self)
        self.undo.setToolTip(undo_tip)
        self.undo.setAutoDefault(True)
        bar.addWidget(self.undo)
        self.dismiss = QPushButton("Dismiss", self)
        self.dismiss.setAutoDefault(True)
        self.dismiss.clicked.connect(self.hide)
        bar.addWidget(self.dismiss)
        self.hide()
