"""Read a PO file into a :class:`Catalog`: polib for the format, plus a strict line check.

polib silently accepts a string line with a missing opening quote and keeps a
mangled string; GNU msgfmt rejects it. The line check rejects it too, so an
unparsable catalog is reported at its file and line instead of being checked
wrongly.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from triglot.errors import TriglotError

from .model import Catalog, Message, ignored_ids

_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD_LINE = re.compile(r'^(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+' + _STRING + r'[ \t]*$')
_CONTINUATION = re.compile(r'^[ \t]*' + _STRING + r'[ \t]*$')
_POLIB_LINE = re.compile(r"\(line (\d+)\)")


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    """The catalog in *path*; *lang* defaults to its ``Language`` header, then its folder.

    Raises TriglotError (with the line) for a file that is not valid UTF-8 PO.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TriglotError(f"cannot read: {exc.strerror}", path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TriglotError("not UTF-8 text; save the catalog as UTF-8", path, line) from None
    lines = text.splitlines()
    _validate_lines(lines, path)
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        match = _POLIB_LINE.search(str(exc))
        raise TriglotError(f"not a valid PO file: {exc}", path, int(match.group(1)) if match else None) from None
    language = lang or po.metadata.get("Language", "").strip() or _lang_from_path(path)
    messages = tuple(_message(entry, lines, path) for entry in po if not entry.obsolete and entry.msgid)
    return Catalog(path, language, messages)


def _validate_lines(lines: list[str], path: Path) -> None:
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not (_KEYWORD_LINE.match(stripped) or _CONTINUATION.match(stripped)):
            raise TriglotError(
                "not a PO line: expected a keyword (msgid, msgstr…) or a string in double quotes", path, number)


def _lang_from_path(path: Path) -> str:
    parts = path.resolve().parts
    if "LC_MESSAGES" in parts:
        index = parts.index("LC_MESSAGES")
        if index > 0:
            return parts[index - 1]
    return ""


def _msgstr_line(entry: polib.POEntry, lines: list[str]) -> int:
    for index in range(max(entry.linenum - 1, 0), len(lines)):
        if lines[index].startswith("msgstr"):
            return index + 1
    return entry.linenum


def _message(entry: polib.POEntry, lines: list[str], path: Path) -> Message:
    msgstr = entry.msgstr if not entry.msgid_plural else entry.msgstr_plural.get(0, "")
    return Message(
        path=path,
        line=_msgstr_line(entry, lines),
        msgid=entry.msgid,
        msgstr=msgstr,
        msgctxt=entry.msgctxt,
        fuzzy="fuzzy" in entry.flags,
        previous_msgid=entry.previous_msgid,
        occurrences=tuple(f"{file}:{line}" for file, line in entry.occurrences),
        ignored=ignored_ids(entry.flags, entry.tcomment or ""),
    )
