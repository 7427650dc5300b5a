"""The editions in the theme's own sidebar, besides the reader's bar at the top of the text.

furo's sidebar is set up by :mod:`.furo`. alabaster, pydata-sphinx-theme and
sphinx-book-theme draw the sidebar templates the page's context lists (the
theme's default unless the project sets ``html_sidebars``): triglot adds its
own after the theme's search field or sidebar toggle, or first, and only when the project did
not choose its sidebars (the project's ``conf.py`` wins, see :mod:`.unset`).
sphinx_rtd_theme has no such list: ``templates/layout.html`` adds the editions
under its search box, where Read the Docs puts its own language menu.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .alternates import HTML_BUILDERS
from .unset import is_set

SIDEBAR = "triglot/sidebar-editions.html"
# Themes whose sidebar is the list of templates in the page's context ("sidebars").
SIDEBAR_THEMES = frozenset({"alabaster", "pydata_sphinx_theme", "sphinx_book_theme"})


def with_editions(sidebars: list[str]) -> list[str]:
    """*sidebars* with the editions after the first search field or sidebar toggle, or first when there is none."""
    tools = [index for index, name in enumerate(sidebars) if "search" in name or "collapse" in name]
    at = tools[0] + 1 if tools else 0
    return [*sidebars[:at], SIDEBAR, *sidebars[at:]]


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if (app.builder.name in HTML_BUILDERS and app.config.html_theme in SIDEBAR_THEMES
            and not is_set(app.config, "html_sidebars") and SIDEBAR not in context.get("sidebars", [])):
        context["sidebars"] = with_editions(list(context.get("sidebars") or []))


def setup(app: Sphinx) -> None:
    """Add the editions to the sidebar of the themes that list their sidebar templates."""
    app.connect("html-page-context", _page_context)
