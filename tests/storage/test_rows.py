"""Records to rows and back: how each kind of field is stored, and the SQL pieces parts share."""

import json
import sqlite3
from datetime import date, datetime

from aijournal.model import records as r
from aijournal.storage.rows import (
    EPOCH_DAY,
    PERIODS,
    SEPARATOR,
    TABLES,
    between,
    columns_of,
    from_row,
    to_row,
)

MOMENT = datetime(2026, 11, 27, 10, 0).astimezone()
FACTOR = "7f8c3a52-1c1e-4f61-9a43-1d7f0b2c9e10"


def test_every_record_type_has_a_table():
    assert set(TABLES) == set(r.RECORD_TYPES)
    assert len(set(TABLES.values())) == len(TABLES)


def test_an_ai_use_row_stores_text_numbers_and_the_day():
    use = r.AIUse(
        started_at=MOMENT,
        tool="Claude",
        pattern="learning",
        minutes=25,
        replaced_person=True,
        skills=("SQL",),
    )
    row = to_row(use)
    assert row["started_at"] == MOMENT.isoformat()
    assert row["day"] == "2026-11-27"  # for the day indexes; not a field
    assert row["replaced_person"] == 1 and row["to_review"] == 0
    assert "skills" not in row  # linked through learning events, not a column
    assert row["goal_id"] is None


def test_from_row_gives_back_the_same_record():
    use = r.AIUse(started_at=MOMENT, tool="Codex", pattern="directive", minutes=5, outcome=4)
    row = to_row(use) | {"skills": f"SQL{SEPARATOR}Python"}
    assert from_row(r.AIUse, row) == r.AIUse(**{**use.__dict__, "skills": ("SQL", "Python")})
    assessment = r.Assessment(
        instrument="who5", day=date(2026, 11, 2), answers=(3, None, 5), score=48.0, band="ok"
    )
    row = to_row(assessment)
    assert json.loads(row["answers"]) == [3, None, 5]
    assert from_row(r.Assessment, row) == assessment


def test_check_in_factors_are_one_json_object_or_null():
    answered = r.Checkin(
        day=date(2026, 11, 27), burnout=2, connection=4, factors={FACTOR: 1}, asked_advice=False
    )
    row = to_row(answered)
    assert json.loads(row["factors"]) == {FACTOR: 1}
    assert row["asked_advice"] == 0  # False is stored, not dropped as empty
    assert from_row(r.Checkin, row) == answered
    plain = r.Checkin(day=date(2026, 11, 27), burnout=2, connection=4)
    assert to_row(plain)["factors"] is None
    assert from_row(r.Checkin, to_row(plain)).factors == ()


def test_links_by_name_come_back_empty_when_there_are_none():
    point = r.Touchpoint(at=MOMENT, kind="pairing")
    back = from_row(r.Touchpoint, to_row(point) | {"skills": None, "person": None})
    assert back.skills == () and back.person is None
    assert dict(columns_of(r.Touchpoint))["at"] == "datetime"
    assert "person" not in dict(columns_of(r.Touchpoint))


def test_sql_periods_and_bounds():
    conn = sqlite3.connect(":memory:")

    def period(name: str, day: str) -> int:
        sql = f"SELECT {PERIODS[name]} FROM (SELECT {EPOCH_DAY} AS d, day FROM (SELECT ? AS day))"
        return conn.execute(sql, [day]).fetchone()[0]

    assert period("day", "1970-01-02") == 1
    assert period("week", "2026-11-29") == (date(2026, 11, 23) - date(1970, 1, 1)).days
    assert period("month", "2026-11-29") == (date(2026, 11, 1) - date(1970, 1, 1)).days
    assert between(None, None) == ["0001-01-01", "9999-12-31"]
    assert between(date(2026, 1, 1), None) == ["2026-01-01", "9999-12-31"]
