"""`QtPrinter`: the PDFs of `aijournal.sharing.exports`, drawn with Qt."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QImage

from aijournal.ui.printing import portfolio_pdf, summary_pdf


class QtPrinter:
    """Draws summary and portfolio PDFs; `images` are summary charts drawn beforehand on the
    GUI thread, so that the rest may run on a worker."""

    def __init__(self, images: Mapping[str, QImage] | None = None):
        self.images = images

    def summary_pdf(self, data: Mapping[str, Any]) -> bytes:
        return summary_pdf.pdf_bytes(data, images=self.images)

    def portfolio_pdf(self, html: str) -> bytes:
        return portfolio_pdf.pdf_bytes(html)
