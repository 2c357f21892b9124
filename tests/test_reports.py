"""Chart, CSV export and the doctor's PDF (bot/reports)."""

from __future__ import annotations

import csv
import io
import logging
import re
import struct
import subprocess
import sys
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import date, time, timedelta
from pathlib import Path
from time import sleep

import pytest
from matplotlib.image import imread

from bot.core.doses import TakenDose
from bot.core.entries.checkin import CHECKIN
from bot.core.entries.diary import DIARY
from bot.core.records import NightRecord
from bot.core.summary import summarize
from bot.i18n import texts_for
from bot.reports.chart import month_chart
from bot.reports.csv_dictionary import dictionary_csv
from bot.reports.csv_export import COLUMNS, nights_csv
from bot.reports.pdf_blocks import (
    SELF_REPORTED,
    TABLE_HEADER,
    TITLE,
    Picture,
    Table,
    block_text,
    report_blocks,
)
from bot.reports.pdf_report import doctor_report, font_dir

EN = texts_for("en")
REPO = Path(__file__).resolve().parents[1]
MARCH = date(2026, 3, 1)
NASTY_NOTE = "Legs \"bad\", walked at 2, 3\nand 4 am; =cmd|' /C calc'!A0"


def night(day: date, severity: int | None = 4, sleep: int | None = 400, **more) -> NightRecord:
    """A saved check-in and diary; `more` overrides any field."""
    fields = {
        "checkin_saved": severity is not None,
        "severity": severity,
        "onset": "evening",
        "locations": ("calves", "thighs"),
        "took_medicine": True,
        "medicines": (TakenDose("pramipexole", time(21, 30)),),
        "caffeine": False,
        "diary_saved": sleep is not None,
        "bed_time": time(22, 45),
        "total_sleep_min": sleep,
        "time_in_bed_min": None if sleep is None else sleep + 60,
        "sleep_efficiency_pct": None if sleep is None else round(sleep * 100 / (sleep + 60), 1),
        "quality": 3,
    }
    return NightRecord(day, **(fields | more))


def replaced(record: NightRecord, **values: object) -> NightRecord:
    """The same night with these values changed."""
    return NightRecord(record.night, **(dict(record.values) | values))


def month_of(first: date, days: int, skip: set[int] = frozenset()) -> list[NightRecord]:
    return [
        night(first + timedelta(days=i), severity=i % 11, sleep=240 + 10 * i)
        for i in range(days)
        if i + 1 not in skip
    ]


# ---------------------------------------------------------------- chart


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(
    ("records", "month"),
    [
        (month_of(MARCH, 31), MARCH),  # a full month
        (month_of(date(2024, 2, 1), 29, skip={3, 4, 5, 17, 29}), date(2024, 2, 1)),  # leap, gaps
        ([], date(2026, 4, 1)),  # nothing logged
    ],
    ids=["full", "gaps", "empty"],
)
def test_chart_is_a_phone_sized_png(records: list[NightRecord], month: date) -> None:
    data = month_chart(records, month, EN)
    assert png_size(data) == (1200, 900)
    assert 10_000 < len(data) < 500_000
    pixels = imread(io.BytesIO(data), format="png")
    assert pixels.shape[:2] == (900, 1200)
    assert pixels.std() > 0.05  # not a blank picture


def test_chart_ignores_other_months_and_unknown_values() -> None:
    february = month_of(date(2026, 2, 1), 28)
    assert month_chart(february, MARCH, EN) == month_chart([], MARCH, EN)
    partial = [night(MARCH, severity=None, sleep=None), night(MARCH + timedelta(1), 0, None)]
    assert png_size(month_chart(partial, MARCH, EN)) == (1200, 900)


def test_report_modules_load_matplotlib_and_fpdf_only_when_used() -> None:
    code = (
        "import sys, bot.reports.chart, bot.reports.csv_export, bot.reports.pdf_report\n"
        "print(sorted({'matplotlib', 'fpdf', 'numpy'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.strip() == "[]"


def test_charts_and_reports_can_be_made_in_threads() -> None:
    """The bot renders in asyncio.to_thread: concurrent calls give the same bytes as serial."""
    months = [date(2026, m, 1) for m in (1, 2, 3, 4)]
    records = [r for m in months for r in month_of(m, 28, skip={m.month * 3})]
    serial = [month_chart(records, m, EN) for m in months]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda m: month_chart(records, m, EN), months * 2)) == serial * 2
        pdfs = list(pool.map(lambda _: full_report(), range(3)))
    assert pdfs[0] == pdfs[1] == pdfs[2]


