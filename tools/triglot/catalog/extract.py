"""Extracting the templates (POT) from the Sphinx sources with Sphinx's gettext builder.

Sphinx extracts one template per document (``gettext_compact = False``);
the layout then gathers the documents of each catalog into its template,
as Sphinx itself does for a compact catalog: messages in the order of the
documents' names, a message of several documents once, with all their
places. References are kept as absolute paths here and written relative to
each catalog file (:func:`relative_references`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from triglot.build.preflight import check_sources
from triglot.config import Settings, check_sphinx_project
from triglot.errors import TriglotError
from triglot.fs import atomic_write

from .layout import INTERFACE_CATALOGS, CatalogLayout
from .model import Catalog, Entry
from .parse import read_po
from .write import format_po

_COMPLETE = "complete"  # written last: the cached templates are whole


def extract_templates(settings: Settings, layout: CatalogLayout) -> dict[str, Catalog]:
    """The template of every catalog of *layout*, by catalog name (sorted), with absolute references."""
    documents = extract_documents(settings)
    grouped: dict[str, list[Catalog]] = {}
    for docname in sorted(documents):
        grouped.setdefault(layout.catalog_of(docname), []).append(documents[docname])
    return {name: _gather(grouped[name]) for name in sorted(grouped)}


def extract_documents(settings: Settings) -> dict[str, Catalog]:
    """The template of each document of the project, by document name (``user_guide/apps/code``)."""
    check_sphinx_project(settings)
    check_sources(settings.docs, settings.root)
    with tempfile.TemporaryDirectory(prefix="triglot-gettext-") as folder:
        output = Path(folder) / "gettext"
        command = [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "--no-color", "-E",
                   "-D", "gettext_compact=0", "-d", str(Path(folder) / "doctrees"), str(settings.docs), str(output)]
        completed = subprocess.run(command, cwd=settings.root, capture_output=True, text=True,
                                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        if completed.returncode != 0:
            detail = "\n".join((completed.stderr or completed.stdout).strip().splitlines()[-8:])
            raise TriglotError(f"Sphinx's gettext builder failed:\n{detail}", settings.docs)
        documents = {}
        for path in sorted(output.rglob("*.pot")):
            name = path.relative_to(output).with_suffix("").as_posix()
            if name in INTERFACE_CATALOGS:
                continue
            catalog = read_po(path)
            _absolute_references(catalog, output)
            documents[name] = catalog
        return documents


def _absolute_references(catalog: Catalog, built_in: Path) -> None:
    for entry in catalog.entries:
        entry.references = [_absolute(reference, built_in) for reference in entry.references]


def _absolute(reference: str, folder: Path) -> str:
    file, line = _split(reference)
    if line is None:  # not a place: a uuid (gettext_uuid)
        return reference
    return f"{os.path.normpath(os.path.join(folder, file))}:{line}"


def _split(reference: str) -> tuple[str, str | None]:
    file, colon, line = reference.rpartition(":")
    if not colon or not line.lstrip("-").isdigit():
        return reference, None
    return file, line


def _gather(documents: list[Catalog]) -> Catalog:
    """One template from those of several documents, as Sphinx's gettext builder makes a compact one."""
    if len(documents) == 1:
        return documents[0]
    header = next((catalog.header for catalog in documents if catalog.header is not None), None)
    messages: dict[tuple[str | None, str], Entry] = {}
    for catalog in documents:
        for entry in catalog.messages:
            known = messages.get(entry.key)
            if known is None:
                messages[entry.key] = entry
            else:
                known.references = known.references + entry.references
    for entry in messages.values():
        entry.references = sorted(set(entry.references), key=_place)
    return Catalog(([header] if header is not None else []) + list(messages.values()))


def _place(reference: str) -> tuple[str, int]:
    file, line = _split(reference)
    return file, int(line) if line is not None else 0


def relative_references(catalog: Catalog, folder: Path) -> Catalog:
    """*catalog* with absolute references rewritten relative to *folder*, as gettext writes them; a copy."""
    entries = []
    for entry in catalog.entries:
        if entry.references and any(os.path.isabs(reference) for reference in entry.references):
            entry = entry.clone()
            entry.references = list(dict.fromkeys(_relative(reference, folder) for reference in entry.references))
        entries.append(entry)
    return Catalog(entries)


def _relative(reference: str, folder: Path) -> str:
    file, line = _split(reference)
    if not os.path.isabs(file):
        return reference
    relative = os.path.relpath(file, folder).replace(os.sep, "/")
    return f"{relative}:{line}" if line is not None else relative


def cached_templates(settings: Settings, layout: CatalogLayout) -> dict[str, Catalog]:
    """:func:`extract_templates`, kept in ``<build>/cache/templates/`` until a source, the settings or triglot change.

    ``triglot stats`` and the status page count against the templates;
    extracting them takes a Sphinx run, which this spares when nothing
    they depend on changed.
    """
    from triglot.build.fingerprint import common_inputs

    key = hashlib.sha256("\0".join([*common_inputs(settings), str(layout)]).encode("utf-8")).hexdigest()[:32]
    folder = settings.build / "cache" / "templates"
    stored = folder / key
    if (stored / _COMPLETE).is_file():
        found = {path.relative_to(stored).with_suffix("").as_posix(): path for path in stored.rglob("*.pot")}
        return {name: read_po(found[name]) for name in sorted(found)}
    templates = extract_templates(settings, layout)
    shutil.rmtree(folder, ignore_errors=True)  # one set of templates is kept: the current one
    for name, template in templates.items():
        atomic_write(stored / f"{name}.pot", format_po(template))
    atomic_write(stored / _COMPLETE, b"")
    return templates
