"""The language switcher keeps the reader's paragraph; the root page sends readers to their language."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, PHONE

MIDDLE = "tg-p20"  # a paragraph in the middle of the article (56 paragraphs and notes)


IN_VIEW = """(id) => {
    const rect = document.getElementById(id).getBoundingClientRect();
    const header = document.querySelector('.mobile-header');
    const top = header && getComputedStyle(header).display !== 'none' ? header.getBoundingClientRect().bottom : 0;
    return rect.bottom > top && rect.top < window.innerHeight;
}"""


def in_view(page: object, element_id: str) -> bool:
    """True once the element's box intersects the viewport below furo's header (scrolling may be smooth)."""
    try:
        page.wait_for_function(IN_VIEW, arg=element_id, timeout=3000)
    except Exception:  # noqa: BLE001  (Playwright's TimeoutError: not in view)
        return False
    return True


def scroll_to(page: object, element_id: str) -> None:
    page.evaluate("(id) => document.getElementById(id).scrollIntoView({block: 'start', behavior: 'instant'})",
                  element_id)


def test_switching_from_the_middle_of_the_english_article_lands_on_the_same_paragraph(server, open_page, problems):
    page = open_page(DESKTOP)
    page.goto(f"{server}/en/index.html")
    scroll_to(page, MIDDLE)
    assert in_view(page, MIDDLE)
    page.click('.triglot-sidebar-editions a[hreflang="ja"]')
    page.wait_for_url(f"{server}/ja/index.html#{MIDDLE}")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert in_view(page, MIDDLE)
    assert page.evaluate("window.scrollY") > 1000  # really in the middle, not at the top
    assert problems.items == []


def test_the_switcher_on_a_phone_carries_the_paragraph_too(server, open_page, problems):
    page = open_page(PHONE)
    page.goto(f"{server}/ja/index.html")
    scroll_to(page, "tg-p30")
    page.click("label.nav-overlay-icon")  # the drawer: opening it does not scroll the page
    page.click('.triglot-sidebar-editions a[hreflang="ru"]')
    page.wait_for_url(f"{server}/ru/index.html#tg-p30")
    page.wait_for_load_state("load")
    assert in_view(page, "tg-p30")
    assert problems.items == []


def test_the_switcher_at_the_top_keeps_the_anchor_in_view(server, open_page, problems):
    page = open_page(DESKTOP)
    page.goto(f"{server}/ru/glossary.html")
    href = page.get_attribute('.triglot-reader-bar a[hreflang="en"]', "href")
    assert href == "../en/glossary.html"  # without JavaScript: a plain link to the same page
    page.click('.triglot-reader-bar a[hreflang="en"]')
    page.wait_for_url(f"{server}/en/glossary.html")
    assert problems.items == []


@pytest.mark.parametrize("locale, edition", [("ja-JP", "ja"), ("ru-RU", "ru"), ("en-US", "en")])
def test_the_root_page_sends_readers_to_their_language(server, open_page, problems, locale, edition):
    page = open_page(DESKTOP, locale=locale)
    page.goto(f"{server}/index.html")
    page.wait_for_url(f"{server}/{edition}/index.html")
    assert page.evaluate("document.documentElement.lang") == edition
    assert problems.items == []


def test_the_root_page_lists_the_editions_for_other_languages(server, open_page, problems):
    page = open_page(DESKTOP, locale="de-DE")
    page.goto(f"{server}/index.html")
    assert page.url == f"{server}/index.html"
    assert page.locator(".editions a").all_inner_texts() == ["English", "Русский", "日本語"]
    assert problems.items == []
