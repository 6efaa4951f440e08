"""The one-page skills portfolio: Markdown, HTML and PDF, private notes and names left out."""

import re
import shutil
import subprocess
import unicodedata
from datetime import date, timedelta

import pytest
from clitools import run

from aijournal.growth import portfolio
from aijournal.model import records as r

TODAY = date(2026, 11, 27)
NOTE = "LAG finally clicked"
PRIVATE = "the client is late paying"


@pytest.fixture
def freelancer(journal, clock):
    """A niche skill learned with AI and with Dana, a delegated one, one goal."""
    goal = journal.add(r.Goal(name="Ship reporting", kind="client"))
    journal.add(
        r.AIUse(
            started_at=clock() - timedelta(days=3),
            tool="Claude",
            pattern="learning",
            minutes=90,
            skills=("SQL window functions",),
            goal_id=goal.id,
            note=PRIVATE,
        )
    )
    journal.add(
        r.AIUse(
            started_at=clock() - timedelta(days=2),
            tool="ChatGPT",
            pattern="directive",
            minutes=30,
            skills=("Invoicing",),
        )
    )
    journal.add(
        r.Touchpoint(
            at=clock() - timedelta(days=1),
            kind="pairing",
            person="Dana",
            minutes=60,
            skills=("SQL window functions",),
            note=PRIVATE,
        )
    )
    journal.skill_named("Writing", create=True)
    journal.rate_skill(r.SkillRating(skill="SQL window functions", day=date(2026, 8, 1), rating=2))
    journal.rate_skill(
        r.SkillRating(skill="SQL window functions", day=date(2026, 11, 20), rating=4, note=NOTE)
    )
    sql = journal.skill_named("SQL window functions")
    journal.update(sql.touched(niche=True))
    return journal


def test_markdown_shows_niche_first_with_growth_hours_and_goals(freelancer):
    text = portfolio.markdown(freelancer, TODAY)
    assert text.startswith("# Skills portfolio\n")
    assert text.index("## Niche skills") < text.index("## Other skills")
    assert "| SQL window functions | 4/5 | +2 | 1.5 h (1) | – | 1.0 h (1) | 2026-11-26 |" in text
    assert "| Invoicing | – | – | – | 30 min (1) | – | 2026-11-25 |" in text
    assert "Only done by AI so far (to learn, or to pair on): Invoicing." in text
    assert "| Ship reporting | client | 1.5 h | 1.5 h | 0 |" in text
    assert "Alignment: 75% of AI time (1.5 h of 2.0 h) served a goal" in text


def test_notes_and_names_are_left_out_by_default(freelancer):
    text = portfolio.markdown(freelancer, TODAY)
    assert NOTE not in text and PRIVATE not in text and "Dana" not in text
    assert "Left out: private notes and people's names." in text
    assert "1.0 h (1)" in text  # learning from people still counts


def test_notes_and_names_only_when_asked(freelancer):
    with_notes = portfolio.markdown(freelancer, TODAY, include_notes=True)
    assert f"- **SQL window functions:** 2026-11-20: {NOTE}" in with_notes
    assert "Dana" not in with_notes and PRIVATE not in with_notes
    with_names = portfolio.markdown(freelancer, TODAY, include_names=True)
    assert "- **SQL window functions:** Dana" in with_names and NOTE not in with_names


def test_names_are_escaped(journal):
    journal.skill_named("C# | <b>pipes</b>", create=True)
    text = portfolio.markdown(journal, TODAY)
    assert r"| C\# \| \<b\>pipes\</b\> |" in text
    page = portfolio.html(journal, TODAY)
    assert "C# | &lt;b&gt;pipes&lt;/b&gt;" in page and "<b>pipes" not in page


def test_html_has_the_same_content(freelancer):
    page = portfolio.html(freelancer, TODAY, include_notes=True)
    assert page.startswith("<!DOCTYPE html>")
    assert "<h2>Niche skills</h2>" in page and NOTE in page and "Dana" not in page
    assert "http" not in page  # nothing remote: no fonts, no images
    assert NOTE not in portfolio.html(freelancer, TODAY)


