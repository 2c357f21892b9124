"""The dialogs a user can be in: which flow, at which step (the step names are the flow's)."""

from __future__ import annotations

from enum import StrEnum


class Flow(StrEnum):
    ONBOARDING = "onboarding"  # consent given; time zone, times, monthly summary, weekly
    CHECKIN = "checkin"  # the evening check-in
    MORNING = "morning"  # the morning sleep diary
    SETTINGS = "settings"  # changing the zone or a time, naming a medicine or a factor
    REPORT = "report"  # a doctor's report: a start date, the appointment or a name typed


class SetupStep(StrEnum):
    """Steps of onboarding; the first three also serve /settings."""

    ZONE = "tz"
    CHECKIN_TIME = "ci"
    MORNING_TIME = "mo"
    SUMMARY = "sm"
    WEEKLY = "wk"


OPT_INS = (SetupStep.SUMMARY, SetupStep.WEEKLY)  # steps answered yes or no


ONBOARDING_ORDER = (
    SetupStep.ZONE,
    SetupStep.CHECKIN_TIME,
    SetupStep.MORNING_TIME,
    SetupStep.SUMMARY,
    SetupStep.WEEKLY,
)


class Typing(StrEnum):
    """Settings steps that wait for typed words; all but the adds are followed by an id."""

    ADD_MEDICINE = "madd"  # a new medicine's name
    RENAME_MEDICINE = "mren"  # a new name for a medicine
    CHANGE_MEDICINE = "mchg"  # what changed ("dose changed"): an event of today
    ADD_FACTOR = "fadd"  # a new factor of the user's own
    RENAME_FACTOR = "fren"  # a new name for one (past nights keep the old one)


class ReportStep(StrEnum):
    """Typed steps of a doctor's report. The name step carries the choices made so far:
    `nm:<period>:<notes>` (the start day, if any, is the dialog's `night`)."""

    SINCE = "since"  # the first night of "since a date"
    APPOINTMENT = "appt"  # the date of the user's last appointment (kept for next time)
    NAME = "nm"  # the name for the report's header (kept for next time)
