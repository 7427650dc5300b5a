"""Merging new templates into the catalogs of one language, losing no translation.

For each template message, in this order:

1. the same message in the old catalog (active, or obsolete: it is revived);
   a message that differs only by a context the template lacks (a
   platform's ``msgctxt`` hash) is the same message;
2. an old message at the same place in document order, whose text changed
   (old and new message sequences are aligned; the messages between two
   unchanged neighbours are paired by similarity, with a lower bar than a
   position-blind match would need); it comes back fuzzy with ``#| msgid``;
3. the same message in another catalog of the language (a paragraph moved
   between documents, or a catalog that is not the layout's);
4. the most similar unused old translation anywhere in the language
   (similarity >= 0.6, like msgmerge), fuzzy.

Old translations used by nothing stay in their catalog as obsolete (``#~``).

The catalogs are read twice, one at a time (:class:`Source` loads them), so
that only one catalog and the unmatched messages of the others are in
memory at once: the first pass finds steps 1 and 2 in each catalog and keeps
what is left; step 3 and 4 are decided across the language; the second pass
builds each merged catalog (:class:`Merged`) and hands it over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .model import Catalog, Entry
from .similarity import Index, similarity, word_edits

ALIGNED_THRESHOLD = 0.5  # similarity that pairs two messages at the same place
ALIGNED_WORD_EDITS = 2  # ... or so few changed words
GLOBAL_THRESHOLD = 0.6  # similarity for a match anywhere in the language
MAX_PAIRS = 400  # a larger gap between unchanged neighbours is searched through an index

# How a template message got its translation.
EXACT, ALIGNED, MOVED, SIMILAR, NEW = "exact", "aligned", "moved", "similar", "new"


@dataclass
class Source:
    """One catalog of the language: how to load its template (None: it has none) and its old catalog."""

    name: str
    template: Callable[[], Catalog] | None
    old: Callable[[], Catalog]


@dataclass
class Merged:
    """One merged catalog: what became of each template message and of each old entry."""

    name: str
    template: Catalog | None
    old: Catalog
    results: list[Entry]  # per template message, in template order: the merged entry
    origins: list[tuple[str, int | None]]  # per template message: how, and the old entry of this catalog used
    leftovers: list[int]  # old entries (indexes) used by no message of this catalog, kept as obsolete

    @property
    def messages(self) -> list[Entry]:
        """The template's messages (header left out)."""
        return _messages(self.template) if self.template is not None else []


@dataclass
class _Leftover:
    """An unused old translation that another message of the language may take."""

    entry: Entry
    catalog: int
    index: int
    used: bool = False


@dataclass
class _Plan:
    """What the first pass decided for one catalog."""

    matches: dict[int, tuple[str, int]] = field(default_factory=dict)  # template position -> (how, old index)
    taken: dict[int, tuple[str, _Leftover]] = field(default_factory=dict)  # template position -> (how, leftover)


def merge_sources(sources: list[Source]) -> Iterator[Merged]:
    """Merge every catalog of one language; yields each merged catalog, in order, one at a time."""
    plans: list[_Plan] = []
    pool: list[_Leftover] = []
    wanted: list[tuple[int, int, Entry]] = []
    in_use: set[int] = set()  # hashes of the translations that template messages already have
    for number, source in enumerate(sources):
        template = source.template() if source.template is not None else Catalog()
        old = source.old()
        plan = _Plan()
        _exact(template, old, plan)
        _aligned(template, old, plan)
        used = {index for _, index in plan.matches.values()}
        in_use |= {hash(old.entries[index].msgstr) for index in used if old.entries[index].msgstr}
        pool += [_Leftover(entry, number, index) for index, entry in enumerate(old.entries)
                 if index not in used and not entry.is_header and any(entry.translations)]
        wanted += [(number, position, entry) for position, entry in enumerate(_messages(template))
                   if position not in plan.matches]
        plans.append(plan)
    _across(plans, pool, wanted, in_use)
    for number, (source, plan) in enumerate(zip(sources, plans)):
        yield _build(source, plan, number)


