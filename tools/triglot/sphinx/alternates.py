"""Links between the editions: ``hreflang`` alternates in each page's head.

Every HTML page links to the same page in every edition, and ``x-default``
to the site's root page (which sends readers to their language) for the
root document, to the source edition elsewhere. With ``triglot_site_url``
set (the public URL of ``build/site``) the links are absolute and each
edition's ``html_baseurl`` (its canonical links) is set; otherwise they are
relative. ``triglot-reader.json`` records the edition's pages for the
site's sitemap.

Each edition is at ``<lang>/`` below the site's root, as ``triglot
assemble`` places it; ``triglot_edition_path`` says otherwise for a host
that serves each edition on its own. On Read the Docs (one project per
edition, at ``/<lang>/<version>/``) it is set from Read the Docs' own
variables, and the site's pages (parallel view, status page), which only an
assembled site has, are not linked (``triglot_site_pages``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from triglot.edition_files import READER_FILE
from triglot.fs import atomic_write
from triglot.languages import language_tag, native_name

from .project_settings import project_settings

HTML_BUILDERS = frozenset({"html", "dirhtml"})


@dataclass(frozen=True)
class Edition:
    """One edition of the page being written: its language, name and URL."""

    code: str
    name: str
    href: str
    current: bool

    @property
    def tag(self) -> str:
        """The language as HTML's ``lang`` and ``hreflang`` want it (BCP 47): ``pt-BR`` for ``pt_BR``."""
        return language_tag(self.code)


def site_languages(app: Sphinx) -> tuple[str, str, tuple[str, ...]]:
    """(edition language, source language, every language) of the build."""
    settings = project_settings(app)
    source = settings.source_language if settings else "en"
    languages = settings.languages if settings else (source,)
    return app.config.language or source, source, languages


def edition_path(app: Sphinx, code: str) -> str:
    """Where *code*'s edition is below the site's root: ``ru/`` (on Read the Docs ``ru/latest/``)."""
    return app.config.triglot_edition_path.format(lang=code, url_lang=language_tag(code).lower())


def site_root(app: Sphinx, pagename: str, absolute: bool = False) -> str:
    """The site's root (the folder above the editions) seen from *pagename*: "../../".

    With *absolute*, the site URL when ``triglot_site_url`` is set (for
    alternates, sitemaps and metadata; a reader's links stay relative, so a
    site works wherever it is copied).
    """
    site_url = app.config.triglot_site_url
    if absolute and site_url:
        return site_url.rstrip("/") + "/"
    lang, _source, _languages = site_languages(app)
    return "../" * (app.builder.get_target_uri(pagename).count("/") + edition_path(app, lang).count("/"))


def page_editions(app: Sphinx, pagename: str, absolute: bool = False) -> list[Edition]:
    """*pagename* in every edition, current one included, in the project's language order."""
    lang, _source, languages = site_languages(app)
    root = site_root(app, pagename, absolute)
    uri = app.builder.get_target_uri(pagename)
    return [Edition(code, native_name(code), f"{root}{edition_path(app, code)}{uri}", code == lang)
            for code in languages]


def x_default(app: Sphinx, pagename: str) -> str:
    """The ``x-default`` alternate of *pagename* (absolute when the site URL is known)."""
    _lang, source, _languages = site_languages(app)
    root = site_root(app, pagename, absolute=True)
    if pagename == app.config.root_doc:
        return f"{root}index.html"
    return f"{root}{edition_path(app, source)}{app.builder.get_target_uri(pagename)}"


def alternate_links(app: Sphinx, pagename: str) -> str:
    """The ``<link rel="alternate" hreflang>`` tags of *pagename*."""
    links = [
        f'<link rel="alternate" hreflang="{edition.tag}" href="{edition.href}">'
        for edition in page_editions(app, pagename, absolute=True)
    ]
    links.append(f'<link rel="alternate" hreflang="x-default" href="{x_default(app, pagename)}">')
    return "\n".join(links) + "\n"


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name not in HTML_BUILDERS:
        return
    context["metatags"] = context.get("metatags", "") + alternate_links(app, pagename)
    if not app.config.html_favicon:  # no request for a /favicon.ico the site does not have
        context["metatags"] += '<link rel="icon" href="data:,">\n'


def _set_layout(app: Sphinx, config: Config) -> None:
    """Where the editions are (``triglot_edition_path``, unless conf.py set it), and the canonical URL."""
    if not config.triglot_edition_path:
        on_read_the_docs = os.environ.get("READTHEDOCS") == "True"
        version = os.environ.get("READTHEDOCS_VERSION", "latest")
        config.triglot_edition_path = f"{{url_lang}}/{version}/" if on_read_the_docs else "{lang}/"
        if on_read_the_docs and config.triglot_site_pages is None:
            config.triglot_site_pages = False
    if config.triglot_site_pages is None:
        config.triglot_site_pages = True
    if config.triglot_site_url and not config.html_baseurl:
        lang, _source, _languages = site_languages(app)
        config.html_baseurl = f"{config.triglot_site_url.rstrip('/')}/{edition_path(app, lang)}"


def _write_reader_file(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    lang, _source, _languages = site_languages(app)
    data = {
        "language": lang,
        "root": app.builder.get_target_uri(app.config.root_doc),
        "pages": sorted(app.builder.get_target_uri(name) for name in app.env.found_docs),
        "site_url": app.config.triglot_site_url,
    }
    atomic_write(Path(app.outdir) / READER_FILE, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def setup(app: Sphinx) -> None:
    """Register ``triglot_site_url``, ``triglot_edition_path``, ``triglot_site_pages`` and the alternates."""
    app.add_config_value("triglot_site_url", "", "html", types=frozenset({str}))
    # Where each edition is below the site's root: "{lang}/" (set for Read the Docs when left empty).
    app.add_config_value("triglot_edition_path", "", "html", types=frozenset({str}))
    # Whether the site has triglot's own pages (parallel view, status page): an assembled site has them.
    app.add_config_value("triglot_site_pages", None, "html", types=frozenset({bool, type(None)}))
    app.connect("config-inited", _set_layout, priority=300)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _write_reader_file)
