"""How entries read in lists: kinds by their labels, scores rounded as a person writes them."""

from datetime import date, datetime

from aijournal.journaling import describe
from aijournal.model import records as r


def test_a_touchpoint_reads_by_its_kind_label():
    touch = r.Touchpoint(at=datetime(2026, 11, 27, 10).astimezone(), kind="advice-asked")
    assert describe.title(touch).startswith("Asked for advice")


def test_a_score_reads_rounded_and_a_whole_one_stays_whole():
    cbi = r.Assessment(instrument="cbi", day=date(2026, 11, 27), answers=(), score=17.857142)
    who5 = r.Assessment(instrument="who5", day=date(2026, 11, 27), answers=(), score=60.0)
    assert "score 17.9" in describe.title(cbi)
    assert "score 60" in describe.title(who5) and "60.0" not in describe.title(who5)