def merge_language(pairs: list[tuple[Catalog, Catalog]]) -> list[Catalog]:
    """Merge each (template, old catalog) pair of one language; the new catalogs, in order."""
    sources = [Source(str(number), (lambda t=template: t), (lambda o=old: o))
               for number, (template, old) in enumerate(pairs)]
    return [canonical(merged) for merged in merge_sources(sources)]


def merge(template: Catalog, old: Catalog) -> Catalog:
    """Merge one template into one old catalog."""
    return merge_language([(template, old)])[0]


def canonical(merged: Merged) -> Catalog:
    """The merged catalog as triglot writes it: the template's order, then the obsolete entries."""
    entries: list[Entry] = []
    header = merged.template.header if merged.template is not None else None
    if header is not None:
        entries.append(header.clone())
    entries += merged.results
    taken = {entry.key for entry in entries}
    entries += [obsolete(merged.old.entries[index]) for index in merged.leftovers
                if merged.old.entries[index].key not in taken]
    return Catalog(entries)


def obsolete(entry: Entry) -> Entry:
    """*entry* as an obsolete (``#~``) entry: no references nor extracted comments."""
    result = entry.clone()
    result.obsolete = True
    result.extracted, result.references = [], []
    return result


def _messages(template: Catalog) -> list[Entry]:
    return [entry for entry in template.entries if not entry.obsolete and not entry.is_header]


def _exact(template: Catalog, old: Catalog, plan: _Plan) -> None:
    for position, index in exact_matches(template, old).items():
        plan.matches[position] = (EXACT, index)


def exact_matches(template: Catalog, old: Catalog) -> dict[int, int]:
    """For each template message (by position) that *old* has, the index of its entry in *old*.

    Obsolete entries count (msgmerge revives them); an entry whose only
    difference is a context the template lacks (a platform's hash) counts.
    """
    matches = {}
    by_key = {entry.key: index for index, entry in enumerate(old.entries) if not entry.is_header}
    with_context: dict[str, list[int]] = {}
    for index, entry in enumerate(old.entries):
        if entry.msgctxt is not None and not entry.obsolete:
            with_context.setdefault(entry.msgid, []).append(index)
    for position, new in enumerate(_messages(template)):
        index = by_key.get(new.key)
        if index is None and new.msgctxt is None and len(with_context.get(new.msgid, ())) == 1:
            index = with_context[new.msgid][0]
        if index is not None:
            matches[position] = index
    return matches


