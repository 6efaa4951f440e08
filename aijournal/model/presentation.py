"""How numbers and text read, in one place: the CLI, the views, PDFs and summaries call these
so the same figure reads the same everywhere."""

from __future__ import annotations

import math
import re

MISSING = "–"  # shown where there is no value
MINUS = "\u2212"  # a real minus sign, as people write it


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def percent(share: float | None) -> str:
    """A share 0–1 as a whole percent: "42%"."""
    return MISSING if _missing(share) else f"{share:.0%}"


def hours(minutes: int | float) -> str:
    """Time spent: "45 min" under an hour, "1.5 h" from an hour on."""
    minutes = round(minutes)
    return f"{minutes} min" if minutes < 60 else f"{minutes / 60:.1f} h"


def number(value: float | None, digits: int = 1) -> str:
    """A mean or score, rounded (one decimal unless told), with a real minus sign."""
    if _missing(value):
        return MISSING
    assert value is not None
    return f"{value:.{digits}f}".replace("-", MINUS)


def score(value: float | None) -> str:
    """A questionnaire score, rounded to one decimal at most: "53.6", "60"."""
    if _missing(value):
        return MISSING
    assert value is not None
    return f"{round(value, 1):g}".replace("-", MINUS)


def signed(value: float | None, digits: int = 0) -> str:
    """A change with its sign: "+1", "−0.25", "0"."""
    if _missing(value):
        return MISSING
    assert value is not None
    if round(value, digits) == 0:
        return f"{0:.{digits}f}"
    return f"{value:+.{digits}f}".replace("-", MINUS)


def change_arrow(change: int | None) -> str:
    """A change with an arrow: "↑ +1", "↓ −2", "→ 0"."""
    if change is None:
        return MISSING
    if change > 0:
        return f"↑ {signed(change)}"
    return f"↓ {signed(change)}" if change < 0 else "→ 0"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 nudge", "3 nudges"; `many` for irregular plurals."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def escape(text: object) -> str:
    """Text for HTML (Qt rich text, summaries, PDFs), quotes included."""
    import html  # only views and documents escape; capture never does

    return html.escape(str(text), quote=True)


# Characters a spreadsheet reads as the start of a formula (and tab / carriage return, which
# some read as separators before one): such a cell is written with a leading apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Escape sequences and control characters (C0, DEL, C1): in a terminal they move the cursor,
# change colours or retitle the window, so text from outside never prints them.
_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = {**dict.fromkeys([*range(0, 32), 127, *range(128, 160)]), 9: " ", 10: " ", 13: " "}


def spreadsheet_safe(text: str) -> str:
    """Text for a CSV cell that a spreadsheet will show, never run: `=1+1` becomes `'=1+1`.

    A carriage return becomes a line break: Python's csv module quotes the one, not the other,
    and an unquoted one splits the row in two."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def terminal(text: object) -> str:
    """One line safe to print on a terminal: escape sequences and control characters removed
    (line breaks and tabs become spaces)."""
    return _SEQUENCES.sub("", str(text)).translate(_CONTROLS)
