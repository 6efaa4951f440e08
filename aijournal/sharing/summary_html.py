"""A summary (`aijournal-summary/1`) as clean, printable HTML: headings, short lines, tables.

The same HTML is the export dialog's preview, the HTML export, the coach view's full summary
and, with chart images added, the PDF (laid out by Qt's rich-text engine, so the CSS stays
within what QTextDocument understands). Everything is escaped; nothing is fetched. Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from aijournal.journaling.describe import TOUCHPOINT_LABELS
from aijournal.model.presentation import escape, hours, number, percent, plural, score, signed
from aijournal.sharing.summary import SECTION_TITLES

# Chart ids a renderer may supply images for, and the section each one follows.
CHARTS = {
    "checkins": "moods",
    "ai_use": "modes",
    "time_with_people": "time_with_people",
    "replaced": "replaced",
    "instruments": "instruments",
}
STYLE = """
body { font-family: sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 17pt; margin: 0 0 2pt 0; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #444; }
p { margin: 3pt 0; }
p.cover { font-size: 11pt; }
p.note { border: 1px solid #444; padding: 4pt; font-style: italic; }
p.small { font-size: 8.5pt; color: #333; }
table { border-collapse: collapse; margin: 4pt 0 6pt 0; }
th, td { border: 1px solid #888; }
th { background-color: #e8e8e8; text-align: left; }
td.n { text-align: right; }
"""


def render(
    data: Mapping[str, Any],
    *,
    charts: Mapping[str, str] | None = None,
    chart_width: int = 640,
    chart_height: int = 200,
) -> str:
    """The whole summary as an HTML document; `charts` maps a chart id to an image source."""
    charts = charts or {}
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title(data))}</title><style>{STYLE}</style></head><body>",
    ]
    out.append(f"<h1>{escape(title(data))}</h1>")
    out.append(f'<p class="cover">{escape(cover_line(data))}</p>')
    out.append(f'<p class="note">{escape(data["note"])}</p>')
    out.append(f'<p class="small">{escape(privacy_line(data))}</p>')
    for name in data["sections"]:
        out.append(f"<h2>{escape(SECTION_TITLES[name])}</h2>")
        out += _SECTIONS[name](data[name])
        if name in CHARTS and CHARTS[name] in charts:
            out.append(
                f'<p><img src="{escape(charts[CHARTS[name]])}" width="{chart_width}" '
                f'height="{chart_height}" '
                f'alt="{escape(SECTION_TITLES[name])} per week"></p>'
            )
    if "notes" in data:
        out.append("<h2>Private notes (included by choice)</h2>")
        out += _table(
            ("Day", "Entry", "Note"),
            [(n["day"], _KINDS.get(n["kind"], n["kind"]), n["text"]) for n in data["notes"]],
            numbers=0,
        ) or ["<p>No notes in this period.</p>"]
    out.append(
        f'<p class="small">Format {escape(data["format"])} · generated '
        f"{escape(data['generated_at'])} by {escape(data['generator'])}.</p>"
    )
    out.append("</body></html>")
    return "\n".join(out)


def title(data: Mapping[str, Any]) -> str:
    client = data.get("client") or ""
    return f"AI Journal summary — {client}" if client else "AI Journal summary"


def cover_line(data: Mapping[str, Any]) -> str:
    period = data["period"]
    days = plural(period["days"], "day")
    return f"{long_day(period['start'])} to {long_day(period['end'])} ({days})"


def privacy_line(data: Mapping[str, Any]) -> str:
    privacy = data["privacy"]
    notes = (
        "Private notes are included."
        if privacy["notes_included"]
        else "Private notes are left out."
    )
    names = (
        "People and goals carry their real names."
        if privacy["names_included"]
        else 'People and goals are labelled by relationship or kind and a letter ("Mentor A"); '
        "the letters hold within this summary only."
    )
    return f"{notes} {names}"


def long_day(text: str) -> str:
    day = date.fromisoformat(text)
    return f"{day.day} {day:%B %Y}"


# ---- sections ------------------------------------------------------------------------------


def _checkins(s: Mapping[str, Any]) -> list[str]:
    if not s["days"]:
        return ["<p>No check-ins in this period.</p>"]
    first, second = s["halves"]["first"], s["halves"]["second"]
    rows = [
        (
            label,
            number(s[f"{m}_mean"], 2),
            number(first[f"{m}_mean"], 2),
            number(second[f"{m}_mean"], 2),
            signed(s["change"][m], 2),
        )
        for m, label in (
            ("burnout", "Burnout (1–5, single item)"),
            ("connection", "Connection (1–5)"),
            ("safety", "Psychological safety (1–5)"),
            ("energy", "Energy (1–5)"),
        )
    ]
    return [
        f"<p>{plural(s['days'], 'day')} with a check-in. Burnout was 3 or more (the cut-off "
        f"for burnout symptoms) on {percent(s['burnout_days_share'])} of them.</p>",
        *_table(
            (
                "Measure",
                "Mean",
                f"First half ({plural(first['days'], 'day')})",
                f"Second half ({plural(second['days'], 'day')})",
                "Change",
            ),
            rows,
        ),
    ]


def _instruments(s: Mapping[str, Any]) -> list[str]:
    taken = [spec for spec in s.values() if spec["scores"]]
    if not taken:
        return ["<p>No questionnaires taken in this period.</p>"]
    rows = []
    for spec in taken:
        scores = spec["scores"]
        values = [x["score"] for x in scores]
        last = scores[-1]
        rows.append(
            (
                spec["name"],
                str(len(scores)),
                score(scores[0]["score"]),
                f"{score(last['score'])} ({last['day']})",
                last["band_label"] or "–",
                f"{score(min(values))}–{score(max(values))}",
            )
        )
    out = _table(
        ("Questionnaire", "Taken", "First", "Latest", "Latest band", "Range"), rows, numbers=(1, 2)
    )
    for spec in taken:  # every dated score with its band, in small print
        dated = " · ".join(
            f"{x['day']} {score(x['score'])} {x['band_label'] or ''}".rstrip()
            for x in spec["scores"]
        )
        out.append(f'<p class="small"><b>{escape(spec["short_name"])}:</b> {escape(dated)}</p>')
    out.append(
        '<p class="small">WHO-5 0–100 (50 or less: low well-being); CBI work 0–100 '
        "(higher is more burnout); UCLA-3 3–9 (6 or more: lonely, research cut-off).</p>"
    )
    return out


def _ai_use(s: Mapping[str, Any]) -> list[str]:
    if not s["uses"]:
        return ["<p>No AI uses logged in this period.</p>"]
    rows = [(p["label"], p["mode"], str(p["uses"]), str(p["minutes"])) for p in s["patterns"]]
    return [
        f"<p>{plural(s['uses'], 'AI use')}, {hours(s['minutes'])}. Augmentation "
        f"{percent(s['augmentation_share'])}, automation {percent(s['automation_share'])}."
        "</p>",
        *_table(("Pattern", "Mode", "Uses", "Minutes"), rows, numbers=(2, 3)),
    ]


def _time_with_people(s: Mapping[str, Any]) -> list[str]:
    return [
        *_table(
            ("Per week", "Average"),
            [
                ("AI minutes", f"{s['ai_minutes_per_week']:g}"),
                ("Touchpoints with people", f"{s['touchpoints_per_week']:g}"),
                ("Minutes with people", f"{s['touchpoint_minutes_per_week']:g}"),
            ],
        )
    ]


def _replaced(s: Mapping[str, Any]) -> list[str]:
    return [
        f"<p>{plural(s['uses'], 'AI use')} stood in for asking or working with a person "
        f"({percent(s['share_of_ai_uses'])} of AI uses; {s['per_week']:g} a week).</p>"
    ]


def _touchpoints(s: Mapping[str, Any]) -> list[str]:
    if not s["total"]:
        return ["<p>No touchpoints logged in this period.</p>"]
    kinds = [
        (TOUCHPOINT_LABELS.get(k["kind"], k["kind"]), str(k["touchpoints"]), str(k["minutes"]))
        for k in s["by_kind"]
        if k["touchpoints"]
    ]
    people = [
        (p["label"], p["relationship"], str(p["touchpoints"]), str(p["minutes"]))
        for p in s["people"]
    ]
    if s["unnamed"]["touchpoints"]:
        people.append(
            ("Nobody named", "–", str(s["unnamed"]["touchpoints"]), str(s["unnamed"]["minutes"]))
        )
    return [
        f"<p>{plural(s['total'], 'touchpoint')}, {hours(s['minutes'])} with people.</p>",
        *_table(("Kind", "Touchpoints", "Minutes"), kinds),
        *_table(("Person", "Relationship", "Touchpoints", "Minutes"), people, numbers=(2, 3)),
    ]


def _skills(s: Mapping[str, Any]) -> list[str]:
    if not s["skills"]:
        return ["<p>No skills yet.</p>"]
    rows = [
        (
            k["name"] + (" (niche)" if k["niche"] else ""),
            "–" if k["rating"] is None else str(k["rating"]),
            signed(k["change_90d"], 0),
            hours(k["with_ai"]["minutes"]),
            hours(k["by_ai"]["minutes"]),
            hours(k["from_people"]["minutes"]),
        )
        for k in s["skills"]
    ]
    return [
        f'<p class="small">Up to {long_day(s["as_of"])}; self-ratings 1–5.</p>',
        *_table(
            ("Skill", "Rating", "90 days", "Learned with AI", "Done by AI", "From people"), rows
        ),
    ]


def _goals(s: Mapping[str, Any]) -> list[str]:
    rows = [
        (
            g["label"],
            g["kind"],
            hours(g["ai_minutes"]),
            hours(g["ai_minutes_4w"]),
            str(g["touchpoints"]),
        )
        for g in s["goals"]
    ]
    return [
        f"<p>{percent(s['share'])} of the period's AI minutes served a goal "
        f"({percent(s['share_4w'])} in the last 4 weeks, {percent(s['share_all_time'])} "
        "all time).</p>",
        *(
            _table(
                ("Goal", "Kind", "AI time", "Last 4 weeks", "Touchpoints"), rows, numbers=(2, 3, 4)
            )
            or ["<p>No goals.</p>"]
        ),
    ]


def _nudges(s: Mapping[str, Any]) -> list[str]:
    if not s["fired"]:
        return ["<p>No nudges in this period.</p>"]
    rows = [
        (
            n["title"],
            str(n["fired"]),
            str(n["acted"]),
            str(n["dismissed"]),
            f"{n['helped']} of {n['helped'] + n['not_helped']}",
        )
        for n in s["rules"]
    ]
    return [
        f"<p>{plural(s['fired'], 'nudge')}; acted on {s['acted']}, dismissed {s['dismissed']}.</p>",
        *_table(("Nudge", "Fired", "Acted on", "Dismissed", "Said it helped"), rows),
    ]


def _insights(s: Mapping[str, Any]) -> list[str]:
    out = [f"<p>{escape(s['summary'])}</p>"] if s.get("summary") else []
    if s["findings"]:
        items = "".join(
            f"<li>{escape(f['text'])}"
            + (f'<br><span class="small">{escape(f["details"])}</span>' if f.get("details") else "")
            + "</li>"
            for f in s["findings"]
        )
        out.append(f"<ul>{items}</ul>")
    elif s.get("window") or "window" not in s:
        out.append(
            "<p>No finding held up (each needs at least 14 paired days and a pattern that "
            "holds when every question is tested together). That is not proof of no "
            "pattern.</p>"
        )
    if s.get("error_rate"):
        out.append(f'<p class="small">{escape(s["error_rate"])}</p>')
    out.append(f'<p class="small">{escape(s["caveat"])}</p>')
    return out


_SECTIONS: dict[str, Callable[[Mapping[str, Any]], list[str]]] = {
    "checkins": _checkins,
    "instruments": _instruments,
    "ai_use": _ai_use,
    "time_with_people": _time_with_people,
    "replaced": _replaced,
    "touchpoints": _touchpoints,
    "skills": _skills,
    "goals": _goals,
    "nudges": _nudges,
    "insights": _insights,
}
_KINDS = {"checkin": "Check-in", "ai-use": "AI use", "touchpoint": "Touchpoint"}


# ---- pieces ----------------------------------------------------------------------------------


def _table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    numbers: Iterable[int] | int | None = None,
) -> list[str]:
    """A table; columns in `numbers` (default: all but the first) are right-aligned."""
    rows = list(rows)
    if not rows:
        return []
    if numbers is None:
        numbers = range(1, len(headers))
    elif isinstance(numbers, int):
        numbers = ()
    right = set(numbers)
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n" align="right">{escape(c)}</td>'
            if i in right
            else f"<td>{escape(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    # Cell padding as an attribute: Qt scales it to the page (CSS padding it takes as device
    # dots, a hair on a 300 dpi PDF, where "84 | 92" read "8492").
    return [f'<table cellspacing="0" cellpadding="4" border="1"><tr>{head}</tr>{body}</table>']
