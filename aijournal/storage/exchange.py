"""Full JSON export and merge-import, and CSV export per record kind.

The JSON export (`aijournal-export`, version 1) holds every row of every record table, deleted
ones included, so it imports back losslessly and merges between machines: idempotent by UUID,
the newest `updated_at` wins, deletions travel as `deleted_at`. An import is checked whole
before anything is written, and written in one transaction.

The user's own factors travel as the `factors` table (name, kind, question, archived) and each
check-in's answers as its `factors` column: a JSON object from factor id to answer (yes 1, no
0, or 1–5), null when none. They were added to version 1 without changing it: every older
export still imports as it is (it has no factors), and a check-in's answers merge with the
check-in (the newest `updated_at` wins). An answer to a factor that is in neither the file nor
the journal is refused like any broken link. CSV: `--kind factor`, and the check-in CSV has a
column per factor ("factor: Slept well", yes/no or 1–5).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from aijournal import __version__
from aijournal.model import limits
from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.model.presentation import plural, spreadsheet_safe
from aijournal.storage.journal import Journal
from aijournal.storage.paths import atomic_write
from aijournal.storage.rows import TABLES, from_row
from aijournal.storage.schema import RECORD_TABLES

FORMAT = "aijournal-export"
VERSION = 1
_KIND_OF_TABLE = {table: kind for kind, table in TABLES.items()}
_STAMPS = ("created_at", "updated_at", "deleted_at")
_ALLOWED = "use a JSON file made by `aijournal export --format json`"


# What each table holds, in the user's words (previews and reports of a merge).
TABLE_LABELS = {
    "people": "people",
    "skills": "skills",
    "goals": "goals",
    "ai_uses": "AI uses",
    "checkins": "check-ins",
    "touchpoints": "touchpoints",
    "learning_events": "learning links",
    "skill_ratings": "skill ratings",
    "assessments": "questionnaires",
    "nudges": "nudges",
}
OUTCOMES = ("added", "updated", "deleted", "unchanged")


@dataclass
class MergeReport:
    """What a merge did (or, on a dry run, would do), per table.

    Each incoming record counts once, by what the user will see of it: *added* (absent or
    deleted here, live in the file), *updated* (live here and in the file, the file's newer),
    *deleted* (live here, deleted in the file; also a same-day check-in the newer one
    replaces) or *unchanged* (the journal's version is as new, or the change is not visible:
    a deletion of a record this journal never had live).
    """

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    renamed: list[str] = field(default_factory=list)  # "Dana → Dana (2)"
    written: dict[str, list[str]] = field(default_factory=dict)  # ids added or updated
    plans_done: int = 0  # planned touchpoints the merged ones fulfilled

    def count(self, outcome: str, table: str | None = None) -> int:
        tally: dict[str, int] = getattr(self, outcome)
        return tally.get(table, 0) if table else sum(tally.values())

    def kinds(self) -> list[dict[str, Any]]:
        """One row per table the file touches: its label and how many of each outcome."""
        rows = []
        for table in RECORD_TABLES:
            counts = {o: self.count(o, table) for o in OUTCOMES}
            if any(counts.values()):
                rows.append({"table": table, "kind": TABLE_LABELS.get(table, table), **counts})
        return rows

    def as_dict(self) -> dict[str, Any]:
        return {
            "totals": {o: self.count(o) for o in OUTCOMES},
            "kinds": self.kinds(),
            "renamed": self.renamed,
            "plans_done": self.plans_done,
        }

    def line(self) -> str:
        added, updated, deleted = (self.count(o) for o in OUTCOMES[:3])
        line = f"{added} added, {updated} updated, "
        if deleted:
            line += f"{deleted} deleted, "
        line += f"{self.count('unchanged')} already up to date."
        if self.plans_done:
            line += " " + plural(self.plans_done, "planned touchpoint") + " done."
        if self.renamed:
            line += " Renamed, as the journal has those names already: " + "; ".join(self.renamed)
        return line


def export_data(journal: Journal) -> dict[str, Any]:
    tables = {}
    for table in RECORD_TABLES:
        cursor = journal.db.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [c[0] for c in cursor.description]
        tables[table] = [dict(zip(names, row, strict=True)) for row in cursor]
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "exported_at": r.utc_stamp(),
        "journal_id": journal.config.journal_id,
        "tables": tables,
    }


def write_json(journal: Journal, path: Path) -> None:
    atomic_write(path, json.dumps(export_data(journal), ensure_ascii=False, indent=1) + "\n")


def read_json(path: Path, progress: limits.Progress | None = None) -> dict[str, Any]:
    """Load an export file within the reader limits for journal exports; InvalidInput names
    what is wrong. `progress(done, total)` is called once reading takes over a second."""
    try:
        return limits.Budget(path, limits.JOURNAL_EXPORT, progress=progress).load_json(path)
    except limits.NotJSON as error:
        raise InvalidInput("file", str(path), f"{_ALLOWED} ({error.reason})") from None


def check(data: Any, journal: Journal) -> None:
    """Raise InvalidInput for the first problem in an export's content."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput("format", _get(data, "format"), _ALLOWED)
    if data.get("version") != VERSION:
        raise InvalidInput(
            "version", data.get("version"), f"this AI Journal reads version {VERSION}"
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise InvalidInput("tables", type(tables).__name__, "use an object of tables")
    for table, rows in tables.items():
        if table not in RECORD_TABLES:
            raise InvalidInput("tables", table, "use " + ", ".join(RECORD_TABLES))
        if not isinstance(rows, list):
            raise InvalidInput(f"tables.{table}", type(rows).__name__, "use a list of records")
        columns = set(journal.db.utils[table].columns_dict)
        for index, row in enumerate(rows):
            _check_row(f"{table}[{index}]", table, row, columns)


def _check_row(where: str, table: str, row: Any, columns: set[str]) -> None:
    if not isinstance(row, dict):
        raise InvalidInput(where, type(row).__name__, "use an object per record")
    if unknown := sorted(set(row) - columns):
        name = unknown[0]  # a crafted name (a line break, escapes) is shown quoted, on one line
        field = f"{where}.{name}" if name.isidentifier() else f"{where}[{name!r}]"
        raise InvalidInput(field, row[name], "this field is unknown")
    for name in ("id", *_STAMPS[:2]):
        if not isinstance(row.get(name), str):
            raise InvalidInput(f"{where}.{name}", row.get(name), "this field is required text")
    for name, value in row.items():  # SQLite stores scalars; records only check their fields
        if not isinstance(value, str | int | float | None) or (
            isinstance(value, int) and not -(2**63) <= value < 2**63
        ):
            raise InvalidInput(
                f"{where}.{name}",
                type(value).__name__,
                "use text, a number that fits 64 bits, or null",
            )
    try:
        if kind := _KIND_OF_TABLE.get(table):
            record = from_row(kind, {"skill": "(linked by id)", **row})
            if isinstance(record, r.AIUse | r.Touchpoint) and row.get("day") != (
                day := record.day.isoformat()
            ):
                raise InvalidInput("day", row.get("day"), f"use {day}, the day of its time")
        else:  # learning_events and nudges: no record type, check what links them
            stamps: dict[str, Any] = {k: row.get(k) for k in ("id", *_STAMPS)}
            r.Record(**stamps)
    except InvalidInput as error:
        raise InvalidInput(f"{where}.{error.field}", error.value, error.allowed) from None
    except (TypeError, ValueError, AttributeError) as error:
        raise InvalidInput(where, row.get("id"), f"a field has the wrong type ({error})") from None


def _get(data: Any, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else type(data).__name__


class _DryRun(Exception):
    """Raised inside the merge transaction to roll a dry run back."""


def merge(journal: Journal, data: dict[str, Any], *, dry_run: bool = False) -> MergeReport:
    """Merge a checked export into the journal, all or nothing (or only count, on a dry run)."""
    check(data, journal)
    report = MergeReport()
    try:
        _merge_all(journal, data, report, dry_run)
    except _DryRun:
        pass
    return report


def _merge_all(journal: Journal, data: dict[str, Any], report: MergeReport, dry_run: bool) -> None:
    with journal.transaction():
        # Rows may arrive before the rows they point to; check the links once at the end.
        journal.db.execute("PRAGMA defer_foreign_keys = ON")
        for table in RECORD_TABLES:
            for row in data["tables"].get(table, []):
                _merge_row(journal, table, dict(row), report)
        problems = journal.db.execute("PRAGMA foreign_key_check").fetchall()
        # A check-in's factor answers point to factors by id inside JSON, out of the
        # foreign keys' reach: checked the same way.
        problems += journal.db.execute(
            "SELECT 'checkins', NULL, 'factors', NULL FROM checkins, json_each(checkins.factors)"
            " AS f WHERE checkins.factors IS NOT NULL"
            " AND f.key NOT IN (SELECT id FROM factors) LIMIT 1"
        ).fetchall()
        if problems:
            table, _, parent, _ = problems[0]
            raise InvalidInput(
                "import",
                f"{table} record",
                f"it refers to a {parent} record that is in neither the file "
                "nor the journal; nothing was imported",
            )
        if dry_run:
            raise _DryRun


def _merge_row(journal: Journal, table: str, row: dict[str, Any], report: MergeReport) -> None:
    found = journal.db.execute(
        f"SELECT updated_at, deleted_at FROM {table} WHERE id = ?", [row["id"]]
    ).fetchone()
    if found and found[0] >= row["updated_at"]:
        _tally(report.unchanged, table)
        return
    if table == "checkins" and row.get("deleted_at") is None and _settle_same_day(journal, row):
        _tally(report.deleted, table)
    if table in _NAMED_TABLES and row.get("deleted_at") is None:
        _settle_same_name(journal, table, row, report)
    journal.wrote(table)
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "id")
    try:
        journal.db.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})"
            f" ON CONFLICT(id) DO UPDATE SET {updates}",
            list(row.values()),
        )
    except sqlcipher3.IntegrityError as error:  # a missing link, a second copy of an import, …
        raise InvalidInput(
            f"{table} record",
            row["id"],
            f"it breaks a rule of the journal ({error}); nothing was imported",
        ) from None
    live_here, live_there = found is not None and found[1] is None, row.get("deleted_at") is None
    if live_there:
        _tally(report.updated if live_here else report.added, table)
    else:
        _tally(report.deleted if live_here else report.unchanged, table)
    report.written.setdefault(table, []).append(row["id"])


