"""The monthly summary's figures as plain sentences for the doctor's report.

Rendered from MonthSummary's fields rather than from the phone text: that text speaks to the
patient ("your", a /checkin hint, a line suggesting they see their doctor), while the report
is read by the clinician. The sentences state the figures and their basis; like the rest of
the report they never interpret or advise (docs/CLINICAL_NOTES.md).
"""

from __future__ import annotations

from bot.core.doses import MedicineChange
from bot.core.summary_model import MIN_NIGHTS, MonthSummary, NightPick, Strength, Trend
from bot.core.summary_stats import options
from bot.i18n import Texts
from bot.i18n.medicines import change_words


def onset_word(code: str, t: Texts) -> str:
    """When symptoms started, in one word (the table's narrow column): "bedtime"."""
    words = {
        "none": t.pgettext("onset", "none"),
        "bedtime": t.pgettext("onset", "bedtime"),
        "evening": t.pgettext("onset", "evening"),
        "afternoon": t.pgettext("onset", "afternoon"),
        "morning": t.pgettext("onset", "morning"),
    }
    if code in words:
        return words[code]
    option = next((o for o in options("ons") if o.code == code), None)
    return t.gettext(option.label) if option else code


def trends_heading(summary: MonthSummary, t: Texts) -> str:
    return t.gettext("Trends, {month}", month=t.month_year(summary.month))


def trend_lines(summary: MonthSummary, t: Texts) -> list[str]:
    """One sentence per topic; topics without data are left out."""
    s = summary
    logged = t.ngettext(
        "{n} night logged in {month} ({checkins}, {diaries}).",
        "{n} nights logged in {month} ({checkins}, {diaries}).",
        s.nights_logged,
        month=t.month_year(s.month),
        checkins=t.ngettext("{n} evening check-in", "{n} evening check-ins", s.checkins),
        diaries=t.ngettext("{n} sleep diary", "{n} sleep diaries", s.diaries),
    )
    if not s.enough:
        too_few = t.gettext(
            "Too few nights for trends (at least {least} are needed).", least=t.number(MIN_NIGHTS)
        )
        return [logged, too_few]
    lines = [logged]
    for part in (_severity, _picks, _sleep, _legs, _onset, _where, _medicine, _factors, _link):
        lines.extend(part(s, t))
    return lines


def _severity(s: MonthSummary, t: Texts) -> list[str]:
    if s.avg_severity is None:
        return []
    n, fields = s.severity_nights, {"mean": t.number(s.avg_severity, 1)}
    before, trend = s.prev_avg_severity, s.severity_trend
    if before is None or trend is None:
        return [
            t.ngettext(
                "Severity (0-10): mean {mean} over {n} night.",
                "Severity (0-10): mean {mean} over {n} nights.",
                n,
                **fields,
            )
        ]
    fields["before"] = t.number(before, 1)
    if trend is Trend.LOWER:
        line = t.ngettext(
            "Severity (0-10): mean {mean} over {n} night; previous month {before} (lower).",
            "Severity (0-10): mean {mean} over {n} nights; previous month {before} (lower).",
            n,
            **fields,
        )
    elif trend is Trend.HIGHER:
        line = t.ngettext(
            "Severity (0-10): mean {mean} over {n} night; previous month {before} (higher).",
            "Severity (0-10): mean {mean} over {n} nights; previous month {before} (higher).",
            n,
            **fields,
        )
    else:
        line = t.ngettext(
            "Severity (0-10): mean {mean} over {n} night; previous month {before} "
            "(about the same).",
            "Severity (0-10): mean {mean} over {n} nights; previous month {before} "
            "(about the same).",
            n,
            **fields,
        )
    return [line]


def _pick(pick: NightPick | None, t: Texts) -> str | None:
    if pick is None:
        return None
    day, severity = t.day(pick.night), t.number(pick.severity)
    if pick.total_sleep_min:
        sleep = t.minutes(pick.total_sleep_min)
        return t.gettext(
            "{day} ({severity}/10, slept {sleep})", day=day, severity=severity, sleep=sleep
        )
    return t.gettext("{day} ({severity}/10)", day=day, severity=severity)


