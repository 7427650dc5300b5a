"""Consistency of the glossary as a whole: ids, terms and forbidden variants across entries."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .model import Entry
from .problems import Problem


def check_entries(entries: Iterable[Entry], source_language: str) -> list[Problem]:
    """Problems that involve more than one entry, or one entry's terms against each other."""
    entries = list(entries)
    return [
        *_duplicate_ids(entries),
        *_duplicate_terms(entries),
        *_forbidden_clashes(entries),
        *_anchor_clashes(entries, source_language),
    ]


def _duplicate_ids(entries: list[Entry]) -> Iterable[Problem]:
    first: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in first:
            yield Problem(entry.path, entry.line, f"duplicate id {entry.id!r} (first defined at {first[entry.id].location})")
        else:
            first[entry.id] = entry


def _duplicate_terms(entries: list[Entry]) -> Iterable[Problem]:
    """A preferred term or admitted variant names one entry only, in each language."""
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        for lang, term in entry.terms.items():
            for text in dict.fromkeys((term.term, *term.variants)):
                key = (lang, text.casefold())
                owner = seen.setdefault(key, entry)
                if owner is not entry:
                    yield Problem(
                        entry.path, term.line,
                        f"{lang} term {text!r} is already used by entry {owner.id!r} ({owner.location})",
                    )
            if term.term.casefold() in (variant.casefold() for variant in term.variants):
                yield Problem(entry.path, term.line, f"{lang} variant {term.term!r} repeats the preferred term")


def _forbidden_clashes(entries: list[Entry]) -> Iterable[Problem]:
    """A forbidden variant is never a term that some entry prefers or admits."""
    allowed: dict[tuple[str, str], tuple[Entry, str]] = {}
    for entry in entries:
        for lang, term in entry.terms.items():
            allowed.setdefault((lang, term.term.casefold()), (entry, "the preferred term"))
            for variant in (*term.variants, *term.forms):
                allowed.setdefault((lang, variant.casefold()), (entry, "an admitted variant"))
    for entry in entries:
        for lang, term in entry.terms.items():
            for item in term.forbidden:
                hit = allowed.get((lang, item.term.casefold()))
                if hit is None:
                    continue
                owner, role = hit
                whose = "of this entry" if owner is entry else f"of entry {owner.id!r} ({owner.location})"
                yield Problem(entry.path, item.line, f"forbidden {lang} variant {item.term!r} is {role} {whose}")


def anchor_key(term: str) -> str:
    """The part of a term that Sphinx keeps in its ``term-…`` anchor (ASCII letters and digits), lower-cased."""
    ascii_text = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _anchor_clashes(entries: list[Entry], source_language: str) -> Iterable[Problem]:
    """Two entries' source-language terms must not give the same glossary anchor."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        term = entry.term(source_language)
        if term is None:
            continue
        key = anchor_key(term.term)
        if not key:
            yield Problem(entry.path, term.line, f"{source_language} term {term.term!r} gives no usable anchor: use Latin letters or digits")
            continue
        owner = seen.setdefault(key, entry)
        if owner is not entry and owner.term(source_language).term.casefold() != term.term.casefold():
            yield Problem(
                entry.path, term.line,
                f"{source_language} term {term.term!r} gives the same anchor 'term-{key}' as entry {owner.id!r} ({owner.location})",
            )
