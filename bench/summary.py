"""``python -m bench summary [--runs 15]``: the monthly text, the chart and the doctor's PDF,
for a month, 90 days and a year.

A synthetic user with a year of nights (seeded; see year_of_nights). Timed, as the median of
``--runs`` runs after one warm-up, in one long-running process like the bot:
- month: text = summary_text(summarize(...), t) for the last month (the phone's /summary),
  chart = period_chart of that month; pdf = the doctor's report of that month, notes included;
- 90 days and year: text = the report's page-1 figures and blocks (report_blocks), chart =
  period_chart of the period (by week), pdf = doctor_report of the period with its chart;
  targets for each: text < 20 ms, chart < 200 ms, pdf < 500 ms;
- csv: nights_csv for the whole year (no target);
- database: the year read from a SQLite database through the data layer (bench/summary_db.py),
  where encryption at rest costs: every answer is opened on read.
Baselines, same run: the same chart drawn through pyplot's state machine with default
styling (plt.subplots / savefig / close), and the same PDF with the built-in Helvetica
instead of the embedded DejaVu Sans.
A fresh subprocess measures first-use costs: resident memory (RSS) and time of importing
the report modules, matplotlib and fpdf2, and of the first chart and PDF.
The last line of output is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from datetime import time as clock

from bot.core.doses import MedicineChange, TakenDose
from bot.core.periods import Span
from bot.core.records import NightRecord
from bot.core.sleep_diary import DiaryTimes, metrics
from bot.core.summary import summarize
from bot.i18n import texts_for
from bot.reports.chart import period_chart
from bot.reports.csv_export import nights_csv
from bot.reports.pdf_blocks import report_blocks
from bot.reports.pdf_report import doctor_report
from bot.reports.request import ReportRequest

EN = texts_for("en")

TARGETS_MS = {"text": 20, "chart": 200, "pdf": 500}
PERIODS = {
    "month": Span(date(2025, 12, 1), date(2025, 12, 31)),
    "90 days": Span(date(2025, 10, 3), date(2025, 12, 31)),
    "year": Span(date(2025, 1, 1), date(2025, 12, 31)),
}
CHANGES = (
    MedicineChange(date(2025, 10, 20), "iron", "started"),
    MedicineChange(date(2025, 12, 10), "pramipexole", "changed", "0.5 mg"),
)


def request_of(records: list[NightRecord], span: Span) -> ReportRequest:
    return ReportRequest(
        records=tuple(r for r in records if r.night in span),
        span=span,
        changes=tuple(c for c in CHANGES if c.day in span),
        include_notes=True,
        generated=span.end,
        zone=ZONE,
        language="en",
    )


# ---------------------------------------------------------------- the synthetic user

ZONE = "Europe/Berlin"
NOTES = (
    "Long drive today, legs bad in the car",
    'Doctor said "keep a diary", so here it is',
    "Walked at 2 am, then again at 4\nTired all day",
    "=cmd|' /C calc'!A0",
    "Café au lait after lunch, Müdigkeit",
    "Ноги беспокоили весь вечер",
    "Better night 🙂 finally",
    "Hot bath, stretching, helped a bit; slept ok",
)


def _clock(minutes: float) -> clock:
    m = round(minutes) % (24 * 60)
    return clock(m // 60, m % 60)


def _trips(rng: random.Random, start: date, days: int) -> set[date]:
    away: set[date] = set()
    for _ in range(2):
        first = start + timedelta(days=rng.randrange(20, days - 20))
        away |= {first + timedelta(days=i) for i in range(rng.randint(5, 10))}
    return away


def year_of_nights(seed: int = 2013, start: date = date(2025, 1, 1)) -> list[NightRecord]:
    """About 300 nights from `start` on, oldest first."""
    rng = random.Random(seed)
    days = 365
    away = _trips(rng, start, days)
    base = 5.0
    records = []
    for i in range(days):
        night = start + timedelta(days=i)
        if night.day == 1:
            base = min(8.0, max(2.0, base + rng.uniform(-1.5, 1.5)))
        if night in away or rng.random() < 0.08:
            continue
        severity = max(0, min(10, round(rng.gauss(base, 2))))
        with_checkin, with_diary = rng.random() > 0.03, rng.random() > 0.12
        fields: dict[str, object] = {}
        if with_checkin:
            fields |= _checkin(rng, severity, i / days)
        if with_diary:
            fields |= _diary(rng, night, severity)
        if fields:
            records.append(NightRecord(night=night, **fields))  # type: ignore[arg-type]
    return records


def _checkin(rng: random.Random, severity: int, progress: float) -> dict[str, object]:
    onset = "none" if severity == 0 else rng.choice(["bedtime", "evening", "evening", "afternoon"])
    locations = ["calves"] + (["thighs"] if rng.random() < 0.3 else [])
    if rng.random() < 0.2 * progress:  # arms later in the year
        locations.append("arms")
    took = rng.random() < 0.6
    medicines = [TakenDose("pramipexole", _clock(rng.gauss(21 * 60 + 30, 25)), "0.25 mg")]
    if rng.random() < 0.4:
        medicines.append(TakenDose("iron", _clock(rng.gauss(18 * 60, 20))))
    return {
        "checkin_saved": True,
        "severity": severity,
        "onset": onset,
        "urge": rng.choice(["rarely", "sometimes", "often", "constantly"]),
        "locations": tuple(locations),
        "sensations": tuple(rng.sample(["creeping", "tingling", "aching", "pulling"], 2)),
        "took_medicine": took,
        "medicines": tuple(medicines) if took else (),
        "caffeine": rng.random() < 0.3,
        "alcohol": rng.random() < 0.2,
        "exercise": rng.random() < 0.4,
        "nicotine": False,
        "own_factors": ("long car ride",) if rng.random() < 0.1 else (),
        "note": rng.choice(NOTES) if rng.random() < 0.15 else None,
    }


def _diary(rng: random.Random, night: date, severity: int) -> dict[str, object]:
    bed = rng.gauss(22 * 60 + 50, 35)
    tried = bed + rng.randint(0, 25)
    wake = rng.gauss(30 * 60 + 40, 30)  # 06:40 next morning
    latency = min(150, max(5, round(rng.gauss(15 + 6 * severity, 15))))
    awakenings = rng.randint(0, 1 + severity // 2)
    awake = 0 if awakenings == 0 else min(150, awakenings * rng.randint(5, 20) + severity * 3)
    times = DiaryTimes(
        bed=_clock(bed), tried=_clock(tried), wake=_clock(wake), out_of_bed=_clock(wake + 15)
    )
    m = metrics(night, ZONE, times, latency, awake)
    return {
        "diary_saved": True,
        "bed_time": times.bed,
        "tried_time": times.tried,
        "latency_min": latency,
        "awakenings": awakenings,
        "awake_min": awake,
        "wake_time": times.wake,
        "out_time": times.out_of_bed,
        "quality": max(1, min(5, round(rng.gauss(4.5 - severity / 3, 0.8)))),
        "legs": 0 if severity < 3 else rng.choice([0, 1, 2]),
        "walks": rng.randint(0, severity // 3),
        "time_in_bed_min": m.time_in_bed_min,
        "total_sleep_min": m.total_sleep_min,
        "sleep_efficiency_pct": m.sleep_efficiency_pct,
    }


# ---------------------------------------------------------------- timing


def median_ms(work: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` calls after one warm-up call."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def pyplot_chart(records: list[NightRecord], month: date) -> bytes:
    """The baseline: the same bars, line and reference lines through pyplot, default style."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    days = [r.night.day for r in records if r.night.replace(day=1) == month]
    by_day = {r.night.day: r for r in records if r.night.replace(day=1) == month}
    fig, ax = plt.subplots(figsize=(8, 6), dpi=150)
    rated = [d for d in days if by_day[d].severity is not None]
    ax.bar(rated, [by_day[d].severity for d in rated])
    hours = ax.twinx()
    slept = [d for d in days if by_day[d].total_sleep_min is not None]
    hours.plot(slept, [by_day[d].total_sleep_min / 60 for d in slept], "o-")  # type: ignore[operator]
    hours.axhline(7, ls="--")
    hours.axhline(5.5, ls=":")
    out = io.BytesIO()
    plt.savefig(out, format="png", dpi=150)
    plt.close(fig)
    return out.getvalue()


