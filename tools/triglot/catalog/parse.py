"""A strict PO reader: every line is checked, errors name the file and line.

polib and Babel accept some broken files silently (a msgstr line without its
opening quote becomes a mangled string); translations are untrusted input,
so this reader accepts only what GNU gettext accepts, and less: catalogs
must be UTF-8, have a well-formed header and no duplicate messages.
"""

from __future__ import annotations

import re
from pathlib import Path

from triglot.errors import TriglotError
from triglot.fs import MIB, read_input

from .model import Catalog, Entry

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[\s\"])\s*(.*)$")
_STRINGS = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*')
_ESCAPE = re.compile(r"\\(?:([ntrabfv\\\"'?])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.?))", re.S)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
           "\\": "\\", '"': '"', "'": "'", "?": "?"}
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:")
#: A catalog larger than this is refused before it is read (the largest real ones are a few MB).
MAX_CATALOG_BYTES = 16 * MIB


def read_po(path: Path, *, root: Path | None = None) -> Catalog:
    """Read and validate the PO or POT file at *path*.

    Raises TriglotError (with the file and line) for a file that is not valid
    UTF-8 PO, that leads out of *root* through a symbolic link, is not a
    regular file, or is larger than :data:`MAX_CATALOG_BYTES`.
    """
    try:
        data = read_input(path, root=root, limit=MAX_CATALOG_BYTES, what="catalog")
    except FileNotFoundError:
        raise TriglotError("cannot read the catalog: No such file or directory", path) from None
    return parse_po(data, path)


def parse_po(data: bytes, path: Path | str = "<catalog>") -> Catalog:
    """Parse the bytes of a PO file; raise TriglotError(file, line) on anything malformed."""
    text = _decode(data, path)
    catalog = _Parser(path).parse(text.split("\n"))
    _check_header(catalog, path)
    _check_duplicates(catalog, path)
    return catalog


