"""Found by search engines and reference managers: descriptions, citation metadata, "Cite this edition".

- Every HTML page has a ``<meta name="description">`` in its language: the
  page's own ``.. meta:: :description:``, else the start of its first
  paragraph.
- The root document (the article) carries what Google Scholar and Zotero
  read: Highwire Press ``citation_*`` tags (title, author, publication date
  as YYYY/MM/DD, language, absolute PDF URL), Dublin Core (``DC.*``), and a
  schema.org ``ScholarlyArticle`` in JSON-LD that links the editions as
  translations of one work (``translationOfWork`` / ``workTranslation``).
- Under the article, a "Cite this edition" block gives the citation in the
  edition's convention (:mod:`triglot.citation`) and the reference as
  BibTeX, RIS and CSL-JSON (``cite/<catalog>-<lang>.bib|.ris|.json``).

URLs are absolute when ``triglot_site_url`` is set (Google Scholar requires
it); the PDF's tag is removed when the site has no PDF (``triglot.site.downloads``).
"""

from __future__ import annotations

import datetime
import html
import json
import os
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from triglot.citation import Reference, bibtex, citation_key, csl_json, formatted_citation, ris
from triglot.fs import atomic_write
from triglot.languages import language_tag

from .alternates import HTML_BUILDERS, edition_path, site_languages
from .edition_facts import EditionFacts, edition_facts, meta_description
from .interface_strings import READER_MESSAGES, label, translate
from .latex import document_name, typographic
from .outputs import download_path

DESCRIPTION_LENGTH = 160  # characters: what search engines show
CITE_FORMATS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))


def first_paragraph_text(doctree: nodes.document | None, length: int = DESCRIPTION_LENGTH) -> str:
    """The start of *doctree*'s first paragraph with text (byline and dateline skipped), cut at a word."""
    if doctree is None:
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        if {"byline", "dateline"} & set(paragraph["classes"]):
            continue
        text = " ".join(_visible_text(paragraph).split())
        if len(text) >= 20:
            return shorten(text, length)
    return ""


def _visible_text(node: nodes.Element) -> str:
    """The text of *node* without its raw output (the fallback mark is HTML, not words)."""
    return "".join(text.astext() for text in node.findall(nodes.Text) if not isinstance(text.parent, nodes.raw))


def shorten(text: str, length: int) -> str:
    """*text* cut to about *length* characters, at a space when it has spaces, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[:length]
    if " " in cut[length // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:—–-") + "…"


def edition_url(app: Sphinx, lang: str, uri: str) -> str:
    """*uri* of *lang*'s edition: absolute under ``triglot_site_url``, else relative to a page at the edition's root."""
    site_url = app.config.triglot_site_url
    if site_url:
        return f"{site_url.rstrip('/')}/{edition_path(app, lang)}{uri}"
    return "../" * edition_path(app, app.config.language).count("/") + f"{edition_path(app, lang)}{uri}"


def accessed() -> datetime.date:
    """The date a reader accesses the edition, as a citation gives it: the build's (``SOURCE_DATE_EPOCH`` honoured)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit() else \
        datetime.datetime.now(datetime.timezone.utc)
    return moment.date()


def edition_reference(app: Sphinx, facts: EditionFacts) -> Reference:
    """The reference of the edition being built."""
    root_uri = app.builder.get_target_uri(app.config.root_doc)
    translated_title = facts.is_translation and facts.title != facts.source_title
    return Reference(
        key=citation_key(app.config.author, facts.date, facts.language),
        title=typographic(facts.title, facts.language),
        authors=(facts.author,),
        translators=(facts.translator,) if facts.translator else (),
        date=facts.date,
        language=facts.language,
        url=edition_url(app, facts.language, root_uri),
        accessed=accessed(),
        description=facts.description,
        original_title=typographic(facts.source_title, facts.source_language) if translated_title else "",
        original_language=facts.source_language if translated_title else "",
    )


def _meta(name: str, content: str, **extra: str) -> str:
    attributes = "".join(f' {key}="{html.escape(value)}"' for key, value in extra.items())
    return f'<meta name="{name}" content="{html.escape(content)}"{attributes}>'


