"""The weekly feedback as Telegram HTML: at most 8 short lines.

Figures only, each with how many nights it rests on; one pattern at most, always as few
nights and not proof. No advice of any kind: the FAQ is where self-help is explained.
"""

from __future__ import annotations

from bot.core.summary_model import Trend
from bot.core.summary_week import WeekFeedback
from bot.i18n import N_, Texts
from handlers.summary_view import pattern_line

SEVERITY = {
    Trend.LOWER: N_(
        "<b>Restlessness</b>: {average}/10 on average, lower than the week before ({before})"
    ),
    Trend.HIGHER: N_(
        "<b>Restlessness</b>: {average}/10 on average, higher than the week before ({before})"
    ),
    Trend.SAME: N_(
        "<b>Restlessness</b>: {average}/10 on average, about the same as the week before ({before})"
    ),
}
SLEEP = {
    Trend.LOWER: N_(
        "<b>Sleep</b>: {sleep} a night on average, less than the week before ({before})"
    ),
    Trend.HIGHER: N_(
        "<b>Sleep</b>: {sleep} a night on average, more than the week before ({before})"
    ),
    Trend.SAME: N_(
        "<b>Sleep</b>: {sleep} a night on average, about the same as the week before ({before})"
    ),
}
FEW_NIGHTS = N_("<i>Few nights, not proof: your own numbers, to watch over more weeks.</i>")


def week_text(week: WeekFeedback, t: Texts) -> str:
    lines = [
        t.gettext(
            "<b>Your week</b>: {first} to {last}", first=t.day(week.first), last=t.day(week.last)
        ),
        t.ngettext(
            "{n} night logged ({checkins}, {diaries})",
            "{n} nights logged ({checkins}, {diaries})",
            week.nights_logged,
            checkins=t.ngettext("{n} check-in", "{n} check-ins", week.checkins),
            diaries=t.ngettext("{n} diary", "{n} diaries", week.diaries),
        ),
        *_severity(week, t),
        *_sleep(week, t),
    ]
    if week.pattern is not None:
        lines += ["", pattern_line(week.pattern, t), t.gettext(FEW_NIGHTS)]
    return "\n".join(lines)


def _severity(week: WeekFeedback, t: Texts) -> list[str]:
    if week.avg_severity is None:
        return []
    average = t.number(week.avg_severity, 1)
    if week.severity_trend is None or week.prev_avg_severity is None:
        return [t.gettext("<b>Restlessness</b>: {average}/10 on average", average=average)]
    before = t.number(week.prev_avg_severity, 1)
    return [t.gettext(SEVERITY[week.severity_trend], average=average, before=before)]


def _sleep(week: WeekFeedback, t: Texts) -> list[str]:
    if week.avg_sleep_min is None:
        return []
    sleep = t.minutes(week.avg_sleep_min)
    if week.sleep_trend is None or week.prev_avg_sleep_min is None:
        return [t.gettext("<b>Sleep</b>: {sleep} a night on average", sleep=sleep)]
    before = t.minutes(week.prev_avg_sleep_min)
    return [t.gettext(SLEEP[week.sleep_trend], sleep=sleep, before=before)]
