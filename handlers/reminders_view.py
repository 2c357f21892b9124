"""How a reminder looks, and what its buttons say."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.core.schedule import Kind
from handlers.views import View, button

TEXTS = {
    (Kind.EVENING, False): ("🌙 <b>Time for tonight's check-in.</b>\nAbout a minute, one thumb."),
    (
        Kind.EVENING,
        True,
    ): "🌙 <b>Here again</b>, as you asked: tonight's check-in, when you're ready.",
    (Kind.MORNING, False): (
        "☀️ <b>Good morning.</b> How did you sleep?\nThe sleep diary takes about a minute."
    ),
    (Kind.MORNING, True): "☀️ <b>Here again</b>, as you asked: last night's sleep diary.",
}
SKIP_LABEL = {Kind.EVENING: "Skip tonight", Kind.MORNING: "Skip today"}
SKIPPED = {
    Kind.EVENING: "OK, no check-in tonight. Sleep as well as you can 🌙",
    Kind.MORNING: "OK, no diary today. /morning still works if you change your mind.",
}
STARTED = {Kind.EVENING: "🌙 Tonight's check-in ⬇️", Kind.MORNING: "☀️ Last night's sleep diary ⬇️"}


def reminder_view(kind: Kind, snoozed: bool, delivery_id: int) -> View:
    def act(action: str) -> str:
        return f"rm:{delivery_id}:{action}"

    keyboard = [
        [button("▶ Start", act("start"))],
        [button("⏰ In 30 min", act("s30")), button("⏰ In 1 hour", act("s60"))],
        [button(SKIP_LABEL[kind], act("skip"))],
    ]
    return View(TEXTS[(kind, snoozed)], InlineKeyboardMarkup(keyboard))


def snoozed_text(kind: Kind, local_clock: str) -> str:
    what = "tonight's check-in" if kind is Kind.EVENING else "the sleep diary"
    return f"⏰ OK, I'll remind you about {what} again at {local_clock}."
