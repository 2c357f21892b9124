"""One night as the summaries and exports see it: the check-in and the sleep diary together.

Plain data built from stored rows (bot/data/history.py): the answers of both entries by
their field keys (bot/core/entries), whether each entry was saved (`checkin_saved`,
`diary_saved`) and the diary's derived sleep measures. Statistics, charts and reports are
ordinary functions of a list of NightRecord; the typed properties below are the values
they compute with. A new question's answers come along without a change here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from bot.core.doses import TakenDose

#: The key of the IANA zone the night was logged in (the check-in's, else the diary's).
ZONE_KEY = "zone"


class NightRecord:
    """`night` is the local date of the evening; `values` the answers by field key.

    A key that is missing and a value of None both mean: not answered, skipped, or no entry
    that night.
    """

    __slots__ = ("night", "values")

    def __init__(self, night: date, **values: object) -> None:
        self.night = night
        self.values: Mapping[str, object] = values

    def __repr__(self) -> str:
        return f"NightRecord({self.night.isoformat()}, {dict(self.values)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NightRecord) and (self.night, dict(self.values)) == (
            other.night,
            dict(other.values),
        )

    __hash__ = None  # type: ignore[assignment]  # mutable-looking value object, like a dict

    def get(self, key: str) -> Any:
        return self.values.get(key)

    def without(self, keys: Iterable[str]) -> NightRecord:
        """The same night with these answers taken away (an entry that was not saved)."""
        dropped = set(keys)
        return NightRecord(self.night, **{k: v for k, v in self.values.items() if k not in dropped})

    # The values the statistics and the report compute with.

    @property
    def zone(self) -> str | None:
        return self.get(ZONE_KEY)

    @property
    def checkin_saved(self) -> bool:
        return bool(self.get("checkin_saved"))

    @property
    def diary_saved(self) -> bool:
        return bool(self.get("diary_saved"))

    @property
    def severity(self) -> int | None:
        return self.get("severity")

    @property
    def onset(self) -> str | None:
        return self.get("onset")

    @property
    def locations(self) -> tuple[str, ...]:
        return tuple(self.get("locations") or ())

    @property
    def sensations(self) -> tuple[str, ...]:
        return tuple(self.get("sensations") or ())

    @property
    def took_medicine(self) -> bool | None:
        return self.get("took_medicine")

    @property
    def medicines(self) -> tuple[TakenDose, ...]:
        """The medicines taken, in the order given, each with its name, time and amount."""
        return tuple(self.get("medicines") or ())

    @property
    def own_factors(self) -> tuple[str, ...]:
        """The user's own factors that applied, by the names they had that night."""
        return tuple(self.get("own_factors") or ())

    @property
    def comments(self) -> str | None:
        return self.get("comments")

    @property
    def note(self) -> str | None:
        return self.get("note")

    @property
    def quality(self) -> int | None:
        return self.get("quality")

    @property
    def legs(self) -> int | None:
        return self.get("legs")

    @property
    def total_sleep_min(self) -> int | None:
        return self.get("total_sleep_min")

    @property
    def sleep_efficiency_pct(self) -> float | None:
        return self.get("sleep_efficiency_pct")

    def flag(self, key: str) -> bool | None:
        """A yes/no answer such as a factor ("caffeine")."""
        return self.get(key)
