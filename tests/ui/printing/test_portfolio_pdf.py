"""The portfolio PDF: Markdown or HTML told apart by the first tag, laid out on A4, titled."""

from __future__ import annotations

from aijournal.ui.printing.portfolio_pdf import pdf_bytes

MARKDOWN = "# Skills portfolio\n\n**SQL window functions** — rated 4/5\n\n- Ship reporting\n"


def test_markdown_is_laid_out_not_printed_as_written(qapp, pdf_text):
    pdf = pdf_bytes(MARKDOWN)
    assert pdf.startswith(b"%PDF")
    words = pdf_text(pdf)
    assert "Skills portfolio" in words and "SQL window functions — rated 4/5" in words
    assert "Ship reporting" in words
    assert "#" not in words and "**" not in words and "- Ship" not in words


def test_html_after_blank_lines_is_still_html(qapp, pdf_text):
    words = pdf_text(pdf_bytes("\n   <h1>Portfolio</h1><p>Regex &amp; <i>SQL</i></p>"))
    assert words == "Portfolio Regex & SQL"


def test_markdown_that_only_mentions_a_tag_stays_markdown(qapp, pdf_text):
    words = pdf_text(pdf_bytes("Uses *the* <br> tag"))
    assert "the" in words and "*" not in words


def test_one_a4_page_titled_and_signed_by_the_app(qapp, pdf_info):
    fields = pdf_info(pdf_bytes(MARKDOWN))
    assert fields["Title"] == "Skills portfolio" and fields["Creator"] == "AI Journal"
    assert fields["Pages"] == "1" and "(A4)" in fields["Page size"]
    assert pdf_info(pdf_bytes(MARKDOWN, title="Dana's skills"))["Title"] == "Dana's skills"


def test_a_long_document_flows_onto_more_pages(qapp, pdf_info):
    long = "\n\n".join(f"Paragraph {n} about a skill practised." for n in range(400))
    assert int(pdf_info(pdf_bytes(long))["Pages"]) > 1
