"""Marks the text of every HTML page, whatever the theme: ``<div data-triglot-body>`` around Sphinx's ``body``.

Each theme puts the page's body in markup of its own (furo's
``article[role=main]``, alabaster's ``div.body``, openstackdocstheme's
``div.docs-body``…); the parallel view (``triglot.site.parallel``) and the
reader's script find the text by this mark instead. The wrapper is
``display: contents`` (``triglot.css``), so it adds no box to the layout.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .alternates import HTML_BUILDERS

BODY_ATTRIBUTE = "data-triglot-body"


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name in HTML_BUILDERS and doctree is not None and "body" in context:
        context["body"] = f'<div class="triglot-body" {BODY_ATTRIBUTE}="">\n{context["body"]}</div>\n'


def setup(app: Sphinx) -> None:
    """Register the mark."""
    app.connect("html-page-context", _page_context)
