"""How each sleep-diary screen looks: one message, edited in place, one thumb."""

from __future__ import annotations

from datetime import time

from telegram import InlineKeyboardMarkup

from bot.core.clock_parse import format_clock
from bot.core.diary_questions import (
    COLUMNS,
    COUNT_CHOICES,
    COUNT_QUESTIONS,
    DEFAULT_TIMES,
    DIARY_QUESTIONS,
    LEGS_LABELS,
    MINUTE_CHOICES,
    MINUTE_QUESTIONS,
    PROMPTS,
    QUALITY_LABELS,
    SHORT_NAMES,
    TIME_QUESTIONS,
    DiaryQuestion,
)
from bot.core.diary_steps import RECAP
from bot.core.sleep_diary import SleepMetrics, format_minutes, time_choices
from handlers.views import View, button, rows
from models import SleepDiary

Q = DiaryQuestion
TYPE_HINT = {
    "time": "Tap a time, or type one like 23:40 or 11:40pm.",
    "minutes": "Tap, or type minutes like 25 or 1 h 10.",
    "count": "Tap, or type a number.",
}
LABELS = {Q.QUALITY: QUALITY_LABELS, Q.LEGS: LEGS_LABELS}


def data(diary: SleepDiary, step: str, action: str) -> str:
    return f"md:{diary.id}:{step}:{action}"


def _header(diary: SleepDiary, position: str) -> str:
    return f"<b>Sleep diary · night of {diary.night:%a %d %b}</b> · {position}\n\n"


def _ticked(label: str, on: bool) -> str:
    return f"✓ {label}" if on else label


def _value_buttons(diary: SleepDiary, question: DiaryQuestion, usual: time | None) -> list:
    step, current = question.value, getattr(diary, COLUMNS[question])
    if question in TIME_QUESTIONS:
        times = time_choices(usual, DEFAULT_TIMES[question])
        labels = [(format_clock(t), f"{t:%H%M}", t == current) for t in times]
        per_row = 3
    elif question in MINUTE_QUESTIONS:
        labels = [
            (format_minutes(m) if m else "None", str(m), m == current) for m in MINUTE_CHOICES
        ]
        per_row = 3
    elif question in COUNT_QUESTIONS:
        labels = [(str(n), str(n), n == current) for n in COUNT_CHOICES]
        per_row = 6
    else:
        labels = [(text, str(v), v == current) for v, text in LABELS[question].items()]
        per_row = 1
    return rows(
        [button(_ticked(t, on), data(diary, step, f"v{v}")) for t, v, on in labels], per_row
    )


def question_view(diary: SleepDiary, question: DiaryQuestion, usual: time | None) -> View:
    position = f"{DIARY_QUESTIONS.index(question) + 1}/{len(DIARY_QUESTIONS)}"
    kind = (
        "time"
        if question in TIME_QUESTIONS
        else "minutes"
        if question in MINUTE_QUESTIONS
        else "count"
        if question in COUNT_QUESTIONS
        else None
    )
    text = _header(diary, position) + f"<b>{PROMPTS[question]}</b>"
    if kind:
        text += f"\n{TYPE_HINT[kind]}"
    nav = [button("Skip", data(diary, question.value, "skip"))]
    if question is not DIARY_QUESTIONS[0]:
        nav.append(button("« Back", data(diary, question.value, "back")))
    keyboard = [*_value_buttons(diary, question, usual), nav]
    return View(text, InlineKeyboardMarkup(keyboard))


def answer_text(diary: SleepDiary, question: DiaryQuestion) -> str:
    if question not in diary.answered:
        return "not answered yet"
    value = getattr(diary, COLUMNS[question])
    if value is None:
        return "skipped"
    if question in TIME_QUESTIONS:
        return format_clock(value)
    if question in MINUTE_QUESTIONS:
        return format_minutes(value) if value else "none"
    if question in COUNT_QUESTIONS:
        return "none" if value == 0 else f"{value} time{'s' if value != 1 else ''}"
    return LABELS[question][value]


def metrics_text(result: SleepMetrics) -> str:
    parts = []
    if result.total_sleep_min is not None:
        parts.append(f"Slept <b>{format_minutes(result.total_sleep_min)}</b>")
    if result.time_in_bed_min is not None:
        parts.append(f"in bed {format_minutes(result.time_in_bed_min)}")
    if result.sleep_efficiency_pct is not None:
        parts.append(f"sleep efficiency <b>{result.sleep_efficiency_pct:g}%</b>")
    return ("\n\n" + ", ".join(parts) + ".") if parts else ""


def recap_lines(diary: SleepDiary) -> str:
    return "\n".join(f"{SHORT_NAMES[q]}: <b>{answer_text(diary, q)}</b>" for q in DIARY_QUESTIONS)


def recap_view(diary: SleepDiary, result: SleepMetrics) -> View:
    intro = "This night's diary is saved.\n\n" if diary.saved_at else ""
    text = (
        _header(diary, "recap")
        + intro
        + recap_lines(diary)
        + metrics_text(result)
        + "\n\nAll good? Tap <b>Save</b>, or change an answer."
    )
    edits = [
        button(f"✎ {SHORT_NAMES[q]}", data(diary, RECAP, f"e{q.value}")) for q in DIARY_QUESTIONS
    ]
    keyboard = [*rows(edits, 2), [button("✅ Save", data(diary, RECAP, "save"))]]
    return View(text, InlineKeyboardMarkup(keyboard))


def saved_view(diary: SleepDiary, result: SleepMetrics, missing: list) -> View:
    text = (
        f"<b>✅ Sleep diary saved</b> · night of {diary.night:%a %d %b}\n\n"
        f"{recap_lines(diary)}{metrics_text(result)}\n\nThank you. /morning shows it again."
    )
    if not missing:
        return View(text)
    text += "\n\nMissed a morning? You can still fill these in:"
    keyboard = [[button(f"{night:%a %d %b}", f"md:0:new:{night:%Y%m%d}")] for night in missing]
    return View(text, InlineKeyboardMarkup(keyboard))
