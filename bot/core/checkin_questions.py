"""The nightly check-in questions and their answer options (CLINICAL.md, check-in instruments).

The onset question follows the idea of the Johns Hopkins RLS Severity Scale (Allen & Earley
2001): when in the day the symptoms began. The wording here is our own.
"""

from __future__ import annotations

from enum import StrEnum


class Question(StrEnum):
    SEVERITY = "sev"
    ONSET = "ons"
    URGE = "urg"
    LOCATIONS = "loc"
    SENSATIONS = "sen"
    MEDICINE = "med"
    FACTORS = "fac"
    NOTE = "not"


QUESTIONS: tuple[Question, ...] = tuple(Question)
SEVERITY_MAX = 10
NOTE_MAX_CHARS = 1000
MEDICINE_NAME_MAX_CHARS = 64

PROMPTS: dict[Question, str] = {
    Question.SEVERITY: (
        "How restless were your legs today?\n0 = not at all, 10 = the worst imaginable."
    ),
    Question.ONSET: "When did the symptoms start today?",
    Question.URGE: "How often did you feel the urge to move?",
    Question.LOCATIONS: "Where did you feel it? Tap all that apply, then Done.",
    Question.SENSATIONS: "What did it feel like? Tap all that apply, then Done.",
    Question.MEDICINE: "Did you take RLS medicine today?",
    Question.FACTORS: "Today, did you have any of these? Tap to switch on, then Done.",
    Question.NOTE: "Anything else to note? Type it (up to 1,000 characters), or Skip.",
}

SHORT_NAMES: dict[Question, str] = {
    Question.SEVERITY: "Restlessness",
    Question.ONSET: "Started",
    Question.URGE: "Urge to move",
    Question.LOCATIONS: "Where",
    Question.SENSATIONS: "Felt like",
    Question.MEDICINE: "Medicine",
    Question.FACTORS: "Today",
    Question.NOTE: "Note",
}

ONSET_OPTIONS: dict[str, str] = {
    "none": "No symptoms today",
    "bedtime": "Only at bedtime",
    "evening": "In the evening (after 6 pm)",
    "afternoon": "In the afternoon",
    "morning": "Since the morning",
}
URGE_OPTIONS: dict[str, str] = {
    "never": "Never",
    "rarely": "Rarely",
    "sometimes": "Sometimes",
    "often": "Often",
    "constantly": "Almost constantly",
}
LOCATION_OPTIONS: dict[str, str] = {
    "calves": "Calves",
    "thighs": "Thighs",
    "feet": "Feet",
    "arms": "Arms",
    "elsewhere": "Elsewhere",
}
SENSATION_OPTIONS: dict[str, str] = {
    "creeping": "Creeping, crawling",
    "tingling": "Tingling, fizzy",
    "aching": "Aching, throbbing",
    "pulling": "Pulling",
    "burning": "Burning",
    "electric": "Electric",
    "unclear": "Hard to describe",
}
FACTOR_OPTIONS: dict[str, str] = {
    "caffeine": "Caffeine after noon",
    "alcohol": "Alcohol",
    "exercise": "Exercise",
    "nicotine": "Nicotine",
}
SINGLE_CHOICE: dict[Question, dict[str, str]] = {
    Question.ONSET: ONSET_OPTIONS,
    Question.URGE: URGE_OPTIONS,
}
MULTI_CHOICE: dict[Question, dict[str, str]] = {
    Question.LOCATIONS: LOCATION_OPTIONS,
    Question.SENSATIONS: SENSATION_OPTIONS,
}
