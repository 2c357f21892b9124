"""Everything one doctor's report is made from: plain, picklable data, read in the update's
transaction and handed to a report worker process (bot/reports/workers.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.core.doses import MedicineChange
from bot.core.periods import Span
from bot.core.records import NightRecord


@dataclass(frozen=True)
class ReportRequest:
    records: tuple[NightRecord, ...]  # the period's saved nights, oldest first
    span: Span
    changes: tuple[MedicineChange, ...]  # medicine events from the start to today, oldest first
    include_notes: bool
    generated: date  # also the PDF's creation date: the same request gives the same bytes
    zone: str  # the user's time zone (IANA), the one the nights are counted in
    language: str
    name: str | None = None  # typed by the user for the header
