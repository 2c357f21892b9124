"""The dialogs a user can be in: which flow, at which step (the step names are the flow's)."""

from __future__ import annotations

from enum import StrEnum


class Flow(StrEnum):
    ONBOARDING = "onboarding"  # consent given; time zone, times, monthly summary
    CHECKIN = "checkin"  # the evening check-in
    MORNING = "morning"  # the morning sleep diary
    SETTINGS = "settings"  # changing the zone, a time or a medicine's name


class SetupStep(StrEnum):
    """Steps of onboarding; the first three also serve /settings."""

    ZONE = "tz"
    CHECKIN_TIME = "ci"
    MORNING_TIME = "mo"
    SUMMARY = "sm"


ONBOARDING_ORDER = (
    SetupStep.ZONE,
    SetupStep.CHECKIN_TIME,
    SetupStep.MORNING_TIME,
    SetupStep.SUMMARY,
)
ADD_MEDICINE = "madd"  # a settings step: typing a new medicine's name
RENAME_MEDICINE = "mren"  # a settings step, followed by the medicine's id
