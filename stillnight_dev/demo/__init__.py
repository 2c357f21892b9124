"""`python -m bot demo`: the whole bot in a terminal, without a token or Telegram.

The real Application (same handlers, database layer and scheduler) runs against the Bot
API stand-in (`stillnight_dev.standin`) on 127.0.0.1, with its own SQLite database and a
clock that the user lets pass with /time. Modules: `session` (stand-in + bot + clock, time
passing), `driver` (one input line; `taps`: which button it taps), `feed` (what the bot
did, as `view` events), the outputs `text_view` (with `render` and `screen`) and `jsonl`,
and the ways in: `repl` (a terminal), `lines` (a pipe, line by line; `reading` holds what
both read with), `script` (a file), `main` (the command, a plugin of `python -m bot`
through the `stillnight.commands` entry point).
"""
