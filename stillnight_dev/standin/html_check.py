"""Telegram-flavoured HTML: validate it the way the Bot API does and render it to text + entities.

Why a hand-written tokenizer instead of :mod:`html.parser`: the stdlib parser is forgiving (stray
``<``, unknown entities and unclosed tags pass silently), which is exactly what Telegram rejects.
We also need UTF-8 byte offsets for error messages and UTF-16 offsets for entities, so we walk the
string ourselves. Rules follow https://core.telegram.org/bots/api#html-style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

#: Supported tag -> entity type. ``span`` is only valid with ``class="tg-spoiler"``.
TAGS: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

_START_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_END_TAG = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
_ATTR = re.compile(
    r"""\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
_ENTITY = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z][a-zA-Z0-9]*));")
_PLAIN_RUN = re.compile(r"[^<>&]+")
_TRIM = " \t\n\r"


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units — Telegram's unit for lengths and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


class HtmlError(ValueError):
    """The text is not valid Telegram HTML; ``description`` mimics the API's wording."""

    def __init__(self, reason: str, source: str, index: int | None) -> None:
        self.reason = reason
        self.byte_offset = None if index is None else len(source[:index].encode("utf-8"))
        where = "" if self.byte_offset is None else f" at byte offset {self.byte_offset}"
        self.description = f"can't parse entities: {reason}{where}"
        super().__init__(self.description)


@dataclass(frozen=True)
class Entity:
    """A MessageEntity; offsets/lengths are in UTF-16 code units."""

    type: str
    offset: int
    length: int
    url: str | None = None
    language: str | None = None
    custom_emoji_id: str | None = None

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type, "offset": self.offset, "length": self.length}
        for key in ("url", "language", "custom_emoji_id"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data

    @classmethod
    def from_api(cls, data: dict[str, Any]) -> Entity:
        return cls(
            type=str(data.get("type")),
            offset=int(data.get("offset", 0)),
            length=int(data.get("length", 0)),
            url=data.get("url"),
            language=data.get("language"),
            custom_emoji_id=data.get("custom_emoji_id"),
        )


@dataclass(frozen=True)
class Rendered:
    """Text as the user sees it, plus the formatting entities Telegram derived from markup."""

    text: str
    entities: tuple[Entity, ...] = ()

    @property
    def length(self) -> int:
        return utf16_len(self.text)

    def stripped(self) -> Rendered:
        """Telegram trims leading/trailing whitespace of texts and captions; shift entities."""
        body = self.text.strip(_TRIM)
        lead = utf16_len(self.text[: len(self.text) - len(self.text.lstrip(_TRIM))])
        size = utf16_len(body)
        kept = []
        for ent in self.entities:
            start = max(0, ent.offset - lead)
            end = min(size, ent.offset + ent.length - lead)
            if end > start:
                kept.append(
                    Entity(ent.type, start, end - start, ent.url, ent.language, ent.custom_emoji_id)
                )
        return Rendered(body, tuple(kept))


@dataclass
class _Open:
    name: str
    type: str
    start: int  # UTF-16 offset in the output
    index: int  # index in the source, for error messages
    attrs: dict[str, str] = field(default_factory=dict)
    emits: bool = True  # False for <code> inside <pre> (it only sets the language)


def _unescape_attr(value: str) -> str:
    """Attribute values: decode the allowed entities, keep anything else literally."""

    def repl(m: re.Match[str]) -> str:
        if m.group(3) is not None:
            return NAMED_ENTITIES.get(m.group(3), m.group(0))
        code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)

    return _ENTITY.sub(repl, value)


