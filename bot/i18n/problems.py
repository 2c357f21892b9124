"""The words for every Problem code (bot/core/problems.py), and for the values they carry."""

from __future__ import annotations

from datetime import date, time

from bot.core.problems import Code, Minutes, Problem
from bot.core.sleep_diary import Did
from bot.i18n.texts import N_, Texts

# Sample answers for a time of day: an evening step's, and a morning step's (a question's
# `examples`); the problems of a step show its own.
EVENING_TIMES = N_("21:30 or 9:30pm")
MORNING_TIMES = N_("7:10 or 6:45am")
_TRY = N_("try {examples}")

MESSAGES: dict[Code, str] = {
    Code.CLOCK_EMPTY: N_("Please send a time, like {examples}."),
    Code.CLOCK_NEGATIVE: N_("A time can't be negative — {try_}."),
    Code.CLOCK_DATE: N_("That looks like a date — I only need the time, like {examples}."),
    Code.CLOCK_MINUTES_OVER_59: N_("Minutes only go up to 59, so {given} won't work — {try_}."),
    Code.CLOCK_NOT_A_TIME_OF_DAY: N_("{given} isn't a time of day — {try_}."),
    Code.CLOCK_TWO_DIGIT_MINUTES: N_("Please use two digits for the minutes, like {example}."),
    Code.CLOCK_TOO_MANY_DIGITS: N_("That has too many digits for a time — {try_}."),
    Code.CLOCK_UNREADABLE: N_("I couldn't read that as a time — {try_}."),
    Code.CLOCK_NOT_A_TIME: N_("That doesn't look like a time — {try_}."),
    Code.CLOCK_MIXED_12_24: N_("{given} mixes 24-hour and am/pm — try {as_12h} or {as_24h}."),
    Code.CLOCK_ZERO_WITH_MERIDIEM: N_(
        "With am/pm the hours run 1 to 12 — try {as_12h} or {as_24h}."
    ),
    Code.CLOCK_QUARTER_WITH_MINUTES: N_("Try it as 7:30 or 23:15."),
    Code.MINUTES_EMPTY: N_("Please send a number of minutes — try 20, 1 h 15 or none."),
    Code.MINUTES_NEGATIVE: N_("Minutes can't be negative — send 0 if there were none."),
    Code.MINUTES_VAGUE: N_("Please send a number — your best guess is fine, like 20."),
    Code.MINUTES_OVER_12H: N_(
        "{duration} is more than 12 hours — could you check it? "
        "Your best guess in minutes is fine, like 45."
    ),
    Code.MINUTES_RANGE: N_("Please send one number — your best guess is fine, like 25."),
    Code.MINUTES_COLON_OVER_59: N_(
        "Minutes after the colon stop at 59 — try just minutes: {total}."
    ),
    Code.MINUTES_BARE_DECIMAL: N_(
        "Is that hours? Please send it like 1 h 30, or in minutes, like 90."
    ),
    Code.MINUTES_UNREADABLE: N_("I couldn't read that as minutes — try 20, 1 h 15 or none."),
    Code.COUNT_EMPTY: N_("Please send a number — try 2, or none."),
    Code.COUNT_NEGATIVE: N_("That can't be below zero — send 0 if there were none."),
    Code.COUNT_VAGUE: N_("Please send a number — your best guess is fine, like 3."),
    Code.COUNT_RANGE: N_("Please send one number — your best guess is fine, like 3."),
    Code.COUNT_NOT_WHOLE: N_("Please send a whole number, like 2."),
    Code.COUNT_UNREADABLE: N_("I couldn't read that as a number — try 2, or none."),
    Code.COUNT_TOO_MANY: N_("That's more than {most} — could you check the number?"),
    Code.NUMBER_UNREADABLE: N_("Please send a number."),
    Code.DAY_EMPTY: N_("Please type a date, like 1 September or 2026-09-01."),
    Code.DAY_UNREADABLE: N_(
        "I couldn't read that as a date. Try it like 1 September or 2026-09-01."
    ),
    Code.DAY_AMBIGUOUS: N_(
        "Dates with slashes are written both ways round, so I'd rather not guess. "
        "Could you write the month as a word, like 3 April?"
    ),
    Code.DAY_NOT_A_DATE: N_("That day doesn't exist in the calendar. Could you check it?"),
    Code.DAY_IN_FUTURE: N_(
        "{day} hasn't come yet. A report covers nights that are over: type a day in the past."
    ),
    Code.DAY_TOO_EARLY: N_("That is before 2000, earlier than any diary here. Could you check it?"),
    Code.REPORT_NAME_EMPTY: N_("Please type the name as it should appear, or tap No name."),
    Code.REPORT_NAME_TOO_LONG: N_(
        "That's {length} characters; up to {most} fit in the header. A shorter form is fine."
    ),
    Code.REPORT_NAME_UNLIKELY: N_(
        "That doesn't look like a name. Type it as it should appear, or tap No name."
    ),
    Code.ZONE_EMPTY: N_(
        "Send me a city near you (like Berlin), a zone like Europe/Lisbon, or an offset like +2."
    ),
    Code.ZONE_TOO_LONG: N_("That's a bit long — just the name of a city near you is enough."),
    Code.ZONE_UNSURE: N_("I couldn't pin that down — did you mean one of these?"),
    Code.ZONE_SEVERAL: N_("There's more than one place with that name — which one is yours?"),
    Code.ZONE_NOT_FOUND: N_(
        "I couldn't find that place. Try a big city near you (like Berlin), "
        "a zone like Europe/Lisbon, or an offset like +2."
    ),
    Code.ZONE_REGION_SEVERAL: N_("{region} has more than one time zone — which is yours?"),
    Code.ZONE_OFFSET_SIGN_ONE: N_(
        "Did you mean {offset}? Tap it, or type it with a sign, like +{hours}."
    ),
    Code.ZONE_OFFSET_SIGN_TWO: N_(
        "Did you mean {first} or {second}? Tap one, or type it with a sign, like +{hours}."
    ),
    Code.ZONE_OFFSET_MINUTES_OVER_59: N_("Minutes in an offset go up to 59 — try +5:30 or +2."),
    Code.ZONE_OFFSET_OUT_OF_RANGE: N_(
        "Offsets run from UTC-12 to UTC+14 — check the number, or send your city."
    ),
    Code.ZONE_NO_PLACE_KEEPS: N_(
        "No place keeps {offset} — try a whole hour like {whole}, or a city."
    ),
    Code.BUTTON_NOT_HERE: N_("That button doesn't belong here."),
    Code.FIRST_QUESTION: N_("This is the first question."),
    Code.NOT_AN_OPTION: N_("That option is not one of the choices."),
    Code.TAP_A_BUTTON: N_("For this question, please tap one of the buttons (or Skip)."),
    Code.TAP_THOSE_THAT_APPLY: N_(
        "For this question, tap the ones that apply, then Done (or Skip)."
    ),
    Code.RECAP_SAVE_OR_CHANGE: N_(
        "This is the recap: tap ✅ Save to keep it, or ✎ beside an answer to change it."
    ),
    Code.SCALE_OUT_OF_RANGE: N_("Please choose a number from 0 to {most}."),
    Code.SCALE_TAP_OR_TYPE: N_("For this one, tap a number (or type one from 0 to {most})."),
    Code.NOTE_TOO_LONG: N_(
        "That note is {length} characters; notes can be up to {most}. "
        "Could you shorten it and send it again?"
    ),
    Code.MEDICINE_NOT_LISTED: N_("That medicine isn't on your list."),
    Code.TYPE_MEDICINE_NAME_OR_BACK: N_("Type the medicine's name, or go back."),
    Code.MEDICINE_NAME_EMPTY: N_("Please type the medicine's name."),
    Code.MEDICINE_NAME_TOO_LONG: N_(
        "That's {length} characters; a medicine name can be up to {most}. A shorter name is fine."
    ),
    Code.MEDICINE_NAME_UNLIKELY: N_(
        "That doesn't look like a medicine's name. Type its name (like Ropinirole or Iron), "
        "or tap None today."
    ),
    Code.MEDICINE_PICK_OR_NONE: N_("Tap each medicine you took, or None today."),
    Code.AMOUNT_TOO_LONG: N_(
        "That amount is {length} characters; up to {most} fit. Just the time is fine too."
    ),
    Code.FACTOR_NAME_EMPTY: N_("Please type a name for it, like Long car ride or Hot bath."),
    Code.FACTOR_NAME_TOO_LONG: N_(
        "That's {length} characters; a factor's name can be up to {most}. A shorter one is fine."
    ),
    Code.FACTOR_NAME_UNLIKELY: N_(
        "That doesn't look like a name. Try a few words, like Long car ride or Hot bath."
    ),
    Code.FACTORS_FULL: N_(
        "You have {most} factors of your own, the most I keep. Remove one to add another."
    ),
    Code.FACTOR_NOT_LISTED: N_("That factor isn't on your list any more."),
    Code.CHANGE_NOTE_EMPTY: N_("Type what changed, in your own words, like: dose changed."),
    Code.CHANGE_NOTE_TOO_LONG: N_(
        "That's {length} characters; up to {most} fit. A few words are enough."
    ),
    Code.DIARY_LATENCY_NEGATIVE: N_("Minutes to fall asleep can't be negative — send 0 if none."),
    Code.DIARY_LATENCY_TOO_LONG: N_(
        "Over 12 hours to fall asleep doesn't look right — how long did it take?"
    ),
    Code.DIARY_AWAKENINGS_NEGATIVE: N_("Times you woke can't be negative — send 0 if none."),
    Code.DIARY_AWAKENINGS_TOO_MANY: N_("More than {most} awakenings looks like a typo — how many?"),
    Code.DIARY_AWAKE_NEGATIVE: N_("Minutes awake can't be negative — send 0 if none."),
    Code.DIARY_AWAKE_TOO_LONG: N_(
        "Over 12 hours awake in the night doesn't look right — how long in total?"
    ),
    Code.DIARY_AWAKE_WITHOUT_WAKING: N_(
        "You were awake {awake} in the night, but you said you didn't wake up — "
        "which one should change?"
    ),
    Code.DIARY_ORDER_BEFORE: N_("You {later}, before you {earlier} — which one should change?"),
    Code.DIARY_ORDER_SAME_TIME: N_(
        "You {later}, at the same time as you {earlier} — which one should change?"
    ),
    Code.DIARY_NIGHT_TOO_LONG: N_(
        "From {first} to {last} would be {span} — could you check when you {check}?"
    ),
    Code.DIARY_LATENCY_PAST_WAKING: N_(
        "{latency} to fall asleep after you {start} runs past your waking at {wake} — "
        "how long did it take?"
    ),
    Code.DIARY_AWAKE_EXCEEDS_NIGHT: N_(
        "{awake} awake is more than the {night} from {start} to {wake} — "
        "how long were you awake in the night?"
    ),
    Code.DIARY_AWAKE_AND_LATENCY_EXCEED_NIGHT: N_(
        "{awake} awake, plus {latency} to fall asleep, is more than the {night} from {start} "
        "to {wake} — how long were you awake in the night?"
    ),
    Code.IMPORT_TOO_LARGE: N_(
        "That file is larger than {most} MB, more than any Stillnight export, so I did not "
        "open it. Nothing was changed. Please send the file from /export → Everything "
        "stored about me."
    ),
    Code.IMPORT_NOT_OURS: N_(
        "That file is not a Stillnight export, so there is nothing in it I can bring back. "
        "Nothing was changed. To restore your data, send the .json file from /export → "
        "Everything stored about me."
    ),
    Code.IMPORT_DAMAGED: N_(
        "That looks like a Stillnight export, but part of it is missing or was changed, so "
        "I did not import any of it. Nothing was changed. If you still have the bot where "
        "it came from, export again and send the new file."
    ),
    Code.IMPORT_OLDER_VERSION: N_(
        "That export is in an older format (version {version}) that I can no longer read; "
        "I read version {supported}. Nothing was changed. Export again with /export to get "
        "a file I can import."
    ),
    Code.IMPORT_NEWER_VERSION: N_(
        "That export was made by a newer Stillnight (format version {version}); I read "
        "version {supported}. Nothing was changed. Once this bot is updated, send it again."
    ),
    Code.IMPORT_OTHER_ACCOUNT: N_(
        "That export belongs to another Telegram account that still uses this bot, so I "
        "will not copy it into yours. Nothing was changed. If both accounts are yours, "
        "/delete the other one first, then send the file again."
    ),
}

