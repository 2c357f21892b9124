"""The report for the doctor as an A4 PDF (fpdf2), laid out from pdf_blocks.report_blocks.

Text is set in DejaVu Sans, the TrueType font that ships inside matplotlib (found through
the package's location, so matplotlib itself isn't imported and nothing is downloaded); it
covers Latin, Greek and Cyrillic. Emoji the patient typed (🚗 🛁 🍷) come from Noto Emoji, a
fallback font kept in bot/reports/fonts (SIL Open Font License, OFL.txt beside it). No
character is dropped silently: one that neither font has (most CJK, say) is printed as
PLACEHOLDER, and the report ends with a line saying how many were. Without the font, or with
embed_font=False, the PDF uses the built-in Helvetica, which is Latin-1 only: text is folded
to Latin-1 first (a "?" for the rest).

fpdf2 is imported when the first report is made, not with this module (start-up memory).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import struct
import threading
import unicodedata
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from bot.i18n import Texts
from bot.reports.pdf_blocks import (
    SELF_REPORTED,
    TITLE,
    Block,
    Callout,
    Heading,
    PageBreak,
    Paragraph,
    Picture,
    Table,
    report_blocks,
)
from bot.reports.request import ReportRequest

if TYPE_CHECKING:
    from fpdf import FPDF

    class ReportPDF(FPDF):
        """What _report_class() makes, as the layout functions see it."""

        family_name: str  # the text font: DejaVu, or Helvetica without it
        texts: Texts  # the report's language, for the footer
        printable: frozenset[int]  # code points the text and fallback fonts have
        replaced: int  # characters printed as PLACEHOLDER so far


FAMILY = "DejaVu"
EMOJI_FAMILY = "NotoEmoji"
EMOJI_FONT = Path(__file__).parent / "fonts" / "NotoEmoji.ttf"
PLACEHOLDER = "□"  # U+25A1, in DejaVu Sans
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_LATIN1_FOLD = str.maketrans({"–": "-", "—": "-", "…": "...", "‘": "'", "’": "'", "“": '"',
                              "”": '"', "≥": ">=", "≤": "<=", "×": "x", "□": "?"})  # fmt: skip
PAGE_W_MM, MARGIN_MM = 210, 15
TABLE_PT, ROW_MM = 7.5, 4.6
MIN_ROWS_ON_A_PAGE = 3  # a table starts on a new page rather than with fewer rows
# Reports may be made in threads. Writing one out subsets its fonts with fontTools, which
# fills shared tables on first use without a lock (the OS/2 Unicode ranges): a report
# written out during that could get wrong font data. One at a time.
_OUTPUT_LOCK = threading.Lock()


def doctor_report(
    request: ReportRequest, chart_png: bytes | None, t: Texts, *, embed_font: bool = True
) -> bytes:
    """The PDF's bytes, in the language of `t`. The same request gives the same bytes."""
    span = request.span
    subject = t.gettext(
        "RLS diary {start} to {end}", start=span.start.isoformat(), end=span.end.isoformat()
    )
    blocks = report_blocks(request, chart_png, t)
    return render(blocks, subject, request, t, embed_font=embed_font)


def render(
    blocks: list[Block], subject: str, request: ReportRequest, t: Texts, *, embed_font: bool = True
) -> bytes:
    pdf = _report_class()(orientation="P", unit="mm", format="A4")
    pdf.texts = t
    fonts = font_dir() if embed_font else None
    if fonts is not None:
        for style, name in _FONT_FILES.items():
            pdf.add_font(FAMILY, style, fonts / name)
        pdf.add_font(EMOJI_FAMILY, "", EMOJI_FONT)
        pdf.set_fallback_fonts([EMOJI_FAMILY], exact_match=False)
        pdf.family_name = FAMILY
        pdf.printable = frozenset(
            code for font in pdf.fonts.values() for code in getattr(font, "cmap", {})
        )
    pdf.set_title(t.gettext(TITLE))
    pdf.set_subject(subject)
    pdf.set_creator("Stillnight")
    pdf.set_lang(t.language)
    pdf.set_creation_date(datetime.combine(request.generated, time(), UTC))
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for i, block in enumerate(blocks):
        match block:
            case Heading():
                _heading(pdf, block.text, first=i == 0)
            case Paragraph():
                _paragraph(pdf, block)
            case Callout():
                _callout(pdf, block)
            case Picture():
                _picture(pdf, block)
            case PageBreak():
                pdf.add_page()
            case Table():
                _table(pdf, block)
    if pdf.replaced:
        note = t.ngettext(
            "{n} character could not be printed with the report's fonts and is shown as {mark}.",
            "{n} characters could not be printed with the report's fonts and are shown as {mark}.",
            pdf.replaced,
            mark=PLACEHOLDER,
        )
        _paragraph(pdf, Paragraph(note, style="I", size=9))
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
        printable: frozenset[int] = frozenset()
        replaced = 0

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
            self.cell(0, 5, fit(cast("ReportPDF", self), line), align="C")
            self.set_text_color(0)

    return cast("type[ReportPDF]", Report)


