"""``python -m bot ask``: the FAQ engine from a terminal.

Plain mode prints the reply as plain text: Telegram HTML tags are stripped, entities
unescaped, links shown as ``text (url)``, and suggestion buttons listed underneath.
``--json`` writes one object per question with the *full* reply text, HTML included,
exactly as the bot would send it. A question of ``-`` means: read one question per line
from stdin. Replies are in English (the catalog's source language).
"""

from __future__ import annotations

import html
import json
import re
from typing import TextIO

from bot.faq import DID_YOU_MEAN, Reply, answer
from bot.i18n import Texts, texts_for

_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
_TAG = re.compile(r"</?(b|i|a)\b[^>]*>")


def to_plain(text: str) -> str:
    """Telegram HTML -> terminal text."""

    def link(match: re.Match[str]) -> str:
        url, label = match.group(1), match.group(2)
        return label if label == url or url.endswith(label) else f"{label} ({url})"

    return html.unescape(_TAG.sub("", _LINK.sub(link, text)))


def _plain(reply: Reply, t: Texts) -> str:
    lines = [to_plain(reply.text)]
    if reply.suggestions and not reply.text.startswith(t.gettext(DID_YOU_MEAN)):
        lines.append("")
        titles = " | ".join(s.title for s in reply.suggestions)
        lines.append(t.gettext("Related: {titles}", titles=titles))
    return "\n".join(lines)


def _record(question: str, reply: Reply) -> str:
    return json.dumps(
        {"question": question, "kind": reply.kind, "topic": reply.topic, "text": reply.text},
        ensure_ascii=False,
    )


def run_ask(question: str, as_json: bool, stdin: TextIO, stdout: TextIO) -> int:
    """Answer ``question`` (or every stdin line when it is ``-``); return an exit code."""
    if question == "-":
        questions = [line.strip() for line in stdin]
        questions = [q for q in questions if q]
    else:
        questions = [question]
    t = texts_for("en")
    for i, q in enumerate(questions):
        reply = answer(q, t)
        if as_json:
            stdout.write(_record(q, reply) + "\n")
        else:
            if i:
                stdout.write("\n" + "-" * 40 + "\n")
            stdout.write(_plain(reply, t) + "\n")
    return 0
