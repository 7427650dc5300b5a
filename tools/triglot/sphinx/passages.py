"""The record of an edition's build: what it shows translated, which catalogs reached it, what it made.

:mod:`triglot.sphinx.fallback` records, per document, the passages it
considered and those it marked as shown in the source language; this
module keeps those counts in Sphinx's environment (so an incremental build
still counts the documents it did not re-read) and, once the build is done,
writes them with the catalogs of the language and the catalog names Sphinx
looked up, and for a PDF or EPUB build the file it makes (and the LaTeX
engine), into ``<doctrees>/triglot-build.json``, where ``triglot build``
reads them for its summary, ``--min-translated``, the status page and the
name of the file it publishes.

A document whose page another extension writes over is not counted: ablog
writes its list of all posts on the page of the document its ``blog_path``
names (fpm-docs' ``news``), so that document's passages are on no page.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.i18n import docname_to_domain

from triglot.catalog.layout import INTERFACE_CATALOGS
from triglot.edition_files import BUILD_RECORD
from triglot.fs import atomic_write

from .outputs import output_name
from .project_settings import project_settings, sphinx_layout

_ATTRIBUTE = "triglot_passages"  # on the environment: docname -> [passages, shown translated]
_REPLACED = "_triglot_replaced_pages"  # on the application: documents whose page another page replaced, this build


def record(env: BuildEnvironment, docname: str, passages: int, translated: int) -> None:
    """Keep *docname*'s count of passages and of those shown translated."""
    counts = getattr(env, _ATTRIBUTE, None)
    if counts is None:
        counts = {}
        setattr(env, _ATTRIBUTE, counts)
    counts[docname] = [passages, translated]


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, _ATTRIBUTE, {}).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for docname in docnames:
        if docname in getattr(other, _ATTRIBUTE, {}):
            record(env, docname, *getattr(other, _ATTRIBUTE)[docname])


def _note_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """A page with no doctree written under a document's name (after the documents: Sphinx's additional pages)
    replaces that document's page."""
    if doctree is None and pagename in app.env.all_docs:
        getattr(app, _REPLACED).add(pagename)


def _start(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    setattr(app, _REPLACED, set())  # each build (triglot serve --watch builds again with the same application)


def replaced_pages(app: Sphinx) -> set[str]:
    """The documents whose page this build replaced with a page of its own (ablog's post lists)."""
    return getattr(app, _REPLACED, set())


def edition_record(app: Sphinx) -> dict:
    """The edition's counts over its documents; for a translation, its language's catalogs, those that reached
    the build, and the catalog files Sphinx looks for (paths relative to the project)."""
    counts = getattr(app.env, _ATTRIBUTE, {})
    docs = sorted(doc for doc in app.env.all_docs if doc in counts and doc not in replaced_pages(app))
    data: dict = {"passages": sum(counts[doc][0] for doc in docs),
                  "translated": sum(counts[doc][1] for doc in docs)}
    data["sources"] = sources_read(app)
    if app.builder.name == "latex":
        data |= {"output": output_name(app.config, "pdf"),
                 "latex_engine": getattr(app, "_triglot_latex_engine", app.config.latex_engine)}
    elif app.builder.name == "epub":
        data["output"] = output_name(app.config, "epub")
    settings = project_settings(app)
    language = app.config.language
    if settings is None or not language or language == settings.source_language:
        return data
    layout = sphinx_layout(app, settings)
    catalogs = layout.catalog_files(language)
    domains = {docname_to_domain(doc, app.config.gettext_compact) for doc in app.env.all_docs} - INTERFACE_CATALOGS
    # A pattern table is given to Sphinx as one catalog that holds every catalog's translations.
    reached = sorted(catalogs) if layout.patterns else sorted(name for name in catalogs if name in domains)
    data["catalogs"] = {name: os.path.relpath(path, settings.root) for name, path in catalogs.items()}
    data["reached"] = reached
    data["looked_up"] = sorted(os.path.relpath(layout.po_path(language, name), settings.root) for name in domains)
    return data


def sources_read(app: Sphinx) -> dict[str, list[str]]:
    """What of the source folder the build reads, besides its Python files: the documents' suffixes, the files
    they include or show (dependencies, images, downloads), the folders of templates and static files and the
    files conf.py names (paths relative to the source folder)."""
    srcdir = Path(app.srcdir).resolve()
    config = app.config

    def inside(paths: object) -> list[str]:
        found = set()
        for path in paths:  # type: ignore[attr-defined]
            if not isinstance(path, (str, os.PathLike)) or not str(path) or "://" in str(path):
                continue
            resolved = (Path(app.confdir) / path).resolve()
            if resolved.is_relative_to(srcdir):
                found.add(resolved.relative_to(srcdir).as_posix())
        return sorted(found)

    dependencies = [path for paths in app.env.dependencies.values() for path in paths]
    named = [config.html_logo, config.html_favicon, getattr(config, "latex_logo", None),
             getattr(config, "epub_cover", ("",))[0] if getattr(config, "epub_cover", None) else None,
             *getattr(config, "latex_additional_files", [])]
    return {"suffixes": sorted(config.source_suffix),
            "files": inside([*dependencies, *(srcdir / name for name in app.env.images),
                             *(srcdir / name for name in app.env.dlfiles), *(name for name in named if name)]),
            "folders": inside([*config.templates_path, *config.html_static_path, *config.html_extra_path])}


def _write(app: Sphinx, exception: BaseException | None) -> None:
    if exception is None:
        data = json.dumps(edition_record(app), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        atomic_write(Path(app.doctreedir) / BUILD_RECORD, data.encode("utf-8"))


def setup(app: Sphinx) -> None:
    """Keep the counts with the environment and write the edition's record after the build."""
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-before-read-docs", _start)
    app.connect("html-page-context", _note_page)
    app.connect("build-finished", _write)