def test_reports_made_at_once_subset_their_fonts_one_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """fontTools fills shared tables on first use without a lock (the OS/2 Unicode ranges):
    a report subsetting its fonts while another one does could embed wrong font data."""
    from fontTools import subset

    subset_fonts = subset.Subsetter.subset
    busy, most = 0, 0

    def watched(self: subset.Subsetter, font: object) -> None:
        nonlocal busy, most
        busy += 1
        most = max(most, busy)
        sleep(0.1)  # wide enough for the others to arrive, were they let in
        try:
            subset_fonts(self, font)
        finally:
            busy -= 1

    monkeypatch.setattr(subset.Subsetter, "subset", watched)
    with ThreadPoolExecutor(3) as pool:
        pdfs = list(pool.map(lambda _: full_report(), range(3)))
    assert pdfs[0] == pdfs[1] == pdfs[2]
    assert most == 1


# ---------------------------------------------------------------- CSV


def read_csv(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_csv_has_exactly_the_documented_columns_covering_every_field() -> None:
    names = [column.export for column in COLUMNS]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in names)
    assert all(column.about for column in COLUMNS)
    fields = [f.key for spec in (CHECKIN, DIARY) for f in spec.fields()]
    keys = ["night", "zone", CHECKIN.saved_key, DIARY.saved_key, *fields]
    assert sorted(column.key for column in COLUMNS) == sorted(keys)
    header, rows = read_csv(nights_csv([], EN))
    assert header == names and rows == []


def test_the_data_dictionary_has_every_column_with_its_codes_and_units() -> None:
    header, rows = read_csv(dictionary_csv(EN))
    assert header == ["column", "description", "type", "unit", "codes"]
    assert [r["column"] for r in rows] == [column.export for column in COLUMNS]
    assert all(r["description"] and r["type"] for r in rows)
    by_name = {r["column"]: r for r in rows}
    assert by_name["sleep_quality"]["codes"] == (
        "1 = Very poor; 2 = Poor; 3 = Fair; 4 = Good; 5 = Very good"
    )
    assert by_name["legs_disturbed_sleep"]["codes"] == "0 = No; 1 = A little; 2 = A lot"
    assert by_name["severity"]["codes"] == "0 to 10"
    assert by_name["symptom_onset"]["codes"].startswith("none = No symptoms today; bedtime")
    assert by_name["locations"]["type"] == "codes separated by ;"
    assert by_name["minutes_to_fall_asleep"]["unit"] == "minutes"
    assert by_name["total_sleep_min"]["unit"] == "minutes"
    assert by_name["sleep_efficiency_pct"]["unit"] == "percent"
    assert by_name["times_up_to_walk"]["unit"] == "times"
    assert by_name["bed_time"]["type"] == "time of day (HH:MM, 24-hour)"
    assert "time_zone" in by_name["bed_time"]["unit"]
    assert by_name["medicines"]["type"] == "list separated by ;, each: Name HH:MM (amount)"
    assert by_name["own_factors"]["type"] == "names separated by ;"
    assert by_name["caffeine"]["type"] == by_name["checkin_saved"]["type"] == "yes or no"
    assert by_name["time_zone"]["type"] == "time zone name (IANA)"


