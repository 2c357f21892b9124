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
from models import Reminder, User

SWITCH_LABELS = {Kind.EVENING: "Evening reminder", Kind.MORNING: "Morning diary prompt"}


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
    ]
    return View(text, InlineKeyboardMarkup(keyboard))
