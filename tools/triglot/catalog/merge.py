"""Merging a new template into the catalogs of one language, losing no translation.

For each template message, in this order:

1. the same message in the old catalog (active, or obsolete: it is revived);
2. an old message at the same place in document order, whose text changed
   (old and new message sequences are aligned; the messages between two
   unchanged neighbours are paired by similarity, with a lower bar than a
   position-blind match would need); it comes back fuzzy with ``#| msgid``;
3. the same message in another catalog of the language (a paragraph moved
   between documents);
4. the most similar unused old translation anywhere in the language
   (similarity >= 0.6, like msgmerge), fuzzy.

Old translations used by nothing stay in their catalog as obsolete (``#~``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .model import Catalog, Entry
from .similarity import Index, similarity, word_edits

ALIGNED_THRESHOLD = 0.5  # similarity that pairs two messages at the same place
ALIGNED_WORD_EDITS = 2  # ... or so few changed words
GLOBAL_THRESHOLD = 0.6  # similarity for a match anywhere in the language
MAX_PAIRS = 400  # a larger gap between unchanged neighbours is searched through an index


@dataclass
class _Source:
    """An old entry that may give its translation, and where it came from."""

    entry: Entry
    catalog: int
    used: bool = False


@dataclass
class _Work:
    """One catalog being merged: the template, the old catalog and the result so far."""

    template: Catalog
    old: Catalog
    result: dict[int, Entry] = field(default_factory=dict)  # template position -> merged entry
    used: set[int] = field(default_factory=set)  # ids of old entries whose translation moved into result
    lent: set[int] = field(default_factory=set)  # ids of old entries lent to another catalog


def merge_language(pairs: list[tuple[Catalog, Catalog]]) -> list[Catalog]:
    """Merge each (template, old catalog) pair of one language; returns the new catalogs, in order."""
    works = [_Work(template, old) for template, old in pairs]
    for work in works:
        _exact(work)
        _aligned(work)
    _across(works)
    return [_assemble(work) for work in works]


def merge(template: Catalog, old: Catalog) -> Catalog:
    """Merge one template into one old catalog."""
    return merge_language([(template, old)])[0]


def _messages(template: Catalog) -> list[Entry]:
    return [entry for entry in template.entries if not entry.obsolete and not entry.is_header]


def _exact(work: _Work) -> None:
    by_key = {entry.key: entry for entry in work.old.entries if not entry.is_header}
    for position, new in enumerate(_messages(work.template)):
        old = by_key.get(new.key)
        if old is not None:
            work.result[position] = _keep(new, old)
            work.used.add(id(old))


def _aligned(work: _Work) -> None:
    """Pair the changed messages that sit between the same unchanged neighbours."""
    olds = work.old.messages
    news = _messages(work.template)
    matcher = SequenceMatcher(None, [entry.key for entry in olds], [entry.key for entry in news], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        candidates = [(index, entry) for index, entry in enumerate(olds[i1:i2])
                      if id(entry) not in work.used and any(entry.translations)]
        targets = [position for position in range(j1, j2) if position not in work.result]
        scored = []
        if len(candidates) * len(targets) <= MAX_PAIRS:
            for index, old in candidates:
                for position in targets:
                    score = similarity(old.msgid, news[position].msgid)
                    if score >= ALIGNED_THRESHOLD:
                        scored.append((score, -abs(position - j1 - index), position, old))
                    elif word_edits(old.msgid, news[position].msgid) <= ALIGNED_WORD_EDITS:
                        # Few words changed: place, not similarity, says which message it was.
                        scored.append((0.0, -abs(position - j1 - index), position, old))
        elif candidates and targets:
            index = Index([entry.msgid for _, entry in candidates])
            usable = set(range(len(candidates)))
            for position in targets:
                for score, found in index.best(news[position].msgid, ALIGNED_THRESHOLD, usable):
                    scored.append((score, 0, position, candidates[found][1]))
        for _, _, position, old in sorted(scored, key=lambda item: item[:3], reverse=True):
            if position in work.result or id(old) in work.used:
                continue
            work.result[position] = _fuzzy(news[position], old)
            work.used.add(id(old))


def _across(works: list[_Work]) -> None:
    """Fill what is left from the unused old translations of every catalog of the language."""
    pool: list[_Source] = []
    for number, work in enumerate(works):
        pool += [_Source(entry, number) for entry in work.old.entries
                 if not entry.is_header and id(entry) not in work.used and any(entry.translations)]
    if not pool:
        return
    by_msgid: dict[str, list[_Source]] = {}
    for source in pool:
        by_msgid.setdefault(source.entry.msgid, []).append(source)
    wanted: list[tuple[int, int, Entry]] = []
    for number, work in enumerate(works):
        for position, new in enumerate(_messages(work.template)):
            if position in work.result:
                continue
            same = next((source for source in by_msgid.get(new.msgid, []) if not source.used), None)
            if same is not None:
                work.result[position] = _keep(new, same.entry)
                _use(works, same, number)
            else:
                wanted.append((number, position, new))
    index = Index([source.entry.msgid for source in pool])
    usable = set(range(len(pool)))
    proposals = []
    for number, position, new in wanted:
        for score, found in index.best(new.msgid, GLOBAL_THRESHOLD, usable):
            proposals.append((score, number, position, found))
    for score, number, position, found in sorted(proposals, key=lambda item: item[0], reverse=True):
        work, source = works[number], pool[found]
        if position in work.result or source.used:
            continue
        work.result[position] = _fuzzy(_messages(work.template)[position], source.entry)
        _use(works, source, number)


def _use(works: list[_Work], source: _Source, number: int) -> None:
    source.used = True
    if source.catalog == number:
        works[number].used.add(id(source.entry))
    else:
        works[source.catalog].lent.add(id(source.entry))


def _keep(new: Entry, old: Entry) -> Entry:
    """The template entry with the old translation, comments and flags, fuzzy or not as before."""
    merged = _with_translation(new, old)
    merged.set_fuzzy(old.fuzzy)
    if old.fuzzy:
        merged.previous_msgctxt = old.previous_msgctxt
        merged.previous_msgid = old.previous_msgid
        merged.previous_msgid_plural = old.previous_msgid_plural
    return merged


def _fuzzy(new: Entry, old: Entry) -> Entry:
    """The template entry with the translation of a different old message, fuzzy, showing the old msgid."""
    merged = _with_translation(new, old)
    merged.set_fuzzy(True)
    keep_previous = old.fuzzy and old.previous_msgid is not None
    merged.previous_msgctxt = old.previous_msgctxt if keep_previous else old.msgctxt
    merged.previous_msgid = old.previous_msgid if keep_previous else old.msgid
    merged.previous_msgid_plural = old.previous_msgid_plural if keep_previous else old.msgid_plural
    return merged


def _with_translation(new: Entry, old: Entry) -> Entry:
    merged = new.clone()
    merged.comments = list(old.comments)
    merged.flags = list(new.flags) + [flag for flag in old.flags if flag not in new.flags]
    if new.msgid_plural is None:
        merged.msgstr = old.msgstr_plural[0] if old.msgid_plural is not None and old.msgstr_plural else old.msgstr
    else:
        forms = list(old.msgstr_plural) if old.msgid_plural is not None else [old.msgstr]
        size = max(len(new.msgstr_plural), 2)
        merged.msgstr_plural = (forms + [""] * size)[:max(size, len(forms))]
    merged.line = merged.msgstr_line = 0
    return merged


def _assemble(work: _Work) -> Catalog:
    entries: list[Entry] = []
    header = work.template.header
    if header is not None:
        entries.append(header.clone())
    messages = _messages(work.template)
    for position, new in enumerate(messages):
        entries.append(work.result.get(position) or _untranslated(new))
    taken = {entry.key for entry in entries}
    for old in work.old.entries:
        if old.is_header or id(old) in work.used or old.key in taken or not any(old.translations):
            continue
        obsolete = old.clone()
        obsolete.obsolete = True
        obsolete.extracted, obsolete.references = [], []
        entries.append(obsolete)
    return Catalog(entries)


def _untranslated(new: Entry) -> Entry:
    entry = new.clone()
    entry.set_fuzzy(False)
    entry.msgstr = ""
    entry.msgstr_plural = ["", ""] if entry.msgid_plural is not None else []
    entry.line = entry.msgstr_line = 0
    return entry
