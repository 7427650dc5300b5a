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


@pytest.mark.parametrize("lang", LANGS)
def test_the_text_is_the_editions(editions: Path, lang: str) -> None:
    with zipfile.ZipFile(epub(editions, lang)) as archive:
        page = archive.read("index.xhtml").decode("utf-8")
    assert f'lang="{lang}" xml:lang="{lang}">' in page
    assert KEY_TERMS[lang] in page
