"""The parallel view aligns the editions by paragraph id; search finds Japanese words and stems Russian ones."""

from __future__ import annotations

from urllib.parse import quote

import lxml.html

from .conftest import DESKTOP, PHONE


def boxes(page: object, row_id: str) -> dict[str, dict[str, float] | None]:
    """The visible cells of a row: language → bounding box (None when hidden)."""
    return page.evaluate(
        """(id) => Object.fromEntries(Array.from(document.getElementById(id).querySelectorAll('.cell')).map(
            (cell) => [cell.dataset.lang, cell.hidden ? null : cell.getBoundingClientRect().toJSON()]))""",
        row_id,
    )


def test_the_parallel_view_has_every_edition_s_blocks_under_the_same_ids(reader_site):
    tree = lxml.html.parse(str(reader_site / "parallel.html"))
    rows = tree.xpath('//main[@id="parallel"]/div[contains(@class, "row")]')
    english = lxml.html.parse(str(reader_site / "en/index.html"))
    paragraph_ids = english.xpath('//article[@role="main"]//p[starts-with(@id, "tg-p")][not(ancestor::aside)]/@id')
    note_ids = english.xpath('//article[@role="main"]//aside[contains(@class, "footnote")]//span[starts-with(@id, "tg-n")]/@id')
    row_ids = [row.get("id") for row in rows]
    assert [i for i in row_ids if i.startswith("tg-p")] == paragraph_ids
    assert [i for i in row_ids if i.startswith("tg-n")] == note_ids == [f"tg-n{n}" for n in range(1, 20)]
    for row in rows:
        cells = row.xpath('./div[contains(@class, "cell")]')
        assert [cell.get("lang") for cell in cells] == ["en", "ru", "ja"], row.get("id")
        for cell in cells:
            (block,) = cell
            if "heading" in row.get("class"):
                assert block.tag in {"h1", "h2", "h3"}
                continue
            own_ids = [block.get("id"), *block.xpath("./span/@id")]
            assert f"{cell.get('lang')}-{row.get('id')}" in own_ids


def test_the_parallel_view_shows_the_chosen_editions_side_by_side(server, open_page, problems):
    page = open_page(DESKTOP)
    page.goto(f"{server}/parallel.html?l=ru|ja#tg-p20")
    cells = boxes(page, "tg-p20")
    assert cells["en"] is None
    assert abs(cells["ru"]["top"] - cells["ja"]["top"]) < 1
    assert cells["ru"]["right"] <= cells["ja"]["left"]  # ru first, as asked
    assert page.get_attribute("#tg-p20 .cell[lang=ja] p", "id") == "ja-tg-p20"
    assert page.get_attribute("#tg-p20 .cell[lang=ru] p", "id") == "ru-tg-p20"
    # A note reference in the Japanese column leads to the Japanese note.
    href = page.get_attribute('#tg-p4 .cell[lang="ja"] a.footnote-reference', "href")
    assert page.locator(f'.cell[lang="ja"] [id="{href[1:]}"]').count() == 1
    # The reader adds English from the controls: three columns, in the order chosen.
    page.get_by_role("button", name="Add a column").click()
    cells = boxes(page, "tg-p20")
    assert cells["ru"]["right"] <= cells["ja"]["left"] <= cells["ja"]["right"] <= cells["en"]["left"]
    assert page.url.endswith("parallel.html?l=ru%2Cja%2Cen#tg-p20")
    assert problems.items == []


def test_the_parallel_view_stacks_each_paragraph_on_a_phone(server, open_page, problems):
    page = open_page(PHONE)
    page.goto(f"{server}/parallel.html?l=en,ja")
    cells = boxes(page, "tg-p20")
    assert cells["ru"] is None
    assert cells["en"]["bottom"] <= cells["ja"]["top"]
    assert abs(cells["en"]["left"] - cells["ja"]["left"]) < 1
    assert problems.items == []


def search_results(page: object, url: str) -> list[str]:
    page.goto(url)
    page.wait_for_function("document.querySelector('#search-results').dataset.ready !== undefined"
                           " || document.querySelectorAll('#search-results ul.search li').length > 0"
                           " || /Search finished/.test(document.querySelector('#search-results').textContent)",
                           timeout=10000)
    page.wait_for_timeout(300)
    return page.eval_on_selector_all("#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))")


def test_a_japanese_query_finds_the_japanese_word(reader_site, server, open_page, problems):
    page = open_page(DESKTOP, locale="ja-JP")
    assert "広報文化外交" in (reader_site / "ja/index.html").read_text(encoding="utf-8")
    results = search_results(page, f"{server}/ja/search.html?q={quote('広報文化外交')}")
    assert any(href.startswith("index.html") for href in results), results
    # The query was cut into words the index has, as the index cut the text.
    pieces = page.evaluate("splitQuery('広報文化外交')")
    assert "".join(pieces) == "広報文化外交" and len(pieces) > 1
    assert page.evaluate("(pieces) => pieces.every((p) => p in Search._index.terms)", pieces)
    assert problems.items == []


def test_a_russian_query_is_stemmed(reader_site, server, open_page, problems):
    page = open_page(DESKTOP, locale="ru-RU")
    text = lxml.html.parse(str(reader_site / "ru/index.html")).getroot().text_content().lower()
    assert "культуре" not in text and "культуры" in text
    results = search_results(page, f"{server}/ru/search.html?q={quote('культуре')}")
    assert any(href.startswith("index.html") for href in results), results
    assert problems.items == []
