"""Numbers and dates: the numbers of the msgid, in any of the target locale's forms, and no others."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from .conventions import rules, without_translator_notes
from .model import Finding, Message
from .morphology import russian_analyzer
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

# A time of day: 15:00, 9：30, 15時, 15時30分 (the hour and minute read as 15:00 and as 1500, "at 1500 hours");
# not 1時間 (an hour), 時期 (a period), 時代 (an era).
_TIME = re.compile(r"(?<![\d:.,])([01]?\d|2[0-3])(?:[:：]([0-5]\d)(?![\d:])|時(?:([0-5]?\d)分|(半))?(?![間期代]))")
# The numbers spelled out for each language: CLDR's cardinals and ordinals up to here, tens, and powers of ten.
_SPELLED_VALUES = (*range(101), 1000, 10**6, 10**9)


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
    """The numbers written with digits in *text* (markup removed), each as its set of readings; a time as one."""
    plain = plain_text(text, keep_literals=True).translate(_FULLWIDTH)
    if any(unit in plain for unit in "億万千"):  # every match of _CJK_UNITS ends after one of them
        plain = _CJK_UNITS.sub(_cjk_value, plain)
    plain, times = times_in(plain)
    return (*times, *(readings(match.group(1)) for match in _NUMBER.finditer(plain)))


def times_in(plain: str) -> tuple[str, list[frozenset[str]]]:
    """*plain* with its times of day blanked out, and each time's readings: 15:00 is also 1500 and 15時."""
    if ":" not in plain and "：" not in plain and "時" not in plain:
        return plain, []
    times = []
    for match in _TIME.finditer(plain):
        hour = int(match.group(1))
        minute = 30 if match.group(4) else int(match.group(2) or match.group(3) or 0)
        values = {f"{hour}:{minute:02}", str(hour * 100 + minute)}
        if not minute:
            values.add(str(hour))  # 15時 is also "15 o'clock"
        times.append(frozenset(values))
    return _TIME.sub(lambda match: " " * len(match.group()), plain), times


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
def number_words(lang: str) -> dict[str, frozenset[int]]:
    """The words that name a number in *lang*, lower-cased, with their values.

    CLDR's spelled-out cardinals and ordinals in every case and gender (from
    unicode-rbnf: "dos", "двух", "eighteenth"), the month names (Babel: "May"
    is 5) and the counting words of ``conventions.yaml`` ("decade", "pair").
    """
    from babel import Locale, UnknownLocaleError
    from unicode_rbnf import FormatPurpose, RbnfEngine
    from unicode_rbnf.engine import RbnfError

    found: dict[str, set[int]] = {}

    def add(word: str, value: int) -> None:
        found.setdefault(word.lower(), set()).add(value)

    supported = set(RbnfEngine.get_supported_languages())
    code = lang if lang in supported else lang.split("_")[0]
    if code in supported:
        engine = RbnfEngine.for_language(code)
        for value in _SPELLED_VALUES:
            for purpose in (FormatPurpose.CARDINAL, FormatPurpose.ORDINAL):
                try:
                    spelled = engine.format_number(value, purpose).text_by_ruleset.values()
                except (RbnfError, ValueError):  # no rule for this value or purpose (cs has no ordinals)
                    continue
                for text in spelled:
                    if _WORD.fullmatch(text):
                        add(text, value)
    try:
        months = Locale.parse(lang).months
    except (UnknownLocaleError, ValueError):
        months = {}
    for context in months.values():
        for number, name in context.get("wide", {}).items():
            if _WORD.fullmatch(name):
                add(name, number)
    for word, value in (rules("number_words", lang) or {}).items():
        add(word, value)
    return {word: frozenset(values) for word, values in found.items()}


@functools.lru_cache(maxsize=65536)
def spelled_numbers(text: str, lang: str) -> frozenset[str]:
    """Numbers written as words of *lang* (Russian in any form), kanji or Roman numerals.

    These satisfy a number of the other side but are never reported as extra:
    words such as «один» or 一 have other meanings too.
    """
    plain = plain_text(text)
    table = number_words(lang)
    values: set[int] = set()
    for word in _WORD.findall(plain):
        lower = word.lower()
        if lower in table:
            values |= table[lower]
        elif _CYRILLIC.match(lower) and lang.split("_")[0] == "ru":  # pymorphy3 knows Russian only
            values |= table.get(russian_analyzer().parse(lower)[0].normal_form, frozenset())
    values.update(v for v in (_kanji_value(m.group()) for m in _KANJI_NUMBER.finditer(plain)) if v is not None)
    values.update(_roman_value(m.group()) for m in _ROMAN.finditer(plain))
    return frozenset(str(v) for v in values)


def number_difference(msgid: str, msgstr: str, source_language: str = "en",
                      lang: str = "en") -> tuple[list[str], list[str]]:
    """Numbers of *msgid* (in *source_language*) absent from *msgstr* (in *lang*), and the reverse."""
    source, target = numbers_in(msgid), numbers_in(msgstr)
    target_values, source_values = set().union(*target), set().union(*source)
    missing = [r for r in source if not r & target_values]
    extra = [r for r in target if not r & source_values]
    if missing:  # only then look for numbers written as words
        target_values |= spelled_numbers(msgstr, lang)
        missing = [r for r in missing if not r & target_values]
    if extra:
        source_values |= spelled_numbers(msgid, source_language)
        extra = [r for r in extra if not r & source_values]
    missing, extra = [_shown(r) for r in missing], [_shown(r) for r in extra]
    return sorted(set(missing), key=_sort_key), sorted(set(extra), key=_sort_key)


def _shown(values: frozenset[str]) -> str:
    """The reading to show: a time as a time (9:30), otherwise the shortest."""
    return min(values, key=lambda v: (":" not in v, len(v), v))


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
    missing, extra = number_difference(message.msgid, without_translator_notes(message.msgstr, ctx.lang),
                                       ctx.source_language, ctx.lang)
    if missing or extra:
        yield ctx.finding(message, "numbers differ: " + _describe(missing, extra))


@check(FAMILY + "-fuzzy", FAMILY, "warning", applies_to="fuzzy")
def fuzzy_numbers(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A fuzzy translation whose numbers differ from its new msgid: update them before unfuzzying.

    Bad:  #, fuzzy / #| msgid "In 2003 …" / msgid "In 2004 …"   msgstr "В 2003 году …"
    Good: #, fuzzy / #| msgid "In 2003 …" / msgid "In 2004 …"   msgstr "В 2004 году …"
    """
    missing, extra = number_difference(message.msgid, without_translator_notes(message.msgstr, ctx.lang),
                                       ctx.source_language, ctx.lang)
    if missing or extra:
        yield ctx.finding(message, "fuzzy translation with outdated numbers: " + _describe(missing, extra))
