"""/export's screens: what to export, and a doctor's report's period, notes and name."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from telegram import InlineKeyboardMarkup

from bot.core.dialogs import ReportStep
from bot.core.periods import Choice
from bot.core.report_choices import ReportChoices
from bot.i18n import LANGUAGES, N_, Texts
from bot.i18n.languages import own_name
from handlers import callbacks
from handlers.callbacks import ExportTap
from handlers.views import View, button

DAY_PROMPTS = {
    ReportStep.SINCE: N_(
        "From which night should the report start? Type the date, for example "
        "<b>1 September</b> or <b>2026-09-01</b>."
    ),
    ReportStep.APPOINTMENT: N_(
        "When was your last appointment? Type the date, for example <b>12 October</b> or "
        "<b>2026-10-12</b>. I'll keep it for your next reports."
    ),
}


def data(
    what: str,
    choices: ReportChoices | None = None,
    notes: bool | None = None,
    name: str | None = None,
) -> str:
    """An /export button's data: what, and the report's choices made so far."""
    period = choices.period.value if choices else None
    noted = None if notes is None else ("y" if notes else "n")
    since = choices.since if choices else None
    language = choices.language if choices else None
    return callbacks.EXPORT.encode(ExportTap(what, period, noted, since, name, language))


def menu_view(t: Texts) -> View:
    text = t.gettext(
        "<b>Export</b>: what would you like?\n"
        "• A <b>report for your doctor</b> (PDF): your nights, a chart and the trends.\n"
        "• A <b>spreadsheet</b> (CSV) with every answer, one row per night.\n"
        "• <b>Everything stored about you</b> (JSON), for your records."
    )
    keyboard = [
        [button(t.gettext("📄 Report for my doctor (PDF)"), data("pdf"))],
        [button(t.gettext("📊 Spreadsheet (CSV)"), data("csv"))],
        [button(t.gettext("🔒 Everything stored about me"), data("json"))],
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def period_view(appointment: date | None, t: Texts) -> View:
    """The periods; "since my last appointment" shows the date kept, or asks for it."""

    def period(choice: Choice, since: date | None = None) -> str:
        return data("pdf", ReportChoices(choice, notes=False, since=since))

    if appointment is None:
        since_appointment = button(
            t.gettext("Since my last appointment…"), period(Choice.APPOINTMENT)
        )
    else:
        label = t.gettext("Since my appointment on {day}", day=t.day_with_year(appointment))
        since_appointment = button(label, period(Choice.APPOINTMENT, appointment))
    keyboard = [
        [
            button(t.gettext("Last 30 days"), period(Choice.DAYS_30)),
            button(t.gettext("Last 90 days"), period(Choice.DAYS_90)),
        ],
        [since_appointment],
        [button(t.gettext("Since a date…"), period(Choice.SINCE))],
        [button(t.gettext("Everything"), period(Choice.EVERYTHING))],
    ]
    if appointment is not None:
        keyboard.append([button(t.gettext("📅 Another appointment date"), data("appt"))])
    text = t.gettext("<b>Report for your doctor</b>: which period?")
    return View(text, InlineKeyboardMarkup(keyboard))


def day_view(step: ReportStep, t: Texts) -> View:
    """Waiting for a typed date, with a way back to the periods."""
    back = InlineKeyboardMarkup([[button(t.gettext("Back"), data("back"))]])
    return View(t.gettext(DAY_PROMPTS[step]), back)


def notes_view(choices: ReportChoices, t: Texts) -> View:
    keyboard = [
        [button(t.gettext("Yes, include my notes"), data("pdf", choices, notes=True))],
        [button(t.gettext("No, leave them out"), data("pdf", choices, notes=False))],
    ]
    text = t.gettext("Include your own notes in the report?")
    if choices.since is not None:
        text = (
            t.gettext(
                "The report will start with the night of {day}.", day=t.day_with_year(choices.since)
            )
            + "\n\n"
            + text
        )
    return View(text, InlineKeyboardMarkup(keyboard))


def name_view(choices: ReportChoices, saved: str | None, t: Texts) -> View:
    """A name for the header: the one kept, none, or a new one typed; and a way to make the
    report in another language (for a doctor who reads that one)."""
    keyboard = []
    if saved:
        label = t.gettext("Use “{name}”", name=saved)
        keyboard.append([button(label, data("pdf", choices, choices.notes, "u"))])
    keyboard.append([button(t.gettext("No name"), data("pdf", choices, choices.notes, "n"))])
    if len(LANGUAGES) > 1:
        other = t.gettext("🌐 Report in another language")
        keyboard.append([button(other, data("lang", choices, choices.notes))])
    text = t.gettext(
        "Should the report have your name at the top? Type it as your doctor knows you, "
        "for example <i>Ana Müller, born 12 May 1961</i>, or tap a button."
    )
    return View(_in_language(choices, t) + text, InlineKeyboardMarkup(keyboard))


def languages_view(choices: ReportChoices, t: Texts) -> View:
    """The languages a report can be made in, each by its own name; the name comes next."""
    current = choices.language or t.language
    keyboard = [
        [button(own_name(code), data("pdf", replace(choices, language=code), choices.notes))]
        for code in LANGUAGES
        if code != current
    ]
    return View(
        t.gettext("Which language should the report be in?"), InlineKeyboardMarkup(keyboard)
    )


def _in_language(choices: ReportChoices, t: Texts) -> str:
    if choices.language is None or choices.language == t.language:
        return ""
    language = own_name(choices.language)
    return t.gettext("The report will be in {language}.", language=language) + "\n\n"


def ready_view(choices: ReportChoices, name: str | None, t: Texts) -> View:
    """After a typed name (or a typed "none"): one tap makes the report."""
    if name:
        text = t.gettext("The report will have <b>{name}</b> at the top.", name=escape(name))
    else:
        text = t.gettext("The report will have no name at the top.")
    make = data("pdf", choices, choices.notes, "u" if name else "n")
    keyboard = [[button(t.gettext("📄 Make my report"), make)]]
    return View(_in_language(choices, t) + text, InlineKeyboardMarkup(keyboard))
