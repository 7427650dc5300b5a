"""What an edition is, as publishers' metadata needs it: title, author, translator, date, description.

The title and author are translated from the catalog by
:mod:`triglot.sphinx.metadata`; the publication date is the ``:pubdate:`` of
the root document and the description its ``.. meta:: :description:`` (both
read from the translated doctree, so in the edition's language). The
translator is ``triglot_translators[language]`` of conf.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.application import Sphinx

from .project_settings import project_settings


@dataclass(frozen=True)
class EditionFacts:
    """One edition's bibliographic facts, in its own language."""

    language: str
    source_language: str
    title: str
    source_title: str  # the title of the source edition
    author: str
    translator: str
    date: str  # YYYY-MM-DD, or "" when the root document has no :pubdate:
    description: str

    @property
    def is_translation(self) -> bool:
        """True for an edition in another language than the source."""
        return self.language != self.source_language


def meta_description(doctree: nodes.document | None) -> str:
    """The ``.. meta:: :description:`` of *doctree*, or ""."""
    if doctree is None:
        return ""
    for node in doctree.findall(nodes.meta):
        if node.get("name") == "description":
            return " ".join(node.get("content", "").split())
    return ""


def publication_date(doctree: nodes.document | None) -> str:
    """The first ``:pubdate:`` of *doctree* (ISO), or ""."""
    if doctree is None:
        return ""
    for node in doctree.findall(nodes.inline):
        if "pubdate" in node["classes"] and node.get("datetime"):
            return node["datetime"]
    return ""


def root_doctree(app: Sphinx) -> nodes.document | None:
    """The root document's doctree as read (translated), or None before it is read."""
    if app.config.root_doc not in app.env.all_docs:
        return None
    return app.env.get_doctree(app.config.root_doc)


def edition_facts(app: Sphinx) -> EditionFacts:
    """The facts of the edition being built (call once the documents are read)."""
    config = app.config
    settings = project_settings(app)
    source = settings.source_language if settings else "en"
    language = config.language or source
    doctree = root_doctree(app)
    translators = config.triglot_translators or {}
    return EditionFacts(
        language=language,
        source_language=source,
        title=config.triglot_title or config.project,
        source_title=config.triglot_source_title or config.project,
        author=config.triglot_author or config.author,
        translator=translators.get(language, "") if language != source else "",
        date=publication_date(doctree),
        description=meta_description(doctree),
    )


def setup(app: Sphinx) -> None:
    """Register ``triglot_translators`` (language → the translator's name, in that language)."""
    app.add_config_value("triglot_translators", {}, "env", types=frozenset({dict}))
