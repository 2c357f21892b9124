"""Reminder messages and their buttons, /pause and /resume."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application

from bot.core import users
from bot.core.clock_parse import format_clock
from bot.core.schedule import Kind, pause_until, snooze_until
from bot.reminders import claim
from bot.reminders.claim import Claimed
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.pacer import Pacer
from bot.reminders.plan import reschedule
from bot.texts import NEEDS_START
from handlers import checkin, morning, summary
from handlers import reminders_view as views
from handlers.context import BotContext, Resources
from handlers.views import View, button, edit_view, send_view
from models import Delivery, User

FOREVER = datetime(9999, 12, 31, tzinfo=UTC)
PAUSES = {"1": "1 day", "3": "3 days", "7": "7 days", "0": "Until I /resume"}
STALE = "That reminder is no longer current."


def make_dispatcher(app: Application) -> Dispatcher:  # type: ignore[type-arg]
    resources: Resources = app.bot_data
    settings = resources.settings

    async def send(item: Claimed) -> int:
        if item.kind is Kind.MONTHLY:  # the month before the 1st it fires on
            async with resources.sessionmaker() as session:
                user = await session.get(User, item.chat_id)
                month = summary.month_start(item.night, 1)
                message = await summary.month_message(session, user, month, with_picker=False)
            return await summary.deliver(app.bot, item.chat_id, message)
        view = views.reminder_view(item.kind, item.round > 0, item.delivery_id)
        sent = await send_view(app.bot, item.chat_id, view)
        return sent.message_id

    pacer = Pacer(settings.send_rate_per_second, settings.send_per_chat_seconds)
    lease = timedelta(seconds=settings.reminder_lease_seconds)
    return Dispatcher(resources.sessionmaker, resources.clock, pacer, send, lease)


async def dispatch_job(context: BotContext) -> None:
    """The periodic job (APScheduler through PTB's JobQueue)."""
    await context.bot_data.dispatcher.run_once()


async def on_button(update: Update, context: BotContext) -> None:
    """rm:<delivery id>:<start | s30 | s60 | skip>."""
    query = update.callback_query
    _, raw_id, action = ((query.data or "") + "::").split(":")[:3]
    now = context.now()
    async with context.session() as session:
        delivery = await session.get(Delivery, int(raw_id)) if raw_id.isdigit() else None
        user = await users.get_user(session, update.effective_user.id)
        if (
            delivery is None
            or user is None
            or delivery.user_id != user.id
            or delivery.status == claim.ACTED
        ):
            await query.answer(STALE)
            return
        if action not in ("start", "s30", "s60", "skip"):
            await query.answer(STALE)
            return
        kind = Kind(delivery.kind)
        delivery.status = claim.ACTED  # one answer per reminder, even if tapped twice
        if action in ("s30", "s60"):
            at = snooze_until(now, 30 if action == "s30" else 60)
            await claim.snooze(session, delivery, at)
            local = at.astimezone(ZoneInfo(user.timezone or "UTC"))
            view = View(views.snoozed_text(kind, format_clock(local.time())))
        elif action == "skip":
            await claim.cancel_pending(session, delivery)
            view = View(views.SKIPPED[kind])
        else:
            view = View(views.STARTED[kind])
    await edit_view(query.message, view)
    await query.answer()
    if action == "start":
        begin = checkin.begin if kind is Kind.EVENING else morning.begin
        await begin(update, context, delivery.night)


async def cmd_pause(update: Update, context: BotContext) -> None:
    keyboard = [[button(label, f"pz:{days}")] for days, label in PAUSES.items()]
    text = "<b>Pause reminders</b> for how long? Your check-ins and answers stay as they are."
    await send_view(
        context.bot, update.effective_chat.id, View(text, InlineKeyboardMarkup(keyboard))
    )


async def on_pause(update: Update, context: BotContext) -> None:
    query = update.callback_query
    days = (query.data or "").removeprefix("pz:")
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        if user is None or not user.onboarded or days not in PAUSES:
            await query.answer(NEEDS_START[:200])
            return
        user.paused_until = pause_until(now, int(days), user.timezone) if days != "0" else FOREVER
        until = (
            "until you send /resume"
            if days == "0"
            else f"until {user.paused_until.astimezone(ZoneInfo(user.timezone)):%a %d %b, %H:%M}"
        )
    await edit_view(query.message, View(f"⏸ Reminders paused {until}. /resume restarts them."))
    await query.answer()


async def cmd_resume(update: Update, context: BotContext) -> None:
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        if user is not None and user.onboarded:
            user.paused_until = None
            await reschedule(session, user, now)
            text = (
                "▶ Reminders are on again: check-in at "
                f"<b>{format_clock(user.checkin_time)}</b>, morning diary at "
                f"<b>{format_clock(user.morning_time)}</b>. /settings switches each on or off."
            )
        else:
            text = NEEDS_START
    await update.effective_message.reply_text(text)
