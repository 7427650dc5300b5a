"""Words and term matching: Russian in any inflected form (pymorphy3), other languages as written."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
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
    """Every dictionary form *word* may be (Russian, via pymorphy3); other words lower-cased; ё read as е."""
    lower = word.lower().replace("ё", "е")
    if not _CYRILLIC.search(lower):
        return frozenset({lower})
    forms = {parse.normal_form.replace("ё", "е") for parse in _morph().parse(lower)}
    return frozenset(forms | {lower})


def _english_key(word: str) -> str:
    lower = re.sub(r"['’]s$", "", word.lower())
    return lower[:-1] if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss") else lower


class TermMatcher:
    """Finds a term's accepted forms in text: by lemma sequence in Russian, by words elsewhere, as substrings in CJK."""

    def __init__(self, lang: str) -> None:
        self.lang = lang.split("_")[0]

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
            if _CJK.search(form):
                start = text.find(form)
                while start >= 0:
                    found.append((start, start + len(form)))
                    start = text.find(form, start + 1)
                continue
            if text_keys is None:
                text_keys = self.keys(text)
            form_keys = self.keys(form)
            if not form_keys:
                continue
            for start in range(len(text_keys) - len(form_keys) + 1):
                if all(text_keys[start + i] & key for i, key in enumerate(form_keys)):
                    found.append((start, start + len(form_keys)))
        return found

    def contains(self, text: str, forms: Iterable[str]) -> bool:
        """True if *text* holds one of *forms*."""
        return bool(self.spans(text, forms))
