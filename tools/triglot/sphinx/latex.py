"""Per-language LaTeX set-up: LuaLaTeX, babel and the fonts of each language, a title block, PDF metadata.

Sphinx's defaults fail for a Japanese or a mixed-script text (pdflatex stops
at the first kanji; uplatex leaves the Japanese fonts unembedded and sets
Cyrillic as full-width Japanese). Every edition is therefore typeset with
LuaLaTeX: babel with the edition's language and the fonts of its script, as
:mod:`triglot.pdf_languages` gives them (FreeFont for Latin, Cyrillic and
Greek, LuaTeX-ja with HaranoAji for Japanese, Noto CJK for Chinese and
Korean, Noto for other scripts: :mod:`.latex_languages`), the class
``ltjsarticle`` for the Japanese edition, no index, and
``\\tracinglostchars=3`` so that a glyph missing from the fonts stops the
build instead of vanishing from the page.

The settings are applied in a ``config-inited`` handler because conf.py runs
before ``-D language=…``, late, after themes and extensions: each is set only
where the project (its conf.py, theme or extensions) left it unset
(``latex_engine``, ``latex_documents``, ``latex_docclass``…), and the
project's own ``latex_elements`` win over triglot's.

With ``triglot_article_layout = True`` in conf.py (our article's), the PDF
has the article's design: A4, 11 pt, black headings, no table of contents,
unnumbered sections, and the paragraphs marked ``.. rst-class:: byline`` and
``.. rst-class:: dateline`` under the document title set as the title
block's author and date lines, so they are not printed twice. In every PDF a
rubric that only heads footnotes ("Notes") is dropped, as the notes go to
the foot of their pages.
"""

from __future__ import annotations

import html
import os
import time
import uuid
from pathlib import Path

from docutils import nodes
from docutils.utils.smartquotes import smartyPants
from sphinx.application import Sphinx
from sphinx.builders.latex.util import ExtBabel
from sphinx.config import Config
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import make_filename_from_project
from sphinx.util import texescape

from triglot.fs import atomic_write
from triglot import pdf_languages
from triglot.languages import language_tag
from triglot.pdf_languages import PdfLanguage

from .edition_facts import EditionFacts, edition_facts
from .latex_languages import babel_setup, emoji_commands, font_setup
from .outputs import output_name
from .project_settings import project_settings
from .unset import set_unset

# Paragraph classes set as part of the PDF's title block (see the module docstring).
TITLE_BLOCK_CLASSES = ("byline", "dateline")

# The characters TeX reads as commands, groups, parameters, comments or math.
TEX_SPECIALS = frozenset("\\{}$&#^_%~")

# Languages whose first paragraph after a heading is indented like the others.
INDENT_AFTER_HEADINGS = {"ru", "uk", "be", "bg", "fr", "ja", "zh", "ko"}

# What every edition's PDF needs, whatever its design: a missing glyph stops the build, the PDF's
# metadata, continued tables in the edition's language, text kept in the source language hyphenated as such,
# glossary definitions under their term.
PREAMBLE = r"""
\tracinglostchars=3
\hypersetup{pdftitle={%(title)s}, pdfauthor={%(author)s}, pdflang={%(pdflang)s},
  pdfdisplaydoctitle=true}
%% a long table continued on the next page: "Table 2 – continued" only for a table that has a caption
%% (and so a number) on its first page, else only "continued"
\makeatletter
\newif\iftriglot@captioned
\AtBeginEnvironment{longtable}{\global\triglot@captionedfalse}
\pretocmd{\LT@c@ption}{\global\triglot@captionedtrue}{}{}
\protected\def\sphinxtablecontinued#1{\textit{\iftriglot@captioned#1\else(%(continued)s)\fi}}
\makeatother
%% a glossary term's definition starts on the line below the term, even when it starts with a
%% Japanese character (LuaTeX-ja may break after it and leave it on the term's line)
\makeatletter\patchcmd{\sphinxlineitem}{\leavevmode}{\leavevmode\nobreak\hfil\break}{}{}\makeatother
%(untranslated)s
"""

