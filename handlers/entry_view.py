"""How each screen of an entry looks (any EntrySpec): one message, edited in place, one thumb."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.dialogs import Flow
from bot.core.doses import Dose
from bot.core.entries.engine import MEDICINE_NAME, MEDICINE_TIME, RECAP, SAVED, doses_of
from bot.core.entries.spec import Kind, Question
from bot.core.nights import local_time
from bot.core.sleep_choices import time_choices
from bot.i18n import N_, Texts
from bot.i18n.problems import EVENING_TIMES
from bot.services.entries import EntryScreen
from handlers import callbacks
from handlers.callbacks import Codec, Day, EntryTap
from handlers.views import View, button, rows

CODECS: dict[Flow, Codec[EntryTap]] = {
    Flow.CHECKIN: callbacks.CHECKIN,
    Flow.MORNING: callbacks.DIARY,
}
TICK = "✓ "
Keyboard = list[list[InlineKeyboardButton]]


def _data(screen: EntryScreen, step: str, action: str) -> str:
    return CODECS[screen.kind.flow].encode(EntryTap(screen.entry.id, step, action))


def _ticked(label: str, on: bool) -> str:
    return f"{TICK}{label}" if on else label


def _night(screen: EntryScreen, t: Texts) -> str:
    return t.gettext("night of {day}", day=t.day(screen.entry.night))


def _header(screen: EntryScreen, t: Texts, position: str) -> str:
    title = t.gettext(screen.kind.spec.title)
    return f"<b>{title} · {_night(screen, t)}</b> · {position}\n\n"


def render(screen: EntryScreen, t: Texts) -> View:
    """The screen for the dialog's step, drawn from what is stored."""
    spec = screen.kind.spec
    if screen.step == SAVED:
        return _saved(screen, t)
    if screen.step == MEDICINE_NAME:
        return _medicine_name(screen, t)
    if screen.step == MEDICINE_TIME:
        return _medicine_time(screen, t)
    question = spec.question(screen.step)
    if question is None:  # the recap
        intro = t.gettext(spec.saved_intro) if screen.entry.saved_at else ""
        return _recap(screen, t, intro)
    return _question(screen, question, t)


# ---------------------------------------------------------------- a question


def examples(screen: EntryScreen) -> str:
    """The sample answers of the screen's step (a catalog text), for its hint and problems."""
    question = screen.kind.spec.question(screen.step)
    return (question.examples if question else "") or EVENING_TIMES


def _question(screen: EntryScreen, question: Question, t: Texts) -> View:
    spec = screen.kind.spec
    position = t.gettext("{n}/{total}", n=spec.position(question), total=len(spec.questions))
    text = _header(screen, t, position) + f"<b>{t.gettext(question.prompt)}</b>"
    if question.hint:
        text += f"\n<i>{t.gettext(question.hint, examples=t.gettext(examples(screen)))}</i>"
    note = getattr(screen.entry, question.column, None) if question.kind is Kind.TEXT else None
    if note:
        shown = "<i>" + escape(preview(note, t)) + "</i>"
        text += "\n\n" + t.gettext("Your note: {note}", note=shown)
        keep = [[button(t.gettext("Keep this note"), _data(screen, question.id, "keep"))]]
        keep.append(
            [
                button(t.gettext("Remove note"), _data(screen, question.id, "skip")),
                button(t.gettext("« Back"), _data(screen, question.id, "back")),
            ]
        )
        return View(text, InlineKeyboardMarkup(keep))
    keyboard = KEYBOARDS[question.kind](screen, question, t)
    keyboard += _nav(screen, question, t)
    return View(text, InlineKeyboardMarkup(keyboard))


def _nav(screen: EntryScreen, question: Question, t: Texts) -> Keyboard:
    """Skip and Back; when an answer was opened from the recap: keep it, or clear it."""
    if screen.editing and question.id in screen.entry.answered:
        return [
            [
                button(t.gettext("↩ Keep as it was"), _data(screen, question.id, "keep")),
                button(t.gettext("Clear answer"), _data(screen, question.id, "skip")),
            ]
        ]
    nav = [button(t.gettext("Skip"), _data(screen, question.id, "skip"))]
    if question is not screen.kind.spec.questions[0]:
        nav.append(button(t.gettext("« Back"), _data(screen, question.id, "back")))
    return [nav]


