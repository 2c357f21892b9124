"""User-facing texts shared by several handlers (Telegram HTML)."""

from __future__ import annotations

COMMANDS: tuple[tuple[str, str], ...] = (
    ("checkin", "Tonight's check-in, about a minute"),
    ("morning", "Last night's sleep diary"),
    ("summary", "Your month in a chart and a few lines"),
    ("export", "A report for your doctor, a spreadsheet, or all your data"),
    ("settings", "Time zone, times, reminders, medicines"),
    ("pause", "Pause reminders for a while"),
    ("resume", "Turn reminders back on"),
    ("faq", "Questions about RLS, by topic"),
    ("privacy", "What I store, why, and where"),
    ("delete", "Delete everything I store about you"),
    ("start", "Set up, or see your settings"),
    ("help", "What I can do"),
)

WELCOME = (
    "<b>Hi, I'm Stillnight</b> 🌙, a companion for nights with restless legs.\n"
    "• A one-minute check-in before bed, to see your patterns over time.\n"
    "• Plain answers to your questions about RLS, with their sources.\n"
    "• I'm an information and tracking tool, not a doctor: nothing here is medical advice.\n\n"
    "To keep your check-ins I need to store your answers about your health. They stay "
    "private to you, and you can ask me to delete them. Is that OK?"
)
CONSENT_YES = "Yes, store my answers"
CONSENT_NO = "No, thanks"
REFUSED = (
    "No problem. I have stored nothing except that you said no.\n\n"
    "You can still ask me anything about RLS: just type your question, or try /faq. "
    "If you change your mind, send /start."
)
NEEDS_START = "First, let's set you up: send /start (it takes about a minute)."
PRIVATE_ONLY = (
    "Thanks for having me! I work in private chats only, because check-ins are about "
    "your health. Please message me directly."
)
ERROR = (
    "Sorry, something went wrong on my side. Your answers so far are safe. "
    "Please try again in a moment."
)
NOT_TEXT = "I can only read text and button taps, not stickers, photos or files."
TOO_LONG_QUESTION = (
    "That's a long message ({length:,} characters). Could you ask in a sentence or two? "
    "I read questions of up to {limit:,} characters."
)
UNKNOWN_COMMAND = "I don't know the command {command}. Here is what I can do:"
DIALOG_WAITING = "Your answers are saved; here is where you left off:"


def help_text() -> str:
    lines = "\n".join(f"/{name} – {about}" for name, about in COMMANDS)
    return (
        "<b>What I can do</b>\n"
        f"{lines}\n\n"
        "You can also just type a question about RLS, in your own words.\n\n"
        "<i>I'm an information and tracking tool, not a clinician. For anything about your "
        "treatment, please ask your doctor or pharmacist.</i>"
    )