# What the user did, as a clause of a diary problem: with the time, and without it.
DID_AT: dict[str, str] = {
    "bed": N_("went to bed at {at}"),
    "tried": N_("tried to sleep at {at}"),
    "wake": N_("woke up at {at}"),
    "out_of_bed": N_("got up at {at}"),
}
DID: dict[str, str] = {
    "bed": N_("went to bed"),
    "tried": N_("tried to sleep"),
    "wake": N_("woke up"),
    "out_of_bed": N_("got up"),
}

if set(MESSAGES) != set(Code):
    raise RuntimeError(f"problem codes without words: {sorted(set(Code) - set(MESSAGES))}")


def problem_text(t: Texts, problem: Problem, examples: str = EVENING_TIMES) -> str:
    """The problem in the user's language (plain text: it holds no markup), with the
    step's sample answers (`examples`, a catalog text) where it suggests some."""
    values = {name: _value(t, value) for name, value in problem.values.items()}
    samples = t.gettext(examples)
    return t.gettext(
        MESSAGES[problem.code],
        try_=t.gettext(_TRY, examples=samples),
        examples=samples,
        **values,
    )


def _value(t: Texts, value: object) -> str:
    match value:
        case date():
            return t.day(value)
        case Minutes(minutes):
            return t.minutes(minutes)
        case time():
            return t.clock(value)
        case Did(field, at):
            return t.gettext(DID[field]) if at is None else t.gettext(DID_AT[field], at=t.clock(at))
        case bool():
            return str(value)
        case int() | float():
            return t.number(value)
        case _:
            return str(value)
