"""A one-page skills portfolio, in Markdown or HTML, to keep or to share with a client or coach.

Niche skills first, then ratings and growth, hours by source, goals and alignment. Private notes
(a rating's "what changed") and people's names stay out unless the user asks for them: by
default learning from people shows as counts and hours only. Qt-free; the PDF is made from the
HTML by aijournal.ui.printing.portfolio_pdf.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from aijournal.growth import skills as growth
from aijournal.model.patterns import PATTERNS, Mode
from aijournal.model.presentation import escape, hours, percent

if TYPE_CHECKING:
    from aijournal.storage import Journal

TITLE = "Skills portfolio"
MAX_SKILLS = 18  # keeps it to one page: niche skills first, the rest counted, not listed
MAX_GOALS = 6
MAX_NOTES = 8


# ---- what the page says, independent of the format ---------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    text_columns: int = 1  # the leading columns that hold words; the rest are figures


@dataclass(frozen=True)
class Items:
    """A bulleted list of (label, text); the label is set in bold."""

    items: tuple[tuple[str, str], ...]


Block = Heading | Paragraph | Table | Items


def blocks(
    journal: Journal, today: date, include_notes: bool = False, include_names: bool = False
) -> list[Block]:
    """The portfolio's content for `today`, notes and names only when asked for."""
    skills = growth.skill_overview(journal, today)
    niche = [s for s in skills if s.niche][:MAX_SKILLS]
    others = [s for s in skills if not s.niche][: MAX_SKILLS - len(niche)]
    hidden = len(skills) - len(niche) - len(others)
    aligned = growth.alignment(journal, today)
    goals = [g for g in growth.goal_overview(journal, today) if not g.goal.archived]

    out: list[Block] = [
        Heading(TITLE, 1),
        Paragraph(f"As of {_long_day(today)}. Self-ratings from 1 to 5; hours from the journal."),
    ]
    out.append(Paragraph(_summary(skills, aligned)))
    if not skills:
        out.append(Paragraph("No skills yet."))
    if niche:
        out += [Heading("Niche skills"), _skill_table(niche)]
    if others:
        out += [Heading("Other skills" if niche else "Skills"), _skill_table(others)]
    if hidden:
        out.append(Paragraph(f"And {hidden} more skills with less recent growth."))
    if delegated := [s.name for s in skills if s.only_delegated]:
        out.append(
            Paragraph(
                "Only done by AI so far (to learn, or to pair on): " + ", ".join(delegated) + "."
            )
        )
    if include_notes and (notes := _rating_notes(journal, skills)):
        out += [Heading("What changed"), Items(tuple(notes))]
    if include_names and (helpers := _helpers(journal, skills)):
        out += [Heading("People who helped"), Items(tuple(helpers))]
    out.append(Heading("Goals and alignment"))
    if goals:
        out.append(
            Table(
                ("Goal", "Kind", "AI hours", "Last 4 weeks", "Touchpoints"),
                tuple(
                    (
                        g.goal.name,
                        g.goal.kind,
                        hours(g.ai_minutes),
                        hours(g.recent_ai_minutes),
                        str(g.touchpoints),
                    )
                    for g in goals[:MAX_GOALS]
                ),
                text_columns=2,
            )
        )
    else:
        out.append(Paragraph("No goals yet."))
    out.append(Paragraph(_alignment_line(aligned)))
    out.append(Paragraph(_legend(include_notes, include_names), small=True))
    return out


def _summary(skills: list[growth.SkillGrowth], aligned: growth.Alignment) -> str:
    niche = sum(s.niche for s in skills)
    totals = {source: sum(s.practice(source).minutes for s in skills) for source in growth.Source}
    return (
        f"{len(skills)} skills, {niche} in the niche. "
        + ", ".join(f"{hours(totals[s])} {s.label}" for s in growth.Source)
        + "."
    )


def _skill_table(skills: list[growth.SkillGrowth]) -> Table:
    rows = tuple(
        (
            s.name,
            f"{s.rating}/5" if s.rating else "–",
            _change(s.change_90d),
            _practice(s.with_ai),
            _practice(s.by_ai),
            _practice(s.from_people),
            s.last_practised.isoformat() if s.last_practised else "–",
        )
        for s in skills
    )
    return Table(
        ("Skill", "Rating", "90 days", "With AI", "By AI", "From people", "Last practised"), rows
    )


def _rating_notes(journal: Journal, skills: list[growth.SkillGrowth]) -> list[tuple[str, str]]:
    """The newest "what changed" note of each skill, in the skills' order."""
    newest: dict[str, tuple[date, str]] = {}
    for rating in journal.skill_ratings():
        if rating.note.strip():
            newest[rating.skill.casefold()] = (rating.day, rating.note.strip())
    found = [(s.name, newest[s.name.casefold()]) for s in skills if s.name.casefold() in newest]
    return [(name, f"{day.isoformat()}: {note}") for name, (day, note) in found[:MAX_NOTES]]


