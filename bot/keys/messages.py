"""What the keys' checks and commands tell whoever runs the bot: one paragraph each, in
English like the logs and the command line (not the users' catalog: stillnight_dev/literals.py).
"""

HOW_TO_MAKE = """\
Make one with `python -m bot make-key > /path/to/master.key` (then `chmod 600` it), set \
MASTER_KEY_FILE=/path/to/master.key in .env (or MASTER_KEY=<the key> in the environment), \
and keep a copy somewhere safe outside this server and its backups: without it nobody, not \
even you, can read the answers stored. docs/DEPLOY.md explains."""

MISSING = (
    "Stillnight needs a master key to seal the health answers it stores, and neither "
    "MASTER_KEY nor MASTER_KEY_FILE is set. " + HOW_TO_MAKE
)

MALFORMED = (
    """\
The master key in {where} is not a Stillnight master key (one line of 44 characters of \
base64, as `python -m bot make-key` writes). Check that the whole key was copied, with no \
other text on its line. """
    + HOW_TO_MAKE
)

UNREADABLE = (
    """\
MASTER_KEY_FILE is set to {path}, but that file cannot be read ({reason}). Check the path \
and that the bot's user may read it. """
    + HOW_TO_MAKE
)

WRONG_KEY = """\
The master key given (MASTER_KEY or MASTER_KEY_FILE) is not the one that sealed the data \
keys in the key store at {store}. Stillnight stops rather than make new keys, which would \
leave every answer stored so far unreadable. Set the master key this bot was set up with \
(after a rotation: the new one, as `python -m bot rotate-key` wrote it). If that key is \
lost, the stored answers cannot be read by anyone; docs/DEPLOY.md ("Lost master key") says \
what is left to do."""

STORE_EMPTY = """\
The key store at {store} holds no data keys, but the database holds sealed answers: it is \
not the key store this database was used with (KEYSTORE_URL changed, or the file was lost). \
Stillnight stops rather than make new keys, which would leave those answers unreadable. \
Point KEYSTORE_URL at the key store of this database (or restore it from its own backup: \
docs/DEPLOY.md, "Backups"). If it is gone for good, so are the answers sealed with it."""

NEEDS_FILE = """\
rotate-key writes the new master key to MASTER_KEY_FILE, which the running bots read again, \
so that they go on without a restart; MASTER_KEY_FILE is not set. Put the current key in a \
file (`echo "$MASTER_KEY" > /path/to/master.key; chmod 600 /path/to/master.key`), set \
MASTER_KEY_FILE=/path/to/master.key instead of MASTER_KEY, restart the bots once, then run \
`python -m bot rotate-key`."""

ROTATED = """\
Done: {count} data keys are now wrapped with the new master key, and {path} holds only it. \
Copy that file to where you keep the master key safe now (the old key opens nothing any \
more), and to every other server that runs this bot."""
