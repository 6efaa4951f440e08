"""The connection circle: when the user last talked to each person, and who is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aijournal.model.records import Person
from aijournal.storage import Journal


@dataclass(frozen=True)
class Contact:
    person: Person
    last_contact: date | None
    today: date

    @property
    def days_since(self) -> int | None:
        return None if self.last_contact is None else (self.today - self.last_contact).days

    @property
    def overdue_days(self) -> int:
        """Days past the person's cadence (0 when not overdue or no cadence is set)."""
        cadence = self.person.cadence_days
        if cadence is None:
            return 0
        if self.last_contact is None:
            return cadence  # never met since added: due for a first contact
        return max(0, (self.days_since or 0) - cadence)

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


def contacts(
    journal: Journal, today: date | None = None, *, archived: bool = False
) -> list[Contact]:
    """Everyone in the circle, most overdue first, then by name."""
    today = today or journal.clock().date()
    last = journal.last_contacts()
    found = [Contact(p, last.get(p.id), today) for p in journal.people(archived=archived)]
    return sorted(found, key=lambda c: (-c.overdue_days, c.person.name.casefold()))
