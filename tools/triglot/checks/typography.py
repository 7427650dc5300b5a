"""Typography per language: Russian quotes and dashes, Japanese punctuation and style, English quotes."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from .model import Catalog, Finding, Message
from .plain import plain_text
from .registry import CheckContext, check

FAMILY = "typography"

_INNER_RU = re.compile(r"„[^„“”«»]*“")
_WRONG_RU_QUOTES = re.compile(r"[\"“”]|(?<!\w)‘|’(?!\w)")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_SPACE_BEFORE_DASH = re.compile(r"(?<=\S) —")
_HYPHEN_AS_DASH = re.compile(r"(?<=\w) - (?=\w)")
_DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")
_SENTENCE_END = re.compile(r"[.!?][)\"'»”’]*$")
_JAPANESE = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f"
_JAPANESE_CHAR = re.compile(rf"[{_JAPANESE}]")
_ASCII_MARK = re.compile(r"[,.!?:;()\"]")
_CLOSERS = ")\"'」）』"
_DESU_MASU = re.compile(r"(?:です|ます|でした|ました|ません|でしょう|ましょう)(?=[。！？」）\s]|$)")
_DEARU = re.compile(r"(?:である|であった|ではない|であろう|だった|であり、)(?=[。、！？」）\s]|$)")
_STRAIGHT_DOUBLE = re.compile(r"\"")
_CURLY_DOUBLE = re.compile(r"[“”]")


@check("typo-ru-quotes", FAMILY, "warning", languages=["ru"])
def russian_quotes(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """Russian text uses «ёлочки» (inner „лапки“), not straight or English quotes.

    Bad:  msgstr "так называемая \\"мягкая сила\\""   or "так называемая “мягкая сила”"
    Good: msgstr "так называемая «мягкая сила»"
    """
    text = _INNER_RU.sub("", plain_text(message.msgstr))
    wrong = sorted({m.group() for m in _WRONG_RU_QUOTES.finditer(text) if _in_russian(text, m.start())})
    if wrong:
        yield ctx.finding(message, f"quotes {' '.join(wrong)} in Russian text: use «…» (inner „…“)")


def _in_russian(text: str, index: int) -> bool:
    """A quote mark used in Russian text: not one named in brackets "(‘)", not one inside a Latin-script citation."""
    before, after = text[index - 1: index], text[index + 1: index + 2]
    if before in "([«„" and after in ")]»“" and before and after:
        return False
    left = next((c for c in reversed(text[:index]) if c.isalpha()), "")
    right = next((c for c in text[index + 1:] if c.isalpha()), "")
    return _CYRILLIC.match(left) is not None or _CYRILLIC.match(right) is not None


@check("typo-ru-dash", FAMILY, "warning", languages=["ru"])
def russian_dash(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """Russian puts a no-break space before an em dash, and never uses a hyphen as a dash.

    Bad:  msgstr "Япония - страна"   or "Япония — страна" (an ordinary space before the dash)
    Good: msgstr "Япония\\u00a0— страна"
    """
    text = plain_text(message.msgstr)
    if _SPACE_BEFORE_DASH.search(text):
        yield ctx.finding(message, "an ordinary space before an em dash: use a no-break space (U+00A0)")
    if _HYPHEN_AS_DASH.search(text):
        yield ctx.finding(message, "a hyphen between spaces used as a dash: write \\u00a0— (no-break space, em dash)")


@check("typo-double-space", FAMILY, "warning")
def double_space(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """Two or more spaces in a row between words (unless the msgid has them too).

    Bad:  msgstr "мягкая  сила"
    Good: msgstr "мягкая сила"   ("…end.  Next" with [tool.triglot.typography] sentence_spacing = 2)
    """
    spacing = ctx.typography.sentence_spacing
    if doubled_spaces(plain_text(message.msgstr), spacing) and not doubled_spaces(plain_text(message.msgid), spacing):
        yield ctx.finding(message, "doubled space between words")


def doubled_spaces(text: str, sentence_spacing: int = 1) -> bool:
    """True if *text* has doubled spaces between words (with *sentence_spacing* 2, two after a sentence are right)."""
    return any(not (sentence_spacing == 2 and match.group() == "  "
                    and _SENTENCE_END.search(text[max(0, match.start() - 8):match.start()]))
               for match in _DOUBLE_SPACE.finditer(text))


@check("typo-ja-punctuation", FAMILY, "warning", languages=["ja"])
def japanese_punctuation(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """Japanese text uses the project's comma and full stop (、。 unless set otherwise) and full-width （）「」！？：.

    Bad:  msgstr "日本の外交(文化外交),そして\\"広報\\"."   (or "…，…．" where the project writes 、。)
    Good: msgstr "日本の外交（文化外交）、そして「広報」。"   (or "…，…．" with ja_punctuation = "，．")
    """
    comma, stop = ctx.typography.ja_punctuation
    text = plain_text(message.msgstr)
    marks = {m.group() for m in _ASCII_MARK.finditer(text) if m.group() not in (comma, stop) and _in_japanese(text, m.start())}
    marks |= {mark for mark in "、。，．" if mark in text and mark not in (comma, stop)}
    if marks:
        yield ctx.finding(message, f"{' '.join(sorted(marks))} in Japanese text: use {comma}{stop} and full-width "
                                   "（）「」！？：")


def _in_japanese(text: str, index: int) -> bool:
    """An ASCII mark that follows Japanese text (closing brackets between them allowed), or opens before it."""
    mark = text[index]
    if mark in "(\"":
        following = text[index + 1: index + 2]
        if _JAPANESE_CHAR.match(following):
            return True
    if mark == "(":
        return False
    position = index - 1
    while position >= 0 and text[position] in _CLOSERS:
        position -= 1
    return position >= 0 and _JAPANESE_CHAR.match(text[position]) is not None


@check("typo-ja-style", FAMILY, "warning", scope="catalog", languages=["ja"])
def japanese_style(catalog: Catalog, ctx: CheckContext) -> Iterator[Finding]:
    """One document mixes the である style with the です・ます style (academic prose uses である).

    Bad:  "…重要である。" and "…重要です。" in the same document
    Good: "…重要である。" and "…必要である。"
    """
    styles: dict[str, list[tuple[Message, str]]] = defaultdict(list)
    for message in catalog.messages:
        if not message.translated:
            continue
        text = plain_text(message.msgstr)
        polite, plain = len(_DESU_MASU.findall(text)), len(_DEARU.findall(text))
        if polite or plain:
            styles[message.document].append((message, "です・ます" if polite > plain else "である"))
    for document, marked in styles.items():
        # The document's style: the majority; on a tie, である (the academic norm).
        for message, style, main, count in minority_styles(marked, "である"):
            yield ctx.finding(message, f"{style} style in a document written in the {main} style "
                                       f"({count} messages{' in ' + document if document else ''})")


def minority_styles(marked: list[tuple[Message, str]], preferred: str) -> Iterator[tuple[Message, str, str, int]]:
    """Each message whose style is not the majority's, with its style, the main style and how many use that.

    On a tie the main style is *preferred*.
    """
    counts = Counter(style for _, style in marked)
    if len(counts) < 2:
        return
    main = max(counts, key=lambda style: (counts[style], style == preferred))
    for message, style in marked:
        if style != main:
            yield message, style, main, counts[main]


@check("typo-en-quotes", FAMILY, "warning", scope="catalog", languages=["en"])
def english_quotes(catalog: Catalog, ctx: CheckContext) -> Iterator[Finding]:
    """An English catalog mixes straight "…" and curly “…” double quotes: keep one style.

    Bad:  "the \\"Great Game\\"" in one message, "the “Great Game”" in another
    Good: "the “Great Game”" everywhere
    """
    usage: list[tuple[Message, str]] = []
    for message in catalog.messages:
        if not message.translated:
            continue
        text = plain_text(message.msgstr)
        straight, curly = len(_STRAIGHT_DOUBLE.findall(text)), len(_CURLY_DOUBLE.findall(text))
        if straight or curly:
            usage.append((message, "straight" if straight > curly else "curly"))
    for message, style, main, count in minority_styles(usage, "curly"):
        yield ctx.finding(message, f"{style} double quotes; the rest of the catalog uses {main} ones "
                                   f"({count} messages)")
