"""The monthly summary as Telegram HTML for a phone screen (<b> and <i> only).

`summary_text` fits one phone screen (about 15 lines): nights logged, restlessness, sleep,
a sign worth raising, the medicine changes, the one factor that stood out most and how legs
and sleep went together, in plain words (no r, no ranks). `details_text` (behind a button)
has the rest: when symptoms started, each medicine's timing, every factor and the study's
figure. Short lines, blocks without data left out. A typical month stays under Telegram's
1,024-character photo caption limit, but the caller checks, never us. The only
user-provided texts are medicine and factor names; they are always escaped. The text informs: it
never comments on doses or suggests a change, and a trend worth noticing gets one gentle
line pointing to the user's doctor, never a diagnosis.
"""

from __future__ import annotations

import html
from fractions import Fraction

from bot.core.months import month_start
from bot.core.summary_model import (
    MIN_NIGHTS,
    FactorComparison,
    MonthSummary,
    NightPick,
    Strength,
    Trend,
)
from bot.core.summary_stats import options, round_half_up, strongest_pattern
from bot.i18n import N_, Texts
from bot.i18n.medicines import change_words

STUDY_NOTE = N_(
    "<i>People with RLS in the 2013 study slept about 5.5 hours, as reported; "
    "adults need 7 or more.</i>"
)
NOT_PROOF = N_("<i>These are your own numbers, not proof of cause.</i>")
ASK_DOCTOR = N_("That can have several causes; it is worth raising with your doctor.")
HOW_TO_LOG = N_("A check-in takes a minute: /checkin. The sleep diary is /morning.")
TRENDS = {
    Trend.LOWER: N_("<b>Restlessness</b>: {average}/10 on average, lower than {month}'s {before}"),
    Trend.HIGHER: N_(
        "<b>Restlessness</b>: {average}/10 on average, higher than {month}'s {before}"
    ),
    Trend.SAME: N_(
        "<b>Restlessness</b>: {average}/10 on average, about the same as {month}'s {before}"
    ),
}
MAX_CHANGES = 3  # medicine changes on the summary itself; more are in the details
MORE_CHANGES = N_("… and {n} more in the details")
# (strength, slept less on worse nights): the correlation in one sentence.
LINKS = {
    (Strength.WEAK, True): N_(
        "<b>Legs and sleep</b>: on nights with worse legs you tended to sleep less, "
        "a weak link {figures}."
    ),
    (Strength.WEAK, False): N_(
        "<b>Legs and sleep</b>: on nights with worse legs you tended to sleep more, "
        "a weak link {figures}."
    ),
    (Strength.MODERATE, True): N_(
        "<b>Legs and sleep</b>: on nights with worse legs you tended to sleep less, "
        "a moderate link {figures}."
    ),
    (Strength.MODERATE, False): N_(
        "<b>Legs and sleep</b>: on nights with worse legs you tended to sleep more, "
        "a moderate link {figures}."
    ),
    (Strength.STRONG, True): N_(
        "<b>Legs and sleep</b>: on nights with worse legs you tended to sleep less, "
        "a strong link {figures}."
    ),
    (Strength.STRONG, False): N_(
        "<b>Legs and sleep</b>: on nights with worse legs you tended to sleep more, "
        "a strong link {figures}."
    ),
}


def onset_words(t: Texts) -> dict[str, str]:
    """When symptoms started, in a word each, in the order the summary lists them."""
    return {
        "bedtime": t.pgettext("symptoms started", "at bedtime"),
        "evening": t.pgettext("symptoms started", "evening"),
        "afternoon": t.pgettext("symptoms started", "afternoon"),
        "morning": t.pgettext("symptoms started", "morning"),
        "none": t.pgettext("symptoms started", "no symptoms"),
    }


def summary_text(summary: MonthSummary, t: Texts) -> str:
    """The summary for one phone screen; blocks are separated by a blank line."""
    if not summary.enough:
        changes = _changes(summary, t, MAX_CHANGES)
        return "\n\n".join(
            [_not_enough(summary, t), "\n".join(changes)] if changes else [_not_enough(summary, t)]
        )
    blocks = [
        _header(summary, t),
        _rating(summary, t),
        _sleep(summary, t),
        _sign(summary, t),
        _changes(summary, t, MAX_CHANGES),
        _top_factor(summary, t),
        _link(summary, t),
    ]
    return _joined(blocks)


def has_details(summary: MonthSummary) -> bool:
    """Whether the month has more to show than its summary (the details button)."""
    return summary.enough