def _aligned(template: Catalog, old: Catalog, plan: _Plan) -> None:
    """Pair the changed messages that sit between the same unchanged neighbours."""
    olds = [(index, entry) for index, entry in enumerate(old.entries) if not entry.obsolete and not entry.is_header]
    news = _messages(template)
    used = {index for _, index in plan.matches.values()}
    matcher = SequenceMatcher(None, [entry.key for _, entry in olds], [entry.key for entry in news], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        candidates = [(offset, index, entry) for offset, (index, entry) in enumerate(olds[i1:i2])
                      if index not in used and any(entry.translations)]
        targets = [position for position in range(j1, j2) if position not in plan.matches]
        scored: list[tuple[float, int, int, int]] = []
        if len(candidates) * len(targets) <= MAX_PAIRS:
            for offset, index, entry in candidates:
                for position in targets:
                    score = similarity(entry.msgid, news[position].msgid)
                    if score >= ALIGNED_THRESHOLD:
                        scored.append((score, -abs(position - j1 - offset), position, index))
                    elif word_edits(entry.msgid, news[position].msgid) <= ALIGNED_WORD_EDITS:
                        # Few words changed: place, not similarity, says which message it was.
                        scored.append((0.0, -abs(position - j1 - offset), position, index))
        elif candidates and targets:
            found = Index([entry.msgid for _, _, entry in candidates])
            usable = set(range(len(candidates)))
            for position in targets:
                for score, number in found.best(news[position].msgid, ALIGNED_THRESHOLD, usable):
                    scored.append((score, 0, position, candidates[number][1]))
        for _, _, position, index in sorted(scored, key=lambda item: item[:3], reverse=True):
            if position in plan.matches or index in used:
                continue
            plan.matches[position] = (ALIGNED, index)
            used.add(index)


def _across(plans: list[_Plan], pool: list[_Leftover], wanted: list[tuple[int, int, Entry]], in_use: set[int]) -> None:
    """Fill what is left from the unused old translations of every catalog of the language.

    A translation that an active entry already has is not offered again as a
    fuzzy match: it was lent by an earlier update (a catalog no template
    uses keeps its entries), and lending it twice would change the catalogs
    at every update.
    """
    if not pool:
        return
    by_msgid: dict[str, list[_Leftover]] = {}
    for leftover in pool:
        by_msgid.setdefault(leftover.entry.msgid, []).append(leftover)
    searched: list[tuple[int, int, Entry]] = []
    for number, position, new in wanted:
        same = next((leftover for leftover in by_msgid.get(new.msgid, []) if not leftover.used), None)
        if same is not None:
            plans[number].taken[position] = (MOVED, same)
            same.used = True
        else:
            searched.append((number, position, new))
    index = Index([leftover.entry.msgid for leftover in pool])
    usable = {number for number, leftover in enumerate(pool)
              if not leftover.used and hash(leftover.entry.msgstr) not in in_use}
    while searched and usable:  # again for the messages whose best candidates went to others
        proposals = []
        for number, position, new in searched:
            for score, found in index.best(new.msgid, GLOBAL_THRESHOLD, usable):
                proposals.append((score, number, position, found))
        if not proposals:
            return
        for _, number, position, found in sorted(proposals, key=lambda item: item[0], reverse=True):
            leftover = pool[found]
            if position in plans[number].taken or leftover.used:
                continue
            plans[number].taken[position] = (SIMILAR, leftover)
            leftover.used = True
            usable.discard(found)
        # Only a message whose candidates all went to others may find another: the usable ones only shrink.
        proposed = {(number, position) for _, number, position, _ in proposals}
        searched = [(number, position, new) for number, position, new in searched
                    if position not in plans[number].taken and (number, position) in proposed]


def _build(source: Source, plan: _Plan, number: int) -> Merged:
    """The second pass over catalog *number*: the merged entries, from the decisions of the first.

    An old translation lent to another catalog stays in its own as obsolete.
    """
    template = source.template() if source.template is not None else None
    old = source.old()
    results, origins = [], []
    used: set[int] = set()
    for position, new in enumerate(_messages(template) if template is not None else []):
        if position in plan.matches:
            how, index = plan.matches[position]
            entry = old.entries[index]
            results.append(_keep(new, entry) if how == EXACT else _fuzzy(new, entry))
            origins.append((how, index))
            used.add(index)
        elif position in plan.taken:
            how, leftover = plan.taken[position]
            own = leftover.index if leftover.catalog == number else None
            results.append(_keep(new, leftover.entry) if how == MOVED else _fuzzy(new, leftover.entry))
            origins.append((how, own))
            if own is not None:
                used.add(own)
        else:
            results.append(_untranslated(new))
            origins.append((NEW, None))
    leftovers = [index for index, entry in enumerate(old.entries)
                 if index not in used and not entry.is_header and any(entry.translations)]
    return Merged(source.name, template, old, results, origins, leftovers)


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
    merged.line = merged.msgstr_line = merged.first_line = merged.last_line = 0
    return merged


def _untranslated(new: Entry) -> Entry:
    entry = new.clone()
    entry.set_fuzzy(False)
    entry.msgstr = ""
    entry.msgstr_plural = ["", ""] if entry.msgid_plural is not None else []
    entry.line = entry.msgstr_line = entry.first_line = entry.last_line = 0
    return entry