def _picks(s: MonthSummary, t: Texts) -> list[str]:
    lowest, highest = _pick(s.best_night, t), _pick(s.worst_night, t)
    if lowest and highest:
        line = t.gettext(
            "Rated nights: lowest {lowest}; highest {highest}.", lowest=lowest, highest=highest
        )
    elif lowest:
        line = t.gettext("Rated nights: lowest {lowest}.", lowest=lowest)
    elif highest:
        line = t.gettext("Rated nights: highest {highest}.", highest=highest)
    else:
        return []
    return [line]


def _sleep(s: MonthSummary, t: Texts) -> list[str]:
    parts = []
    if s.avg_sleep_min is not None:
        parts.append(
            t.ngettext(
                "mean total sleep {sleep} over {n} night (7 h or more on {enough})",
                "mean total sleep {sleep} over {n} nights (7 h or more on {enough})",
                s.sleep_nights,
                sleep=t.minutes(s.avg_sleep_min),
                enough=t.number(s.nights_enough_sleep),
            )
        )
    if s.avg_efficiency_pct is not None:
        efficiency = t.percent(s.avg_efficiency_pct, 1)
        parts.append(t.gettext("mean sleep efficiency {efficiency}", efficiency=efficiency))
    if s.avg_quality is not None:
        quality = t.number(s.avg_quality, 1)
        parts.append(
            t.gettext("mean quality {quality} (1 very poor to 5 very good)", quality=quality)
        )
    return [t.gettext("Sleep diary: {parts}.", parts="; ".join(parts))] if parts else []


def _legs(s: MonthSummary, t: Texts) -> list[str]:
    if s.legs_answered < MIN_NIGHTS:
        return []
    return [
        t.ngettext(
            "Legs disturbed sleep (kept awake or woke the patient) on {disturbed} of {n} "
            "morning answered.",
            "Legs disturbed sleep (kept awake or woke the patient) on {disturbed} of {n} "
            "mornings answered.",
            s.legs_answered,
            disturbed=t.number(s.legs_disturbed_nights),
        )
    ]


def _signed(value: float, t: Texts) -> str:
    """+1.0 or -0.5: a change in rank, one decimal (rounded as the figure always was)."""
    shown = round(value, 1)
    return t.number(shown, 1) if f"{shown:+.1f}".startswith("-") else "+" + t.number(shown, 1)


def _onset(s: MonthSummary, t: Texts) -> list[str]:
    lines = []
    if s.onset_counts:
        counts = _counts(
            s.onset_counts, {code: onset_word(code, t) for code, _ in s.onset_counts}, t
        )
        lines.append(t.gettext("Symptom onset (nights): {counts}.", counts=counts))
    if not s.onset_earlier:
        return lines
    in_month, vs_previous = s.onset_shift_in_month, s.onset_shift_vs_previous
    if in_month is not None and vs_previous is not None:
        lines.append(
            t.gettext(
                "Reported onset moved earlier in the day (mean rank, bedtime 1 to morning 4: "
                "{in_month} days 16-end vs 1-15, {vs_previous} vs the previous month).",
                in_month=_signed(in_month, t),
                vs_previous=_signed(vs_previous, t),
            )
        )
    elif in_month is not None:
        lines.append(
            t.gettext(
                "Reported onset moved earlier in the day (mean rank, bedtime 1 to morning 4: "
                "{in_month} days 16-end vs 1-15).",
                in_month=_signed(in_month, t),
            )
        )
    elif vs_previous is not None:
        lines.append(
            t.gettext(
                "Reported onset moved earlier in the day (mean rank, bedtime 1 to morning 4: "
                "{vs_previous} vs the previous month).",
                vs_previous=_signed(vs_previous, t),
            )
        )
    return lines


def _labels(question_id: str, t: Texts) -> dict[str, str]:
    """The options' labels by code (by field key, for yes/no factors), translated."""
    return {(o.field.key if o.field else o.code): t.gettext(o.label) for o in options(question_id)}


