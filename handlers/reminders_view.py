"""How a reminder looks, and what its buttons and /pause say."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardMarkup

from bot.core.nights import local_time
from bot.core.schedule import Kind
from bot.i18n import N_, Texts
from bot.services.reminders import FOREVER, PAUSE_DAYS, Resumed
from handlers.callbacks import PAUSE, REMINDER, ReminderTap, Value
from handlers.views import View, button
from models import User

TEXTS = {
    (Kind.EVENING, False): N_("🌙 <b>Time for tonight's check-in.</b>\nAbout a minute, one thumb."),
    (Kind.EVENING, True): N_(
        "🌙 <b>Here again</b>, as you asked: tonight's check-in, when you're ready."
    ),
    (Kind.MORNING, False): N_(
        "☀️ <b>Good morning.</b> How did you sleep?\nThe sleep diary takes about a minute."
    ),
    (Kind.MORNING, True): N_("☀️ <b>Here again</b>, as you asked: last night's sleep diary."),
}
SKIP_LABEL = {Kind.EVENING: N_("Skip tonight"), Kind.MORNING: N_("Skip today")}
SKIPPED = {
    Kind.EVENING: N_("OK, no check-in tonight. Sleep as well as you can 🌙"),
    Kind.MORNING: N_("OK, no diary today. /morning still works if you change your mind."),
}
STARTED = {
    Kind.EVENING: N_("🌙 Tonight's check-in ⬇️"),
    Kind.MORNING: N_("☀️ Last night's sleep diary ⬇️"),
}
SNOOZED = {
    Kind.EVENING: N_("⏰ OK, I'll remind you about tonight's check-in again at {time}."),
    Kind.MORNING: N_("⏰ OK, I'll remind you about the sleep diary again at {time}."),
}


def reminder_view(kind: Kind, snoozed: bool, delivery_id: int, t: Texts) -> View:
    def act(action: str) -> str:
        return REMINDER.encode(ReminderTap(delivery_id, action))

    keyboard = [
        [button(t.gettext("▶ Start"), act("start"))],
        [
            button(t.gettext("⏰ In 30 min"), act("s30")),
            button(t.gettext("⏰ In 1 hour"), act("s60")),
        ],
        [button(t.gettext(SKIP_LABEL[kind]), act("skip"))],
    ]
    return View(t.gettext(TEXTS[(kind, snoozed)]), InlineKeyboardMarkup(keyboard))


def snoozed_text(kind: Kind, until: datetime, user_zone: str, t: Texts) -> str:
    return t.gettext(SNOOZED[kind], time=t.clock(local_time(until, user_zone)))


def pause_menu_view(t: Texts) -> View:
    def label(days: int) -> str:
        if not days:
            return t.gettext("Until I /resume")
        return t.ngettext("{n} day", "{n} days", days)

    keyboard = [[button(label(days), PAUSE.encode(Value(str(days))))] for days in PAUSE_DAYS]
    text = t.gettext(
        "<b>Pause reminders</b> for how long? Your check-ins and answers stay as they are."
    )
    return View(text, InlineKeyboardMarkup(keyboard))


def paused_view(user: User, t: Texts) -> View:
    until = user.paused_until
    if until is None or until >= FOREVER:
        return View(t.gettext("⏸ Reminders paused until you send /resume. /resume restarts them."))
    local = local_time(until, user.zone)
    return View(
        t.gettext(
            "⏸ Reminders paused until {day}, {time}. /resume restarts them.",
            day=t.day(local.date()),
            time=t.clock(local),
        )
    )


RESUMED = {
    frozenset({Kind.EVENING, Kind.MORNING}): N_(
        "▶ Reminders are on again: check-in at <b>{checkin}</b>, morning diary at "
        "<b>{morning}</b>. /settings switches each on or off."
    ),
    frozenset({Kind.EVENING}): N_(
        "▶ Reminders are on again: check-in at <b>{checkin}</b>; the morning diary reminder "
        "is off. /settings switches each on or off."
    ),
    frozenset({Kind.MORNING}): N_(
        "▶ Reminders are on again: morning diary at <b>{morning}</b>; the check-in reminder "
        "is off. /settings switches each on or off."
    ),
    frozenset(): N_(
        "▶ Reminders are no longer paused, but the check-in and morning diary reminders are "
        "both off. /settings switches them on."
    ),
}


def resumed_view(resumed: Resumed, t: Texts) -> View:
    """What is really on after /resume: only the daily reminders that are switched on."""
    user = resumed.user
    return View(
        t.gettext(
            RESUMED[resumed.on],
            checkin=t.clock(user.checkin_time),
            morning=t.clock(user.morning_time),
        )
    )