class _Parser:
    def __init__(self, source: str) -> None:
        self.src = source
        self.out: list[str] = []
        self.pos16 = 0
        self.stack: list[_Open] = []
        self.entities: list[Entity] = []

    def error(self, reason: str, index: int | None) -> HtmlError:
        return HtmlError(reason, self.src, index)

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.pos16 += utf16_len(text)

    def run(self) -> Rendered:
        src, i = self.src, 0
        while i < len(src):
            ch = src[i]
            if ch == "<":
                i = self.end_tag(i) if src.startswith("</", i) else self.start_tag(i)
            elif ch == "&":
                i = self.entity(i)
            elif ch == ">":
                raise self.error('Bare ">" must be escaped as &gt;', i)
            else:
                m = _PLAIN_RUN.match(src, i)
                assert m is not None
                self.emit(m.group(0))
                i = m.end()
        if self.stack:
            top = self.stack[-1]
            raise self.error(f'Can\'t find end tag corresponding to start tag "{top.name}"', None)
        self.entities.sort(key=lambda e: (e.offset, -e.length))
        return Rendered("".join(self.out), tuple(self.entities))

    def entity(self, i: int) -> int:
        m = _ENTITY.match(self.src, i)
        if m is None:
            raise self.error('Bare "&" must be escaped as &amp;', i)
        if m.group(3) is not None:
            if m.group(3) not in NAMED_ENTITIES:
                raise self.error(
                    f'Unsupported HTML entity "&{m.group(3)};" (only &lt; &gt; &amp; &quot; '
                    "and numeric entities are allowed)",
                    i,
                )
            self.emit(NAMED_ENTITIES[m.group(3)])
        else:
            code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
            if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise self.error(f'Invalid numeric entity "{m.group(0)}"', i)
            self.emit(chr(code))
        return m.end()

    def start_tag(self, i: int) -> int:
        src = self.src
        m = _START_NAME.match(src, i + 1)
        if m is None:
            raise self.error('Unsupported start tag "" (escape a literal "<" as &lt;)', i)
        name, j = m.group(0).lower(), m.end()
        if name not in TAGS:
            raise self.error(f'Unsupported start tag "{name}"', i)
        attrs: dict[str, str] = {}
        while (am := _ATTR.match(src, j)) is not None:
            value = next((g for g in am.groups()[1:] if g is not None), "")
            attrs[am.group(1).lower()] = _unescape_attr(value)
            j = am.end()
        while j < len(src) and src[j] in _TRIM:
            j += 1
        if j >= len(src) or src[j] != ">":
            raise self.error("Unclosed start tag", i)
        self.stack.append(self.check_open(name, attrs, i))
        return j + 1

    def check_open(self, name: str, attrs: dict[str, str], i: int) -> _Open:
        kind = TAGS[name]
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise self.error('Unsupported start tag "span" (only class="tg-spoiler")', i)
        if name == "a" and not attrs.get("href", "").strip():
            raise self.error('Tag "a" must have a non-empty href attribute', i)
        if name == "tg-emoji" and not attrs.get("emoji-id"):
            raise self.error('Tag "tg-emoji" must have an emoji-id attribute', i)
        if name == "blockquote" and "expandable" in attrs:
            kind = "expandable_blockquote"
        node = _Open(name, kind, self.pos16, i, attrs)
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.type == "pre" and name == "code":
            lang = attrs.get("class", "")
            if lang.startswith("language-") and len(lang) > len("language-"):
                parent.attrs["language"] = lang[len("language-") :]
            node.emits = False
            return node
        for anc in self.stack:
            if anc.type in ("code", "pre"):
                raise self.error(f'Entities can\'t be nested inside "{anc.name}": "{name}"', i)
            if anc.type == "text_link" and kind == "text_link":
                raise self.error('Links can\'t be nested: "a" inside "a"', i)
            if anc.type.endswith("blockquote") and kind.endswith("blockquote"):
                raise self.error("Blockquotes can't be nested", i)
            if anc.type == "custom_emoji":
                raise self.error(f'Entities can\'t be nested inside "tg-emoji": "{name}"', i)
        return node

    def end_tag(self, i: int) -> int:
        m = _END_TAG.match(self.src, i)
        if m is None:
            raise self.error("Unclosed end tag", i)
        name = m.group(1).lower()
        if not self.stack:
            raise self.error(f'Unexpected end tag "</{name}>"', i)
        top = self.stack[-1]
        if top.name != name:
            raise self.error(f'Unmatched end tag, expected "</{top.name}>", found "</{name}>"', i)
        self.stack.pop()
        length = self.pos16 - top.start
        if top.emits and length > 0:
            self.entities.append(
                Entity(
                    top.type,
                    top.start,
                    length,
                    url=top.attrs.get("href") if top.type == "text_link" else None,
                    language=top.attrs.get("language") if top.type == "pre" else None,
                    custom_emoji_id=top.attrs.get("emoji-id")
                    if top.type == "custom_emoji"
                    else None,
                )
            )
        return m.end()


def parse_html(source: str) -> Rendered:
    """Validate Telegram HTML and return the visible text and entities (not yet trimmed).

    Raises :class:`HtmlError` on anything the Bot API would refuse with
    "can't parse entities". Nesting rules follow the documented ones (nothing inside code/pre, no
    link inside a link, no blockquote inside a blockquote); the live API is sometimes more lenient
    and silently drops such entities, but the formatting would not render as written anyway.
    """
    return _Parser(source).run()


def html_to_text(source: str) -> str:
    """Visible text of a (valid) Telegram HTML string: tags removed, entities decoded."""
    return parse_html(source).text