def _decode(data: bytes, path: Path | str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        raise TriglotError("the file starts with a byte-order mark; save it as UTF-8 without BOM", path, 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TriglotError(
            "not UTF-8 text (invalid byte); catalogs must be UTF-8: convert with 'msgconv --to-code=UTF-8'",
            path, line,
        ) from None


def unescape(body: str, path: Path | str, line: int) -> str:
    """The value of a C-escaped PO string body (without its quotes)."""
    if "\\" not in body:
        return body

    def replace(match: re.Match[str]) -> str:
        simple, octal, hexa, bad = match.groups()
        if simple is not None:
            return _SIMPLE[simple]
        if octal is not None:
            return chr(int(octal, 8))
        if hexa is not None:
            return chr(int(hexa, 16) & 0xFF)
        raise TriglotError(f"invalid escape sequence '\\{bad}' in a string", path, line)

    return _ESCAPE.sub(replace, body)


class _Parser:
    """A line-by-line state machine over one file."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.entries: list[Entry] = []
        self.entry: Entry | None = None  # the entry being read
        self.stage = "comments"  # comments, keys (msgctxt/msgid seen), strings (msgstr seen)
        self.field: str | None = None  # where continuation strings go
        self.previous = False
        self.started = 0  # line where the entry being read began
        self.last = 0  # last line read of the entry being read

    def error(self, message: str, line: int) -> TriglotError:
        return TriglotError(message, self.path, line)

    def parse(self, lines: list[str]) -> Catalog:
        for number, raw in enumerate(lines, start=1):
            line = raw[:-1] if raw.endswith("\r") else raw
            self.line(line, number)
            if line.strip():
                self.last = number
        self.close(len(lines))
        return Catalog(self.entries)

    def close(self, number: int) -> None:
        entry = self.entry
        if entry is None:
            return
        if self.stage != "strings":
            message = ("msgid without a msgstr after it" if self.stage == "keys"
                       else "comments without a msgid and msgstr after them")
            raise self.error(message, entry.line or self.started or number)
        if entry.msgid_plural is not None and not entry.msgstr_plural:
            raise self.error("msgid_plural needs msgstr[0], msgstr[1], …", entry.line)
        entry.first_line, entry.last_line = self.started, self.last
        self.entries.append(entry)
        self.entry, self.stage, self.field = None, "comments", None

    def line(self, line: str, number: int) -> None:
        stripped = line.strip()
        if not stripped:
            return
        if line.startswith("#~"):
            self.obsolete_line(line[2:], number)
        elif line.startswith("#"):
            self.comment(line, number)
        elif line.startswith('"') or line.startswith(" ") and stripped.startswith('"'):
            self.continuation(stripped, number, obsolete=False)
        else:
            self.keyword(line, number, obsolete=False, previous=False)

    def comment(self, line: str, number: int) -> None:
        if self.entry is not None and self.stage == "keys":
            raise self.error("a comment between msgid and msgstr", number)
        if line.startswith("#|"):
            rest = line[2:].lstrip()
            self.previous_line(rest, number)
            return
        entry = self.start_comments(number)
        kind, text = line[1:2], line[2:]
        if kind == ".":
            entry.extracted.append(text[1:] if text.startswith(" ") else text)
        elif kind == ":":
            for item in text.split():
                if item not in entry.references:
                    entry.references.append(item)
        elif kind == ",":
            for flag in text.split(","):
                flag = flag.strip()
                if flag and flag not in entry.flags:
                    entry.flags.append(flag)
        else:
            body = line[1:]
            entry.comments.append(body[1:] if body.startswith(" ") else body)

    def start_comments(self, number: int) -> Entry:
        if self.entry is not None and self.stage == "strings":
            self.close(number)
        if self.entry is None:
            self.entry = Entry(msgid="")
            self.stage, self.field, self.started = "comments", None, number
        if self.stage != "comments":
            raise self.error("a comment between msgid and msgstr", number)
        return self.entry

    def previous_line(self, rest: str, number: int, obsolete: bool = False) -> None:
        if rest.startswith('"'):
            if not self.previous or self.field is None:
                raise self.error("a '#|' string without a previous msgid before it", number)
            self.append(rest, number)
            return
        self.start_comments(number)
        self.keyword(rest, number, obsolete=obsolete, previous=True)

    def obsolete_line(self, rest: str, number: int) -> None:
        if rest.startswith("|"):
            self.previous_line(rest[1:].lstrip(), number, obsolete=True)
            return
        rest = rest.strip()
        if not rest:
            return
        if rest.startswith('"'):
            self.continuation(rest, number, obsolete=True)
        else:
            self.keyword(rest, number, obsolete=True, previous=False)

    def continuation(self, text: str, number: int, obsolete: bool) -> None:
        if self.field is None or self.previous:
            raise self.error("a string line outside of msgid or msgstr", number)
        assert self.entry is not None
        if self.entry.obsolete != obsolete:
            raise self.error("an entry mixes obsolete '#~' lines with active ones", number)
        self.append(text, number)

    def append(self, text: str, number: int) -> None:
        value = self.strings(text, number)
        entry = self.entry
        assert entry is not None and self.field is not None
        if self.field.startswith("msgstr["):
            entry.msgstr_plural[-1] += value
        else:
            setattr(entry, self.field, getattr(entry, self.field) + value)

    def strings(self, text: str, number: int) -> str:
        body = text[1:-1]
        if len(text) >= 2 and text[0] == '"' and text[-1] == '"' and '"' not in body and not body.endswith("\\"):
            return unescape(body, self.path, number)
        position, parts = 0, []
        while position < len(text):
            match = _STRINGS.match(text, position)
            if match is None or match.end() == position:
                raise self.error(f"expected a string in double quotes, found {text[position:][:40]!r}", number)
            parts.append(unescape(match.group(1), self.path, number))
            position = match.end()
        if not parts:
            raise self.error("expected a string in double quotes", number)
        return "".join(parts)

    def keyword(self, line: str, number: int, obsolete: bool, previous: bool) -> None:
        match = _KEYWORD.match(line)
        if match is None:
            raise self.error(f"syntax error: expected msgid, msgstr, a comment or a string, found {line[:40]!r}",
                             number)
        keyword, index, rest = match.group(1), match.group(2), match.group(3)
        value = self.strings(rest, number)
        if previous:
            self.previous_keyword(keyword, value, number)
            return
        self.previous = False
        if keyword in ("msgctxt", "msgid"):
            self.start_key(keyword, value, number, obsolete)
            return
        entry = self.entry
        if entry is None or self.stage == "comments":
            raise self.error(f"{keyword} without a msgid before it", number)
        if entry.obsolete != obsolete:
            raise self.error("an entry mixes obsolete '#~' lines with active ones", number)
        if keyword == "msgid_plural":
            if self.stage != "keys" or entry.msgid_plural is not None:
                raise self.error("msgid_plural must follow msgid", number)
            entry.msgid_plural, self.field = value, "msgid_plural"
        elif index is None:
            if entry.msgid_plural is not None:
                raise self.error("a plural message needs msgstr[0], msgstr[1], … instead of msgstr", number)
            if self.stage == "strings":
                raise self.error("a second msgstr in one entry", number)
            entry.msgstr, entry.msgstr_line, self.field = value, number, "msgstr"
        else:
            if entry.msgid_plural is None:
                raise self.error(f"msgstr[{index}] in a message without msgid_plural", number)
            if int(index) != len(entry.msgstr_plural):
                raise self.error(f"msgstr[{index}] out of order: expected msgstr[{len(entry.msgstr_plural)}]", number)
            entry.msgstr_plural.append(value)
            entry.msgstr_line = entry.msgstr_line or number
            self.field = f"msgstr[{index}]"
        self.stage = "strings"

    def start_key(self, keyword: str, value: str, number: int, obsolete: bool) -> None:
        if self.entry is not None and self.stage == "strings":
            self.close(number)
        if self.entry is None:
            self.entry = Entry(msgid="")
            self.stage, self.started = "comments", number
        entry = self.entry
        if self.stage == "keys" and (keyword == "msgctxt" or entry.line):
            raise self.error(f"{keyword} where a msgstr was expected", number)
        if self.stage == "keys" and entry.obsolete != obsolete:
            raise self.error("an entry mixes obsolete '#~' lines with active ones", number)
        entry.obsolete = obsolete
        if keyword == "msgctxt":
            entry.msgctxt = value
        else:
            entry.msgid, entry.line = value, number
        self.stage, self.field = "keys", keyword

    def previous_keyword(self, keyword: str, value: str, number: int) -> None:
        entry = self.entry
        assert entry is not None
        names = {"msgctxt": "previous_msgctxt", "msgid": "previous_msgid", "msgid_plural": "previous_msgid_plural"}
        if keyword not in names:
            raise self.error(f"'#| {keyword}' is not a previous msgctxt, msgid or msgid_plural", number)
        if getattr(entry, names[keyword]) is not None:
            raise self.error(f"a second '#| {keyword}' in one entry", number)
        setattr(entry, names[keyword], value)
        self.field, self.previous = names[keyword], True


def _check_header(catalog: Catalog, path: Path | str) -> None:
    header = catalog.header
    if header is None:
        raise TriglotError('no header entry (msgid "") with the catalog\'s Content-Type', path, 1)
    line = header.msgstr_line or header.line
    for offset, text in enumerate(header.msgstr.split("\n")[:-1] if header.msgstr.endswith("\n")
                                  else header.msgstr.split("\n")):
        if not _HEADER_LINE.match(text):
            raise TriglotError(f"broken header: field {text[:40]!r} is not 'Name: value'", path, line)
    content_type = catalog.header_field("Content-Type")
    if content_type is None:
        raise TriglotError("the header has no Content-Type; add 'Content-Type: text/plain; charset=UTF-8'", path, line)
    match = re.search(r"charset=([^\s;]+)", content_type)
    if match is None or match.group(1) == "CHARSET":
        raise TriglotError("the header's Content-Type has no charset; use 'text/plain; charset=UTF-8'", path, line)
    if match.group(1).upper().replace("_", "-") not in ("UTF-8", "UTF8"):
        raise TriglotError(
            f"charset {match.group(1)} is not UTF-8; convert the file with 'msgconv --to-code=UTF-8'", path, line
        )


def _check_duplicates(catalog: Catalog, path: Path | str) -> None:
    """No message twice; an obsolete copy of an active message with the same translation is dropped.

    Weblate and Babel write such copies (``msgfmt`` refuses them); dropping
    one loses nothing, and the catalog then passes ``msgfmt -c``.
    """
    seen: dict[tuple[str | None, str], Entry] = {}
    redundant: set[int] = set()
    for entry in catalog.entries:
        first = seen.get(entry.key)
        if first is None:
            seen[entry.key] = entry
            continue
        copy, kept = (entry, first) if entry.obsolete else (first, entry)
        if copy.obsolete and not kept.obsolete and copy.translations == kept.translations:
            redundant.add(id(copy))
            seen[entry.key] = kept
            continue
        raise TriglotError(f"duplicate message definition (first defined at line {first.line})", path, entry.line)
    if redundant:
        catalog.entries = [entry for entry in catalog.entries if id(entry) not in redundant]
