"""The report for the doctor as an A4 PDF (fpdf2), laid out from pdf_blocks.report_blocks.

Text is set in DejaVu Sans, the TrueType font that ships inside matplotlib (found through
the package's location, so matplotlib itself isn't imported and nothing is downloaded); it
covers Latin, Greek and Cyrillic, so names and notes print as typed. Characters the font
has no glyph for (emoji, most CJK) are dropped rather than printed as empty boxes. Without
the font, or with embed_font=False, the PDF uses the built-in Helvetica, which is Latin-1
only: text is folded to Latin-1 first.

fpdf2 is imported when the first report is made, not with this module (start-up memory).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import struct
import threading
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from bot.core.doses import MedicineChange
from bot.core.records import NightRecord
from bot.core.summary_model import MonthSummary
from bot.i18n import Texts
from bot.reports.pdf_blocks import (
    SELF_REPORTED,
    TITLE,
    Block,
    Heading,
    Paragraph,
    Picture,
    Table,
    report_blocks,
)

if TYPE_CHECKING:
    from fpdf import FPDF

    class ReportPDF(FPDF):
        """What _report_class() makes, as the layout functions see it."""

        family_name: str  # the text font: DejaVu, or Helvetica without it
        texts: Texts  # the report's language, for the footer


FAMILY = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_LATIN1_FOLD = str.maketrans({"–": "-", "—": "-", "…": "...", "‘": "'", "’": "'", "“": '"',
                              "”": '"', "≥": ">=", "≤": "<=", "×": "x"})  # fmt: skip
PAGE_W_MM, MARGIN_MM = 210, 15
TABLE_PT, ROW_MM = 9, 5.6
MAX_CELL_LINES = 4  # a night with more medicines than that shows the rest shortened
# Reports are made in threads (asyncio.to_thread). Writing one out subsets its fonts with
# fontTools, which fills shared tables on first use without a lock (the OS/2 Unicode
# ranges): a report written out during that could get wrong font data. One at a time.
_OUTPUT_LOCK = threading.Lock()


def doctor_report(
    records: list[NightRecord],
    start: date,
    end: date,
    summary: MonthSummary | None,
    include_notes: bool,
    generated: date,
    chart_png: bytes | None,
    t: Texts,
    *,
    changes: Sequence[MedicineChange] = (),
    embed_font: bool = True,
) -> bytes:
    """The PDF's bytes, in the language of `t`. `generated` is also the document's creation
    date, so the same input gives the same bytes."""
    blocks = report_blocks(
        records, start, end, summary, include_notes, generated, chart_png, t, changes=changes
    )
    subject = t.gettext("RLS diary {start} to {end}", start=start.isoformat(), end=end.isoformat())
    return render(blocks, subject, generated, t, embed_font=embed_font)


def render(
    blocks: list[Block], subject: str, generated: date, t: Texts, *, embed_font: bool = True
) -> bytes:
    pdf = _report_class()(orientation="P", unit="mm", format="A4")
    pdf.texts = t
    fonts = font_dir() if embed_font else None
    if fonts is not None:
        for style, name in _FONT_FILES.items():
            pdf.add_font(FAMILY, style, fonts / name)
        pdf.family_name = FAMILY
    pdf.set_title(t.gettext(TITLE))
    pdf.set_subject(subject)
    pdf.set_creator("Stillnight")
    pdf.set_lang(t.language)
    pdf.set_creation_date(datetime.combine(generated, time(), UTC))
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for i, block in enumerate(blocks):
        match block:
            case Heading():
                _heading(pdf, block.text, first=i == 0)
            case Paragraph():
                _paragraph(pdf, block)
            case Picture():
                _picture(pdf, block)
            case Table():
                _table(pdf, block)
    with _OUTPUT_LOCK:
        return bytes(pdf.output())


def font_dir() -> Path | None:
    """matplotlib's bundled TrueType folder if it holds the DejaVu Sans files, else None."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"
    return folder if all((folder / f).is_file() for f in _FONT_FILES.values()) else None


@functools.cache
def _report_class() -> type[ReportPDF]:
    """FPDF with our footer; made on first use so that fpdf2 loads lazily."""
    from fpdf import FPDF

    class Report(FPDF):
        family_name = "Helvetica"
        texts: Texts

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(self.family_name, "", 8)
            self.set_text_color(90)
            t = self.texts
            line = t.gettext(
                "{title} · self-reported data · page {page} of {pages}",
                title=t.gettext(TITLE),
                page=t.number(self.page_no()),
                pages="{nb}",  # fpdf2 puts the page count there when the PDF is written
            )
            self.cell(0, 5, fit(self, line), align="C")
            self.set_text_color(0)

    return cast("type[ReportPDF]", Report)


