"""What triglot adds to the furo theme: the editions in its sidebar, and its unmarked strings translated.

furo writes some strings without marking them for translation (the labels
of its toggles, the titles of its icons): each page's body is rendered, then
those strings are replaced by their translation (:mod:`triglot.interface`
catalogs). Everything furo-specific is here; other themes get the reader's
bar and nothing of this.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .alternates import HTML_BUILDERS
from .interface_strings import translate

# furo's sidebar with the editions under the search box: on a wide screen it
# stays in view, so a reader switches without scrolling back to the top.
SIDEBARS = [
    "sidebar/brand.html", "sidebar/search.html", "triglot/sidebar-editions.html", "sidebar/scroll-start.html",
    "sidebar/navigation.html", "sidebar/ethical-ads.html", "sidebar/scroll-end.html", "sidebar/variant-selector.html",
]

# Strings furo's templates write as they are (furo 2024–2025): aria-labels and the titles of its icons.
UNMARKED = (
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
    "Contents",
    "Menu",
    "Expand",
    "Light mode",
    "Dark mode",
    "Auto light/dark, in light mode",
    "Auto light/dark, in dark mode",
)


def localize_unmarked(body: str, gettext: Callable[[str], str] = translate) -> str:
    """*body* (furo's rendered page body) with furo's unmarked strings translated."""
    for message in UNMARKED:
        translated = gettext(message)
        if translated == message:
            continue
        body = body.replace(f'aria-label="{message}"', f'aria-label="{html.escape(translated)}"')
        body = body.replace(f"<title>{message}</title>", f"<title>{html.escape(translated, quote=False)}</title>")
    return body


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name in HTML_BUILDERS and app.config.html_theme == "furo":
        context["triglot_localize_theme"] = localize_unmarked


def _sidebars(app: Sphinx, config: Config) -> None:
    if config.html_theme == "furo" and not config.html_sidebars:
        config.html_sidebars = {"**": SIDEBARS}


def setup(app: Sphinx) -> None:
    """Put the editions in furo's sidebar; translate its unmarked strings."""
    app.connect("config-inited", _sidebars, priority=300)
    app.connect("html-page-context", _page_context)