def test_an_empty_journal_still_makes_a_page(journal):
    text = portfolio.markdown(journal, TODAY)
    assert "No skills yet." in text and "No goals yet." in text
    assert "No AI time logged yet" in text


# ---- PDF -----------------------------------------------------------------------------------


def pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext (apt-get install poppler-utils)")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", text)  # undo ligatures such as "ﬁ"


def write_pdf(html_or_markdown: str, path):
    from aijournal.sharing.exports import Exported
    from aijournal.ui.printing.printer import QtPrinter

    return Exported(QtPrinter().portfolio_pdf(html_or_markdown)).write(path)


def pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


def test_pdf_is_one_a4_page_without_notes(freelancer, qapp, tmp_path):
    out = write_pdf(portfolio.html(freelancer, TODAY), tmp_path / "portfolio.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert pages(out) == 1
    text = pdf_text(out)
    assert "SQL window functions" in text and "Ship reporting" in text
    assert NOTE not in text and "Dana" not in text


def test_pdf_from_markdown_with_notes(freelancer, qapp, tmp_path):
    out = write_pdf(
        portfolio.markdown(freelancer, TODAY, include_notes=True), tmp_path / "portfolio.pdf"
    )
    text = " ".join(pdf_text(out).split())
    assert "Skills portfolio" in text and NOTE in text


def test_many_skills_still_fit_on_one_page(journal, qapp, tmp_path):
    for n in range(40):
        journal.add(r.Skill(name=f"Skill number {n:02d}", niche=n < 10))
    for n in range(12):
        journal.add(r.Goal(name=f"Goal number {n:02d}"))
    text = portfolio.markdown(journal, TODAY)
    assert "And 22 more skills" in text and "Skill number 09" in text  # niche ones first
    out = write_pdf(portfolio.html(journal, TODAY), tmp_path / "many.pdf")
    assert pages(out) == 1


# ---- the command line --------------------------------------------------------------------


@pytest.fixture
def home(aijournal_home, memory_keyring):
    assert run("init")[0] == 0
    when = (date.today() - timedelta(days=1)).isoformat() + "T09:00"
    assert (
        run(
            "log-ai",
            "--tool",
            "Claude",
            "--pattern",
            "learning",
            "--minutes",
            "45",
            "--skill",
            "SQL",
            "--when",
            when,
        )[0]
        == 0
    )
    assert (
        run(
            "touchpoint",
            "--kind",
            "pairing",
            "--person",
            "Dana",
            "--minutes",
            "30",
            "--skill",
            "SQL",
            "--when",
            when,
        )[0]
        == 0
    )
    assert run("skill", "rate", "SQL", "4", "--note", NOTE)[0] == 0
    assert run("skill", "niche", "SQL")[0] == 0
    return aijournal_home


def test_cli_portfolio_markdown(home, tmp_path):
    code, out = run("export", "--format", "portfolio-md")
    assert code == 0 and "## Niche skills" in out and NOTE not in out and "Dana" not in out
    target = tmp_path / "portfolio.md"
    code, out = run(
        "export",
        "--format",
        "portfolio-md",
        "-o",
        str(target),
        "--include-notes",
        "--include-names",
    )
    assert code == 0 and f"Wrote {target}" in out
    written = target.read_text()
    assert NOTE in written and "Dana" in written


def test_cli_portfolio_pdf(home, qapp, tmp_path):
    code, out = run("export", "--format", "portfolio-pdf")
    assert code == 2 and "output" in out
    target = tmp_path / "portfolio.pdf"
    code, out = run("export", "--format", "portfolio-pdf", "-o", str(target))
    assert code == 0, out
    text = pdf_text(target)
    assert "SQL" in text and NOTE not in text
    code, out = run("export", "--format", "pdf")
    assert code == 2 and "portfolio-pdf" in out
