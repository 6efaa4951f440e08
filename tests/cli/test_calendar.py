"""`aijournal calendar`: the year's days and the streaks, as text and as JSON."""

import json
from datetime import date, timedelta

import pytest
from clitools import run

TODAY = date.today()


def check_in(day: date, burnout: int, connection: int) -> None:
    code, out = run(
        "checkin",
        "--burnout",
        str(burnout),
        "--connection",
        str(connection),
        "--date",
        day.isoformat(),
    )
    assert code == 0, out


@pytest.fixture
def logged(home):
    """Check-ins today and the two days before, and two days in last year's 10 October."""
    for back in range(3):
        check_in(TODAY - timedelta(days=back), burnout=back + 1, connection=5 - back)
    check_in(date(TODAY.year - 1, 10, 10), 4, 2)
    check_in(date(TODAY.year - 1, 10, 11), 5, 1)
    run("log-ai", "--tool", "Claude", "--pattern", "learning", "--minutes", "5")
    return home


def test_json_gives_every_day_and_the_streaks(logged):
    code, out = run("calendar", "--format", "json")
    assert code == 0, out
    shown = json.loads(out)
    assert (shown["year"], shown["month"], shown["measure"]) == (TODAY.year, None, "burnout")
    assert len(shown["days"]) == (366 if TODAY.year % 4 == 0 else 365)  # no century year soon
    days = {d["day"]: d for d in shown["days"]}
    today = days[TODAY.isoformat()]
    assert today == {
        "day": TODAY.isoformat(),
        "checkin": True,
        "burnout": 1,
        "connection": 5,
        "band": 1,
        "entries": 2,
    }
    assert shown["streaks"]["current"]["last"] == TODAY.isoformat()
    # Early in January some of the three days lie in last year: the streak still counts them.
    assert shown["streaks"]["current"]["days"] == 3
    assert shown["streaks"]["longest"] == shown["streaks"]["current"]
    assert shown["logged_days"] == sum(d["checkin"] for d in shown["days"])
    assert [s["value"] for s in shown["scale"]] == [1, 2, 3, 4, 5]


def test_json_of_a_month_on_connection(logged):
    last_year = TODAY.year - 1
    code, out = run(
        "calendar",
        "--year",
        str(last_year),
        "--month",
        "10",
        "--measure",
        "connection",
        "--format",
        "json",
    )
    assert code == 0, out
    shown = json.loads(out)
    assert len(shown["days"]) == 31 and shown["logged_days"] == 2
    tenth, eleventh = shown["days"][9], shown["days"][10]
    assert (tenth["connection"], tenth["band"]) == (2, 4)
    assert (eleventh["connection"], eleventh["band"]) == (1, 5)
    assert [s["value"] for s in shown["scale"]] == [5, 4, 3, 2, 1]  # best first


def test_text_shows_a_row_per_month_and_the_streaks(logged):
    code, out = run("calendar", "--year", str(TODAY.year - 1))
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith(f"Burnout by day, {TODAY.year - 1} (1 no symptoms")
    assert len([line for line in lines if line[:3] in {"Jan", "Oct", "Dec"}]) == 3
    october = next(line for line in lines if line.startswith("Oct"))
    assert october.split()[1:] == ["·"] * 9 + ["4", "5"] + ["·"] * 20
    header = lines[1]
    assert header.index("10") + 1 == october.index("4")  # day 10 under its mark
    assert "Checked in on 2 days of 365." in out or "Checked in on 2 days of 366." in out
    assert "Current streak: 3 days" in out and "Longest streak: 3 days" in out


def test_an_empty_journal(home):
    code, out = run("calendar", "--month", "1")
    assert code == 0
    assert "Checked in on 0 days of 31." in out and "Current streak: none" in out
    assert json.loads(run("calendar", "--format", "json")[1])["streaks"]["longest"] is None


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("--measure", "energy"), "measure: 'energy'"),
        (("--month", "13"), "month: 13"),
        (("--format", "csv"), "format: 'csv'"),
        (("--year", "0"), "year: 0"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(home, args, field):
    code, out = run("calendar", *args)
    assert code == 2 and len(out.strip().splitlines()) == 1 and field in out, out