def details_text(summary: MonthSummary, t: Texts) -> str:
    """What the summary leaves out: onset, each medicine's timing, every factor, the study."""
    title = t.gettext("<b>{month}: details</b>", month=t.month_year(summary.month))
    blocks = [
        [title],
        _onset(summary, t),
        _medicine(summary, t),
        _changes(summary, t, None),
        _factors(summary, t),
        [t.gettext(STUDY_NOTE)],
    ]
    return _joined(blocks)


def _joined(blocks: list[list[str]]) -> str:
    return "\n\n".join("\n".join(lines) for lines in blocks if lines)


def _title(s: MonthSummary, t: Texts) -> str:
    return t.gettext("<b>Your {month}</b>", month=t.month_year(s.month))


def _entries(s: MonthSummary, t: Texts) -> dict[str, str]:
    return {
        "checkins": t.ngettext("{n} check-in", "{n} check-ins", s.checkins),
        "diaries": t.ngettext("{n} diary", "{n} diaries", s.diaries),
    }


def _header(s: MonthSummary, t: Texts) -> list[str]:
    logged = t.ngettext(
        "{n} night logged ({checkins}, {diaries})",
        "{n} nights logged ({checkins}, {diaries})",
        s.nights_logged,
        **_entries(s, t),
    )
    return [_title(s, t), logged]


def _not_enough(s: MonthSummary, t: Texts) -> str:
    if s.nights_logged == 0:
        logged = t.gettext("No nights logged in {month} yet.", month=t.month_year(s.month))
    else:
        logged = t.ngettext(
            "{n} night logged ({checkins}, {diaries}).",
            "{n} nights logged ({checkins}, {diaries}).",
            s.nights_logged,
            **_entries(s, t),
        )
    missing = t.ngettext(
        "A summary needs at least {least} nights, so {n} more to go.",
        "A summary needs at least {least} nights, so {n} more to go.",
        MIN_NIGHTS - s.nights_logged,
        least=t.number(MIN_NIGHTS),
    )
    return "\n".join([_title(s, t), logged, missing, t.gettext(HOW_TO_LOG)])


def _rating(s: MonthSummary, t: Texts) -> list[str]:
    lines = []
    if s.avg_severity is not None:
        average = t.number(s.avg_severity, 1)
        trend, before = s.severity_trend, s.prev_avg_severity
        if trend is None or before is None:
            line = t.gettext("<b>Restlessness</b>: {average}/10 on average", average=average)
        else:
            last_month = t.month(month_start(s.month, 1))
            line = t.gettext(
                TRENDS[trend], average=average, month=last_month, before=t.number(before, 1)
            )
        lines.append(line)
    if s.best_night is not None:
        lines.append(_pick(s.best_night, t, hardest=False))
    if s.worst_night is not None:
        lines.append(_pick(s.worst_night, t, hardest=True))
    return lines


def _pick(pick: NightPick, t: Texts, *, hardest: bool) -> str:
    day, severity = t.day(pick.night), t.number(pick.severity)
    if pick.total_sleep_min is None:
        if hardest:
            return t.gettext("Hardest night: {day}, {severity}/10", day=day, severity=severity)
        return t.gettext("Best night: {day}, {severity}/10", day=day, severity=severity)
    sleep = t.minutes(pick.total_sleep_min)
    if hardest:
        return t.gettext(
            "Hardest night: {day}, {severity}/10, slept {sleep}",
            day=day,
            severity=severity,
            sleep=sleep,
        )
    return t.gettext(
        "Best night: {day}, {severity}/10, slept {sleep}", day=day, severity=severity, sleep=sleep
    )


def _sleep(s: MonthSummary, t: Texts) -> list[str]:
    sleep = None if s.avg_sleep_min is None else t.minutes(s.avg_sleep_min)
    efficiency = None
    if s.avg_efficiency_pct is not None:
        efficiency = t.percent(round_half_up(Fraction(str(s.avg_efficiency_pct)), 0))
    if sleep is not None and efficiency is not None:
        line = t.gettext(
            "<b>Sleep</b>: average {sleep} a night, efficiency {efficiency}",
            sleep=sleep,
            efficiency=efficiency,
        )
    elif sleep is not None:
        line = t.gettext("<b>Sleep</b>: average {sleep} a night", sleep=sleep)
    elif efficiency is not None:
        line = t.gettext("<b>Sleep</b>: efficiency {efficiency}", efficiency=efficiency)
    else:
        return []
    lines = [line]
    if s.avg_sleep_min is not None:
        lines.append(
            t.ngettext(
                "7 h or more on {enough} of {n} night",
                "7 h or more on {enough} of {n} nights",
                s.sleep_nights,
                enough=t.number(s.nights_enough_sleep),
            )
        )
    return lines


