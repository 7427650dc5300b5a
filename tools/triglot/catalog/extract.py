"""Extracting the templates (POT) from the Sphinx sources with Sphinx's gettext builder."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from triglot.config import Settings
from triglot.errors import TriglotError
from triglot.build.preflight import check_sources

from .model import Catalog
from .parse import read_po


def extract_templates(settings: Settings) -> dict[str, Catalog]:
    """The templates of the project, by domain (``article``), as Sphinx's gettext builder makes them.

    References are written as they would be from ``<build>/gettext``, the
    usual output folder of ``make gettext``, wherever the builder really ran.
    """
    check_sources(settings.docs, settings.root)
    with tempfile.TemporaryDirectory(prefix="triglot-gettext-") as folder:
        output = Path(folder) / "gettext"
        command = [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "--no-color", "-E",
                   "-d", str(Path(folder) / "doctrees"), str(settings.docs), str(output)]
        completed = subprocess.run(command, cwd=settings.root, capture_output=True, text=True,
                                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        if completed.returncode != 0:
            detail = "\n".join((completed.stderr or completed.stdout).strip().splitlines()[-8:])
            raise TriglotError(f"Sphinx's gettext builder failed:\n{detail}", settings.docs)
        templates = {}
        for path in sorted(output.rglob("*.pot")):
            catalog = read_po(path)
            _rebase_references(catalog, output, settings.build / "gettext")
            templates[path.relative_to(output).with_suffix("").as_posix()] = catalog
        return templates


def _rebase_references(catalog: Catalog, built_in: Path, shown_from: Path) -> None:
    for entry in catalog.entries:
        rebased = []
        for reference in entry.references:
            file, colon, line = reference.rpartition(":")
            if not colon or not line.isdigit():
                file, colon, line = reference, "", ""
            absolute = os.path.normpath(os.path.join(built_in, file))
            relative = os.path.relpath(absolute, shown_from).replace(os.sep, "/")
            rebased.append(f"{relative}{colon}{line}")
        entry.references = list(dict.fromkeys(rebased))
