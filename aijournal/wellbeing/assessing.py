"""Taking a validated instrument, and which ones are due."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from aijournal.journaling.settings import Settings
from aijournal.model.records import Assessment
from aijournal.storage import Journal
from aijournal.wellbeing import instruments


def take(
    journal: Journal, instrument_id: str, answers: Sequence[int | None], day: date | None = None
) -> tuple[Assessment, instruments.Score]:
    """Score the answers and store them as an assessment (on `day`, default today)."""
    result = instruments.score(instrument_id, answers)
    assessment = Assessment(
        instrument=instrument_id,
        day=day or journal.clock().date(),
        answers=tuple(answers),
        score=result.score,
        band=result.band,
    )
    return journal.add(assessment), result


@dataclass(frozen=True)
class Due:
    instrument: instruments.Instrument
    last: date | None  # when it was last taken; None = never

    def line(self) -> str:
        since = "never taken" if self.last is None else f"last taken {self.last.isoformat()}"
        return f"{self.instrument.name} is due ({since})."


SETTLING_CHECKINS = 7  # a new journal asks for no questionnaire before a week of check-ins


def due(journal: Journal, today: date | None = None) -> list[Due]:
    """Instruments whose cadence has passed since they were last taken.

    One never taken is due only once the journal has a week of check-ins: a new user meets the
    daily check-in first, not fifteen questions (they may start any questionnaire earlier).
    """
    today = today or journal.clock().date()
    settings = Settings(journal)
    last = journal.last_assessments()
    settled = journal.checkin_count(up_to=SETTLING_CHECKINS) >= SETTLING_CHECKINS
    found = []
    for instrument in instruments.instruments():
        cadence = settings.cadence_days(instrument.id)
        if cadence is None:
            continue
        taken = last.get(instrument.id)
        if settled if taken is None else today - taken >= timedelta(days=cadence):
            found.append(Due(instrument, taken))
    return found