def fit(pdf: ReportPDF, text: str) -> str:
    """Text the fonts can print: a PLACEHOLDER (counted) for a character they lack, or folded
    to Latin-1 for the built-in font. Invisible format characters (the joiner and variation
    selectors inside emoji sequences) have no glyph to show and are left out."""
    if not pdf.printable:  # a core font
        return text.translate(_LATIN1_FOLD).encode("latin-1", "replace").decode("latin-1")
    out = []
    for ch in text:
        if ch == "\n" or ord(ch) in pdf.printable:
            out.append(ch)
        elif unicodedata.category(ch) not in ("Cf", "Mn"):
            out.append(PLACEHOLDER)
            pdf.replaced += 1
    return "".join(out)


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
    pdf.multi_cell(0, block.size * 0.48, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _callout(pdf: ReportPDF, block: Callout) -> None:
    """A shaded box with a bold title: set apart from the figures around it."""
    pdf.ln(1)
    pdf.set_fill_color(255, 243, 224)
    pdf.set_draw_color(217, 115, 31)
    pdf.set_font(pdf.family_name, "B", 11.5)
    pdf.multi_cell(0, 6, fit(pdf, block.title), border="LTR", fill=True, padding=(2, 2, 1),
                   new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    for i, line in enumerate(block.lines):
        last = i == len(block.lines) - 1
        pdf.set_font(pdf.family_name, "I" if last else "", 8.5 if last else 10.5)
        text = fit(pdf, line if last else "• " + line)
        pdf.multi_cell(0, 5, text, border="LBR" if last else "LR", fill=True,
                       padding=(1, 2, 2 if last else 1), new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.set_draw_color(0)
    pdf.ln(2)


def _picture(pdf: ReportPDF, block: Picture) -> None:
    width_px, height_px = struct.unpack(">II", block.png[16:24])  # the PNG IHDR chunk
    height = block.width_mm * height_px / width_px
    if pdf.will_page_break(height):
        pdf.add_page()
    pdf.image(io.BytesIO(block.png), x=(PAGE_W_MM - block.width_mm) / 2, w=block.width_mm)
    pdf.ln(2)


def _table(pdf: ReportPDF, table: Table) -> None:
    """fpdf2's table: cells wrap (several medicines, a long name), the header is repeated
    on every page, alternate rows shaded."""
    from fpdf.fonts import FontFace  # fpdf is imported when a report is first made

    if pdf.will_page_break(ROW_MM * (MIN_ROWS_ON_A_PAGE + 1)):
        pdf.add_page()
    pdf.set_font(pdf.family_name, "", TABLE_PT)
    with pdf.table(
        width=sum(table.widths_mm),
        col_widths=table.widths_mm,
        line_height=ROW_MM * 0.8,
        text_align="LEFT",
        borders_layout="NONE",
        cell_fill_color=240,
        cell_fill_mode="ROWS",
        headings_style=FontFace(emphasis="BOLD", fill_color=215),
        padding=(0.6, 0.6),
    ) as drawn:
        for cells in (table.header, *table.rows):
            row = drawn.row()
            for text in cells:
                row.cell(fit(pdf, text))
    pdf.ln(2)


__all__ = ["SELF_REPORTED", "TITLE", "doctor_report", "font_dir", "render"]
