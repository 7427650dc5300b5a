"""Scholarly metadata: the citation in each edition's convention, the reference files, what Google Scholar and Zotero read.

Google Scholar's inclusion guidelines: citation_title, citation_author (one
tag per author), citation_publication_date as YYYY/MM/DD, an absolute
citation_pdf_url that leads to the PDF, all in the head of the article's
page. Zotero's embedded-metadata translator reads the same tags (and
citation_language), Dublin Core and JSON-LD.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import lxml.html
import pytest

from editions import editions_built
from test_pdf import LANGS, translation
from triglot.citation import Reference, bibtex, citation_key, csl_json, formatted_citation, ris

SITE_URL = "https://triglot-editions.github.io/triglot/"
ACCESSED = datetime.date(2026, 12, 1)


def reference(lang: str, title: str, author: str, translators: tuple[str, ...] = ()) -> Reference:
    return Reference(citation_key("Olga Dobrinskaya", "2014-01-21", lang), title, (author,), translators, "2014-01-21",
                     lang, f"{SITE_URL}{lang}/index.html", ACCESSED,
                     original_title="Japan’s Soft Power in Central Asia" if lang != "en" else "",
                     original_language="en" if lang != "en" else "")


EN = reference("en", "Japan’s Soft Power in Central Asia", "Olga Dobrinskaya")
RU = reference("ru", "Мягкая сила Японии в Центральной Азии", "Ольга Добринская", ("редакция triglot",))
JA = reference("ja", "中央アジアにおける日本のソフトパワー", "オリガ・ドブリンスカヤ", ("triglot編集部",))


def test_the_english_citation_is_chicago() -> None:
    assert formatted_citation(EN) == (
        "Dobrinskaya, Olga. 2014. “Japan’s Soft Power in Central Asia”. January 21. "
        "https://triglot-editions.github.io/triglot/en/index.html.")


def test_the_russian_citation_is_gost_r_7_0_5() -> None:
    assert formatted_citation(RU) == (
        "Добринская О. Мягкая сила Японии в Центральной Азии [Электронный ресурс]. "
        "URL: https://triglot-editions.github.io/triglot/ru/index.html (дата обращения: 01.12.2026).")


def test_the_japanese_citation_is_sist_02() -> None:
    assert formatted_citation(JA) == (
        "オリガ・ドブリンスカヤ. “中央アジアにおける日本のソフトパワー”. "
        "https://triglot-editions.github.io/triglot/ja/index.html, (参照 2026-12-01).")


def test_markup_in_a_translated_title_is_text_in_every_format() -> None:
    hostile = reference("ru", "<script>alert(1)</script> } \\input{/etc/passwd}", "Ольга Добринская")
    assert "<script>" not in formatted_citation(hostile) and "&lt;script&gt;" in formatted_citation(hostile)
    assert "title = {{<script>alert(1)</script> \\} \\textbackslash{}input\\{/etc/passwd\\}}}" in bibtex(hostile)
    assert json.loads(csl_json(hostile))[0]["title"] == hostile.title


def test_bibtex_ris_and_csl_json_of_a_translation() -> None:
    assert bibtex(RU) == """@online{dobrinskaya2014ru,
  author = {Добринская, Ольга},
  translator = {{редакция triglot}},
  title = {{Мягкая сила Японии в Центральной Азии}},
  origtitle = {{Japan’s Soft Power in Central Asia}},
  origlanguage = {english},
  date = {2014-01-21},
  langid = {russian},
  url = {https://triglot-editions.github.io/triglot/ru/index.html},
  urldate = {2026-12-01}
}
"""
    assert ris(RU) == ("TY  - ELEC\r\nAU  - Добринская, Ольга\r\nA4  - редакция triglot\r\n"
                       "TI  - Мягкая сила Японии в Центральной Азии\r\nPY  - 2014\r\nDA  - 2014/01/21\r\nLA  - ru\r\n"
                       "UR  - https://triglot-editions.github.io/triglot/ru/index.html\r\nY2  - 2026/12/01\r\nER  - \r\n")
    assert json.loads(csl_json(JA)) == [{
        "id": "dobrinskaya2014ja", "type": "webpage", "title": "中央アジアにおける日本のソフトパワー",
        "author": [{"literal": "オリガ・ドブリンスカヤ"}], "issued": {"date-parts": [[2014, 1, 21]]},
        "accessed": {"date-parts": [[2026, 12, 1]]}, "language": "ja",
        "URL": "https://triglot-editions.github.io/triglot/ja/index.html",
        "translator": [{"literal": "triglot編集部"}], "original-title": "Japan’s Soft Power in Central Asia"}]


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return editions_built(tmp_path_factory)


def head_meta(page: lxml.html.HtmlElement, name: str) -> list[str]:
    return page.xpath(f'/html/head/meta[@name="{name}"]/@content')


@pytest.mark.parametrize("lang", LANGS)
def test_the_article_page_carries_what_google_scholar_and_zotero_read(editions: Path, lang: str) -> None:
    site = editions / "build" / "site"
    page = lxml.html.parse(str(site / lang / "index.html")).getroot()
    title = translation(editions, lang, "Japan's Soft Power in Central Asia")
    author = translation(editions, lang, "Olga Dobrinskaya")
    assert head_meta(page, "citation_title") == [title]
    assert head_meta(page, "citation_author") == [author]
    assert head_meta(page, "citation_publication_date") == ["2014/01/21"]
    assert head_meta(page, "citation_language") == [lang]
    (pdf_url,) = head_meta(page, "citation_pdf_url")
    assert pdf_url == f"{SITE_URL}{lang}/downloads/article-{lang}.pdf"
    assert (site / pdf_url.removeprefix(SITE_URL)).read_bytes()[:5] == b"%PDF-"
    assert head_meta(page, "DC.title") == [title] and head_meta(page, "DC.language") == [lang]
    (data,) = [json.loads(script.text) for script in page.xpath('/html/head/script[@type="application/ld+json"]')]
    assert (data["@type"], data["headline"], data["inLanguage"], data["datePublished"]) == (
        "ScholarlyArticle", title, lang, "2014-01-21")
    if lang == "en":
        assert data["workTranslation"] == [{"@id": f"{SITE_URL}ru/index.html"}, {"@id": f"{SITE_URL}ja/index.html"}]
    else:
        assert data["translationOfWork"] == {"@id": f"{SITE_URL}en/index.html"}
    # Only the article is a citable work; every page has a description in its language.
    glossary = lxml.html.parse(str(site / lang / "glossary.html")).getroot()
    assert head_meta(glossary, "citation_title") == []
    (description,) = head_meta(glossary, "description")
    assert 20 <= len(description) <= 161


@pytest.mark.parametrize("lang", LANGS)
def test_the_cite_block_and_its_files(editions: Path, lang: str) -> None:
    edition = editions / "build" / "site" / lang
    page = lxml.html.parse(str(edition / "index.html")).getroot()
    (block,) = page.xpath('//section[@class="triglot-cite"]')
    heading = {"en": "Cite this edition", "ru": "Как цитировать это издание", "ja": "この版の引用"}[lang]
    assert block.findtext("h2") == heading
    citation = block.xpath('.//p[@class="triglot-citation"]')[0].text_content()
    expected_start = {"en": "Dobrinskaya, Olga. 2014. “Japan’s Soft Power in Central Asia”. January 21.",
                      "ru": "Добринская О. Мягкая сила Японии в Центральной Азии [Электронный ресурс]. URL:",
                      "ja": "オリガ・ドブリンスカヤ. “中央アジアにおける日本のソフトパワー”."}[lang]
    assert citation.startswith(expected_start)
    hrefs = block.xpath(".//a/@href")
    assert hrefs == [f"cite/article-{lang}.{suffix}" for suffix in ("bib", "ris", "json")]
    assert all((edition / href).is_file() for href in hrefs)
    assert json.loads((edition / hrefs[2]).read_text(encoding="utf-8"))[0]["id"] == f"dobrinskaya2014{lang}"
