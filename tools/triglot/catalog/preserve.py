"""Writing a merged catalog into the file a translation platform owns, changing only what the merge changed.

Zanata, Weblate, Transifex or Crowdin export catalogs their way (only the
translated entries, alphabetical order, no ``#:`` references, their own
wrapping, ``msgctxt`` hashes). In ``preserve`` mode an update keeps every
entry whose message did not change byte for byte, where it is, with the
blank lines around it, and the header as it is. It touches only what the
source change requires:

- a message whose text changed gets its fuzzy entry where the old one was;
- a new message is inserted after its predecessor in the document (or at
  its alphabetical place in a sorted catalog), if the catalog lists
  untranslated messages at all or the merge found it a translation;
- an old message the source no longer has becomes obsolete (``#~``), at
  the end, as gettext writes them; an untranslated one is dropped.

New and changed entries are written as ``msgcat`` writes them, with
references only if the catalog has references, in its own convention
(``../../pages/index.md:3``) when it can be seen, else relative to the file.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from .merge import EXACT, NEW, Merged, obsolete
from .model import Catalog, Entry
from .write import format_po


@dataclass(frozen=True)
class Style:
    """How a catalog's owner writes it."""

    sorted: bool  # messages in the order of their msgid
    translated_only: bool  # only translated messages are listed
    references: bool  # entries carry #: references
    reference_base: tuple[int, str] | None  # references are "../" * n + the path relative to this folder


def style_of(merged: Merged) -> Style:
    """The style of the old catalog of *merged*, seen in its entries."""
    messages = [entry for entry in merged.old.entries if not entry.obsolete and not entry.is_header]
    keys = [entry.msgid for entry in messages]
    references = any(entry.references for entry in merged.old.entries)
    return Style(
        sorted=len(keys) > 1 and all(first <= second for first, second in zip(keys, keys[1:])),
        translated_only=bool(messages) and all(entry.translated for entry in messages) and not references,
        references=references,
        reference_base=_reference_base(merged) if references else None,
    )


def _reference_base(merged: Merged) -> tuple[int, str] | None:
    """From an unchanged message's old and new references: how many "../" and from which folder."""
    for entry, (how, index) in zip(merged.messages, merged.origins):
        if how != EXACT or index is None or not entry.references:
            continue
        old = merged.old.entries[index].references
        if not old:
            continue
        written, absolute = old[0].rpartition(":")[0] or old[0], entry.references[0].rpartition(":")[0]
        ups = 0
        while written.startswith("../"):
            written, ups = written[3:], ups + 1
        if os.path.isabs(absolute) and absolute.endswith("/" + written):
            return ups, absolute[:-len(written)]
    return None


def preserved(merged: Merged, original: str, path: Path) -> str:
    """The text of the catalog at *path* (whose text was *original*) after the merge, changed only where needed."""
    style = style_of(merged)
    lines = original.split("\n")
    units: list[list[str]] = []  # the active entries, each with the blank lines before it
    unit_of: dict[int, int] = {}  # old entry index -> its unit
    keys: list[str] = []  # msgid of each unit (sorted catalogs)
    tail_obsolete: list[list[str]] = []
    previous_end = 0
    moved = {index: position for position, (how, index) in enumerate(merged.origins)
             if index is not None and how != EXACT}
    untouched = _untouched(merged)
    revived = {index for how, index in merged.origins if how == EXACT and index is not None} - untouched
    leftovers = set(merged.leftovers)
    changed = False
    for index, entry in enumerate(merged.old.entries):
        gap = lines[previous_end:entry.first_line - 1]
        if any(line.strip() for line in gap):  # a duplicate the reader dropped
            gap, changed = [""], True
        block = lines[entry.first_line - 1:entry.last_line]
        previous_end = entry.last_line
        if entry.obsolete and index not in moved and index not in revived:
            tail_obsolete.append(gap + block)
        elif entry.is_header or index in untouched:
            unit_of[index] = len(units)
            units.append(gap + block)
            keys.append(entry.msgid)
        elif index in moved and not entry.obsolete and not style.sorted:
            unit_of[index] = len(units)
            units.append(gap + _render(merged.results[moved[index]], style, path))
            keys.append(entry.msgid)
            changed = True
        elif index in leftovers:
            tail_obsolete.append([""] + _render(obsolete(entry), style, path))
            changed = True
        else:
            changed = True  # moved in a sorted catalog, revived, or untranslated and gone
    inserted = _insertions(merged, style, unit_of, keys)
    if not changed and not inserted:
        return original
    after: dict[int, list[list[str]]] = {}
    for anchor, entry in inserted:
        after.setdefault(anchor, []).append([""] + _render(entry, style, path))
    result: list[str] = []
    for number, unit in enumerate(units):
        result += unit
        for extra in after.get(number, []):
            result += extra
    for unit in tail_obsolete:
        result += unit
    return "\n".join(result + lines[previous_end:])


def _untouched(merged: Merged) -> set[int]:
    """Old active entries kept as they are: the same message as a template one."""
    return {index for how, index in merged.origins
            if how == EXACT and index is not None and not merged.old.entries[index].obsolete}


def _insertions(merged: Merged, style: Style, unit_of: dict[int, int], keys: list[str]) -> list[tuple[int, Entry]]:
    """The template messages that get a new entry, each with the unit it follows."""
    inserted = []
    anchor = 0  # the header's unit
    for entry, (how, index) in zip(merged.results, merged.origins):
        if index is not None and index in unit_of:
            anchor = unit_of[index]
            continue
        if how == NEW and style.translated_only:
            continue
        place = bisect_right(keys, entry.msgid, 1) - 1 if style.sorted else anchor
        inserted.append((place, entry))
    if style.sorted:
        inserted.sort(key=lambda item: (item[0], item[1].msgid))
    return inserted


def _render(entry: Entry, style: Style, path: Path) -> list[str]:
    """The lines msgcat writes for *entry*, with references as the catalog writes them."""
    entry = entry.clone()
    entry.references = [_reference(reference, style, path) for reference in entry.references] if style.references else []
    return format_po(Catalog([entry])).decode("utf-8").rstrip("\n").split("\n")


def _reference(reference: str, style: Style, path: Path) -> str:
    file, colon, line = reference.rpartition(":")
    if not colon or not os.path.isabs(file):
        return reference
    if style.reference_base is not None:
        ups, base = style.reference_base
        written = "../" * ups + os.path.relpath(file, base).replace(os.sep, "/")
    else:
        written = os.path.relpath(file, path.parent).replace(os.sep, "/")
    return f"{written}:{line}"
