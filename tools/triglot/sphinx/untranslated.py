"""The ``untranslated`` directive: content kept in the source language in every edition.

For text quoted from the source (the emendation table of the editorial notes,
say): it is parsed as usual, left out of the catalogs, and marked with the
class ``triglot-untranslated`` (the HTML writer gives it the source
language's ``lang``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


class Untranslated(SphinxDirective):
    """Parse the content as RST; exclude every text node from translation."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        container = nodes.container(classes=["triglot-untranslated"])
        self.set_source_info(container)
        self.state.nested_parse(self.content, self.content_offset, container)
        for node in container.findall(nodes.TextElement):
            node["translatable"] = False
        return [container]


def setup(app: Sphinx) -> None:
    """Register the directive."""
    app.add_directive("untranslated", Untranslated)
