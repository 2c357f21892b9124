"""Reminder messages and their buttons, /pause and /resume, and the dispatcher's sends."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.ext import Application

from bot.core.months import month_start
from bot.core.schedule import Kind
from bot.data import Tx, users
from bot.data.deliveries import Claimed
from bot.i18n import DEFAULT_LANGUAGE, N_, Texts
from bot.i18n.languages import spoken
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.pacer import Pacer
from bot.resources import Resources
from bot.services import reminders
from bot.services.entries import CHECKIN_ENTRY, DIARY_ENTRY
from handlers import callbacks, entries, summary, updates
from handlers import reminders_view as views
from handlers.context import BotContext
from handlers.entries import NEEDS_START
from handlers.shown import Shown, show
from handlers.views import View, edit_view, send_view
from models import User

STALE = N_("That reminder is no longer current.")


def make_dispatcher(app: Application) -> Dispatcher:
    resources: Resources = app.bot_data
    settings = resources.settings
    maker = resources.sessionmaker
    if maker is None:
        raise RuntimeError("the database opens before the dispatcher is made")

    async def send(item: Claimed) -> int:
        t = resources.texts(spoken(item.language) or DEFAULT_LANGUAGE)
        if item.kind is Kind.MONTHLY:
            return await send_month(item, t)
        if item.kind is Kind.WEEKLY:
            return await send_week(item, t)
        view = views.reminder_view(item.kind, item.round > 0, item.delivery_id, t)
        return (await send_view(app.bot, item.chat_id, view)).message_id

    async def send_month(item: Claimed, t: Texts) -> int:
        async with maker() as tx:  # the summary of the month before the 1st it fires on
            user = await _user(tx, item)
            first = month_start(item.night, 1)
            month, message = await summary.month_message(tx, user, first, t, with_picker=False)
        message = await summary.with_chart(month, message, t)
        return await summary.deliver(app.bot, item.chat_id, message)

    async def send_week(item: Claimed, t: Texts) -> int:
        async with maker() as tx:  # the week that ended the day before the Monday it fires on
            view = await summary.week_view(tx, await _user(tx, item), item.night, t)
        return (await send_view(app.bot, item.chat_id, view)).message_id

    pacer = Pacer(settings.send_rate_per_second, settings.send_per_chat_seconds)
    lease = timedelta(seconds=settings.reminder_lease_seconds)
    return Dispatcher(maker, resources.clock, pacer, send, lease)


async def _user(tx: Tx, item: Claimed) -> User:
    user = await users.get_user(tx, item.chat_id)
    if user is None:
        raise LookupError("the user of a claimed delivery is gone")
    return user


async def dispatch_job(context: BotContext) -> None:
    """The periodic job (APScheduler through PTB's JobQueue)."""
    dispatcher = context.bot_data.dispatcher
    if dispatcher is not None:
        await dispatcher.run_once()


async def on_button(update: Update, context: BotContext) -> None:
    """rm:<delivery id>:<start | s30 | s60 | skip>."""
    query, t, now = updates.tap(update), context.texts, context.now()
    tap = callbacks.REMINDER.decode(query.data)
    answered = None
    async with context.transaction() as tx:
        user = await users.get_user(tx, updates.user_id(update))
        if tap is not None and user is not None:
            answered = await reminders.answer(tx, user.id, tap.delivery_id, tap.action, now)
    if tap is None or user is None or answered is None:
        await query.answer(t.gettext(STALE))
        return
    if answered.snoozed_until is not None:
        text = views.snoozed_text(answered.kind, answered.snoozed_until, user.zone, t)
    elif tap.action == "skip":
        text = t.gettext(views.SKIPPED[answered.kind])
    else:
        text = t.gettext(views.STARTED[answered.kind])
    await edit_view(updates.tapped_message(update), View(text))
    await query.answer()
    if tap.action == "start":
        kind = CHECKIN_ENTRY if answered.kind is Kind.EVENING else DIARY_ENTRY
        await entries.begin(update, context, kind, answered.night)


async def cmd_pause(update: Update, context: BotContext) -> None:
    await show(update, context, Shown(sends=(views.pause_menu_view(context.texts),)))


async def on_pause(update: Update, context: BotContext) -> None:
    query, t = updates.tap(update), context.texts
    tap = callbacks.PAUSE.decode(query.data)
    user = None
    async with context.transaction() as tx:
        if tap is not None:
            user = await reminders.pause(tx, updates.user_id(update), int(tap.value), context.now())
    if user is None:
        await query.answer(t.gettext(NEEDS_START)[:200])
        return
    await edit_view(updates.tapped_message(update), views.paused_view(user, t))
    await query.answer()


async def cmd_resume(update: Update, context: BotContext) -> None:
    t = context.texts
    async with context.transaction() as tx:
        resumed = await reminders.resume(tx, updates.user_id(update), context.now())
    view = views.resumed_view(resumed, t) if resumed else View(t.gettext(NEEDS_START))
    await show(update, context, Shown(sends=(view,)))
