"""The growth part of the gateway: practice of skills and time on goals, from SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from aijournal.model import records as r
from aijournal.storage.core import JournalCore


class GrowthFigures(JournalCore):
    """Skills practised with AI, by AI and from people; AI time per goal."""

    # Figures for aijournal.growth.skills: which pattern counts as learning and which dates bound a
    # window are decided there; here they only become SQL.

    def skill_figures(
        self, today: date, since: date, learning: Sequence[str]
    ) -> list[dict[str, Any]]:
        """Per live skill: niche, latest rating, the rating `since` began, practice by source.

        Sources: "with-ai" (AI uses whose pattern is in `learning`), "by-ai" (other AI uses),
        "from-people" (touchpoints). The baseline is the last rating on or before `since`, or
        else the first one after it.
        """
        rating = (
            "SELECT rating FROM skill_ratings AS r WHERE r.skill_id = s.id"
            " AND r.deleted_at IS NULL AND r.day {} ORDER BY r.day {}, r.created_at {},"
            " r.rowid {} LIMIT 1"
        )
        latest = rating.format("<= :today", *["DESC"] * 3)
        latest_day = latest.replace("SELECT rating", "SELECT day", 1)
        before = rating.format("<= :since", *["DESC"] * 3)
        first_after = rating.format("> :since AND r.day <= :today", *["ASC"] * 3)
        sums = ",\n".join(
            f"coalesce(sum(ev.source = '{source}'), 0) AS {column}_count, "
            f"coalesce(sum(CASE WHEN ev.source = '{source}' THEN ev.minutes END), 0)"
            f" AS {column}_minutes"
            for source, column in self._GROWTH_SOURCES
        )
        sql = f"""
        WITH ev AS ({self._learning_events_sql(learning)})
        SELECT s.id, s.name, s.niche, ({latest}) AS rating, ({latest_day}) AS rated_on,
               coalesce(({before}), ({first_after})) AS baseline,
               {sums}, max(ev.day) AS last_practised
        FROM skills AS s LEFT JOIN ev ON ev.skill_id = s.id AND ev.day <= :today
        WHERE s.deleted_at IS NULL
        GROUP BY s.id ORDER BY s.name COLLATE NOCASE"""
        return self._rows(sql, {"today": today.isoformat(), "since": since.isoformat()})

    def skill_ai_sessions(self, skill_id: str) -> list[dict[str, Any]]:
        """The AI uses that named this skill, oldest first: id, day, pattern, minutes, tool."""
        return self._rows(
            "SELECT a.id, a.day, a.pattern, a.minutes, a.tool FROM learning_events AS e"
            " JOIN ai_uses AS a ON a.id = e.ai_use_id WHERE e.skill_id = :skill"
            " AND e.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY a.started_at",
            {"skill": skill_id},
        )

    def skill_helpers(self, skill_id: str) -> list[dict[str, Any]]:
        """The touchpoints that named this skill, oldest first: id, day, kind, minutes, person."""
        return self._rows(
            "SELECT t.id, t.day, t.kind, t.minutes, p.name AS person FROM learning_events AS e"
            " JOIN touchpoints AS t ON t.id = e.touchpoint_id"
            " LEFT JOIN people AS p ON p.id = t.person_id WHERE e.skill_id = :skill"
            " AND e.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.at",
            {"skill": skill_id},
        )

    def skill_months(self, skill_id: str, learning: Sequence[str]) -> list[dict[str, Any]]:
        """Minutes of practice of one skill per month (YYYY-MM) and source, oldest first."""
        sums = ", ".join(
            f"coalesce(sum(CASE WHEN source = '{source}' THEN minutes END), 0) AS {column}"
            for source, column in self._GROWTH_SOURCES
        )
        return self._rows(
            f"WITH ev AS ({self._learning_events_sql(learning)})"
            f" SELECT substr(day, 1, 7) AS month, {sums} FROM ev WHERE skill_id = :skill"
            " GROUP BY month ORDER BY month",
            {"skill": skill_id},
        )

    def goal_figures(self, today: date, since: date) -> dict[str, dict[str, Any]]:
        """Per live goal id: AI minutes and uses (all time and from `since`), touchpoints."""
        rows = self._rows(
            """WITH ai AS (SELECT goal_id, sum(minutes) AS minutes, count(*) AS uses,
                                  sum(CASE WHEN day >= :since THEN minutes ELSE 0 END) AS recent
                           FROM ai_uses WHERE deleted_at IS NULL AND day <= :today
                           GROUP BY goal_id),
                    tp AS (SELECT goal_id, count(*) AS touchpoints FROM touchpoints
                           WHERE deleted_at IS NULL AND day <= :today GROUP BY goal_id)
            SELECT g.id, coalesce(ai.minutes, 0) AS ai_minutes, coalesce(ai.uses, 0) AS ai_uses,
                   coalesce(ai.recent, 0) AS recent_ai_minutes,
                   coalesce(tp.touchpoints, 0) AS touchpoints
            FROM goals AS g LEFT JOIN ai ON ai.goal_id = g.id LEFT JOIN tp ON tp.goal_id = g.id
            WHERE g.deleted_at IS NULL""",
            {"today": today.isoformat(), "since": since.isoformat()},
        )
        return {row.pop("id"): row for row in rows}

    def goal_alignment(self, today: date, since: date) -> dict[str, int]:
        """AI minutes in all and linked to a live goal, all time and from `since` to `today`."""
        [row] = self._rows(
            """SELECT coalesce(sum(a.minutes), 0) AS minutes,
                      coalesce(sum(CASE WHEN g.id IS NOT NULL THEN a.minutes END), 0) AS linked,
                      coalesce(sum(CASE WHEN a.day >= :since THEN a.minutes END), 0)
                          AS recent_minutes,
                      coalesce(sum(CASE WHEN a.day >= :since AND g.id IS NOT NULL
                                        THEN a.minutes END), 0) AS recent_linked
               FROM ai_uses AS a LEFT JOIN goals AS g ON g.id = a.goal_id
                    AND g.deleted_at IS NULL
               WHERE a.deleted_at IS NULL AND a.day <= :today""",
            {"today": today.isoformat(), "since": since.isoformat()},
        )
        return row

    def goal_months(self, goal_id: str) -> list[dict[str, Any]]:
        """One goal's AI minutes, AI uses and touchpoints per month (YYYY-MM), oldest first."""
        return self._rows(
            """WITH ev AS (SELECT day, minutes, 1 AS ai FROM ai_uses
                           WHERE goal_id = :goal AND deleted_at IS NULL
                           UNION ALL
                           SELECT day, 0, 0 FROM touchpoints
                           WHERE goal_id = :goal AND deleted_at IS NULL)
            SELECT substr(day, 1, 7) AS month, sum(minutes) AS ai_minutes, sum(ai) AS ai_uses,
                   sum(1 - ai) AS touchpoints
            FROM ev GROUP BY month ORDER BY month""",
            {"goal": goal_id},
        )

    def goal_patterns(self, goal_id: str) -> dict[str, int]:
        """One goal's AI minutes by pattern."""
        rows = self.db.execute(
            "SELECT pattern, sum(minutes) FROM ai_uses WHERE goal_id = ?"
            " AND deleted_at IS NULL GROUP BY pattern",
            [goal_id],
        ).fetchall()
        return dict(rows)

    # Where a learning event came from, as aijournal.growth.skills names it, and its column prefix.
    _GROWTH_SOURCES = (("with-ai", "with_ai"), ("by-ai", "by_ai"), ("from-people", "from_people"))

    @staticmethod
    def _learning_events_sql(learning: Sequence[str]) -> str:
        """Live learning events as (skill_id, source, minutes, day); `learning`: pattern ids."""
        for pattern in learning:
            r.check_choice("pattern", pattern, r.PATTERN_IDS)
        listed = ",".join(f"'{p}'" for p in learning)  # checked ids above: safe to inline
        return f"""SELECT e.skill_id, CASE WHEN a.pattern IN ({listed or "NULL"})
                                       THEN 'with-ai' ELSE 'by-ai' END AS source,
                          a.minutes AS minutes, a.day AS day
                   FROM learning_events AS e JOIN ai_uses AS a ON a.id = e.ai_use_id
                   WHERE e.deleted_at IS NULL AND a.deleted_at IS NULL
                   UNION ALL
                   SELECT e.skill_id, 'from-people', coalesce(t.minutes, 0), t.day
                   FROM learning_events AS e JOIN touchpoints AS t ON t.id = e.touchpoint_id
                   WHERE e.deleted_at IS NULL AND t.deleted_at IS NULL"""