def citation_tags(app: Sphinx, facts: EditionFacts, reference: Reference) -> list[str]:
    """Highwire Press and Dublin Core tags of the edition's article page."""
    pdf = download_path(app.config, "pdf")
    tags = [
        _meta("citation_title", facts.title),
        _meta("citation_author", facts.author),
        _meta("citation_publication_date", facts.date.replace("-", "/")),
        _meta("citation_language", facts.language),
        _meta("citation_fulltext_html_url", reference.url),
        _meta("citation_pdf_url", edition_url(app, facts.language, pdf), **{"data-triglot-file": pdf}),
        '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">',
        _meta("DC.title", facts.title),
        _meta("DC.creator", facts.author),
        _meta("DC.date", facts.date),
        _meta("DC.language", facts.language),
        _meta("DC.identifier", reference.url),
        _meta("DC.type", "Text"),
    ]
    if facts.translator:
        tags.append(_meta("DC.contributor", facts.translator))
    if facts.description:
        tags.append(_meta("DC.description", facts.description))
    if facts.is_translation:
        tags.append(_meta("DC.source", edition_url(app, facts.source_language,
                                                   app.builder.get_target_uri(app.config.root_doc))))
    return [tag for tag in tags if 'content=""' not in tag]


def json_ld(app: Sphinx, facts: EditionFacts, reference: Reference) -> str:
    """The schema.org ``ScholarlyArticle`` of the edition, linked to the other editions, as a script element."""
    _lang, source, languages = site_languages(app)
    root_uri = app.builder.get_target_uri(app.config.root_doc)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": reference.url,
        "url": reference.url,
        "headline": facts.title,
        "name": facts.title,
        "inLanguage": language_tag(facts.language),
        "author": {"@type": "Person", "name": facts.author},
        "datePublished": facts.date,
        "description": facts.description,
        "encoding": [{"@type": "MediaObject", "encodingFormat": media,
                      "contentUrl": edition_url(app, facts.language, download_path(app.config, fmt))}
                     for fmt, media in (("pdf", "application/pdf"), ("epub", "application/epub+zip"))],
    }
    if facts.translator:
        data["translator"] = {"@type": "Organization", "name": facts.translator}
    if facts.is_translation:
        data["translationOfWork"] = {"@id": edition_url(app, source, root_uri)}
    else:
        data["workTranslation"] = [{"@id": edition_url(app, lang, root_uri)} for lang in languages if lang != source]
    text = json.dumps({key: value for key, value in data.items() if value}, ensure_ascii=False, indent=1)
    # Translations are untrusted: nothing in the data may close the script element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def cite_files(app: Sphinx) -> list[dict[str, str]]:
    """The reference files of the edition: label and path relative to its root."""
    name = document_name(app, app.config)
    return [{"label": label, "file": f"cite/{name}.{suffix}"} for suffix, label in CITE_FORMATS]


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name not in HTML_BUILDERS:
        return
    facts = edition_facts(app)
    tags = []
    if not meta_description(doctree):  # Sphinx writes the page's own
        tags.append(_meta("description", first_paragraph_text(doctree) or facts.description or facts.title))
    if pagename == app.config.root_doc and facts.date:
        reference = edition_reference(app, facts)
        tags += [*citation_tags(app, facts, reference), json_ld(app, facts, reference)]
        to_root = "../" * app.builder.get_target_uri(pagename).count("/")
        context["triglot_cite"] = {
            "heading": translate(READER_MESSAGES["cite"]),
            "formats": label("cite_formats", facts.language),
            "citation": formatted_citation(reference),
            "files": [{"label": item["label"], "href": to_root + item["file"]}
                      for item in cite_files(app)],
        }
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def _write_cite_files(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    facts = edition_facts(app)
    if not facts.date:
        return
    reference = edition_reference(app, facts)
    writers = {"bib": bibtex, "ris": ris, "json": csl_json}
    for item in cite_files(app):
        suffix = item["file"].rsplit(".", 1)[1]
        atomic_write(Path(app.outdir) / item["file"], writers[suffix](reference).encode("utf-8"))


def setup(app: Sphinx) -> None:
    """Add the descriptions, the citation metadata and the citation block; write the reference files."""
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _write_cite_files)
