"""Untrusted PO catalogs made safe for a build.

A translation reaches a build only when its markup is allowed by its msgid
(same node kind, same markup multiset, no directive, definition or
file-reading role the msgid lacks: :mod:`triglot.checks.markup`), it holds
no control character and it is of a sane length. Every other translation is
refused, with the PO file and the line of its msgstr, and the build falls
back to the source text for it. A catalog that is not a valid PO file
(:mod:`triglot.catalog.parse`) is refused whole.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polib
from babel.messages.pofile import read_po

from triglot.catalog.model import Entry
from triglot.catalog.parse import parse_po
from triglot.checks.markup import compare_markup, markup_of, unsafe_constructs
from triglot.checks.markup_checks import has_noqa, translation_text
from triglot.checks.model import Message
from triglot.errors import TriglotError

# A catalog larger than this is refused whole: no real article comes close.
MAX_CATALOG_BYTES = 32 * 1024 * 1024
# A translation longer than this many times its msgid (plus a margin) is refused.
MAX_GROWTH, GROWTH_MARGIN = 10, 2000
# C0/C1 controls and DEL; tab and newline are ordinary text in a msgstr.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Refusal:
    """A translation (or a whole catalog) kept out of the build, and why."""

    path: Path
    line: int | None
    msgid: str
    reason: str

    @property
    def location(self) -> str:
        """``file:line`` of the refused msgstr (or of the catalog's error)."""
        return f"{self.path}:{self.line}" if self.line else str(self.path)


@dataclass(frozen=True)
class SafeCatalog:
    """The translations a build may use (msgid → msgstr), and the refused ones."""

    messages: dict[str, str]
    refusals: tuple[Refusal, ...]


def markup_problems(msgid: str, msgstr: str) -> list[str]:
    """Why the markup of *msgstr* may not replace that of *msgid* in a build (empty when it may)."""
    text = translation_text(Message(Path(), 0, msgid, msgstr))
    source, translation = markup_of(msgid), markup_of(text)
    problems = []
    if translation.kind != source.kind:
        problems.append(f"it parses as {_kind(translation.kind)}, its source as {_kind(source.kind)}")
    elif translation.blocks > source.blocks:
        problems.append(f"it parses as {translation.blocks} blocks, its source as {source.blocks}")
    constructs = unsafe_constructs(msgid, text)
    if constructs:
        problems.append("directives, definitions or roles its source lacks: " + ", ".join(constructs))
    difference = compare_markup(source, translation)
    if difference.extra:
        problems.append("markup its source lacks: " + _listing(difference.extra))
    if difference.missing and not has_noqa(Message(Path(), 0, msgid, msgstr)):
        problems.append("markup of its source missing: " + _listing(difference.missing))
    return problems


def _kind(kind: str) -> str:
    if kind == "system_message":
        return "a docutils error"
    name = kind.replace("_", " ")
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


def _listing(items: Counter[str]) -> str:
    return ", ".join(sorted(items.elements()))


def new_control_characters(msgid: str, msgstr: str) -> list[str]:
    """Control characters (other than tab and newline) in *msgstr* but not in *msgid*, as ``U+XXXX``."""
    extra = set(_CONTROL.findall(msgstr)) - set(_CONTROL.findall(msgid))
    return [f"U+{ord(char):04X}" for char in sorted(extra)]


def text_refusal(msgid: str, msgstr: str) -> str | None:
    """Why *msgstr* is no text to stand for *msgid* whatever its markup (control characters, length), or None."""
    controls = new_control_characters(msgid, msgstr)
    if controls:
        return "the translation holds control characters: " + ", ".join(controls)
    if len(msgstr) > MAX_GROWTH * len(msgid) + GROWTH_MARGIN:
        return f"the translation is {len(msgstr)} characters long, its source {len(msgid)}"
    return None


def refusal_reason(msgid: str, msgstr: str) -> str | None:
    """Why a build may not use *msgstr* for *msgid*, or None when it may."""
    reason = text_refusal(msgid, msgstr)
    if reason:
        return reason
    try:
        problems = markup_problems(msgid, msgstr)
    except Exception as exc:  # noqa: BLE001 - a checker failure refuses, never lets through
        return f"the translation's markup could not be checked ({type(exc).__name__}: {exc})"
    if problems:
        return "markup not allowed by the source: " + "; ".join(problems)
    return None


def read_safe_catalog(path: Path, *, allow_fuzzy: bool = False,
                      judge: Callable[[str, str], str | None] = refusal_reason) -> SafeCatalog:
    """Read the untrusted catalog at *path*; keep the translations a build may use.

    *judge* gives the reason to refuse a translation (default: the article's
    markup rule; the interface catalogs have their own, see
    :mod:`triglot.interface`). Never raises for bad content: an unreadable or
    malformed catalog is one refusal, and the build then uses the source
    text throughout.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CATALOG_BYTES + 1)
    except OSError as exc:
        return SafeCatalog({}, (Refusal(path, None, "", f"catalog not readable: {exc.strerror}"),))
    if len(data) > MAX_CATALOG_BYTES:
        return SafeCatalog({}, (Refusal(path, None, "", f"catalog larger than {MAX_CATALOG_BYTES} bytes"),))
    try:
        catalog = parse_po(data, path)
    except TriglotError as exc:
        return SafeCatalog({}, (Refusal(path, exc.line, "", f"catalog not read: {exc.message}"),))
    messages: dict[str, str] = {}
    refusals: list[Refusal] = []
    for entry in catalog.messages:
        if not _used_by_builds(entry, allow_fuzzy):
            continue
        reason = judge(entry.msgid, entry.msgstr)
        if reason:
            refusals.append(Refusal(path, entry.msgstr_line or None, entry.msgid, reason))
        else:
            messages[entry.msgid] = entry.msgstr
    return SafeCatalog(messages, tuple(refusals))


def render_catalog(messages: dict[str, str], language: str) -> bytes:
    """A PO file holding exactly *messages*, with a minimal header of our own.

    Raises ValueError when Babel (the reader Sphinx uses) would not read back
    exactly *messages*: a build must use what was checked, nothing else.
    """
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for msgid, msgstr in messages.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    data = str(po).encode("utf-8")
    read_back = read_po(io.StringIO(data.decode("utf-8")), language, abort_invalid=True)
    if {message.id: message.string for message in read_back if message.id} != messages:
        raise ValueError("the sanitized catalog does not read back as written")
    return data


def _used_by_builds(entry: Entry, allow_fuzzy: bool) -> bool:
    """Sphinx looks up plain msgids only: no context, no plural, no obsolete entry."""
    return bool(
        entry.msgid
        and entry.msgstr
        and entry.msgctxt is None
        and entry.msgid_plural is None
        and (allow_fuzzy or not entry.fuzzy)
    )
