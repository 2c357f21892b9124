"""The /settings screens."""

from __future__ import annotations

from datetime import datetime
from html import escape

from telegram import InlineKeyboardMarkup

from bot.core.dialogs import SetupStep
from bot.core.nights import local_time
from bot.core.schedule import Kind
from bot.i18n import N_, Texts
from handlers.callbacks import SETTINGS, SettingsTap
from handlers.start_view import settings_lines
from handlers.views import View, button
from models import Medicine, Reminder, User

SWITCH_LABELS = {
    Kind.EVENING: N_("Evening reminder"),
    Kind.MORNING: N_("Morning diary prompt"),
    Kind.MONTHLY: N_("Monthly summary"),
}
FOREVER_YEAR = 9999  # a pause "until /resume" lasts until then


def data(action: str, medicine_id: int | None = None) -> str:
    return SETTINGS.encode(SettingsTap(action, medicine_id))


def pause_text(user: User, now: datetime, t: Texts) -> str:
    until = user.paused_until
    if until is None or until <= now:
        return ""
    if until.year >= FOREVER_YEAR:
        return "\n" + t.gettext("⏸ Reminders are paused until you send /resume.")
    local = local_time(until, user.zone)
    return "\n" + t.gettext(
        "⏸ Reminders are paused until {day}, {time}. /resume restarts them.",
        day=t.day(local.date()),
        time=t.clock(local),
    )


def settings_view(user: User, reminders: dict[Kind, Reminder], now: datetime, t: Texts) -> View:
    text = (
        t.gettext("<b>Settings</b>")
        + "\n"
        + settings_lines(user, now, t, with_summary=False)
        + pause_text(user, now, t)
        + "\n\n"
        + t.gettext("Tap to change:")
    )
    switches = [
        [
            button(
                t.gettext("{switch}: on ✓", switch=t.gettext(label))
                if reminders[k].enabled
                else t.gettext("{switch}: off", switch=t.gettext(label)),
                data(k.value),
            )
        ]
        for k, label in SWITCH_LABELS.items()
        if k in reminders
    ]
    keyboard = [
        [button(t.gettext("🌍 Time zone"), data(SetupStep.ZONE))],
        [
            button(t.gettext("🌙 Check-in time"), data(SetupStep.CHECKIN_TIME)),
            button(t.gettext("☀️ Morning time"), data(SetupStep.MORNING_TIME)),
        ],
        *switches,
        [button(t.gettext("💊 My medicines"), data("meds"))],
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def medicines_view(medicines: list[Medicine], t: Texts) -> View:
    active = [m for m in medicines if not m.retired]
    names = "\n".join(f"• {escape(m.name)}" for m in active) or t.gettext("None yet.")
    text = (
        t.gettext("<b>My medicines</b>")
        + f"\n{names}\n\n"
        + t.gettext(
            "These are the names you pick from in the check-in. Removing one keeps it in past "
            "check-ins. I never comment on doses."
        )
    )
    keyboard = [
        [
            button(f"✎ {m.name[:30]}", data("mren", m.id)),
            button(t.gettext("Remove"), data("mdel", m.id)),
        ]
        for m in active
    ]
    keyboard.append([button(t.gettext("➕ Add a medicine"), data("madd"))])
    keyboard.append([button(t.gettext("« Settings"), data("back"))])
    return View(text, InlineKeyboardMarkup(keyboard))


def medicine_name_view(current: str | None, t: Texts) -> View:
    if current:
        text = t.gettext(
            "Type a new name for <b>{name}</b> (up to 64 characters).", name=escape(current)
        )
    else:
        text = t.gettext("Type the medicine's name (up to 64 characters).")
    return View(text, InlineKeyboardMarkup([[button(t.gettext("Cancel"), data("meds"))]]))
