"""Which translation Sphinx used for each translatable node of each source file: what ``triglot export-rst`` writes.

The edition is read as its build reads it (``-D language=L``, the project's
``conf.py`` and extensions, triglot's checked catalogs and confined parse),
with Sphinx's ``dummy`` builder, which writes nothing. Right after Sphinx's
``Locale`` transform, :class:`RecordTranslations` notes for every
translatable node its source file, line and msgid, and, if Sphinx marked it
translated, the translation it used: Sphinx's own decision, after triglot's
checks (a refused translation is not in the catalog Sphinx reads) and
Sphinx's (a translation that does not parse as a paragraph is dropped).
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes

from sphinx.application import Sphinx
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.transforms.i18n import parse_noqa
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import LITERAL_TYPE_NODES, extract_messages

from triglot.errors import TriglotError
from triglot.exchange.rst import GLOSSARY_TERM, SourceMessage

EXTENSION = "triglot.sphinx"
Recorded = dict[Path, list[tuple[str, int | None, str, str | None]]]


class NoteMessages(SphinxTransform):
    """Before Sphinx's Locale transform: each translatable node and its msgid, kept on the document."""

    default_priority = 19

    def apply(self, **kwargs: object) -> None:
        if getattr(self.app, "_triglot_recorded", None) is not None:
            self.document._triglot_messages = list(extract_messages(self.document))  # type: ignore[attr-defined]


class RecordTranslations(SphinxTransform):
    """After the translation: the file, line and msgid of each node noted, and the translation put in its place."""

    default_priority = 22  # after Sphinx's Locale (20) and triglot's metadata (21)

    def apply(self, **kwargs: object) -> None:
        recorded: Recorded | None = getattr(self.app, "_triglot_recorded", None)
        noted = getattr(self.document, "_triglot_messages", None)
        if recorded is None or noted is None:
            return
        del self.document._triglot_messages  # type: ignore[attr-defined]
        merged = self._catalog()
        for node, msgid in noted:
            source = Path(node.source or self.document["source"])
            recorded[source].append((_kind(node), node.line, msgid, self._translation(node, msgid, merged)))

    @staticmethod
    def _translation(node: nodes.Element, msgid: str, merged: dict[str, str]) -> str | None:
        """The text Sphinx put in place of *msgid*, or None when it kept the source."""
        if isinstance(node, nodes.meta):  # translated in place; triglot's metadata drops the flag
            return node["content"] if node["content"] != msgid else None
        if not node.get("translated"):
            return None
        translation = merged.get(msgid, msgid)
        return translation if isinstance(node, LITERAL_TYPE_NODES) else parse_noqa(translation)[0]

    def _catalog(self) -> dict[str, str]:
        """The messages Sphinx's Locale transform looked up for this document (the same catalogs, the same order)."""
        domain = docname_to_domain(self.env.current_document.docname, self.config.gettext_compact)
        folders = [self.env.srcdir / folder for folder in self.config.locale_dirs]
        catalog, found = init_locale(folders, self.config.language, domain)
        merged: dict[str, str] = {}
        if not found:
            return merged
        catalogues = [getattr(catalog, "_catalog", None)]
        while (catalog := catalog._fallback) is not None:  # type: ignore[attr-defined]
            catalogues.append(getattr(catalog, "_catalog", None))
        for catalogue in filter(None, reversed(catalogues)):
            merged |= catalogue
        return merged


def _kind(node: nodes.Element) -> str:
    """The node's class name; ``glossary_term`` for a term of a Sphinx glossary (a definition list's has no id)."""
    return GLOSSARY_TERM if isinstance(node, nodes.term) and node["ids"] else type(node).__name__


@dataclass(frozen=True)
class EditionRead:
    """What Sphinx read: each source file's messages, and the edition's settings that conf.py's strings give
    (``project`` and ``author`` translated, the date locale), as a tree that is the translation must set them."""

    messages: dict[Path, list[SourceMessage]]
    settings: dict[str, str]


def used_translations(docs: Path, lang: str, workdir: Path, refused: set[str]) -> EditionRead:
    """Read the edition of *lang* (Sphinx project in *docs*, scratch files in *workdir*): what it used.

    *refused*: the msgids whose translation the build refuses (their comment says so).
    Raises sphinx.errors.SphinxError when Sphinx cannot read the project, TriglotError when its ``conf.py`` does
    not load triglot's extension (the checks would not run).
    """
    recorded: Recorded = defaultdict(list)
    warnings = io.StringIO()
    app = Sphinx(str(docs), str(docs), str(workdir / "out"), str(workdir / "doctrees"), "dummy",
                 confoverrides={"language": lang}, status=None, warning=warnings, freshenv=True)
    if EXTENSION not in app.extensions:
        raise TriglotError(f"conf.py does not load the {EXTENSION} extension, whose checks keep unsafe translations "
                           f"out: add {EXTENSION!r} to its extensions", docs / "conf.py")
    app._triglot_recorded = recorded  # type: ignore[attr-defined]
    app.add_transform(NoteMessages)
    app.add_transform(RecordTranslations)
    app.build(force_all=True)
    messages = {
        path: [SourceMessage(kind, line, msgid, translation, translation is None and msgid in refused)
               for kind, line, msgid, translation in file_messages]
        for path, file_messages in recorded.items()
    }
    config = app.config
    return EditionRead(messages, {"project": config.project, "author": config.triglot_author or config.author,
                                  "triglot_date_locale": config.triglot_date_locale})

