"""Coach summaries (aijournal-summary/1): content, schema, privacy, rendering, the CLI."""

import copy
import json
import os
import re
import shutil
import subprocess
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from clitools import run

from aijournal.journaling import demo
from aijournal.model.errors import InvalidInput
from aijournal.sharing import summary, summary_html

GOLDEN = Path(__file__).parents[1] / "data" / "summary-golden.json"
UPDATE = os.environ.get("AIJOURNAL_UPDATE_GOLDEN") == "1"
NAMES = [name for name, _, _ in demo.PEOPLE] + [name for name, _ in demo.GOALS]
NOTES = [n for n in demo.AI_NOTES + demo.DAY_NOTES + demo.TOUCH_NOTES if n]


@pytest.fixture
def sixty(journal, clock):
    """60 days of demo data ending at the fixed clock, and that period."""
    demo.fill(journal, days=60)
    end = clock().date()
    return journal, end - timedelta(days=59), end


def test_golden_summary(sixty):
    journal, start, end = sixty
    data = summary.build(journal, start, end, client_name="  Client  One ")
    summary.validate(data)
    assert data.pop("generated_at") == journal.clock().isoformat(timespec="seconds")
    if UPDATE:
        GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    expected = json.loads(GOLDEN.read_text())
    assert data == expected


def test_summary_figures_make_sense(sixty):
    journal, start, end = sixty
    data = summary.build(journal, start, end)
    assert data["format"] == "aijournal-summary/1" and data["client"] == ""
    assert data["period"] == {"start": start.isoformat(), "end": end.isoformat(), "days": 60}
    checkins = data["checkins"]
    assert (
        checkins["halves"]["first"]["days"] + checkins["halves"]["second"]["days"]
        == checkins["days"]
    )
    assert checkins["change"]["burnout"] == round(
        checkins["halves"]["second"]["burnout_mean"] - checkins["halves"]["first"]["burnout_mean"],
        2,
    )
    ai = data["ai_use"]
    assert (
        sum(p["uses"] for p in ai["patterns"]) == ai["uses"] == sum(w["uses"] for w in ai["weeks"])
    )
    assert ai["augmentation_share"] + ai["automation_share"] == pytest.approx(1)
    assert (
        sum(k["touchpoints"] for k in data["touchpoints"]["by_kind"])
        == data["touchpoints"]["total"]
    )
    for scores in data["instruments"].values():
        assert all(s["band_label"] for s in scores["scores"])
    found = data["insights"]
    # The period's 60 days are one fixed analysis window, its questions tested together.
    assert found["window"] == {"start": start.isoformat(), "end": end.isoformat(), "days": 60}
    assert found["tested"] >= 1 and found["correction"].startswith("Holm")
    assert all(
        f["period"] == {"start": start.isoformat(), "end": end.isoformat()}
        for f in found["findings"]
    )


def test_sections_are_left_out_when_not_asked_for(sixty):
    journal, start, end = sixty
    data = summary.build(journal, start, end, sections=("insights", "checkins"))
    assert data["sections"] == ["checkins", "insights"]
    assert set(summary.SECTIONS) - {"checkins", "insights"} <= set(summary.SECTIONS)
    assert not set(data) & (set(summary.SECTIONS) - {"checkins", "insights"})
    summary.validate(data)
    assert "Touchpoints" not in summary_html.render(data)


def test_period_and_sections_are_checked(journal, clock):
    today = clock().date()
    with pytest.raises(InvalidInput, match="to: '.*' is not allowed; use today"):
        summary.build(journal, today, today + timedelta(days=1))
    with pytest.raises(InvalidInput, match="from"):
        summary.build(journal, today, today - timedelta(days=1))
    with pytest.raises(InvalidInput, match="sections: 'moods'"):
        summary.build(journal, today, today, sections=("moods",))
    with pytest.raises(InvalidInput, match="sections"):
        summary.parse_sections("checkins,nope")
    assert summary.parse_sections("insights, checkins") == ("checkins", "insights")


def test_an_empty_journal_gives_a_valid_summary(journal, clock):
    today = clock().date()
    data = summary.build(journal, today - timedelta(days=6), today)
    summary.validate(data)
    assert data["checkins"]["burnout_mean"] is None
    assert data["ai_use"]["augmentation_share"] is None
    html = summary_html.render(data)
    assert "No check-ins in this period" in html


# ---- privacy ----------------------------------------------------------------------------------


def _names_in(text: str) -> list[str]:
    return [n for n in NAMES if re.search(rf"\b{re.escape(n)}\b", text)]


