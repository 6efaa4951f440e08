"""`QtPrinter`: the exports' PDF printer, which uses the charts it was given (drawn on the GUI
thread) instead of drawing its own, and prints the portfolio as written."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage

from aijournal.model import records as r
from aijournal.sharing import summary
from aijournal.ui.printing.printer import QtPrinter


@pytest.fixture
def data(journal):
    for day in range(1, 15):
        journal.save_checkin(r.Checkin(day=date(2026, 11, day), burnout=4, connection=2))
    return summary.build(journal, date(2026, 11, 1), date(2026, 11, 14))


def test_without_images_the_printer_draws_the_charts_itself(qapp, pdf_images, data):
    assert pdf_images(QtPrinter().summary_pdf(data)) == 1


def test_images_given_are_the_only_charts_printed(qapp, pdf_images, data, pdf_text):
    assert pdf_images(QtPrinter(images={}).summary_pdf(data)) == 0
    chart = QImage(400, 120, QImage.Format.Format_RGB32)
    chart.fill(0xAA3322)
    pdf = QtPrinter(images={"moods": chart, "not-a-chart": chart}).summary_pdf(data)
    assert pdf_images(pdf) == 1  # only charts the summary has a place for
    assert "Check-ins" in pdf_text(pdf)


def test_the_portfolio_is_printed_from_its_html(qapp, pdf_text):
    pdf = QtPrinter().portfolio_pdf("<h1>Skills portfolio</h1><p>SQL &middot; 4/5</p>")
    assert pdf_text(pdf) == "Skills portfolio SQL · 4/5"


def test_a_bad_summary_is_refused(qapp, data):
    with pytest.raises(summary.InvalidSummary):
        QtPrinter().summary_pdf({k: v for k, v in data.items() if k != "period"})
