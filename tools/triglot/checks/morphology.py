"""Russian morphology: pymorphy3's analyzer, loaded once (its dictionary is slow to load and large)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pymorphy3


@functools.cache
def russian_analyzer() -> pymorphy3.MorphAnalyzer:
    """The one Russian ``MorphAnalyzer`` the checks share (term matching, numbers written as words)."""
    import pymorphy3  # on first use: the checks of other languages never load it

    return pymorphy3.MorphAnalyzer(lang="ru")
