"""The pacer keeps every one-second window within the limit, even after a stall."""

from __future__ import annotations

from bot.reminders.pacer import JITTER_S, SAFETY, Pacer


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def busiest_second(starts: list[float]) -> int:
    return max(sum(1 for t in starts if s <= t < s + 1.0) for s in starts)


async def test_overall_rate_is_never_exceeded_in_any_window() -> None:
    clock = FakeTime()
    pacer = Pacer(30, 1.0, clock.monotonic, clock.sleep)
    starts = []
    for chat in range(300):
        await pacer.wait_turn(chat)
        starts.append(clock.now)
    assert busiest_second(starts) <= 30
    rate = (len(starts) - 1) / (starts[-1] - starts[0])
    assert abs(rate - 30 * SAFETY) < 0.01


async def test_arrivals_up_to_the_jitter_late_still_fit_every_second() -> None:
    """A send that takes longer to arrive (a new connection) bunches with the next ones."""
    clock = FakeTime()
    pacer = Pacer(30, 1.0, clock.monotonic, clock.sleep)
    starts = []
    for chat in range(150):
        await pacer.wait_turn(chat)
        starts.append(clock.now)
    # The sends of the burst's first JITTER_S arrive JITTER_S late, the rest on time.
    late = [t + JITTER_S if t < starts[0] + JITTER_S else t for t in starts]
    assert busiest_second(sorted(late)) <= 30


async def test_a_stall_does_not_release_a_burst() -> None:
    clock = FakeTime()
    pacer = Pacer(30, 1.0, clock.monotonic, clock.sleep)
    starts = []
    for chat in range(100):
        if chat == 50:
            clock.now += 5.0  # the event loop was busy elsewhere
        await pacer.wait_turn(chat)
        starts.append(clock.now)
    assert busiest_second(starts) <= 30


async def test_one_chat_waits_its_own_interval_and_retry_after_holds_everyone() -> None:
    clock = FakeTime()
    pacer = Pacer(30, 1.0, clock.monotonic, clock.sleep)
    await pacer.wait_turn(7)
    first = clock.now
    await pacer.wait_turn(7)
    assert clock.now - first >= 1.0
    pacer.hold_off(3.0)
    held = clock.now
    await pacer.wait_turn(8)
    assert clock.now - held >= 3.0