def test_csv_one_row_per_night_in_spreadsheet_formats() -> None:
    records = [
        night(date(2026, 3, 1), severity=7, locations=("calves", "arms"), caffeine=True),
        night(date(2026, 3, 2), severity=None, sleep=None, note=None),  # nothing known
        night(date(2026, 3, 4), took_medicine=False, medicines=()),
    ]
    _, rows = read_csv(nights_csv(records, EN))
    assert len(rows) == 3
    assert [r["night"] for r in rows] == ["2026-03-01", "2026-03-02", "2026-03-04"]
    first, empty, third = rows
    assert first["severity"] == "7" and first["symptom_onset"] == "evening"
    assert first["locations"] == "calves;arms"
    assert first["caffeine"] == "yes" and first["alcohol"] == ""
    assert first["medicines"] == "pramipexole 21:30" and first["bed_time"] == "22:45"
    assert first["total_sleep_min"] == "400" and first["sleep_efficiency_pct"] == "87.0"
    assert empty["severity"] == "" and empty["checkin_saved"] == "no"
    assert empty["total_sleep_min"] == "" and empty["sleep_efficiency_pct"] == ""
    assert third["took_medicine"] == "no" and third["medicines"] == ""


def test_csv_note_survives_and_formulas_are_neutralised() -> None:
    records = [
        night(MARCH, note=NASTY_NOTE),
        night(MARCH + timedelta(1), note="@SUM(A1:A9)", medicines=(TakenDose("+44 drops"),)),
        night(MARCH + timedelta(2), note="-2+3 felt ok, thanks"),
        night(MARCH + timedelta(3), note="Ноги, ça va 🙂"),
    ]
    _, rows = read_csv(nights_csv(records, EN))
    assert rows[0]["note"] == NASTY_NOTE  # starts with a letter: kept exactly
    assert rows[1]["note"] == "'@SUM(A1:A9)" and rows[1]["medicines"] == "'+44 drops"
    assert rows[2]["note"] == "'-2+3 felt ok, thanks"
    assert rows[3]["note"] == "Ноги, ça va 🙂"
    formula = night(MARCH, note='=HYPERLINK("http://x")')
    assert read_csv(nights_csv([formula], EN))[1][0]["note"].startswith("'=")


# ---------------------------------------------------------------- PDF content


def blocks_for(records: list[NightRecord], include_notes: bool, **kw):
    args = {"summary": None, "generated": date(2026, 4, 2), "chart_png": None, "t": EN} | kw
    return report_blocks(records, MARCH, date(2026, 3, 31), include_notes=include_notes, **args)


def test_report_states_period_nights_table_and_self_reported() -> None:
    records = month_of(MARCH, 31, skip={2, 9, 10})
    records.append(night(date(2026, 2, 27)))  # before the period: left out
    text = block_text(blocks_for(records, include_notes=False))
    assert EN.gettext(TITLE) in text
    assert "Period: 2026-03-01 to 2026-03-31 (31 nights)" in text
    assert "Nights logged: 28 of 31 (evening check-in 28, morning sleep diary 28)" in text
    assert EN.gettext(SELF_REPORTED) in text
    assert "Report generated: 2026-04-02" in text
    assert "Wed 2026-03-04 | 3 | evening | 4 h 30 min | 82% | pramipexole 21:30 | none" in text
    assert "2026-02-27" not in text and "2026-03-02" not in text


def test_report_table_marks_unknown_and_no_medicine() -> None:
    records = [
        night(MARCH, severity=None, sleep=None),
        night(MARCH + timedelta(1), took_medicine=False, medicines=(), caffeine=None),
    ]
    [table] = [b for b in blocks_for(records, False) if isinstance(b, Table)]
    assert table.header == tuple(EN.gettext(name) for name in TABLE_HEADER)
    assert table.rows[0] == (
        "Sun 2026-03-01", "–", "evening", "–", "–", "pramipexole 21:30", "none"
    )  # fmt: skip
    assert table.rows[1][5:] == ("none", "–")


def test_notes_only_when_the_user_chooses() -> None:
    records = [
        night(MARCH, note=NASTY_NOTE, comments="Woke at 3, cramps"),
        night(MARCH + timedelta(1), note="  "),
    ]
    without = block_text(blocks_for(records, include_notes=False))
    with_notes = block_text(blocks_for(records, include_notes=True))
    assert "walked at 2" not in without and "notes" not in without.lower()
    assert "cramps" not in without
    assert "Patient's notes" in with_notes
    assert f"Sun 2026-03-01, evening note: {NASTY_NOTE}" in with_notes
    assert "Sun 2026-03-01, morning comments: Woke at 3, cramps" in with_notes
    assert "No notes in this period." in block_text(blocks_for(records[1:], include_notes=True))


