"""``python -m stillnight_dev.pictures``: docs/*.png, the chart and page 1 of the report as
people see them, drawn from the benchmark's synthetic year (bench/summary.py), so they stay
current with the code. Each picture also at 400 px wide, a phone's width.

Look at them after changing the chart or the report (docs/ARCHITECTURE.md, "Look at what
people see"): a test proves a chart is made, only looking proves it reads well.
"""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

from bench.summary import year_of_nights
from bot.core.doses import MedicineChange
from bot.core.periods import Span
from bot.i18n import texts_for
from bot.reports.chart import period_chart
from bot.reports.pdf_report import doctor_report
from bot.reports.request import ReportRequest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PHONE_PX = 400
CHANGES = (
    MedicineChange(date(2025, 11, 5), "iron", "started"),
    MedicineChange(date(2025, 11, 20), "pramipexole", "changed", "0.5 mg"),
)
PERIODS = {"30-days": Span(date(2025, 11, 1), date(2025, 11, 30)),
           "year": Span(date(2025, 1, 1), date(2025, 12, 31))}  # fmt: skip


def _save(png: bytes, name: str) -> list[Path]:
    """The picture as it is and at PHONE_PX wide."""
    from PIL import Image

    full = DOCS / f"{name}.png"
    full.write_bytes(png)
    image = Image.open(io.BytesIO(png))
    phone = image.resize((PHONE_PX, round(image.height * PHONE_PX / image.width)), Image.LANCZOS)
    small = DOCS / f"{name}-phone.png"
    phone.save(small)
    return [full, small]


def _page_one(pdf: bytes) -> bytes:
    import pypdfium2

    page = pypdfium2.PdfDocument(pdf)[0]
    out = io.BytesIO()
    page.render(scale=1.6).to_pil().save(out, format="PNG")
    return out.getvalue()


def main() -> int:
    t = texts_for("en")
    records = tuple(year_of_nights())
    written = []
    for name, span in PERIODS.items():
        changes = tuple(c for c in CHANGES if c.day in span)
        chart = period_chart(records, span, changes, t)
        written += _save(chart, f"chart-{name}")
        request = ReportRequest(
            records=tuple(r for r in records if r.night in span), span=span, changes=changes,
            include_notes=True, generated=span.end, zone="Europe/Berlin", language="en",
            name="Ana Example",
        )  # fmt: skip
        written += _save(_page_one(doctor_report(request, chart, t)), f"report-{name}-page1")
    for path in written:
        print(path.relative_to(DOCS.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