def _tally(tally: dict[str, int], table: str) -> None:
    tally[table] = tally.get(table, 0) + 1


def _settle_same_day(journal: Journal, row: dict[str, Any]) -> bool:
    """Two machines checked in on the same day: the newer check-in stays, the other is deleted.
    Whether the journal's own check-in was the one deleted."""
    other = journal.db.execute(
        "SELECT id, updated_at FROM checkins WHERE day = ? AND deleted_at IS NULL AND id != ?",
        [row["day"], row["id"]],
    ).fetchone()
    if other is None:
        return False
    if other[1] > row["updated_at"]:
        row["deleted_at"] = other[1]
        return False
    journal.db.execute(
        "UPDATE checkins SET deleted_at = ?, updated_at = ? WHERE id = ?",
        [r.utc_stamp(), r.utc_stamp(), other[0]],
    )
    return True


_NAMED_TABLES = ("people", "skills", "goals", "factors")


def _settle_same_name(
    journal: Journal, table: str, row: dict[str, Any], report: MergeReport
) -> None:
    """Both journals named a person, skill, goal or factor alike (ignoring case) under
    different ids: the incoming one becomes "Name (2)", so names stay unique, nothing lost."""
    name = str(row.get("name", ""))

    def taken(candidate: str) -> bool:
        return (
            journal.db.execute(
                f"SELECT 1 FROM {table} WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL"
                " AND id != ?",
                [candidate, row["id"]],
            ).fetchone()
            is not None
        )

    if not taken(name):
        return
    number = 2
    while taken(f"{name} ({number})"):
        number += 1
    row["name"] = f"{name} ({number})"
    report.renamed.append(f"{name} → {row['name']}")


