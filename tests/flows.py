"""Common user journeys, played through the stand-in like a person would."""

from __future__ import annotations

from sqlalchemy import select

from models import Checkin, Dialog, User
from tests.harness import BotHarness


async def onboard(user, place: str = "Berlin", weekly: bool = False) -> None:
    """Consent, time zone by text, default times, the monthly summary on, the weekly
    feedback off (unless `weekly`)."""
    await user.command("/start")
    await user.tap("Yes, store my answers")
    await user.send(place)
    await user.tap("✓ 22:00")
    await user.tap("✓ 07:30")
    await user.tap("Yes, please")
    await user.tap("Yes, please" if weekly else "No, thanks")
    assert "You're all set" in user.last_text


async def to_locations_question(user) -> None:
    """Onboarded user: /checkin and the first three answers, to 'Where ...?' (multi-choice)."""
    await onboard(user)
    await user.command("/checkin")
    for label in ["6", "Only at bedtime", "Often"]:
        await user.tap(label)
    assert "Where" in user.last_text


async def stored_user(bot: BotHarness, user_id: int) -> User | None:
    async with bot.session() as session:
        return await session.get(User, user_id)


async def stored_dialog(bot: BotHarness, user_id: int) -> Dialog | None:
    async with bot.session() as session:
        return await session.get(Dialog, user_id)


async def stored_checkins(bot: BotHarness, user_id: int) -> list[Checkin]:
    async with bot.session() as session:
        rows = await session.scalars(
            select(Checkin).where(Checkin.user_id == user_id).order_by(Checkin.night)
        )
        return list(rows)