def _where(s: MonthSummary, t: Texts) -> list[str]:
    lines = []
    if s.location_counts:
        counts = _counts(s.location_counts, _labels("loc", t), t)
        lines.append(t.gettext("Body parts (nights): {counts}.", counts=counts))
    if s.sensation_counts:
        counts = _counts(s.sensation_counts, _labels("sen", t), t)
        lines.append(t.gettext("Sensations (nights): {counts}.", counts=counts))
    if s.arms_spreading:
        if s.prev_arms_nights is None:
            line = t.ngettext(
                "Arms reported more often: {n} night this month.",
                "Arms reported more often: {n} nights this month.",
                s.arms_nights,
            )
        else:
            line = t.ngettext(
                "Arms reported more often: {n} night this month; previous month {before}.",
                "Arms reported more often: {n} nights this month; previous month {before}.",
                s.arms_nights,
                before=t.number(s.prev_arms_nights),
            )
        lines.append(line)
    return lines


def _medicine(s: MonthSummary, t: Texts) -> list[str]:
    lines = []
    for med in s.medicines:
        if med.usual_time:
            line = t.ngettext(
                "Medicine as entered: {name}, taken on {n} night, usually around {time}.",
                "Medicine as entered: {name}, taken on {n} nights, usually around {time}.",
                med.nights,
                name=med.name,
                time=t.clock(med.usual_time),
            )
        else:
            line = t.ngettext(
                "Medicine as entered: {name}, taken on {n} night.",
                "Medicine as entered: {name}, taken on {n} nights.",
                med.nights,
                name=med.name,
            )
        lines.append(line)
    return lines


def change_line(change: MedicineChange, t: Texts) -> str:
    """ "2026-03-04: Ropinirole started" (plain text; the PDF's dates are ISO)."""
    return t.gettext("{day}: {what}", day=change.day.isoformat(), what=change_words(change, t))


def _factors(s: MonthSummary, t: Texts) -> list[str]:
    if not s.factors:
        return []
    labels = _labels("fac", t)
    parts = [
        t.ngettext(
            "{factor} {with_average} ({n} night) vs {without_average} without ({without})",
            "{factor} {with_average} ({n} nights) vs {without_average} without ({without})",
            f.with_nights,
            factor=labels.get(f.key, f.key),
            with_average=t.number(f.with_avg, 1),
            without_average=t.number(f.without_avg, 1),
            without=t.number(f.without_nights),
        )
        for f in s.factors
    ]
    return [
        t.gettext(
            "Mean severity with and without: {parts}. Association only.", parts="; ".join(parts)
        )
    ]


def _link(s: MonthSummary, t: Texts) -> list[str]:
    link = s.sleep_link
    if link is None:
        return []
    n, r = link.pairs, t.number(link.r, 2)
    match link.strength:
        case Strength.HARDLY_ANY:
            line = t.ngettext(
                "Severity vs total sleep time: r = {r} over {n} night (hardly any correlation).",
                "Severity vs total sleep time: r = {r} over {n} nights (hardly any correlation).",
                n,
                r=r,
            )
        case Strength.WEAK:
            line = t.ngettext(
                "Severity vs total sleep time: r = {r} over {n} night (weak correlation).",
                "Severity vs total sleep time: r = {r} over {n} nights (weak correlation).",
                n,
                r=r,
            )
        case Strength.MODERATE:
            line = t.ngettext(
                "Severity vs total sleep time: r = {r} over {n} night (moderate correlation).",
                "Severity vs total sleep time: r = {r} over {n} nights (moderate correlation).",
                n,
                r=r,
            )
        case _:
            line = t.ngettext(
                "Severity vs total sleep time: r = {r} over {n} night (strong correlation).",
                "Severity vs total sleep time: r = {r} over {n} nights (strong correlation).",
                n,
                r=r,
            )
    return [line]


def _counts(counts: tuple[tuple[str, int], ...], labels: dict[str, str], t: Texts) -> str:
    """ "Calves 12; Thighs 3" (";" because some labels hold a comma: "Creeping, crawling")."""
    return "; ".join(f"{labels.get(key, key)} {t.number(n)}" for key, n in counts)
