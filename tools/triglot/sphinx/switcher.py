"""The reader's bar on every HTML page: the language switcher, the parallel
view, the downloads, and a note when the page shows untranslated passages.

The switcher lists the editions up to :data:`LIST_MAX` of them; past that it
is a one-line menu (``<details>``) that opens the list. The bar is at the top
of the theme's content column: in furo's ``content`` block, in the other
themes' ``body`` block (``templates/page.html``).

Without JavaScript the switcher is plain links to the same page in the other
editions; ``triglot-reader.js`` adds the first paragraph in view (its stable
id, see ``paragraph_ids``) as the fragment when a reader follows one. The
download links are written hidden; the site's assembly shows those whose
file exists (``triglot.site.downloads``). Also adds the per-script typography
(``triglot.css``) to the theme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from triglot.edition_files import DOWNLOAD_FORMATS, parallel_view

from .alternates import HTML_BUILDERS, page_editions, site_languages
from .fallback import FALLBACK_CLASS
from .fallback_copies import COPY_CLASS
from .outputs import download_path
from .interface_strings import reader_strings

HERE = Path(__file__).parent
# Up to this many editions the switcher is a list of links; past it, a menu that takes one line.
LIST_MAX = 4
# Themes whose ``body`` block is the whole page (the bar goes in their ``content`` block instead).
WHOLE_PAGE_BODY = frozenset({"furo"})


def _fallback_count(doctree: nodes.document | None) -> int:
    if doctree is None:
        return 0
    return sum(1 for node in doctree.findall(nodes.Element)
               if {FALLBACK_CLASS, COPY_CLASS} & set(node.get("classes", ())))


def _parallel_view(app: Sphinx, uri: str, doctree: nodes.document | None) -> str:
    """The page's own parallel view; the root page's for a page with no text (search, index)."""
    root_uri = app.builder.get_target_uri(app.config.root_doc)
    return parallel_view(uri if doctree is not None else root_uri, root_uri)


def reader_context(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    """What ``triglot/reader-bar.html`` needs to draw the bar of *pagename*."""
    lang, source, _languages = site_languages(app)
    uri = app.builder.get_target_uri(pagename)
    to_edition_root = "../" * uri.count("/")
    site_pages = app.config.triglot_site_pages
    editions = page_editions(app, pagename)
    return {
        "lang": lang,
        "editions": editions,
        "current": next((edition for edition in editions if edition.current), None),
        "menu": len(editions) > LIST_MAX,
        "in_body": app.config.html_theme not in WHOLE_PAGE_BODY,
        "parallel_href": to_edition_root + _parallel_view(app, uri, doctree) if site_pages else "",
        "status_href": f"{to_edition_root}status.html" if site_pages else "",
        "downloads": [
            {"label": label, "file": download_path(app.config, fmt),
             "href": to_edition_root + download_path(app.config, fmt)}
            for fmt, label in DOWNLOAD_FORMATS
        ],
        "fallbacks": _fallback_count(doctree),
        "strings": reader_strings(lang, source),
        "source_language": source,
    }


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name in HTML_BUILDERS:
        context["triglot_reader"] = reader_context(app, pagename, doctree)


def _add_paths(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(HERE / "templates")]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]


def _add_assets(app: Sphinx) -> None:
    if app.builder.name not in HTML_BUILDERS:
        return
    app.add_css_file("triglot.css")
    app.add_js_file("triglot-reader.js", defer="defer")


def setup(app: Sphinx) -> None:
    """Register the templates, the static files and the bar's context."""
    app.connect("config-inited", _add_paths, priority=300)
    app.connect("builder-inited", _add_assets)
    app.connect("html-page-context", _page_context)
