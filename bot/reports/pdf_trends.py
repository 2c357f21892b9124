"""The monthly summary's figures as plain sentences for the doctor's report.

Rendered from MonthSummary's fields rather than from summary_text: that text speaks to the
patient ("your", a /checkin hint, a line suggesting they see their doctor), while the report
is read by the clinician. The sentences state the figures and their basis; like the rest of
the report they never interpret or advise (CLINICAL.md).
"""

from __future__ import annotations

from bot.core.checkin_questions import FACTOR_OPTIONS, LOCATION_OPTIONS, SENSATION_OPTIONS
from bot.core.clock_parse import format_clock
from bot.core.sleep_diary import format_minutes
from bot.core.summary_model import MIN_NIGHTS, MonthSummary, NightPick
from bot.core.summary_text import month_title, short_date


def trends_heading(summary: MonthSummary) -> str:
    return f"Trends, {month_title(summary.month)}"


def trend_lines(summary: MonthSummary) -> list[str]:
    """One sentence per topic; topics without data are left out."""
    s = summary
    logged = (
        f"{s.nights_logged} nights logged in {month_title(s.month)} "
        f"({s.checkins} evening check-ins, {s.diaries} sleep diaries)."
    )
    if not s.enough:
        return [logged, f"Too few nights for trends (at least {MIN_NIGHTS} are needed)."]
    lines = [logged]
    for part in (_severity, _picks, _sleep, _legs, _onset, _where, _medicine, _factors, _link):
        lines.extend(part(s))
    return lines


def _severity(s: MonthSummary) -> list[str]:
    if s.avg_severity is None:
        return []
    line = f"Severity (0-10): mean {s.avg_severity:.1f} over {s.severity_nights} nights"
    if s.prev_avg_severity is not None and s.severity_trend is not None:
        line += f"; previous month {s.prev_avg_severity:.1f} ({s.severity_trend})"
    return [line + "."]


def _picks(s: MonthSummary) -> list[str]:
    def one(label: str, pick: NightPick | None) -> str | None:
        if pick is None:
            return None
        sleep = f", slept {format_minutes(pick.total_sleep_min)}" if pick.total_sleep_min else ""
        return f"{label} {short_date(pick.night)} ({pick.severity}/10{sleep})"

    parts = [p for p in (one("lowest", s.best_night), one("highest", s.worst_night)) if p]
    return [f"Rated nights: {'; '.join(parts)}."] if parts else []


def _sleep(s: MonthSummary) -> list[str]:
    parts = []
    if s.avg_sleep_min is not None:
        parts.append(
            f"mean total sleep {format_minutes(s.avg_sleep_min)} over {s.sleep_nights} nights "
            f"(7 h or more on {s.nights_enough_sleep})"
        )
    if s.avg_efficiency_pct is not None:
        parts.append(f"mean sleep efficiency {s.avg_efficiency_pct:.1f}%")
    if s.avg_quality is not None:
        parts.append(f"mean quality {s.avg_quality:.1f} (1 very poor to 5 very good)")
    return [f"Sleep diary: {'; '.join(parts)}."] if parts else []


def _legs(s: MonthSummary) -> list[str]:
    if s.legs_answered < MIN_NIGHTS:
        return []
    return [
        f"Legs disturbed sleep (kept awake or woke the patient) on {s.legs_disturbed_nights} "
        f"of {s.legs_answered} mornings answered."
    ]


def _onset(s: MonthSummary) -> list[str]:
    lines = []
    if s.onset_counts:
        lines.append(f"Symptom onset (nights): {_counts(s.onset_counts, {})}.")
    if s.onset_earlier:
        shifts = []
        if s.onset_shift_in_month is not None:
            shifts.append(f"{s.onset_shift_in_month:+.1f} days 16-end vs 1-15")
        if s.onset_shift_vs_previous is not None:
            shifts.append(f"{s.onset_shift_vs_previous:+.1f} vs the previous month")
        lines.append(
            "Reported onset moved earlier in the day (mean rank, bedtime 1 to morning 4: "
            f"{', '.join(shifts)})."
        )
    return lines


def _where(s: MonthSummary) -> list[str]:
    lines = []
    if s.location_counts:
        lines.append(f"Body parts (nights): {_counts(s.location_counts, LOCATION_OPTIONS)}.")
    if s.sensation_counts:
        lines.append(f"Sensations (nights): {_counts(s.sensation_counts, SENSATION_OPTIONS)}.")
    if s.arms_spreading:
        before = "" if s.prev_arms_nights is None else f"; previous month {s.prev_arms_nights}"
        lines.append(f"Arms reported more often: {s.arms_nights} nights this month{before}.")
    return lines


def _medicine(s: MonthSummary) -> list[str]:
    lines = []
    for med in s.medicines:
        usual = f", usually around {format_clock(med.usual_time)}" if med.usual_time else ""
        lines.append(f"Medicine as entered: {med.name}, taken on {med.nights} nights{usual}.")
    return lines


def _factors(s: MonthSummary) -> list[str]:
    if not s.factors:
        return []
    parts = [
        f"{FACTOR_OPTIONS.get(f.key, f.key).lower()} {f.with_avg:.1f} ({f.with_nights} nights) "
        f"vs {f.without_avg:.1f} without ({f.without_nights})"
        for f in s.factors
    ]
    return [f"Mean severity with and without: {'; '.join(parts)}. Association only."]


def _link(s: MonthSummary) -> list[str]:
    link = s.sleep_link
    if link is None:
        return []
    return [
        f"Severity vs total sleep time: r = {link.r:.2f} over {link.pairs} nights "
        f"({link.strength} correlation)."
    ]


def _counts(counts: tuple[tuple[str, int], ...], labels: dict[str, str]) -> str:
    """ "calves 12; thighs 3" (";" because some labels hold a comma: "creeping, crawling")."""
    return "; ".join(f"{labels.get(key, key).lower()} {n}" for key, n in counts)
