"""Whether the database answers (the webhook server's GET /healthz)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


async def database_answers(engine: AsyncEngine | None) -> bool:
    if engine is None:
        return False
    try:
        async with engine.connect() as connection:
            await connection.execute(text("select 1"))
    except Exception:  # any failure at all means "not healthy"
        return False
    return True
