"""What every PDF of the app shares: one Qt application for the run, and an A4 writer.

Local fonts only (Qt's generic sans-serif), embedded by Qt; nothing is fetched. Works without
a display: when no Qt application exists yet (the command line), an offscreen one is made.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter
from PySide6.QtWidgets import QApplication

RESOLUTION = 300  # dots per inch of the PDF's drawing grid; text stays vector either way
MARGINS_MM = QMarginsF(16, 14, 16, 14)
_app: QApplication | None = None  # kept alive for the rest of the run once made here


def ensure_app() -> bool:
    """A Qt application for fonts and charts: an offscreen widget application if none runs.

    One kind for every PDF, so that whichever PDF a run makes first, the next one can still
    draw its charts. False only when someone else started a non-widget application.
    """
    global _app
    instance = QGuiApplication.instance()
    if instance is None:
        _app = QApplication(["aijournal", "-platform", "offscreen"])
        return True
    return isinstance(instance, QApplication)


def print_pdf(title: str, draw: Callable[[QPdfWriter], None]) -> bytes:
    """The bytes of an A4 portrait PDF titled `title`, drawn by `draw` on its writer."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("AI Journal")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    draw(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())
