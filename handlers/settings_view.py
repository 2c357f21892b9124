"""The /settings screens."""

from __future__ import annotations

from datetime import datetime
from html import escape

from telegram import InlineKeyboardMarkup

from bot.core.dialogs import SetupStep, Typing
from bot.core.medicines import MAX_FACTORS
from bot.core.nights import local_time
from bot.core.schedule import Kind
from bot.i18n import N_, Texts
from bot.i18n.languages import own_name
from bot.services.settings import Lists
from handlers.callbacks import SETTINGS, SettingsTap
from handlers.start_view import settings_lines
from handlers.views import View, button
from models import Medicine, MedicineEvent, Reminder, User

SWITCH_LABELS = {
    Kind.EVENING: N_("Evening reminder"),
    Kind.MORNING: N_("Morning diary prompt"),
    Kind.MONTHLY: N_("Monthly summary"),
    Kind.WEEKLY: N_("Weekly feedback"),
}
FOREVER_YEAR = 9999  # a pause "until /resume" lasts until then


def data(action: str, item_id: int | None = None) -> str:
    return SETTINGS.encode(SettingsTap(action, item_id))


def pause_text(user: User, now: datetime, t: Texts) -> str:
    until = user.paused_until
    if until is None or until <= now:
        return ""
    if until.year >= FOREVER_YEAR:
        return "\n" + t.gettext("⏸ Reminders are paused until you send /resume.")
    local = local_time(until, user.zone)
    return "\n" + t.gettext(
        "⏸ Reminders are paused until {day}, {time}. /resume restarts them.",
        day=t.day(local.date()),
        time=t.clock(local),
    )


def settings_view(user: User, reminders: dict[Kind, Reminder], now: datetime, t: Texts) -> View:
    text = (
        t.gettext("<b>Settings</b>")
        + "\n"
        + settings_lines(user, now, t, with_summary=False)
        + pause_text(user, now, t)
        + "\n\n"
        + t.gettext("Tap to change:")
    )
    switches = [
        [
            button(
                t.gettext("{switch}: on ✓", switch=t.gettext(label))
                if reminders[k].enabled
                else t.gettext("{switch}: off", switch=t.gettext(label)),
                data(k.value),
            )
        ]
        for k, label in SWITCH_LABELS.items()
        if k in reminders
    ]
    keyboard = [
        [button(t.gettext("🌍 Time zone"), data(SetupStep.ZONE))],
        [
            button(t.gettext("🌙 Check-in time"), data(SetupStep.CHECKIN_TIME)),
            button(t.gettext("☀️ Morning time"), data(SetupStep.MORNING_TIME)),
        ],
        *switches,
        [
            button(t.gettext("💊 My medicines"), data("meds")),
            button(t.gettext("🏷 My factors"), data("facs")),
        ],
        [button(t.gettext("🗣 Language: {language}", language=own_name(t.language)), data("lang"))],
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def medicines_view(lists: Lists, t: Texts) -> View:
    """Each medicine with its story (since when, what changed), and what can be done."""
    active = [m for m in lists.medicines if not m.retired]
    lines = [
        _medicine_line(m, [e for e in lists.events if e.medicine_id == m.id], t) for m in active
    ]
    stopped = [m for m in lists.medicines if m.retired]
    text = t.gettext("<b>My medicines</b>") + "\n" + ("\n".join(lines) or t.gettext("None yet."))
    if stopped:
        names = t.join([escape(m.name) for m in stopped])
        text += "\n\n" + t.gettext("Stopped: {names}", names=names)
    text += "\n\n" + t.gettext(
        "These are the names you tick in the check-in. When a dose or the way you take one "
        "changes, tap Changed and say what, in your own words: your summary and report show "
        "it on that day. Stopping one keeps it in past check-ins. I never comment on doses."
    )
    keyboard = [
        [
            button(f"✎ {m.name[:24]}", data("mren", m.id)),
            button(t.gettext("Changed…"), data("mchg", m.id)),
            button(t.gettext("Stop"), data("mdel", m.id)),
        ]
        for m in active
    ]
    keyboard.append([button(t.gettext("➕ Add a medicine"), data("madd"))])
    keyboard.append([button(t.gettext("« Settings"), data("back"))])
    return View(text, InlineKeyboardMarkup(keyboard))


def _medicine_line(medicine: Medicine, events: list[MedicineEvent], t: Texts) -> str:
    line = f"• <b>{escape(medicine.name)}</b>"
    started = [e.day for e in events if e.kind == "started"]
    if started:
        line += " · " + t.gettext("since {day}", day=t.day(started[-1]))
    changes = [e for e in events if e.kind == "changed"][-2:]
    for change in changes:
        line += "\n   " + t.gettext(
            "{day}: {note}", day=t.day(change.day), note=escape(change.note or "")
        )
    return line


def factors_view(lists: Lists, t: Texts) -> View:
    active = lists.active_factors
    names = "\n".join(f"• {escape(f.name)}" for f in active) or t.gettext("None yet.")
    text = (
        t.gettext("<b>My own factors</b>")
        + f"\n{names}\n\n"
        + t.gettext(
            "Things you want to track beside caffeine, alcohol, exercise and nicotine: a long "
            "car ride, an iron tablet, stress, a late meal, a hot bath. Up to {most}. The "
            "check-in asks about them, and your summary shows which went with harder nights. "
            "Renaming or removing one leaves past nights as they were.",
            most=MAX_FACTORS,
        )
    )
    keyboard = [
        [
            button(f"✎ {f.name[:30]}", data("fren", f.id)),
            button(t.gettext("Remove"), data("fdel", f.id)),
        ]
        for f in active
    ]
    if len(active) < MAX_FACTORS:
        keyboard.append([button(t.gettext("➕ Add a factor"), data("fadd"))])
    keyboard.append([button(t.gettext("« Settings"), data("back"))])
    return View(text, InlineKeyboardMarkup(keyboard))


TYPING_PROMPTS = {
    Typing.ADD_MEDICINE: N_("Type the medicine's name (up to 64 characters)."),
    Typing.RENAME_MEDICINE: N_("Type a new name for <b>{name}</b> (up to 64 characters)."),
    Typing.CHANGE_MEDICINE: N_(
        "What changed about <b>{name}</b> today? Say it in your own words, like "
        '"dose changed to 0.5 mg" or "now taken at 19:00".'
    ),
    Typing.ADD_FACTOR: N_(
        "Type the factor's name, like Long car ride, Iron tablet or Hot bath (up to 40 characters)."
    ),
    Typing.RENAME_FACTOR: N_(
        "Type a new name for <b>{name}</b> (up to 40 characters). Past nights keep the old one."
    ),
}


def typing_view(step: Typing, about: str | None, t: Texts) -> View:
    text = t.gettext(TYPING_PROMPTS[step], name=escape(about or ""))
    back = "facs" if step in (Typing.ADD_FACTOR, Typing.RENAME_FACTOR) else "meds"
    return View(text, InlineKeyboardMarkup([[button(t.gettext("Cancel"), data(back))]]))
