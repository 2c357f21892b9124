"""The clock is injected, so tests control time instead of sleeping (docs/ARCHITECTURE.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """Time moves only when told to: tests step it, the demo jumps it with /time."""

    def __init__(self, now: datetime) -> None:
        self.current = _utc(now)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        """Move forward by `timedelta(**delta)`, e.g. advance(hours=2)."""
        self.current += timedelta(**delta)

    def set(self, instant: datetime) -> None:
        """Jump to `instant` (timezone-aware; kept in UTC like every instant)."""
        self.current = _utc(instant)


def _utc(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("the clock needs a timezone-aware instant")
    return instant.astimezone(UTC)
