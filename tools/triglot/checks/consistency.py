"""Consistency: what is left to translate, and one text translated one way."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from .model import Catalog, Finding, Message
from .plain import plain_text
from .registry import CheckContext, check

FAMILY = "consistency"
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS_IDENTICAL = 4
_PROSE = 0.65  # below this share of letters, the text is code or a signature ("seq, [start,] stop [, step]")
_MIN_WORDS_SAME_TARGET = 4


@check("untranslated", FAMILY, "info", default=False, applies_to="untranslated")
def untranslated(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """The message has no translation yet (off by default: see ``triglot stats``).

    Bad:  msgid "Colophon"   msgstr ""
    Good: msgid "Colophon"   msgstr "Выходные сведения"
    """
    yield ctx.finding(message, "not translated")


@check("fuzzy", FAMILY, "warning", applies_to="fuzzy")
def fuzzy(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """The translation is marked fuzzy: Sphinx does not use it until a translator reviews it.

    Bad:  #, fuzzy / msgid "Editions"   msgstr "Издание"
    Good: msgid "Editions"   msgstr "Издания"   (reviewed, flag removed)
    """
    yield ctx.finding(message, "fuzzy: review the translation and remove the fuzzy flag")


@check("identical", FAMILY, "warning", two_languages=True)
def identical(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """The translation is the msgid unchanged, though it has words to translate (not in en_GB beside en).

    Bad:  msgid "The soft power of a country"   msgstr "The soft power of a country"
    Good: msgid "NHK"   msgstr "NHK"   (names, numbers, code and signatures may stay as they are)
    """
    if message.msgstr.strip() != message.msgid.strip():
        return
    text = plain_text(message.msgid)
    words = _WORD.findall(text)
    if len(words) >= _MIN_WORDS_IDENTICAL and sum(map(len, words)) >= _PROSE * len(text.strip()):
        yield ctx.finding(message, "the translation is identical to the source text")


@check("consistency-source", FAMILY, "warning", scope="corpus")
def one_source_two_ways(catalogs: Sequence[Catalog], ctx: CheckContext) -> Iterator[Finding]:
    """The same source text is translated differently in two catalogs (or contexts) of one language.

    Bad:  a.po: msgid "Parameters" msgstr "Paramètres"; b.po: msgid "Parameters" msgstr "Arguments"
    Good: both: msgstr "Paramètres"
    """
    by_source: dict[str, list[Message]] = defaultdict(list)
    for catalog in catalogs:
        for message in catalog.messages:
            if message.translated:
                by_source[message.msgid].append(message)
    for source, messages in by_source.items():
        variants = {m.msgstr for m in messages}
        if len(variants) < 2:
            continue
        for message in messages:
            other = next(m for m in messages if m.msgstr != message.msgstr)
            yield ctx.finding(message, f"translated differently at {other.path}:{other.line}: {_short(other.msgstr)}")


@check("consistency-target", FAMILY, "warning", scope="corpus")
def two_sources_one_way(catalogs: Sequence[Catalog], ctx: CheckContext) -> Iterator[Finding]:
    """Two different source sentences have the same translation (a copy-paste slip?).

    Bad:  msgid "Japan opened an embassy." / msgid "Japan closed an embassy."  both msgstr "Япония открыла посольство."
    Good: each msgid with its own translation
    """
    by_target: dict[str, list[Message]] = defaultdict(list)
    for catalog in catalogs:
        for message in catalog.messages:
            if message.translated and len(_WORD.findall(plain_text(message.msgid))) >= _MIN_WORDS_SAME_TARGET:
                by_target[message.msgstr.strip()].append(message)
    for messages in by_target.values():
        sources = {_normal(m.msgid) for m in messages}
        if len(sources) < 2:
            continue
        first = messages[0]
        for message in messages[1:]:
            if _normal(message.msgid) != _normal(first.msgid):
                yield ctx.finding(message, f"same translation as a different source at {first.path}:{first.line}: "
                                           f"{_short(first.msgid)}")


def _normal(text: str) -> str:
    """The words of *text*, lower-cased, a final plural or third-person "s" dropped ("Returns" = "Return")."""
    words = _WORD.findall(plain_text(text).casefold())
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
