"""Development tools — the Bot API stand-in and the demo — shipped in the same distribution.

``stillnight_dev.standin`` fakes Telegram's Bot API for the end-to-end tests, the demo and the
benchmarks; ``stillnight_dev.demo`` is ``python -m bot demo``, which reaches the command line
as a plugin (the ``stillnight.commands`` entry point in pyproject.toml). Production code
(``bot``, ``handlers``, ``models``, ``migrations``) never imports them (tests/test_layers.py).
"""
