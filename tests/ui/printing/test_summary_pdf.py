"""The summary PDF: validated before drawing, charts drawn here or handed in, titled after the
client, written atomically for the owner only."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage

from aijournal.model import records as r
from aijournal.sharing import summary
from aijournal.sharing.summary import InvalidSummary
from aijournal.ui.printing import summary_pdf


@pytest.fixture
def data(journal):
    """Four weeks of check-ins, summarised for Client One."""
    for day in range(1, 28):
        journal.save_checkin(r.Checkin(day=date(2026, 11, day), burnout=2, connection=4))
    return summary.build(journal, date(2026, 11, 1), date(2026, 11, 27), client_name="Client One")


def test_a_summary_that_is_not_one_is_refused_before_anything_is_drawn(qapp, data, tmp_path):
    path = tmp_path / "summary.pdf"
    with pytest.raises(InvalidSummary):
        summary_pdf.write_pdf(data | {"format": "something-else/1"}, path)
    assert not path.exists()
    with pytest.raises(InvalidSummary):
        summary_pdf.pdf_bytes([])  # not even an object


def test_the_charts_are_images_one_and_a_half_times_their_size(qapp, data):
    images = summary_pdf.chart_images(data)
    assert set(images) == {"moods"}  # only check-ins were logged
    width, height = summary_pdf.CHART_SIZE
    assert (images["moods"].width(), images["moods"].height()) == (width * 3 // 2, height * 3 // 2)
    assert not images["moods"].isNull()


def test_charts_drawn_here_handed_in_or_left_out(qapp, pdf_images, data):
    assert pdf_images(summary_pdf.pdf_bytes(data)) == 1
    assert pdf_images(summary_pdf.pdf_bytes(data, charts=False)) == 0
    drawn = QImage(300, 100, QImage.Format.Format_RGB32)
    drawn.fill(0x3366AA)
    assert pdf_images(summary_pdf.pdf_bytes(data, images={"moods": drawn})) == 1
    assert pdf_images(summary_pdf.pdf_bytes(data, charts=True, images={})) == 0


def test_the_file_is_private_titled_after_the_client_and_reads_as_the_summary(
    qapp, data, tmp_path, pdf_text, pdf_info
):
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "summary.pdf"
    assert summary_pdf.write_pdf(data, path, images={}) == path
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["summary.pdf"]  # no temporary file left
    pdf = path.read_bytes()
    fields = pdf_info(pdf)
    assert fields["Title"] == "AI Journal summary — Client One" and "(A4)" in fields["Page size"]
    words = pdf_text(pdf)
    assert "Client One" in words and "Check-ins" in words
    assert "Self-reported, not a clinical measurement" in words


def test_without_a_client_the_title_is_the_app_s(qapp, journal, pdf_info):
    journal.save_checkin(r.Checkin(day=date(2026, 11, 20), burnout=3, connection=3))
    data = summary.build(journal, date(2026, 11, 1), date(2026, 11, 27))
    assert pdf_info(summary_pdf.pdf_bytes(data, charts=False))["Title"] == "AI Journal summary"
