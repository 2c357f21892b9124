"""The /settings screen."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup

from bot.core.clock_parse import format_clock
from bot.core.schedule import Kind
from bot.core.zones import local_now_text
from handlers.views import View, button
from models import Medicine, Reminder, User

SWITCH_LABELS = {
    Kind.EVENING: "Evening reminder",
    Kind.MORNING: "Morning diary prompt",
    Kind.MONTHLY: "Monthly summary",
}


def pause_text(user: User, now: datetime) -> str:
    if user.paused_until is None or user.paused_until <= now:
        return ""
    if user.paused_until.year >= 9999:
        return "\n⏸ Reminders are paused until you send /resume."
    local = user.paused_until.astimezone(ZoneInfo(user.timezone or "UTC"))
    return f"\n⏸ Reminders are paused until {local:%a %d %b, %H:%M}. /resume restarts them."


def settings_view(user: User, reminders: dict[Kind, Reminder], now: datetime) -> View:
    zone = user.timezone or "UTC"
    text = (
        "<b>Settings</b>\n"
        f"Time zone: <b>{escape(zone)}</b> (it's {local_now_text(zone, now)} there)\n"
        f"Evening check-in: <b>{format_clock(user.checkin_time)}</b>\n"
        f"Morning sleep diary: <b>{format_clock(user.morning_time)}</b>"
        f"{pause_text(user, now)}\n\n"
        "Tap to change:"
    )
    switches = [
        [button(f"{label}: {'on ✓' if reminders[k].enabled else 'off'}", f"st:{k.value}")]
        for k, label in SWITCH_LABELS.items()
        if k in reminders
    ]
    keyboard = [
        [button("🌍 Time zone", "st:tz")],
        [button("🌙 Check-in time", "st:ci"), button("☀️ Morning time", "st:mo")],
        *switches,
        [button("💊 My medicines", "st:meds")],
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def medicines_view(medicines: list[Medicine]) -> View:
    active = [m for m in medicines if not m.retired]
    names = "\n".join(f"• {escape(m.name)}" for m in active) or "None yet."
    text = (
        f"<b>My medicines</b>\n{names}\n\n"
        "These are the names you pick from in the check-in. Removing one keeps it in past "
        "check-ins. I never comment on doses."
    )
    keyboard = [
        [button(f"✎ {m.name[:30]}", f"st:mren:{m.id}"), button("Remove", f"st:mdel:{m.id}")]
        for m in active
    ]
    keyboard.append([button("➕ Add a medicine", "st:madd")])
    keyboard.append([button("« Settings", "st:back")])
    return View(text, InlineKeyboardMarkup(keyboard))


def medicine_name_view(current: str | None) -> View:
    what = f"a new name for <b>{escape(current)}</b>" if current else "the medicine's name"
    text = f"Type {what} (up to 64 characters)."
    return View(text, InlineKeyboardMarkup([[button("Cancel", "st:meds")]]))
