"""Translations written into reStructuredText source text, where each message stands.

Sphinx gives each translatable node's msgid (its raw text with line breaks
made spaces) and the line it starts near; this module finds that text in
the source file, in document order, as the whole text of its block: from
the start of a line, after its indentation and at most two constructs'
markers (a list item's bullet or number, ``* -`` in a list table, a
footnote's or citation's label, a directive's name, a field's name, a line
block's bar), to the end of a line. There it writes the translation (continuation lines indented as the
original's; a title's adornment resized to the new title's width).

A message kept in the source language (untranslated, or refused by the
build's checks) keeps its text and, if it is a paragraph, a title or a
rubric, gets a comment after its block (``.. triglot: untranslated …``), at
the indentation that keeps it inside the same list item or footnote. A
message whose text cannot be found so (a grid table's cell, a term of a
definition list…) is left as it is and reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Where a block's text may start on its first line: indentation, then at most one construct's marker.
_PREFIX = (r"[ \t]*(?:[-*+\u2022\u2023\u2043][ \t]+|(?:\d+|[A-Za-z#]|[ivxlcdmIVXLCDM]+)[.)][ \t]+|\(\w+\)[ \t]+"
           r"|\.\.[ \t]+\[[^\]\n]+\][ \t]+|\.\.[ \t]+[\w:.-]+[ \t]*::[ \t]+|:[^:\n]+:[ \t]+|\|[ \t]+){0,2}")
_DIRECTIVE = re.compile(r"[ \t]*\.\.[ \t]+[\w:.-]+[ \t]*::")
_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1*[ \t]*$")
COMMENTED_KINDS = frozenset({"paragraph", "title", "rubric"})
GLOSSARY_TERM = "glossary_term"  # a term of a Sphinx glossary (``.. glossary::``), as opposed to a definition list's
UNTRANSLATED = "triglot: untranslated, kept in the source language ({source})"
REFUSED = "triglot: translation refused as unsafe, kept in the source language ({source})"


@dataclass(frozen=True)
class SourceMessage:
    """A translatable node of a source file: its kind, line, msgid, and the translation the build used (None: none)."""

    kind: str
    line: int | None
    msgid: str
    translation: str | None
    refused: bool = False


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def message_pattern(msgid: str) -> re.Pattern[str]:
    """The msgid as written in a source file: each space may be a line break with the next line's indentation."""
    body = "".join(r"(?:[ ]|[ \t]*\n[ \t]*)" if char == " " else re.escape(char) for char in msgid)
    return re.compile(rf"^(?P<prefix>{_PREFIX})(?P<text>{body})[ \t]*$", re.MULTILINE)


def substitute(text: str, messages: list[SourceMessage], source_language: str) -> tuple[str, list[SourceMessage]]:
    """*text* with every message's translation written in (or its comment added); and the messages not found."""
    edits: list[_Edit] = []
    missing: list[SourceMessage] = []
    cursor = 0
    for message in dict.fromkeys(messages):  # a file included twice gives its messages twice
        match = _find(text, message, cursor, edits)
        if match is None:
            if _changes_the_file(message):
                missing.append(message)
            continue
        cursor = match.end()
        if message.translation is not None:
            if message.translation != message.msgid:
                edits += _translated(text, match, message)
        elif message.kind in COMMENTED_KINDS:
            edits.append(_comment(text, match, message, source_language))
    for edit in sorted(edits, key=lambda edit: (edit.start, edit.end), reverse=True):
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text, missing


def _changes_the_file(message: SourceMessage) -> bool:
    """Whether the message would change its file: a translation other than its source, or a comment."""
    if message.translation is not None:
        return message.translation != message.msgid
    return message.kind in COMMENTED_KINDS


def _find(text: str, message: SourceMessage, cursor: int, edits: list[_Edit]) -> re.Match[str] | None:
    """The message's text after *cursor* (document order), else anywhere not yet edited."""
    pattern = message_pattern(message.msgid)
    for start in (cursor, 0):
        for match in pattern.finditer(text, start):
            if not any(edit.start < match.end("text") and match.start("text") < edit.end for edit in edits):
                return match
    return None


def _translated(text: str, match: re.Match[str], message: SourceMessage) -> list[_Edit]:
    assert message.translation is not None
    original = match.group("text")
    if message.kind == "title":
        return _title(text, match, message.translation.replace("\n", " "))
    newline = re.search(r"\n[ \t]*", original)
    indent = newline.group(0) if newline else "\n" + " " * _width(match.group("prefix"))
    return [_Edit(match.start("text"), match.end("text"), message.translation.replace("\n", indent))]


def _title(text: str, match: re.Match[str], title: str) -> list[_Edit]:
    """The title written in, and its underline (and overline) made as wide as the new title line."""
    edits = [_Edit(match.start("text"), match.end("text"), title)]
    width = _width(match.group("prefix") + title)
    line_start = text.rfind("\n", 0, match.start()) + 1
    after = text.find("\n", match.end()) + 1
    under_end = text.find("\n", after) if after else -1
    under = text[after:under_end if under_end >= 0 else len(text)] if after else ""
    adornment = _ADORNMENT.match(under)
    if adornment:
        edits.append(_Edit(after, after + len(under), adornment.group(1) * width))
        before_end = line_start - 1
        before_start = text.rfind("\n", 0, max(before_end, 0)) + 1
        if before_end > 0 and text[before_start:before_end] == under:
            edits.append(_Edit(before_start, before_end, adornment.group(1) * width))
    return edits


def _comment(text: str, match: re.Match[str], message: SourceMessage, source_language: str) -> _Edit:
    """An RST comment after the message's block, inside the same list item, footnote or section."""
    prefix = match.group("prefix")
    column = len(prefix) - len(prefix.lstrip()) if _DIRECTIVE.match(prefix) else _width(prefix)
    position = text.find("\n", match.end()) + 1 or len(text)
    if message.kind == "title":  # after the underline
        position = text.find("\n", position) + 1 or len(text)
    while position < len(text):  # the block's own further lines (a directive's options, a nested block)
        end = text.find("\n", position) + 1 or len(text)
        line = text[position:end]
        if not line.strip() or len(line) - len(line.lstrip()) <= column:
            break
        position = end
    note = (REFUSED if message.refused else UNTRANSLATED).format(source=source_language)
    before = "" if text[:position].endswith("\n\n") or position == 0 else "\n"
    before = before if text[:position].endswith("\n") else "\n" + before
    following = text[position:text.find("\n", position) if "\n" in text[position:] else len(text)]
    after = "\n" if following.strip() else ""
    return _Edit(position, position, f"{before}{' ' * column}.. {note}\n{after}")


def _width(text: str) -> int:
    """Columns *text* takes, East Asian wide and full-width characters counting two (as docutils counts them)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
