"""The onboarding screens: consent, time zone, check-in and morning times, the monthly
summary and the weekly feedback."""

from __future__ import annotations

from datetime import datetime, time
from html import escape

from telegram import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.core.dialogs import SetupStep
from bot.core.nights import local_time
from bot.core.zones import ZoneMatch
from bot.i18n import N_, Texts
from handlers.callbacks import ONBOARDING, Setup
from handlers.views import View, button, rows
from models import User

CHECKIN_CHOICES = [time(h, m) for h, m in ((21, 0), (21, 30), (22, 0), (22, 30), (23, 0), (23, 30))]
MORNING_CHOICES = [time(h, m) for h, m in ((6, 30), (7, 0), (7, 30), (8, 0), (8, 30), (9, 0))]

WELCOME = N_(
    "<b>Hi, I'm Stillnight</b> 🌙, a companion for nights with restless legs.\n"
    "• A one-minute check-in before bed, to see your patterns over time.\n"
    "• Plain answers to your questions about RLS, with their sources.\n"
    "• I'm an information and tracking tool, not a doctor: nothing here is medical advice.\n\n"
    "To keep your check-ins I need to store your answers about your health. They stay "
    "private to you. /delete removes them from my database at once (backup copies expire "
    "later, and Telegram keeps this chat until you delete it). Is that OK?"
)
REFUSED = N_(
    "No problem. I have stored nothing except that you said no.\n\n"
    "You can still ask me anything about RLS: just type your question, or try /faq. "
    "If you change your mind, send /start."
)


def _data(step: str, value: str) -> str:
    return ONBOARDING.encode(Setup(step, value))


def welcome_view(t: Texts) -> View:
    keyboard = [
        [button(t.gettext("Yes, store my answers"), _data("consent", "yes"))],
        [button(t.gettext("No, thanks"), _data("consent", "no"))],
    ]
    return View(t.gettext(WELCOME), InlineKeyboardMarkup(keyboard))


def consented_view(t: Texts) -> View:
    return View(t.gettext(WELCOME) + "\n\n" + t.gettext("✓ Thank you!"))


def refused_view(t: Texts) -> View:
    return View(t.gettext(REFUSED))


