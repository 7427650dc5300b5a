"""Stable ids for paragraphs and notes, the same in every edition.

Ids are counted in document order before Sphinx's ``Locale`` transform puts
the translation in: a translation replaces a paragraph's text, never the
document's structure (a msgstr that parses to anything but a paragraph is
dropped), so ``tg-p12`` is the twelfth paragraph of a page, and ``tg-n3`` its
third note, in every language. The language switcher and the parallel view
rely on them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

PARAGRAPH_PREFIX = "tg-p"
NOTE_PREFIX = "tg-n"


def _is_paragraph(node: nodes.Node) -> bool:
    """A paragraph of the text: not one of a system message (docutils' messages depend on the language)."""
    if not isinstance(node, (nodes.paragraph, nodes.rubric)):
        return False
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.system_message):
            return False
        parent = parent.parent
    return True


def _add_id(document: nodes.document, node: nodes.Element, new_id: str, first: bool) -> None:
    if new_id in document.ids:
        return
    if first:
        node["ids"].insert(0, new_id)
    else:
        node["ids"].append(new_id)
    document.ids[new_id] = node


class StableParagraphIds(SphinxTransform):
    """Give each paragraph (and rubric) ``tg-p<N>``."""

    default_priority = 15  # before Locale (20): the count cannot depend on the translation

    def apply(self, **kwargs: object) -> None:
        for number, node in enumerate(self.document.findall(_is_paragraph), 1):
            _add_id(self.document, node, f"{PARAGRAPH_PREFIX}{number}", first=True)


class StableNoteIds(SphinxTransform):
    """Give each footnote ``tg-n<N>``, after docutils has linked notes and references."""

    default_priority = 900  # docutils' footnote resolution wants one id per note until then

    def apply(self, **kwargs: object) -> None:
        for number, node in enumerate(self.document.findall(nodes.footnote), 1):
            # The note keeps docutils' id first: its references and backlinks use it.
            _add_id(self.document, node, f"{NOTE_PREFIX}{number}", first=False)


def setup(app: Sphinx) -> None:
    """Register the transforms."""
    app.add_transform(StableParagraphIds)
    app.add_transform(StableNoteIds)
