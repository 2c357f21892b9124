"""The update queue behind getUpdates, with Telegram's offset/confirmation semantics.

An update stays pending until a getUpdates call passes an ``offset`` greater than its id — that is
how a restarted bot gets exactly the updates it had not confirmed. ``allowed_updates`` is sticky
(it persists between calls, and setWebhook sets it too) and updates of other types are
dropped, as Telegram does, in polling and webhook delivery alike.
"""

from __future__ import annotations

from typing import Any

#: Types Telegram does not deliver unless asked for explicitly.
NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


def update_type(update: dict[str, Any]) -> str:
    return next(k for k in update if k != "update_id")


class UpdateQueue:
    def __init__(self, first_id: int = 1) -> None:
        self._pending: list[dict[str, Any]] = []
        self._next_id = first_id
        self.allowed: list[str] | None = None  # None/[] = Telegram's default set
        self.delivered: set[int] = set()  # ids returned by getUpdates at least once
        self.dropped: dict[int, str] = {}  # id -> reason (allowed_updates / offset)
        self.confirmed_below = 1

    def put(self, body: dict[str, Any]) -> int:
        """Append an update (``body`` without update_id); returns the assigned update_id."""
        update_id = self._next_id
        self._next_id += 1
        self._pending.append({"update_id": update_id, **body})
        return update_id

    def __len__(self) -> int:
        return len(self._pending)

    def pending(self) -> list[dict[str, Any]]:
        return list(self._pending)

    def forget(self, update_id: int) -> None:
        """A webhook delivery succeeded: the update is done."""
        self.delivered.add(update_id)
        self._pending = [u for u in self._pending if u["update_id"] != update_id]

    def confirm(self, offset: int | None) -> None:
        """Apply an ``offset``: positive confirms lower ids, negative keeps the last -offset."""
        if not offset:
            return
        if offset < 0:
            keep = self._pending[offset:]
            for upd in self._pending[: len(self._pending) - len(keep)]:
                self.dropped.setdefault(upd["update_id"], "forgotten by a negative offset")
            self._pending = keep
            return
        self.confirmed_below = max(self.confirmed_below, offset)
        self._pending = [u for u in self._pending if u["update_id"] >= offset]

    def drop_all(self, reason: str) -> None:
        for upd in self._pending:
            self.dropped.setdefault(upd["update_id"], reason)
        self._pending.clear()

    def is_allowed(self, update: dict[str, Any]) -> bool:
        kind = update_type(update)
        if not self.allowed:
            return kind not in NOT_BY_DEFAULT
        return kind in self.allowed

    def take(self, limit: int) -> list[dict[str, Any]]:
        """Pending updates the bot may see (first ``limit``); filtered ones are dropped."""
        batch = self.allowed_pending()[:limit]
        self.delivered.update(u["update_id"] for u in batch)
        return batch

    def allowed_pending(self) -> list[dict[str, Any]]:
        """Pending updates of the types the bot asked for; the others are dropped."""
        kept = []
        for upd in self._pending:
            if self.is_allowed(upd):
                kept.append(upd)
            else:
                self.dropped[upd["update_id"]] = (
                    f"type {update_type(upd)!r} not in allowed_updates={self.allowed}"
                )
        self._pending = kept
        return list(kept)

    def is_confirmed(self, update_id: int) -> bool:
        return update_id < self.confirmed_below
