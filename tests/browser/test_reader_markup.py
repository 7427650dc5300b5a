"""The reader's markup in the built pages: fallback marks, stable ids, downloads, status page, sitemap."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import lxml.html

from triglot.site.downloads import update_edition

from conftest import ROOT

from .conftest import FUZZY_IN_RU, UNTRANSLATED_IN_JA


def article(site, lang, page="index.html"):
    return lxml.html.parse(str(site / lang / page)).xpath('//article[@role="main"]')[0]


def test_untranslated_and_fuzzy_paragraphs_are_marked_as_english(reader_site):
    for lang, start in (("ja", UNTRANSLATED_IN_JA), ("ru", FUZZY_IN_RU)):
        marked = article(reader_site, lang).xpath('.//p[contains(@class, "triglot-fallback") and not(contains(@class, "note"))]')
        assert len(marked) == 1, lang
        (paragraph,) = marked
        assert paragraph.get("lang") == "en"
        mark = paragraph[0]
        assert (mark.tag, mark.get("lang"), mark.text) == ("abbr", lang, "EN")
        assert mark.get("title")
        assert paragraph.text_content().split(None, 1)[1].startswith(start)
        assert article(reader_site, lang).xpath('.//p[@class="triglot-fallback-note"]')
    assert not article(reader_site, "en").xpath('.//*[contains(@class, "triglot-fallback")]')


def test_the_untranslated_directive_s_container_is_in_the_source_language(reader_site):
    for lang in ("ja", "ru"):
        containers = article(reader_site, lang, "editorial-notes.html").xpath('.//div[contains(@class, "triglot-untranslated")]')
        assert containers and all(div.get("lang") == "en" for div in containers)


def test_every_page_has_the_same_paragraph_and_note_ids_in_every_edition(reader_site):
    for page in ("index.html", "editorial-notes.html", "colophon.html"):
        ids = {lang: article(reader_site, lang, page).xpath('.//*[starts-with(@id, "tg-")]/@id') for lang in ("en", "ru", "ja")}
        assert ids["en"] == ids["ru"] == ids["ja"], page
    assert len([i for i in ids["en"] if i.startswith("tg-p")]) > 0


def test_download_links_are_shown_only_for_files_in_the_site(reader_site, tmp_path):
    page = (reader_site / "ja/index.html").read_text(encoding="utf-8")
    assert '<span class="triglot-downloads" hidden>' in page  # no PDF or EPUB was built
    edition = shutil.copytree(reader_site / "ja", tmp_path / "ja")
    (edition / "downloads").mkdir()
    (edition / "downloads/article-ja.pdf").write_bytes(b"%PDF-1.5\n")
    changed = update_edition(edition)
    assert edition / "index.html" in changed
    tree = lxml.html.parse(str(edition / "index.html"))
    assert tree.xpath('//span[@class="triglot-downloads"]/@hidden') == []
    assert tree.xpath('//a[@class="triglot-download"][not(@hidden)]/@href') == ["downloads/article-ja.pdf"]
    assert tree.xpath('//a[@class="triglot-download"][@hidden]/@href') == ["downloads/article-ja.epub"]
    # the full-width colon carries its own space; links are separated by one
    assert tree.xpath('string(//span[@class="triglot-downloads"])').strip() == "ダウンロード：PDF EPUB"
    assert update_edition(edition) == []  # a second run changes nothing


def msgfmt_statistics(po) -> tuple[int, int, int]:
    """GNU msgfmt's count of translated, fuzzy and untranslated messages."""
    output = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(po)],
                            capture_output=True, text=True, check=True).stderr
    counts = {kind: int(number) for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", output)}
    return counts.get("translated", 0), counts.get("fuzzy", 0), counts.get("untranslated", 0)


def test_the_status_page_counts_as_gnu_gettext_does(reader_project, reader_site):
    page = lxml.html.parse(str(reader_site / "status.html"))
    for lang in ("ru", "ja"):
        section = page.xpath(f'//section[@id="{lang}"]')[0]
        shown = tuple(int(section.xpath(f'.//span[@data-count="{kind}"]')[0].text)
                      for kind in ("translated", "fuzzy", "untranslated"))
        assert shown == msgfmt_statistics(reader_project / f"locale/{lang}/LC_MESSAGES/article.po"), lang
        in_source = sum(len(article(reader_site, lang, p.name).xpath('.//*[contains(concat(" ", @class, " "), " triglot-fallback ")]'))
                        for p in sorted((reader_site / lang).glob("*.html"))
                        if p.name not in {"search.html", "genindex.html", "parallel.html", "status.html"})
        assert int(section.xpath('.//span[@data-count="shown-in-source"]')[0].text) == in_source >= 1
    assert page.xpath('//section[@id="fallback"]')
    assert page.xpath("//time/@datetime")


def test_the_status_page_and_the_parallel_view_exist_in_each_edition_s_language(reader_site):
    expected = {"en": ("Translation status", "Parallel view", "Column 1"),
                "ru": ("Состояние перевода", "Параллельный текст", "Столбец 1"),
                "ja": ("翻訳の状況", "対訳表示", "1列目")}
    for lang, (status, parallel, column) in expected.items():
        for path in [f"{lang}/status.html", *(["status.html"] if lang == "en" else [])]:
            page = lxml.html.parse(str(reader_site / path))
            assert page.getroot().get("lang") == lang, path
            assert page.findtext(".//h1") == status, path
        for path in [f"{lang}/parallel.html", *(["parallel.html"] if lang == "en" else [])]:
            page = lxml.html.parse(str(reader_site / path))
            assert page.getroot().get("lang") == lang, path
            assert page.findtext(".//title").startswith(parallel), path
            assert page.findtext('.//label[@for="column-1"]') == column, path
    # The same paragraph in every version of the parallel view, links into the editions from where the page is.
    root, ru = (lxml.html.parse(str(reader_site / path)) for path in ("parallel.html", "ru/parallel.html"))
    assert root.xpath('//div[@id="tg-p3"]//a/@href')[0].startswith("en/glossary.html")
    assert ru.xpath('//div[@id="tg-p3"]//a/@href')[0].startswith("../en/glossary.html")


def test_the_sitemap_lists_every_page_with_its_alternates(reader_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(reader_site / "sitemap.xml").getroot().findall("s:url", ns)
    site_url = "https://triglot-editions.github.io/triglot/"  # docs/conf.py's triglot_site_url
    groups = [([f"{lang}/{page}" for lang in ("en", "ru", "ja")], default) for page, default in (
        ("colophon.html", "en/colophon.html"), ("editorial-notes.html", "en/editorial-notes.html"),
        ("glossary.html", "en/glossary.html"), ("index.html", "index.html"),
        ("parallel.html", "parallel.html"), ("status.html", "status.html"))]
    expected = []
    for paths, default in groups:
        links = [*zip(("en", "ru", "ja"), paths), ("x-default", default)]
        for path in dict.fromkeys([*paths, default]):
            expected.append((site_url + path, [(code, site_url + href) for code, href in links]))
    listed = [(url.find("s:loc", ns).text, [(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", ns)])
              for url in urls]
    assert listed == expected
    assert all((reader_site / loc.removeprefix(site_url)).is_file() for loc, _links in expected)


def test_no_english_interface_string_in_the_translated_editions(reader_site):
    """What a reader of ru or ja sees around the text (labels, titles, buttons, footer) is in their language."""
    from triglot.catalog.parse import read_po

    template = [entry.msgid.strip() for entry in read_po(ROOT / "locale" / "sphinx.pot").messages]
    english = {msgid for msgid in template if msgid and msgid not in {"{code}", "Furo", "Index"} and "%" not in msgid}
    for lang in ("ru", "ja"):
        for name in ("index.html", "glossary.html", "search.html", "status.html", "parallel.html"):
            tree = lxml.html.parse(str(reader_site / lang / name))
            for content in tree.xpath('//article[@role="main"]|//main[@id="parallel"]|//table[@lang="en"]|//script'):
                content.drop_tree()  # the text itself (with its English passages and notes), scripts
            shown = {text.strip() for text in tree.xpath("//body//text()")} | {
                value.strip() for value in tree.xpath("//body//@aria-label|//body//@title|//body//@placeholder")}
            assert sorted(shown & english) == [], f"{lang}/{name}"
