"""Translation progress: messages and words translated, fuzzy, untranslated and obsolete.

Messages are counted from the templates extracted from the sources, not
from the entries a catalog happens to hold: a catalog a platform exported
with only its translated entries shows its real share, the numbers GNU
``msgfmt --statistics`` gives for the catalog merged onto its template
without fuzzy matching (``msgmerge --no-fuzzy-matching``). Obsolete are the
catalog's translations of messages the template no longer has.

Words are those of the source text (msgid), counted in the source
language's units; the size of the translations (msgstr) is counted in the
target language's units. Languages written without spaces between words
(Japanese, Chinese, Thai…) are counted in characters, not space-split words.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from .catalog.extract import cached_templates
from .catalog.layout import project_layout
from .catalog.merge import exact_matches
from .catalog.model import Catalog, Entry
from .catalog.parse import read_po
from .config import Settings

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
    """The progress of every catalog of *langs* against its template (the source language is skipped).

    The catalogs are read first: one that is not valid PO, not a regular
    file, or a symbolic link leading out of the project stops before the
    sources are extracted.
    """
    layout = project_layout(settings)
    languages = [lang for lang in langs if lang != settings.source_language]
    catalogs = {(lang, name): read_po(path, root=settings.root) for lang in languages
                for name, path in layout.catalog_files(lang, settings.root).items()}
    templates = cached_templates(settings, layout)
    return [catalog_progress(template, catalogs.get((lang, name)), lang, name, layout.po_path(lang, name),
                             settings.source_language)
            for lang in languages for name, template in templates.items()]


def catalog_progress(template: Catalog, catalog: Catalog | None, lang: str, name: str, path: Path,
                     source: str) -> CatalogStats:
    """The progress of *catalog* (None: there is none) of *lang* against its *template*."""
    groups: dict[str, list[tuple[str, list[str]]]] = {state: [] for state in STATES}  # (source, translations)
    messages = template.messages
    found = exact_matches(template, catalog) if catalog is not None else {}
    for position, message in enumerate(messages):
        entry = catalog.entries[found[position]] if position in found and catalog is not None else None
        state = _state(entry) if entry is not None else "untranslated"
        groups[state].append((message.msgid, entry.translations if entry is not None and state != "untranslated"
                              else []))
    if catalog is not None:
        matched = set(found.values())
        groups["obsolete"] = [(entry.msgid, entry.translations) for index, entry in enumerate(catalog.entries)
                              if index not in matched and not entry.is_header and any(entry.translations)]
    tallies = {
        state: Tally(
            messages=len(items),
            source_words=sum(measure(msgid, source) for msgid, _ in items),
            translation_size=sum(measure(text, lang) for _, texts in items for text in texts),
        )
        for state, items in groups.items()
    }
    return CatalogStats(lang=lang, catalog=name, path=path, exists=catalog is not None,
                        source_unit=unit(source), translation_unit=unit(lang), **tallies)


def _state(entry: Entry) -> str:
    if not entry.translated:
        return "untranslated"
    return "fuzzy" if entry.fuzzy else "translated"
