"""Problems with what a user gave, as codes with values: the words are in the catalog.

Domain code raises :class:`Problem` (or a subclass) with a :class:`Code` and the values the
message needs, never a sentence; the view turns it into the user's language
(bot/i18n/problems.py). Values are numbers, times, :class:`Minutes` or short strings the
code built itself; never the raw text a user typed (it may hold markup).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    # Times of day (bot/parsing/clock.py)
    CLOCK_EMPTY = "clock_empty"
    CLOCK_NEGATIVE = "clock_negative"
    CLOCK_DATE = "clock_date"
    CLOCK_MINUTES_OVER_59 = "clock_minutes_over_59"
    CLOCK_NOT_A_TIME_OF_DAY = "clock_not_a_time_of_day"
    CLOCK_TWO_DIGIT_MINUTES = "clock_two_digit_minutes"
    CLOCK_TOO_MANY_DIGITS = "clock_too_many_digits"
    CLOCK_UNREADABLE = "clock_unreadable"
    CLOCK_NOT_A_TIME = "clock_not_a_time"
    CLOCK_MIXED_12_24 = "clock_mixed_12_24"
    CLOCK_ZERO_WITH_MERIDIEM = "clock_zero_with_meridiem"
    CLOCK_QUARTER_WITH_MINUTES = "clock_quarter_with_minutes"
    # Durations and counts (bot/parsing/amounts.py)
    MINUTES_EMPTY = "minutes_empty"
    MINUTES_NEGATIVE = "minutes_negative"
    MINUTES_VAGUE = "minutes_vague"
    MINUTES_OVER_12H = "minutes_over_12h"
    MINUTES_RANGE = "minutes_range"
    MINUTES_COLON_OVER_59 = "minutes_colon_over_59"
    MINUTES_BARE_DECIMAL = "minutes_bare_decimal"
    MINUTES_UNREADABLE = "minutes_unreadable"
    COUNT_EMPTY = "count_empty"
    COUNT_NEGATIVE = "count_negative"
    COUNT_VAGUE = "count_vague"
    COUNT_RANGE = "count_range"
    COUNT_NOT_WHOLE = "count_not_whole"
    COUNT_UNREADABLE = "count_unreadable"
    COUNT_TOO_MANY = "count_too_many"
    NUMBER_UNREADABLE = "number_unreadable"
    # A day typed for a report's period (bot/parsing/dates.py)
    DAY_EMPTY = "day_empty"
    DAY_UNREADABLE = "day_unreadable"
    DAY_AMBIGUOUS = "day_ambiguous"
    DAY_NOT_A_DATE = "day_not_a_date"
    DAY_IN_FUTURE = "day_in_future"
    DAY_TOO_EARLY = "day_too_early"
    REPORT_NAME_EMPTY = "report_name_empty"
    REPORT_NAME_TOO_LONG = "report_name_too_long"
    REPORT_NAME_UNLIKELY = "report_name_unlikely"
    # Finding a time zone (bot/core/zones.py)
    ZONE_EMPTY = "zone_empty"
    ZONE_TOO_LONG = "zone_too_long"
    ZONE_UNSURE = "zone_unsure"
    ZONE_SEVERAL = "zone_several"
    ZONE_NOT_FOUND = "zone_not_found"
    ZONE_REGION_SEVERAL = "zone_region_several"
    ZONE_OFFSET_SIGN_ONE = "zone_offset_sign_one"
    ZONE_OFFSET_SIGN_TWO = "zone_offset_sign_two"
    ZONE_OFFSET_MINUTES_OVER_59 = "zone_offset_minutes_over_59"
    ZONE_OFFSET_OUT_OF_RANGE = "zone_offset_out_of_range"
    ZONE_NO_PLACE_KEEPS = "zone_no_place_keeps"
    # Answering an entry (bot/core/entries/engine.py)
    BUTTON_NOT_HERE = "button_not_here"
    FIRST_QUESTION = "first_question"
    NOT_AN_OPTION = "not_an_option"
    TAP_A_BUTTON = "tap_a_button"
    TAP_THOSE_THAT_APPLY = "tap_those_that_apply"
    RECAP_SAVE_OR_CHANGE = "recap_save_or_change"
    SCALE_OUT_OF_RANGE = "scale_out_of_range"
    SCALE_TAP_OR_TYPE = "scale_tap_or_type"
    NOTE_TOO_LONG = "note_too_long"
    MEDICINE_NOT_LISTED = "medicine_not_listed"
    TYPE_MEDICINE_NAME_OR_BACK = "type_medicine_name_or_back"
    MEDICINE_NAME_EMPTY = "medicine_name_empty"
    MEDICINE_NAME_TOO_LONG = "medicine_name_too_long"
    MEDICINE_NAME_UNLIKELY = "medicine_name_unlikely"
    MEDICINE_PICK_OR_NONE = "medicine_pick_or_none"
    AMOUNT_TOO_LONG = "amount_too_long"
    FACTOR_NAME_EMPTY = "factor_name_empty"
    FACTOR_NAME_TOO_LONG = "factor_name_too_long"
    FACTOR_NAME_UNLIKELY = "factor_name_unlikely"
    FACTORS_FULL = "factors_full"
    FACTOR_NOT_LISTED = "factor_not_listed"
    CHANGE_NOTE_EMPTY = "change_note_empty"
    CHANGE_NOTE_TOO_LONG = "change_note_too_long"
    # The morning diary's answers checked together (bot/core/sleep_diary.py)
    DIARY_LATENCY_NEGATIVE = "diary_latency_negative"
    DIARY_LATENCY_TOO_LONG = "diary_latency_too_long"
    DIARY_AWAKENINGS_NEGATIVE = "diary_awakenings_negative"
    DIARY_AWAKENINGS_TOO_MANY = "diary_awakenings_too_many"
    DIARY_AWAKE_NEGATIVE = "diary_awake_negative"
    DIARY_AWAKE_TOO_LONG = "diary_awake_too_long"
    DIARY_AWAKE_WITHOUT_WAKING = "diary_awake_without_waking"
    DIARY_ORDER_BEFORE = "diary_order_before"
    DIARY_ORDER_SAME_TIME = "diary_order_same_time"
    DIARY_NIGHT_TOO_LONG = "diary_night_too_long"
    DIARY_LATENCY_PAST_WAKING = "diary_latency_past_waking"
    DIARY_AWAKE_EXCEEDS_NIGHT = "diary_awake_exceeds_night"
    DIARY_AWAKE_AND_LATENCY_EXCEED_NIGHT = "diary_awake_and_latency_exceed_night"
    # A file sent back to be imported (bot/core/archive.py, bot/services/imports.py)
    IMPORT_TOO_LARGE = "import_too_large"
    IMPORT_NOT_OURS = "import_not_ours"
    IMPORT_DAMAGED = "import_damaged"
    IMPORT_OLDER_VERSION = "import_older_version"
    IMPORT_NEWER_VERSION = "import_newer_version"
    IMPORT_OTHER_ACCOUNT = "import_other_account"


class Problem(ValueError):
    """Input that doesn't fit: `code` names the message, `values` fill it in."""

    def __init__(self, code: Code, /, **values: object) -> None:
        super().__init__(code.value)
        self.code = code
        self.values = values


@dataclass(frozen=True)
class Minutes:
    """A duration among a problem's values, written as the language writes durations."""

    value: int
