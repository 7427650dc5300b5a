"""A PO writer whose output is byte-identical to GNU ``msgcat`` 0.21's.

The layout follows gettext's ``write-po.c``: comments in a fixed order,
references re-flowed to the page width, flags in gettext's order, strings
escaped and wrapped at 79 columns where the Unicode line-breaking rules
allow (:mod:`triglot.catalog.linebreak`), the closing quote counted and a
space kept at the end of a line, never inside a format directive of a
``python-format`` string (:mod:`triglot.catalog.formats`); obsolete entries
last.
"""

from __future__ import annotations

from collections.abc import Sequence

from .formats import unbreakable
from .linebreak import width_breaks
from .model import Catalog, Entry

PAGE_WIDTH = 79
# gettext 0.21's format flags, in the order msgcat prints them.
FORMATS = ["c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
           "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "pascal", "smalltalk",
           "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace", "php",
           "gcc-internal", "gfc-internal", "ycp"]
_FORMAT_ORDER = {f"{prefix}{name}-format": index
                 for index, name in enumerate(FORMATS) for prefix in ("", "no-", "possible-")}
_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v",
            "\\": "\\\\", '"': '\\"'}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def format_po(catalog: Catalog) -> bytes:
    """The catalog as msgcat writes it (UTF-8 bytes)."""
    chunks: list[str] = []
    active = [entry for entry in catalog.entries if not entry.obsolete]
    obsolete = [entry for entry in catalog.entries if entry.obsolete and entry.translations and entry.translations[0]]
    for entry in active:
        chunks.append(_format_entry(entry))
    for entry in obsolete:
        chunks.append(_format_entry(entry))
    return "\n".join(chunks).encode("utf-8")


def _format_entry(entry: Entry) -> str:
    lines: list[str] = []
    for comment in entry.comments:
        lines.extend(("# " + part if part else "#") for part in comment.split("\n"))
    lines.extend(("#. " + text if text else "#.") for text in entry.extracted)
    lines.extend(_references(entry.references))
    flags = _flags(entry)
    if flags:
        lines.append("#, " + ", ".join(flags))
    wrap = "no-wrap" not in entry.flags
    previous = "#~| " if entry.obsolete else "#| "
    for name, value in (("msgctxt", entry.previous_msgctxt), ("msgid", entry.previous_msgid),
                        ("msgid_plural", entry.previous_msgid_plural)):
        if value is not None:
            lines.extend(wrap_string(name, value, previous, wrap, entry.flags))
    prefix = "#~ " if entry.obsolete else ""
    if entry.msgctxt is not None:
        lines.extend(wrap_string("msgctxt", entry.msgctxt, prefix, wrap, entry.flags))
    lines.extend(wrap_string("msgid", entry.msgid, prefix, wrap, entry.flags))
    if entry.msgid_plural is None:
        lines.extend(wrap_string("msgstr", entry.msgstr, prefix, wrap, entry.flags))
    else:
        lines.extend(wrap_string("msgid_plural", entry.msgid_plural, prefix, wrap, entry.flags))
        for index, form in enumerate(entry.msgstr_plural):
            lines.extend(wrap_string(f"msgstr[{index}]", form, prefix, wrap, entry.flags))
    return "".join(line + "\n" for line in lines)


def _references(references: list[str]) -> list[str]:
    if not references:
        return []
    lines, current, column = [], "#:", 2
    for reference in references:
        while reference.startswith("./"):
            reference = reference[2:]
        width = len(reference) + 1
        if column > 2 and column + width > PAGE_WIDTH:
            lines.append(current)
            current, column = "#:", 2
        current += " " + reference
        column += width
    lines.append(current)
    return lines


def _flags(entry: Entry) -> list[str]:
    """The flags in msgcat's order: fuzzy (only on a translated entry), formats, range, no-wrap; then others."""
    fuzzy = entry.fuzzy and (any(entry.translations) if entry.obsolete else bool(entry.translations[0]))
    # msgcat writes a "possible-" format flag as the plain one.
    formats = sorted({flag.removeprefix("possible-") for flag in entry.flags if flag in _FORMAT_ORDER},
                     key=_FORMAT_ORDER.__getitem__)
    ranges = [flag for flag in entry.flags if flag.startswith("range:")][:1] if not entry.obsolete else []
    others = [flag for flag in entry.flags
              if flag not in _FORMAT_ORDER and not flag.startswith("range:")
              and flag not in ("fuzzy", "wrap", "no-wrap")]
    no_wrap = ["no-wrap"] if "no-wrap" in entry.flags else []
    return (["fuzzy"] if fuzzy else []) + formats + ranges + no_wrap + others


def wrap_string(name: str, value: str, prefix: str = "", wrap: bool = True, flags: Sequence[str] = ()) -> list[str]:
    """The lines of ``name "value"`` as msgcat wraps them after *prefix* (``#~ ``, ``#| ``…).

    *flags* are the entry's: a format flag keeps its directives whole.
    """
    after_break = len(prefix) + 1
    width = (PAGE_WIDTH if wrap else 1 << 30) - 1 - after_break
    portions = value.split("\n")
    texts = [part + "\n" for part in portions[:-1]] + ([portions[-1]] if portions[-1] or len(portions) == 1 else [])
    in_directives = unbreakable(value, flags) if flags and value else set()
    lines: list[str] = []
    first_line = True
    offset = 0
    for number, portion in enumerate(texts):
        escaped = portion.translate(_ESCAPE_TABLE)
        prohibited = _escape_interiors(escaped)
        if in_directives:
            prohibited |= _escaped_positions(portion, offset, in_directives)
        offset += len(portion)
        if portion.endswith("\n"):
            prohibited.add(len(escaped) - 2)
        if first_line:
            start = len(prefix) + len(name) + 2 - after_break
            breaks = _breaks(escaped, width, start, prohibited)
            if escaped and (number < len(texts) - 1 or start > width or breaks):
                lines.append(f'{prefix}{name} ""')
                first_line = False
                breaks = _breaks(escaped, width, 0, prohibited)
        else:
            breaks = _breaks(escaped, width, 0, prohibited)
        head = f"{prefix}{name} " if first_line else prefix
        first_line = False
        bounds = [0, *breaks, len(escaped)]
        for index in range(len(bounds) - 1):
            lines.append(f'{head if index == 0 else prefix}"{escaped[bounds[index]:bounds[index + 1]]}"')
    return lines


def _escaped_positions(portion: str, offset: int, indexes: set[int]) -> set[int]:
    """Where the characters of *portion* (at *offset* in its string) listed in *indexes* start once escaped."""
    positions, column = set(), 0
    for index, char in enumerate(portion):
        if offset + index in indexes:
            positions.add(column)
        column += 2 if char in _ESCAPES else 1
    return positions


def _escape_interiors(escaped: str) -> set[int]:
    """Positions of the second character of each backslash escape (no break there)."""
    if "\\" not in escaped:
        return set()
    result, index = set(), escaped.find("\\")
    while index >= 0:
        result.add(index + 1)
        index = escaped.find("\\", index + 2)
    return result


def _breaks(escaped: str, width: int, start: int, prohibited: set[int]) -> list[int]:
    if start + len(escaped) <= width and escaped.isascii():
        return []
    return width_breaks(escaped, width, start, prohibited)
