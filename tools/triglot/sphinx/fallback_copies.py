"""A passage shown again on another page is marked there as a copy, so that each passage is marked once.

Extensions copy text of one document into other pages: ablog puts the first
paragraphs of each post into the pages that list posts (its ``postlist``
directive, and the archive, author, category and tag pages it makes). A copy
of a passage shown in the source language keeps the source's ``lang`` and its
mark, but its class is ``triglot-fallback-copy`` instead of
``triglot-fallback``: the passage is one passage to translate, counted once in
the build's record (on its own document) and marked once as such in the pages.
A copy also leaves its ids (the stable ``tg-p<N>`` of its own page among them)
to the page's own elements: an id is on one element of a page.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from .fallback import FALLBACK_CLASS, PASSAGE_KEY

COPY_CLASS = "triglot-fallback-copy"


def mark_copies(doctree: nodes.Node, docname: str) -> None:
    """Give every marked node of *doctree* (the page of *docname*) that is not a passage of *docname* itself, or
    repeats one already on the page, the copy's class instead of the fallback class."""
    seen = set()
    for node in doctree.findall(nodes.Element):
        key = node.get(PASSAGE_KEY)
        if key is None or FALLBACK_CLASS not in node["classes"]:
            continue
        if key.rpartition("#")[0] == docname and key not in seen:
            seen.add(key)
            continue
        node["classes"] = [COPY_CLASS if name == FALLBACK_CLASS else name for name in node["classes"]]


def drop_repeated_ids(doctree: nodes.Node) -> None:
    """Take from every element of *doctree* the ids the page's own elements (or an earlier copy) already have.

    The page's own elements are those its document registered and still holds (elsewhere, and on ablog's pages,
    which are not documents: first come, first kept)."""
    elements = list(doctree.findall(nodes.Element))
    present = {id(node) for node in elements}
    # the page's own owner of each id, where it is still in the page (a translation replaces the node it registered)
    owners = {node_id: id(owner) for node_id, owner in getattr(doctree, "ids", {}).items() if id(owner) in present}
    seen: set[str] = set()
    for node in elements:
        kept = [node_id for node_id in node["ids"] if owners.get(node_id) == id(node)
                or (node_id not in owners and node_id not in seen)]
        seen.update(kept)
        node["ids"] = kept


def _resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    # A single page holds every document: each passage there is the passage itself.
    if app.builder.format == "html" and app.builder.name != "singlehtml":
        mark_copies(doctree, docname)
        drop_repeated_ids(doctree)


def setup(app: Sphinx) -> None:
    """Mark the copies once the page's doctree is complete: after the extensions that copy (priority 500)."""
    app.connect("doctree-resolved", _resolved, priority=900)
