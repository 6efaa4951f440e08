"""A summary as an A4 PDF: the HTML of aijournal.sharing.summary_html with the weekly charts.

Qt's rich-text engine lays the HTML out on a QPdfWriter; the charts are the pyqtgraph charts
of aijournal.ui.charts.summary rendered offscreen to images. Local fonts only, embedded by Qt;
nothing is fetched. Works without a display: the command line gets an offscreen application.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QFont, QImage, QPdfWriter, QTextDocument

from aijournal.sharing import summary, summary_html
from aijournal.storage.paths import atomic_write
from aijournal.ui.printing.pdf import RESOLUTION, ensure_app, print_pdf

CHART_SIZE = (760, 240)  # logical pixels; drawn at 1.5 times that for print


def chart_images(data: Mapping[str, Any]) -> dict[str, QImage]:
    """Each chart of the summary as a QImage, by chart id (on the GUI thread)."""
    from aijournal.ui.charts import summary as summary_charts

    images = {}
    for chart_id, widget in summary_charts.summary_charts(data).items():
        images[chart_id] = summary_charts.to_image(widget, *CHART_SIZE)
        widget.deleteLater()
    return images


def pdf_bytes(
    data: Mapping[str, Any], *, charts: bool = True, images: Mapping[str, QImage] | None = None
) -> bytes:
    """The summary (validated first) as the bytes of an A4 PDF.

    `images` are the charts drawn already (chart_images, on the GUI thread); with them the
    rest may run on a worker thread. Otherwise the charts are drawn here when `charts`.
    """
    summary.validate(dict(data))
    if images is None:
        images = chart_images(data) if ensure_app() and charts else {}

    def draw(writer: QPdfWriter) -> None:
        document = QTextDocument()
        document.setDefaultFont(QFont("sans-serif", 10))
        # Lay the text out on the writer itself, so point sizes print as written on A4.
        document.documentLayout().setPaintDevice(writer)
        document.setPageSize(QSizeF(writer.width(), writer.height()))
        sources = {}
        for chart_id, image in images.items():
            url = f"chart://{chart_id}.png"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
            sources[chart_id] = url
        # Image sizes in the HTML are CSS pixels (1/96 inch), scaled to the writer's dots.
        width = int((writer.width() - 2 * document.documentMargin()) * 96 / RESOLUTION)
        height = int(width * CHART_SIZE[1] / CHART_SIZE[0])
        document.setHtml(
            summary_html.render(data, charts=sources, chart_width=width, chart_height=height)
        )
        document.print_(writer)

    return print_pdf(summary_html.title(data), draw)


def write_pdf(
    data: Mapping[str, Any], path: Path, *, images: Mapping[str, QImage] | None = None
) -> Path:
    """Write the summary to `path` as an A4 PDF (validated first; atomically; user-only)."""
    atomic_write(Path(path), pdf_bytes(data, images=images))
    return Path(path)
