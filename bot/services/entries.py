"""The check-in and the sleep diary as dialogs: open one, apply a tap or a typed answer, and
gather what its screen shows, all in the update's one transaction.

A tap counts only when it belongs to the user's open dialog, for that very entry, at the
step the dialog is at; anything else (an old message, a double tap, forged data) changes
nothing, and the screen of where the user really is comes back instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from bot.core import consent
from bot.core.dialogs import Flow
from bot.core.entries import engine
from bot.core.entries.checkin import CHECKIN
from bot.core.entries.diary import DIARY
from bot.core.entries.engine import MEDICINE_NAME, MEDICINE_TIME, RECAP, SAVED, Mine, Moment
from bot.core.entries.spec import EntrySpec, Kind, Question
from bot.core.nights import last_night, local_time, night_of
from bot.core.problems import Problem
from bot.core.sleep_choices import usual_time
from bot.data import Tx, deliveries, dialogs, entries, users
from bot.data.entries import Entry, EntryModel
from bot.parsing import InputParser
from models import Checkin, Dialog, Factor, Medicine, SleepDiary, User

CATCH_UP_NIGHTS = 3  # missed mornings offered after a diary is saved


@dataclass(frozen=True)
class EntryKind:
    """One kind of entry and its dialog: spec, table, and which night it opens on."""

    flow: Flow
    spec: EntrySpec
    model: EntryModel
    default_night: Callable[[datetime, str], date]
    catch_up: bool = False  # after saving, offer recent nights still without an entry
    releases_held: bool = False  # saving it lets the weekly and monthly messages held for it go


CHECKIN_ENTRY = EntryKind(Flow.CHECKIN, CHECKIN, Checkin, night_of)
DIARY_ENTRY = EntryKind(
    Flow.MORNING, DIARY, SleepDiary, last_night, catch_up=True, releases_held=True
)
ENTRY_KINDS = {kind.flow: kind for kind in (CHECKIN_ENTRY, DIARY_ENTRY)}


@dataclass(frozen=True)
class EntryScreen:
    """Everything one screen of an entry shows, read in the transaction that changed it."""

    kind: EntryKind
    entry: Entry
    step: str
    now: datetime
    zone: str
    shown_in: int | None  # the message that held the dialog's buttons until now
    medicines: list[Medicine] = field(default_factory=list)  # the user's, retired ones too
    factors: list[Factor] = field(default_factory=list)  # the user's own, retired ones too
    editing: bool = False  # an answer opened from the recap (Keep leaves it as it was)
    usual: time | None = None  # a time question: the user's usual answer, for the buttons
    derived: dict[str, object] = field(default_factory=dict)
    missing: list[date] = field(default_factory=list)  # saved: recent nights still open


@dataclass(frozen=True)
class Pressed:
    """What a tap did. `screen` is the new screen (`stale`: the one the user is really at,
    or None when they are in no entry dialog of this kind); `problem` why it was refused
    (with a screen when the refusal moved the dialog to the question it asks)."""

    screen: EntryScreen | None
    stale: bool = False
    problem: Problem | None = None


def ready(user: User | None) -> bool:
    """Entries are for users who agreed to the current text and finished setting up."""
    return (
        user is not None
        and consent.is_current(user.consent, user.consent_version)
        and (user.onboarded)
    )


async def open_entry(
    tx: Tx, kind: EntryKind, user: User, night: date | None, now: datetime
) -> EntryScreen:
    """The entry of `night` (default: the current one), at its next open question."""
    night = night or kind.default_night(now, user.zone)
    entry = await entries.for_night(tx, kind.model, user, night, now)
    dialog = await dialogs.open_dialog(
        tx, user.id, kind.flow, engine.resume_step(kind.spec, entry), now, night=night
    )
    return await _screen(tx, kind, user, dialog, entry, now)


async def current(
    tx: Tx, kind: EntryKind, user: User, dialog: Dialog, now: datetime
) -> EntryScreen:
    """The screen of the dialog's entry at its step (created afresh if it was deleted)."""
    night = dialog.night or kind.default_night(now, user.zone)
    entry = await entries.for_night(tx, kind.model, user, night, now)
    return await _screen(tx, kind, user, dialog, entry, now)


