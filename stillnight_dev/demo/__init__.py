"""`python -m bot demo`: the whole bot in a terminal, without a token or Telegram.

The real Application (same handlers, database layer and scheduler) runs against the Bot
API stand-in (`stillnight_dev.standin`) on 127.0.0.1, with its own SQLite database and a
clock the user moves with /time. Modules: `session` (stand-in + bot + clock), `driver` (one
input line), `feed` and `render` (what the bot did, as text), `screen` (the terminal),
`repl` (interactive), `script` (transcripts), `timejump` (/time), `main` (the command, a
plugin of `python -m bot` through the `stillnight.commands` entry point).
"""
