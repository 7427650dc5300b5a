"""The Russian morphology dictionary is loaded once, for every check that needs it."""

from __future__ import annotations

import pymorphy3
import pytest

from triglot.checks import morphology, numbers, words


def test_term_matching_and_spelled_numbers_share_one_analyzer(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[pymorphy3.MorphAnalyzer] = []

    class Counted(pymorphy3.MorphAnalyzer):
        def __init__(self, *args: object, **kwargs: object) -> None:
            made.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pymorphy3, "MorphAnalyzer", Counted)
    cached = (morphology.russian_analyzer, words.lemmas, numbers.spelled_numbers)
    for function in cached:
        function.cache_clear()
    try:
        assert words.lemmas("реками") == frozenset({"река", "реками"})
        assert numbers.spelled_numbers("дюжинами", "ru") == frozenset({"12"})
        assert len(made) == 1
        assert morphology.russian_analyzer() is made[0]
    finally:
        for function in cached:
            function.cache_clear()