def _values(
    screen: EntryScreen, question: Question, labelled: list[tuple[str, str, bool]]
) -> Keyboard:
    """Buttons that each answer the question: (label, value, whether it is the answer now)."""
    return rows(
        [
            button(_ticked(label, on), _data(screen, question.id, f"v{value}"))
            for label, value, on in labelled
        ],
        question.per_row,
    )


def _scale(screen: EntryScreen, question: Question, t: Texts) -> Keyboard:
    current = getattr(screen.entry, question.column)
    numbers = [
        button(_ticked(t.number(n), current == n), _data(screen, question.id, f"v{n}"))
        for n in range(question.maximum + 1)
    ]
    return [numbers[:6], numbers[6:]]


def _choice(screen: EntryScreen, question: Question, t: Texts) -> Keyboard:
    current = getattr(screen.entry, question.column)
    return _values(
        screen,
        question,
        [(t.gettext(o.label), o.code, o.stored == current) for o in question.options],
    )


def _choices(screen: EntryScreen, question: Question, t: Texts) -> Keyboard:
    if question.kind is Kind.FLAGS:
        on = {
            o.code for o in question.options if o.field and getattr(screen.entry, o.field.attribute)
        }
    else:
        on = set(getattr(screen.entry, question.column) or [])
    labels = [
        button(
            _ticked(f"{o.icon} {t.gettext(o.label)}".strip(), o.code in on),
            _data(screen, question.id, f"t{o.code}"),
        )
        for o in question.options
    ]
    if question.kind is Kind.FLAGS:
        labels += _own_factors(screen, question)
    done = [button(t.gettext("Done ➜"), _data(screen, question.id, "done"))]
    if question.kind is Kind.FLAGS and not screen.editing:
        done.append(button(t.gettext("✅ That's all, save"), _data(screen, question.id, "all")))
    return [*rows(labels, question.per_row), done]


def _own_factors(screen: EntryScreen, question: Question) -> list[InlineKeyboardButton]:
    """The user's own factors, after the built-in ones; a retired one only if ticked."""
    ticked = set(getattr(screen.entry, question.column) or [])
    return [
        button(
            _ticked(short_label(f.name), f.name in ticked), _data(screen, question.id, f"o{f.id}")
        )
        for f in screen.factors
        if not f.retired or f.name in ticked
    ]


def _time(screen: EntryScreen, question: Question, t: Texts) -> Keyboard:
    current = getattr(screen.entry, question.column)
    default = question.default_time
    assert default is not None, f"{question.id}: a time question needs a default_time"
    start = getattr(screen.entry, question.buttons_from) if question.buttons_from else None
    times = time_choices(screen.usual, default, not_before=start)
    return _values(screen, question, [(t.clock(at), f"{at:%H%M}", at == current) for at in times])


def _amount(screen: EntryScreen, question: Question, t: Texts) -> Keyboard:
    current = getattr(screen.entry, question.column)
    minutes = question.kind is Kind.DURATION
    return _values(
        screen,
        question,
        [
            (
                (t.minutes(n) if n else t.gettext("None")) if minutes else t.number(n),
                str(n),
                n == current,
            )
            for n in question.buttons
        ],
    )


def _medicine(screen: EntryScreen, question: Question, t: Texts) -> Keyboard:
    """Each medicine on the list, ticked with its time when taken; None today; Done."""
    entry = screen.entry
    ticked = {d.medicine_id: d for d in doses_of(screen.kind.spec, entry)}
    took = getattr(entry, question.fields[0].attribute)
    keyboard = [
        [button(_dose_label(m.name, ticked.get(m.id), t), _data(screen, question.id, f"m{m.id}"))]
        for m in screen.medicines
        if not m.retired or m.id in ticked
    ]
    keyboard.append([button(t.gettext("➕ Add a medicine"), _data(screen, question.id, "add"))])
    if ticked:
        done = t.ngettext("Done: {n} medicine ➜", "Done: {n} medicines ➜", len(ticked))
        keyboard.insert(0, [button(done, _data(screen, question.id, "done"))])
    else:
        none = _ticked(t.gettext("None today"), took is False)
        keyboard.insert(0, [button(none, _data(screen, question.id, "none"))])
    return keyboard


def _dose_label(name: str, dose: Dose | None, t: Texts) -> str:
    if dose is None:
        return short_label(name)
    when = f" · {t.clock(dose.taken)}" if dose.taken is not None else ""
    return _ticked(short_label(name, 30) + when, True)


