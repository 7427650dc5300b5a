"""The EPUB editions: a valid container, package metadata in the edition's language, the edition's text."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from editions import editions_built
from test_pdf import AUTHOR, KEY_TERMS, LANGS, TITLE, translation

NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container", "opf": "http://www.idpf.org/2007/opf",
      "dc": "http://purl.org/dc/elements/1.1/"}


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return editions_built(tmp_path_factory)


def epub(root: Path, lang: str) -> Path:
    return root / "build" / "site" / lang / "downloads" / f"article-{lang}.epub"


@pytest.mark.parametrize("lang", LANGS)
def test_mimetype_comes_first_uncompressed(editions: Path, lang: str) -> None:
    with zipfile.ZipFile(epub(editions, lang)) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
        assert archive.read("mimetype") == b"application/epub+zip"
        assert archive.testzip() is None


@pytest.mark.parametrize("lang", LANGS)
def test_package_metadata_is_the_editions(editions: Path, lang: str) -> None:
    with zipfile.ZipFile(epub(editions, lang)) as archive:
        container = ElementTree.fromstring(archive.read("META-INF/container.xml"))
        opf_path = container.find("c:rootfiles/c:rootfile", NS).get("full-path")
        package = ElementTree.fromstring(archive.read(opf_path))
    metadata = package.find("opf:metadata", NS)
    assert metadata.findtext("dc:language", namespaces=NS) == lang
    assert metadata.findtext("dc:title", namespaces=NS) == translation(editions, lang, TITLE).replace("'", "’")
    assert metadata.findtext("dc:creator", namespaces=NS) == translation(editions, lang, AUTHOR)
    identifier = package.get("unique-identifier")
    assert metadata.find(f"dc:identifier[@id='{identifier}']", NS).text == f"urn:triglot:article-{lang}"


DESCRIPTION = ("How Japan projects soft power in Central Asia: the Silk Road heritage, its development model, aid, "
               "cultural diplomacy and the Japanese language.")
TRANSLATORS = {"ru": "редакция triglot", "ja": "triglot編集部"}


def package_of(path: Path) -> tuple[ElementTree.Element, zipfile.ZipFile]:
    archive = zipfile.ZipFile(path)
    container = ElementTree.fromstring(archive.read("META-INF/container.xml"))
    return ElementTree.fromstring(archive.read(container.find("c:rootfiles/c:rootfile", NS).get("full-path"))), archive


@pytest.mark.parametrize("lang", LANGS)
def test_package_has_description_date_translator_and_source(editions: Path, lang: str) -> None:
    package, archive = package_of(epub(editions, lang))
    archive.close()
    metadata = package.find("opf:metadata", NS)
    assert metadata.findtext("dc:description", namespaces=NS) == translation(editions, lang, DESCRIPTION)
    assert metadata.findtext("dc:date", namespaces=NS) == "2014-01-21"
    contributors = metadata.findall("dc:contributor", NS)
    if lang == "en":
        assert contributors == [] and metadata.find("dc:source", NS) is None
        return
    assert [(element.text, element.get("id")) for element in contributors] == [(TRANSLATORS[lang], "translator")]
    (role,) = [meta for meta in metadata.findall("opf:meta", NS) if meta.get("refines") == "#translator"]
    assert (role.get("property"), role.get("scheme"), role.text) == ("role", "marc:relators", "trl")
    assert metadata.findtext("dc:source", namespaces=NS) == "urn:triglot:article-en"


@pytest.mark.parametrize("lang", LANGS)
def test_the_ncx_names_the_package_identifier(editions: Path, lang: str) -> None:
    with zipfile.ZipFile(epub(editions, lang)) as archive:
        ncx = ElementTree.fromstring(archive.read("toc.ncx"))
    ns = {"ncx": "http://www.daisy.org/z3986/2005/ncx/"}
    uid = [meta.get("content") for meta in ncx.findall("ncx:head/ncx:meta", ns) if meta.get("name") == "dtb:uid"]
    assert uid == [f"urn:triglot:article-{lang}"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_the_editions_stylesheet(editions: Path, lang: str) -> None:
    with zipfile.ZipFile(epub(editions, lang)) as archive:
        pages = [name for name in archive.namelist() if name.endswith(".xhtml") and name != "nav.xhtml"]
        stylesheet = archive.read("_static/triglot-epub.css").decode("utf-8")
        assert sorted(pages) == ["colophon.xhtml", "editorial-notes.xhtml", "glossary.xhtml", "index.xhtml"]
        for name in pages:
            assert '<link rel="stylesheet" type="text/css" href="_static/triglot-epub.css" />' in \
                archive.read(name).decode("utf-8"), name
    assert 'html[lang="ja"] body' in stylesheet and "line-break: strict" in stylesheet


@pytest.mark.parametrize("lang", LANGS)
def test_the_text_is_the_editions(editions: Path, lang: str) -> None:
    with zipfile.ZipFile(epub(editions, lang)) as archive:
        page = archive.read("index.xhtml").decode("utf-8")
    assert f'lang="{lang}" xml:lang="{lang}">' in page
    assert KEY_TERMS[lang] in page
