"""The one open dialog each user may have: any process can continue it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import update
from sqlalchemy.orm import joinedload

from bot.core.dialogs import Flow
from bot.data import Tx
from models import Dialog


async def get_dialog(tx: Tx, user_id: int) -> Dialog | None:
    """The user's open dialog with its user, locked for this transaction.

    Two taps of one user can reach two processes at once; the row lock (PostgreSQL; SQLite
    serializes writers anyway) makes the second wait and see the first one's result.
    """
    return await tx.get(
        Dialog,
        user_id,
        options=[joinedload(Dialog.user, innerjoin=True)],  # the user comes along
        with_for_update={"of": Dialog},
    )


async def open_dialog(
    tx: Tx,
    user_id: int,
    flow: Flow,
    step: str,
    now: datetime,
    *,
    night: date | None = None,
) -> Dialog:
    """Start (or replace) the user's dialog; any process can pick it up from here.

    The message that showed the previous dialog's buttons stays noted, so the next screen
    can take them off.
    """
    dialog = await tx.get(Dialog, user_id)
    if dialog is None:
        dialog = Dialog(user_id=user_id, flow=flow.value, step=step, updated_at=now)
        tx.add(dialog)
    dialog.flow, dialog.step, dialog.updated_at = flow.value, step, now
    dialog.return_to_recap = False
    dialog.night = night
    await tx.flush()
    return dialog


async def close_dialog(tx: Tx, user_id: int) -> None:
    dialog = await tx.get(Dialog, user_id)
    if dialog is not None:
        await tx.delete(dialog)


async def set_dialog_message(tx: Tx, user_id: int, message_id: int | None) -> None:
    """Remember which message holds the live question, so it can be edited or retired."""
    await tx.execute(update(Dialog).where(Dialog.user_id == user_id).values(message_id=message_id))
