"""Typesetting conventions from data: no-break spaces, where a footnote mark stands, one range mark."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .conventions import pattern, quoted_spans, rules
from .model import Catalog, Finding, Message
from .plain import NOTE_REFERENCE, plain_text
from .registry import CheckContext, check
from .typography import minority_styles

FAMILY = "typography"

_WORD_BEFORE = re.compile(r"\S*$")
_WORD_AFTER = re.compile(r"\S*")


@check("typo-nbsp", FAMILY, "warning", languages=["ru"])
def no_break_space(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """An ordinary space where the language's typesetting wants a no-break space (U+00A0).

    Russian: after initials (Т.\\u00a0Хиросэ), after «№» and «§», between a number
    and «г.», «гг.», «в.», «т.», inside «т.\\u00a0д.», after «С.», «Т.», «P.», «Vol.» before a page or volume.
    Bad:  msgstr "Т. Хиросэ отмечает", "в 1997 г.", "№ 12"
    Good: msgstr "Т.\\u00a0Хиросэ отмечает", "в 1997\\u00a0г.", "№\\u00a012"
    """
    text = plain_text(message.msgstr)
    quoted = quoted_spans(text, latin_only=True)  # a quoted English reading is given as written
    places = []
    for rule in rules("no_break_space", ctx.lang) or ():
        for match in pattern(rule["pattern"]).finditer(text):
            start = match.start("space")
            if not any(begin < start < end for begin, end in quoted):
                before, after = _WORD_BEFORE.search(text[:start]).group(), _WORD_AFTER.match(text[start + 1:]).group()
                places.append(f"{rule['where']} («{before} {after}»)")
    if places:
        yield ctx.finding(message, "an ordinary space where a no-break space (U+00A0) belongs: " + "; ".join(places))


@check("typo-note-position", FAMILY, "warning", languages=["ru", "ja"])
def note_position(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A footnote mark after a full stop or comma, or after a space (Russian and Japanese put it before them).

    Bad:  msgstr "…в 1905 году».\\\\ [2]_ Жители"     "…регионе [5]_."     "…強調した。\\\\ [7]_"
    Good: msgstr "…в 1905 году»\\\\ [2]_. Жители"     "…регионе\\\\ [5]_."  "…強調した\\\\ [7]_。"
    """
    convention = rules("note_mark", ctx.lang)
    text = message.msgstr
    for match in NOTE_REFERENCE.finditer(text):
        mark = match.group().lstrip("\\ ")
        before = text[:match.start()]
        if not before:
            continue
        if before[-1] in convention["before"] and not _after_abbreviation(before, convention["abbreviations"]):
            yield ctx.finding(message, f"the note mark {mark} after {before[-1]!r}: put it before the punctuation "
                                       f"(and after a closing quotation mark)")
        elif not match["escape"] and before[-1].isspace():
            yield ctx.finding(message, f"a space before the note mark {mark}: attach it to the word "
                                       f"(write \\ {mark})")


def _after_abbreviation(before: str, abbreviations: list[str]) -> bool:
    return any(pattern(f"(?:{regex})$").search(before) for regex in abbreviations)


@check("typo-ja-range", FAMILY, "warning", scope="catalog", languages=["ja"])
def japanese_range(catalog: Catalog, ctx: CheckContext) -> Iterator[Finding]:
    """A catalog writes ranges of numbers in Japanese text with more than one mark (〜, ～, –, -): keep one.

    Bad:  "（1876～1948年）" in one message, "7〜8世紀" in another
    Good: "（1876〜1948年）" and "7〜8世紀"
    """
    convention = rules("range_marks", ctx.lang)
    marks = "".join(re.escape(mark) for mark in convention["marks"])
    # Not a dotted number (7.0.5-2008) nor a date (2014-01-21).
    ranges = re.compile(rf"(?<![\d.-])\d+[ \u00a0]?([{marks}])[ \u00a0]?\d+(?![\d.]|-\d)")
    context = pattern(convention["context"])
    usage: list[tuple[Message, str]] = []
    for message in catalog.messages:
        if not message.translated:
            continue
        text = plain_text(message.msgstr)
        used = [match[1] for match in ranges.finditer(text)
                if context.match(text[match.start() - 1: match.start()] or " ") or context.match(text[match.end(): match.end() + 1] or " ")]
        if used:
            usage.append((message, max(used, key=used.count)))
    for message, mark, main, count in minority_styles(usage, convention["marks"][0]):
        yield ctx.finding(message, f"a range written with {mark} (U+{ord(mark):04X}); the catalog's other ranges use "
                                   f"{main} (U+{ord(main):04X}, {count} messages): use one range mark")
