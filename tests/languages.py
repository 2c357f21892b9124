"""What the language tests share: the languages besides English, and a check that no English
text is left on the screen of someone who reads another language."""

from __future__ import annotations

import functools
import re
from html import unescape

from babel.messages.pofile import read_po

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, texts_for
from bot.i18n.catalog import LOCALE_DIR, po_path
from stillnight_dev.standin import BotApiStandin
from stillnight_dev.standin.chats import UserChat

OTHERS = [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]
_FIELD_OR_TAG = re.compile(r"\{[^{}]*\}|<[^>]+>|\n")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def plain(text: str) -> str:
    """Text without markup or entities, its whitespace made single spaces."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _fragments(message: str) -> set[str]:
    """The runs of 3 or more English words between a message's fields and markup."""
    found = set()
    for piece in _FIELD_OR_TAG.split(message):
        words = " ".join(piece.split()).strip(" .,:;!?…()—–-\"“”'")
        if len(_WORD.findall(words)) >= 3:
            found.add(words)
    return found


@functools.cache
def english_fragments(language: str) -> frozenset[str]:
    """The English texts of 3+ words that `language` writes differently: seeing one of them
    on that language's screen means a text went out in English."""
    with (LOCALE_DIR / "messages.pot").open("rb") as pot:
        template = read_po(pot)
    with po_path(language).open("rb") as po:
        translated = {m.id: m.string for m in read_po(po, locale=LANGUAGES[language]) if m.id}
    found: set[str] = set()
    for message in template:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = translated.get(message.id) or ()
        targets = targets if isinstance(targets, tuple) else (targets,)
        kept = {f for target in targets for f in _fragments(target)}
        found |= {f for source in sources for f in _fragments(source)} - kept
    return frozenset(found)


def english_left(texts: list[str], language: str) -> set[str]:
    """The English fragments (see above) found in what the user of `language` was shown."""
    shown = [plain(text) for text in texts]
    return {f for f in english_fragments(language) if any(f in text for text in shown)}


def button_labels(standin: BotApiStandin) -> list[str]:
    """Every inline button's label the bot sent."""
    labels = []
    for call in standin.calls:
        markup = call.params.get("reply_markup") or {}
        labels += [b["text"] for row in markup.get("inline_keyboard", []) for b in row]
    return labels


async def onboard_in(user: UserChat, language: str) -> None:
    """Consent, Berlin, the times typed, no monthly summary, no weekly feedback."""
    t = texts_for(language)
    await user.command("/start")
    await user.tap(t.gettext("Yes, store my answers"))
    await user.send("Berlin")
    await user.send("21:30")
    await user.send("07:30")
    await user.tap(t.gettext("No, thanks"))
    await user.tap(t.gettext("No, thanks"))
