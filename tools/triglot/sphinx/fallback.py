"""Marks what a translated edition shows in the source language.

After Sphinx's ``Locale`` transform, a translatable node whose translation is
missing or fuzzy keeps the source text and ``node['translated']`` is false.
Such a node gets the source language (``lang="en"`` in HTML, so screen
readers and hyphenation follow it) and the class ``triglot-fallback``; a
paragraph also gets a small mark whose title explains it (in HTML only, and
out of the search index). The counts of
passages and of those shown translated go to :mod:`triglot.sphinx.passages`.

A passage is text the reader sees: the field list atop a document, which
docutils turns into the document's data (MyST's front matter, RST's
``:date:`` or ``:orphan:`` fields) and Sphinx then takes out of the page, is
neither counted nor marked. Each marked node notes its document and number
(``triglot-passage``), so that a copy shown on another page (ablog's post
lists) can be told from the passage itself: :mod:`triglot.sphinx.fallback_copies`.

Sources that are already the translation (a tree written by ``triglot
export-rst``, whose ``conf.py`` sets ``triglot_translated_sources = True``)
have no catalog to fall back from: nothing is marked.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

from triglot.languages import language_tag

from .passages import record
from .project_settings import project_settings
from .interface_strings import reader_strings

FALLBACK_CLASS = "triglot-fallback"
MARK_CLASS = "triglot-fallback-mark"
PASSAGE_KEY = "triglot-passage"  # on a marked node: "<docname>#<number>", its copies keep it


def source_language(app: Sphinx) -> str:
    """The project's source language (English outside a triglot project)."""
    settings = project_settings(app)
    return settings.source_language if settings else "en"


class fallback_mark(nodes.Inline, nodes.Element):
    """The small mark put at the start of a fallback paragraph: HTML only, and no text of its own in the doctree.

    Its words are kept in attributes, so Sphinx's search index (which reads the
    doctree's text, and the text of raw HTML) never holds them.
    """


def make_fallback_mark(lang: str, source: str) -> fallback_mark:
    """The mark of a fallback paragraph in *lang*'s edition (source language *source*)."""
    strings = reader_strings(lang, source)
    return fallback_mark(lang=lang, label=strings["fallback_mark"], explanation=strings["fallback_title"])


def _visit_mark_html(translator: nodes.NodeVisitor, node: fallback_mark) -> None:
    translator.body.append(f'<abbr class="{MARK_CLASS}" lang="{html.escape(language_tag(node["lang"]))}" '
                           f'title="{html.escape(node["explanation"])}">{html.escape(node["label"])}</abbr> ')
    raise nodes.SkipNode


def _skip(translator: nodes.NodeVisitor, node: fallback_mark) -> None:
    raise nodes.SkipNode


class MarkFallback(SphinxTransform):
    """Tag every untranslated node of a translated edition with the source language."""

    default_priority = 30  # after Locale (20) and Sphinx's translation progress count (25)

    def apply(self, **kwargs: object) -> None:
        source = source_language(self.app)
        lang = self.config.language or source
        data = _document_data(self.document)
        passages = [node for node, _message in extract_messages(self.document)
                    if isinstance(node, nodes.TextElement) and not isinstance(node, nodes.Inline)
                    and not _inside(node, data)]
        marked = lang != source and not self.config.triglot_translated_sources
        fallback = [node for node in passages if not node.get("translated")] if marked else []
        docname = self.env.current_document.docname
        record(self.env, docname, len(passages), len(passages) - len(fallback))
        for number, node in enumerate(fallback, 1):
            node["classes"] += [FALLBACK_CLASS, f"language-{language_tag(source)}"]
            node[PASSAGE_KEY] = f"{docname}#{number}"
            if isinstance(node, nodes.paragraph):
                node.insert(0, make_fallback_mark(lang, source))


def _document_data(document: nodes.document) -> nodes.field_list | None:
    """The field list docutils' DocInfo transform (which runs later) will turn into the document's data, as it
    chooses it: the first child that is not a comment, target, substitution definition or the like.

    Sphinx takes that data out of the page (its MetadataCollector), and extensions read it as text (ablog parses
    the date): its fields are not passages.
    """
    if not getattr(document.settings, "docinfo_xform", True):
        return None
    index = document.first_child_not_matching_class(nodes.PreBibliographic)
    candidate = None if index is None else document[index]
    return candidate if isinstance(candidate, nodes.field_list) else None


def _inside(node: nodes.Node, ancestor: nodes.Element | None) -> bool:
    parent = node.parent
    while ancestor is not None and parent is not None and parent is not ancestor:
        parent = parent.parent
    return ancestor is not None and parent is ancestor


def setup(app: Sphinx) -> None:
    """Register the transform and its switch."""
    app.add_config_value("triglot_translated_sources", False, "env", types=frozenset({bool}))
    app.add_transform(MarkFallback)
    app.add_node(fallback_mark, html=(_visit_mark_html, None), latex=(_skip, None), text=(_skip, None),
                 man=(_skip, None), texinfo=(_skip, None))
