"""SQLAlchemy models. Importing this package registers every table on Base.metadata."""

from models.base import Base
from models.checkin import Checkin
from models.dialog import Dialog
from models.diary import SleepDiary
from models.faq_memory import FaqMemory
from models.imports import PendingImport
from models.processed import ProcessedUpdate
from models.reminder import Delivery, Reminder
from models.report_details import ReportDetails
from models.sealing import SealingTodo
from models.sent import SentMessage
from models.user import Factor, Medicine, MedicineEvent, User

__all__ = [
    "Base",
    "Checkin",
    "Delivery",
    "Dialog",
    "Factor",
    "FaqMemory",
    "Medicine",
    "MedicineEvent",
    "PendingImport",
    "ProcessedUpdate",
    "Reminder",
    "ReportDetails",
    "SealingTodo",
    "SentMessage",
    "SleepDiary",
    "User",
]
