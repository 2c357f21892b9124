"""The /export CSV: one row per night, every stored field, columns named and described.

The columns come from the entry specs (bot/core/entries): the night and the time zone it
was logged in, then the check-in (whether it was saved, then its fields in question order),
then the sleep diary likewise, its derived sleep measures last. Column names are the
fields' `export` names: English and stable, like JSON keys, whatever the user's language;
the data dictionary sent beside the file (bot/reports/csv_dictionary.py) describes each in
the user's language.

Written for spreadsheets: UTF-8 with a byte-order mark (so Excel picks the right encoding),
ISO dates, 24-hour HH:MM times, "yes"/"no" for booleans (data values, in every language),
";" between list items and an empty cell for anything unknown. Text a user typed can start
with = + - @, which a spreadsheet would run as a formula ("CSV injection"); such cells get a
leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from datetime import date, time

from bot.core.entries.checkin import CHECKIN
from bot.core.entries.diary import DIARY
from bot.core.entries.spec import EntrySpec, Field
from bot.core.records import ZONE_KEY, NightRecord
from bot.i18n import N_, Texts

NIGHT = Field(
    "night", "night", N_("Date of the evening (YYYY-MM-DD); the sleep columns are the night after")
)
ZONE = Field(
    ZONE_KEY,
    "time_zone",
    N_("Time zone the night was logged in (IANA name, e.g. Europe/Berlin); local times are in it"),
)
_SAVED_ABOUT = {
    CHECKIN.name: N_("yes if the evening check-in was completed"),
    DIARY.name: N_("yes if the morning sleep diary was completed"),
}


def _entry_columns(spec: EntrySpec) -> tuple[Field, ...]:
    saved = Field(spec.saved_key, spec.saved_key, _SAVED_ABOUT[spec.name])
    return (saved, *spec.fields())


#: Every column in order: its export name, its NightRecord key and its description (a msgid).
COLUMNS: tuple[Field, ...] = (NIGHT, ZONE, *_entry_columns(CHECKIN), *_entry_columns(DIARY))

# Cells starting with these run as formulas in Excel, LibreOffice and Google Sheets (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def nights_csv(records: list[NightRecord], t: Texts) -> bytes:
    """The CSV file's bytes: a header row, then one row per record in the order given.

    Only the data dictionary is in a language (bot/reports/csv_dictionary.py); the file
    itself reads the same in every language, so `t` changes nothing in it today.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(column.export for column in COLUMNS)
    for record in records:
        writer.writerow(_cell(_value(record, column)) for column in COLUMNS)
    return out.getvalue().encode("utf-8-sig")


def _value(record: NightRecord, column: Field) -> object:
    if column is NIGHT:
        return record.night
    if column.key in (CHECKIN.saved_key, DIARY.saved_key):
        return bool(record.get(column.key))  # never saved: "no", not an empty cell
    return record.get(column.key)


def _cell(value: object) -> str:
    match value:
        case None:
            return ""
        case bool():  # before int: a bool is an int
            return "yes" if value else "no"
        case date():
            return value.isoformat()
        case time():
            return f"{value.hour:02d}:{value.minute:02d}"
        case float():
            return f"{value:.1f}"
        case int():
            return str(value)
        case tuple() | list():
            return _safe(";".join(str(item) for item in value))
        case _:
            return _safe(str(value))


def _safe(text: str) -> str:
    """Neutralise a would-be formula by making it a text cell (a leading apostrophe)."""
    return "'" + text if text.startswith(_FORMULA_START) else text