def test_report_includes_chart_and_trends_from_the_summary() -> None:
    records = month_of(MARCH, 31)
    summary = summarize(records, MARCH, [])
    chart = month_chart(records, MARCH, EN)
    blocks = blocks_for(records, False, summary=summary, chart_png=chart)
    assert Picture(chart) in blocks
    text = block_text(blocks)
    assert "Trends, March 2026" in text
    assert f"Severity (0-10): mean {summary.avg_severity:.1f} over 31 nights." in text
    assert "<b>" not in text and "<i>" not in text
    few = summarize(records[:2], MARCH, [])
    assert "Too few nights for trends" in block_text(blocks_for(records[:2], False, summary=few))


def test_empty_period() -> None:
    text = block_text(blocks_for([], include_notes=True))
    assert "Nights logged: 0 of 31" in text
    assert "No nights were logged in this period." in text


# ---------------------------------------------------------------- PDF file


def page_count(pdf: bytes) -> int:
    assert pdf.startswith(b"%PDF-1.")
    assert pdf.rstrip().endswith(b"%%EOF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert re.search(rb"/Count %d\b" % pages, pdf)
    return pages


def core_font_text(pdf: bytes) -> str:
    """The text of a PDF set in a built-in font: the (...) Tj strings of its content streams."""
    content = b""
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            content += zlib.decompress(stream)
        except zlib.error:
            continue  # an image or a font
    strings = re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", content)
    words = [re.sub(rb"\\(.)", rb"\1", s).decode("latin-1") for s in strings]
    return re.sub(r"\s+", " ", " ".join(words))


def full_report(embed_font: bool = True, include_notes: bool = True) -> bytes:
    records = [
        night(date(2025, 1, 1) + timedelta(days=i), i % 11, 300 + i % 200)
        for i in range(365)
        if i % 9
    ]
    records[5] = replaced(records[5], note="Émile: Ноги ≥ 5 🙂 漢字 – " + NASTY_NOTE)
    records[6] = replaced(
        records[6], medicines=(TakenDose("a very long medicine name " * 4, time(21, 0)),)
    )
    december = date(2025, 12, 1)
    summary = summarize(records, december, records)
    chart = month_chart(records, december, EN)
    return doctor_report(
        records, date(2025, 1, 1), date(2025, 12, 31), summary, include_notes,
        date(2026, 1, 3), chart, EN, embed_font=embed_font,
    )  # fmt: skip


def test_pdf_is_a_valid_multi_page_a4_document(caplog: pytest.LogCaptureFixture) -> None:
    assert font_dir() is not None  # DejaVu Sans from matplotlib: full Unicode
    with caplog.at_level(logging.WARNING):
        pdf = full_report()
    assert page_count(pdf) >= 5
    assert b"/MediaBox [0 0 595.28 841.89]" in pdf  # A4
    assert b"/Title (Stillnight: RLS diary report)" in pdf
    assert b"/Subject (RLS diary 2025-01-01 to 2025-12-31)" in pdf
    assert b"DejaVuSans" in pdf and b"/Subtype /Image" in pdf
    assert not [r for r in caplog.records if "glyph" in r.getMessage().lower()]
    assert full_report() == pdf  # same input, same bytes


def test_pdf_text_with_the_builtin_font() -> None:
    """Without the embedded font the text layer is plain Latin-1 and can be read back."""
    text = core_font_text(full_report(embed_font=False))
    assert "Period: 2025-01-01 to 2025-12-31 (365 nights)" in text
    assert "Nights logged: 324 of 365" in text
    assert EN.gettext(SELF_REPORTED).replace("–", "-") in text
    assert "Tue 2025-01-07" in text
    assert "Émile: ???? >= 5 ? ?? - Legs" in text  # folded to Latin-1, not crashed
    assert text.count("Date Severity Onset Sleep Efficiency Medicines and times Factors") >= 5
    assert "page 1 of" in text
    assert "Émile" not in core_font_text(full_report(embed_font=False, include_notes=False))


def test_pdf_without_nights_chart_or_summary() -> None:
    pdf = doctor_report([], MARCH, date(2026, 3, 31), None, True, date(2026, 4, 1), None, EN)
    assert page_count(pdf) == 1
