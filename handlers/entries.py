"""/checkin and /morning: an entry's dialog, one message edited in place.

A tap edits the message it came from; a typed answer gets a new message with the next
screen (its predecessor's buttons come off). Either is one transaction, which reads the
dialog once.
"""

from __future__ import annotations

from datetime import date, datetime

from telegram import Update

from bot.core.dialogs import Flow
from bot.data import Tx, users
from bot.i18n import N_, Texts
from bot.i18n.problems import EVENING_TIMES, problem_text
from bot.parsing import InputParser
from bot.services import entries
from bot.services.entries import CHECKIN_ENTRY, DIARY_ENTRY, EntryKind
from handlers import callbacks, updates
from handlers.context import BotContext
from handlers.entry_view import CODECS, examples, render
from handlers.shown import NotAnAnswer, Shown, show
from handlers.views import View, edit_view
from models import Dialog

NEEDS_START = N_("First, let's set you up: send /start (it takes about a minute).")
STALE = N_("That button is from an earlier screen, so I left everything as it was.")
GOT_IT = N_("Got it ✓")
JOINED = N_("Telegram sent your note in two parts; I joined them into one ✓")
TOAST_LIMIT = 200  # characters Telegram shows in a button's notice


async def begin(
    update: Update, context: BotContext, kind: EntryKind, night: date | None = None
) -> None:
    """Open the entry of `night` (default: the current one) at its next open question:
    /checkin, /morning, a reminder's Start button, a missed night's button."""
    t = context.texts
    async with context.transaction() as tx:
        user = await users.get_user(tx, updates.user_id(update))
        screen = None
        if user is not None and entries.ready(user):
            screen = await entries.open_entry(tx, kind, user, night, context.now())
    if screen is None:
        await updates.message(update).reply_text(t.gettext(NEEDS_START))
        return
    await show(update, context, Shown(live=render(screen, t), retire=screen.shown_in))


async def cmd_checkin(update: Update, context: BotContext) -> None:
    """Start tonight's check-in, resume it where it stopped, or show it if already saved."""
    await begin(update, context, CHECKIN_ENTRY)


async def cmd_morning(update: Update, context: BotContext) -> None:
    await begin(update, context, DIARY_ENTRY)


async def on_checkin_button(update: Update, context: BotContext) -> None:
    await _on_button(update, context, CHECKIN_ENTRY)


async def on_diary_button(update: Update, context: BotContext) -> None:
    await _on_button(update, context, DIARY_ENTRY)


async def on_catch_up(update: Update, context: BotContext) -> None:
    """A missed night offered after a diary was saved: fill it in now."""
    query = updates.tap(update)
    tap = callbacks.CATCH_UP.decode(query.data)
    if tap is None:
        await query.answer(context.texts.gettext(STALE))
        return
    await query.answer()
    await begin(update, context, DIARY_ENTRY, tap.day)


async def _on_button(update: Update, context: BotContext, kind: EntryKind) -> None:
    query = updates.tap(update)
    t = context.texts
    tap = CODECS[kind.flow].decode(query.data)
    if tap is None:
        await query.answer(t.gettext(STALE))
        return
    async with context.transaction() as tx:
        pressed = await entries.press(
            tx,
            kind,
            updates.user_id(update),
            (tap.entry_id, tap.step, tap.action),
            context.now(),
        )
    screen = pressed.screen
    if pressed.problem is not None:
        said = problem_text(t, pressed.problem, examples(screen) if screen else EVENING_TIMES)
        toast = said[:TOAST_LIMIT]
        if screen is not None:
            prefix = f"<i>{said}</i>"
            await edit_view(updates.tapped_message(update), render(screen, t).with_prefix(prefix))
        await query.answer(toast, show_alert=len(toast) > 60)
    elif pressed.stale:
        await query.answer(t.gettext(STALE), show_alert=True)
        if screen is not None:
            live = render(screen, t).with_prefix(t.gettext(kind.spec.where_now))
            await show(update, context, Shown(live=live, retire=screen.shown_in))
    elif screen is not None:
        await edit_view(updates.tapped_message(update), render(screen, t))
        await query.answer()


async def on_text(
    tx: Tx, dialog: Dialog, text: str, now: datetime, t: Texts, parser: InputParser
) -> Shown | NotAnAnswer:
    """A typed answer in an entry's dialog, or the step's hint when the text is none."""
    kind = entries.ENTRY_KINDS[Flow(dialog.flow)]
    typed = await entries.type_answer(tx, kind, dialog, text, now, parser)
    if not typed.meant_as_answer and typed.problem is not None:
        hint = problem_text(t, typed.problem, examples(typed.screen))
        return NotAnAnswer(render(typed.screen, t), hint, typed.screen.shown_in)
    if typed.joined:
        prefix = t.gettext(JOINED)
    elif typed.problem is None:
        prefix = t.gettext(GOT_IT)
    else:
        prefix = f"<i>{problem_text(t, typed.problem, examples(typed.screen))}</i>"
    return Shown(live=render(typed.screen, t).with_prefix(prefix), retire=typed.screen.shown_in)


async def screen(tx: Tx, dialog: Dialog, now: datetime, t: Texts) -> View:
    """The current screen of an entry dialog (for the flows table)."""
    kind = entries.ENTRY_KINDS[Flow(dialog.flow)]
    return render(await entries.current(tx, kind, dialog.user, dialog, now), t)
