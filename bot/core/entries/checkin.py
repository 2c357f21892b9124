"""The nightly check-in (the free instruments in docs/CLINICAL_NOTES.md).

The onset question follows the idea of the Johns Hopkins RLS Severity Scale (Allen & Earley
2001): when in the day the symptoms began. The wording here is our own.
"""

from __future__ import annotations

from bot.core.entries.spec import EntryRow, EntrySpec, Field, Kind, Option, Question
from bot.i18n import N_

SEVERITY_MAX = 10
NOTE_MAX_CHARS = 4096  # one full Telegram message


def had_symptoms(row: EntryRow) -> bool:
    """A night rated 0 has no symptoms to describe: those questions are not asked and are
    stored as "no symptoms" (onset none, urge never, nowhere, nothing felt)."""
    return getattr(row, "severity", None) != 0


def _flag(code: str, label: str, icon: str, about: str) -> Option:
    return Option(code, label, icon=icon, field=Field(code, code, about))


CHECKIN = EntrySpec(
    name="checkin",
    title=N_("Check-in"),
    saved_title=N_("✅ Check-in saved"),
    saved_intro=N_("This night's check-in is saved."),
    where_now=N_("Here is where your check-in is now:"),
    thanks=N_("Thank you. Sleep as well as you can 🌙 Send /checkin again to view or change it."),
    questions=(
        Question(
            "sev",
            Kind.SCALE,
            prompt=N_(
                "How restless were your legs today?\n0 = not at all, 10 = the worst imaginable."
            ),
            label=N_("Restlessness"),
            fields=(
                Field(
                    "severity",
                    "severity",
                    N_("How restless the legs were, 0 (not at all) to 10 (worst)"),
                ),
            ),
            maximum=SEVERITY_MAX,
        ),
        Question(
            "ons",
            Kind.CHOICE,
            prompt=N_("When did the symptoms start today?"),
            label=N_("Started"),
            fields=(
                Field(
                    "onset",
                    "symptom_onset",
                    N_("When symptoms started: none, bedtime, evening, afternoon, morning"),
                ),
            ),
            options=(
                Option("none", N_("No symptoms today")),
                Option("bedtime", N_("Only at bedtime")),
                Option("evening", N_("In the evening (after 6 pm)")),
                Option("afternoon", N_("In the afternoon")),
                Option("morning", N_("Since the morning")),
            ),
            asked_if=had_symptoms,
            implied="none",
        ),
        Question(
            "urg",
            Kind.CHOICE,
            prompt=N_("How often did you feel the urge to move?"),
            label=N_("Urge to move"),
            fields=(
                Field("urge", "urge_to_move", N_("never, rarely, sometimes, often, constantly")),
            ),
            options=(
                Option("never", N_("Never")),
                Option("rarely", N_("Rarely")),
                Option("sometimes", N_("Sometimes")),
                Option("often", N_("Often")),
                Option("constantly", N_("Almost constantly")),
            ),
            asked_if=had_symptoms,
            implied="never",
        ),
        Question(
            "loc",
            Kind.CHOICES,
            prompt=N_("Where did you feel it? Tap all that apply, then Done."),
            label=N_("Where"),
            fields=(
                Field(
                    "locations",
                    "locations",
                    N_("Where it was felt: calves, thighs, feet, arms, elsewhere"),
                ),
            ),
            options=(
                Option("calves", N_("Calves")),
                Option("thighs", N_("Thighs")),
                Option("feet", N_("Feet")),
                Option("arms", N_("Arms")),
                Option("elsewhere", N_("Elsewhere")),
            ),
            per_row=2,
            asked_if=had_symptoms,
            implied=[],
        ),
        Question(
            "sen",
            Kind.CHOICES,
            prompt=N_("What did it feel like? Tap all that apply, then Done."),
            label=N_("Felt like"),
            fields=(
                Field(
                    "sensations",
                    "sensations",
                    N_(
                        "creeping, tingling, aching, pulling, burning, electric, itching, "
                        "cramping, unclear"
                    ),
                ),
            ),
            options=(
                Option("creeping", N_("Creeping, crawling")),
                Option("tingling", N_("Tingling, fizzy")),
                Option("aching", N_("Aching, throbbing")),
                Option("pulling", N_("Pulling")),
                Option("burning", N_("Burning")),
                Option("electric", N_("Electric")),
                Option("itching", N_("Itching")),
                Option("cramping", N_("Cramping")),
                Option("unclear", N_("Hard to describe")),
            ),
            per_row=2,
            asked_if=had_symptoms,
            implied=[],
        ),
        Question(
            "med",
            Kind.MEDICINE,
            prompt=N_("Did you take RLS medicine today? Tap each one you took, then Done."),
            label=N_("Medicines"),
            hint=N_("I only record what you took and when; I never comment on doses."),
            fields=(
                Field(
                    "took_medicine",
                    "took_medicine",
                    N_("yes or no: RLS medicine taken that day"),
                ),
                Field(
                    "medicines",
                    "medicines",
                    N_(
                        "Each medicine taken: its name as the user entered it, the time "
                        "(HH:MM, local) and the amount if one was typed, separated by ;"
                    ),
                    column="doses",
                ),
            ),
        ),
        Question(
            "fac",
            Kind.FLAGS,
            prompt=N_("Today, did you have any of these? Tap to switch on, then Done."),
            label=N_("Today"),
            options=(
                _flag(
                    "caffeine",
                    N_("Caffeine after noon"),
                    "☕",
                    N_("yes or no: caffeine after noon"),
                ),
                _flag("alcohol", N_("Alcohol"), "🍷", N_("yes or no: alcohol")),
                _flag("exercise", N_("Exercise"), "🏃", N_("yes or no: exercise")),
                _flag("nicotine", N_("Nicotine"), "🚬", N_("yes or no: nicotine")),
            ),
            fields=(
                Field(
                    "own_factors",
                    "own_factors",
                    N_("The user's own factors that applied, by the name they had then, ;"),
                ),
            ),
            per_row=2,
        ),
        Question(
            "not",
            Kind.TEXT,
            prompt=N_("Anything else to note? Type it (up to 4,096 characters), or Skip."),
            label=N_("Note"),
            fields=(Field("note", "note", N_("The free note from the evening check-in")),),
            maximum=NOTE_MAX_CHARS,
        ),
    ),
)
