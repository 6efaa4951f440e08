"""The skills portfolio as an A4 PDF, laid out by Qt's rich-text engine from its HTML.

Local fonts only (Qt's generic sans-serif); nothing is fetched. Works without a display: when
no Qt application exists yet (the command line), an offscreen one is made for the job.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from aijournal.storage.paths import atomic_write

RESOLUTION = 300  # dots per inch of the PDF's drawing grid; text stays vector either way
LAYOUT_DPI = 96
MARGINS_MM = QMarginsF(16, 14, 16, 14)
_app: QGuiApplication | None = None  # kept alive for the rest of the run once made here


def ensure_app() -> None:
    """A Qt application for font handling; an offscreen one if none is running."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["aijournal", "-platform", "offscreen"])


def pdf_bytes(markdown_or_html: str, title: str = "Skills portfolio") -> bytes:
    """The document as PDF bytes: HTML when it starts with a tag, Markdown otherwise."""
    ensure_app()
    document = QTextDocument()
    document.setDefaultFont(QFont("sans-serif", 10))
    if markdown_or_html.lstrip().startswith("<"):
        document.setHtml(markdown_or_html)
    else:
        document.setMarkdown(markdown_or_html)

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
    # Lay the page out at CSS's 96 dots per inch, whatever the screen, so that pt and px in
    # the style sheet mean what they mean in a browser; printing scales it to the writer.
    grid = QImage(1, 1, QImage.Format.Format_RGB32)
    grid.setDotsPerMeterX(round(LAYOUT_DPI / 0.0254))
    grid.setDotsPerMeterY(round(LAYOUT_DPI / 0.0254))
    document.documentLayout().setPaintDevice(grid)
    area = writer.pageLayout().paintRect(QPageLayout.Unit.Inch)
    document.setPageSize(QSizeF(area.width() * LAYOUT_DPI, area.height() * LAYOUT_DPI))
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def write_pdf(markdown_or_html: str, path: Path, title: str = "Skills portfolio") -> Path:
    """Write the document to `path` as an A4 PDF (atomically, readable by the user only)."""
    atomic_write(Path(path), pdf_bytes(markdown_or_html, title))
    return Path(path)
