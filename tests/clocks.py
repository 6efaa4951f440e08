"""A clock tests can set and move, injected wherever the app asks for the time."""

from __future__ import annotations

from datetime import datetime, timedelta


class FakeClock:
    def __init__(self, moment: datetime | None = None):
        self.moment = moment or datetime(2026, 11, 27, 10, 0).astimezone()  # a Friday

    def __call__(self) -> datetime:
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = moment if moment.tzinfo else moment.astimezone()

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)
