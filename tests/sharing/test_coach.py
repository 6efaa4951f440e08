"""The coach's comparison: many summaries opened without a journal, rows, flags and CSV."""

import copy
import csv
import io
import json

import pytest
from summaries import demo_summary

from aijournal.sharing import coach, summary


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """One real summary, built once for the module from 60 demo days."""
    return demo_summary(tmp_path_factory.mktemp("coach") / "journal", days=60)


def test_rows_and_flags(base, tmp_path):
    worried = copy.deepcopy(base)
    worried["client"] = "Ann"
    worried["checkins"]["burnout_days_share"] = 0.6
    worried["checkins"]["change"]["connection"] = -0.8
    worried["ai_use"]["augmentation_share"] = 0.3
    worried["instruments"]["who5"]["scores"][-1]["score"] = 40
    (tmp_path / "ann.json").write_text(summary.dumps(worried))
    (tmp_path / "plain.json").write_text(summary.dumps(base))
    opened, skipped = coach.open_many([tmp_path / "ann.json", tmp_path / "plain.json"])
    assert not skipped
    ann, plain = coach.rows(opened)
    assert ann.flags == (
        "burnout ≥ 3 on most days",
        "connection falling",
        "WHO-5 ≤ 50",
        "UCLA-3 ≥ 6",
        "mostly automation",
    )
    assert ann.who5_latest == 40 and ann.augmentation_share == 0.3
    assert plain.name == "(plain)" and plain.client == ""
    assert plain.burnout_mean == base["checkins"]["burnout_mean"]
    assert plain.touchpoints_per_week == base["time_with_people"]["touchpoints_per_week"]


def test_sections_left_out_give_blanks(base, tmp_path):
    only = {k: v for k, v in base.items() if k not in summary.SECTIONS or k == "insights"}
    only["sections"] = ["insights"]
    (tmp_path / "lean.json").write_text(summary.dumps(only))
    [row] = coach.rows(coach.open_many([tmp_path / "lean.json"])[0])
    assert (row.burnout_mean, row.who5_latest, row.augmentation_share, row.flags) == (
        None,
        None,
        None,
        (),
    )
    assert coach.cell(row, "burnout_mean") == ""


def test_bad_files_are_skipped_with_reasons(base, tmp_path):
    files = {
        "new.json": json.dumps(base | {"format": "aijournal-summary/2"}),
        "broken.json": "{",
        "list.json": "[]",
        "wrong.json": json.dumps(base | {"period": {"start": "x"}}),
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "binary.json": b"\xff\xfe\x00",
    }
    for name, content in files.items():
        target = tmp_path / name
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
    opened, skipped = coach.open_many([tmp_path / n for n in files] + [tmp_path / "gone.json"])
    assert not opened
    reasons = {s.path.name: s.reason for s in skipped}
    assert reasons["new.json"].startswith("unknown version: format 'aijournal-summary/2'")
    assert reasons["broken.json"].startswith("not JSON")
    assert reasons["list.json"] == "not a summary: the file holds no JSON object"
    assert "period" in reasons["wrong.json"] and "schema" in reasons["wrong.json"]
    assert reasons["deep.json"]
    assert reasons["binary.json"].startswith("not JSON")
    assert reasons["gone.json"].startswith("cannot be read")


def test_csv_has_a_header_and_one_row_per_summary(base, tmp_path):
    for number in range(3):
        (tmp_path / f"{number}.json").write_text(summary.dumps(base | {"client": f"C{number}"}))
    table = coach.rows(coach.open_many(sorted(tmp_path.glob("*.json")))[0])
    rows = list(csv.DictReader(io.StringIO(coach.csv_text(table))))
    assert [r["client"] for r in rows] == ["C0", "C1", "C2"]
    assert rows[0]["augmentation_share"] == str(base["ai_use"]["augmentation_share"])
    text = coach.text_table(table)
    assert text.splitlines()[0].split()[:3] == ["Client", "From", "To"]


def test_two_hundred_files_open(base, tmp_path):
    text = summary.dumps(base)
    paths = []
    for number in range(200):
        paths.append(tmp_path / f"{number:03}.json")
        paths[-1].write_text(text)
    opened, skipped = coach.open_many(paths)
    assert len(coach.rows(opened)) == 200 and not skipped
