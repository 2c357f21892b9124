"""The /export CSV: one row per night, every NightRecord field, columns named and described.

Written for spreadsheets: UTF-8 with a byte-order mark (so Excel picks the right encoding),
ISO dates, 24-hour HH:MM times, yes/no for booleans, ";" between list items and an empty
cell for anything unknown. Text a user typed can start with = + - @, which a spreadsheet
would run as a formula ("CSV injection"); such cells get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from datetime import date, time

from bot.core.records import NightRecord

# (column name, NightRecord field, description), in the order of the columns.
_SPEC: tuple[tuple[str, str, str], ...] = (
    ("night", "night", "Date of the evening (YYYY-MM-DD); the sleep columns are the night after"),
    ("checkin_saved", "checkin_saved", "yes if the evening check-in was completed"),
    ("severity", "severity", "How restless the legs were, 0 (not at all) to 10 (worst)"),
    ("symptom_onset", "onset", "When symptoms started: none, bedtime, evening, afternoon, morning"),
    ("urge_to_move", "urge", "never, rarely, sometimes, often, constantly"),
    ("locations", "locations", "Where it was felt: calves, thighs, feet, arms, elsewhere"),
    ("sensations", "sensations", "creeping, tingling, aching, pulling, burning, electric, unclear"),
    ("took_medicine", "took_medicine", "yes or no: RLS medicine taken that day"),
    ("medicine", "medicine", "Name of the medicine, as the user entered it"),
    ("medicine_time", "medicine_time", "When it was taken (HH:MM, local time)"),
    ("caffeine", "caffeine", "yes or no: caffeine after noon"),
    ("alcohol", "alcohol", "yes or no: alcohol"),
    ("exercise", "exercise", "yes or no: exercise"),
    ("nicotine", "nicotine", "yes or no: nicotine"),
    ("diary_saved", "diary_saved", "yes if the morning sleep diary was completed"),
    ("bed_time", "bed_time", "Got into bed (HH:MM)"),
    ("tried_to_sleep_time", "tried_time", "Started trying to sleep (HH:MM)"),
    ("minutes_to_fall_asleep", "latency_min", "Minutes it took to fall asleep"),
    ("awakenings", "awakenings", "Number of times woken during the night"),
    ("minutes_awake_in_night", "awake_min", "Total minutes awake during those awakenings"),
    ("final_wake_time", "wake_time", "Final awakening (HH:MM)"),
    ("out_of_bed_time", "out_time", "Got out of bed (HH:MM)"),
    ("sleep_quality", "quality", "1 very poor, 2 poor, 3 fair, 4 good, 5 very good"),
    ("legs_disturbed_sleep", "legs", "Legs kept awake or woke: 0 no, 1 a little, 2 a lot"),
    ("times_up_to_walk", "walks", "Times got up to walk or move the legs"),
    ("time_in_bed_min", "time_in_bed_min", "Derived: minutes from into bed to out of bed"),
    ("total_sleep_min", "total_sleep_min", "Derived: minutes asleep (sleep diary definition)"),
    ("sleep_efficiency_pct", "sleep_efficiency_pct", "Derived: total sleep / time in bed x 100"),
    ("note", "note", "The free note from the evening check-in"),
)

CSV_COLUMNS: list[tuple[str, str]] = [(name, about) for name, _, about in _SPEC]
COLUMN_FIELDS: dict[str, str] = {name: field for name, field, _ in _SPEC}

# Cells starting with these run as formulas in Excel, LibreOffice and Google Sheets (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def nights_csv(records: list[NightRecord]) -> bytes:
    """The CSV file's bytes: a header row, then one row per record in the order given."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(name for name, _ in CSV_COLUMNS)
    for record in records:
        writer.writerow(_cell(getattr(record, field)) for _, field, _ in _SPEC)
    return out.getvalue().encode("utf-8-sig")


def columns_help() -> str:
    """The column list as plain text, one "name: description" a line (for /export help)."""
    return "\n".join(f"{name}: {about}" for name, about in CSV_COLUMNS)


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
        case tuple():
            return _safe(";".join(str(item) for item in value))
        case _:
            return _safe(str(value))


def _safe(text: str) -> str:
    """Neutralise a would-be formula by making it a text cell (a leading apostrophe)."""
    return "'" + text if text.startswith(_FORMULA_START) else text
