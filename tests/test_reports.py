"""Chart, CSV export and the doctor's PDF (bot/reports)."""

from __future__ import annotations

import csv
import io
import logging
import os
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

from bot.core.doses import MedicineChange, TakenDose
from bot.core.entries.checkin import CHECKIN
from bot.core.entries.diary import DIARY
from bot.core.periods import Span
from bot.core.records import NightRecord
from bot.i18n import texts_for
from bot.reports.chart import period_chart
from bot.reports.chart_data import chart_data
from bot.reports.csv_dictionary import dictionary_csv
from bot.reports.csv_export import COLUMNS, nights_csv
from bot.reports.pdf_blocks import (
    SELF_REPORTED,
    TABLE_HEADER,
    TITLE,
    Callout,
    Picture,
    Table,
    block_text,
    report_blocks,
)
from bot.reports.pdf_report import PLACEHOLDER, doctor_report, font_dir
from bot.reports.request import ReportRequest

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


MARCH_SPAN = Span(MARCH, date(2026, 3, 31))


def month_chart(records: list[NightRecord], month: date) -> bytes:
    from bot.core.months import month_end

    return period_chart(records, Span(month, month_end(month)), (), EN)


@pytest.mark.parametrize(
    ("records", "month"),
    [
        (month_of(MARCH, 31), MARCH),  # a full month
        (month_of(date(2024, 2, 1), 29, skip={3, 4, 5, 17, 29}), date(2024, 2, 1)),  # leap, gaps
        ([], date(2026, 4, 1)),  # nothing logged
    ],
    ids=["full", "gaps", "empty"],
)
def test_chart_is_a_png_wide_enough_for_print_and_phone(
    records: list[NightRecord], month: date
) -> None:
    data = month_chart(records, month)
    width, height = png_size(data)
    assert width == 1200 and 1000 < height < 1600
    pixels = imread(io.BytesIO(data), format="png")
    assert pixels.std() > 0.05  # not a blank picture


def test_chart_ignores_other_months_and_unknown_values() -> None:
    february = month_of(date(2026, 2, 1), 28)
    assert month_chart(february, MARCH) == month_chart([], MARCH)
    partial = [night(MARCH, severity=None, sleep=None), night(MARCH + timedelta(1), 0, None)]
    assert png_size(month_chart(partial, MARCH))[0] == 1200


def test_chart_shows_zeros_gaps_medicines_and_numbered_changes() -> None:
    records = [
        night(MARCH, severity=0),
        night(MARCH + timedelta(1), severity=6,
              medicines=(TakenDose("pramipexole", time(21, 30)), TakenDose("iron", time(18)))),
        night(MARCH + timedelta(6), severity=3),  # 2-6 March not logged
    ]  # fmt: skip
    changes = (
        MedicineChange(date(2026, 3, 2), "iron", "started"),
        MedicineChange(date(2026, 3, 20), "pramipexole", "changed", "0.5 mg"),
        MedicineChange(date(2026, 4, 2), "iron", "stopped"),  # after the period: not shown
    )
    data = chart_data(records, MARCH_SPAN, changes)
    assert not data.weekly and len(data.slots) == 31
    assert data.slots[0].severity == 0  # a zero is a value, drawn as a ring
    assert data.gaps[0] == (1.5, 5.5)  # 3-6 March, shaded
    assert [(m.name, sum(m.taken)) for m in data.medicines] == [("pramipexole", 3), ("iron", 1)]
    assert [(m.number, m.x) for m in data.markers] == [(1, 1.0), (2, 19.0)]


def test_a_move_is_marked_on_the_chart_and_page_one_names_each_zone() -> None:
    berlin, new_york = "Europe/Berlin", "America/New_York"
    records = [night(MARCH + timedelta(days=i), zone=berlin) for i in range(10)]
    records += [night(MARCH + timedelta(days=i), zone=new_york) for i in range(10, 20)]
    data = chart_data(records, MARCH_SPAN, ())
    assert [(m.x, m.day, m.zone) for m in data.moves] == [(9.5, date(2026, 3, 11), new_york)]
    assert chart_data(records[:10], MARCH_SPAN, ()).moves == ()  # one zone: nothing marked
    weekly = chart_data(records, Span(date(2026, 1, 1), MARCH_SPAN.end), ())
    assert [round(m.x, 3) for m in weekly.moves] == [round((69 + 0.5) / 7 - 0.5 - 0.5 / 7, 3)]
    assert png_size(period_chart(records, MARCH_SPAN, (), EN))[0] == 1200
    text = block_text(blocks_for(records, include_notes=False))
    assert (
        "Time zones: Europe/Berlin (2026-03-01 to 2026-03-10) and America/New_York "
        "(2026-03-11 to 2026-03-20)"
    ) in text