def _notes_in(text: str) -> list[str]:
    return [n for n in NOTES if n in text]


def test_by_default_no_name_and_no_note_leaves(sixty, tmp_path):
    journal, start, end = sixty
    data = summary.build(journal, start, end)
    text = summary.dumps(data)
    html = summary_html.render(data)
    assert not _names_in(text) and not _notes_in(text)
    assert not _names_in(html) and not _notes_in(html)
    labels = [p["label"] for p in data["touchpoints"]["people"]]
    assert all(re.fullmatch(r"(Mentor|Peer|Manager|Client|Friend|Other) [A-Z]+", x) for x in labels)
    assert len(set(labels)) == len(labels) == 6
    assert [g["label"] for g in data["goals"]["goals"]][0].endswith(" goal A")
    assert "notes" not in data


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_pdf_names_nobody_and_quotes_no_note(sixty, tmp_path, qapp):
    from aijournal.sharing import exports
    from aijournal.ui.printing.printer import QtPrinter

    journal, start, end = sixty
    data = summary.build(journal, start, end, client_name="Client One")
    pdf = exports.render_summary(data, "summary-pdf", QtPrinter())
    path = pdf.write(tmp_path / "summary.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Self-reported, not a clinical measurement" in text
    assert "Client One" in text and "Check-ins" in text
    assert not _names_in(text) and not _notes_in(text)


def _pdf_lines(path: Path) -> list[list[tuple[float, float, str]]]:
    """The words of a PDF as lines (words whose tops are within 2 points), each word with its
    left and right edge in points, left to right."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines: dict[float, list[tuple[float, float, str]]] = {}
    for x0, y0, x1, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', boxes
    ):
        top = next((y for y in lines if abs(y - float(y0)) < 2), float(y0))
        word = unicodedata.normalize("NFKC", text)  # pdftotext writes "reﬂection"
        lines.setdefault(top, []).append((float(x0), float(x1), word))
    return [sorted(words) for words in lines.values()]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_table_cells_are_padded_and_kinds_read_as_labels(sixty, tmp_path, qapp):
    """Numbers in neighbouring cells stay apart on paper: "60 | 80", never "6080"."""
    from aijournal.journaling.describe import TOUCHPOINT_LABELS
    from aijournal.ui.printing import summary_pdf

    journal, start, end = sixty
    data = summary.build(journal, start, end, sections=("instruments", "touchpoints"))
    lines = _pdf_lines(summary_pdf.write_pdf(data, tmp_path / "summary.pdf", images={}))
    taken = [spec for spec in data["instruments"].values() if spec["scores"]]
    assert taken
    for spec in taken:
        first, latest = spec["scores"][0]["score"], spec["scores"][-1]["score"]
        row = next(words for words in lines if words[0][2] == spec["name"].split()[0])
        numbers = [(x0, x1, t) for x0, x1, t in row if re.fullmatch(r"[\d.]+", t)]
        assert [t for *_, t in numbers[:3]] == [
            str(len(spec["scores"])),
            f"{first:g}",
            f"{latest:g}",
        ]
        for (_, left_end, _), (right_start, _, _) in zip(numbers, numbers[1:3]):
            assert right_start - left_end >= 6  # points: padding on both sides and a border
    for kind in data["touchpoints"]["by_kind"]:
        if kind["touchpoints"]:
            label = TOUCHPOINT_LABELS[kind["kind"]]
            assert any(" ".join(t for *_, t in words).startswith(label) for words in lines)


def test_names_and_notes_only_when_asked_for(sixty):
    journal, start, end = sixty
    data = summary.build(journal, start, end, include_names=True, include_notes=True)
    summary.validate(data)
    assert data["privacy"] == {"notes_included": True, "names_included": True}
    assert {p["label"] for p in data["touchpoints"]["people"]} <= set(NAMES)
    assert data["notes"] and _notes_in(summary.dumps(data))
    assert "Private notes (included by choice)" in summary_html.render(data)


def test_pseudonym_letters_are_stable_within_an_export(sixty):
    journal, start, end = sixty
    first = summary.build(journal, start, end, sections=("touchpoints",))
    again = summary.build(journal, start, end, sections=("touchpoints",))
    assert first["touchpoints"]["people"] == again["touchpoints"]["people"]
    assert [summary.letters(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
    assert summary.pseudonyms(["mentor", "peer"]) == ["Mentor A", "Peer B"]


# ---- the schema -------------------------------------------------------------------------------


@pytest.fixture
def good(sixty):
    journal, start, end = sixty
    return summary.build(journal, start, end)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("period"), "must contain"),
        (lambda d: d["checkins"].__setitem__("burnout_mean", "high"), "burnout_mean must be"),
        (lambda d: d["period"].__setitem__("start", "29/09/2026"), "period.start must match"),
        (lambda d: d.__setitem__("extra", 1), "must not contain"),
        (lambda d: d["sections"].append("moods"), "sections"),
        (lambda d: d["checkins"].__setitem__("burnout_mean", 7), "must be smaller than or equal"),
        (lambda d: d.pop("insights"), "'insights' is listed but missing"),
    ],
)
def test_the_schema_rejects_malformed_summaries(good, change, message):
    bad = copy.deepcopy(good)
    change(bad)
    with pytest.raises(summary.InvalidSummary, match=re.escape(message)) as error:
        summary.validate(bad)
    assert str(error.value).startswith(("does not match the aijournal-summary/1 schema",))


def test_unknown_versions_are_named(good):
    with pytest.raises(
        summary.InvalidSummary,
        match="unknown version: format 'aijournal-summary/2'; this app reads aijournal-summary/1",
    ):
        summary.validate(good | {"format": "aijournal-summary/2"})
    with pytest.raises(summary.InvalidSummary, match="no JSON object"):
        summary.validate([1, 2])


def test_an_invalid_summary_is_never_written(good, tmp_path):
    target = tmp_path / "out" / "out.json"
    with pytest.raises(summary.InvalidSummary):
        summary.write(good | {"client": 5}, target)
    assert not target.parent.exists()
    summary.write(good, target)
    assert summary.load(target) == good


def test_the_schema_documents_every_property():
    def walk(node, where):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert (
                    "description" in sub
                    or "$ref" in sub
                    or "description" in sub.get("items", {})
                    or sub.get("type") == "object"
                ), f"{where}.{name}"
                walk(sub, f"{where}.{name}")
            if "items" in node:
                walk(node["items"], where + "[]")

    schema = summary.schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    walk(schema, "summary")


# ---- the command line -------------------------------------------------------------------------


def test_cli_exports_summaries(aijournal_home, memory_keyring, tmp_path):
    assert run("demo", "--days", "40")[0] == 0
    code, out = run(
        "export",
        "--format",
        "summary-json",
        "--sections",
        "checkins,ai_use",
        "--client-name",
        "Ann",
    )
    assert code == 0, out
    data = json.loads(out[: out.rindex("}") + 1])
    assert data["sections"] == ["checkins", "ai_use"] and data["client"] == "Ann"
    assert "leaves out private notes and real names" in out
    code, out = run("export", "--format", "summary-html", "-o", str(tmp_path / "s.html"))
    assert code == 0 and (tmp_path / "s.html").read_text().startswith("<!DOCTYPE html>")
    code, out = run(
        "export",
        "--format",
        "summary-pdf",
        "-o",
        str(tmp_path / "s.pdf"),
        "--from",
        "2000-01-01",
        "--to",
        "2000-01-31",
    )
    assert code == 0, out
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    code, out = run("export", "--format", "summary-pdf")
    assert code == 2 and "output" in out
    code, out = run("export", "--format", "summary-json", "--sections", "moods")
    assert code == 2 and "sections: 'moods' is not allowed" in out


def test_cli_coach_compares_and_skips(tmp_path, good):
    (tmp_path / "good.json").write_text(summary.dumps(good | {"client": "Ann"}))
    (tmp_path / "new.json").write_text(json.dumps(good | {"format": "aijournal-summary/2"}))
    (tmp_path / "broken.json").write_text('{"format": "aijournal-summary/1", ')
    code, out = run(
        "coach",
        str(tmp_path / "good.json"),
        str(tmp_path / "new.json"),
        str(tmp_path / "broken.json"),
    )
    assert code == 0, out
    assert re.search(r"^Ann\s+2026-09-29\s+2026-11-27", out, re.M)
    assert "Skipped" in out and "new.json: unknown version" in out
    assert "broken.json: not JSON" in out
    code, out = run(
        "coach", str(tmp_path / "good.json"), "--format", "csv", "-o", str(tmp_path / "table.csv")
    )
    assert code == 0
    lines = (tmp_path / "table.csv").read_text().splitlines()
    assert lines[0].startswith("client,start,end,burnout_mean") and lines[1].startswith("Ann,")
    code, out = run("coach", str(tmp_path / "broken.json"))
    assert code == 1 and "No summary could be read" in out
