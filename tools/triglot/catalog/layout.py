"""Where a project's catalogs are, and which catalog holds each document's messages.

Any layout Sphinx supports: ``gettext_compact`` set to a name (one catalog
per language, our article's ``article``), ``True`` (Sphinx's default: one
catalog per top-level document or folder) or ``False`` (one per document, in
sub-folders: ``LC_MESSAGES/user_guide/apps/code.po``); catalogs inside or
outside the source folder. Or a table of document patterns, for layouts
Sphinx cannot express (OpenStack's ``doc.po`` with ``doc-common.po`` for the
``common/`` folder). The layout comes from ``[tool.triglot]`` (``locale``,
``catalog``) and, for what that leaves unset, from the project's ``conf.py``
(``locale_dirs``, ``gettext_compact``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from triglot.config import CatalogSpec, Settings
from triglot.errors import TriglotError
from triglot.fs import check_inside

from .conf_reader import read_catalog_settings

# Catalogs of interface strings, not of documents: Sphinx reads ``sphinx.po`` for its own
# (and its themes') words. They have no template from the documents; updates and stats leave them alone.
INTERFACE_CATALOGS = frozenset({"sphinx"})
DEFAULT_LOCALE = "locale"


@dataclass(frozen=True)
class CatalogLayout:
    """The locale folder, and the rule from a document's name to its catalog's name."""

    locale: Path
    compact: bool | str  # Sphinx's gettext_compact, or the first catalog of *patterns*
    patterns: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (catalog, document patterns), first match wins

    def catalog_of(self, docname: str) -> str:
        """The catalog holding the messages of document *docname* (``user_guide/apps/code``)."""
        for name, patterns in self.patterns:
            if any(fnmatchcase(docname, pattern) for pattern in patterns):
                return name
        if self.patterns:
            raise TriglotError(f"document {docname!r} matches none of the patterns of [tool.triglot] catalog")
        if isinstance(self.compact, str):
            return self.compact
        return docname.partition("/")[0] if self.compact else docname

    @property
    def sphinx_compact(self) -> bool | str:
        """The ``gettext_compact`` a build gives Sphinx (a pattern table is read as one catalog)."""
        return self.compact

    def folder(self, lang: str) -> Path:
        """``<locale>/<lang>/LC_MESSAGES``."""
        return self.locale / lang / "LC_MESSAGES"

    def po_path(self, lang: str, name: str) -> Path:
        """The catalog *name* of *lang*."""
        return self.folder(lang) / f"{name}.po"

    def pot_path(self, name: str) -> Path:
        """Where the template of catalog *name* is committed (``<locale>/<name>.pot``)."""
        return self.locale / f"{name}.pot"

    def catalog_files(self, lang: str, root: Path | None = None) -> dict[str, Path]:
        """Every document catalog of *lang* there is, by name (its path under LC_MESSAGES, without ``.po``).

        With *root*, a locale folder that leads out of it through a symbolic
        link is an error (the files themselves are checked when read).
        """
        folder = self.folder(lang)
        for parent in (self.locale, folder.parent, folder) if root is not None else ():
            if os.path.lexists(parent):
                check_inside(parent, root)
        if not folder.is_dir():
            return {}
        found = {path.relative_to(folder).with_suffix("").as_posix(): path for path in sorted(folder.rglob("*.po"))}
        return {name: path for name, path in found.items() if name not in INTERFACE_CATALOGS}


def project_layout(settings: Settings) -> CatalogLayout:
    """The layout of the project: ``[tool.triglot]`` first, then ``conf.py``, then Sphinx's defaults."""
    conf = {} if settings.locale is not None and settings.catalog_layout is not None else (
        read_catalog_settings(settings.docs))
    spec = settings.catalog_layout if settings.catalog_layout is not None else conf.get("gettext_compact", True)
    return layout_from(_locale(settings, conf), spec)


def locale_folder(settings: Settings) -> Path:
    """The project's locale folder (``conf.py`` is read only when ``[tool.triglot]`` does not say)."""
    return _locale(settings, {} if settings.locale is not None else read_catalog_settings(settings.docs))


def _locale(settings: Settings, conf: dict) -> Path:
    if settings.locale is not None:
        return settings.locale
    folders = conf.get("locale_dirs") or []
    return Path(os.path.normpath(settings.docs / folders[0])) if folders else settings.root / DEFAULT_LOCALE


def layout_from(locale: Path, spec: CatalogSpec) -> CatalogLayout:
    """The layout of catalog *spec* (a name, a boolean or a pattern table) under *locale*."""
    if isinstance(spec, dict):
        patterns = tuple((name, tuple(globs)) for name, globs in spec.items())
        return CatalogLayout(locale, patterns[0][0], patterns)
    return CatalogLayout(locale, spec)
