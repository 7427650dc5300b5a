"""Words and term matching: Russian in any inflected form (pymorphy3), other languages as written."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_UNSPACED_LANGUAGES = frozenset({"ja", "zh", "ko", "th"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


@functools.cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


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
    if _morph().word_is_known(lower):
        return frozenset({p.normal_form.replace("ё", "е") for p in _morph().parse(lower)} | {lower})
    head, dash, tail = lower.rpartition("-")
    if dash and head and _morph().word_is_known(tail):
        return frozenset({f"{head}-{p.normal_form.replace('ё', 'е')}" for p in _morph().parse(tail)} | {lower})
    return frozenset({lower})


def _english_key(word: str) -> str:
    key = re.sub(r"['’]s$", "", word)
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


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
        return [frozenset({_english_key(w)}) for w in words(text)]

    def spans(self, text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
        """Spans (start, end) of *text* where one of *forms* occurs: word indexes, character offsets for CJK forms."""
        found: list[tuple[int, int]] = []
        text_keys = None
        for form in forms:
            if self.by_characters or _CJK.search(form):
                haystack, needle = text.casefold(), form.casefold()
                start = haystack.find(needle)
                while start >= 0:
                    found.append((start, start + len(needle)))
                    start = haystack.find(needle, start + 1)
                continue
            if text_keys is None:
                text_keys = self.keys(text)
            form_keys = self.keys(form)
            if form_keys and self.lang != "ru" and form[:1].islower():
                form_keys[0] = form_keys[0] | {k[:1].upper() + k[1:] for k in form_keys[0]}
            if not form_keys:
                continue
            for start in range(len(text_keys) - len(form_keys) + 1):
                if all(text_keys[start + i] & key for i, key in enumerate(form_keys)):
                    found.append((start, start + len(form_keys)))
        return found

    def contains(self, text: str, forms: Iterable[str]) -> bool:
        """True if *text* holds one of *forms*."""
        return bool(self.spans(text, forms))