async def press(
    tx: Tx,
    kind: EntryKind,
    user_id: int,
    tap: tuple[int, str, str],
    now: datetime,
) -> Pressed:
    """Apply a tap (entry id, step, action) if it is live; see the module docstring."""
    entry_id, step, action = tap
    dialog = await dialogs.get_dialog(tx, user_id)
    entry = await entries.by_id(tx, kind.model, entry_id)
    if dialog is None or dialog.flow != kind.flow:
        return Pressed(None, stale=True)
    user = dialog.user
    live = (
        entry is not None
        and entry.user_id == user_id
        and entry.night == dialog.night
        and dialog.step == step
    )
    if not live or entry is None:
        return Pressed(await current(tx, kind, user, dialog, now), stale=True)
    try:
        engine.press(kind.spec, dialog, entry, action, Moment(now, user.zone), await _mine(user))
    except Problem as problem:
        # A check that asks about another answer has moved the dialog to its question.
        moved = await _screen(tx, kind, user, dialog, entry, now) if dialog.step != step else None
        return Pressed(moved, problem=problem)
    dialog.updated_at = now
    screen = await _screen(tx, kind, user, dialog, entry, now)
    if dialog.step == SAVED:
        await dialogs.close_dialog(tx, user_id)
        if kind.releases_held:
            await deliveries.release_after_diary(tx, user_id, entry.night, now)
    return Pressed(screen)


@dataclass(frozen=True)
class Typed:
    """A typed answer's outcome: the screen to show next, and the problem if it was refused.
    `meant_as_answer` is False for text that is no answer for the step at all (the problem
    is then the step's own hint; the text may be a question for the FAQ)."""

    screen: EntryScreen
    problem: Problem | None = None
    meant_as_answer: bool = True
    joined: bool = False  # the rest of a long answer Telegram split in two, joined to it


async def type_answer(
    tx: Tx, kind: EntryKind, dialog: Dialog, text: str, now: datetime, parser: InputParser
) -> Typed:
    """A typed answer at the dialog's step."""
    user = dialog.user
    night = dialog.night or kind.default_night(now, user.zone)
    entry = await entries.for_night(tx, kind.model, user, night, now)
    if engine.join_split_text(kind.spec, dialog, entry, text, Moment(now, user.zone)):
        dialog.updated_at = now
        return Typed(await _screen(tx, kind, user, dialog, entry, now), joined=True)
    try:
        added = engine.type_answer(kind.spec, dialog, entry, text, Moment(now, user.zone), parser)
    except Problem as problem:
        meant = engine.takes_text(kind.spec, dialog.step, text, parser)
        return Typed(await _screen(tx, kind, user, dialog, entry, now), problem, meant)
    if added is not None:
        medicine = await users.add_medicine(tx, user, added.name, now)
        engine.pick_medicine(kind.spec, dialog, entry, medicine.id, now)
    dialog.updated_at = now
    return Typed(await _screen(tx, kind, user, dialog, entry, now))


async def _mine(user: User) -> Mine:
    """The user's own lists (two rows in one transaction's identity map, read once)."""
    return Mine(await users.medicines(user), await users.factors(user))


def _uses_lists(spec: EntrySpec, step: str) -> bool:
    """Whether showing this step needs the user's medicines and factors."""
    own = [q.id for q in (spec.medicine, spec.factors) if q is not None]
    return bool(own) and step in (*own, MEDICINE_NAME, MEDICINE_TIME, RECAP, SAVED)


async def _screen(
    tx: Tx, kind: EntryKind, user: User, dialog: Dialog, entry: Entry, now: datetime
) -> EntryScreen:
    step = dialog.step
    question = kind.spec.question(step)
    lists = _uses_lists(kind.spec, step)
    medicines = await users.medicines(user) if lists else []
    factors = await users.factors(user) if lists else []
    if question is not None and question is kind.spec.medicine:
        active = {m.id for m in medicines if not m.retired}
        engine.preselect(kind.spec, entry, await entries.usual_doses(tx, entry, active), now)
    derived = dict(kind.spec.derive(entry, user.zone)) if kind.spec.derive else {}
    return EntryScreen(
        kind=kind,
        entry=entry,
        step=step,
        now=now,
        zone=user.zone,
        shown_in=dialog.message_id,
        medicines=medicines,
        factors=factors,
        editing=dialog.return_to_recap,
        usual=await _usual(tx, kind, entry, question),
        derived=derived,
        missing=await _offer_missing(tx, kind, user, entry.night, now) if step == SAVED else [],
    )


async def _usual(tx: Tx, kind: EntryKind, entry: Entry, question: Question | None) -> time | None:
    if question is None or question.kind is not Kind.TIME:
        return None
    return usual_time(await entries.recent_times(tx, kind.model, entry, question.column))


async def _offer_missing(
    tx: Tx, kind: EntryKind, user: User, night: date, now: datetime
) -> list[date]:
    """Recent nights without a saved entry, from the night the user joined on, that they
    have not declined (skipped from the reminder, or offered before); each is offered once."""
    if not kind.catch_up:
        return []
    joined = local_time(user.created_at, user.zone).date()
    nights = [night - timedelta(days=d) for d in range(1, CATCH_UP_NIGHTS + 1)]
    nights = [n for n in nights if n >= joined]
    saved = await entries.saved_among(tx, kind.model, user.id, nights)
    declined = await deliveries.declined_mornings(tx, user.id, nights)
    missing = sorted(n for n in nights if n not in saved and n not in declined)
    await deliveries.record_offers(tx, user.id, missing, now)
    return missing
