"""On this day: a month and a year ago, clamped to short months; the prompt of the day."""

from datetime import date, datetime, timedelta

import pytest

from aijournal.journaling import lookback
from aijournal.journaling.settings import Settings
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput


@pytest.mark.parametrize(
    ("today", "month", "year"),
    [
        (date(2026, 11, 27), date(2026, 10, 27), date(2025, 11, 27)),
        (date(2026, 3, 31), date(2026, 2, 28), date(2025, 3, 31)),
        (date(2028, 3, 31), date(2028, 2, 29), date(2027, 3, 31)),  # a leap year
        (date(2028, 2, 29), date(2028, 1, 29), date(2027, 2, 28)),
        (date(2026, 1, 15), date(2025, 12, 15), date(2025, 1, 15)),
        (date(2026, 5, 31), date(2026, 4, 30), date(2025, 5, 31)),
    ],
)
def test_a_month_and_a_year_ago(today, month, year):
    assert (lookback.month_ago(today), lookback.year_ago(today)) == (month, year)


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def test_each_day_brings_its_checkin_and_the_notes_of_its_entries(journal, clock):
    today = clock().date()
    month, year = lookback.month_ago(today), lookback.year_ago(today)
    assert lookback.on_this_day(journal, today) == []  # nothing logged: nothing shown
    journal.save_checkin(r.Checkin(day=month, burnout=3, connection=2, energy=4, note="Tired."))
    journal.add(
        r.AIUse(
            started_at=at(month, 9),
            tool="Claude",
            pattern="learning",
            minutes=5,
            note="Asked about window functions.",
        )
    )
    journal.add(r.Touchpoint(at=at(month, 15), kind="pairing", person="Sam", note="Sam helped."))
    journal.add(r.AIUse(started_at=at(month, 11), tool="Gemini", pattern="directive", minutes=5))
    journal.add(r.AIUse(started_at=at(year, 11), tool="Copilot", pattern="validation", minutes=5))
    journal.add(
        r.AIUse(
            started_at=at(month - timedelta(days=1), 9),
            tool="X",
            pattern="learning",
            minutes=5,
            note="the day before: not shown",
        )
    )
    found = lookback.on_this_day(journal, today)
    assert [(d.ago, d.day) for d in found] == [("a month ago", month), ("a year ago", year)]
    first, second = found
    assert first.checkin_line() == "Burnout 3 · connection 2 · energy 4"
    assert [n.text for n in first.notes] == ["Asked about window functions.", "Sam helped."]
    assert first.entries == 3 and first.as_dict()["checkin"]["note"] == "Tired."
    assert (second.checkin, second.notes, second.entries) == (None, (), 1)
    Settings(journal)["on_this_day"] = False
    assert lookback.shown_on_today(journal, today) == []


def test_deleted_records_are_not_looked_back_on(journal, clock):
    month = lookback.month_ago(clock().date())
    checkin, _ = journal.save_checkin(r.Checkin(day=month, burnout=3, connection=2))
    journal.delete(checkin)
    assert lookback.on_this_day(journal, clock().date()) == []


def test_the_prompt_is_the_same_all_day_and_the_next_one_tomorrow(journal, clock):
    today = clock().date()
    prompts = lookback.default_prompts()
    seen = [lookback.todays_prompt(journal, today + timedelta(days=n)) for n in range(len(prompts))]
    assert sorted(seen) == sorted(prompts)  # each in turn
    assert lookback.todays_prompt(journal, today) == seen[0]
    settings = Settings(journal)
    settings["reflection_prompts"] = "  Who helped you today?\n\nWhat made you laugh?  \n"
    assert settings["reflection_prompts"] == "Who helped you today?\nWhat made you laugh?"
    own = {lookback.todays_prompt(journal, today + timedelta(days=n)) for n in range(2)}
    assert own == {"Who helped you today?", "What made you laugh?"}
    settings["reflection_prompt"] = False
    assert lookback.todays_prompt(journal, today) is None
    with pytest.raises(InvalidInput, match="200 characters"):
        settings["reflection_prompts"] = "x" * 201


def test_the_cli_lists_on_this_day(home):
    import json

    from clitools import run

    from aijournal.storage import DataPaths, Journal

    with Journal.open(DataPaths(home)) as journal:
        month = lookback.month_ago(journal.clock().date())
        journal.save_checkin(r.Checkin(day=month, burnout=2, connection=5, note="Good team day."))
    code, out = run("list", "--on-this-day")
    assert code == 0 and "A month ago" in out and "“Good team day.”" in out
    code, out = run("list", "--on-this-day", "--format", "json")
    [day] = json.loads(out)
    assert (day["ago"], day["checkin"]["connection"]) == ("a month ago", 5)
    code, out = run("list", "--on-this-day", "--format", "csv")
    assert code == 0 and "Good team day." in out
