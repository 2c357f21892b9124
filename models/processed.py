"""Updates claimed, so one delivered twice (a webhook retry, a poll after a crash, the same
update at two processes at once) is handled once. Rows older than a couple of days are pruned.

`lease_until` is set while a process handles the update and cleared (NULL) once it was
handled; a lease that ran out belonged to a process that died, and another may take it over.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class ProcessedUpdate(Base):
    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    handled_at: Mapped[datetime] = mapped_column(index=True)
    lease_until: Mapped[datetime | None]
