"""A figure caption's classes and ids once in HTML: on its text, not also on the ``<figcaption>`` around it.

Docutils opens a figure's ``<figcaption>`` with the caption's attributes, and
Sphinx then opens ``<span class="caption-text">`` with them again: a caption
shown in the source language was marked twice, and its id (the translator
mode's) was on two elements. The ``<figcaption>`` also holds the figure's
legend, which is not the caption: the caption's classes and ids (and the
fallback's passage key) go to an inline around its text, and the caption
keeps none.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .fallback import PASSAGE_KEY


class CaptionAttributesOnce(SphinxPostTransform):
    """Move a figure caption's classes and ids to an inline around its text (HTML builders)."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: object) -> None:
        for caption in self.document.findall(nodes.caption):
            if not isinstance(caption.parent, nodes.figure) or not (caption["classes"] or caption["ids"]):
                continue
            text = nodes.inline("", "", *caption.children, classes=caption["classes"], ids=caption["ids"])
            if PASSAGE_KEY in caption:
                text[PASSAGE_KEY] = caption.attributes.pop(PASSAGE_KEY)
            for node_id in caption["ids"]:
                self.document.ids[node_id] = text
            caption["classes"], caption["ids"] = [], []
            caption.children = []
            caption += text


def setup(app: Sphinx) -> None:
    """Register the post-transform."""
    app.add_post_transform(CaptionAttributesOnce)
