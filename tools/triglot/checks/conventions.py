"""The conventions of each language that checks enforce, read from ``data/conventions.yaml``.

Rules are data: a language gets a rule by getting an entry in that file. The
helpers here compile its patterns once and answer per language.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml


@functools.cache
def conventions() -> dict[str, dict[str, Any]]:
    """The whole table, by section then language."""
    text = resources.files("triglot.checks").joinpath("data/conventions.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def rules(section: str, lang: str) -> Any:
    """The rules of *section* for *lang* (its base language), or None if it has none."""
    return conventions()[section].get(lang.split("_")[0])


@functools.cache
def pattern(regex: str) -> re.Pattern[str]:
    """*regex* compiled (cached)."""
    return re.compile(regex)


def without_translator_notes(text: str, lang: str) -> str:
    """*text* without its translator's notes («[Примеч. пер.: …]», 〔訳注：…〕): the translator's own words."""
    marker = rules("translator_notes", lang)
    return pattern(marker).sub(" ", text) if marker else text


_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|「[^「」]*」|\"[^\"]*\"")


def quoted_spans(text: str, latin_only: bool = False) -> list[tuple[int, int]]:
    """The spans of *text* in quotation marks (only those quoting Latin-script text, with *latin_only*)."""
    return [match.span() for match in _QUOTED.finditer(text)
            if not latin_only or re.search(r"[A-Za-z]", match.group())]


def without_quotations(text: str) -> str:
    """*text* with what it quotes blanked out: a quoted "P. 11" mentions a marker, it does not use one."""
    for start, end in quoted_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
