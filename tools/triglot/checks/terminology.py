"""Terminology from the glossary: approved terms present, forbidden ones absent, ``:term:`` texts right."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .model import Finding, Message
from .plain import plain_text
from .registry import CheckContext, check
from .words import TermMatcher, lemmas, words

FAMILY = "terminology"
_TERM_ROLE = re.compile(r":term:`(?P<body>(?:[^`\\]|\\.)+)`")
_TITLE_TARGET = re.compile(r"^(?P<title>.+?)\s*<(?P<target>[^<>]*)>$", re.DOTALL)


def source_terms(glossary: Any, text: str) -> list[tuple[Any, str]]:
    """Glossary entries whose source-language term occurs in *text*, with the words found.

    The longest match wins an overlap ("Silk Road diplomacy" over "Silk Road").
    """
    source = glossary.source_language
    matcher = TermMatcher(source)
    plain = plain_text(text)
    text_words = words(plain)
    hits: list[tuple[int, int, Any]] = []
    for entry in glossary:
        term = entry.term(source)
        if term is None:
            continue
        for start, end in matcher.spans(plain, term.accepted):
            hits.append((start, end, entry))
    hits.sort(key=lambda hit: (-(abs(hit[1] - hit[0])), hit[0]))
    taken: list[tuple[int, int]] = []
    entries: list[tuple[Any, str]] = []
    for start, end, entry in hits:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        surface = plain[start:end] if matcher.by_characters else " ".join(text_words[start:end])
        if all(entry is not e for e, _ in entries):
            entries.append((entry, surface))
    return entries


# A letter of an alphabet: kana and kanji may touch a quoted Latin word ("Otani Kozuiは").
_ALPHABETIC = r"[^\W\d_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"


def _quoted(surface: str, text: str) -> bool:
    """True if *text* keeps the source words *surface* as they are (a cited title or spelling)."""
    pattern = r"\W+".join(re.escape(word) for word in surface.split())
    return bool(re.search(rf"(?<!{_ALPHABETIC}|\d){pattern}(?!{_ALPHABETIC}|\d)", text))


@check("term-missing", FAMILY, "warning", needs_glossary=True)
def missing_term(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A glossary term of the msgid is not rendered with its approved term (any inflected form counts).

    Bad:  msgid "Japan's soft power"   msgstr "«гибкая власть» Японии"
    Good: msgid "Japan's soft power"   msgstr "мягкой силы Японии"   (a form of «мягкая сила»)
    (A translation that keeps the source words as they are, citing a title or a spelling, passes.)
    """
    matcher = TermMatcher(ctx.lang)
    target_text = plain_text(message.msgstr)
    for entry, surface in source_terms(ctx.glossary, message.msgid):
        term = entry.term(ctx.lang)
        if term is None or matcher.contains(target_text, term.accepted) or _quoted(surface, target_text):
            continue
        yield ctx.finding(message, f"the glossary term {entry.term(ctx.glossary.source_language).term!r} is "
                                   f"not rendered as {term.term!r} ({entry.location})")


@check("term-forbidden", FAMILY, "error", needs_glossary=True)
def forbidden_term(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """The translation uses a rendering the glossary forbids.

    Bad:  msgstr "политика софт пауэр"
    Good: msgstr "политика мягкой силы"
    """
    matcher = TermMatcher(ctx.lang)
    text = plain_text(message.msgstr)
    for item, entry in ctx.glossary.forbidden(ctx.lang):
        if matcher.contains(text, [item.term]):
            preferred = entry.term(ctx.lang).term
            yield ctx.finding(message, f"{item.term!r} is forbidden, write {preferred!r}: {item.reason}")


@check("term-role", FAMILY, "error", needs_glossary=True)
def term_role(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A ``:term:`` of the translation names no glossary term, or its display text is not that term's rendering.

    Bad:  msgstr ":term:`мягкая сила`"   or ":term:`Большая игра <soft power>`"
    Good: msgstr ":term:`мягкой силы <soft power>`"
    """
    glossary = ctx.glossary
    matcher = TermMatcher(ctx.lang)
    for match in _TERM_ROLE.finditer(message.msgstr):
        body = match["body"]
        titled = _TITLE_TARGET.match(body)
        display, target = (titled["title"], titled["target"]) if titled else (body, body)
        entry = glossary.lookup(glossary.source_language, " ".join(target.split()))
        if entry is None:
            yield ctx.finding(message, f"{match.group()} points at {target!r}, which is not a glossary term "
                                       f"(write :term:`<translation> <English term>`)")
            continue
        term = entry.term(ctx.lang)
        if term is None or matcher.contains(display, term.accepted) or _partial(display, term.accepted, ctx.lang):
            continue
        yield ctx.finding(message, f"{match.group()}: the display text is not a form of the glossary's "
                                   f"{term.term!r}")


def _partial(display: str, accepted: tuple[str, ...], lang: str) -> bool:
    """A shortened display (``:term:`культурная <cultural diplomacy>` и публичная``): words of the term only."""
    if lang.split("_")[0] == "ja":
        return any(display in form or form in display for form in accepted)
    shown = [lemmas(w) for w in words(display)]
    for form in accepted:
        keys = set().union(*(lemmas(w) for w in words(form)))
        if shown and all(key & keys for key in shown):
            return True
    return False
