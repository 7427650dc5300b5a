"""Japanese search: the query is split into the words of the index (sphinx#13395).

Adds ``triglot-search-ja.js`` to a Japanese HTML edition; it defines the
``splitQuery`` that Sphinx's ``searchtools.js`` uses when a page provides one.
Russian needs nothing: Sphinx stems Russian queries and index alike with the
Snowball stemmer.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from .alternates import HTML_BUILDERS


def _add_splitter(app: Sphinx) -> None:
    search_language = app.config.html_search_language or app.config.language or ""
    if app.builder.name in HTML_BUILDERS and search_language.split("_")[0] == "ja":
        app.add_js_file("triglot-search-ja.js")


def setup(app: Sphinx) -> None:
    """Add the query splitter to Japanese editions."""
    app.connect("builder-inited", _add_splitter)