def test_long_periods_are_drawn_by_week() -> None:
    span = Span(date(2026, 1, 1), date(2026, 3, 31))
    records = [night(span.start + timedelta(days=i), severity=i % 11) for i in range(90)]
    data = chart_data(records, span, ())
    assert data.weekly and len(data.slots) == 13 and data.slots[-1].days == 6
    first = data.slots[0]
    assert (first.severity, first.severity_low, first.severity_high) == (3, 0, 6)
    assert png_size(period_chart(records, span, (), EN))[0] == 1200


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
    """Concurrent calls (a worker's threads, the docs script) give the same bytes as serial."""
    months = [date(2026, m, 1) for m in (1, 2, 3, 4)]
    records = [r for m in months for r in month_of(m, 28, skip={m.month * 3})]
    serial = [month_chart(records, m) for m in months]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda m: month_chart(records, m), months * 2)) == serial * 2
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


def request_for(
    records: list[NightRecord], include_notes: bool = False, span: Span = MARCH_SPAN, **kw
) -> ReportRequest:
    fields = {
        "records": tuple(records), "span": span, "changes": (), "include_notes": include_notes,
        "generated": date(2026, 4, 2), "zone": "Europe/Berlin", "language": "en",
    } | kw  # fmt: skip
    return ReportRequest(**fields)  # type: ignore[arg-type]


def blocks_for(records: list[NightRecord], include_notes: bool, chart_png=None, **kw):
    return report_blocks(request_for(records, include_notes, **kw), chart_png, EN)


def test_report_states_period_nights_zone_table_and_self_reported() -> None:
    records = month_of(MARCH, 31, skip={2, 9, 10})
    records.append(night(date(2026, 2, 27)))  # before the period: left out
    text = block_text(blocks_for(records, include_notes=False, name="Ana Example"))
    assert EN.gettext(TITLE) in text
    assert "Patient: Ana Example" in text
    assert "Period: 2026-03-01 to 2026-03-31 (31 nights)" in text
    assert "Nights logged: 28 of 31 (evening check-in 28, morning sleep diary 28)" in text
    assert "Time zone: Europe/Berlin" in text
    assert EN.gettext(SELF_REPORTED) in text
    assert "Report generated: 2026-04-02" in text
    assert (
        "Wed 2026-03-04 | 3 | evening | Calves, Thighs | 4 h 30 min | 82% | – | – | – | "
        "pramipexole 21:30 | none"
    ) in text
    assert "2026-02-27" not in text and "2026-03-02" not in text


def test_page_one_has_severity_sleep_and_medicine_figures() -> None:
    records = [
        night(MARCH + timedelta(days=i), severity=4 + i % 2, latency_min=20 + i, awakenings=2,
              awake_min=30, walks=i % 2)
        for i in range(6)
    ]  # fmt: skip
    text = block_text(blocks_for(records, include_notes=False))
    assert "Severity (0-10): mean 4.5 over 6 rated nights." in text
    assert (
        "Sleep diary, means over 6 mornings: total sleep 6 h 40 min; efficiency 87%; "
        "time to fall asleep 23 min; awake after falling asleep 30 min; awakenings 2."
    ) in text
    assert "Got up to walk on 3 of 6 mornings answered." in text
    assert "Medicine as entered: pramipexole, taken on 6 nights, usually around 21:30." in text
    row = next(line for line in text.splitlines() if line.startswith("Mon 2026-03-02"))
    assert "| 21 min | 2 / 30 min | 1 |" in row


