"""``triglot update`` as a library: extract the templates, merge them into every catalog, write or check."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from triglot.config import Settings
from triglot.errors import TriglotError
from triglot.fs import atomic_write, check_inside, read_input

from triglot.interface import DOMAIN as INTERFACE_DOMAIN

from .extract import extract_templates
from .interface_template import interface_template
from .header import language_header, set_header_fields
from .merge import merge_language
from .model import Catalog
from .parse import MAX_CATALOG_BYTES, parse_po
from .write import format_po


@dataclass(frozen=True)
class CatalogUpdate:
    """What an update does to one file."""

    path: Path
    lang: str | None  # None for a template
    before: bytes | None  # None: the file does not exist yet
    after: bytes
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def changed(self) -> bool:
        """Whether the file would be created or changed."""
        return self.before != self.after


def template_path(settings: Settings, domain: str) -> Path:
    """Where the template of *domain* is committed."""
    return settings.locale / f"{domain}.pot"


def catalog_path(settings: Settings, lang: str, domain: str) -> Path:
    """The catalog of *domain* in *lang*."""
    return settings.locale / lang / "LC_MESSAGES" / f"{domain}.po"


def plan_update(settings: Settings, langs: list[str]) -> list[CatalogUpdate]:
    """Extract the templates and merge them into the catalogs of *langs*; writes nothing.

    Every existing catalog is read (and validated) first, so a broken file
    (or a catalog or locale folder that is not what it says: a symbolic link
    leading out of the project, a folder, a FIFO) stops the update before the
    extraction and before any write.
    """
    languages = [lang for lang in langs if lang != settings.source_language]
    existing = {path: _read_existing(path, settings.root) for lang in languages
                for path in _catalog_paths(settings, lang)}
    templates = extract_templates(settings)
    header = next(iter(templates.values())).header if templates else None
    templates[INTERFACE_DOMAIN] = interface_template(settings.docs, header)  # the reader's interface strings
    updates = [_template_update(settings, domain, template) for domain, template in templates.items()]
    for lang in languages:
        olds = {domain: existing.get(catalog_path(settings, lang, domain), (None, None)) for domain in templates}
        pairs = [(template, olds[domain][1] or Catalog()) for domain, template in templates.items()]
        merged = merge_language(pairs)
        for (domain, template), catalog in zip(templates.items(), merged):
            before, old = olds[domain]
            header = language_header(template, old, lang)
            has_header = bool(catalog.entries) and catalog.entries[0].is_header
            catalog.entries[:1 if has_header else 0] = [header]
            updates.append(_describe(catalog_path(settings, lang, domain), lang, before, catalog))
    return updates


def apply_update(updates: list[CatalogUpdate], root: Path | None = None) -> list[CatalogUpdate]:
    """Write the files that change (atomically, never through a symbolic link leading out of *root*)."""
    return [update for update in updates if update.changed and atomic_write(update.path, update.after, root=root)]


def _catalog_paths(settings: Settings, lang: str) -> list[Path]:
    """Every entry named ``*.po`` under *lang*'s catalog folder, whatever it is (read checks each)."""
    folder = settings.locale / lang / "LC_MESSAGES"
    for parent in (settings.locale, folder.parent, folder):
        if os.path.lexists(parent):
            check_inside(parent, settings.root)
    return sorted(folder.rglob("*.po"))


def _read_existing(path: Path, root: Path) -> tuple[bytes | None, Catalog | None]:
    try:
        data = read_input(path, root=root, limit=MAX_CATALOG_BYTES, what="catalog")
    except FileNotFoundError:
        return None, None
    return data, parse_po(data, path)


def _template_update(settings: Settings, domain: str, template: Catalog) -> CatalogUpdate:
    path = template_path(settings, domain)
    try:
        before = read_input(path, root=settings.root, limit=MAX_CATALOG_BYTES, what="template")
    except FileNotFoundError:
        before = None
    if before is not None and "SOURCE_DATE_EPOCH" not in os.environ:
        _keep_creation_date(template, before, path)
    return _describe(path, None, before, template)


def _keep_creation_date(template: Catalog, committed_bytes: bytes, path: Path) -> None:
    """Keep the committed template's POT-Creation-Date when nothing else changed."""
    try:
        committed = parse_po(committed_bytes, path)
    except TriglotError:
        return
    old_date = committed.header_field("POT-Creation-Date")
    header = template.header
    if old_date is None or header is None:
        return
    new_msgstr = header.msgstr
    set_header_fields(header, {"POT-Creation-Date": old_date})
    if format_po(template) != format_po(committed):
        header.msgstr = new_msgstr


def _describe(path: Path, lang: str | None, before: bytes | None, catalog: Catalog) -> CatalogUpdate:
    messages = catalog.messages
    fuzzy = sum(1 for entry in messages if entry.fuzzy and entry.translated)
    translated = sum(1 for entry in messages if entry.translated) - fuzzy
    return CatalogUpdate(
        path=path, lang=lang, before=before, after=format_po(catalog),
        translated=translated, fuzzy=fuzzy, untranslated=len(messages) - translated - fuzzy,
        obsolete=sum(1 for entry in catalog.obsolete if entry.translations and entry.translations[0]),
    )
