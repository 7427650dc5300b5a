"""Compiled page templates kept from one build of an edition to the next (Jinja's bytecode cache).

Sphinx compiles its theme's templates anew in every build; an HTML build
of a few pages spends a good part of its writing there. The compiled code
is kept in the edition's doctree folder (the build's private cache), each
template's entry checked against its source, so a changed template is
compiled again.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx

FOLDER = "templates"  # in the doctree folder


def _cache_templates(app: Sphinx) -> None:
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None:
        return
    folder = Path(app.doctreedir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def setup(app: Sphinx) -> None:
    """Give the builder's template environment the cache once the builder is made."""
    app.connect("builder-inited", _cache_templates)
