"""The data layer: every database query of the bot is in this package.

Functions take the update's transaction (:data:`Tx`, opened by the caller) and return models
or plain values. Handlers never query: they call bot/services, which call these.
"""

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

#: One transaction, held by whoever opened it (a handler's update, the reminder job).
Tx = AsyncSession
#: Where transactions come from (bot/db.py makes it when the bot starts).
Sessions = async_sessionmaker[AsyncSession]

#: The database itself, for work of many transactions (bot/data/sealing.py).
Engine = AsyncEngine

__all__ = ["Engine", "Sessions", "Tx"]
