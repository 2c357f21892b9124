"""The onboarding screens: consent, time zone, check-in and morning times."""

from __future__ import annotations

from datetime import datetime, time
from html import escape

from telegram import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.core.clock_parse import format_clock
from bot.core.zones import ZoneMatch, local_now_text
from bot.texts import CONSENT_NO, CONSENT_YES, WELCOME
from handlers.views import View, button, rows
from models import User

TZ, CHECKIN_TIME, MORNING_TIME, SUMMARY, DONE = "tz", "ci", "mo", "sm", "done"
CHECKIN_CHOICES = [time(h, m) for h, m in ((21, 0), (21, 30), (22, 0), (22, 30), (23, 0), (23, 30))]
MORNING_CHOICES = [time(h, m) for h, m in ((6, 30), (7, 0), (7, 30), (8, 0), (8, 30), (9, 0))]
LOCATION_BUTTON = "📍 Share my location"

TZ_QUESTION = (
    "<b>Which time zone are you in?</b> Then I can ask at the right hour for you.\n\n"
    "• Tap <b>Share my location</b> below (I use it only to find the zone), or\n"
    "• type your city (like <i>Berlin</i>), a zone (<i>Europe/Lisbon</i>) or an offset "
    "(<i>+2</i>, <i>UTC-5</i>)."
)


def welcome_view() -> View:
    keyboard = [[button(CONSENT_YES, "ob:consent:yes")], [button(CONSENT_NO, "ob:consent:no")]]
    return View(WELCOME, InlineKeyboardMarkup(keyboard))


def timezone_view() -> View:
    keyboard = ReplyKeyboardMarkup(
        [[KeyboardButton(LOCATION_BUTTON, request_location=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
        input_field_placeholder="City, zone or offset",
    )
    return View(TZ_QUESTION, keyboard)


def candidates_view(reason: str, candidates: tuple[ZoneMatch, ...]) -> View:
    keyboard = [[button(c.label, f"ob:{TZ}:{c.zone}")] for c in candidates]
    return View(escape(reason), InlineKeyboardMarkup(keyboard) if keyboard else None)


def zone_confirmed(match: ZoneMatch, now: datetime) -> str:
    return (
        f"✓ Time zone: <b>{escape(match.label)}</b>. "
        f"It's {local_now_text(match.zone, now)} there now."
    )


def _time_buttons(step: str, choices: list[time], current: time) -> InlineKeyboardMarkup:
    labels = [
        button(("✓ " if t == current else "") + format_clock(t), f"ob:{step}:{t:%H%M}")
        for t in choices
    ]
    return InlineKeyboardMarkup(rows(labels, 3))


def checkin_time_view(user: User) -> View:
    text = (
        "<b>When should I ask for your evening check-in?</b>\n"
        "Tap a time, or type one (like 21:15 or 9:15pm)."
    )
    return View(text, _time_buttons(CHECKIN_TIME, CHECKIN_CHOICES, user.checkin_time))


def morning_time_view(user: User, after_checkin: bool) -> View:
    confirmed = f"✓ Evening check-in at <b>{format_clock(user.checkin_time)}</b>.\n\n"
    text = (
        (confirmed if after_checkin else "")
        + "<b>When should I send the morning sleep diary?</b>\n"
        "Tap a time, or type one (like 7:15 or 6:45am)."
    )
    return View(text, _time_buttons(MORNING_TIME, MORNING_CHOICES, user.morning_time))


def summary_question_view(user: User) -> View:
    text = (
        f"✓ Morning sleep diary at <b>{format_clock(user.morning_time)}</b>.\n\n"
        "<b>On the 1st of each month, shall I send you a summary of the month before?</b>\n"
        "A short text and a chart, also handy to show your doctor. /settings changes it."
    )
    keyboard = [
        [button("Yes, please", f"ob:{SUMMARY}:yes"), button("No, thanks", f"ob:{SUMMARY}:no")]
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def settings_lines(user: User, now: datetime) -> str:
    zone = user.timezone or "UTC"
    return (
        f"Time zone: <b>{escape(zone)}</b> (it's {local_now_text(zone, now)} there)\n"
        f"Evening check-in: <b>{format_clock(user.checkin_time)}</b>\n"
        f"Morning sleep diary: <b>{format_clock(user.morning_time)}</b>\n"
        f"Monthly summary on the 1st: <b>{'on' if user.monthly_summary else 'off'}</b>"
    )


def done_view(user: User, now: datetime) -> View:
    return View(
        "<b>✓ You're all set.</b>\n"
        f"{settings_lines(user, now)}\n\n"
        "Tap /checkin whenever you're ready for tonight's check-in (about a minute). "
        "You can also type a question about RLS at any time, or see /help."
    )


def welcome_back_view(user: User, now: datetime, checkin_open: bool) -> View:
    waiting = "\n\nYour check-in is waiting where you left off: /checkin" if checkin_open else ""
    return View(
        f"<b>Welcome back!</b> Everything is as you left it.\n{settings_lines(user, now)}\n\n"
        f"/checkin for tonight's check-in, /help for everything else.{waiting}"
    )
