"""Dispatcher: ``python -m bench <name> [args]``. Add a benchmark by adding its main here."""

from __future__ import annotations

import sys
from collections.abc import Callable

from bench import faq, hops, load, reminders, summary

BENCHMARKS: dict[str, Callable[[list[str]], int]] = {
    "faq": faq.main,
    "hops": hops.main,
    "load": load.main,
    "reminders": reminders.main,
    "summary": summary.main,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in BENCHMARKS:
        names = ", ".join(sorted(BENCHMARKS))
        print(f"usage: python -m bench <name> [args]   (names: {names})", file=sys.stderr)
        return 2
    return BENCHMARKS[argv[0]](argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
