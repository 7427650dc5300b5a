"""EPUB editions as good as the HTML: package metadata, a valid NCX, the edition's stylesheet.

The title, author, language and a stable file name are set in a
``config-inited`` handler (conf.py runs before ``-D language=…``), after
themes and extensions; values the project (its conf.py, theme or extensions)
sets win. The builder :class:`EditionEpubBuilder`
(Sphinx's EPUB 3 builder) adds what Sphinx cannot: the description and
publication date read from the document, the translator as a contributor
with the MARC role ``trl``, the source edition as ``dc:source``, and an NCX
whose ``dtb:uid`` is the package identifier (Sphinx writes ``epub_uid``,
the identifier's XML id, there: sphinx#11184, EPUBCheck NCX-001). Every page
links ``triglot-epub.css`` (the per-script typography of the HTML editions,
for reading systems).
"""

from __future__ import annotations

import html
import os
import time
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.config import Config

from triglot.fs import atomic_write
from triglot.languages import language_tag

from .edition_facts import EditionFacts, edition_facts
from .latex import document_name, typographic
from .unset import set_unset

# Settings triglot gives every edition's EPUB unless conf.py sets them.
_OVERRIDABLE = ("epub_title", "epub_author", "epub_basename", "epub_identifier", "epub_scheme", "epub_uid",
                "epub_use_index")


def project_book(app: Sphinx, config: Config) -> tuple[str, str, str] | None:
    """The title, author and file name the project's own ``latex_documents`` give its root document's book
    (``("Operations Guide", "OpenStack Foundation", "OpsGuide")``), or None when triglot set them."""
    for start, target, title, author, *_rest in config.latex_documents:
        if start == config.root_doc and target != f"{document_name(app, config)}.tex":
            return title, author, PurePosixPath(target).stem
    return None


def epub_settings(app: Sphinx, config: Config) -> dict[str, object]:
    """The EPUB settings of *config*'s edition: where conf.py sets a book in ``latex_documents`` (and no
    ``epub_*``), its title, author and file name, as the PDF has them; else the edition's title and author."""
    name = edition = document_name(app, config)
    title, author = typographic(config.triglot_title or config.project, config.language), (
        config.triglot_author or config.author)
    book = project_book(app, config)
    if book is not None:
        title, author, name = book
    return {
        "epub_title": title,
        "epub_author": author,
        "epub_language": config.language,
        "epub_basename": name,
        "epub_identifier": edition_identifier(edition),  # one per edition, whatever the file name
        "epub_scheme": "URN",
        "epub_uid": "triglot-edition",
        "epub_use_index": False,
    }


def _apply(app: Sphinx, config: Config) -> None:
    for key, value in epub_settings(app, config).items():
        if key in _OVERRIDABLE:
            set_unset(config, key, value)
        else:
            setattr(config, key, value)


OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
STYLESHEET = "triglot-epub.css"
# The package metadata Sphinx's template writes that a project may leave empty (the rest it must have).
OPTIONAL_METADATA = frozenset({"description", "creator", "contributor", "publisher", "rights", "meta"})


def edition_identifier(catalog_name: str) -> str:
    """The package identifier of the edition whose files are named *catalog_name* (``article-ru``)."""
    return f"urn:triglot:{catalog_name}"


class EditionEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder with complete package metadata and a valid NCX."""

    def content_metadata(self) -> dict[str, Any]:
        """Sphinx's metadata, with the edition's description, translator and date."""
        metadata = super().content_metadata()
        facts = edition_facts(self.app)
        raw = self.config._raw_config
        if "epub_description" not in raw and facts.description:
            metadata["description"] = html.escape(facts.description)
        if "epub_contributor" not in raw:
            metadata["contributor"] = html.escape(facts.translator)  # none: the empty element is removed
        return metadata

    def build_content(self) -> None:
        """Write ``content.opf``, then add what Sphinx's template has no field for."""
        super().build_content()
        path = Path(self.outdir) / "content.opf"
        facts = edition_facts(self.app)
        source = edition_identifier(document_name(self.app, self.config, facts.source_language))
        atomic_write(path, complete_package(path.read_bytes(), facts, source))

    def toc_metadata(self, level: int, navpoints: list) -> dict[str, Any]:
        """The NCX's ``dtb:uid`` is the package's identifier, as EPUB requires (sphinx#11184)."""
        metadata = super().toc_metadata(level, navpoints)
        metadata["uid"] = html.escape(self.config.epub_identifier)
        return metadata


