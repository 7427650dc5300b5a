"""The punctuation the interface puts around the text it composes, per language (``data/punctuation.yaml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("triglot").joinpath("data/punctuation.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def punctuate(kind: str, text: str, lang: str) -> str:
    """*text* as a ``label`` ("Download: ", "ダウンロード：") or a ``gloss`` (" (sofuto pawā)", "（sofuto pawā）") in *lang*."""
    table = _table()
    return table.get(lang.split("_")[0], table["en"])[kind].format(text=text)
