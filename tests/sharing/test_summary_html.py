"""A summary as HTML: the cover lines, escaping, charts where supplied, empty sections, notes."""

import copy
import json
import re
from pathlib import Path

import pytest

from aijournal.sharing import summary_html

GOLDEN = Path(__file__).parents[1] / "data" / "summary-golden.json"


@pytest.fixture
def data() -> dict:
    """The golden summary (60 days of demo data), with the time it was made."""
    loaded = json.loads(GOLDEN.read_text())
    loaded["generated_at"] = "2026-11-27T10:00:00+01:00"
    return loaded


def sections(html: str) -> list[str]:
    return re.findall(r"<h2>(.*?)</h2>", html)


def test_the_cover_says_for_whom_which_period_and_what_is_left_out(data):
    html = summary_html.render(data)
    assert "<title>AI Journal summary — Client One</title>" in html
    assert '<p class="cover">29 September 2026 to 27 November 2026 (60 days)</p>' in html
    assert "Private notes are left out." in html and "&quot;Mentor A&quot;" in html
    assert html.rstrip().endswith("</body></html>")
    assert "generated 2026-11-27T10:00:00+01:00 by AI Journal" in html
    data["client"] = ""
    assert summary_html.title(data) == "AI Journal summary"


def test_every_text_from_the_journal_is_escaped(data):
    data["client"] = "<script>alert(1)</script>"
    data["touchpoints"]["people"][0]["label"] = "Tom & <b>Jerry</b>"
    data["insights"]["findings"][0]["text"] = "<img src=x onerror=alert(1)>"
    html = summary_html.render(data)
    assert "<script>" not in html and "<b>Jerry" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;" in html


def test_a_chart_follows_its_section_only_when_it_is_supplied(data):
    assert "<img" not in summary_html.render(data)
    html = summary_html.render(
        data, charts={"moods": "moods.png", "modes": 'a"b.png'}, chart_width=300
    )
    assert html.count("<img") == 2
    moods = html.index('<img src="moods.png" width="300" height="200"')
    assert html.index("<h2>Check-ins</h2>") < moods < html.index(f"<h2>{sections(html)[1]}</h2>")
    assert 'src="a&quot;b.png"' in html  # a source cannot break out of its attribute


def test_sections_come_in_the_order_asked_for(data):
    data["sections"] = ["nudges", "checkins"]
    assert sections(summary_html.render(data)) == ["Nudges", "Check-ins"]


def test_empty_sections_say_so_in_words(data):
    empty = copy.deepcopy(data)
    empty["checkins"]["days"] = 0
    empty["ai_use"]["uses"] = 0
    empty["touchpoints"]["total"] = 0
    empty["skills"]["skills"] = []
    empty["goals"]["goals"] = []
    for name in empty["instruments"]:
        empty["instruments"][name]["scores"] = []
    html = summary_html.render(empty)
    for says in (
        "No check-ins in this period.",
        "No AI uses logged in this period.",
        "No touchpoints logged in this period.",
        "No skills yet.",
        "No goals.",
        "No questionnaires taken in this period.",
        "No nudges in this period.",
    ):
        assert f"<p>{says}</p>" in html, says
    assert "<table" in html  # time with people: always a table of averages


def test_insights_without_an_analysis_claim_no_null_finding(data):
    data["insights"]["findings"] = []
    assert "No finding held up" in summary_html.render(data)
    data["insights"]["window"] = None
    assert "No finding held up" not in summary_html.render(data)


def test_notes_read_by_kind_and_an_empty_list_says_so(data):
    data["notes"] = [
        {"day": "2026-11-02", "kind": "ai-use", "text": "Paired on SQL"},
        {"day": "2026-11-03", "kind": "checkin", "text": "Tired"},
    ]
    html = summary_html.render(data)
    assert "<h2>Private notes (included by choice)</h2>" in html
    assert "<td>2026-11-02</td><td>AI use</td><td>Paired on SQL</td>" in html
    assert "<td>Check-in</td><td>Tired</td>" in html
    data["notes"] = []
    assert "<p>No notes in this period.</p>" in summary_html.render(data)


def test_numbers_are_right_aligned_and_labels_not(data):
    data["sections"] = ["ai_use"]
    html = summary_html.render(data)
    row = re.search(r"<tr><td>Learning</td>(.*?)</tr>", html).group(1)
    assert row == (
        '<td>augmentation</td><td class="n" align="right">69</td>'
        '<td class="n" align="right">1366</td>'
    )
