"""Exporting the journal in each format, to a file or to standard output.

One use case for both faces: `aijournal export` and the app's export dialogs build an
`ExportRequest`, get an `Exported` (the content and the line to tell the user about what it
holds), and write it. PDFs are drawn by Qt, which lives above this layer: the caller hands in a
`Printer` (`aijournal.ui.printing.printer.QtPrinter`), as mu hands its logic the view.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage import Journal
from aijournal.storage.paths import atomic_write

JOURNAL_FORMATS = ("json", "csv")
PORTFOLIO_FORMATS = ("portfolio-md", "portfolio-pdf")
SUMMARY_FORMATS = ("summary-json", "summary-pdf", "summary-html")
FORMATS = (*JOURNAL_FORMATS, *PORTFOLIO_FORMATS, *SUMMARY_FORMATS)
PDF_FORMATS = ("portfolio-pdf", "summary-pdf")
SUFFIXES = {
    "json": ".json",
    "csv": ".csv",
    "portfolio-md": ".md",
    "portfolio-pdf": ".pdf",
    "summary-json": ".json",
    "summary-pdf": ".pdf",
    "summary-html": ".html",
}
COMPLETE_NOTICE = "The JSON export is complete, notes and names included: keep it private."


class Printer(Protocol):
    """Draws PDFs (Qt's job, so the face that has Qt provides it)."""

    def summary_pdf(self, data: Mapping[str, Any]) -> bytes: ...

    def portfolio_pdf(self, html: str) -> bytes: ...


@dataclass(frozen=True)
class ExportRequest:
    """What to export. Fields a format does not use are ignored."""

    format: str
    kind: str = "ai-use"  # csv: which records
    include_notes: bool = False
    include_names: bool = False
    start: date | None = None  # summaries: the period (default: the last 4 weeks)
    end: date | None = None
    client_name: str = ""
    sections: tuple[str, ...] | None = None  # summaries: None for all

    def check(self, to_file: bool) -> None:
        r.check_choice("format", self.format, FORMATS)
        if self.format in PDF_FORMATS and not to_file:
            raise InvalidInput("output", "", "name the PDF file to write (-o FILE.pdf)")


@dataclass(frozen=True)
class Exported:
    """An export ready to write, and what to tell the user about what it holds."""

    content: str | bytes
    notice: str | None = None

    def write(self, path: Path) -> Path:
        """Write it atomically, readable by the user only."""
        atomic_write(Path(path), self.content)
        return Path(path)


def export(
    journal: Journal, request: ExportRequest, printer: Printer | None = None, *, to_file: bool
) -> Exported:
    """The export `request` asks for, checked first; `printer` is needed for PDFs."""
    request.check(to_file)
    if request.format in SUMMARY_FORMATS:
        return render_summary(summary_data(journal, request), request.format, printer)
    if request.format in PORTFOLIO_FORMATS:
        return _portfolio(journal, request, printer)
    from aijournal.storage import exchange

    if request.format == "json":
        text = json.dumps(exchange.export_data(journal), ensure_ascii=False, indent=1) + "\n"
        return Exported(text, COMPLETE_NOTICE)
    names, notes = request.include_names, request.include_notes
    return Exported(exchange.csv_text(journal, request.kind, notes=notes, names=names))


FULL_BACKUP_NOTICE = (
    "A full copy of your own journal: private notes and people's names are included. "
    "The files are readable by you only; keep them private."
)


def write_journal(
    journal: Journal,
    fmt: str,
    target: Path,
    progress: Callable[[int, int], bool | None] | None = None,
) -> list[Path]:
    """The whole journal as the user's own backup, notes and names included: one JSON file
    at `target` (it imports and merges back), or one CSV file per kind in the folder `target`
    (`aijournal-<kind>.csv`). Files are 0600; `progress(done, total)` returning False
    cancels before the next file (the ones written stay)."""
    from aijournal.model.errors import Cancelled
    from aijournal.storage import exchange

    r.check_choice("format", fmt, JOURNAL_FORMATS)
    if fmt == "json":
        exchange.write_json(journal, Path(target))
        return [Path(target)]
    written: list[Path] = []
    kinds = list(exchange.CSV_KINDS)
    for done, kind in enumerate(kinds):
        if progress and progress(done, len(kinds)) is False:
            raise Cancelled(f"Export cancelled; {len(written)} of {len(kinds)} files written.")
        path = Path(target) / f"aijournal-{kind}.csv"
        atomic_write(path, exchange.csv_text(journal, kind, notes=True, names=True))
        written.append(path)
    return written


def summary_data(journal: Journal, request: ExportRequest) -> dict[str, Any]:
    """The coach summary the request describes (what a preview shows before export)."""
    from aijournal.sharing import summary

    end = request.end or journal.clock().date()
    start = request.start or summary.default_period(end)[0]
    return summary.build(
        journal,
        start,
        end,
        sections=summary.ALL if request.sections is None else request.sections,
        include_notes=request.include_notes,
        include_names=request.include_names,
        client_name=request.client_name,
    )


def render_summary(data: dict[str, Any], fmt: str, printer: Printer | None = None) -> Exported:
    """A built summary in `fmt` (validated against its schema first)."""
    from aijournal.sharing import summary, summary_html

    summary.validate(data)
    if fmt == "summary-pdf":
        content: str | bytes = _need(printer).summary_pdf(data)
    elif fmt == "summary-html":
        content = summary_html.render(data)
    else:
        content = summary.dumps(data)
    privacy = data["privacy"]
    notes, names = privacy["notes_included"], privacy["names_included"]
    return Exported(content, privacy_notice("summary", notes, names))


def privacy_notice(what: str, notes: bool, names: bool) -> str:
    """What a summary or portfolio leaves out, or a warning that it does not."""
    left_out = [
        item for item, kept in (("private notes", notes), ("real names", names)) if not kept
    ]
    if left_out:
        return f"The {what} leaves out " + " and ".join(left_out) + "."
    return f"The {what} includes private notes and real names, as you asked: share it with care."


def _portfolio(journal: Journal, request: ExportRequest, printer: Printer | None) -> Exported:
    from aijournal.growth import portfolio

    today, notes, names = journal.clock().date(), request.include_notes, request.include_names
    if request.format == "portfolio-md":
        content: str | bytes = portfolio.markdown(journal, today, notes, names)
    else:
        content = _need(printer).portfolio_pdf(portfolio.html(journal, today, notes, names))
    return Exported(content, privacy_notice("portfolio", notes, names))


def _need(printer: Printer | None) -> Printer:
    if printer is None:
        raise TypeError("a PDF export needs a Printer")  # a programming error, not user input
    return printer
