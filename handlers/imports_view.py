"""How an import looks: the preview with its yes and no, and what came of it."""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardMarkup, ReplyKeyboardRemove

from bot.core.archive import Archive
from bot.data.archive import Plan
from bot.i18n import N_, Texts
from handlers import callbacks
from handlers.callbacks import ImportTap
from handlers.views import View, button

NOTHING_NEW = N_(
    "Everything in that file is here already, so there is nothing to import. Nothing was changed."
)
NO_LONGER_WAITING = N_(
    "That import is no longer waiting (it was done, cancelled, or another file came "
    "after it). Nothing was changed. Send the file again to import it."
)
CANCELLED = N_("OK, nothing was imported.")


def _counts(plan: Plan, t: Texts) -> list[str]:
    lines = []
    if plan.checkins or plan.diaries:
        lines.append(
            t.ngettext("{n} check-in", "{n} check-ins", plan.checkins)
            + ", "
            + t.ngettext("{n} sleep diary", "{n} sleep diaries", plan.diaries)
        )
    if plan.medicines:
        names = t.join([escape(m.name) for m in plan.medicines])
        lines.append(
            t.ngettext("{n} medicine: {names}", "{n} medicines: {names}", len(plan.medicines),
                       names=names)
        )  # fmt: skip
    if plan.events:
        lines.append(t.ngettext("{n} medicine change", "{n} medicine changes", len(plan.events)))
    if plan.factors:
        names = t.join([escape(f.name) for f in plan.factors])
        lines.append(
            t.ngettext("{n} own factor: {names}", "{n} own factors: {names}", len(plan.factors),
                       names=names)
        )  # fmt: skip
    if plan.reminders:
        lines.append(
            t.ngettext("{n} reminder already sent", "{n} reminders already sent",
                       len(plan.reminders))
        )  # fmt: skip
    return [f"• {line}" for line in lines]


def preview_view(file: Archive, plan: Plan, pending_id: int, t: Texts) -> View:
    settings = file.settings
    text = "\n".join(
        (
            t.gettext(
                "<b>Import this export?</b> It was made on {day}. It adds:",
                day=t.day(file.exported_at.date()),
            ),
            *_counts(plan, t),
            "",
            t.gettext(
                "Nights you have here already stay as they are. Your settings become the "
                "file's: time zone {zone}, check-in at {checkin}, morning at {morning}.",
                zone=escape(settings.time_zone or "UTC"),
                checkin=t.clock(settings.checkin_time),
                morning=t.clock(settings.morning_time),
            ),
        )
    )
    keyboard = [
        [button(t.gettext("✅ Import"), callbacks.IMPORT.encode(ImportTap(pending_id, "y")))],
        [button(t.gettext("Cancel"), callbacks.IMPORT.encode(ImportTap(pending_id, "n")))],
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def done_view(plan: Plan, t: Texts) -> View:
    lines = (
        t.gettext("<b>Imported</b> ✓"),
        *_counts(plan, t),
        "",
        t.gettext("Your reminders follow the imported settings. /summary and /export show it all."),
    )
    return View("\n".join(lines))


def set_up_view(t: Texts) -> View:
    """After a file ended the setting up: the location keyboard of the zone step goes."""
    text = t.gettext("Your time zone and times came from the file, so you're all set.")
    return View(text, ReplyKeyboardRemove())
