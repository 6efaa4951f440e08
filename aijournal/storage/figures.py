"""The figures part of the gateway: counts, sums and means aggregated in SQL."""

from __future__ import annotations

from datetime import date
from typing import Any

from aijournal.storage.core import JournalCore
from aijournal.storage.rows import EPOCH_DAY, LIVE_BETWEEN, PERIODS, between


class Figures(JournalCore):
    """Figures for trends, insights, nudges and summaries, aggregated in SQL."""

    # Counts, sums and means come from SQL grouped by day, week or month; `analysis.trends`
    # and `analysis.insights` shape them with numpy. Periods are "epoch days" (days since
    # 1970-01-01; a week is its Monday, a month its first day) so numpy gets plain integers.

    def ai_use_totals(
        self, start: date | None, end: date | None, period: str = "week"
    ) -> list[tuple[int, str, int, int, int, int]]:
        """Per period and pattern: uses, minutes, minutes linked to a goal, replaced-person uses."""
        sql = f"""SELECT {PERIODS[period]} AS p, pattern, count(*), sum(minutes),
                         sum(CASE WHEN goal_id IS NOT NULL THEN minutes ELSE 0 END),
                         sum(replaced_person)
                  FROM (SELECT {EPOCH_DAY} AS d, day, pattern, minutes, goal_id,
                               replaced_person FROM ai_uses WHERE {LIVE_BETWEEN})
                  GROUP BY p, pattern ORDER BY p"""
        return self.db.execute(sql, between(start, end)).fetchall()

    def touchpoint_totals(
        self, start: date | None, end: date | None, period: str = "week", kind: str | None = None
    ) -> list[tuple[int, int, int]]:
        """Per period: touchpoints and their minutes (of one kind, if given)."""
        only = " AND kind = ?" if kind else ""
        sql = f"""SELECT {PERIODS[period]} AS p, count(*), coalesce(sum(minutes), 0)
                  FROM (SELECT {EPOCH_DAY} AS d, day, minutes FROM touchpoints
                        WHERE {LIVE_BETWEEN}{only})
                  GROUP BY p ORDER BY p"""
        return self.db.execute(sql, between(start, end) + ([kind] if kind else [])).fetchall()

    def checkin_totals(
        self, start: date | None, end: date | None, period: str = "week"
    ) -> list[tuple[int, int, float, float]]:
        """Per period: check-ins, and their mean burnout and connection."""
        sql = f"""SELECT {PERIODS[period]} AS p, count(*), avg(burnout), avg(connection)
                  FROM (SELECT {EPOCH_DAY} AS d, burnout, connection FROM checkins
                        WHERE {LIVE_BETWEEN})
                  GROUP BY p ORDER BY p"""
        return self.db.execute(sql, between(start, end)).fetchall()

    def checkin_values(
        self, start: date | None, end: date | None
    ) -> list[tuple[int, int, int, int | None, int | None]]:
        """Each check-in's epoch day, burnout, connection, energy and safety, oldest first."""
        sql = f"""SELECT {EPOCH_DAY}, burnout, connection, energy, safety FROM checkins
                  WHERE {LIVE_BETWEEN} ORDER BY day"""
        return self.db.execute(sql, between(start, end)).fetchall()

    def calendar_days(
        self, start: date, end: date
    ) -> list[tuple[str, int | None, int | None, int]]:
        """Each day from `start` to `end` with an entry: (day, burnout, connection, entries).

        Burnout and connection are None on a day without a check-in; entries counts what the
        Journal lists for the day (AI uses, the check-in, touchpoints, assessments). One query,
        through the day indexes of each table.
        """
        sql = f"""SELECT day, max(burnout), max(connection), count(*) FROM (
                    SELECT day, burnout, connection FROM checkins WHERE {LIVE_BETWEEN}
                    UNION ALL SELECT day, NULL, NULL FROM ai_uses WHERE {LIVE_BETWEEN}
                    UNION ALL SELECT day, NULL, NULL FROM touchpoints WHERE {LIVE_BETWEEN}
                    UNION ALL SELECT day, NULL, NULL FROM assessments WHERE {LIVE_BETWEEN})
                  GROUP BY day ORDER BY day"""
        return self.db.execute(sql, between(start, end) * 4).fetchall()

    def checkin_runs(self, up_to: date) -> tuple[tuple[str, str, int], ...]:
        """Runs of consecutive check-in days up to `up_to`: the longest (the latest of equals)
        and the latest, each as (first day, last day, days); none in an empty journal."""
        sql = """WITH runs AS (
                    SELECT min(day) AS first, max(day) AS last, count(*) AS days FROM (
                      SELECT day, julianday(day) - row_number() OVER (ORDER BY day) AS run
                      FROM checkins WHERE deleted_at IS NULL AND day <= ?)
                    GROUP BY run)
                  SELECT * FROM (SELECT * FROM runs ORDER BY days DESC, last DESC LIMIT 1)
                  UNION ALL SELECT * FROM (SELECT * FROM runs ORDER BY last DESC LIMIT 1)"""
        return tuple(self.db.execute(sql, [up_to.isoformat()]).fetchall())

    def assessment_scores(
        self, start: date | None, end: date | None
    ) -> list[tuple[str, int, float]]:
        """Per instrument and day (epoch day): the mean score, oldest first."""
        sql = f"""SELECT instrument, {EPOCH_DAY} AS d, avg(score) FROM assessments
                  WHERE {LIVE_BETWEEN} AND score IS NOT NULL
                  GROUP BY instrument, d ORDER BY instrument, d"""
        return self.db.execute(sql, between(start, end)).fetchall()

    def learning_totals(self, start: date | None, end: date | None) -> list[tuple[int, int, int]]:
        """Per month (epoch day of its first): skills learned with AI and from people."""
        sql = f"""SELECT {PERIODS["month"]} AS p, sum(src = 'ai'), sum(src = 'people')
                  FROM (SELECT 'ai' AS src, u.day FROM learning_events e
                          JOIN ai_uses u ON u.id = e.ai_use_id
                          WHERE e.deleted_at IS NULL AND u.deleted_at IS NULL
                          AND u.day BETWEEN ? AND ?
                        UNION ALL
                        SELECT 'people', t.day FROM learning_events e
                          JOIN touchpoints t ON t.id = e.touchpoint_id
                          WHERE e.deleted_at IS NULL AND t.deleted_at IS NULL
                          AND t.day BETWEEN ? AND ?)
                  GROUP BY p ORDER BY p"""
        return self.db.execute(sql, between(start, end) * 2).fetchall()

    def first_entry_day(self) -> date | None:
        """The first day with an AI use, a check-in or a touchpoint."""
        row = self.db.execute(
            "SELECT min(d) FROM (SELECT min(day) AS d FROM ai_uses WHERE deleted_at IS NULL"
            " UNION ALL SELECT min(day) FROM checkins WHERE deleted_at IS NULL"
            " UNION ALL SELECT min(day) FROM touchpoints WHERE deleted_at IS NULL)"
        ).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def touchpoint_days(self, start: date, end: date) -> set[date]:
        """The days from `start` to `end` with at least one touchpoint."""
        rows = self.db.execute(
            "SELECT DISTINCT day FROM touchpoints WHERE deleted_at IS NULL AND day BETWEEN ? AND ?",
            between(start, end),
        ).fetchall()
        return {date.fromisoformat(row[0]) for row in rows}

    def last_touchpoint_day(self, kind: str) -> date | None:
        row = self.db.execute(
            "SELECT max(day) FROM touchpoints WHERE deleted_at IS NULL AND kind = ?", [kind]
        ).fetchone()
        return date.fromisoformat(row[0]) if row[0] else None

    def latest_scores(self, since: date) -> dict[str, tuple[date, float]]:
        """Each instrument's newest scored assessment from `since` on: (day, score)."""
        rows = self.db.execute(
            "SELECT instrument, day, score FROM assessments a WHERE deleted_at IS NULL"
            " AND score IS NOT NULL AND day >= ? AND rowid = (SELECT b.rowid FROM assessments b"
            " WHERE b.instrument = a.instrument AND b.deleted_at IS NULL"
            " AND b.score IS NOT NULL ORDER BY b.day DESC, b.rowid DESC LIMIT 1)",
            [since.isoformat()],
        ).fetchall()
        return {inst: (date.fromisoformat(day), score) for inst, day, score in rows}

    # Figures for aijournal.sharing.summary that no other query gives; the weekly series come from
    # `weekly_figures` and `ai_use_totals`, notes and scores from `entries`.

    def checkin_halves(self, start: date, middle: date, end: date) -> list[dict[str, Any]]:
        """Check-in means for the whole period and for its halves (`middle` starts the second).

        One row per part ("all", "first", "second"): days, burnout, connection, safety and
        energy means (None without values), and days with burnout ≥ 3.
        """
        parts = "CASE WHEN day < :middle THEN 'first' ELSE 'second' END"
        figures = (
            "count(*) AS days, avg(burnout) AS burnout, avg(connection) AS connection,"
            " avg(safety) AS safety, avg(energy) AS energy,"
            " coalesce(sum(burnout >= 3), 0) AS burnout_days"
        )
        sql = f"""WITH c AS (SELECT * FROM checkins WHERE deleted_at IS NULL
                             AND day BETWEEN :start AND :end)
                  SELECT 'all' AS part, {figures} FROM c
                  UNION ALL
                  SELECT {parts} AS part, {figures} FROM c GROUP BY 1"""
        return self._rows(
            sql, {"start": start.isoformat(), "middle": middle.isoformat(), "end": end.isoformat()}
        )

    def touchpoints_by_kind(self, start: date, end: date) -> dict[str, tuple[int, int]]:
        """Per touchpoint kind from `start` to `end`: (touchpoints, minutes)."""
        rows = self.db.execute(
            f"SELECT kind, count(*), coalesce(sum(minutes), 0) FROM touchpoints"
            f" WHERE {LIVE_BETWEEN} GROUP BY kind ORDER BY kind",
            between(start, end),
        ).fetchall()
        return {kind: (count, minutes) for kind, count, minutes in rows}

    def touchpoints_by_person(self, start: date, end: date) -> list[dict[str, Any]]:
        """Per person met from `start` to `end`: id, name, relationship, touchpoints, minutes.

        Most touchpoints first (ties by id, so the order never depends on names); the
        touchpoints with nobody named are one row with id None.
        """
        return self._rows(
            """SELECT t.person_id AS id, p.name, p.relationship, count(*) AS touchpoints,
                      coalesce(sum(t.minutes), 0) AS minutes
               FROM touchpoints AS t LEFT JOIN people AS p ON p.id = t.person_id
               WHERE t.deleted_at IS NULL AND t.day BETWEEN :start AND :end
               GROUP BY t.person_id ORDER BY t.person_id IS NULL, count(*) DESC, t.person_id""",
            {"start": start.isoformat(), "end": end.isoformat()},
        )

    def nudge_counts(self, start: date, end: date) -> list[dict[str, Any]]:
        """Per rule, of the nudges dated `start` to `end`: fired, and what became of them."""
        return self._rows(
            """SELECT rule_id, count(*) AS fired, coalesce(sum(status = 'acted'), 0) AS acted,
                      coalesce(sum(status = 'dismissed'), 0) AS dismissed,
                      coalesce(sum(helped = 1), 0) AS helped,
                      coalesce(sum(helped = 0), 0) AS not_helped
               FROM nudges WHERE deleted_at IS NULL AND day BETWEEN :start AND :end
               GROUP BY rule_id ORDER BY rule_id""",
            {"start": start.isoformat(), "end": end.isoformat()},
        )