def _helpers(journal: Journal, skills: list[growth.SkillGrowth]) -> list[tuple[str, str]]:
    found = []
    for skill in skills:
        if not skill.from_people.count:
            continue
        names = dict.fromkeys(
            x["person"] for x in journal.skill_helpers(skill.skill.id) if x["person"]
        )
        if names:
            found.append((skill.name, ", ".join(names)))
    return found[:MAX_NOTES]


def _alignment_line(aligned: growth.Alignment) -> str:
    if aligned.share is None:
        return "No AI time logged yet, so no alignment."
    recent = (
        "no AI time in the last 4 weeks"
        if aligned.recent_share is None
        else f"{percent(aligned.recent_share)} in the last 4 weeks"
    )
    return (
        f"Alignment: {percent(aligned.share)} of AI time "
        f"({hours(aligned.linked)} of {hours(aligned.minutes)}) served a goal; {recent}."
    )


def _legend(include_notes: bool, include_names: bool) -> str:
    def labels(mode: Mode) -> str:
        return ", ".join(p.label.lower() for p in PATTERNS if p.mode is mode)

    left_out = [
        what
        for what, shown in (("private notes", include_notes), ("people's names", include_names))
        if not shown
    ]
    return (
        f"With AI: {labels(Mode.AUGMENTATION)} sessions. "
        f"By AI: {labels(Mode.AUTOMATION)} sessions. "
        "From people: touchpoints that named the skill. Hours (sessions). "
        "90 days: rating change over the last 90 days."
        + (f" Left out: {' and '.join(left_out)}." if left_out else "")
    )


def _practice(practice: growth.Practice) -> str:
    return f"{hours(practice.minutes)} ({practice.count})" if practice.count else "–"


def _change(change: int | None) -> str:
    if change is None:
        return "–"
    return f"+{change}" if change > 0 else ("±0" if change == 0 else f"−{-change}")


def _long_day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


# ---- Markdown ------------------------------------------------------------------------------


def markdown(
    journal: Journal, today: date, include_notes: bool = False, include_names: bool = False
) -> str:
    """The portfolio as Markdown; notes and names left out unless asked for."""
    return render_markdown(blocks(journal, today, include_notes, include_names))


def render_markdown(content: list[Block]) -> str:
    lines: list[str] = []
    for block in content:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + _md(block.text), ""]
        elif isinstance(block, Paragraph):
            lines += [f"*{_md(block.text)}*" if block.small else _md(block.text), ""]
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(map(_md, block.headers)) + " |")
            lines.append(
                "|"
                + "|".join(
                    "---" if i < block.text_columns else "--:" for i in range(len(block.headers))
                )
                + "|"
            )
            lines += ["| " + " | ".join(map(_md, row)) + " |" for row in block.rows]
            lines.append("")
        else:
            lines += [f"- **{_md(label)}:** {_md(text)}" for label, text in block.items]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def _md(text: str) -> str:
    """Text as it should read, with Markdown's special characters escaped."""
    return text.translate(_MD_SPECIAL)


# ---- HTML ------------------------------------------------------------------------------------

# Black text, grey rules and a light header fill: reads the same printed in black and white.
# Qt's rich text understands this subset of CSS (margins in px only); no remote fonts.
_CSS = """
body { font-family: sans-serif; font-size: 10pt; color: #000; }
h1 { font-size: 18pt; margin-top: 0; margin-bottom: 6px; }
h2 { font-size: 12.5pt; margin-top: 18px; margin-bottom: 6px; }
p { margin-top: 4px; margin-bottom: 4px; }
p.small { font-size: 8pt; color: #333; margin-top: 16px; }
table { border-collapse: collapse; border-color: #666; margin-bottom: 4px; }
th { background-color: #e8e8e8; font-weight: bold; text-align: left; }
td.num, th.num { text-align: right; }
"""


def html(
    journal: Journal, today: date, include_notes: bool = False, include_names: bool = False
) -> str:
    """The portfolio as a standalone HTML page (for the PDF); same content as `markdown`."""
    return render_html(blocks(journal, today, include_notes, include_names))


def render_html(content: list[Block]) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{TITLE}</title><style>{_CSS}</style></head><body>",
    ]
    for block in content:
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            css = ' class="small"' if block.small else ""
            parts.append(f"<p{css}>{escape(block.text)}</p>")
        elif isinstance(block, Table):
            parts.append('<table width="100%" border="1" cellspacing="0" cellpadding="3">')
            num = [
                ' class="num"' if i >= block.text_columns else "" for i in range(len(block.headers))
            ]
            parts.append(
                "<tr>"
                + "".join(f"<th{css}>{escape(h)}</th>" for css, h in zip(num, block.headers))
                + "</tr>"
            )
            parts += [
                "<tr>" + "".join(f"<td{css}>{escape(c)}</td>" for css, c in zip(num, row)) + "</tr>"
                for row in block.rows
            ]
            parts.append("</table>")
        else:
            parts.append(
                "<ul>"
                + "".join(
                    f"<li><b>{escape(label)}:</b> {escape(text)}</li>"
                    for label, text in block.items
                )
                + "</ul>"
            )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
