"""The morning sleep diary questions (Consensus Sleep Diary core plus two RLS items)."""

from __future__ import annotations

from datetime import time
from enum import StrEnum

from bot.core.sleep_diary import LegsImpact, SleepQuality


class DiaryQuestion(StrEnum):
    BED = "bed"
    TRIED = "try"
    LATENCY = "sol"
    AWAKENINGS = "awk"
    AWAKE = "wso"
    WAKE = "wak"
    OUT = "out"
    QUALITY = "qua"
    LEGS = "leg"
    WALKS = "wlk"


DIARY_QUESTIONS: tuple[DiaryQuestion, ...] = tuple(DiaryQuestion)
Q = DiaryQuestion

# Column of SleepDiary for each question.
COLUMNS: dict[DiaryQuestion, str] = {
    Q.BED: "bed_time",
    Q.TRIED: "tried_time",
    Q.LATENCY: "latency_min",
    Q.AWAKENINGS: "awakenings",
    Q.AWAKE: "awake_min",
    Q.WAKE: "wake_time",
    Q.OUT: "out_time",
    Q.QUALITY: "quality",
    Q.LEGS: "legs",
    Q.WALKS: "walks",
}
TIME_QUESTIONS = (Q.BED, Q.TRIED, Q.WAKE, Q.OUT)
MINUTE_QUESTIONS = (Q.LATENCY, Q.AWAKE)
COUNT_QUESTIONS = (Q.AWAKENINGS, Q.WALKS)

PROMPTS: dict[DiaryQuestion, str] = {
    Q.BED: "What time did you get into bed?",
    Q.TRIED: "What time did you try to go to sleep?",
    Q.LATENCY: "How long did it take you to fall asleep?",
    Q.AWAKENINGS: "How many times did you wake up, not counting the last time?",
    Q.AWAKE: "In total, how long did those awakenings last?",
    Q.WAKE: "What time was your final awakening?",
    Q.OUT: "What time did you get out of bed for the day?",
    Q.QUALITY: "How would you rate the quality of your sleep?",
    Q.LEGS: "Did your legs keep you awake or wake you up?",
    Q.WALKS: "How many times did you get up to walk or move to ease your legs?",
}
SHORT_NAMES: dict[DiaryQuestion, str] = {
    Q.BED: "Into bed",
    Q.TRIED: "Tried to sleep",
    Q.LATENCY: "Fell asleep after",
    Q.AWAKENINGS: "Woke up",
    Q.AWAKE: "Awake in the night",
    Q.WAKE: "Final awakening",
    Q.OUT: "Out of bed",
    Q.QUALITY: "Quality",
    Q.LEGS: "Legs woke you",
    Q.WALKS: "Got up to move",
}
DEFAULT_TIMES: dict[DiaryQuestion, time] = {
    Q.BED: time(23, 0),
    Q.TRIED: time(23, 15),
    Q.WAKE: time(7, 0),
    Q.OUT: time(7, 15),
}
MINUTE_CHOICES = (0, 5, 10, 15, 20, 30, 45, 60, 90)
COUNT_CHOICES = (0, 1, 2, 3, 4, 5)
QUALITY_LABELS = {q.value: q.label.capitalize() for q in SleepQuality}
LEGS_LABELS = {legs.value: legs.label.capitalize() for legs in LegsImpact}
