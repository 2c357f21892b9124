"""The chart of a period, for /summary and the doctor's report alike (one function).

Made so it cannot be misread, at 400 px wide too: severity (0-10) and hours slept each have
their own panel with its own axis, aligned on the same nights (no shared grid whose two
scales could be confused); a night rated 0 is a visible ring on the axis, not a missing bar;
nights not logged are shaded and named; each medicine has a row with the nights it was
taken; medicine starts, changes and stops are numbered lines through every panel, listed
under the chart. Periods longer than nine weeks are drawn by week (the week's mean, with
its lowest and highest rating).

Uses matplotlib's object API (Figure + the Agg canvas, no pyplot): no global state, no
display. matplotlib is imported inside period_chart: with numpy it adds about 55 MB of RSS
and a third of a second, paid in the report workers (bot/reports/workers.py), not the bot.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from babel.dates import format_date

from bot.core.doses import MedicineChange
from bot.core.periods import Span
from bot.core.records import NightRecord
from bot.i18n import Texts
from bot.i18n.medicines import change_words
from bot.reports.chart_data import ChartData, chart_data

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_IN, DPI = 8.0, 150  # 1200 px wide; type sizes below are for 400 px on a phone
PANEL_IN, MEDICINE_ROW_IN, KEY_LINE_IN = 2.3, 0.42, 0.3
SEVERITY_MAX, HOURS_MAX = 10, 12
ENOUGH_SLEEP_H = 7.0  # adults need 7 hours or more

SEVERITY_COLOR = "#d9731f"  # orange and blue stay apart for colour-blind readers
SLEEP_COLOR = "#1f4e9c"
MEDICINE_COLOR = "#2e7d4f"
MARK_COLOR = "#8a2be2"
GAP_COLOR = "#ececec"
REFERENCE_COLOR = "#4d4d4d"

TITLE_PT, LABEL_PT, TICK_PT, NOTE_PT = 20, 17, 15, 15


def period_chart(
    records: Sequence[NightRecord], span: Span, changes: Sequence[MedicineChange], t: Texts
) -> bytes:
    """PNG bytes of the period, labelled in the language of `t`; records outside it ignored."""
    data = chart_data(records, span, changes)
    return draw(data, t)


def draw(data: ChartData, t: Texts) -> bytes:
    from matplotlib.figure import Figure  # lazily: see the module docstring

    rows = max(1, len(data.medicines))
    heights = [PANEL_IN, PANEL_IN, MEDICINE_ROW_IN * rows + 0.35]
    key = _key_lines(data, t)
    key_lines = len(key)
    height = 1.25 + sum(heights) + 0.9 + KEY_LINE_IN * key_lines
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    top = 1 - 1.0 / height
    bottom = (0.75 + KEY_LINE_IN * key_lines) / height
    grid = fig.add_gridspec(3, 1, height_ratios=heights, hspace=0.5, top=top, bottom=bottom,
                            left=0.2, right=0.97)  # fmt: skip
    severity = fig.add_subplot(grid[0])
    sleep = fig.add_subplot(grid[1], sharex=severity)
    medicines = fig.add_subplot(grid[2], sharex=severity)
    fig.suptitle(_title(data, t), fontsize=TITLE_PT, y=1 - 0.18 / height)

    _severity_panel(severity, data, t)
    _sleep_panel(sleep, data, t)
    _medicine_panel(medicines, data, t)
    for ax in (severity, sleep, medicines):
        _shade_gaps(ax, data)
        for marker in data.markers:
            ax.axvline(marker.x, color=MARK_COLOR, lw=1.6, ls=(0, (4, 2)), zorder=1)
        for move in data.moves:
            ax.axvline(move.x, color=REFERENCE_COLOR, lw=1.6, ls=(0, (1, 2)), zorder=1)
    _numbers(severity, data)
    _x_axis(medicines, data, t)
    _key(fig, key, len(data.markers), height)
    if not any(slot.logged for slot in data.slots):
        severity.text(0.5, 0.5, t.gettext("No nights logged in this period"),
                      transform=severity.transAxes, ha="center", va="center",
                      fontsize=NOTE_PT, color=REFERENCE_COLOR)  # fmt: skip

    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()


def _title(data: ChartData, t: Texts) -> str:
    span = data.span
    words = t.gettext(
        "{start} to {end}", start=_date(span.start, t, year=True), end=_date(span.end, t, True)
    )
    return t.gettext("{period}, by week", period=words) if data.weekly else words


def _date(day: object, t: Texts, year: bool = False) -> str:
    return format_date(day, "d MMM yyyy" if year else "d MMM", locale=t.locale)  # type: ignore[arg-type]


def _panel_label(ax: Axes, text: str, color: str, pad: float = 6) -> None:
    ax.set_title(text, loc="left", fontsize=LABEL_PT, color=color, pad=pad, fontweight="bold")


def _severity_panel(ax: Axes, data: ChartData, t: Texts) -> None:
    label = t.gettext("Severity 0–10, weekly mean") if data.weekly else t.gettext("Severity 0–10")
    _panel_label(ax, label, SEVERITY_COLOR, pad=26 if data.markers else 6)  # room for numbers
    rated = [(i, s) for i, s in enumerate(data.slots) if s.severity is not None]
    xs = [i for i, _ in rated]
    ax.bar(xs, [s.severity or 0 for _, s in rated], width=0.75, color=SEVERITY_COLOR, zorder=2)
    zeros = [i for i, s in rated if s.severity == 0]
    if zeros:  # a 0 has no bar: a ring on the axis says "rated, no symptoms"
        ax.plot(zeros, [0] * len(zeros), ls="none", marker="o", ms=8, mew=2.2, mfc="white",
                color=SEVERITY_COLOR, zorder=3, clip_on=False)  # fmt: skip
    if data.weekly:  # the week's lowest and highest night
        for i, s in rated:
            low, high = s.severity_low or 0, s.severity_high or 0
            ax.plot([i, i], [low, high], color="#6b3a10", lw=1.6, zorder=3)
    ax.set_ylim(-0.6, SEVERITY_MAX + 0.4)
    ax.set_yticks([0, 5, 10])
    _style(ax)


def _sleep_panel(ax: Axes, data: ChartData, t: Texts) -> None:
    weekly = data.weekly
    label = t.gettext("Hours slept, weekly mean") if weekly else t.gettext("Hours slept")
    _panel_label(ax, label, SLEEP_COLOR)
    slept = [(i, s.sleep_h) for i, s in enumerate(data.slots) if s.sleep_h is not None]
    ax.bar([i for i, _ in slept], [h or 0 for _, h in slept], width=0.75, color=SLEEP_COLOR,
           zorder=2)  # fmt: skip
    ax.axhline(ENOUGH_SLEEP_H, color=REFERENCE_COLOR, ls="--", lw=1.4, zorder=3)
    ax.text(1.0, ENOUGH_SLEEP_H, t.gettext("7 h"), transform=ax.get_yaxis_transform(),
            ha="right", va="bottom", fontsize=TICK_PT - 2, color=REFERENCE_COLOR,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1}, zorder=4)  # fmt: skip
    ax.set_ylim(0, HOURS_MAX)
    ax.set_yticks([0, 4, 8, 12])
    _style(ax)


def _medicine_panel(ax: Axes, data: ChartData, t: Texts) -> None:
    _panel_label(ax, t.gettext("Medicines taken"), MEDICINE_COLOR)
    rows = data.medicines
    for row_index, row in enumerate(rows):
        y = len(rows) - 1 - row_index
        for i, nights in enumerate(row.taken):
            if not nights:
                continue
            if data.weekly:  # the share of the week's nights, as the square's strength
                share = nights / data.slots[i].days
                ax.bar(i, 0.7, bottom=y - 0.35, width=0.8, color=MEDICINE_COLOR,
                       alpha=0.25 + 0.75 * share, zorder=2)  # fmt: skip
            else:
                ax.plot(i, y, ls="none", marker="s", ms=7, color=MEDICINE_COLOR, zorder=2)
    ax.set_yticks(range(len(rows)), [_short(r.name) for r in reversed(rows)])
    ax.set_ylim(-0.6, max(1, len(rows)) - 0.4)
    if not rows:
        ax.set_yticks([])
        ax.text(0.5, 0.5, t.gettext("none logged"), transform=ax.transAxes, ha="center",
                va="center", fontsize=TICK_PT, color=REFERENCE_COLOR)  # fmt: skip
    _style(ax, grid=False)


def place(zone: str) -> str:
    """The city of an IANA zone, as people say it: America/New_York → New York."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def _short(name: str, most: int = 12) -> str:
    return name if len(name) <= most else name[: most - 1] + "…"


