"""How each check-in screen looks: one message, edited in place, one thumb."""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.checkin_questions import (
    FACTOR_OPTIONS,
    MULTI_CHOICE,
    PROMPTS,
    QUESTIONS,
    SEVERITY_MAX,
    SHORT_NAMES,
    SINGLE_CHOICE,
    Question,
)
from bot.core.checkin_steps import MEDICINE_NAME, MEDICINE_TIME, RECAP
from bot.core.clock_parse import format_clock
from handlers.views import View, button, rows
from models import Checkin, Medicine

TICK = "✓ "
FACTOR_ICONS = {"caffeine": "☕", "alcohol": "🍷", "exercise": "🏃", "nicotine": "🚬"}


def data(checkin: Checkin, step: str, action: str) -> str:
    return f"ci:{checkin.id}:{step}:{action}"


def _header(checkin: Checkin, position: str) -> str:
    return f"<b>Check-in · night of {checkin.night:%a %d %b}</b> · {position}\n\n"


def _nav(checkin: Checkin, step: str, question: Question, skip: bool = True) -> list:
    nav = [button("Skip", data(checkin, step, "skip"))] if skip else []
    if question is not QUESTIONS[0]:
        nav.append(button("« Back", data(checkin, step, "back")))
    return [nav] if nav else []


def _ticked(label: str, on: bool) -> str:
    return f"{TICK}{label}" if on else label


def question_view(checkin: Checkin, question: Question, meds: list[Medicine]) -> View:
    step = question.value
    text = _header(checkin, f"{QUESTIONS.index(question) + 1}/{len(QUESTIONS)}") + PROMPTS[question]
    keyboard: list[list[InlineKeyboardButton]]
    if question is Question.SEVERITY:
        numbers = [
            button(_ticked(str(n), checkin.severity == n), data(checkin, step, f"v{n}"))
            for n in range(SEVERITY_MAX + 1)
        ]
        keyboard = [numbers[:6], numbers[6:]]
    elif question in SINGLE_CHOICE:
        current = getattr(checkin, "onset" if question is Question.ONSET else "urge")
        keyboard = [
            [button(_ticked(label, key == current), data(checkin, step, f"v{key}"))]
            for key, label in SINGLE_CHOICE[question].items()
        ]
    elif question in MULTI_CHOICE:
        chosen = getattr(checkin, "locations" if question is Question.LOCATIONS else "sensations")
        keyboard = rows(
            [
                button(_ticked(label, key in (chosen or [])), data(checkin, step, f"t{key}"))
                for key, label in MULTI_CHOICE[question].items()
            ],
            2,
        )
        keyboard.append([button("Done ➜", data(checkin, step, "done"))])
    elif question is Question.MEDICINE:
        keyboard = [
            [
                button(
                    _ticked("None today", checkin.took_medicine is False),
                    data(checkin, step, "none"),
                )
            ]
        ]
        keyboard += [
            [
                button(
                    _ticked(short_label(m.name), checkin.medicine_id == m.id),
                    data(checkin, step, f"m{m.id}"),
                )
            ]
            for m in meds
            if not m.retired or checkin.medicine_id == m.id
        ]
        keyboard.append([button("➕ Add a medicine", data(checkin, step, "add"))])
        text += "\n<i>I only record what you took and when; I never comment on doses.</i>"
    elif question is Question.FACTORS:
        keyboard = rows(
            [
                button(
                    _ticked(f"{FACTOR_ICONS[key]} {label}", bool(getattr(checkin, key))),
                    data(checkin, step, f"t{key}"),
                )
                for key, label in FACTOR_OPTIONS.items()
            ],
            2,
        )
        keyboard.append([button("Done ➜", data(checkin, step, "done"))])
    else:
        if checkin.note:
            text += f"\n\nYour note: <i>{escape(checkin.note)}</i>"
            keyboard = [[button("Keep this note", data(checkin, step, "keep"))]]
            keyboard.append(
                [
                    button("Remove note", data(checkin, step, "skip")),
                    button("« Back", data(checkin, step, "back")),
                ]
            )
            return View(text, InlineKeyboardMarkup(keyboard))
        keyboard = []
    keyboard += _nav(checkin, step, question)
    return View(text, InlineKeyboardMarkup(keyboard))


