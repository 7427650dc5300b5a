"""Marks what a translated edition shows in the source language.

After Sphinx's ``Locale`` transform, a translatable node whose translation is
missing or fuzzy keeps the source text and ``node['translated']`` is false.
Such a node gets the source language (``lang="en"`` in HTML, so screen
readers and hyphenation follow it) and the class ``triglot-fallback``; a
paragraph also gets a small mark whose title explains it (in HTML only, and
out of the search index). The counts of
passages and of those shown translated go to :mod:`triglot.sphinx.passages`.

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
        passages = [node for node, _message in extract_messages(self.document)
                    if isinstance(node, nodes.TextElement) and not isinstance(node, nodes.Inline)]
        marked = lang != source and not self.config.triglot_translated_sources
        fallback = [node for node in passages if not node.get("translated")] if marked else []
        record(self.env, self.env.current_document.docname, len(passages), len(passages) - len(fallback))
        for node in fallback:
            node["classes"] += [FALLBACK_CLASS, f"language-{language_tag(source)}"]
            if isinstance(node, nodes.paragraph) and not _bibliographic(node):
                node.insert(0, make_fallback_mark(lang, source))


def _bibliographic(node: nodes.Element) -> bool:
    """True if *node* is in the field list atop the document (MyST's front matter, RST's ``:date:`` fields).

    Docutils' DocInfo transform, which runs later, turns those fields into data (``date``, ``author``…)
    that extensions read as text (ablog parses the date), so they get no mark.
    """
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.field_list):
        parent = parent.parent
    return parent is not None and isinstance(parent.parent, nodes.document)


def setup(app: Sphinx) -> None:
    """Register the transform and its switch."""
    app.add_config_value("triglot_translated_sources", False, "env", types=frozenset({bool}))
    app.add_transform(MarkFallback)
    app.add_node(fallback_mark, html=(_visit_mark_html, None), latex=(_skip, None), text=(_skip, None),
                 man=(_skip, None), texinfo=(_skip, None))