def _text(screen: EntryScreen, question: Question, t: Texts) -> Keyboard:
    return []


KEYBOARDS: dict[Kind, Callable[[EntryScreen, Question, Texts], Keyboard]] = {
    Kind.SCALE: _scale,
    Kind.CHOICE: _choice,
    Kind.CHOICES: _choices,
    Kind.FLAGS: _choices,
    Kind.TIME: _time,
    Kind.DURATION: _amount,
    Kind.COUNT: _amount,
    Kind.MEDICINE: _medicine,
    Kind.TEXT: _text,
}


def short_label(name: str, most: int = 40) -> str:
    """Button labels are plain text; only trim what would not fit on a phone."""
    return name if len(name) <= most else name[: most - 1] + "…"


# ---------------------------------------------------------------- the medicine's own steps


def _medicine_name(screen: EntryScreen, t: Texts) -> View:
    text = _header(screen, t, t.gettext("medicine")) + t.gettext(
        "Type the name of your RLS medicine, as you call it (up to 64 characters). "
        "I'll remember it for next time."
    )
    back = [[button(t.gettext("« Back"), _data(screen, MEDICINE_NAME, "back"))]]
    return View(text, InlineKeyboardMarkup(back))


def _medicine_time(screen: EntryScreen, t: Texts) -> View:
    ticked = doses_of(screen.kind.spec, screen.entry)
    medicine = next(
        (m for m in screen.medicines if ticked and m.id == ticked[-1].medicine_id), None
    )
    name = escape(medicine.name) if medicine else t.gettext("it")
    text = _header(screen, t, t.gettext("medicine")) + t.gettext(
        "When did you take {name}? Tap a time, or type one like 20:30 or 8:30pm. "
        "You can add the amount if you like: 20:30 0.25 mg.",
        name=name,
    )
    hour = local_time(screen.now, screen.zone).replace(minute=0, second=0, microsecond=0)
    times = [hour - timedelta(hours=h) for h in range(4)]
    keyboard = [
        [button(t.gettext("Just now"), _data(screen, MEDICINE_TIME, "now"))],
        [button(t.clock(at.time()), _data(screen, MEDICINE_TIME, f"h{at:%H%M}")) for at in times],
        [
            button(t.gettext("Skip the time"), _data(screen, MEDICINE_TIME, "skip")),
            button(t.gettext("« Untick"), _data(screen, MEDICINE_TIME, "back")),
        ],
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


# ---------------------------------------------------------------- recap and saved


def answer_text(screen: EntryScreen, question: Question, t: Texts) -> str:
    """One answer in words, for the recap; HTML-escaped."""
    entry = screen.entry
    if question.id not in entry.answered:
        return t.gettext("not answered yet")
    value = ANSWERS[question.kind](screen, question, t)
    return t.gettext("skipped") if value is None else escape(value)


def _single(screen: EntryScreen, question: Question, t: Texts) -> str | None:
    value = getattr(screen.entry, question.column)
    if value is None:
        return None
    match question.kind:
        case Kind.SCALE:
            return t.gettext("{value}/{most}", value=value, most=question.maximum)
        case Kind.CHOICE:
            option = next((o for o in question.options if o.stored == value), None)
            return t.gettext(option.label) if option else None
        case Kind.CHOICES:
            labels = {o.code: t.gettext(o.label) for o in question.options}
            return t.join([labels[k] for k in value if k in labels]) or t.gettext("none")
        case Kind.TIME:
            return t.clock(value)
        case Kind.DURATION:
            return t.minutes(value) if value else t.gettext("none")
        case Kind.COUNT:
            return t.ngettext("{n} time", "{n} times", value) if value else t.gettext("none")
    return str(value)


def _flags(screen: EntryScreen, question: Question, t: Texts) -> str | None:
    states = [(o, getattr(screen.entry, o.field.attribute)) for o in question.options if o.field]
    own = list(getattr(screen.entry, question.column) or [])
    if all(state is None for _, state in states) and not own:
        return None
    on = [t.gettext(o.label) for o, state in states if state] + own
    return t.join(on) if on else t.gettext("none of these")


def _medicine_answer(screen: EntryScreen, question: Question, t: Texts) -> str | None:
    took = getattr(screen.entry, question.fields[0].attribute)
    if took is None:
        return None
    if not took:
        return t.gettext("none")
    names = {m.id: m.name for m in screen.medicines}
    return t.join([_dose_text(names, d, t) for d in doses_of(screen.kind.spec, screen.entry)])


def _dose_text(names: dict[int, str], dose: Dose, t: Texts) -> str:
    name = names.get(dose.medicine_id) or t.gettext("a medicine")
    text = (
        name
        if dose.taken is None
        else t.gettext("{name} at {time}", name=name, time=t.clock(dose.taken))
    )
    return f"{text} ({dose.amount})" if dose.amount else text


ANSWERS: dict[Kind, Callable[[EntryScreen, Question, Texts], str | None]] = {
    Kind.SCALE: _single,
    Kind.CHOICE: _single,
    Kind.CHOICES: _single,
    Kind.FLAGS: _flags,
    Kind.TIME: _single,
    Kind.DURATION: _single,
    Kind.COUNT: _single,
    Kind.MEDICINE: _medicine_answer,
    Kind.TEXT: lambda screen, question, t: _note(getattr(screen.entry, question.column), t),
}


PREVIEW_CHARS = 300  # of a long note, so a screen stays within one Telegram message


def preview(note: str, t: Texts) -> str:
    """A note as a screen shows it: whole, or its start and its length when it is long
    (it is stored and exported whole)."""
    if len(note) <= PREVIEW_CHARS:
        return note
    start = note[:PREVIEW_CHARS].rstrip()
    return t.gettext("{start}… ({length} characters)", start=start, length=t.number(len(note)))


def _note(note: str | None, t: Texts) -> str | None:
    return None if note is None else preview(note, t)


def _sleep_line(screen: EntryScreen, t: Texts) -> str:
    """The diary's derived measures, under its answers."""
    derived = screen.derived
    parts = []
    if isinstance(slept := derived.get("total_sleep_min"), int):
        bold = "<b>" + t.minutes(slept) + "</b>"
        parts.append(t.gettext("Slept {duration}", duration=bold))
    if isinstance(in_bed := derived.get("time_in_bed_min"), int):
        parts.append(t.gettext("in bed {duration}", duration=t.minutes(in_bed)))
    if isinstance(efficiency := derived.get("sleep_efficiency_pct"), float):
        percent = f"<b>{t.percent(efficiency, 1)}</b>"
        parts.append(t.gettext("sleep efficiency {percent}", percent=percent))
    return ("\n\n" + t.gettext("{measures}.", measures=", ".join(parts))) if parts else ""


EXTRAS: dict[str, Callable[[EntryScreen, Texts], str]] = {"diary": _sleep_line}


def recap_lines(screen: EntryScreen, t: Texts) -> str:
    return "\n".join(
        f"{t.gettext(q.label)}: <b>{answer_text(screen, q, t)}</b>"
        for q in screen.kind.spec.questions
    )


def _extras(screen: EntryScreen, t: Texts) -> str:
    extra = EXTRAS.get(screen.kind.spec.name)
    return extra(screen, t) if extra else ""


def _recap(screen: EntryScreen, t: Texts, intro: str) -> View:
    text = _header(screen, t, t.gettext("recap")) + (f"{intro}\n\n" if intro else "")
    text += recap_lines(screen, t) + _extras(screen, t)
    text += "\n\n" + t.gettext("All good? Tap <b>Save</b>, or change an answer.")
    edits = [
        button(f"✎ {t.gettext(q.label)}", _data(screen, RECAP, f"e{q.id}"))
        for q in screen.kind.spec.questions
    ]
    keyboard = [*rows(edits, 2), [button(t.gettext("✅ Save"), _data(screen, RECAP, "save"))]]
    return View(text, InlineKeyboardMarkup(keyboard))


MISSED = N_("Missed a morning? You can still fill these in:")


def _saved(screen: EntryScreen, t: Texts) -> View:
    spec = screen.kind.spec
    text = (
        f"<b>{t.gettext(spec.saved_title)}</b> · {_night(screen, t)}\n\n"
        f"{recap_lines(screen, t)}{_extras(screen, t)}\n\n{t.gettext(spec.thanks)}"
    )
    if not screen.missing:
        return View(text)
    text += "\n\n" + t.gettext(MISSED)
    keyboard = [
        [button(t.day(night), callbacks.CATCH_UP.encode(Day(night)))] for night in screen.missing
    ]
    return View(text, InlineKeyboardMarkup(keyboard))
