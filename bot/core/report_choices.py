"""A doctor's report's choices as its typed steps carry them: period, notes, start, name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.core.dialogs import ReportStep
from bot.core.medicines import Words
from bot.core.periods import Choice
from bot.core.problems import Code

# The name for the report's header, as the user types it ("Ana Müller, born 12 May 1961").
REPORT_NAME_RULES = Words(
    64, Code.REPORT_NAME_EMPTY, Code.REPORT_NAME_TOO_LONG, Code.REPORT_NAME_UNLIKELY
)
STARTS_ON_A_DAY = (Choice.SINCE, Choice.APPOINTMENT)


@dataclass(frozen=True)
class ReportChoices:
    period: Choice
    notes: bool
    since: date | None  # the first night, for the periods that start on a day
    language: str | None = None  # the report's, when not the user's (one for a doctor)

    def complete(self) -> bool:
        """A period that starts on a day has its day."""
        return self.since is not None or self.period not in STARTS_ON_A_DAY


def name_step(choices: ReportChoices) -> str:
    """The dialog step that waits for a name ("nm:30:y", "nm:30:y:de" for a report in
    another language); the start day goes in the dialog's night."""
    step = f"{ReportStep.NAME}:{choices.period}:{'y' if choices.notes else 'n'}"
    return f"{step}:{choices.language}" if choices.language else step


def read_name_step(step: str, night: date | None) -> ReportChoices | None:
    """The choices a name step carries; None for any other step."""
    parts = step.split(":")
    if len(parts) not in (3, 4):
        return None
    kind, period, notes = parts[:3]
    language = parts[3] if len(parts) == 4 else None
    if kind != ReportStep.NAME or period not in set(Choice) or notes not in ("y", "n"):
        return None
    if language is not None and not language.isalpha():
        return None
    choices = ReportChoices(Choice(period), notes == "y", night, language)
    return choices if choices.complete() else None
