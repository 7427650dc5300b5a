"""How alike two source strings are, and finding the most alike among many."""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SHORT = 120  # below this many characters, compare characters too


def tokens(text: str) -> list[str]:
    """Words and punctuation marks, lower-cased."""
    return _TOKEN.findall(text.lower())


def similarity(old: str, new: str) -> float:
    """0..1: the share of characters (short strings) or words (long ones) the two have in common."""
    if old == new:
        return 1.0
    words = SequenceMatcher(None, tokens(old), tokens(new), autojunk=False).ratio()
    if len(old) + len(new) <= 2 * _SHORT:
        return max(words, SequenceMatcher(None, old, new, autojunk=False).ratio())
    return words


def word_edits(old: str, new: str) -> int:
    """How many words (runs of non-spaces) were replaced, inserted or deleted to turn *old* into *new*."""
    matcher = SequenceMatcher(None, old.split(), new.split(), autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


class Index:
    """Candidates for a fuzzy match, found through the rarest words they share."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.token_sets = []
        for number, text in enumerate(texts):
            words = set(tokens(text))
            self.token_sets.append(words)
            for word in words:
                self.postings[word].append(number)

    def best(self, text: str, threshold: float, usable: set[int], limit: int = 3) -> list[tuple[float, int]]:
        """Up to *limit* (score, index) of usable texts at least *threshold* alike, best first."""
        words = set(tokens(text))
        if not words:
            return []
        rare = sorted((word for word in words if word in self.postings), key=lambda word: len(self.postings[word]))
        counts: dict[int, int] = defaultdict(int)
        for word in rare[:6]:
            for number in self.postings[word]:
                if number in usable:
                    counts[number] += 1
        shortlist = []
        for number in counts:
            other = self.token_sets[number]
            dice = 2 * len(words & other) / (len(words) + len(other))
            if dice >= threshold - 0.25:
                shortlist.append((dice, number))
        shortlist.sort(reverse=True)
        scored = [(similarity(self.texts[number], text), number) for _, number in shortlist[:limit * 2]]
        return sorted((item for item in scored if item[0] >= threshold), reverse=True)[:limit]