def timezone_view(t: Texts) -> View:
    keyboard = ReplyKeyboardMarkup(
        [[KeyboardButton(t.gettext("📍 Share my location"), request_location=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
        input_field_placeholder=t.gettext("City, zone or offset"),
    )
    text = t.gettext(
        "<b>Which time zone are you in?</b> Then I can ask at the right hour for you.\n\n"
        "• Tap <b>Share my location</b> below (I use it only to find the zone), or\n"
        "• type your city (like <i>Berlin</i>), a zone (<i>Europe/Lisbon</i>) or an offset "
        "(<i>+2</i>, <i>UTC-5</i>)."
    )
    return View(text, keyboard)


def zone_label(match: ZoneMatch, t: Texts) -> str:
    """ "Berlin (Europe/Berlin)", "UTC+02:00", "Eastern Time (America/New_York)"; plain text."""
    name = t.gettext(match.name) if match.named_by_us else match.name
    return f"{name} ({match.zone})" if match.with_zone else name


def candidate_label(match: ZoneMatch, now: datetime, t: Texts) -> str:
    """ "Portland, Maine, United States · 16:05": where it is, and its clock now."""
    name = t.gettext(match.name) if match.named_by_us else match.name
    place = f"{name}, {match.where}" if match.where else zone_label(match, t)
    return t.gettext("{place} · {time}", place=place, time=t.clock(local_time(now, match.zone)))


def candidates_view(
    reason: str, candidates: tuple[ZoneMatch, ...], now: datetime, t: Texts
) -> View:
    keyboard = [
        [button(candidate_label(c, now, t), _data(SetupStep.ZONE, c.zone))] for c in candidates
    ]
    return View(escape(reason), InlineKeyboardMarkup(keyboard) if keyboard else None)


def local_now(zone: str, now: datetime, t: Texts) -> str:
    """ "21:47 on Tuesday": the wall clock in `zone`, for the user to confirm."""
    local = local_time(now, zone)
    return t.gettext("{time} on {weekday}", time=t.clock(local), weekday=t.weekday(local))


def zone_confirmed(match: ZoneMatch, now: datetime, t: Texts) -> str:
    return t.gettext(
        "✓ Time zone: <b>{zone}</b>. It's {now} there now.",
        zone=escape(zone_label(match, t)),
        now=local_now(match.zone, now, t),
    )


def _time_buttons(step: str, choices: list[time], current: time, t: Texts) -> InlineKeyboardMarkup:
    labels = [
        button(("✓ " if at == current else "") + t.clock(at), _data(step, f"{at:%H%M}"))
        for at in choices
    ]
    return InlineKeyboardMarkup(rows(labels, 3))


def checkin_time_view(user: User, t: Texts) -> View:
    text = t.gettext(
        "<b>When should I ask for your evening check-in?</b>\n"
        "Tap a time, or type one (like 21:15 or 9:15pm)."
    )
    keyboard = _time_buttons(SetupStep.CHECKIN_TIME, CHECKIN_CHOICES, user.checkin_time, t)
    return View(text, keyboard)


def morning_time_view(user: User, t: Texts, after_checkin: bool) -> View:
    confirmed = t.gettext("✓ Evening check-in at <b>{time}</b>.", time=t.clock(user.checkin_time))
    text = t.gettext(
        "<b>When should I send the morning sleep diary?</b>\n"
        "Tap a time, or type one (like 7:15 or 6:45am)."
    )
    keyboard = _time_buttons(SetupStep.MORNING_TIME, MORNING_CHOICES, user.morning_time, t)
    return View(f"{confirmed}\n\n{text}" if after_checkin else text, keyboard)


def summary_question_view(user: User, t: Texts) -> View:
    text = t.gettext(
        "✓ Morning sleep diary at <b>{time}</b>.\n\n"
        "<b>On the 1st of each month, shall I send you a summary of the month before?</b>\n"
        "A short text and a chart, also handy to show your doctor. /settings changes it.",
        time=t.clock(user.morning_time),
    )
    keyboard = [
        [
            button(t.gettext("Yes, please"), _data(SetupStep.SUMMARY, "yes")),
            button(t.gettext("No, thanks"), _data(SetupStep.SUMMARY, "no")),
        ]
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def weekly_question_view(user: User, t: Texts) -> View:
    on_off = t.gettext("on") if user.monthly_summary else t.gettext("off")
    text = t.gettext(
        "✓ Monthly summary: <b>{summary}</b>.\n\n"
        "<b>Shall I also send you a few lines on each week, on Monday?</b>\n"
        "After a week with 4 or more nights logged: how the nights went against the week "
        "before, and one pattern in your own entries. /settings changes it.",
        summary=on_off,
    )
    keyboard = [
        [
            button(t.gettext("Yes, please"), _data(SetupStep.WEEKLY, "yes")),
            button(t.gettext("No, thanks"), _data(SetupStep.WEEKLY, "no")),
        ]
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def settings_lines(user: User, now: datetime, t: Texts, with_summary: bool = True) -> str:
    """The zone and the two times; the monthly and weekly switches too, unless buttons show
    them."""
    lines = t.gettext(
        "Time zone: <b>{zone}</b> (it's {now} there)\n"
        "Evening check-in: <b>{checkin}</b>\n"
        "Morning sleep diary: <b>{morning}</b>",
        zone=escape(user.zone),
        now=local_now(user.zone, now, t),
        checkin=t.clock(user.checkin_time),
        morning=t.clock(user.morning_time),
    )
    if not with_summary:
        return lines
    on_off = t.gettext("on") if user.monthly_summary else t.gettext("off")
    weekly = t.gettext("on") if user.weekly_feedback else t.gettext("off")
    return (
        lines
        + "\n"
        + t.gettext("Monthly summary on the 1st: <b>{summary}</b>", summary=on_off)
        + "\n"
        + t.gettext("Weekly feedback on Mondays: <b>{weekly}</b>", weekly=weekly)
    )


def done_view(user: User, now: datetime, t: Texts) -> View:
    return View(
        t.gettext("<b>✓ You're all set.</b>")
        + f"\n{settings_lines(user, now, t)}\n\n"
        + t.gettext(
            "Tap /checkin whenever you're ready for tonight's check-in (about a minute). "
            "You can also type a question about RLS at any time, or see /help."
        )
    )


def welcome_back_view(user: User, now: datetime, checkin_open: bool, t: Texts) -> View:
    text = (
        t.gettext("<b>Welcome back!</b> Everything is as you left it.")
        + f"\n{settings_lines(user, now, t)}\n\n"
        + t.gettext("/checkin for tonight's check-in, /help for everything else.")
    )
    if checkin_open:
        text += "\n\n" + t.gettext("Your check-in is waiting where you left off: /checkin")
    return View(text)


def setup_view(step: str, user: User, t: Texts, onboarding: bool) -> View:
    """The screen of an onboarding (or settings) step."""
    match step:
        case SetupStep.ZONE:
            return timezone_view(t)
        case SetupStep.CHECKIN_TIME:
            return checkin_time_view(user, t)
        case SetupStep.SUMMARY:
            return summary_question_view(user, t)
        case SetupStep.WEEKLY:
            return weekly_question_view(user, t)
    return morning_time_view(user, t, after_checkin=onboarding)
