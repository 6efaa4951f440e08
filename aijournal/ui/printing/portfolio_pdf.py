"""The skills portfolio as an A4 PDF, laid out by Qt's rich-text engine from its HTML."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QFont, QImage, QPageLayout, QPdfWriter, QTextDocument

from aijournal.ui.printing.pdf import print_pdf

LAYOUT_DPI = 96


def pdf_bytes(markdown_or_html: str, title: str = "Skills portfolio") -> bytes:
    """The document as PDF bytes: HTML when it starts with a tag, Markdown otherwise."""

    def draw(writer: QPdfWriter) -> None:
        document = QTextDocument()
        document.setDefaultFont(QFont("sans-serif", 10))
        if markdown_or_html.lstrip().startswith("<"):
            document.setHtml(markdown_or_html)
        else:
            document.setMarkdown(markdown_or_html)
        # Lay the page out at CSS's 96 dots per inch, whatever the screen, so that pt and px
        # in the style sheet mean what they mean in a browser; printing scales it to the writer.
        grid = QImage(1, 1, QImage.Format.Format_RGB32)
        grid.setDotsPerMeterX(round(LAYOUT_DPI / 0.0254))
        grid.setDotsPerMeterY(round(LAYOUT_DPI / 0.0254))
        document.documentLayout().setPaintDevice(grid)
        area = writer.pageLayout().paintRect(QPageLayout.Unit.Inch)
        document.setPageSize(QSizeF(area.width() * LAYOUT_DPI, area.height() * LAYOUT_DPI))
        document.print_(writer)

    return print_pdf(title, draw)
