"""Taking a questionnaire (scored and stored) and which ones are due, when and after what."""

from datetime import date, timedelta

import pytest

from aijournal.journaling.settings import Settings
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.wellbeing import assessing

TODAY = date(2026, 11, 27)  # the clock fixture's day


def week_of_checkins(journal, days: int = assessing.SETTLING_CHECKINS) -> None:
    for offset in range(days):
        journal.save_checkin(r.Checkin(day=TODAY - timedelta(days=offset), burnout=2, connection=4))


def due_ids(journal, today: date | None = None) -> list[str]:
    return [d.instrument.id for d in assessing.due(journal, today)]


def test_taking_one_scores_and_stores_it_today(journal):
    stored, result = assessing.take(journal, "who5", [3, 3, 3, 3, 3])
    assert (result.score, result.band) == (60.0, "ok")
    [kept] = journal.all(r.Assessment)
    assert kept == stored
    assert (kept.instrument, kept.day, kept.answers, kept.score, kept.band) == (
        "who5",
        TODAY,
        (3, 3, 3, 3, 3),
        60.0,
        "ok",
    )


def test_bad_answers_store_nothing(journal):
    with pytest.raises(InvalidInput, match="who5"):
        assessing.take(journal, "who5", [3, 3, 9, 3, 3])
    assert journal.all(r.Assessment) == []


def test_nothing_is_due_in_a_new_journal_until_a_week_of_check_ins(journal):
    week_of_checkins(journal, assessing.SETTLING_CHECKINS - 1)
    assert due_ids(journal) == []
    week_of_checkins(journal)
    assert due_ids(journal) == ["who5", "cbi", "ucla3"]  # the single item has no cadence
    assert [d.line() for d in assessing.due(journal)][0] == (
        "WHO-5 Well-Being Index is due (never taken)."
    )


def test_one_taken_is_due_again_after_its_cadence(journal):
    week_of_checkins(journal)
    assessing.take(journal, "ucla3", [1, 1, 1], day=TODAY - timedelta(days=6))
    assert "ucla3" not in due_ids(journal)
    assert "ucla3" in due_ids(journal, TODAY + timedelta(days=1))  # the default 7 days
    [ucla] = [
        d for d in assessing.due(journal, TODAY + timedelta(days=1)) if d.instrument.id == "ucla3"
    ]
    assert ucla.last == TODAY - timedelta(days=6)
    assert ucla.line().endswith(f"is due (last taken {(TODAY - timedelta(days=6)).isoformat()}).")


def test_a_taken_one_is_due_by_its_own_cadence_even_before_a_week_of_check_ins(journal):
    assessing.take(journal, "who5", [3, 3, 3, 3, 3], day=TODAY - timedelta(days=20))
    Settings(journal)["who5_cadence_days"] = 30
    assert due_ids(journal) == []
    assert due_ids(journal, TODAY + timedelta(days=10)) == ["who5"]