def _shade_gaps(ax: Axes, data: ChartData) -> None:
    for start, end in data.gaps:
        ax.axvspan(start, end, color=GAP_COLOR, zorder=0, lw=0)


def _numbers(ax: Axes, data: ChartData) -> None:
    """The medicine events' numbers in circles above the top panel's lines."""
    for marker in data.markers:
        ax.text(marker.x, SEVERITY_MAX + 0.4, str(marker.number), ha="center", va="bottom",
                fontsize=TICK_PT - 2, color="white", fontweight="bold", zorder=5, clip_on=False,
                bbox={"boxstyle": "circle,pad=0.25", "facecolor": MARK_COLOR,
                      "edgecolor": "none"})  # fmt: skip


def _x_axis(ax: Axes, data: ChartData, t: Texts) -> None:
    slots = len(data.slots)
    every = max(1, round(slots / 4))  # about four dates fit at 400 px
    ticks = [i for i in range(0, slots, every) if i == 0 or i <= slots - 3]  # none cut off
    ax.set_xticks(ticks, [_date(data.slots[i].first, t) for i in ticks])
    ax.set_xlim(-0.6, max(slots, 1) - 0.4)
    ax.tick_params(axis="x", labelbottom=True)


def _style(ax: Axes, grid: bool = True) -> None:
    ax.tick_params(labelsize=TICK_PT)
    ax.tick_params(axis="x", labelbottom=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if grid:
        ax.yaxis.grid(True, color="#dddddd", lw=0.8)
        ax.set_axisbelow(True)


def _key_lines(data: ChartData, t: Texts) -> list[str]:
    """Under the chart: what the shading means, then each numbered medicine event."""
    lines = [t.gettext("Grey: nights not logged")] if data.gaps else []
    lines.extend(
        t.gettext("Dotted: from {day} in {place} time", day=_date(m.day, t), place=place(m.zone))
        for m in data.moves
    )
    lines.extend(
        t.gettext(
            "{number}: {day} {what}",
            number=m.number,
            day=_date(m.change.day, t),
            what=change_words(m.change, t),
        )
        for m in data.markers
    )
    return lines


def _key(fig: Figure, lines: list[str], events: int, height: float) -> None:
    for i, line in enumerate(lines):
        y = (0.35 + KEY_LINE_IN * (len(lines) - 1 - i)) / height
        color = MARK_COLOR if i >= len(lines) - events else REFERENCE_COLOR
        fig.text(0.03, y, _short(line, 60), fontsize=NOTE_PT, ha="left", va="bottom", color=color)
