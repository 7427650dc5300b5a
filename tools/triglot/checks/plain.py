"""The running text of a message: its reStructuredText with the markup taken out.

Code, URLs and references become U+FFFC (a neutral placeholder that is
neither a letter, a digit nor a space), so that typography, number and term
checks look at the words a reader reads and nothing else.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from triglot.markup import TEXT_ROLES

PLACEHOLDER = "\ufffc"

_LITERAL = re.compile(r"``(?:[^`]|`(?!`))+``")
_NAME = r"(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*"
_ROLE = re.compile(rf"(?::(?P<role>{_NAME}):)?`(?P<body>(?:[^`\\]|\\.)+)`(?::(?P<suffix>{_NAME}):|(?P<link>__?))?")
_TITLE_TARGET = re.compile(r"^(?P<title>.+?)\s*<(?P<target>[^<>]*)>$", re.DOTALL)
#: A footnote or citation reference (``[1]_``, ``[#note]_``), with the escaped space before it.
NOTE_REFERENCE = re.compile(r"(?P<escape>\\ )?\[(?:#[\w.-]*|\*|\d+|[\w.-]+)\]_")
_SUBSTITUTION = re.compile(r"\|[^|\s](?:[^|]*[^|\s])?\|(?:__?)?")
# A URL ends at a space or at CJK text glued to it ("详见https://x.org/a约90%的用户").
_URL = re.compile(r"\b(?:https?|ftp|mailto):[^\s<>`\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]+")
_EMPHASIS = re.compile(r"(\*\*?)(?=\S)(.+?)(?<=\S)\1")
_ESCAPED_SPACE = re.compile(r"\\ ")
_ESCAPE = re.compile(r"\\(.)")

#: Roles whose text is read as words (display text), besides those with an explicit title.
_WORD_ROLES = TEXT_ROLES | {"term", "ref", "doc", "numref", "pubdate", ""}


@functools.lru_cache(maxsize=65536)
def plain_text(rst: str, keep_literals: bool = False) -> str:
    """*rst* as running text: role titles and link texts kept, code and references replaced by U+FFFC.

    With *keep_literals*, the content of inline literals stays (numbers written as code count).
    """
    text = rst
    for needle, pattern, replacement in STEPS[keep_literals]:
        if needle in text:  # every match of *pattern* contains *needle*: without it, nothing to replace
            text = pattern.sub(replacement, text)
    return text


def _literal_content(match: re.Match[str]) -> str:
    return f" {match.group()[2:-2]} "


def _role_text(match: re.Match[str]) -> str:
    role = (match["role"] or match["suffix"] or "").lower()
    body = match["body"]
    titled = _TITLE_TARGET.match(body)
    if match["link"]:
        return titled["title"] if titled else body
    if role.split(":")[-1] not in _WORD_ROLES:
        return PLACEHOLDER  # code: :meth:`assertWarns(warn, fun) <TestCase.assertWarns>`
    return titled["title"] if titled else body.lstrip("~!")


def _steps(keep_literals: bool) -> tuple[tuple[str, re.Pattern[str], Any], ...]:
    """The substitutions of :func:`plain_text`, in order, each with a string that every match of its pattern holds."""
    return (
        ("``", _LITERAL, _literal_content if keep_literals else PLACEHOLDER),
        ("`", _ROLE, _role_text),
        ("]_", NOTE_REFERENCE, PLACEHOLDER),
        ("|", _SUBSTITUTION, PLACEHOLDER),
        (":", _URL, PLACEHOLDER),
        ("*", _EMPHASIS, r"\2"),
        ("\\", _ESCAPED_SPACE, ""),
        ("\\", _ESCAPE, r"\1"),
    )


#: :func:`plain_text`'s substitutions, without and with *keep_literals*.
STEPS = {False: _steps(False), True: _steps(True)}
