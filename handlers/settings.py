"""/settings: time zone, times, each reminder on or off, the monthly summary, medicines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from telegram import Update

from bot.core.dialogs import SetupStep, Typing
from bot.core.problems import Problem
from bot.core.schedule import Kind
from bot.data import Tx, dialogs, users
from bot.i18n import N_, Texts
from bot.i18n.problems import problem_text
from bot.parsing import InputParser
from bot.services import entries, settings
from handlers import callbacks, start, updates
from handlers.callbacks import SettingsTap
from handlers.context import BotContext
from handlers.entries import NEEDS_START
from handlers.language_view import picker_view
from handlers.settings_view import factors_view, medicines_view, settings_view, typing_view
from handlers.shown import Shown, show
from handlers.views import View, edit_view
from models import Dialog, User

CHANGES = {step.value for step in (SetupStep.ZONE, SetupStep.CHECKIN_TIME, SetupStep.MORNING_TIME)}
SWITCHES = {kind.value for kind in Kind}
NOT_LISTED = N_("That is not on your list any more.")
TYPING = {step.value: step for step in Typing}


@dataclass(frozen=True)
class _Reply:
    """A settings tap's answer: the settings message edited, or a dialog step sent anew."""

    edit: View | None = None
    step: Shown | None = None
    refusal: str | None = None


async def screen(tx: Tx, dialog: Dialog, now: datetime, t: Texts) -> View:
    """The current screen of a settings dialog (for the flows table)."""
    found = settings.typing_step(dialog.step)
    if found is not None:
        return typing_view(found[0], await settings.typed_about(dialog.user, dialog.step), t)
    return await start.screen(tx, dialog, now, t)


async def cmd_settings(update: Update, context: BotContext) -> None:
    t, now = context.texts, context.now()
    async with context.transaction() as tx:
        user = await users.get_user(tx, updates.user_id(update))
        if user is None or not entries.ready(user):
            view = View(t.gettext(NEEDS_START))
        else:
            view = settings_view(user, await settings.overview(tx, user, now), now, t)
    await show(update, context, Shown(sends=(view,)))


async def on_button(update: Update, context: BotContext) -> None:
    """st:<action>:[<id>]: change the zone or a time, switch something, medicines, factors."""
    query, t = updates.tap(update), context.texts
    tap = callbacks.SETTINGS.decode(query.data)
    async with context.transaction() as tx:
        user = await users.get_user(tx, updates.user_id(update))
        if tap is None or user is None or not user.onboarded:
            reply = _Reply(refusal=t.gettext(NEEDS_START))
        else:
            reply = await _apply(tx, user, tap, context.now(), t)
    if reply.edit is not None:
        await edit_view(updates.tapped_message(update), reply.edit)
    await query.answer(reply.refusal[:200] if reply.refusal else None)
    if reply.step is not None:
        await show(update, context, reply.step)


async def _apply(tx: Tx, user: User, tap: SettingsTap, now: datetime, t: Texts) -> _Reply:
    action, item_id = tap.action, tap.item_id
    if action in CHANGES:
        await settings.change(tx, user, action, now)
        return await _step(tx, user, now, t)
    if action in SWITCHES:
        rows = await settings.toggle(tx, user, Kind(action), now)
        return _Reply(edit=settings_view(user, rows, now, t))
    if action == "back":
        return _Reply(edit=settings_view(user, await settings.overview(tx, user, now), now, t))
    if action == "lang":
        return _Reply(edit=picker_view(t.language, t, from_settings=True))
    if action in ("meds", "facs"):
        listed = await settings.medicine_list(tx, user)
        return _Reply(edit=(medicines_view if action == "meds" else factors_view)(listed, t))
    if action in TYPING:
        try:
            started = await settings.start_typing(tx, user, TYPING[action], item_id, now)
        except Problem as problem:
            return _Reply(refusal=problem_text(t, problem))
        if started:
            return await _step(tx, user, now, t)
    if (
        action == "mdel"
        and item_id
        and (lists := await settings.stop_medicine(tx, user, item_id, now))
    ):
        return _Reply(edit=medicines_view(lists, t))
    if action == "fdel" and item_id and (lists := await settings.retire_factor(tx, user, item_id)):
        return _Reply(edit=factors_view(lists, t))
    return _Reply(refusal=t.gettext(NOT_LISTED))


async def _step(tx: Tx, user: User, now: datetime, t: Texts) -> _Reply:
    """The settings dialog just opened: its screen, as a new message."""
    dialog = await dialogs.get_dialog(tx, user.id)
    if dialog is None:
        return _Reply(refusal=t.gettext(NEEDS_START))
    view = await screen(tx, dialog, now, t)
    return _Reply(step=Shown(live=view, retire=dialog.message_id))


async def on_text(
    tx: Tx, dialog: Dialog, text: str, now: datetime, t: Texts, parser: InputParser
) -> Shown:
    """Typed answers in /settings: a name or what changed here, a zone or a time as in /start."""
    found = settings.typing_step(dialog.step)
    if found is None:
        return await start.on_text(tx, dialog, text, now, t, parser)
    old = dialog.message_id
    try:
        listed = await settings.type_words(tx, dialog, text, now)
    except Problem as problem:
        view = (await screen(tx, dialog, now, t)).with_prefix(f"<i>{problem_text(t, problem)}</i>")
        return Shown(live=view, retire=old)
    factor_step = found[0] in (Typing.ADD_FACTOR, Typing.RENAME_FACTOR)
    return Shown(sends=((factors_view if factor_step else medicines_view)(listed, t),), retire=old)
