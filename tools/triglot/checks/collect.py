"""Which catalogs to check: the project's, or the PO files under the paths given."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from triglot.errors import TriglotError

from .model import Catalog
from .po import read_catalog


def po_files(paths: Sequence[Path]) -> list[Path]:
    """The PO files named by *paths*: files as given, folders searched recursively (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.po") if p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise TriglotError("no such file or folder", path)
    return files


def read_catalogs(files: Sequence[Path], langs: Sequence[str] | None = None) -> list[Catalog]:
    """The catalogs in *files*, keeping only those in *langs* (every one if None)."""
    catalogs = [read_catalog(path) for path in files]
    if langs:
        catalogs = [c for c in catalogs if c.lang in langs or c.lang.split("_")[0] in langs]
    return catalogs