def _sign(s: MonthSummary, t: Texts) -> list[str]:
    """Symptoms earlier in the day or in the arms: one gentle line, never a diagnosis."""
    if s.onset_earlier and s.arms_spreading:
        sign = t.gettext(
            "Symptoms started earlier in the day and reached your arms more often this month."
        )
    elif s.onset_earlier:
        sign = t.gettext("Symptoms started earlier in the day this month.")
    elif s.arms_spreading:
        sign = t.gettext("Symptoms reached your arms more often this month.")
    else:
        return []
    return [f"{sign} {t.gettext(ASK_DOCTOR)}"]


def _onset(s: MonthSummary, t: Texts) -> list[str]:
    lines = []
    if s.onset_counts:
        words = onset_words(t)
        labels = {o.code: t.gettext(o.label) for o in options("ons")}
        order = list(words)

        def rank(code: str) -> int:
            return order.index(code) if code in words else len(order)

        counts = ", ".join(
            f"{words.get(code) or labels.get(code, code)} {t.number(count)}"
            for code, count in sorted(s.onset_counts, key=lambda kv: rank(kv[0]))
        )
        lines.append(t.gettext("<b>Symptoms started</b>: {counts}", counts=counts))
    return lines


def _changes(s: MonthSummary, t: Texts, most: int | None) -> list[str]:
    """The month's medicine changes, the first `most` of them (None: all)."""
    if not s.medicine_changes:
        return []
    shown = s.medicine_changes if most is None else s.medicine_changes[:most]
    lines = [t.gettext("<b>Medicine changes</b>")] + [
        t.gettext("{day}: {what}", day=t.day(c.day), what=html.escape(change_words(c, t)))
        for c in shown
    ]
    if len(shown) < len(s.medicine_changes):
        lines.append(t.gettext(MORE_CHANGES, n=t.number(len(s.medicine_changes) - len(shown))))
    return lines


def _top_factor(s: MonthSummary, t: Texts) -> list[str]:
    """The factor whose nights with and without differed most, if any clearly did."""
    top = strongest_pattern(s.factors)
    if top is None:
        return []
    return [pattern_line(top, t), t.gettext(NOT_PROOF)]


def _medicine(s: MonthSummary, t: Texts) -> list[str]:
    if not s.medicines:
        return []
    lines = [t.gettext("<b>Medicine</b>")]
    for med in s.medicines:
        name = html.escape(med.name)
        if med.usual_time is None:
            line = t.ngettext("{name}: {n} night", "{name}: {n} nights", med.nights, name=name)
        else:
            line = t.ngettext(
                "{name}: {n} night, usually around {time}",
                "{name}: {n} nights, usually around {time}",
                med.nights,
                name=name,
                time=t.clock(med.usual_time),
            )
        lines.append(line)
    return lines


def _factors(s: MonthSummary, t: Texts) -> list[str]:
    if not s.factors:
        return []
    lines = [t.gettext("<b>Restlessness with and without</b>")]
    for f in s.factors:
        lines.append(
            t.ngettext(
                "{factor}: {with_average} on {n} night with, {without_average} on {without} "
                "without",
                "{factor}: {with_average} on {n} nights with, {without_average} on {without} "
                "without",
                f.with_nights,
                factor=factor_label(f.key, t),
                with_average=t.number(f.with_avg, 1),
                without_average=t.number(f.without_avg, 1),
                without=t.number(f.without_nights),
            )
        )
    lines.append(t.gettext(NOT_PROOF))
    return lines


def _link(s: MonthSummary, t: Texts) -> list[str]:
    link = s.sleep_link
    if link is None:
        return []
    figures = t.ngettext("(over {n} night)", "(over {n} nights)", link.pairs)
    if link.strength is Strength.HARDLY_ANY:
        return [
            t.gettext(
                "<b>Legs and sleep</b>: no clear link between them {figures}.", figures=figures
            )
        ]
    return [t.gettext(LINKS[(link.strength, link.r < 0)], figures=figures)]


def factor_label(key: str, t: Texts) -> str:
    """A built-in factor's label in the user's language, or an own factor's name, escaped."""
    labels = {o.field.key: o.label for o in options("fac") if o.field is not None}
    return html.escape(t.gettext(labels[key]) if key in labels else key)


def pattern_line(pattern: FactorComparison, t: Texts) -> str:
    """One factor's nights with and without, in a plain sentence with both counts."""
    return t.ngettext(
        "{factor}: on the {n} night with it, restlessness averaged {with_average}, "
        "against {without_average} on the {without} nights without.",
        "{factor}: on the {n} nights with it, restlessness averaged {with_average}, "
        "against {without_average} on the {without} nights without.",
        pattern.with_nights,
        factor=factor_label(pattern.key, t),
        with_average=t.number(pattern.with_avg, 1),
        without_average=t.number(pattern.without_avg, 1),
        without=t.number(pattern.without_nights),
    )
