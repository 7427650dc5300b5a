"""Plural forms: GNU gettext's rule for each language, and checking a catalog's ``Plural-Forms``.

The rules are data (``data/plural_forms.txt``, made by
:mod:`triglot.catalog.make_plural_data` from ``msginit``). A header's rule
is read with a small parser of gettext's C expression language (``n``,
integers, ``! * / % + - < > <= >= == != && || ?:`` and parentheses), never
with ``eval``: headers come from translators.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib.resources import files

_FIELD = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$", re.S)
_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))")
_BINARY = {  # operator: (precedence, function); C's precedence, higher binds tighter
    "||": (1, lambda a, b: int(bool(a) or bool(b))), "&&": (2, lambda a, b: int(bool(a) and bool(b))),
    "==": (3, lambda a, b: int(a == b)), "!=": (3, lambda a, b: int(a != b)),
    "<": (4, lambda a, b: int(a < b)), ">": (4, lambda a, b: int(a > b)),
    "<=": (4, lambda a, b: int(a <= b)), ">=": (4, lambda a, b: int(a >= b)),
    "+": (5, lambda a, b: a + b), "-": (5, lambda a, b: a - b),
    "*": (6, lambda a, b: a * b), "/": (6, lambda a, b: a // b), "%": (6, lambda a, b: a % b),
}
Rule = Callable[[int], int]
CHECKED_UP_TO = 1000  # the rule must give a form below nplurals for every n up to this


@cache
def _table() -> dict[str, str]:
    text = files("triglot.catalog").joinpath("data", "plural_forms.txt").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


def gnu_plural_forms(lang: str) -> str:
    """The ``Plural-Forms`` value ``msginit`` writes for *lang* (``pt_BR``, then ``pt``; two forms if unknown)."""
    table = _table()
    return table.get(lang) or table.get(lang.split("_")[0]) or "nplurals=2; plural=(n != 1);"


def plural_count(value: str) -> int:
    """The number of forms of a valid ``Plural-Forms`` value; ValueError says what is wrong with an invalid one."""
    match = _FIELD.match(value)
    if match is None:
        raise ValueError("expected 'nplurals=N; plural=EXPRESSION;'")
    count = int(match.group(1))
    if count < 1:
        raise ValueError("nplurals must be at least 1")
    rule = _Parser(match.group(2)).parse()
    for number in range(CHECKED_UP_TO + 1):
        try:
            form = rule(number)
        except ZeroDivisionError:
            raise ValueError(f"the plural expression divides by zero for n = {number}") from None
        if not 0 <= form < count:
            raise ValueError(f"the plural expression gives form {form} for n = {number}, beyond nplurals={count}")
    return count


def is_valid(value: str | None) -> bool:
    """Whether *value* is a ``Plural-Forms`` that ``msgfmt -c`` accepts."""
    if value is None:
        return False
    try:
        plural_count(value)
    except ValueError:
        return False
    return True


class _Parser:
    """Precedence climbing over gettext's plural expression grammar; builds a function of n."""

    def __init__(self, text: str) -> None:
        self.tokens: list[str] = []
        position = 0
        text = text.rstrip()
        while position < len(text):
            match = _TOKEN.match(text, position)
            if match is None or match.end() == position:
                raise ValueError(f"unexpected {text[position:].strip()[:10]!r} in the plural expression")
            self.tokens.append(match.group(match.lastindex or 0))
            position = match.end()
        self.position = 0

    def parse(self) -> Rule:
        rule = self.conditional()
        if self.position != len(self.tokens):
            raise ValueError(f"unexpected {self.tokens[self.position]!r} in the plural expression")
        return rule

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise ValueError(f"expected {expected or 'more'} in the plural expression")
        self.position += 1
        return token

    def conditional(self) -> Rule:
        test = self.binary(1)
        if self.peek() != "?":
            return test
        self.take("?")
        then = self.conditional()
        self.take(":")
        otherwise = self.conditional()
        return lambda n: then(n) if test(n) else otherwise(n)

    def binary(self, minimum: int) -> Rule:
        left = self.unary()
        while (token := self.peek()) in _BINARY and _BINARY[token][0] >= minimum:
            precedence, function = _BINARY[self.take()]
            right = self.binary(precedence + 1)
            left = (lambda f, a, b: lambda n: f(a(n), b(n)))(function, left, right)
        return left

    def unary(self) -> Rule:
        token = self.take()
        if token == "!":
            operand = self.unary()
            return lambda n: int(not operand(n))
        if token == "(":
            inner = self.conditional()
            self.take(")")
            return inner
        if token == "n":
            return lambda n: n
        if token.isdigit():
            value = int(token)
            return lambda n: value
        raise ValueError(f"unexpected {token!r} in the plural expression")
