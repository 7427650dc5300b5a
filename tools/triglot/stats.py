"""Translation progress: messages and words translated, fuzzy, untranslated and obsolete.

Words are those of the source text (msgid), counted in the source
language's units; the size of the translations (msgstr) is counted in the
target language's units. Languages written without spaces between words
(Japanese, Chinese, Thai…) are counted in characters, not space-split words.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

from .catalog.model import Catalog, Entry
from .catalog.parse import read_po
from .config import Settings
from .fs import check_inside

STATES = ("translated", "fuzzy", "untranslated", "obsolete")
_CHARACTER_LANGUAGES = {"ja", "zh", "th", "lo", "km", "my", "bo", "yue", "wuu"}


@dataclass(frozen=True)
class Tally:
    """Messages in one state, the size of their source text, and of their translation."""

    messages: int = 0
    source_words: int = 0
    translation_size: int = 0


@dataclass(frozen=True)
class CatalogStats:
    """The progress of one catalog of one language."""

    lang: str
    catalog: str
    path: Path
    exists: bool
    source_unit: str  # "words" or "characters"
    translation_unit: str
    translated: Tally
    fuzzy: Tally
    untranslated: Tally
    obsolete: Tally

    @property
    def total(self) -> Tally:
        """The active messages (obsolete ones left out)."""
        states = (self.translated, self.fuzzy, self.untranslated)
        return Tally(*(sum(getattr(tally, name) for tally in states)
                       for name in ("messages", "source_words", "translation_size")))

    @property
    def percent(self) -> float:
        """Share of the source words translated (not fuzzy), 0..100."""
        total = self.total.source_words
        return 100.0 * self.translated.source_words / total if total else 0.0

    def as_dict(self) -> dict:
        """A JSON-ready dictionary."""
        data = asdict(self)
        data["path"] = str(self.path)
        data["total"] = asdict(self.total)
        data["percent"] = round(self.percent, 1)
        return data


def unit(lang: str) -> str:
    """How text of *lang* is measured: "characters" or "words"."""
    return "characters" if lang.split("_")[0] in _CHARACTER_LANGUAGES else "words"


def measure(text: str, lang: str) -> int:
    """The size of *text* in *lang*'s unit (non-space characters, or space-separated words)."""
    if unit(lang) == "characters":
        return sum(1 for char in text if not char.isspace())
    return len(text.split())


def catalog_stats(settings: Settings, langs: list[str]) -> list[CatalogStats]:
    """The progress of every catalog of *langs* (the source language is skipped).

    Raises TriglotError for a catalog (or catalog folder) that is not valid
    PO, not a regular file, or a symbolic link leading out of the project.
    """
    result = []
    for lang in langs:
        if lang == settings.source_language:
            continue
        folder = settings.locale / lang / "LC_MESSAGES"
        if os.path.lexists(folder):
            check_inside(folder, settings.root)
        paths = sorted(folder.rglob("*.po")) if folder.is_dir() else []
        if not paths:
            result.append(_stats(settings, lang, settings.catalog, settings.po_path(lang), None))
        for path in paths:
            name = path.relative_to(folder).with_suffix("").as_posix()
            result.append(_stats(settings, lang, name, path, read_po(path, root=settings.root)))
    return result


def _stats(settings: Settings, lang: str, name: str, path: Path, catalog: Catalog | None) -> CatalogStats:
    groups: dict[str, list[Entry]] = {state: [] for state in STATES}
    if catalog is not None:
        for entry in catalog.messages:
            groups[_state(entry)].append(entry)
        groups["obsolete"] = [entry for entry in catalog.obsolete if entry.translations and entry.translations[0]]
    source = settings.source_language
    tallies = {
        state: Tally(
            messages=len(entries),
            source_words=sum(measure(entry.msgid, source) for entry in entries),
            translation_size=sum(measure(text, lang) for entry in entries for text in entry.translations),
        )
        for state, entries in groups.items()
    }
    return CatalogStats(lang=lang, catalog=name, path=path, exists=catalog is not None,
                        source_unit=unit(source), translation_unit=unit(lang), **tallies)


def _state(entry: Entry) -> str:
    if not entry.translated:
        return "untranslated"
    return "fuzzy" if entry.fuzzy else "translated"
