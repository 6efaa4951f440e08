"""The one set of presentation helpers: the same figure reads the same everywhere."""

import math

from aijournal.model.presentation import (
    change_arrow,
    escape,
    hours,
    number,
    percent,
    plural,
    signed,
)


def test_percent_rounds_and_marks_missing_values():
    assert percent(0.424) == "42%"
    assert percent(None) == percent(math.nan) == "–"


def test_hours_reads_minutes_below_an_hour():
    assert [hours(m) for m in (0, 45, 59, 60, 90, 125)] == [
        "0 min",
        "45 min",
        "59 min",
        "1.0 h",
        "1.5 h",
        "2.1 h",
    ]


def test_numbers_and_changes_use_a_real_minus_sign():
    assert number(-0.25, 2) == "\u22120.25"
    assert number(3.14159) == "3.1"
    assert signed(1) == "+1"
    assert signed(-2) == "\u22122"
    assert signed(0.0001, 2) == "0.00"  # no "+0.00" or "−0.00"
    assert change_arrow(1) == "↑ +1"
    assert change_arrow(-2) == "↓ \u22122"
    assert change_arrow(0) == "→ 0"
    assert change_arrow(None) == number(None) == signed(None) == "–"


def test_plural_and_escape():
    assert plural(1, "nudge") == "1 nudge"
    assert plural(3, "nudge") == "3 nudges"
    assert plural(2, "person", "people") == "2 people"
    assert escape('<b a="x">&</b>') == "&lt;b a=&quot;x&quot;&gt;&amp;&lt;/b&gt;"
