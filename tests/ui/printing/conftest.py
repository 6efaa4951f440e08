"""Reading the app's PDFs back with poppler: `pdf_text` (the words) and `pdf_info` (pdfinfo's
fields: Title, Creator, Pages, Page size), which skip the test without poppler, and
`pdf_images` (how many images it holds)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest


def _poppler(tool: str, pdf: bytes, folder, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"needs poppler's {tool} (apt-get install poppler-utils)")
    path = folder / "read.pdf"
    path.write_bytes(pdf)
    done = subprocess.run([tool, str(path), *args], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def pdf_text(tmp_path):
    """The words of a PDF (bytes), one space apart, ligatures undone ("ﬁ" reads "fi")."""

    def read(pdf: bytes) -> str:
        words = _poppler("pdftotext", pdf, tmp_path, "-")
        return " ".join(unicodedata.normalize("NFKC", words).split())

    return read


@pytest.fixture
def pdf_info(tmp_path):
    """What pdfinfo says of a PDF (bytes), field by field."""

    def read(pdf: bytes) -> dict[str, str]:
        return dict(re.findall(r"^([^:\n]+):[ \t]*(.*)$", _poppler("pdfinfo", pdf, tmp_path), re.M))

    return read


@pytest.fixture
def pdf_images():
    """How many images a PDF (bytes) holds."""
    return lambda pdf: len(re.findall(rb"/Subtype\s*/Image", pdf))


@pytest.fixture(autouse=True)
def _charts_deleted_in_their_test():
    """The chart widgets a PDF drew and let go of (deleteLater) go before the next test."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
