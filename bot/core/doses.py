"""The medicines taken on a night: which, when, and the amount if the user typed one.

A check-in stores them as a JSON list in the order given (models.Checkin.doses); these are
the typed values the engine, the screens and the reports work with. The amount is kept
verbatim as typed ("0.25 mg", "2 tablets") and never read or commented on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time

from bot.core.problems import Code, Problem

AMOUNT_MAX_CHARS = 40


@dataclass(frozen=True)
class Dose:
    """One medicine of the user's list taken on the night; `taken` None: time not given."""

    medicine_id: int
    taken: time | None = None
    amount: str | None = None

    def stored(self) -> dict[str, object]:
        clock = None if self.taken is None else f"{self.taken:%H:%M}"
        return {"id": self.medicine_id, "time": clock, "amount": self.amount}

    @classmethod
    def read(cls, raw: Mapping[str, object]) -> Dose:
        clock = raw.get("time")
        taken = time.fromisoformat(clock) if isinstance(clock, str) else None
        amount = raw.get("amount")
        return cls(int(str(raw["id"])), taken, amount if isinstance(amount, str) else None)


def read_doses(stored: Iterable[Mapping[str, object]] | None) -> list[Dose]:
    return [Dose.read(raw) for raw in stored or ()]


def store_doses(doses: Iterable[Dose]) -> list[dict[str, object]]:
    return [dose.stored() for dose in doses]


def amount_as_typed(text: str) -> str | None:
    """An amount typed beside a time, spaces tidied; a Problem when it is too long."""
    amount = " ".join(text.split()) or None
    if amount is not None and len(amount) > AMOUNT_MAX_CHARS:
        raise Problem(Code.AMOUNT_TOO_LONG, length=len(amount), most=AMOUNT_MAX_CHARS)
    return amount


@dataclass(frozen=True)
class TakenDose:
    """A dose with its medicine's name, as summaries and exports show it."""

    name: str
    taken: time | None = None
    amount: str | None = None

    def __str__(self) -> str:
        """The CSV's form: "Ropinirole 21:00 (0.25 mg)"."""
        text = self.name if self.taken is None else f"{self.name} {self.taken:%H:%M}"
        return f"{text} ({self.amount})" if self.amount else text


@dataclass(frozen=True)
class MedicineChange:
    """A medicine started, changed or stopped on a day; `note` is what changed, as typed."""

    day: date
    name: str
    kind: str  # started, changed, stopped
    note: str | None = None
