"""Format directives in strings flagged ``python-format`` or ``python-brace-format``.

``msgcat`` never breaks a line inside a format directive of a string its
flags say is a format string (``% d`` in "10% de" of a ``#, python-format``
entry). These are ports of the directive scanners of GNU gettext 0.21
(``format-python.c``, ``format-python-brace.c``): they return where each
valid directive starts and ends; like gettext, the ``%`` scan stops at the
first invalid directive, whose characters may be broken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Span = tuple[int, int]  # first and last index of a directive
_FLAGS = ("-", "+", " ", "#", "0")
_PYTHON_CONVERSIONS = set("%csridouxXeEfgG")
_BRACE = re.compile(r"\{[A-Za-z0-9_]+\}")
# gettext's format flags in the order of its format table: the first that applies is the one used.
_ORDER = ("c", "objc", "python", "python-brace")


def python_directives(text: str) -> list[Span]:
    """The valid ``%`` directives of *text*, as ``format-python.c`` finds them."""
    spans: list[Span] = []
    named = unnamed = 0
    position, length = 0, len(text)
    while position < length:
        if text[position] != "%":
            position += 1
            continue
        start, name = position, None
        position += 1
        if position < length and text[position] == "(":
            depth, position = 0, position + 1
            while position < length and not (text[position] == ")" and depth == 0):
                depth += {"(": 1, ")": -1}.get(text[position], 0)
                position += 1
            if position >= length:
                return spans
            name, position = text[start + 2:position], position + 1
        while position < length and text[position] in _FLAGS:
            position += 1
        for precision in (False, True):
            if precision:
                if position >= length or text[position] != ".":
                    break
                position += 1
            if position < length and text[position] == "*":
                if named:
                    return spans  # named and unnamed arguments mixed
                unnamed, position = unnamed + 1, position + 1
            else:
                position = _digits(text, position)
        if position < length and text[position] in "hlL":
            position += 1
        if position >= length or text[position] not in _PYTHON_CONVERSIONS:
            return spans
        if name is not None:
            if unnamed:
                return spans
            named += 1
        elif text[position] != "%":
            if named:
                return spans
            unnamed += 1
        spans.append((start, position))
        position += 1
    return spans


def _digits(text: str, position: int) -> int:
    """After the run of ASCII digits at *position*."""
    while position < len(text) and text[position] in "0123456789":
        position += 1
    return position


def brace_directives(text: str) -> list[Span]:
    """The ``{name}`` directives of *text*, as gettext 0.21's ``format-python-brace.c`` finds them.

    That version knows only a name or a number between braces: ``{0!r}``,
    ``{x:>10}`` or ``{a.b}`` are text to it, and never stop the scan.
    """
    return [(match.start(), match.end() - 1) for match in _BRACE.finditer(text)]


def unbreakable(text: str, flags: Iterable[str]) -> set[int]:
    """Indexes of *text*'s characters that a line may not start with: those inside a directive, after its first."""
    formats = {flag[:-len("-format")].removeprefix("possible-") for flag in flags
               if flag.endswith("-format") and not flag.startswith("no-")}
    first = next((name for name in _ORDER if name in formats), None)
    if first == "python":
        spans = python_directives(text)
    elif first == "python-brace":
        spans = brace_directives(text)
    else:
        return set()
    return {index for start, end in spans for index in range(start + 1, end + 1)}
