"""The CSV's data dictionary, as a CSV file of its own: every column, its type, unit and codes.

Made from the entry specs like the columns themselves (bot/reports/csv_export.py), so a new
question has its line here without a change. The header and the codes are data (English,
stable, as in the spreadsheet); descriptions, units and the codes' meanings are in the
user's language.
"""

from __future__ import annotations

import csv
import io

from bot.core.entries.checkin import CHECKIN
from bot.core.entries.diary import DIARY, MINUTES
from bot.core.entries.spec import Field, Kind, Question
from bot.i18n import N_, Texts
from bot.reports.csv_export import COLUMNS, NIGHT, ZONE

HEADER = ("column", "description", "type", "unit", "codes")

YES_NO = N_("yes or no")
TEXT = N_("text")
DATE = N_("date (YYYY-MM-DD)")
ZONE_NAME = N_("time zone name (IANA)")
NUMBER = N_("whole number")
DECIMAL = N_("number with one decimal")
CODE = N_("one code")
CODES = N_("codes separated by ;")
NAMES = N_("names separated by ;")
CLOCK = N_("time of day (HH:MM, 24-hour)")
LOCAL = N_("local time, in the night's time_zone")
TIMES = N_("times")
DOSES = N_("list separated by ;, each: Name HH:MM (amount)")
DOSES_UNIT = N_("time: local, in the night's time_zone; amount: as the user typed it")
SCALE = N_("{low} to {high}")


def _questions() -> dict[str, Question]:
    """Each stored field's question, by NightRecord key."""
    return {
        f.key: q for spec in (CHECKIN, DIARY) for q in spec.questions for f in q.stored_fields()
    }


def _codes(question: Question, t: Texts) -> str:
    return "; ".join(f"{o.stored} = {t.gettext(o.label)}" for o in question.options)


def _describe(column: Field, question: Question | None, t: Texts) -> tuple[str, str, str]:
    """The column's type, unit and codes."""
    if column is NIGHT:
        return t.gettext(DATE), "", ""
    if column is ZONE:
        return t.gettext(ZONE_NAME), "", ""
    if question is None:  # a saved flag, or derived from the diary's answers
        if not column.unit:
            return t.gettext(YES_NO), "", ""
        kind = NUMBER if column.unit == MINUTES else DECIMAL
        return t.gettext(kind), t.gettext(column.unit), ""
    match question.kind:
        case Kind.SCALE:
            return t.gettext(NUMBER), "", t.gettext(SCALE, low=0, high=question.maximum)
        case Kind.CHOICE:
            return t.gettext(CODE), "", _codes(question, t)
        case Kind.CHOICES:
            return t.gettext(CODES), "", _codes(question, t)
        case Kind.FLAGS if column in question.fields:
            return t.gettext(NAMES), "", ""
        case Kind.MEDICINE if column is question.fields[1]:
            return t.gettext(DOSES), t.gettext(DOSES_UNIT), ""
        case Kind.TIME:
            return t.gettext(CLOCK), t.gettext(LOCAL), ""
        case Kind.DURATION:
            return t.gettext(NUMBER), t.gettext(MINUTES), ""
        case Kind.COUNT:
            return t.gettext(NUMBER), t.gettext(TIMES), ""
        case Kind.TEXT:
            return t.gettext(TEXT), "", ""
        case _:  # a factor's own column, whether medicine was taken
            return t.gettext(YES_NO), "", ""


def dictionary_csv(t: Texts) -> bytes:
    """The data dictionary's bytes, one row per column of the spreadsheet, in its order."""
    questions = _questions()
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for column in COLUMNS:
        kind, unit, codes = _describe(column, questions.get(column.key), t)
        writer.writerow((column.export, t.gettext(column.about), kind, unit, codes))
    return out.getvalue().encode("utf-8-sig")
