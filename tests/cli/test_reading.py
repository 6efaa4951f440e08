"""`list` (filters, --on-this-day in each format) and `stats` edges, as a user types them."""

import csv
import io
import json
from datetime import date, datetime, time, timedelta

import pytest
from clitools import run

from aijournal.journaling import lookback
from aijournal.model import records as r
from aijournal.storage import DataPaths, Journal


@pytest.fixture
def journal_at_home(home):
    """The `aijournal init` journal, open beside the commands under test."""
    with Journal.open(DataPaths(home)) as opened:
        yield opened


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def test_list_filters_by_kind_tool_search_and_limit(journal_at_home):
    yesterday = date.today() - timedelta(days=1)  # the CLI's real clock: never in the future
    for hour, tool, task in ((9, "Claude", "Refactor parser"), (11, "ChatGPT", "Draft email")):
        journal_at_home.add(
            r.AIUse(
                started_at=at(yesterday, hour), tool=tool, pattern="learning", minutes=5, task=task
            )
        )
    journal_at_home.save_checkin(r.Checkin(day=yesterday, burnout=2, connection=4))
    code, out = run("list", "--kind", "ai-use", "--format", "json")
    assert code == 0 and [e["tool"] for e in json.loads(out)] == ["ChatGPT", "Claude"]
    code, out = run("list", "--tool", "Claude")
    assert code == 0 and out.count("\n") == 1 and "Refactor parser" in out
    code, out = run("list", "--search", "nothing like this")
    assert (code, out) == (0, "No entries match.\n")
    code, out = run("list", "--limit", "1", "--kind", "ai-use", "--format", "csv")
    assert code == 0 and [row["tool"] for row in csv.DictReader(io.StringIO(out))] == ["ChatGPT"]


@pytest.mark.parametrize(
    "args, field",
    [
        (("--limit", "0"), "limit: 0"),
        (("--pattern", "vibes"), "pattern: 'vibes'"),
        (("--from", "someday"), "from: 'someday'"),
    ],
)
def test_list_bad_filters_are_one_line_exit_2(home, args, field):
    code, out = run("list", *args)
    assert code == 2 and out.count("\n") == 1 and field in out, out


def test_on_this_day_shows_a_month_ago_in_each_format(journal_at_home):
    day = lookback.month_ago(date.today())
    journal_at_home.save_checkin(
        r.Checkin(day=day, burnout=2, connection=4, energy=3, note="Good pairing day")
    )
    journal_at_home.add(r.Touchpoint(at=at(day, 10), kind="pairing", person="Dana", note="Fun"))
    code, out = run("list", "--on-this-day")
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0] == f"A month ago ({day.isoformat()}): Burnout 2 · connection 4 · energy 3"
    assert lines[1] == "  “Good pairing day”" and lines[2].endswith(": Fun")
    [shown] = json.loads(run("list", "--on-this-day", "--format", "json")[1])
    assert shown["ago"] == "a month ago" and shown["checkin"]["note"] == "Good pairing day"
    [row] = csv.DictReader(io.StringIO(run("list", "--on-this-day", "--format", "csv")[1]))
    assert (row["day"], row["burnout"], row["entries"]) == (day.isoformat(), "2", "1")


def test_on_this_day_with_nothing_then_says_so(journal_at_home):
    journal_at_home.save_checkin(
        r.Checkin(day=date.today() - timedelta(days=3), burnout=2, connection=4)
    )
    code, out = run("list", "--on-this-day")
    assert (code, out) == (0, "Nothing was logged a month or a year ago today.\n")


def test_stats_of_an_empty_journal_and_a_format_it_has_not(home):
    assert run("stats") == (0, "Nothing logged yet.\n")
    code, out = run("stats", "--format", "csv")
    assert code == 2 and "format: 'csv'" in out and out.count("\n") == 1