def fit(pdf: FPDF, text: str) -> str:
    """Text the current font can print: unknown glyphs dropped, or folded to Latin-1."""
    font = pdf.current_font
    cmap = getattr(font, "cmap", None)
    if cmap is None:  # a core font
        return text.translate(_LATIN1_FOLD).encode("latin-1", "replace").decode("latin-1")
    return "".join(ch for ch in text if ch == "\n" or ord(ch) in cmap)


def _heading(pdf: ReportPDF, text: str, first: bool) -> None:
    size = 18 if first else 13
    if not first:
        if pdf.will_page_break(8 + 4 * ROW_MM):  # keep a heading with what follows it
            pdf.add_page()
        else:
            pdf.ln(4)
    pdf.set_font(pdf.family_name, "B", size)
    pdf.multi_cell(0, size * 0.5, fit(pdf, text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _paragraph(pdf: ReportPDF, block: Paragraph) -> None:
    pdf.set_font(pdf.family_name, block.style, block.size)
    text = fit(pdf, block.text)
    pdf.multi_cell(0, block.size * 0.48, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _picture(pdf: ReportPDF, block: Picture) -> None:
    width_px, height_px = struct.unpack(">II", block.png[16:24])  # the PNG IHDR chunk
    height = block.width_mm * height_px / width_px
    if pdf.will_page_break(height):
        pdf.add_page()
    pdf.image(io.BytesIO(block.png), x=(PAGE_W_MM - block.width_mm) / 2, w=block.width_mm)
    pdf.ln(2)


def _table(pdf: ReportPDF, table: Table) -> None:
    """Cells wrap onto a few lines (several medicines, a long name), the header is repeated
    on every page, alternate rows shaded. Drawn with plain cells: fpdf2's table() took three
    times as long for a year of nights (`python -m bench summary`)."""
    if pdf.will_page_break(ROW_MM * 3):
        pdf.add_page()
    _table_row(pdf, table.header, table.widths_mm, header=True)
    for n, row in enumerate(table.rows):
        pdf.set_font(pdf.family_name, "", TABLE_PT)
        lines = [
            _wrap(pdf, fit(pdf, text), width - 2)
            for text, width in zip(row, table.widths_mm, strict=True)
        ]
        if pdf.will_page_break(ROW_MM * max(map(len, lines))):
            pdf.add_page()
            _table_row(pdf, table.header, table.widths_mm, header=True)
        _lines_row(pdf, lines, table.widths_mm, shade=n % 2 == 1, style="")
    pdf.ln(2)


def _table_row(pdf: ReportPDF, cells: tuple[str, ...], widths: tuple[float, ...], *,
               header: bool = False) -> None:  # fmt: skip
    pdf.set_font(pdf.family_name, "B" if header else "", TABLE_PT)
    lines = [
        _wrap(pdf, fit(pdf, text), width - 2) for text, width in zip(cells, widths, strict=True)
    ]
    _lines_row(pdf, lines, widths, shade=True, style="B" if header else "")


def _lines_row(
    pdf: ReportPDF, cells: list[list[str]], widths: tuple[float, ...], *, shade: bool,
    style: Literal["", "B"],
) -> None:  # fmt: skip
    """One row, as tall as its tallest cell; the header's ("B") darker."""
    height = ROW_MM * max(map(len, cells))
    x, y = pdf.get_x(), pdf.get_y()
    pdf.set_font(pdf.family_name, style, TABLE_PT)
    if shade:
        pdf.set_fill_color(215 if style else 240)
        pdf.rect(x, y, sum(widths), height, style="F")
    for lines, width in zip(cells, widths, strict=True):
        for n, line in enumerate(lines):
            pdf.set_xy(x, y + n * ROW_MM)
            pdf.cell(width, ROW_MM, line)
        x += width
    pdf.set_xy(pdf.l_margin, y + height)


def _wrap(pdf: ReportPDF, text: str, width: float) -> list[str]:
    """The text's lines (its own line breaks, then words wrapped to the width), at most
    MAX_CELL_LINES; the last one shortened with an ellipsis if more would be needed."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and pdf.get_string_width(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    if len(lines) > MAX_CELL_LINES:
        lines = [*lines[: MAX_CELL_LINES - 1], " ".join(lines[MAX_CELL_LINES - 1 :])]
    return [_clip(pdf, line, width) for line in lines]


def _clip(pdf: ReportPDF, text: str, width: float) -> str:
    """Shorten to the column's width with an ellipsis (a very long word, say)."""
    if pdf.get_string_width(text) <= width:
        return text
    dots = fit(pdf, "…")
    while text and pdf.get_string_width(text + dots) > width:
        text = text[:-1]
    return text.rstrip() + dots


__all__ = ["SELF_REPORTED", "TITLE", "doctor_report", "font_dir", "render"]
