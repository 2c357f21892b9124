"""Charts and PDFs are made in a small pool of worker processes, started on first use.

matplotlib and fpdf2 take a second or two to load and a report hundreds of milliseconds of
CPU; in the bot's process that time would be taken from every other user's taps (the event
loop and the GIL are shared). In workers it is not: while one user's year report renders,
everyone else is answered at their usual latency (`python -m bench load --modes
reports,...`). The workers are spawned (not forked: a fork copies the bot's memory and its
threads' locks), so matplotlib's and fpdf2's memory is theirs, not the bot's. The pool starts
when the first chart or report is asked for, and a worker that died is replaced: the request
is tried once more in a new pool. The workers run at a lower CPU priority than the bot, so
that on a machine with few cores a report waits for the taps, not the other way round.

Work goes in as plain data (NightRecords, a ReportRequest, a language code) and comes back
as bytes.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from bot.core.doses import MedicineChange
from bot.core.periods import Span
from bot.core.records import NightRecord
from bot.i18n import texts_for
from bot.reports.request import ReportRequest

WORKERS = 2  # reports are rare; two let one long report not hold up another user's chart
NICENESS = 10  # the workers' CPU priority below the bot's (Unix nice)

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
R = TypeVar("R")


def _warm_up() -> None:
    """Give way to the bot (a lower CPU priority: on a small machine, reports must not take
    the cores the bot answers taps with), then load what every report needs, once."""
    os.nice(NICENESS)
    import fpdf  # noqa: F401
    import matplotlib.figure  # noqa: F401


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                WORKERS, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_up
            )
        return _pool


def _discard(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _pool_lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


async def run(work: Callable[..., R], *args: object) -> R:
    """`work(*args)` in a worker process; a pool whose worker died is replaced, once."""
    loop = asyncio.get_running_loop()
    pool = _executor()
    try:
        return await loop.run_in_executor(pool, work, *args)
    except BrokenProcessPool:
        _discard(pool)
    return await loop.run_in_executor(_executor(), work, *args)


def shutdown() -> None:
    """Stop the workers (the bot's shutdown; a new request would start them again)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


# What the workers run (module-level functions: they travel by name).


def chart_png(
    records: Sequence[NightRecord], span: Span, changes: Sequence[MedicineChange], language: str
) -> bytes:
    from bot.reports.chart import period_chart

    return period_chart(records, span, changes, texts_for(language))


def report_pdf(request: ReportRequest) -> bytes:
    """The doctor's PDF with its chart (none for a period without nights)."""
    from bot.reports.chart import period_chart
    from bot.reports.pdf_report import doctor_report

    t = texts_for(request.language)
    chart = None
    if request.records:
        chart = period_chart(request.records, request.span, request.changes, t)
    return doctor_report(request, chart, t)
