"""/start: consent, time zone and times. Nothing is stored before the user says yes.

The same zone and time screens serve /settings (flow SETTINGS): there each change is saved
on its own and leads back to the settings screen.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, time

from telegram import ReplyKeyboardRemove, Update

from bot.core.dialogs import OPT_INS, Flow, SetupStep
from bot.core.nights import is_zone
from bot.core.problems import Problem
from bot.core.zones import ZoneMatch, zone_from_location, zone_from_text
from bot.data import Tx, dialogs
from bot.i18n import N_, Texts
from bot.i18n.problems import EVENING_TIMES, MORNING_TIMES, problem_text
from bot.parsing import InputParser
from bot.services import onboarding
from bot.services.onboarding import Consented, Stored
from handlers import callbacks, updates
from handlers import start_view as views
from handlers.callbacks import Setup
from handlers.context import BotContext
from handlers.settings_view import settings_view
from handlers.shown import Shown, show
from handlers.views import View, edit_view, retire_keyboard
from models import Dialog

ALREADY_DONE = N_("That step is already done.")
UNKNOWN_ZONE = N_("I don't know that time zone.")
TEXT_CHANGED = N_(
    "<b>What I tell you about your data has changed.</b> Please read it again: I store "
    "nothing more until you agree."
)


async def screen(tx: Tx, dialog: Dialog, now: datetime, t: Texts) -> View:
    """The current screen of an onboarding or settings step (for the flows table)."""
    return views.setup_view(dialog.step, dialog.user, t, dialog.flow == Flow.ONBOARDING)


async def cmd_start(update: Update, context: BotContext) -> None:
    t, now = context.texts, context.now()
    async with context.transaction() as tx:
        here = await onboarding.arrive(tx, updates.user_id(update), now, context.language)
    user, dialog = here.user, here.dialog
    if user is None or not onboarding.agreed_to_current_text(user):
        welcome = views.welcome_view(t)
        if user is not None and user.consent:
            welcome = welcome.with_prefix(t.gettext(TEXT_CHANGED))
        await show(update, context, Shown(sends=(welcome,)))
    elif not user.onboarded and dialog is not None:
        prefix = t.gettext("Welcome back! Let's finish setting up.")
        live = views.setup_view(dialog.step, user, t, onboarding=True).with_prefix(prefix)
        await show(update, context, Shown(live=live, retire=dialog.message_id))
    else:
        checkin_open = dialog is not None and dialog.flow == Flow.CHECKIN
        welcome_back = views.welcome_back_view(user, now, checkin_open, t)
        await show(update, context, Shown(sends=(welcome_back,)))


async def on_button(update: Update, context: BotContext) -> None:
    """ob:<step>:<value>: consent, a zone candidate, a time, the monthly summary, the weekly."""
    tap = callbacks.ONBOARDING.decode(updates.tap(update).data)
    if tap is None:
        await updates.tap(update).answer(context.texts.gettext(ALREADY_DONE))
    elif tap.step == "consent":
        await _on_consent(update, context, tap.value == "yes")
    elif tap.step == SetupStep.ZONE:
        await _on_zone_button(update, context, tap.value)
    else:
        await _on_value_button(update, context, tap)


async def _on_consent(update: Update, context: BotContext, agreed: bool) -> None:
    query, t = updates.tap(update), context.texts
    async with context.transaction() as tx:
        answer = await onboarding.record_consent(
            tx, updates.user_id(update), agreed, context.now(), context.language
        )
    if answer is Consented.ALREADY:
        await query.answer(t.gettext("You're already set up. /help shows what I can do."))
        return
    await edit_view(
        updates.tapped_message(update), views.consented_view(t) if agreed else views.refused_view(t)
    )
    await query.answer()
    if answer is Consented.RENEWED:
        text = t.gettext("Everything is as before. /help shows what I can do.")
        await show(update, context, Shown(sends=(View(text),)))
    elif agreed:
        await show(update, context, Shown(live=views.timezone_view(t)))


async def _on_zone_button(update: Update, context: BotContext, zone: str) -> None:
    query, t = updates.tap(update), context.texts
    shown = None
    async with context.transaction() as tx:
        dialog = await dialogs.get_dialog(tx, updates.user_id(update))
        if onboarding.in_setup(dialog, SetupStep.ZONE) and is_zone(zone) and dialog is not None:
            match = ZoneMatch(zone, zone, with_zone=False)
            shown = await _zone_chosen(tx, dialog, match, context.now(), t)
    if shown is None:
        refusal = UNKNOWN_ZONE if onboarding.in_setup(dialog, SetupStep.ZONE) else ALREADY_DONE
        await query.answer(t.gettext(refusal))
        return
    await retire_keyboard(
        context.bot, updates.chat_id(update), updates.tapped_message(update).message_id
    )
    await query.answer()
    await show(update, context, shown)


async def _on_value_button(update: Update, context: BotContext, tap: Setup) -> None:
    """A time (HHMM), or the monthly summary's or weekly feedback's yes or no: the message
    becomes the next step."""
    query, t, now = updates.tap(update), context.texts, context.now()
    view = None
    async with context.transaction() as tx:
        dialog = await dialogs.get_dialog(tx, updates.user_id(update))
        if dialog is not None and onboarding.in_setup(dialog, tap.step):
            if tap.step in OPT_INS:
                stored = await onboarding.set_opt_in(tx, dialog, tap.value == "yes", now)
                view = _after(stored, now, t)
            elif (at := _hhmm(tap.value)) is not None:
                view = _after(await onboarding.set_time(tx, dialog, at, now), now, t)
    if view is None:
        await query.answer(t.gettext(ALREADY_DONE))
        return
    await edit_view(updates.tapped_message(update), view)
    await query.answer()


def _hhmm(value: str) -> time | None:
    if len(value) != 4 or not value.isdigit():
        return None
    hours, minutes = int(value[:2]), int(value[2:])
    return time(hours, minutes) if hours < 24 and minutes < 60 else None


def _after(stored: Stored, now: datetime, t: Texts) -> View:
    """The screen after a setting was stored: the next step, all set, or the settings."""
    if stored.dialog is not None:
        return views.setup_view(stored.dialog.step, stored.user, t, onboarding=True)
    if stored.finished == Flow.ONBOARDING:
        return views.done_view(stored.user, now, t)
    return settings_view(stored.user, stored.reminders, now, t)


async def _zone_chosen(tx: Tx, dialog: Dialog, match: ZoneMatch, now: datetime, t: Texts) -> Shown:
    """The zone is stored and confirmed (the location keyboard goes), then what comes next."""
    confirmation = View(views.zone_confirmed(match, now, t), ReplyKeyboardRemove())
    old = dialog.message_id
    stored = await onboarding.set_zone(tx, dialog, match.zone, now)
    following = _after(stored, now, t)
    if stored.dialog is not None:
        return Shown(sends=(confirmation,), live=following, retire=old)
    return Shown(sends=(confirmation, following))


async def on_text(
    tx: Tx, dialog: Dialog, text: str, now: datetime, t: Texts, parser: InputParser
) -> Shown:
    """Typed answers while setting up: a place or offset, a time, yes or no."""
    old = dialog.message_id
    if dialog.step == SetupStep.ZONE:
        lookup = await asyncio.to_thread(zone_from_text, text)  # off the loop: see zones.warm_up
        if lookup.match is not None:
            return await _zone_chosen(tx, dialog, lookup.match, now, t)
        reason = problem_text(t, lookup.problem) if lookup.problem else ""
        if lookup.candidates:
            return Shown(sends=(views.candidates_view(reason, lookup.candidates, now, t),))
        current = await screen(tx, dialog, now, t)
        return Shown(live=current.with_prefix(f"<i>{reason}</i>"), retire=old)
    if dialog.step in OPT_INS:
        wanted = parser.yes_no(text)
        if wanted is None:
            prefix = "<i>" + t.gettext("Please tap Yes or No.") + "</i>"
            return Shown(live=(await screen(tx, dialog, now, t)).with_prefix(prefix), retire=old)
        stored = await onboarding.set_opt_in(tx, dialog, wanted, now)
    else:
        try:
            at = parser.clock(text)
        except Problem as problem:
            samples = MORNING_TIMES if dialog.step == SetupStep.MORNING_TIME else EVENING_TIMES
            prefix = f"<i>{problem_text(t, problem, samples)}</i>"
            return Shown(live=(await screen(tx, dialog, now, t)).with_prefix(prefix), retire=old)
        stored = await onboarding.set_time(tx, dialog, at, now)
    following = _after(stored, now, t)
    if stored.dialog is not None:
        return Shown(live=following, retire=old)
    return Shown(sends=(following,), retire=old)


async def on_location(update: Update, context: BotContext) -> None:
    t = context.texts
    location = updates.message(update).location
    match = zone_from_location(location.latitude, location.longitude) if location else None
    async with context.transaction() as tx:
        dialog = await dialogs.get_dialog(tx, updates.user_id(update))
        if dialog is None or not onboarding.in_setup(dialog, SetupStep.ZONE):
            shown = Shown(
                sends=(
                    View(
                        t.gettext(
                            "Thanks, but I only use a location to find your time zone, and "
                            "I don't need it now. Nothing was stored."
                        )
                    ),
                )
            )
        elif match is None:
            prefix = t.gettext(
                "<i>I couldn't find a time zone for that spot. Could you type your city?</i>"
            )
            view = (await screen(tx, dialog, context.now(), t)).with_prefix(prefix)
            shown = Shown(live=view, retire=dialog.message_id)
        else:
            shown = await _zone_chosen(tx, dialog, match, context.now(), t)
    await show(update, context, shown)
