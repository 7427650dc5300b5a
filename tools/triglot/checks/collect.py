"""Which catalogs to check: the project's, or the PO files under the paths given."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from triglot.config import Settings
from triglot.errors import TriglotError

from .model import Catalog
from .po import read_catalog


def po_files(paths: Sequence[Path]) -> list[tuple[Path, Path | None]]:
    """The PO files named by *paths*, each with the folder it must stay in (None: named as it is).

    Files are taken as given; folders are searched recursively (sorted), and
    each entry named ``*.po`` found there must stay inside its folder (a
    symbolic link may not lead out of it) and be a regular file, which
    reading checks.
    """
    files: list[tuple[Path, Path | None]] = []
    for path in paths:
        if path.is_dir():
            files += [(found, path) for found in sorted(path.rglob("*.po"))]
        elif os.path.lexists(path):
            files.append((path, None))
        else:
            raise TriglotError("no such file or folder", path)
    return files


def project_files(settings: Settings, langs: Sequence[str]) -> list[tuple[Path, Path | None]]:
    """The project's catalogs of *langs* there are, each with the project root it must stay in: every text
    catalog and the interface catalog (``sphinx.po``). What ``triglot check`` and the status page check."""
    from triglot.catalog.layout import project_layout
    from triglot.interface import DOMAIN as INTERFACE_DOMAIN

    layout = project_layout(settings)
    candidates = [path for lang in langs for path in (*layout.catalog_files(lang, settings.root).values(),
                                                      layout.po_path(lang, INTERFACE_DOMAIN))]
    return [(path, settings.root) for path in candidates if os.path.lexists(path)]


def read_catalogs(files: Sequence[tuple[Path, Path | None]], langs: Sequence[str] | None = None) -> list[Catalog]:
    """The catalogs in *files* (path, root) pairs, keeping only those in *langs* (every one if None)."""
    catalogs = [read_catalog(path, root=root) for path, root in files]
    if langs:
        catalogs = [c for c in catalogs if c.lang in langs or c.lang.split("_")[0] in langs]
    return catalogs
