"""The monthly summary as Telegram HTML for a phone screen (<b> and <i> only).

Short lines, one block per topic, blocks without data left out. A typical full month stays
under Telegram's 1,024-character photo caption limit, but the caller checks, never us. The
only user-provided text is a medicine name; it is always escaped. The text informs: it
never comments on doses or suggests a change, and a trend worth noticing gets one gentle
line pointing to the user's doctor, never a diagnosis.
"""

from __future__ import annotations

import html
from datetime import date
from fractions import Fraction

from bot.core.clock_parse import format_clock
from bot.core.sleep_diary import format_minutes
from bot.core.summary_model import MIN_NIGHTS, MonthSummary, NightPick
from bot.core.summary_stats import round_half_up

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ONSET_WORDS = {
    "bedtime": "at bedtime",
    "evening": "evening",
    "afternoon": "afternoon",
    "morning": "morning",
    "none": "no symptoms",
}
STUDY_NOTE = (
    "<i>People with RLS in the 2013 study slept about 5.5 hours, as reported; "
    "adults need 7 or more.</i>"
)
NOT_PROOF = "<i>These are your own numbers, not proof of cause.</i>"
ASK_DOCTOR = "That can have several causes; it is worth raising with your doctor."
HOW_TO_LOG = "A check-in takes a minute: /checkin. The sleep diary is /morning."


def month_title(month: date) -> str:
    """ "November 2026" (English names, whatever the server's locale)."""
    return f"{_MONTHS[month.month - 1]} {month.year}"


def short_date(night: date) -> str:
    """ "Sat 22 Nov"."""
    return f"{_WEEKDAYS[night.weekday()]} {night.day} {_MONTHS[night.month - 1][:3]}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 night", "2 nights"."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def summary_text(summary: MonthSummary) -> str:
    """The whole summary; blocks are separated by a blank line."""
    if not summary.enough:
        return _not_enough(summary)
    blocks = [
        _header(summary),
        _rating(summary),
        _sleep(summary),
        _onset(summary),
        _medicine(summary),
        _factors(summary),
        _link(summary),
    ]
    return "\n\n".join("\n".join(lines) for lines in blocks if lines)


def _header(s: MonthSummary) -> list[str]:
    return [
        f"<b>Your {month_title(s.month)}</b>",
        f"{plural(s.nights_logged, 'night')} logged ({_parts(s)})",
    ]


def _parts(s: MonthSummary) -> str:
    return f"{plural(s.checkins, 'check-in')}, {plural(s.diaries, 'diary', 'diaries')}"


def _not_enough(s: MonthSummary) -> str:
    if s.nights_logged == 0:
        logged = f"No nights logged in {month_title(s.month)} yet."
    else:
        logged = f"{plural(s.nights_logged, 'night')} logged ({_parts(s)})."
    missing = MIN_NIGHTS - s.nights_logged
    return "\n".join(
        [
            f"<b>Your {month_title(s.month)}</b>",
            logged,
            f"A summary needs at least {MIN_NIGHTS} nights, so {missing} more to go.",
            HOW_TO_LOG,
        ]
    )


def _rating(s: MonthSummary) -> list[str]:
    lines = []
    if s.avg_severity is not None:
        line = f"<b>Restlessness</b>: {s.avg_severity:.1f}/10 on average"
        trend, before = s.severity_trend, s.prev_avg_severity
        if trend is not None and before is not None:
            comparison = "about the same as" if trend == "about the same" else f"{trend} than"
            last_month = _MONTHS[(s.month.month - 2) % 12]  # December before January
            line += f", {comparison} {last_month}'s {before:.1f}"
        lines.append(line)
    for label, pick in (("Best night", s.best_night), ("Hardest night", s.worst_night)):
        if pick is not None:
            lines.append(f"{label}: {_pick(pick)}")
    return lines


def _pick(pick: NightPick) -> str:
    text = f"{short_date(pick.night)}, {pick.severity}/10"
    if pick.total_sleep_min is not None:
        text += f", slept {format_minutes(pick.total_sleep_min)}"
    return text


def _sleep(s: MonthSummary) -> list[str]:
    parts = []
    if s.avg_sleep_min is not None:
        parts.append(f"average {format_minutes(s.avg_sleep_min)} a night")
    if s.avg_efficiency_pct is not None:
        parts.append(f"efficiency {round_half_up(Fraction(str(s.avg_efficiency_pct)), 0):.0f}%")
    if not parts:
        return []
    lines = [f"<b>Sleep</b>: {', '.join(parts)}"]
    if s.avg_sleep_min is not None:
        lines.append(f"7 h or more on {s.nights_enough_sleep} of {plural(s.sleep_nights, 'night')}")
    lines.append(STUDY_NOTE)
    return lines


def _onset(s: MonthSummary) -> list[str]:
    lines = []
    if s.onset_counts:
        ordered = sorted(s.onset_counts, key=lambda kv: list(ONSET_WORDS).index(kv[0]))
        counts = ", ".join(f"{ONSET_WORDS[key]} {count}" for key, count in ordered)
        lines.append(f"<b>Symptoms started</b>: {counts}")
    if s.worth_raising:
        what = " and ".join(
            text
            for flag, text in (
                (s.onset_earlier, "started earlier in the day"),
                (s.arms_spreading, "reached your arms more often"),
            )
            if flag
        )
        lines.append(f"Symptoms {what} this month. {ASK_DOCTOR}")
    return lines


def _medicine(s: MonthSummary) -> list[str]:
    if not s.medicines:
        return []
    lines = ["<b>Medicine</b>"]
    for med in s.medicines:
        line = f"{html.escape(med.name)}: {plural(med.nights, 'night')}"
        if med.usual_time is not None:
            line += f", usually around {format_clock(med.usual_time)}"
        lines.append(line)
    return lines


def _factors(s: MonthSummary) -> list[str]:
    if not s.factors:
        return []
    lines = ["<b>Restlessness with and without</b>"]
    for f in s.factors:
        lines.append(
            f"{f.key.capitalize()}: {f.with_avg:.1f} on {plural(f.with_nights, 'night')} with, "
            f"{f.without_avg:.1f} on {f.without_nights} without"
        )
    lines.append(NOT_PROOF)
    return lines


def _link(s: MonthSummary) -> list[str]:
    link = s.sleep_link
    if link is None:
        return []
    figures = f"(r = {link.r:.2f}, {plural(link.pairs, 'night')})"
    if link.strength == "hardly any":
        return [f"<b>Legs and sleep</b>: no clear link between them {figures}."]
    more_or_less = "less" if link.r < 0 else "more"
    return [
        f"<b>Legs and sleep</b>: on nights with worse legs you tended to sleep {more_or_less}, "
        f"a {link.strength} link {figures}."
    ]
