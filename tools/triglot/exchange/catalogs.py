"""A language's catalogs, read strictly, in the layout's order: what the exports work from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from triglot.catalog.layout import project_layout
from triglot.catalog.model import Catalog, Entry
from triglot.catalog.parse import MAX_CATALOG_BYTES, parse_po
from triglot.config import Settings
from triglot.errors import TriglotError
from triglot.fs import read_input


@dataclass(frozen=True)
class LanguageCatalog:
    """One catalog of a language: its name in the layout (``article``), its file, its bytes and its content."""

    name: str
    path: Path
    data: bytes
    catalog: Catalog


def language_catalogs(settings: Settings, lang: str) -> list[LanguageCatalog]:
    """Every document catalog of *lang*, by name; an error when the language has none."""
    if lang == settings.source_language:
        raise TriglotError(f"{lang!r} is the source language: export a translation ({', '.join(settings.translations)})")
    files = project_layout(settings).catalog_files(lang, settings.root)
    if not files:
        raise TriglotError(f"no catalog for {lang!r} yet: run 'triglot update --lang {lang}' first")
    return [_read(name, path, settings.root) for name, path in files.items()]


def _read(name: str, path: Path, root: Path) -> LanguageCatalog:
    """The catalog at *path*, read once (its bytes are what an import splices) and parsed strictly."""
    data = read_input(path, root=root, limit=MAX_CATALOG_BYTES, what="catalog")
    return LanguageCatalog(name, path, data, parse_po(data, path))


def exported(entry: Entry) -> bool:
    """Whether an export carries *entry*: an active singular message (plural ones have no place in TMX or XLIFF 2.0 core)."""
    return not entry.obsolete and not entry.is_header and entry.msgid_plural is None
