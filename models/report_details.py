"""What the doctor's report keeps for next time, sealed: it is the user's own words.

The date of the last appointment ("since my last appointment") and the name for the report's
header are typed by the user and both optional. They sit in a table of their own rather than
on `users` because every column of `users` is read to schedule and route (and stays clear),
while these are read only when a report is made.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.sealed import Sealed


class ReportDetails(Base):
    __tablename__ = "report_details"

    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    appointment: Mapped[date | None] = mapped_column(Sealed("report_details.appointment", "date"))
    name: Mapped[str | None] = mapped_column(
        Sealed("report_details.name", "str")
    )  # REPORT_NAME_RULES