def test_signals_worth_raising_are_set_apart_in_plain_words() -> None:
    early = [night(MARCH + timedelta(days=i), severity=3, locations=("calves",)) for i in range(15)]
    late = [
        night(MARCH + timedelta(days=15 + i), severity=7, onset="afternoon",
              locations=("calves", "arms"))
        for i in range(16)
    ]  # fmt: skip
    blocks = blocks_for(early + late, include_notes=False)
    [callout] = [b for b in blocks if isinstance(b, Callout)]
    assert callout.title == "Worth raising with your doctor"
    text = "\n".join(callout.lines)
    assert "Symptoms have been starting earlier in the day since 2026-03-16 than before." in text
    assert "Symptoms in the arms: on 16 of 16 nights since 2026-03-16, against 0 of 15" in text
    assert (
        "Severity rose on nights with pramipexole: mean 3.0 over its first 15 rated nights, "
        "7.0 over the last 15"
    ) in text
    assert "Not a diagnosis." in text
    steady = [night(MARCH + timedelta(days=i)) for i in range(31)]
    assert not [b for b in blocks_for(steady, False) if isinstance(b, Callout)]


def test_report_table_marks_unknown_and_no_medicine() -> None:
    records = [
        night(MARCH, severity=None, sleep=None, locations=()),
        night(MARCH + timedelta(1), took_medicine=False, medicines=(), caffeine=None),
    ]
    [table] = [b for b in blocks_for(records, False) if isinstance(b, Table)]
    assert table.header == tuple(EN.gettext(name) for name in TABLE_HEADER)
    assert table.rows[0] == (
        "Sun 2026-03-01", "–", "evening", "–", "–", "–", "–", "–", "–", "pramipexole 21:30",
        "none",
    )  # fmt: skip
    assert table.rows[1][9:] == ("none", "–")


def test_own_factors_are_in_the_table() -> None:
    records = [night(MARCH, caffeine=True, own_factors=("long car ride",))]
    [table] = [b for b in blocks_for(records, False) if isinstance(b, Table)]
    assert table.rows[0][10] == "Caffeine after noon, long car ride"


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


def test_report_includes_the_chart_and_numbered_changes() -> None:
    records = month_of(MARCH, 31)
    changes = (MedicineChange(date(2026, 3, 5), "iron", "started"),)
    chart = period_chart(records, MARCH_SPAN, changes, EN)
    blocks = blocks_for(records, False, chart_png=chart, changes=changes)
    assert Picture(chart) in blocks
    text = block_text(blocks)
    assert "Medicine changes (numbered as on the chart)\n1. 2026-03-05: iron started" in text
    assert "<b>" not in text and "<i>" not in text


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
    year = Span(date(2025, 1, 1), date(2025, 12, 31))
    chart = period_chart(records, year, (), EN)
    request = request_for(records, include_notes, span=year, generated=date(2026, 1, 3))
    return doctor_report(request, chart, EN, embed_font=embed_font)


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
    assert text.count("Date Severity Onset Body parts Sleep Efficiency") >= 5
    assert "page 1 of" in text
    assert "Émile" not in core_font_text(full_report(embed_font=False, include_notes=False))


def test_pdf_without_nights_chart_or_summary() -> None:
    pdf = doctor_report(request_for([], True), None, EN)
    assert page_count(pdf) == 2  # page 1 for the doctor, then the (empty) nights


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_emoji_are_printed_and_other_missing_glyphs_shown_as_a_placeholder() -> None:
    records = [night(MARCH, note="Drove 🚗, bath 🛁, wine 🍷 ❤️ 漢字")]
    text = pdf_text(doctor_report(request_for(records, include_notes=True), None, EN))
    assert "Drove 🚗, bath 🛁, wine 🍷 ❤" in text  # from the emoji font
    assert f"{PLACEHOLDER}{PLACEHOLDER}" in text  # the two CJK characters
    assert (
        f"2 characters could not be printed with the report's fonts and are shown as {PLACEHOLDER}."
        in text
    )
    clean = pdf_text(doctor_report(request_for(records[:0], include_notes=True), None, EN))
    assert "could not be printed" not in clean


async def test_charts_and_reports_are_made_in_worker_processes() -> None:
    """Off the bot's process (its event loop and memory), with the same bytes as made here."""
    from bot.reports import workers

    try:
        assert await workers.run(os.getpid) != os.getpid()
        records = month_of(MARCH, 31)
        chart = await workers.run(workers.chart_png, records, MARCH_SPAN, (), "en")
        assert chart == period_chart(records, MARCH_SPAN, (), EN)
        request = request_for(records)
        assert await workers.run(workers.report_pdf, request) == doctor_report(request, chart, EN)
    finally:
        workers.shutdown()
