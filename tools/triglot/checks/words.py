"""Words and term matching: Russian in any inflected form (pymorphy3), other languages as written."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Generic, TypeVar

from .morphology import russian_analyzer

T = TypeVar("T")

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_UNSPACED_LANGUAGES = frozenset({"ja", "zh", "ko", "th"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def words(text: str) -> list[str]:
    """The words of *text*, in order (hyphenated words kept whole)."""
    return _WORD.findall(text)


@functools.lru_cache(maxsize=262144)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form *word* may be (Russian, via pymorphy3); other words lower-cased; ё read as е.

    A Russian word the dictionary does not know (most names) is only itself:
    pymorphy3's guesses would make «Кодзуи» a form of «Кодзуй». The glossary
    lists such words' forms. In a hyphenated word the last part is inflected
    («пресс-клубе» is a form of «пресс-клуб»).
    """
    lower = word.lower().replace("ё", "е")
    if not _CYRILLIC.search(lower):
        return frozenset({lower})
    if russian_analyzer().word_is_known(lower):
        return frozenset({p.normal_form.replace("ё", "е") for p in russian_analyzer().parse(lower)} | {lower})
    head, dash, tail = lower.rpartition("-")
    if dash and head and russian_analyzer().word_is_known(tail):
        return frozenset({f"{head}-{p.normal_form.replace('ё', 'е')}" for p in russian_analyzer().parse(tail)} | {lower})
    return frozenset({lower})


@functools.lru_cache(maxsize=262144)
def _word_key(word: str) -> frozenset[str]:
    """The comparison key of a word of a language other than Russian: a final plural "s" or "'s" taken off."""
    key = re.sub(r"['’]s$", "", word)
    return frozenset({key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key})


class TermMatcher:
    """Finds a term's accepted forms in text.

    Russian: by lemma sequence (any inflected form). Japanese, Chinese, Korean:
    as substrings. Other languages: word by word, a final plural "s" or
    possessive "'s" allowed, case kept except that a term written in lower case
    may start with a capital (at the start of a sentence).
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang.split("_")[0]
        self.by_characters = self.lang in _UNSPACED_LANGUAGES

    def keys(self, text: str) -> list[frozenset[str]]:
        """One set of comparison keys per word of *text*."""
        if self.lang == "ru":
            return [lemmas(w) for w in words(text)]
        return [_word_key(w) for w in words(text)]

    def by_substring(self, form: str) -> bool:
        """True when *form* is looked for as a substring (CJK), not word by word."""
        return self.by_characters or bool(_CJK.search(form))

    def form_keys(self, form: str) -> list[frozenset[str]]:
        """The keys of *form*'s words; a form in lower case may also start with a capital (a sentence's start)."""
        form_keys = self.keys(form)
        if form_keys and self.lang != "ru" and form[:1].islower():
            form_keys[0] = form_keys[0] | {k[:1].upper() + k[1:] for k in form_keys[0]}
        return form_keys

    def spans(self, text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
        """Spans (start, end) of *text* where one of *forms* occurs: word indexes, character offsets for CJK forms."""
        found: list[tuple[int, int]] = []
        text_keys = None
        for form in forms:
            if self.by_substring(form):
                found += _substring_spans(text.casefold(), form.casefold())
                continue
            if text_keys is None:
                text_keys = self.keys(text)
            form_keys = self.form_keys(form)
            if not form_keys:
                continue
            for start in range(len(text_keys) - len(form_keys) + 1):
                if all(text_keys[start + i] & key for i, key in enumerate(form_keys)):
                    found.append((start, start + len(form_keys)))
        return found

    def contains(self, text: str, forms: Iterable[str]) -> bool:
        """True if *text* holds one of *forms*."""
        return bool(self.spans(text, forms))


def _substring_spans(haystack: str, needle: str) -> list[tuple[int, int]]:
    found = []
    start = haystack.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return found


class TermIndex(Generic[T]):
    """The forms of many terms, indexed by their first word's keys: a text is scanned once for all of them.

    Gives what :meth:`TermMatcher.spans` gives each term's forms, in one pass
    over the text's words instead of one per term (a glossary of hundreds of
    terms against tens of thousands of messages).
    """

    def __init__(self, lang: str, terms: Iterable[tuple[T, Iterable[str]]]) -> None:
        self.matcher = TermMatcher(lang)
        self._items: list[T] = []
        # Each form as (order of the form, number of its term, its words' keys).
        self._by_first_key: dict[str, list[tuple[int, int, tuple[frozenset[str], ...]]]] = defaultdict(list)
        self._substrings: list[tuple[int, int, str]] = []
        order = 0
        for number, (item, forms) in enumerate(terms):
            self._items.append(item)
            for form in forms:
                order += 1
                if self.matcher.by_substring(form):
                    self._substrings.append((order, number, form.casefold()))
                    continue
                keys = tuple(self.matcher.form_keys(form))
                for key in keys[0] if keys else ():
                    self._by_first_key[key].append((order, number, keys))

    def find(self, text: str) -> list[tuple[int, int, T]]:
        """Every (start, end, term) found in *text*, longest first, then by position, then in the terms' order.

        Positions are word indexes, character offsets for substring (CJK) forms.
        """
        hits = sorted(self._hits(text), key=lambda hit: (-(hit[1] - hit[0]), hit[0], hit[2]))
        return [(start, end, self._items[number]) for start, end, _order, number in hits]

    def terms_in(self, text: str) -> list[T]:
        """The terms with a form in *text*, each once, in the order they were given."""
        return [self._items[number] for number in sorted({number for *_span, number in self._hits(text)})]

    def _hits(self, text: str) -> list[tuple[int, int, int, int]]:
        """(start, end, order of the form, number of the term) of every form found in *text*."""
        hits: list[tuple[int, int, int, int]] = []
        if self._substrings:
            haystack = text.casefold()
            hits += [(start, end, order, number) for order, number, needle in self._substrings
                     for start, end in _substring_spans(haystack, needle)]
        if self._by_first_key:
            text_keys = self.matcher.keys(text)
            for start, keys in enumerate(text_keys):
                seen: set[int] = set()
                for key in keys:
                    for order, number, form_keys in self._by_first_key.get(key, ()):
                        end = start + len(form_keys)
                        if order in seen or end > len(text_keys):
                            continue
                        seen.add(order)
                        if all(text_keys[start + i] & form_keys[i] for i in range(1, len(form_keys))):
                            hits.append((start, end, order, number))
        return hits