# Run in a fresh interpreter: what the bot pays the first time someone asks for a chart/PDF.
_FIRST_USE = r"""
import json, os, sys, time
from datetime import date
sys.path.insert(0, os.getcwd())
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
out = {}
import bot.core.summary  # the bot has it loaded anyway
from bot.i18n import texts_for
en = texts_for("en")
out["rss_start_mb"] = rss()
t = time.perf_counter()
import bot.reports.chart, bot.reports.csv_export, bot.reports.pdf_report
out["import_reports_ms"] = (time.perf_counter() - t) * 1000
out["rss_after_report_modules_mb"] = rss()
from bench.summary import year_of_nights
records = year_of_nights()
month = date(2025, 12, 1)
t = time.perf_counter()
import matplotlib.figure, matplotlib.backends.backend_agg
out["import_matplotlib_ms"] = (time.perf_counter() - t) * 1000
out["rss_after_matplotlib_mb"] = rss()
t = time.perf_counter()
from bot.core.periods import Span
year = Span(date(2025, 1, 1), date(2025, 12, 31))
png = bot.reports.chart.period_chart(records, year, (), en)
out["first_chart_ms"] = (time.perf_counter() - t) * 1000
out["rss_after_first_chart_mb"] = rss()
t = time.perf_counter()
import fpdf
out["import_fpdf_ms"] = (time.perf_counter() - t) * 1000
out["rss_after_fpdf_mb"] = rss()
t = time.perf_counter()
from bench.summary import request_of
bot.reports.pdf_report.doctor_report(request_of(records, year), png, en)
out["first_pdf_ms"] = (time.perf_counter() - t) * 1000
out["rss_after_first_pdf_mb"] = rss()
print(json.dumps({k: round(v, 1) for k, v in out.items()}))
"""


