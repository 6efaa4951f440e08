"""The named-records part of the gateway: people, skills and goals, found by name."""

from __future__ import annotations

from datetime import date

from aijournal.model import records as r
from aijournal.model.errors import InvalidInput
from aijournal.storage.core import JournalCore


class NamedRecords(JournalCore):
    """People, skills and goals: found by name (ignoring case and spacing), listed, rated."""

    def person_named(self, name: str, *, create: bool = False) -> r.Person | None:
        return self._named(r.Person, name, create)

    def skill_named(self, name: str, *, create: bool = False) -> r.Skill | None:
        return self._named(r.Skill, name, create)

    def goal_named(self, name: str) -> r.Goal:
        """The goal with this name; InvalidInput listing the goals there are otherwise."""
        if goal := self._named(r.Goal, name, create=False):
            return goal
        names = [g.name for g in self.goals()]
        allowed = ("use one of " + ", ".join(names)) if names else "add it with `goal add` first"
        raise InvalidInput("goal", name, allowed)

    def people(self, *, archived: bool = False) -> list[r.Person]:
        return self._select(
            r.Person,
            "t.deleted_at IS NULL" + ("" if archived else " AND NOT t.archived"),
            [],
            order="t.name COLLATE NOCASE",
        )

    def skills(self) -> list[r.Skill]:
        return self._select(r.Skill, "t.deleted_at IS NULL", [], order="t.name COLLATE NOCASE")

    def goals(self, *, archived: bool = False) -> list[r.Goal]:
        return self._select(
            r.Goal,
            "t.deleted_at IS NULL" + ("" if archived else " AND NOT t.archived"),
            [],
            order="t.name COLLATE NOCASE",
        )

    def last_contacts(self) -> dict[str, date]:
        """Each person's most recent touchpoint day, by person id."""
        # Per person, the newest live touchpoint through the (person_id, day) index: a few
        # steps each, where grouping all touchpoints reads (and decrypts) the whole table.
        rows = self.db.execute(
            "SELECT p.id, (SELECT t.day FROM touchpoints AS t WHERE t.person_id = p.id"
            " AND t.deleted_at IS NULL ORDER BY t.day DESC LIMIT 1) FROM people AS p"
        ).fetchall()
        return {pid: date.fromisoformat(day) for pid, day in rows if day is not None}

    def last_assessments(self) -> dict[str, date]:
        """The day each instrument was last taken, by instrument id."""
        rows = self.db.execute(
            "SELECT instrument, max(day) FROM assessments"
            " WHERE deleted_at IS NULL GROUP BY instrument"
        ).fetchall()
        return {instrument: date.fromisoformat(day) for instrument, day in rows}

    def rate_skill(self, rating: r.SkillRating) -> r.SkillRating:
        return self.add(rating)

    def skill_ratings(self, skill: str | None = None) -> list[r.SkillRating]:
        if skill is None:
            return self._select(r.SkillRating, "t.deleted_at IS NULL", [], order="t.day")
        return self._select(
            r.SkillRating,
            "t.deleted_at IS NULL AND t.skill_id IN "
            "(SELECT id FROM skills WHERE name = ? COLLATE NOCASE)",
            [skill],
            order="t.day",
        )
