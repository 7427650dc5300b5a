"""Line breaking as GNU gettext 0.21 does it (libunistring 1.0, UAX #14).

``msgcat`` fills each line of a string greedily up to the page width,
breaking only where the Unicode line-breaking rules allow it, with
libunistring's classes and character widths (``data/unicode.txt``, copied
from the library by :mod:`triglot.catalog.make_unicode_data`).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from importlib.resources import files
from itertools import accumulate

# libunistring 1.0's line-break classes that the rules below name.
AL, ID, HL, RI, ZWJ = 20, 23, 28, 29, 30
BK, CR, LF, CM, ZW, SP, CB, AI, SA, XX = 33, 34, 35, 36, 37, 38, 39, 40, 41, 42
HY, BA = 5, 3
_HL_BA = 100  # a Hebrew letter followed by a hyphen: no break after it (LB21a)
_DIRECT, _INDIRECT = 1, 2
_RESOLVE = {AI: AL, CB: ID, SA: AL, XX: AL}


class _Tables:
    """The pair table, and the class and width of every code point."""

    def __init__(self, text: str) -> None:
        sections: dict[str, list[str]] = {}
        current: list[str] = []
        for line in text.splitlines():
            if line.startswith("["):
                current = sections.setdefault(line.strip("[]"), [])
            elif line and not line.startswith("#"):
                current.append(line)
        self.pairs = [[int(value) for value in row] for row in sections["pairs"]]
        self.classes = _expand(sections["classes"])
        widths = _expand(sections["widths"])
        self.widths = widths.translate(bytes([0, 1, 2, 0]) + bytes(252))  # controls count 0
        # Per code point: the class with AI, CB, SA and XX resolved.
        self.resolved = bytes(_RESOLVE.get(value, value) for value in self.classes)
        # Characters that need the full rules (mandatory breaks, combining marks, joiners,
        # regional indicators, Hebrew), and those below U+1100 that are not one column wide.
        special = {BK, CR, LF, CM, ZW, ZWJ, RI, HL}
        self.special = frozenset(chr(code) for code, value in enumerate(self.resolved)
                                 if value in special and not 0xD800 <= code < 0xE000)
        self.low_not_narrow = frozenset(chr(code) for code in range(0x1100) if self.widths[code] != 1)


def _expand(lines: list[str]) -> bytearray:
    result = bytearray(0x110000)
    bounds = [(int(start, 16), int(value)) for start, value in (line.split() for line in lines)]
    for (start, value), (end, _) in zip(bounds, [*bounds[1:], (0x110000, 0)]):
        result[start:end] = bytes([value]) * (end - start)
    return result


@cache
def tables() -> _Tables:
    """The Unicode tables, read once on first use."""
    return _Tables(files("triglot.catalog").joinpath("data", "unicode.txt").read_text(encoding="ascii"))


def possible_breaks(text: str) -> list[int]:
    """For each character: 1 if a line may break before it, 2 if it must, else 0."""
    data = tables()
    resolved, pairs = data.resolved, data.pairs
    result = [0] * len(text)
    prev_prop = last_prop = BK
    seen_space = False
    ri_count = 0
    for index, char in enumerate(text):
        prop = resolved[ord(char)]
        if prop == BK or prop == LF or prop == CR:
            result[index] = 2
            prev_prop, last_prop, seen_space = prop, BK, False
        else:
            if prop == SP:
                seen_space = True
            elif prop == ZW:
                last_prop, seen_space = ZW, False
            elif prop == CM or prop == ZWJ:
                if last_prop == BK:
                    last_prop, seen_space = AL, False
                elif last_prop == ZW or seen_space:
                    result[index] = 1
                    last_prop, seen_space = AL, False
            else:
                if last_prop == BK or prev_prop == ZWJ or prev_prop == _HL_BA:
                    pass
                elif last_prop == ZW:
                    result[index] = 1
                elif last_prop == RI and prop == RI:
                    result[index] = 1 if seen_space or ri_count % 2 == 0 else 0
                else:
                    rule = pairs[last_prop][prop]
                    if rule == _DIRECT or (rule == _INDIRECT and seen_space):
                        result[index] = 1
                last_prop, seen_space = prop, False
            prev_prop = _HL_BA if prev_prop == HL and (prop == HY or prop == BA) else prop
        ri_count = ri_count + 1 if prop == RI else 0
    return result


def width_breaks(text: str, width: int, start_column: int, prohibited: set[int]) -> list[int]:
    """Where to break *text* so its lines fit *width* columns: the indexes that start a new line.

    The first line starts at *start_column*; indexes in *prohibited* never
    start a line. Like libunistring's ``ulc_width_linebreaks``, a piece
    wider than the line gets a line of its own.
    """
    data = tables()
    if text.isascii() and text.isprintable() or data.special.isdisjoint(text):
        return _simple_width_breaks(text, width, start_column, prohibited, data)
    marks = possible_breaks(text)
    for index in prohibited:
        marks[index] = 0
    widths = tables().widths
    breaks: list[int] = []
    last_p = -1
    last_column = start_column
    piece_width = 0
    for index, char in enumerate(text):
        mark = marks[index]
        if mark:
            if last_p >= 0 and last_column + piece_width > width:
                breaks.append(last_p)
                last_column = 0
            if mark == 2:
                last_p, last_column, piece_width = -1, 0, 0
                continue
            last_p = index
            last_column += piece_width
            piece_width = 0
        piece_width += widths[ord(char)]
    if last_p >= 0 and last_column + piece_width > width:
        breaks.append(last_p)
    return breaks


def _simple_width_breaks(text: str, width: int, start_column: int, prohibited: set[int], data: _Tables) -> list[int]:
    """:func:`width_breaks` for text without the characters that need the full rules.

    Without them, whether a line may break before a character depends only
    on it, the last non-space character before it and the spaces between,
    so only the break opportunities near each line's end are looked at.
    """
    resolved, pairs = data.resolved, data.pairs
    length = len(text)
    if text.isascii() and text.isprintable() or max(text) < "\u1100" and data.low_not_narrow.isdisjoint(text):
        columns = None
    else:
        columns = [0, *accumulate(data.widths[ord(char)] for char in text)]

    def fit_end(position: int, column: int) -> int:
        """The largest k such that text[position:k] fits after *column*."""
        room = width - column
        if columns is None:
            return min(length, position + max(room, 0)) if room >= 0 else position - 1
        return bisect_right(columns, columns[position] + room) - 1

    def opportunity(index: int) -> bool:
        if index in prohibited:
            return False
        prop = resolved[ord(text[index])]
        if prop == SP:
            return False
        before = index - 1
        while before >= 0 and resolved[ord(text[before])] == SP:
            before -= 1
        if before < 0:
            return False
        rule = pairs[resolved[ord(text[before])]][prop]
        return rule == _DIRECT or (rule == _INDIRECT and before < index - 1)

    breaks: list[int] = []
    position, column = 0, start_column
    while True:
        end = fit_end(position, column)
        if end >= length:
            return breaks
        found = next((index for index in range(min(end, length - 1), position, -1) if opportunity(index)), None)
        if found is None:
            found = next((index for index in range(max(end + 1, position + 1), length) if opportunity(index)), None)
            if found is None:
                return breaks
        breaks.append(found)
        position, column = found, 0