def first_use() -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_USE], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench summary", description=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="timed runs per figure (default 15)")
    parser.add_argument("--seed", type=int, default=2013, help="the synthetic user's seed")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)

    cold = first_use()  # first, before this process has warmed any cache
    # The phone's text is a view of the handlers (and their package loads Telegram's): imported
    # here, not at the top, so the fresh process of first_use() measures the reports alone.
    from handlers.summary_view import summary_text

    records = year_of_nights(args.seed)
    month = PERIODS["month"].start
    summary = summarize(records, month, records)
    notes = sum(1 for r in records if r.note)

    def period_text(request: ReportRequest) -> object:
        return report_blocks(request, None, EN)

    timing: dict[str, dict[str, float]] = {}
    charts: dict[str, bytes] = {}
    pdfs: dict[str, bytes] = {}
    for name, span in PERIODS.items():
        request = request_of(records, span)
        charts[name] = chart = period_chart(request.records, span, request.changes, EN)
        pdfs[name] = doctor_report(request, chart, EN)
        if name == "month":
            text = median_ms(lambda: summary_text(summarize(records, month, records), EN), runs)
        else:
            text = median_ms(lambda request=request: period_text(request), runs)  # type: ignore[misc]
        timing[name] = {
            "text": text,
            "chart": median_ms(
                lambda request=request, span=span: period_chart(  # type: ignore[misc]
                    request.records, span, request.changes, EN
                ),
                runs,
            ),
            "pdf": median_ms(
                lambda request=request, chart=chart: doctor_report(request, chart, EN),
                runs,  # type: ignore[misc]
            ),
        }
    from bench.summary_db import year_from_database

    database = year_from_database(runs)
    year = request_of(records, PERIODS["year"])
    csv_ms = median_ms(lambda: nights_csv(records, EN), runs)
    baseline = {
        "chart_pyplot": median_ms(lambda: pyplot_chart(records, month), runs),
        "pdf_core_font_year": median_ms(
            lambda: doctor_report(year, charts["year"], EN, embed_font=False), runs
        ),
    }
    sizes = {
        name: {
            "chart_png_kb": round(len(charts[name]) / 1024, 1),
            "pdf_kb": round(len(pdfs[name]) / 1024, 1),
            "pdf_pages": len(re.findall(rb"/Type\s*/Page(?!s)", pdfs[name])),
        }
        for name in PERIODS
    }
    met = {
        name: {part: timing[name][part] < limit for part, limit in TARGETS_MS.items()}
        for name in PERIODS
    }

    print(
        f"synthetic year: {len(records)} nights logged of 365 "
        f"({summary.nights_logged} in {month:%B %Y}), {notes} with a note; {runs} runs each"
    )
    print(f"  {'period':<9}{'text ms':>9}{'chart ms':>10}{'PDF ms':>9}  pages  (targets "
          f"{TARGETS_MS['text']} / {TARGETS_MS['chart']} / {TARGETS_MS['pdf']} ms)")  # fmt: skip
    for name in PERIODS:
        row = timing[name]
        over = [part for part, ok in met[name].items() if not ok]
        verdict = "ok" if not over else "OVER: " + ", ".join(over)
        print(
            f"  {name:<9}{row['text']:>9.1f}{row['chart']:>10.1f}{row['pdf']:>9.1f}"
            f"  {sizes[name]['pdf_pages']:>5}  {verdict}"
        )
    print(f"  csv (year) median {csv_ms:.1f} ms")
    sealed = "sealed" if database["sealed"] else "in clear"
    print(f"  the year read from SQLite ({sealed}) median {database['year_ms']:.1f} ms")
    print(
        f"baseline: pyplot chart of the month {baseline['chart_pyplot']} ms; "
        f"year PDF with Helvetica (no embedded font) {baseline['pdf_core_font_year']} ms"
    )
    print(
        f"first use (fresh process): report modules {cold['import_reports_ms']} ms "
        f"(+{cold['rss_after_report_modules_mb'] - cold['rss_start_mb']:.1f} MB); "
        f"matplotlib {cold['import_matplotlib_ms']} ms "
        f"(+{cold['rss_after_matplotlib_mb'] - cold['rss_after_report_modules_mb']:.1f} MB); "
        f"first chart {cold['first_chart_ms']} ms "
        f"(RSS +{cold['rss_after_first_chart_mb'] - cold['rss_after_report_modules_mb']:.1f} MB "
        f"in all); fpdf2 {cold['import_fpdf_ms']} ms "
        f"(+{cold['rss_after_fpdf_mb'] - cold['rss_after_first_chart_mb']:.1f} MB); "
        f"first PDF {cold['first_pdf_ms']} ms "
        f"(RSS {cold['rss_after_first_pdf_mb']:.1f} MB at the end)"
    )
    print(
        json.dumps(
            {
                "bench": "summary",
                "nights": len(records),
                "runs": runs,
                "median_ms": timing,
                "csv_ms": csv_ms,
                "database": database,
                "targets_ms": TARGETS_MS,
                "targets_met": met,
                "baseline_ms": baseline,
                "sizes": sizes,
                "first_use": cold,
            }
        )
    )
    return 0
