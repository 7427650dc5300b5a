"""Every page: hreflang alternates resolve, nothing fails in the console; screenshots of each edition."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest

from .conftest import DESKTOP, PHONE

EDITIONS = ("en", "ru", "ja")
SITE_URL = "https://triglot-editions.github.io/triglot/"


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the site, as paths relative to its root."""
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html") if "_static" not in path.parts)


def test_every_page_of_every_edition_lists_every_edition_and_x_default(reader_site):
    for page in site_pages(reader_site):
        tree = lxml.html.parse(str(reader_site / page))
        hreflangs = tree.xpath('//head/link[@rel="alternate"]/@hreflang')
        assert hreflangs == ["en", "ru", "ja", "x-default"], page


def test_every_hreflang_link_resolves_to_an_existing_page(reader_site, server):
    checked = set()
    for page in site_pages(reader_site):
        tree = lxml.html.parse(str(reader_site / page))
        for href in tree.xpath('//head/link[@rel="alternate"]/@href'):
            # Alternates are absolute, under docs/conf.py's triglot_site_url: here, the site is served locally.
            url = urljoin(f"{server}/{page}", href.replace(SITE_URL, f"{server}/"))
            if url not in checked:
                with urllib.request.urlopen(url) as response:
                    assert response.status == 200, (page, href)
                    assert response.read().lstrip().lower().startswith(b"<!doctype html"), url
                checked.add(url)
    # In each edition its text pages, search and index, a parallel view per text page and the status page; at the
    # root the root page, the source's parallel views and status page.
    text_pages = json.loads((reader_site / "en" / "triglot-reader.json").read_text(encoding="utf-8"))["pages"]
    assert len(checked) == 3 * (2 * len(text_pages) + 3) + len(text_pages) + 2


def test_no_console_errors_on_any_page(reader_site, server, open_page, problems):
    page = open_page(DESKTOP, locale="de-DE")  # no edition in German: the root page stays put
    for path in site_pages(reader_site):
        page.goto(f"{server}/{path}")
        page.wait_for_load_state("load")
    assert problems.items == []


def wait_until_still(page: object) -> None:
    """Wait for furo's smooth scrolling to the fragment to end."""
    last = None
    for _ in range(50):
        page.wait_for_timeout(150)
        now = page.evaluate("window.scrollY")
        if now == last and now > 0:
            return
        last = now
    raise AssertionError("the page kept scrolling")


@pytest.mark.parametrize("lang", EDITIONS)
def test_screenshots_of_each_edition(server, open_page, problems, artifacts, lang):
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = open_page(viewport)
        page.goto(f"{server}/{lang}/index.html")
        page.wait_for_load_state("load")
        page.screenshot(path=str(artifacts / f"reader-{lang}-{name}.png"))
        page.goto("about:blank")  # a fresh load jumps to the fragment (no smooth scrolling)
        page.goto(f"{server}/{lang}/index.html#tg-n12")  # the notes, one of them the target
        wait_until_still(page)
        page.wait_for_timeout(200)
        page.screenshot(path=str(artifacts / f"reader-{lang}-{name}-notes.png"))
    assert problems.items == []


def test_screenshots_of_the_site_pages(server, open_page, problems, artifacts):
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = open_page(viewport)
        page.goto(f"{server}/parallel.html?l=en,ja#tg-p20")
        page.wait_for_timeout(300)
        page.screenshot(path=str(artifacts / f"reader-parallel-en-ja-{name}.png"))
        page.goto(f"{server}/status.html")
        page.screenshot(path=str(artifacts / f"reader-status-{name}.png"), full_page=True)
    assert problems.items == []