# The article's design (``triglot_article_layout = True`` in conf.py): unnumbered sections, indented
# paragraphs, a title block made of the title and the byline and dateline paragraphs, the back matter's
# documents on a new page unless most of the page is free.
ARTICLE_PREAMBLE = r"""
\setcounter{secnumdepth}{0}
\frenchspacing
\setlength{\parindent}{%(parindent)s}
\setlength{\parskip}{0pt plus 1pt}
\makeatletter
\newcommand{\triglotmaketitle}{%%
  \pdfbookmark[1]{%(title)s}{triglot-title}%% the article in the outline, beside the back matter's sections
  \vspace*{0.5\baselineskip}
  \begin{center}
    {\LARGE\bfseries \@title\par}
  \end{center}\par\vspace{0.3\baselineskip}}
\newenvironment{sphinxclassbyline}{\par\centering\parindent=0pt\large}{\par\vspace{0.2\baselineskip}}
%% after the title block, the first paragraph is indented as after a heading (in English, it is not);
%% \@afterheading's local \everypar would not survive the container's group
\def\triglot@afterheading{\global\@nobreaktrue\global\everypar{\if@nobreak\global\@nobreakfalse
  \clubpenalty\@M{\setbox\z@\lastbox}\else\clubpenalty\@clubpenalty\global\everypar{}\fi}}
\newenvironment{sphinxclassdateline}{\par\centering\parindent=0pt\small}{\par
  \vspace{\baselineskip}\rule{0.25\linewidth}{0.4pt}\par\vspace{1.5\baselineskip}%%
  %(afterheading)s}
\makeatother
%% the back matter (glossary, notes, colophon): each document on a new page unless most of the page is
%% free (a page break after each would leave pages nearly empty)
\renewcommand{\sphinxstepscope}{\par
  \ifdim\dimexpr\pagegoal-\pagetotal\relax<0.4\textheight\clearpage\else\bigskip\fi\stepcounter{sphinxscope}}
"""


def pdf_language(config: Config) -> str:
    """The edition's language as a BCP 47 tag for the PDF (``en-GB``, ``ru``, ``ja``)."""
    return language_tag(config.triglot_date_locale or config.language)


def latex_elements(config: Config, source_language: str) -> dict[str, str]:
    """The ``latex_elements`` of *config*'s edition (its language, title and author): what typesetting its
    language needs and, with ``triglot_article_layout``, the article's design."""
    lang = config.language
    main, source = language_setup(lang), language_setup(source_language)
    others = [source] if source.babel != main.babel else []
    values = {
        # The PDF's title and author: those of the (project's, else triglot's) first LaTeX document.
        "title": config.latex_documents[0][2],
        "author": config.latex_documents[0][3],
        "pdflang": pdf_language(config),
        "parindent": r"1\zw" if lang == "ja" else r"2\zw" if main.script == "chinese" else "1.5em",
        "afterheading": "" if lang.split("_")[0] in INDENT_AFTER_HEADINGS else r"\triglot@afterheading",
        # Text kept in the source language (the untranslated directive) is hyphenated as such.
        # (otherlanguage*: the captions and fixed strings stay in the edition's language)
        "untranslated": (r"\newenvironment{sphinxclasstriglot-untranslated}"
                         rf"{{\begin{{otherlanguage*}}{{{source.babel}}}}}{{\end{{otherlanguage*}}}}" if others else ""),
        "continued": tex_escape(str(_("continued from previous page"))),
    }
    elements = {
        "babel": babel_setup(main, others, ExtBabel(lang).get_language()),
        "polyglossia": "",
        "fontpkg": font_setup(main),
        "preamble": PREAMBLE % values,
    }
    if not config.triglot_article_layout:
        return elements
    return {
        "papersize": "a4paper",
        "pointsize": "11pt",
        **elements,
        "fncychap": "",
        # A printed page: black headings and links (the PDF's links still work).
        "sphinxsetup": "TitleColor={rgb}{0,0,0}, InnerLinkColor={rgb}{0,0,0}, OuterLinkColor={rgb}{0,0,0}, "
                       "HeaderFamily=\\rmfamily\\bfseries, "
                       "hmargin={2.7cm,2.7cm}, vmargin={2.5cm,3cm}",
        "preamble": ARTICLE_PREAMBLE % values + elements["preamble"],
        "maketitle": r"\triglotmaketitle",
        "tableofcontents": "",
        "makeindex": "",
        "printindex": "",
        "releasename": "",
    }


def language_setup(lang: str) -> PdfLanguage:
    """How *lang* is typeset (:mod:`triglot.pdf_languages`); for a language Sphinx does not translate to,
    Sphinx's babel name for it in FreeFont (English when babel does not know it)."""
    return pdf_languages.entry(lang) or PdfLanguage(ExtBabel(lang).get_language())


