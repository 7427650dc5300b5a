"""Transliteration: Japanese names in Russian follow the Polivanov system."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .model import Finding, Message
from .plain import plain_text
from .registry import CheckContext, check
from .words import words

FAMILY = "transliteration"
_NOT_POLIVANOV = re.compile(r"дж|ш|ч|щ", re.IGNORECASE)
# Hepburn-style Cyrillic (the usual mistake) to Polivanov: longest first.
_TO_POLIVANOV = [
    ("джа", "дзя"), ("джу", "дзю"), ("джо", "дзё"), ("дже", "дзе"), ("джи", "дзи"), ("дж", "дз"),
    ("ша", "ся"), ("шу", "сю"), ("шо", "сё"), ("ше", "се"), ("ши", "си"), ("ш", "с"),
    ("ча", "тя"), ("чу", "тю"), ("чо", "тё"), ("че", "те"), ("чи", "ти"), ("ч", "т"),
    ("щ", "с"),
]
# Letters that vary in careless Polivanov (е/э, ё/е, й/и): compared as one.
_LOOSE = str.maketrans({"э": "е", "ё": "е", "й": "и", "ы": "и"})


def polivanov(word: str) -> str:
    """*word* with Hepburn-style Cyrillic (ш, ч, щ, дж) turned into Polivanov spelling (с, т, с, дз)."""
    result = word.lower()
    for wrong, right in _TO_POLIVANOV:
        result = result.replace(wrong, right)
    return result


def _loose(word: str) -> str:
    return word.lower().translate(_LOOSE)


_NAMES_CACHE: dict[tuple[int, str], tuple[Any, tuple[frozenset[str], frozenset[str]]]] = {}


def japanese_names(glossary: Any, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of Japanese entries' renderings in *lang* (loosely spelled), and every accepted word as is."""
    cached = _NAMES_CACHE.get((id(glossary), lang))
    if cached is not None and cached[0] is glossary:
        return cached[1]
    stems: set[str] = set()
    accepted: set[str] = set()
    for entry in glossary.japanese():
        term = entry.term(lang)
        if term is None:
            continue
        for form in term.accepted:
            for word in words(form):
                accepted.add(word.lower())
                if len(word) >= 3:
                    stems.add(_loose(word))
    result = frozenset(stems), frozenset(accepted)
    _NAMES_CACHE[(id(glossary), lang)] = (glossary, result)
    return result


def _same_name(word: str, stem: str) -> bool:
    return word == stem or (len(stem) >= 4 and (word.startswith(stem[:-1]) and len(word) - len(stem) <= 2))


@check("translit-polivanov", FAMILY, "error", languages=["ru"], needs_glossary=True)
def polivanov_names(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A Japanese name or word in Russian is spelled with ш, ч, щ or дж instead of Polivanov's с, т, дз.

    Bad:  msgstr "премьер-министр Хашимото"   ("Кавагучи", "Ниши Хонганджи")
    Good: msgstr "премьер-министр Хасимото"   ("Кавагути", "Ниси Хонгандзи"; exceptions such as
          a traditional spelling are the glossary's accepted forms)
    """
    stems, accepted = japanese_names(ctx.glossary, ctx.lang)
    flagged = []
    for word in words(plain_text(message.msgstr)):
        lower = word.lower()
        if lower in accepted or not _NOT_POLIVANOV.search(lower):
            continue
        fixed = _loose(polivanov(lower))
        if any(_same_name(fixed, stem) for stem in stems) and word not in flagged:
            flagged.append(word)
    for word in flagged:
        yield ctx.finding(message, f"{word}: a Japanese name in Russian follows Polivanov "
                                   f"({polivanov(word).capitalize() if word[:1].isupper() else polivanov(word)})")
