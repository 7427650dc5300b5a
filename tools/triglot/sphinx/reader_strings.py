"""The reader's interface strings (switcher, downloads, fallback marks) in each edition's language."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from babel import Locale


@cache
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("triglot.sphinx").joinpath("data/reader.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def reader_strings(lang: str, source_language: str) -> dict[str, str]:
    """The interface strings for an edition in *lang* (English where *lang* has none).

    ``{source}`` becomes the source language's name in *lang* ("英語"), ``{code}``
    its code in capitals ("EN"); ``{mark}`` is
    left for the template to fill.
    """
    table = _table()
    own = table.get(lang.split("_")[0])
    strings = {**table["en"], **(own or {})}
    source_name = Locale.parse(source_language).get_language_name(lang if own else "en") or source_language
    code = source_language.split("_")[0].upper()
    return {key: value.format(source=source_name, code=code, mark="{mark}") for key, value in strings.items()}
