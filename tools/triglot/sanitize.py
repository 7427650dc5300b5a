"""Untrusted PO catalogs made safe for a build.

A translation reaches a build only when :mod:`triglot.refusal` (the
decision ``triglot check`` reports too) finds no problem with it. Every
other translation is refused, with the PO file and the line of its msgstr,
and the build falls back to the source text for it. A catalog that cannot
be read as a valid PO file (:func:`triglot.catalog.parse.read_po`: UTF-8,
well-formed, a regular file inside the project, of a bounded size) is
refused whole.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polib
from babel.messages.pofile import read_po

from triglot.catalog.model import Entry
from triglot.catalog.parse import read_po as read_catalog_file
from triglot.errors import TriglotError
from triglot.refusal import refusal_reason


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


def read_safe_catalog(path: Path, *, root: Path | None = None, allow_fuzzy: bool = False,
                      judge: Callable[[str, str], str | None] | None = None) -> SafeCatalog:
    """Read the untrusted catalog at *path*; keep the translations a build may use.

    *judge* gives the reason to refuse a translation (by default
    :func:`triglot.refusal.refusal_reason`, the one decision; the interface catalogs have their
    own, see :mod:`triglot.interface`). Never raises for bad content: a catalog that is unreadable, malformed,
    too large, not a regular file or a symbolic link leading out of *root*
    is one refusal, and the build then uses the source text throughout.
    """
    try:
        catalog = read_catalog_file(path, root=root)
    except TriglotError as exc:
        return SafeCatalog({}, (Refusal(path, exc.line, "", f"catalog not read: {exc.message}"),))
    messages: dict[str, str] = {}
    refusals: list[Refusal] = []
    for entry in catalog.messages:
        if not _used_by_builds(entry, allow_fuzzy):
            continue
        reason = (judge or refusal_reason)(entry.msgid, entry.msgstr)
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
