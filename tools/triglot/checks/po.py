"""Read a PO file into a :class:`Catalog` of checkable messages, with :mod:`triglot.catalog`'s strict reader.

The reader rejects what GNU msgfmt rejects (a string line without its
opening quote, which polib silently mangles) and names the file and line, so
an unparsable catalog is reported instead of being checked wrongly.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from triglot.catalog import Catalog as PoCatalog
from triglot.catalog import Entry, read_po

from .model import Catalog, Message, ignored_ids

# Source file endings that myst-parser reads.
MARKDOWN_SUFFIXES = (".md", ".myst")


def read_catalog(path: Path, lang: str | None = None, root: Path | None = None) -> Catalog:
    """The catalog in *path*; *lang* defaults to its ``Language`` header, then its folder.

    Raises TriglotError (with the line) for a file that is not valid UTF-8 PO,
    not a regular file, or a symbolic link leading out of *root*.
    """
    return checkable(read_po(path, root=root), path, lang)


def checkable(po: PoCatalog, path: Path, lang: str | None = None) -> Catalog:
    """The checkable messages of *po*, already read from *path* (*lang* as for :func:`read_catalog`)."""
    language = lang or (po.header_field("Language") or "").strip() or _lang_from_path(path)
    messages = tuple(_message(entry, path) for entry in po.messages if entry.msgid)
    return Catalog(path, language, _with_myst(messages))


def _with_myst(messages: tuple[Message, ...]) -> tuple[Message, ...]:
    """*messages*, marked as MyST where every ``#:`` reference names a Markdown source.

    A message without references is marked as most of the catalog's messages with references are.
    """
    sourced = [all(_is_markdown(place) for place in m.occurrences) for m in messages if m.occurrences]
    default = sum(sourced) * 2 > len(sourced)
    return tuple(replace(m, myst=all(_is_markdown(place) for place in m.occurrences) if m.occurrences else default)
                 for m in messages)


def _is_markdown(reference: str) -> bool:
    """True if a ``#:`` reference (``path:line`` or ``path``) names a ``.md`` or ``.myst`` file."""
    path = reference.rsplit(":", 1)[0] if reference.rsplit(":", 1)[-1].isdigit() else reference
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def _lang_from_path(path: Path) -> str:
    parts = path.resolve().parts
    if "LC_MESSAGES" in parts:
        index = parts.index("LC_MESSAGES")
        if index > 0:
            return parts[index - 1]
    return ""


def _message(entry: Entry, path: Path) -> Message:
    msgstr = entry.msgstr if entry.msgid_plural is None else (entry.msgstr_plural or [""])[0]
    return Message(
        path=path,
        line=entry.msgstr_line or entry.line,
        msgid=entry.msgid,
        msgstr=msgstr,
        msgctxt=entry.msgctxt,
        fuzzy="fuzzy" in entry.flags,
        previous_msgid=entry.previous_msgid,
        occurrences=tuple(entry.references),
        ignored=ignored_ids(entry.flags, "\n".join(entry.comments)),
    )
