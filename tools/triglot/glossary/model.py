"""The glossary's data model: entries, their per-language terms, the whole glossary."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# What an entry names. ``person``/``organization``/``place``/``publication``
# entries are names; ``concept`` and ``event`` entries are terms.
CATEGORIES = ("concept", "person", "organization", "place", "publication", "event")

# Parts of speech, as written in the data; the TBX value follows each.
PARTS_OF_SPEECH = {
    "noun": "noun",
    "proper noun": "properNoun",
    "adjective": "adjective",
    "verb": "verb",
    "adverb": "adverb",
    "other": "other",
}


@dataclass(frozen=True)
class Forbidden:
    """A rendering translators must not use, and why (``Хашимото``: not Polivanov)."""

    term: str
    reason: str
    line: int = 0


@dataclass(frozen=True)
class Term:
    """An entry's rendering in one language.

    ``term`` is the preferred term; ``variants`` are admitted alternatives;
    ``forms`` are extra word forms a checker should accept (irregular or
    indeclinable forms a morphology library does not derive); for Japanese,
    ``term`` is in native script, ``reading`` in kana and ``romanization``
    in modified Hepburn with macrons. ``exception`` says why a rendering
    departs on purpose from the transliteration system (Токио, not Токё).
    """

    lang: str
    term: str
    definition: str
    variants: tuple[str, ...] = ()
    forbidden: tuple[Forbidden, ...] = ()
    forms: tuple[str, ...] = ()
    romanization: str | None = None
    reading: str | None = None
    note: str | None = None
    source: str | None = None
    exception: str | None = None
    line: int = 0

    @property
    def accepted(self) -> tuple[str, ...]:
        """Every string a checker accepts for this entry: preferred term, variants, forms."""
        return (self.term, *self.variants, *self.forms)


@dataclass(frozen=True)
class Entry:
    """One concept or name, with its terms in every language."""

    id: str
    category: str
    pos: str
    terms: dict[str, Term]
    published: bool = True
    origin: str | None = None
    note: str | None = None
    path: Path = field(default=Path("."))
    line: int = 0

    def term(self, lang: str) -> Term | None:
        """The entry's term in *lang*, or None when the entry has none in that language."""
        return self.terms.get(lang)

    @property
    def is_name(self) -> bool:
        """True for names (people, organizations, places, publications), False for concepts and events."""
        return self.category in ("person", "organization", "place", "publication")

    @property
    def is_japanese(self) -> bool:
        """True when the term or name is Japanese: its Russian form follows Polivanov, its English form Hepburn."""
        return self.origin == "ja"

    @property
    def location(self) -> str:
        """``file:line`` of the entry, for messages."""
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Glossary:
    """Every entry of the glossary, in file order (files sorted by name)."""

    entries: tuple[Entry, ...]
    languages: tuple[str, ...]
    source_language: str = "en"
    files: tuple[Path, ...] = ()

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with id *entry_id*, or None."""
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    def lookup(self, lang: str, text: str) -> Entry | None:
        """The entry whose preferred term, variant or form in *lang* is *text* (case-insensitive)."""
        wanted = text.casefold()
        for entry in self.entries:
            term = entry.term(lang)
            if term is not None and any(candidate.casefold() == wanted for candidate in term.accepted):
                return entry
        return None

    def published(self) -> tuple[Entry, ...]:
        """The entries shown on the glossary page of every edition."""
        return tuple(entry for entry in self.entries if entry.published)

    def japanese(self) -> tuple[Entry, ...]:
        """The Japanese terms and names (origin ``ja``): Polivanov in Russian, Hepburn in English."""
        return tuple(entry for entry in self.entries if entry.is_japanese)

    def forbidden(self, lang: str) -> tuple[tuple[Forbidden, Entry], ...]:
        """Every forbidden rendering in *lang* with the entry whose preferred term replaces it."""
        return tuple(
            (item, entry)
            for entry in self.entries
            if (term := entry.term(lang)) is not None
            for item in term.forbidden
        )
