"""The ``untranslated`` directive: content kept in the source language in every edition.

For text quoted from the source (the emendation tables of the editorial
notes): it is parsed as usual, left out of the catalogs, printed exactly as
written (no smart quotes: a quoted reading keeps its straight apostrophe),
and tagged with the source language (``lang`` in HTML).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from triglot.languages import language_tag

from .project_settings import project_settings


class Untranslated(SphinxDirective):
    """Parse the content as RST; exclude every text node from translation and smart quotes."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        settings = project_settings(self.env.app)
        source_language = settings.source_language if settings else "en"
        container = nodes.container(classes=["triglot-untranslated", f"language-{language_tag(source_language)}"])
        container["support_smartquotes"] = False
        self.set_source_info(container)
        self.state.nested_parse(self.content, self.content_offset, container)
        for node in container.findall(nodes.TextElement):
            node["translatable"] = False
        return [container]


def setup(app: Sphinx) -> None:
    """Register the directive."""
    app.add_directive("untranslated", Untranslated)
