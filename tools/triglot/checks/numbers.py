"""Numbers and dates: the numbers of the msgid, in any of the target locale's forms, and no others."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from .conventions import without_translator_notes
from .model import Finding, Message
from .plain import plain_text
from .registry import CheckContext, check

FAMILY = "numbers"

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
# A number: digits, possibly grouped or with a decimal part; never part of a longer digit run,
# never the tail of an identifier (x86, Win32).
_NUMBER = re.compile(
    r"(?<![\dA-Za-zА-Яа-яЁё_.,])(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?!\d))+|\d+(?:[.,'’]\d+)*|\.\d+)(?!\d)"
)
_CJK_UNITS = re.compile(r"(?:(\d+)億)?(?:(\d+)万)?(?:(\d+)千)?(?<=[億万千])")
_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = re.compile(r"[〇一二三四五六七八九十百千万億]+")
_ROMAN = re.compile(r"\b[IVXLC]{1,7}\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[а-яё]")

_ENGLISH_WORDS = {
    "zero": 0, "none": 0, "no": 0, "pair": 2, "pairs": 2, "triple": 3, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1000000, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10,
    "once": 1, "twice": 2, "single": 1, "double": 2, "dozen": 12, "half": 2,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
_RUSSIAN_LEMMAS = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "сто": 100, "тысяча": 1000, "миллион": 1000000, "первый": 1, "второй": 2, "третий": 3,
    "четвёртый": 4, "пятый": 5, "оба": 2, "двое": 2, "трое": 3, "полтора": 1, "ноль": 0, "пара": 2,
}
_FRENCH_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "cent": 100, "mille": 1000,
    "premier": 1, "première": 1, "second": 2, "seconde": 2, "deuxième": 2, "troisième": 3,
    "zéro": 0, "aucun": 0, "aucune": 0, "paire": 2, "paires": 2, "couple": 2, "couples": 2, "triplet": 3,
}


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return None


def readings(token: str) -> frozenset[str]:
    """Every value *token* can stand for in some locale (grouped thousands, decimal comma or point)."""
    values: set[str] = set()
    if token.count(".") >= 2 and "," not in token:
        values.add(token)  # a version or a date written with dots
        values.update(part.lstrip("0") or "0" for part in token.split("."))
    compact = re.sub(r"[ \u00a0\u202f\u2009'’]", "", token)
    for group, point in ((",", "."), (".", ",")):
        candidate = compact
        if group in candidate and all(len(part) == 3 for part in candidate.split(group)[1:]):
            candidate = candidate.replace(group, "")
        candidate = candidate.replace(point, ".")
        value = _decimal(candidate)
        if value is not None:
            values.add(format(value, "f"))
    if not values:
        values.update(part.lstrip("0") or "0" for part in re.split(r"\D+", token) if part)
    return frozenset(values)


@functools.lru_cache(maxsize=65536)
def numbers_in(text: str) -> tuple[frozenset[str], ...]:
    """The numbers written with digits in *text* (markup removed), each as its set of readings."""
    plain = plain_text(text, keep_literals=True).translate(_FULLWIDTH)
    if any(unit in plain for unit in "億万千"):  # every match of _CJK_UNITS ends after one of them
        plain = _CJK_UNITS.sub(_cjk_value, plain)
    return tuple(readings(match.group(1)) for match in _NUMBER.finditer(plain))


def _cjk_value(match: re.Match[str]) -> str:
    """``3万`` as `` 30000 ``, ``1億2000万`` as `` 120000000 ``."""
    if not any(match.groups()):
        return match.group(0)
    oku, man, sen = (int(match.group(i) or 0) for i in (1, 2, 3))
    return f" {oku * 10**8 + man * 10**4 + sen * 1000} "


def _kanji_value(text: str) -> int | None:
    total, section, digit = 0, 0, None
    for char in text:
        if char in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[char]
        elif char in _KANJI_UNITS:
            section += (digit if digit is not None else 1) * _KANJI_UNITS[char]
            digit = None
        elif char in "万億":
            total += (section + (digit or 0)) * (10**4 if char == "万" else 10**8)
            section, digit = 0, None
    return total + section + (digit or 0)


def _roman_value(text: str) -> int:
    values = [_ROMAN_VALUES[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


@functools.cache
def _morph():  # pragma: no cover - loaded once
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=65536)
def spelled_numbers(text: str) -> frozenset[str]:
    """Numbers written as words (English, French, Russian in any form), kanji or Roman numerals.

    These satisfy a number of the other side but are never reported as extra:
    words such as «один» or 一 have other meanings too.
    """
    plain = plain_text(text)
    values: set[int] = set()
    for word in _WORD.findall(plain):
        lower = word.lower()
        if lower in _ENGLISH_WORDS:
            values.add(_ENGLISH_WORDS[lower])
        elif lower in _FRENCH_WORDS:
            values.add(_FRENCH_WORDS[lower])
        elif _CYRILLIC.match(lower):
            lemma = _morph().parse(lower)[0].normal_form
            if lemma in _RUSSIAN_LEMMAS:
                values.add(_RUSSIAN_LEMMAS[lemma])
    values.update(v for v in (_kanji_value(m.group()) for m in _KANJI_NUMBER.finditer(plain)) if v is not None)
    values.update(_roman_value(m.group()) for m in _ROMAN.finditer(plain))
    return frozenset(str(v) for v in values)


def number_difference(msgid: str, msgstr: str) -> tuple[list[str], list[str]]:
    """Numbers of *msgid* absent from *msgstr*, and numbers of *msgstr* absent from *msgid*."""
    source, target = numbers_in(msgid), numbers_in(msgstr)
    target_values, source_values = set().union(*target), set().union(*source)
    missing = [r for r in source if not r & target_values]
    extra = [r for r in target if not r & source_values]
    if missing:  # only then look for numbers written as words
        target_values |= spelled_numbers(msgstr)
        missing = [r for r in missing if not r & target_values]
    if extra:
        source_values |= spelled_numbers(msgid)
        extra = [r for r in extra if not r & source_values]
    missing, extra = [_shown(r) for r in missing], [_shown(r) for r in extra]
    return sorted(set(missing), key=_sort_key), sorted(set(extra), key=_sort_key)


def _shown(values: frozenset[str]) -> str:
    return min(values, key=lambda v: (len(v), v))


def _sort_key(value: str) -> tuple[int, str]:
    return (len(value), value)


def _describe(missing: list[str], extra: list[str]) -> str:
    parts = []
    if missing:
        parts.append("missing in the translation: " + ", ".join(missing))
    if extra:
        parts.append("not in the msgid: " + ", ".join(extra))
    return "; ".join(parts)


@check(FAMILY + "-mismatch", FAMILY, "warning")
def mismatch(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A number, percentage or year of the msgid is missing from the translation, or one is added.

    Bad:  msgid "in 1992, 30% of …"   msgstr "в 1993 году 3 % …"
    Good: msgid "in 1992, 30% of …"   msgstr "в 1992 году 30 % …"   (ja: 1992年、３０％)
    (A translator's note, «[Примеч. пер.: …]» or 〔訳注：…〕, is the translator's own words and is left out.)
    """
    missing, extra = number_difference(message.msgid, without_translator_notes(message.msgstr, ctx.lang))
    if missing or extra:
        yield ctx.finding(message, "numbers differ: " + _describe(missing, extra))


@check(FAMILY + "-fuzzy", FAMILY, "warning", applies_to="fuzzy")
def fuzzy_numbers(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A fuzzy translation whose numbers differ from its new msgid: update them before unfuzzying.

    Bad:  #, fuzzy / #| msgid "In 2003 …" / msgid "In 2004 …"   msgstr "В 2003 году …"
    Good: #, fuzzy / #| msgid "In 2003 …" / msgid "In 2004 …"   msgstr "В 2004 году …"
    """
    missing, extra = number_difference(message.msgid, without_translator_notes(message.msgstr, ctx.lang))
    if missing or extra:
        yield ctx.finding(message, "fuzzy translation with outdated numbers: " + _describe(missing, extra))
