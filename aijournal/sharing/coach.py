"""The coach's side: open many exported summaries, compare them row by row. Qt-free.

Needs no journal and no key: only the summary files (`aijournal-summary/1`). Files that are of
an unknown version, are not JSON or fail the schema are skipped with the reason, never fatal.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aijournal.model.presentation import spreadsheet_safe, terminal
from aijournal.sharing import summary

# Where a flag's threshold sits; each flag names its own rule in words.
MOST_DAYS = 0.5  # share of check-in days with burnout ≥ 3
FALLING = -0.5  # connection: second-half mean minus first-half mean
RISING = 0.5  # burnout
WHO5_LOW = 50
UCLA3_LONELY = 6
MOSTLY_AUTOMATION = 0.5  # augmentation share below this


@dataclass(frozen=True)
class Opened:
    path: Path
    data: dict[str, Any]


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Row:
    """One client and period in the comparison table."""

    path: Path
    client: str
    start: str
    end: str
    burnout_mean: float | None
    connection_mean: float | None
    who5_latest: float | None
    ucla3_latest: float | None
    augmentation_share: float | None
    touchpoints_per_week: float | None
    flags: tuple[str, ...]

    @property
    def name(self) -> str:
        """The client's chosen name, or the file's name when they chose none."""
        return self.client or f"({self.path.stem})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "client": self.client,
            "file": str(self.path),
            "start": self.start,
            "end": self.end,
            "burnout_mean": self.burnout_mean,
            "connection_mean": self.connection_mean,
            "who5_latest": self.who5_latest,
            "ucla3_latest": self.ucla3_latest,
            "augmentation_share": self.augmentation_share,
            "touchpoints_per_week": self.touchpoints_per_week,
            "flags": list(self.flags),
        }


COLUMNS: tuple[tuple[str, str], ...] = (
    ("client", "Client"),
    ("start", "From"),
    ("end", "To"),
    ("burnout_mean", "Burnout"),
    ("connection_mean", "Connection"),
    ("who5_latest", "WHO-5"),
    ("ucla3_latest", "UCLA-3"),
    ("augmentation_share", "Augmentation"),
    ("touchpoints_per_week", "Touchpoints/week"),
    ("flags", "Flags"),
)


def open_many(paths: Iterable[Path]) -> tuple[list[Opened], list[Skipped]]:
    """Read and validate each file; the good ones in the order given, the rest with reasons."""
    opened, skipped = [], []
    for path in paths:
        path = Path(path)
        try:
            opened.append(Opened(path, summary.load(path)))
        except summary.InvalidSummary as error:  # also a file past the reader limits
            skipped.append(Skipped(path, str(error)))
    return opened, skipped


def row(opened: Opened) -> Row:
    data = opened.data
    checkins = data.get("checkins") or {}
    scores = data.get("instruments") or {}
    return Row(
        path=opened.path,
        client=data["client"],
        start=data["period"]["start"],
        end=data["period"]["end"],
        burnout_mean=checkins.get("burnout_mean"),
        connection_mean=checkins.get("connection_mean"),
        who5_latest=_latest(scores, "who5"),
        ucla3_latest=_latest(scores, "ucla3"),
        augmentation_share=(data.get("ai_use") or {}).get("augmentation_share"),
        touchpoints_per_week=(data.get("time_with_people") or {}).get("touchpoints_per_week"),
        flags=flags(data),
    )


def rows(opened: Iterable[Opened]) -> list[Row]:
    return [row(o) for o in opened]


def flags(data: Mapping[str, Any]) -> tuple[str, ...]:
    """Plain-language flags worth a coach's question; never a diagnosis."""
    found = []
    checkins = data.get("checkins") or {}
    if (share := checkins.get("burnout_days_share")) is not None and share > MOST_DAYS:
        found.append("burnout ≥ 3 on most days")
    change = checkins.get("change") or {}
    if (burnout := change.get("burnout")) is not None and burnout >= RISING:
        found.append("burnout rising")
    if (connection := change.get("connection")) is not None and connection <= FALLING:
        found.append("connection falling")
    scores = data.get("instruments") or {}
    if (who5 := _latest(scores, "who5")) is not None and who5 <= WHO5_LOW:
        found.append("WHO-5 ≤ 50")
    if (ucla3 := _latest(scores, "ucla3")) is not None and ucla3 >= UCLA3_LONELY:
        found.append("UCLA-3 ≥ 6")
    share = (data.get("ai_use") or {}).get("augmentation_share")
    if share is not None and share < MOSTLY_AUTOMATION:
        found.append("mostly automation")
    return tuple(found)


def _latest(scores: Mapping[str, Any], instrument_id: str) -> float | None:
    taken = (scores.get(instrument_id) or {}).get("scores") or []
    return taken[-1]["score"] if taken else None


# ---- the table as text ----------------------------------------------------------------------


def cell(row: Row, key: str) -> str:
    """How a value reads in the table and the CSV."""
    value = row.name if key == "client" else getattr(row, key)
    if value is None:
        return ""
    if key == "flags":
        return "; ".join(value)
    if key == "augmentation_share":
        return f"{value:.0%}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def csv_text(table: Sequence[Row]) -> str:
    """The comparison table as CSV (numbers as numbers, shares 0–1), with a header."""
    out = io.StringIO()
    names = [key for key, _ in COLUMNS] + ["file"]
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for r in table:
        values = r.as_dict()
        values["flags"] = "; ".join(r.flags)
        writer.writerow({k: _csv_value(values[k]) for k in names})
    return out.getvalue()


def _csv_value(value: Any) -> Any:
    """Numbers stay numbers; text a spreadsheet would run as a formula is neutralised."""
    if value is None:
        return ""
    return spreadsheet_safe(value) if isinstance(value, str) else value


def text_table(table: Sequence[Row]) -> str:
    """The comparison table in aligned columns, for a terminal."""
    headers = [label for _, label in COLUMNS]
    lines = [[terminal(cell(r, key)) for key, _ in COLUMNS] for r in table]
    widths = [max([len(h)] + [len(line[i]) for line in lines]) for i, h in enumerate(headers)]
    text = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    text += ["  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in lines]
    return "\n".join(text) + "\n"
