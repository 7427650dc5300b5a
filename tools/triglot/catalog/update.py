"""``triglot update`` as a library: extract the templates, merge them into every catalog, write or check.

Two modes, chosen per project (``update_mode``): ``triglot`` writes each
catalog in the canonical layout (the template's order, every message,
references relative to the catalog file, ``msgcat``'s wrapping) and commits
the templates; ``preserve`` leaves catalogs a translation platform owns as
they are but for what the source change requires (:mod:`.preserve`), and
writes no template. Every catalog of a language takes part in the merge,
those of no template (a ``news.po`` the layout no longer uses) too: they
lend their translations and are left as they are. In ``triglot`` mode the
interface catalogs (``sphinx.po``) are updated too, from their own template
(:mod:`.interface_template`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from triglot.config import Settings
from triglot.errors import TriglotError
from triglot.fs import atomic_write, read_input

from triglot.interface import DOMAIN as INTERFACE_DOMAIN

from .extract import extract_templates, relative_references
from .header import fit_plural_forms, language_header, set_header_fields
from .interface_template import interface_template
from .layout import CatalogLayout, project_layout
from .merge import Merged, Source, canonical, merge_sources
from .model import Catalog
from .parse import MAX_CATALOG_BYTES, parse_po
from .preserve import preserved
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


def plan_update(settings: Settings, langs: list[str]) -> list[CatalogUpdate]:
    """Extract the templates and merge them into the catalogs of *langs*; writes nothing.

    Every existing catalog is read (and validated) first, so a broken file
    (or a catalog or locale folder that is not what it says: a symbolic link
    leading out of the project, a folder, a FIFO) stops the update before the
    extraction and before any write.
    """
    layout = project_layout(settings)
    languages = [lang for lang in langs if lang != settings.source_language]
    existing = {lang: {name: _read_existing(path, settings.root)
                       for name, path in layout.catalog_files(lang, settings.root).items()}
                for lang in languages}
    interface = {lang: _read_existing(path, settings.root) for lang in languages
                 if os.path.lexists(path := layout.po_path(lang, INTERFACE_DOMAIN))}
    templates = extract_templates(settings, layout)
    preserve = settings.update_mode == "preserve"
    header = next(iter(templates.values())).header if templates else None
    # The reader's interface strings (triglot mode only: a platform's sphinx.po is its theme's, left alone).
    reader = {} if preserve else {INTERFACE_DOMAIN: interface_template(settings.docs, header)}
    updates = [] if preserve else [_template_update(layout, name, template, settings.root)
                                   for name, template in {**templates, **reader}.items()]
    for lang in languages:
        updates += _language_updates(layout, lang, templates, existing[lang], preserve)
        if reader:  # merged on their own: interface strings neither lend to nor borrow from the text's
            own = {INTERFACE_DOMAIN: interface[lang]} if lang in interface else {}
            updates += _language_updates(layout, lang, reader, own, preserve)
    return updates


def apply_update(updates: list[CatalogUpdate], root: Path | None = None) -> list[CatalogUpdate]:
    """Write the files that change (atomically, never through a symbolic link leading out of *root*)."""
    return [update for update in updates if update.changed and atomic_write(update.path, update.after, root=root)]



def _language_updates(layout: CatalogLayout, lang: str, templates: dict[str, Catalog],
                      existing: dict[str, bytes], preserve: bool) -> list[CatalogUpdate]:
    names = list(templates) + [name for name in existing if name not in templates]
    sources = [Source(name, (lambda t=templates[name]: t) if name in templates else None,
                      (lambda data=existing.get(name), name=name: _parse(data, layout.po_path(lang, name))))
               for name in names]
    updates = []
    for merged in merge_sources(sources):
        path = layout.po_path(lang, merged.name)
        before = existing.get(merged.name)
        if merged.template is None or (preserve and before is None):
            continue  # a catalog of no template lends its translations; preserve mode creates no catalog
        if preserve:
            after = preserved(merged, before.decode("utf-8"), path).encode("utf-8")
        else:
            after = format_po(relative_references(_canonical(merged, lang, before is not None), path.parent))
        updates.append(_describe(path, lang, before, after, merged))
    return updates


def _canonical(merged: Merged, lang: str, exists: bool) -> Catalog:
    """The merged catalog in triglot's layout, with the language's header."""
    catalog = canonical(merged)
    assert merged.template is not None
    header = language_header(merged.template, merged.old if exists else None, lang)
    has_header = bool(catalog.entries) and catalog.entries[0].is_header
    catalog.entries[:1 if has_header else 0] = [header]
    fit_plural_forms(catalog)
    return catalog


def _parse(data: bytes | None, path: Path) -> Catalog:
    return parse_po(data, path) if data is not None else Catalog()


def _read_existing(path: Path, root: Path) -> bytes:
    data = read_input(path, root=root, limit=MAX_CATALOG_BYTES, what="catalog")
    parse_po(data, path)  # validated before anything is extracted or written
    return data


def _template_update(layout: CatalogLayout, name: str, template: Catalog, root: Path) -> CatalogUpdate:
    path = layout.pot_path(name)
    written = relative_references(template, path.parent)
    try:
        before = read_input(path, root=root, limit=MAX_CATALOG_BYTES, what="template")
    except FileNotFoundError:
        before = None
    if before is not None and "SOURCE_DATE_EPOCH" not in os.environ:
        _keep_creation_date(written, before, path)
    messages = len(written.messages)
    return CatalogUpdate(path=path, lang=None, before=before, after=format_po(written), translated=0, fuzzy=0,
                         untranslated=messages, obsolete=0)


def _keep_creation_date(template: Catalog, committed_bytes: bytes, path: Path) -> None:
    """Keep the committed template's POT-Creation-Date when nothing else changed.

    The header is changed in place: the catalogs' headers, made from the
    template's afterwards, get the same date.
    """
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


def _describe(path: Path, lang: str, before: bytes | None, after: bytes, merged: Merged) -> CatalogUpdate:
    fuzzy = sum(1 for entry in merged.results if entry.translated and entry.fuzzy)
    translated = sum(1 for entry in merged.results if entry.translated) - fuzzy
    return CatalogUpdate(path=path, lang=lang, before=before, after=after, translated=translated, fuzzy=fuzzy,
                         untranslated=len(merged.results) - translated - fuzzy, obsolete=len(merged.leftovers))