# ---- CSV -------------------------------------------------------------------------------------

CSV_KINDS: dict[str, type[r.Record]] = {
    "ai-use": r.AIUse,
    "checkin": r.Checkin,
    "touchpoint": r.Touchpoint,
    "assessment": r.Assessment,
    "person": r.Person,
    "skill": r.Skill,
    "skill-rating": r.SkillRating,
    "goal": r.Goal,
    "factor": r.Factor,
}
PRIVATE_TEXT = {"note"}
NAMES = {"person", "name"}


def csv_text(journal: Journal, kind: str, *, notes: bool = False, names: bool = False) -> str:
    """Live records of one kind as CSV; notes and people's names only when asked for."""
    r.check_choice("kind", kind, CSV_KINDS)
    record_type = CSV_KINDS[kind]
    columns = [
        c
        for c in record_type.field_names()
        if c != "deleted_at"
        and (notes or c not in PRIVATE_TEXT)
        and (names or record_type is not r.Person or c != "name")
        and (names or c != "person")
    ]
    # A check-in's factor answers: one column per factor ("factor: Slept well"), yes/no or 1–5.
    factors = journal.factors(archived=True) if record_type is r.Checkin else []
    if "factors" in columns:
        columns.remove("factors")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns + [spreadsheet_safe(f"factor: {f.name}") for f in factors])
    for record in journal.all(record_type):
        answers = record.factor_values if isinstance(record, r.Checkin) else {}
        writer.writerow(
            [_cell(getattr(record, c)) for c in columns]
            + [_factor_cell(f, answers.get(f.id)) for f in factors]
        )
    return out.getvalue()


def _factor_cell(factor: r.Factor, value: int | None) -> str:
    if value is None:
        return ""
    return ("yes" if value else "no") if factor.yes_no else str(value)


def _cell(value: Any) -> str:
    """A value as CSV text; text that a spreadsheet would run as a formula is neutralised."""
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_safe(value)
    if isinstance(value, tuple):
        return spreadsheet_safe("; ".join("" if v is None else str(v) for v in value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
