"""The text catalogs: extract every text from the code, update the .pot and each .po, check.

    python -m stillnight_dev.catalog update   # after changing a text in the code
    python -m stillnight_dev.catalog check    # what tests/test_catalog.py asserts

Extraction is pybabel's, configured by babel.cfg (the same as `pybabel extract -F babel.cfg
-k N_ --add-location=file --sort-output`). English is the source language: its catalog holds
every text as written in the code, so it is made from the template; the other languages'
are updated (new texts empty, old ones dropped) and filled by translators.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from bot.i18n.catalog import DOMAIN, LOCALE_DIR, po_path
from bot.i18n.texts import DEFAULT_LANGUAGE, LANGUAGES

ROOT = LOCALE_DIR.parent.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
_FIELD = re.compile(r"{(\w*)[^{}]*}")
_TAG = re.compile(r"</?[a-z]+[^>]*>")


def extract() -> Catalog:
    """Every text the code marks, as a template (file names as locations, no line numbers)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    template = Catalog(project="Stillnight", domain=DOMAIN, charset="utf-8")
    found = extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",)
    )
    for filename, _lineno, message, comments, context in found:
        template.add(message, None, [(filename, 0)], auto_comments=comments, context=context)
    return template


def _write(catalog: Catalog, path: Path) -> None:
    """Write the catalog, unless the file already holds the same messages (so that an update
    that changes nothing leaves the file, creation date included, as it was)."""
    if path.exists() and _same(_read(path, str(catalog.locale or "en")), catalog):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, sort_output=True, include_lineno=False,
                 ignore_obsolete=True)  # fmt: skip


def _same(old: Catalog, new: Catalog) -> bool:
    """Whether both hold the same messages, as the file would show them: a location is
    its file (no line numbers are written) and an empty translation is empty, whether
    read from a file (None) or made here ("")."""

    def text(string: object) -> object:
        if isinstance(string, (tuple, list)):
            return tuple(part or "" for part in string)
        return string or ""

    def content(catalog: Catalog) -> set[tuple[object, ...]]:
        return {
            (
                m.context, m.id, text(m.string), tuple(sorted(f for f, _ in m.locations)),
                tuple(m.auto_comments),
            )
            for m in catalog
            if m.id
        }  # fmt: skip

    return content(old) == content(new)


def _read(path: Path, language: str) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


def update() -> None:
    """Write the template and every language's catalog from the code as it is now."""
    template = extract()
    _write(template, TEMPLATE)
    for language, locale in LANGUAGES.items():
        path = po_path(language)
        if language == DEFAULT_LANGUAGE:
            catalog = Catalog(locale=locale, domain=DOMAIN, project="Stillnight")
            for message in template:
                if message.id:
                    catalog.add(message.id, message.id, message.locations, context=message.context)
        else:
            catalog = _read(path, locale) if path.exists() else Catalog(locale=locale)
            catalog.update(template, no_fuzzy_matching=True)
        _write(catalog, path)


@dataclass(frozen=True)
class Finding:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _key(message: Message) -> tuple[str | None, str]:
    ident = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, ident


def check() -> list[Finding]:
    """What is wrong with the catalogs: a stale template, a text missing from a language or
    left over in it, an empty translation, fields or markup that differ from the source."""
    fresh = extract()
    findings: list[Finding] = []
    wanted = {_key(m) for m in fresh if m.id}
    written = {_key(m) for m in _read(TEMPLATE, "en") if m.id} if TEMPLATE.exists() else set()
    name = TEMPLATE.name
    findings += [Finding(name, f"not in the template: {k[1]!r}") for k in _sorted(wanted - written)]
    stale = _sorted(written - wanted)
    findings += [Finding(name, f"no longer in the code: {k[1]!r}") for k in stale]

    for language, locale in LANGUAGES.items():
        findings += list(_check_language(language, locale, fresh))
    return findings


def _check_language(language: str, locale: str, fresh: Catalog) -> Iterator[Finding]:
    path = po_path(language)
    if not path.exists():
        yield Finding(language, f"no catalog at {path.relative_to(ROOT)}")
        return
    catalog = _read(path, locale)
    have = {_key(m): m for m in catalog if m.id}
    for message in fresh:
        if not message.id:
            continue
        found = have.get(_key(message))
        if found is None:
            yield Finding(language, f"missing: {_key(message)[1]!r}")
            continue
        yield from _compare(language, message, found)
    for key in _sorted(set(have) - {_key(m) for m in fresh if m.id}):
        yield Finding(language, f"unused: {key[1]!r}")


def _sorted(keys: set[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    return sorted(keys, key=str)


def _compare(language: str, source: Message, translated: Message) -> Iterator[Finding]:
    sources = source.id if isinstance(source.id, tuple) else (source.id,)
    targets = translated.string if isinstance(translated.string, tuple) else (translated.string,)
    label = repr(sources[0][:60])
    for target in targets:
        if not target:
            yield Finding(language, f"not translated: {label}")
            continue
        if {f for f in _FIELD.findall(target)} - {f for s in sources for f in _FIELD.findall(s)}:
            yield Finding(language, f"fields differ from the source: {label}")
        if sorted(_TAG.findall(target)) != sorted(_TAG.findall(sources[0])):
            yield Finding(language, f"markup differs from the source: {label}")


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        update()
        return 0
    if argv[1:] == ["check"]:
        findings = check()
        print("\n".join(map(str, findings)) or "The catalogs are complete.")
        return 1 if findings else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