def short_label(name: str) -> str:
    """Button labels are plain text; only trim what would not fit on a phone."""
    return name if len(name) <= 40 else name[:39] + "…"


def medicine_name_view(checkin: Checkin) -> View:
    text = _header(checkin, "medicine") + (
        "Type the name of your RLS medicine, as you call it (up to 64 characters). "
        "I'll remember it for next time."
    )
    back = [[button("« Back", data(checkin, MEDICINE_NAME, "back"))]]
    return View(text, InlineKeyboardMarkup(back))


def medicine_time_view(checkin: Checkin, medicine: Medicine | None, local_now: datetime) -> View:
    name = escape(medicine.name) if medicine else "it"
    text = _header(checkin, "medicine") + (
        f"When did you take {name}? Tap a time, or type one like 20:30 or 8:30pm."
    )
    hour = local_now.replace(minute=0, second=0, microsecond=0)
    times = [hour - timedelta(hours=h) for h in range(4)]
    keyboard = [
        [button("Just now", data(checkin, MEDICINE_TIME, "now"))],
        [button(format_clock(t.time()), data(checkin, MEDICINE_TIME, f"h{t:%H%M}")) for t in times],
        [
            button("Skip", data(checkin, MEDICINE_TIME, "skip")),
            button("« Back", data(checkin, MEDICINE_TIME, "back")),
        ],
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def answer_text(checkin: Checkin, question: Question, meds: list[Medicine]) -> str:
    """One answer in words, for the recap; HTML-escaped."""
    if question not in checkin.answered:
        return "not answered yet"
    if question is Question.SEVERITY:
        value = None if checkin.severity is None else f"{checkin.severity}/{SEVERITY_MAX}"
    elif question in SINGLE_CHOICE:
        key = checkin.onset if question is Question.ONSET else checkin.urge
        value = SINGLE_CHOICE[question].get(key) if key else None
    elif question in MULTI_CHOICE:
        keys = checkin.locations if question is Question.LOCATIONS else checkin.sensations
        value = ", ".join(MULTI_CHOICE[question][k] for k in keys) if keys else None
    elif question is Question.MEDICINE:
        value = _medicine_text(checkin, meds)
    elif question is Question.FACTORS:
        on = [label for key, label in FACTOR_OPTIONS.items() if getattr(checkin, key)]
        answered = any(getattr(checkin, key) is not None for key in FACTOR_OPTIONS)
        value = (", ".join(on) or "none of these") if answered else None
    else:
        value = checkin.note
    return "skipped" if value is None else escape(value)


def _medicine_text(checkin: Checkin, meds: list[Medicine]) -> str | None:
    if checkin.took_medicine is None:
        return None
    if not checkin.took_medicine:
        return "none"
    name = next((m.name for m in meds if m.id == checkin.medicine_id), "a medicine")
    if checkin.medicine_time is None:
        return name
    return f"{name} at {format_clock(checkin.medicine_time)}"


def recap_lines(checkin: Checkin, meds: list[Medicine]) -> str:
    return "\n".join(f"{SHORT_NAMES[q]}: <b>{answer_text(checkin, q, meds)}</b>" for q in QUESTIONS)


def recap_view(checkin: Checkin, meds: list[Medicine], intro: str = "") -> View:
    text = (
        _header(checkin, "recap") + (f"{intro}\n\n" if intro else "") + recap_lines(checkin, meds)
    )
    text += "\n\nAll good? Tap <b>Save</b>, or change an answer."
    edits = [button(f"✎ {SHORT_NAMES[q]}", data(checkin, RECAP, f"e{q.value}")) for q in QUESTIONS]
    keyboard = [*rows(edits, 2), [button("✅ Save", data(checkin, RECAP, "save"))]]
    return View(text, InlineKeyboardMarkup(keyboard))


def saved_view(checkin: Checkin, meds: list[Medicine]) -> View:
    text = (
        f"<b>✅ Check-in saved</b> · night of {checkin.night:%a %d %b}\n\n"
        f"{recap_lines(checkin, meds)}\n\n"
        "Thank you. Sleep as well as you can 🌙 Send /checkin again to view or change it."
    )
    return View(text)