def tex_escape(text: str) -> str:
    """*text* escaped for LuaLaTeX. Sphinx fills its escape tables when its LaTeX builder is made, after
    config-inited: before that, its ``escape`` returns the text as it is (a title's ``%`` or ``\\directlua``)."""
    texescape.init()
    return texescape.escape(text, "lualatex")


def pdf_string(text: str) -> str:
    """*text* for a PDF string of hyperref's (``pdftitle``, a bookmark): TeX's special characters as ``\\Uchar``,
    which hyperref with LaTeX's PDF management prints as themselves (it drops ``\\&``, prints ``\\textasciitilde``
    as a word)."""
    return "".join(rf"{{\Uchar{ord(char)}}}" if char in TEX_SPECIALS else char for char in text)


def tex_text(text: str) -> str:
    """*text* as LaTeX read in the preamble: escaped, emoji drawn, and as itself in PDF strings (Sphinx's title
    page sets ``pdftitle`` and ``pdfauthor`` from ``\\title`` and ``\\author``)."""
    return rf"\texorpdfstring{{{emoji_commands(tex_escape(text))}}}{{{pdf_string(text)}}}"


def edition_title(config: Config) -> str:
    """The edition's title (translated by triglot.sphinx.metadata), typographic, for LaTeX."""
    return tex_text(typographic(config.triglot_title or config.project, config.language))


def edition_author(config: Config) -> str:
    """The edition's author (translated by triglot.sphinx.metadata), for LaTeX."""
    return tex_text(config.triglot_author or config.author)


def typographic(text: str, lang: str) -> str:
    """*text* with typographic quotes and apostrophes for *lang* (``Japan’s``, «…»)."""
    return smartyPants(text, "qDe", language_tag(lang))


def document_name(app: Sphinx, config: Config, lang: str | None = None) -> str:
    """The base name of the edition's TeX, PDF and EPUB files where conf.py names none (*lang*: another
    edition's): ``<catalog>-<lang>`` when the project keeps one named catalog (``article-ru``), else the name
    Sphinx makes of the project's name in conf.py, with the language (``fpm-ru``, not the root document's catalog
    ``index-ru``; never of its translation, which a translator chooses)."""
    settings = project_settings(app)
    if settings is not None and isinstance(settings.catalog_layout, str):
        name = settings.catalog
    else:
        name = make_filename_from_project(config.triglot_source_title or config.project) or "edition"
    return f"{name}-{lang or config.language}"


def _apply(app: Sphinx, config: Config) -> None:
    """Set what the project (its conf.py, theme or extensions) left unset; its own ``latex_elements`` win."""
    set_unset(config, "latex_engine", "lualatex")
    if config.language == "ja":
        set_unset(config, "latex_docclass", {"howto": "ltjsarticle", "manual": "ltjsbook"})
    set_unset(config, "latex_use_xindy", False)
    set_unset(config, "latex_domain_indices", False)
    set_unset(config, "latex_documents", [(config.root_doc, f"{document_name(app, config)}.tex", edition_title(config),
                                           edition_author(config), "howto")])
    # The engine the LaTeX builder writes for (a theme may change the setting later, at builder-inited, once
    # the builder has set up its TeX): triglot build runs LuaLaTeX, and only on TeX written for it.
    app._triglot_latex_engine = config.latex_engine  # type: ignore[attr-defined]
    if config.latex_engine != "lualatex":  # triglot's fonts and languages are set up for LuaLaTeX
        return
    settings = project_settings(app)
    source = settings.source_language if settings else "en"
    config.latex_elements = {**latex_elements(config, source), **config.latex_elements}


class TitleBlockParagraphs(SphinxPostTransform):
    """Wrap byline and dateline paragraphs in containers, which LaTeX styles by class (article layout only)."""

    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        if not self.config.triglot_article_layout:
            return
        for paragraph in list(self.document.findall(nodes.paragraph)):
            classes = [name for name in paragraph["classes"] if name in TITLE_BLOCK_CLASSES]
            if classes:
                container = nodes.container(classes=classes)
                paragraph.replace_self(container)
                container += paragraph


class FootnoteOnlyRubric(SphinxPostTransform):
    """Drop a rubric followed only by footnotes: in a PDF the notes sit at the foot of their pages."""

    default_priority = 500  # before Sphinx moves the footnotes (600)
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for rubric in list(self.document.findall(nodes.rubric)):
            siblings = rubric.parent.children
            following = [node for node in siblings[siblings.index(rubric) + 1:]
                         if not isinstance(node, (nodes.comment, nodes.target))]
            count = next((i for i, node in enumerate(following) if not isinstance(node, nodes.footnote)),
                         len(following))
            if count and (count == len(following) or isinstance(following[count], _SECTION_ENDS)):
                rubric.parent.remove(rubric)