def complete_package(opf: bytes, facts: EditionFacts, source_identifier: str) -> bytes:
    """*opf* (Sphinx's ``content.opf``) with the translator's role, the source edition and the publication date.

    The empty elements Sphinx's template writes for what a project leaves unset
    (no translator, ``copyright``, ``version``, description) are removed: EPUB
    wants none empty (EPUBCheck RSC-005); a translation gets ``dc:source`` (the
    source edition's identifier).
    """
    package = etree.fromstring(opf)
    metadata = package.find(f"{{{OPF}}}metadata")
    for element in metadata.findall(f"{{{DC}}}*") + metadata.findall(f"{{{OPF}}}meta[@property]"):
        if etree.QName(element).localname in OPTIONAL_METADATA and not (element.text or "").strip():
            metadata.remove(element)
    contributor = metadata.find(f"{{{DC}}}contributor")
    if contributor is not None and facts.translator and contributor.text == facts.translator:
        contributor.set("id", "translator")
        role = etree.SubElement(metadata, f"{{{OPF}}}meta", refines="#translator", property="role",
                                scheme="marc:relators")
        role.text = "trl"
        contributor.addnext(role)
    if facts.is_translation:
        element = etree.Element(f"{{{DC}}}source")
        element.text = source_identifier
        metadata.find(f"{{{DC}}}title").addnext(element)
    date = metadata.find(f"{{{DC}}}date")
    if facts.date and date is not None:
        date.text = facts.date
    return etree.tostring(package, xml_declaration=True, encoding="UTF-8") + b"\n"


def _page_language(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Give each EPUB page's ``<html>`` the edition's language (reading systems pick fonts by it)."""
    if app.builder.name == "epub" and context.get("html_tag"):
        lang = language_tag(app.config.language)
        context["html_tag"] = context["html_tag"].replace(">", f' lang="{lang}" xml:lang="{lang}">', 1)


def restamp_zip(path: Path, epoch: int) -> None:
    """Give every member of the zip at *path* the time *epoch*, keeping order and compression (reproducible EPUBs)."""
    stamp = time.gmtime(epoch)[:6]
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    temporary = path.with_suffix(".restamped")
    with zipfile.ZipFile(temporary, "w") as target:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type, fixed.external_attr = info.compress_type, 0o644 << 16
            target.writestr(fixed, data)
    data = temporary.read_bytes()
    temporary.unlink()
    atomic_write(path, data)


def _reproducible(app: Sphinx, exception: BaseException | None) -> None:
    """With ``SOURCE_DATE_EPOCH`` set, the EPUB's zip carries that time instead of the build's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if exception is None and app.builder.name == "epub" and epoch.isdigit():
        restamp_zip(Path(app.outdir) / f"{app.config.epub_basename}.epub", int(epoch))


def _add_stylesheet(app: Sphinx) -> None:
    if app.builder.name == "epub":
        app.add_css_file(STYLESHEET)


def setup(app: Sphinx) -> None:
    """Apply the EPUB metadata once the language is known (after the title is translated)."""
    app.add_builder(EditionEpubBuilder, override=True)
    app.connect("config-inited", _apply, priority=850)  # after the title is translated (800)
    app.connect("builder-inited", _add_stylesheet)
    app.connect("html-page-context", _page_language)
    app.connect("build-finished", _reproducible)
