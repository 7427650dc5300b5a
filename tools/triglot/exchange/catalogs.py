"""A language's catalogs, read strictly, in the layout's order: what the exports work from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from triglot.catalog.layout import project_layout
from triglot.catalog.model import Catalog, Entry
from triglot.catalog.parse import read_po
from triglot.config import Settings
from triglot.errors import TriglotError


@dataclass(frozen=True)
class LanguageCatalog:
    """One catalog of a language: its name in the layout (``article``), its file, its content."""

    name: str
    path: Path
    catalog: Catalog


def language_catalogs(settings: Settings, lang: str) -> list[LanguageCatalog]:
    """Every document catalog of *lang*, by name; an error when the language has none."""
    if lang == settings.source_language:
        raise TriglotError(f"{lang!r} is the source language: export a translation ({', '.join(settings.translations)})")
    files = project_layout(settings).catalog_files(lang, settings.root)
    if not files:
        raise TriglotError(f"no catalog for {lang!r} yet: run 'triglot update --lang {lang}' first")
    return [LanguageCatalog(name, path, read_po(path, root=settings.root)) for name, path in files.items()]


def exported(entry: Entry) -> bool:
    """Whether an export carries *entry*: an active singular message (plural ones have no place in TMX or XLIFF 2.0 core)."""
    return not entry.obsolete and not entry.is_header and entry.msgid_plural is None
