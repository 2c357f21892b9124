"""One month on one picture: severity per night (bars) and hours slept (dots and line).

Made to be read on a phone: 1200 x 900 px, large type, the legend above the plot, days of
the month on the x axis with missing nights left empty. Uses matplotlib's object API
(Figure + the Agg canvas, no pyplot), so there is no global figure state and no display.

matplotlib is imported inside month_chart: with numpy it adds about 55 MB of RSS and a third
of a second (python -m bench summary), which the bot pays only when someone first asks for
a chart.
"""

from __future__ import annotations

import calendar
import io
import math
from datetime import date
from typing import TYPE_CHECKING

from bot.core.months import month_start
from bot.core.records import NightRecord
from bot.i18n import Texts

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 6.0, 150
HOURS_MAX = 12  # the right axis; the left one runs to 12 too so both share gridlines
SEVERITY_MAX = 10
ENOUGH_SLEEP_H = 7.0  # adults need 7 hours or more
STUDY_SLEEP_H = 5.5  # the RLS group's sleep, as reported (docs/CLINICAL_NOTES.md)

SEVERITY_COLOR = "#e08a3c"  # orange and blue stay apart for colour-blind readers
SLEEP_COLOR = "#1f4e9c"
REFERENCE_COLOR = "#4d4d4d"

TITLE_PT, LABEL_PT, TICK_PT, LEGEND_PT, NOTE_PT = 19, 15, 14, 12.5, 16


def month_chart(records: list[NightRecord], month: date, t: Texts) -> bytes:
    """PNG bytes for the month that contains `month`, labelled in the language of `t`;
    records of other months are ignored."""
    from matplotlib.figure import Figure  # lazily: see the module docstring
    from matplotlib.patches import Patch

    days = calendar.monthrange(month.year, month.month)[1]
    first = month_start(month)
    by_day = {r.night.day: r for r in records if month_start(r.night) == first}
    severity = {d: r.severity for d, r in by_day.items() if r.severity is not None}
    sleep = [_hours(by_day.get(d)) for d in range(1, days + 1)]

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    fig.subplots_adjust(left=0.1, right=0.9, top=0.77, bottom=0.12)
    ax = fig.add_subplot()
    hours = ax.twinx()  # drawn after ax: the sleep line stays in front of the bars

    ax.bar(list(severity), list(severity.values()), width=0.7, color=SEVERITY_COLOR)
    handles: list[Artist] = [Patch(color=SEVERITY_COLOR)]  # a proxy: there may be no bars
    zeros = [d for d, s in severity.items() if s == 0]
    if zeros:  # a 0 bar has no height: mark it, so "no symptoms" doesn't look like a gap
        ax.plot(zeros, [0] * len(zeros), ls="none", marker="_", ms=14, mew=4.5,
                color=SEVERITY_COLOR, clip_on=False)  # fmt: skip
    (line,) = hours.plot(
        range(1, days + 1), sleep, color=SLEEP_COLOR, lw=2.2, marker="o", ms=6, zorder=3
    )
    handles.append(line)
    handles.append(hours.axhline(ENOUGH_SLEEP_H, color=REFERENCE_COLOR, ls="--", lw=1.6))
    handles.append(hours.axhline(STUDY_SLEEP_H, color=REFERENCE_COLOR, ls=":", lw=1.8))

    _style_axes(ax, hours, days, t)
    fig.suptitle(t.month_year(first), fontsize=TITLE_PT, y=0.975)
    fig.legend(
        handles,
        [
            t.gettext("Severity 0–10 (left)"),
            t.gettext("Hours slept (right)"),
            t.gettext("7 h: adults need 7+"),
            t.gettext("RLS study: ~5.5 h"),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, 0.915),
        ncol=2,
        fontsize=LEGEND_PT,
        frameon=False,
        handlelength=1.8,
        columnspacing=1.5,
    )
    if not by_day:
        note = t.gettext("No nights logged this month")
        ax.text(0.5, 0.75, note, transform=ax.transAxes, ha="center", va="center",
                fontsize=NOTE_PT, color=REFERENCE_COLOR,
                bbox={"facecolor": "white", "edgecolor": "none"})  # fmt: skip

    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()


def _hours(record: NightRecord | None) -> float:
    """Total sleep in hours; NaN (a break in the line) when unknown."""
    if record is None or record.total_sleep_min is None:
        return math.nan
    return min(record.total_sleep_min / 60, HOURS_MAX)


def _style_axes(ax: Axes, hours: Axes, days: int, t: Texts) -> None:
    """Both y axes 0-12 so their gridlines meet; severity ticks stop at 10."""
    ax.set_xlim(0.4, days + 0.6)
    ax.set_ylim(0, HOURS_MAX)
    hours.set_ylim(0, HOURS_MAX)
    ax.set_xticks([1, 5, 10, 15, 20, 25, 30] if days >= 30 else [1, 5, 10, 15, 20, 25])
    ax.set_xticks(range(1, days + 1), minor=True)
    ax.set_yticks(range(0, SEVERITY_MAX + 1, 2))
    hours.set_yticks(range(0, HOURS_MAX + 1, 2))
    ax.set_xlabel(t.gettext("Day of the month"), fontsize=LABEL_PT)
    ax.set_ylabel(t.gettext("Severity"), fontsize=LABEL_PT, color=SEVERITY_COLOR)
    hours.set_ylabel(t.gettext("Hours slept"), fontsize=LABEL_PT, color=SLEEP_COLOR)
    for axis in (ax, hours):
        axis.tick_params(labelsize=TICK_PT)
        axis.spines["top"].set_visible(False)
    ax.yaxis.grid(True, color="#dddddd", lw=0.8)
    ax.set_axisbelow(True)
