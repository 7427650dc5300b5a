"""The labels before links (downloads, citation files) in each language: a full-width colon (ダウンロード：) carries
its own space."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from editions import editions_built


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return editions_built(tmp_path_factory) / "build" / "site"


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize(("lang", "label"), [("en", "Download: "), ("ru", "Скачать: "), ("ja", "ダウンロード：")])
def test_the_reader_bar_s_label_and_links(site: Path, lang: str, label: str) -> None:
    page = lxml.html.parse(str(site / lang / "index.html"))
    assert text(page.xpath('//span[@class="triglot-downloads"]')[0]) == f"{label}PDF EPUB"


@pytest.mark.parametrize(("lang", "label"), [("en", "Download: "), ("ja", "ダウンロード：")])
def test_the_status_page_s_label_and_links(site: Path, lang: str, label: str) -> None:
    page = lxml.html.parse(str(site / ("" if lang == "en" else lang) / "status.html"))
    paragraphs = [text(p) for p in page.xpath('//section[@id="ru"]//p') if p.xpath("a[contains(@href, 'downloads/')]")]
    assert paragraphs == [f"{label}PDF · EPUB"]


@pytest.mark.parametrize(("lang", "label"), [("en", "Reference for a reference manager: "),
                                             ("ru", "Библиографическая запись для менеджера ссылок: "),
                                             ("ja", "文献管理ソフト用の書誌情報：")])
def test_the_citation_files_label(site: Path, lang: str, label: str) -> None:
    page = lxml.html.parse(str(site / lang / "index.html"))
    assert text(page.xpath('//p[@class="triglot-cite-files"]')[0]) == f"{label}BibTeX · RIS · CSL-JSON"
