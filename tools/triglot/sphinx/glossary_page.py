"""The ``triglot-glossary`` directive: the glossary page of each edition, generated from ``glossary/``.

The glossary is read once per build (``builder-inited``); a problem in the
data stops the build before any document is read. The directive writes, in
the edition's language, each published entry's term, its forms in the other
languages (with the Hepburn romanization of Japanese forms) and its
definition. The text is data, not markup: it becomes plain text nodes,
never parsed as RST, and marked untranslatable so it stays out of the
catalogs. Each term's anchor is the one Sphinx gives the source-language
term (``#term-soft-power``) in every edition, and the source-language term
is what ``:term:`` resolves, so ``:term:`мягкая сила <soft power>``` in a
translation reaches the entry.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from babel import Locale
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from triglot.errors import TriglotError
from triglot.glossary import Entry, Glossary, check_glossary
from triglot.punctuation import punctuate

from .project_settings import project_settings

logger = logging.getLogger(__name__)


class GlossaryDataError(SphinxError):
    """The glossary data has problems; the build stops."""

    category = "triglot glossary error"


def load_for_build(app: Sphinx) -> None:
    """Read and check the project's glossary; stop the build on any problem in the data.

    Only the source language is required here: an edition whose language
    the glossary does not cover yet (just added) builds, its glossary page
    in the source language, with a warning; ``triglot glossary check`` still
    reports every missing language.
    """
    app._triglot_glossary = None  # type: ignore[attr-defined]
    found = _glossary_source(app)
    if found is None:
        return
    folder, languages, source_language, root = found
    try:
        glossary, problems = check_glossary(folder, languages, required=[source_language],
                                            source_language=source_language, root=root)
    except TriglotError as exc:
        raise GlossaryDataError(str(exc)) from None
    if problems:
        for problem in problems:
            logger.error(problem.message, location=f"{problem.path}:{problem.line}", type="triglot", subtype="glossary")
        raise GlossaryDataError(
            f"the glossary has {len(problems)} problem(s), listed above as file:line: message; "
            "nothing was built (run 'triglot glossary check')"
        )
    app._triglot_glossary = glossary  # type: ignore[attr-defined]
    lang = app.config.language or source_language
    missing = [entry.id for entry in glossary.published() if entry.term(lang) is None]
    if missing:
        logger.warning(
            f"the glossary has no {lang!r} terms for {len(missing)} published entries; the glossary page shows "
            f"them in {source_language!r} (run 'triglot glossary check')",
            location=str(folder), type="triglot", subtype="glossary",
        )


def _glossary_source(app: Sphinx) -> tuple[Path, list[str], str, Path] | None:
    """The glossary folder, its languages, source language and the folder it must stay in; None without one.

    The project's (``[tool.triglot]``), or outside a project the one ``triglot_glossary`` names in ``conf.py``
    (``{"folder": …, "languages": […], "source_language": …}``, the folder relative to ``conf.py``: a tree
    written by ``triglot export-rst`` carries its glossary so).
    """
    settings = project_settings(app)
    if settings is not None:
        if not settings.glossary.is_dir():
            return None
        return settings.glossary, list(settings.languages), settings.source_language, settings.root
    spec = app.config.triglot_glossary
    if not spec:
        return None
    confdir = Path(app.confdir)
    return confdir / spec["folder"], list(spec["languages"]), spec["source_language"], confdir


def sort_key(entry: Entry, lang: str, source_language: str) -> tuple[str, str]:
    """Dictionary order in *lang*: kana reading for Japanese, letters without accents, initials and quotes otherwise."""
    term = entry.term(lang) or entry.term(source_language)
    assert term is not None
    if lang == "ja":
        text = term.reading or term.term
        return ("".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text), entry.id)
    text = unicodedata.normalize("NFKD", term.term)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = text.split()
    while len(words) > 1 and len(words[0]) == 2 and words[0].endswith("."):
        words.pop(0)  # "т. асо (асо таро)" files under А
    return ("".join(c for c in " ".join(words) if c.isalnum() or c == " "), entry.id)


def language_label(code: str, in_lang: str) -> str:
    """The name of language *code* in language *in_lang* ("английский"), capitalized."""
    try:
        name = Locale.parse(in_lang).languages.get(code.split("_")[0]) or code
    except (ValueError, TypeError):
        name = code
    return name[:1].upper() + name[1:]


def _untranslatable(node: nodes.Element) -> nodes.Element:
    """Keep the generated text out of the catalogs.

    Inline nodes are never extracted, and must not get the attribute: Sphinx
    unwraps every inline that has one (``RemoveTranslatableInline``).
    """
    for child in node.findall(nodes.TextElement):
        if not isinstance(child, nodes.Inline):
            child["translatable"] = False
    return node


class GlossaryDirective(SphinxDirective):
    """``.. triglot-glossary::`` — the published glossary entries in the edition's language."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        glossary: Glossary | None = getattr(self.env.app, "_triglot_glossary", None)
        if glossary is None:
            raise self.error("triglot-glossary: this project has no glossary folder ([tool.triglot] glossary)")
        for path in glossary.files:
            self.env.note_dependency(str(path))
        lang = self.config.language or glossary.source_language
        if lang not in glossary.languages:
            lang = glossary.source_language
        entries = sorted(glossary.published(), key=lambda entry: sort_key(entry, lang, glossary.source_language))
        items = [self._item(entry, glossary, lang) for entry in entries]
        dlist = nodes.definition_list("", *items, classes=["glossary", "triglot-glossary"])
        node = addnodes.glossary(sorted=False)  # already in the edition's dictionary order
        node += dlist
        self.set_source_info(node)
        return [_untranslatable(node)]

    def _item(self, entry: Entry, glossary: Glossary, lang: str) -> nodes.definition_list_item:
        source = entry.term(glossary.source_language)
        shown = entry.term(lang) or source
        assert source is not None and shown is not None
        term = nodes.term("", shown.term)
        node_id = make_id(self.env, self.state.document, "term", source.term)
        term["ids"].append(node_id)
        term["classes"].append(f"triglot-category-{entry.category}")
        self.state.document.note_explicit_target(term)
        std = self.env.domains.standard_domain
        std._note_term(source.term, node_id, location=(self.env.docname, self.lineno))
        if shown.term.casefold() != source.term.casefold() and shown.term.lower() not in std._terms:
            std._note_term(shown.term, node_id, location=(self.env.docname, self.lineno))
        index = addnodes.index(entries=[("single", shown.term, node_id, "main", None)])
        term += index
        definition = nodes.definition("", self._forms(entry, glossary, lang), nodes.paragraph("", shown.definition))
        return nodes.definition_list_item("", term, definition)

    def _forms(self, entry: Entry, glossary: Glossary, lang: str) -> nodes.paragraph:
        """The entry's forms in the other languages: "English: soft power · Japanese: ソフトパワー (sofuto pawā)"."""
        para = nodes.paragraph(classes=["triglot-glossary-forms"])
        others = [code for code in glossary.languages if code != lang and entry.term(code) is not None]
        for position, code in enumerate(others):
            form = entry.term(code)
            assert form is not None
            if position:
                para += nodes.Text(" · ")
            para += nodes.inline("", punctuate("label", language_label(code, lang), lang),
                                 classes=["triglot-glossary-language"])
            para += nodes.inline("", form.term, classes=["triglot-glossary-form", f"triglot-lang-{code}"])
            if form.romanization and form.romanization != form.term:
                para += nodes.Text(punctuate("gloss", form.romanization, lang))
        own = entry.term(lang)
        shown = {entry.term(code).term.casefold() for code in others}  # type: ignore[union-attr]
        if own is not None and own.romanization and own.romanization.casefold() not in shown:
            para.insert(0, nodes.Text(f"{own.romanization} · " if others else own.romanization))
        return para


def setup(app: Sphinx) -> None:
    """Register the directive and read the glossary when the build starts."""
    app.add_config_value("triglot_glossary", None, "env", types=frozenset({dict, type(None)}))
    app.add_directive("triglot-glossary", GlossaryDirective)
    app.connect("builder-inited", load_for_build)