# What may follow the footnotes of a notes-only rubric: the end of its section, or one of these.
_SECTION_ENDS = (nodes.compound, nodes.rubric, nodes.section, nodes.transition)


def archival_lines(facts: EditionFacts, lang_tag: str, epoch: str | None = None) -> tuple[str, str]:
    r"""(the first line of the TeX file, lines for the end of its preamble) of an archival PDF.

    ``\DocumentMetadata`` before ``\documentclass`` makes LaTeX write PDF/A-2b:
    an XMP stream with the title, author and language hyperref is given, an
    output intent, and a tagged PDF (LaTeX's tagging project, phase II). The
    edition's description goes into the XMP's ``dc:description`` (pdfsubject),
    its translator into ``dc:contributor``, its publication date into
    ``dc:date``; with *epoch* (``SOURCE_DATE_EPOCH``) every other date of the
    XMP is that time, so the PDF is reproducible.
    """
    first = rf"\DocumentMetadata{{pdfstandard=A-2b, lang={lang_tag}, pdfversion=1.7, testphase=phase-II}}"
    lines = []
    if facts.date:  # the XMP's dc:date: the publication date
        lines.append(rf"\AddToDocumentProperties[hyperref]{{pdfdate}}{{D:{facts.date.replace('-', '')}000000Z}}")
    if epoch:  # LaTeX dates the XMP from its log file's time, which SOURCE_DATE_EPOCH does not reach
        stamp = time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(int(epoch)))
        instance = uuid.uuid5(uuid.NAMESPACE_URL, f"triglot:{lang_tag}:{facts.title}:{epoch}")
        lines += [rf"\AddToDocumentProperties[document]{{pdfcreationdate}}{{{stamp}}}",
                  rf"\AddToDocumentProperties[document]{{pdfmoddate}}{{{stamp}}}",
                  rf"\AddToDocumentProperties[hyperref]{{pdfmetadate}}{{{stamp}}}",
                  rf"\AddToDocumentProperties[hyperref]{{pdfinstanceid}}{{uuid:{instance}}}",
                  # the trailer's /ID, which LuaTeX derives from the time and the file's path
                  rf"\ifdefined\pdfvariable\pdfvariable trailerid{{[<{instance.hex}> <{instance.hex}>]}}\fi"]
    if facts.description:
        lines.append(rf"\hypersetup{{pdfsubject={{{tex_escape(facts.description)}}}}}")
    if facts.translator:
        name = html.escape("".join(" " if char in TEX_SPECIALS else char for char in facts.translator),
                           quote=False)
        lines.append(r"\csname pdfmeta_xmp_add:n\endcsname{<dc:contributor><rdf:Bag><rdf:li>"
                     + name + r"</rdf:li></rdf:Bag></dc:contributor>}")
    return first, "\n".join(lines)


def _write_archival_metadata(app: Sphinx, exception: BaseException | None) -> None:
    """Add the archival PDF's metadata to the TeX file Sphinx wrote (LuaLaTeX runs after Sphinx)."""
    if exception is not None or app.builder.name != "latex" or app.config.triglot_pdf_standard is False:
        return
    path = (Path(app.outdir) / output_name(app.config, "pdf")).with_suffix(".tex")
    if not path.is_file():
        return
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    first, preamble_end = archival_lines(edition_facts(app), pdf_language(app.config), epoch if epoch.isdigit() else None)
    tex = path.read_text(encoding="utf-8")
    if not tex.startswith(r"\DocumentMetadata"):
        tex = f"{first}\n{tex}".replace("\n\\begin{document}", f"\n{preamble_end}\n\\begin{{document}}", 1)
        atomic_write(path, tex.encode("utf-8"))


def setup(app: Sphinx) -> None:
    """Apply the LaTeX set-up once the language is known (after the title is translated)."""
    app.add_config_value("triglot_pdf_standard", True, "env", types=frozenset({bool}))
    app.add_config_value("triglot_article_layout", False, "env", types=frozenset({bool}))
    app.connect("build-finished", _write_archival_metadata)
    app.connect("config-inited", _apply, priority=850)  # after the title is translated (800)
    app.add_post_transform(TitleBlockParagraphs)
    app.add_post_transform(FootnoteOnlyRubric)
