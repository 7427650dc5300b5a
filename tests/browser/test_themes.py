"""The reader's features in every supported theme, at phone and desktop width (the tiny projects of
theme_projects.py): the switcher at the top of the text (under the title row in openstackdocstheme), in
the first screen and inside it, clear of the page's heading, its links and the note under it without an
axe-core violation; the alternates; the fallback marks; the links to the parallel view and the status
page; the switcher keeping the reader's place; and, with ten languages, a one-line menu.

A screenshot of each theme and width is saved in the test's tmp folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from validators import axe_source

from .conftest import PHONE, Problems, serve
from .theme_projects import MANY_LANGUAGES, THEMES, UNTRANSLATED, ThemeSite, translation

DESKTOP = {"width": 1280, "height": 800}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
BAR = '[role="main"] .triglot-reader-bar'
# Where each theme shows the editions in a sidebar that stays in view while reading a wide page
# (alabaster's sidebar and openstackdocstheme's scroll away with the page: there, the bar at the top).
READING_SLOT = {
    "furo": ".sidebar-drawer .triglot-sidebar-editions",
    "sphinx_rtd_theme": ".wy-side-nav-search .triglot-sidebar-editions",
    "pydata_sphinx_theme": ".bd-sidebar-primary .triglot-sidebar-editions",
    "sphinx_book_theme": ".bd-sidebar-primary .triglot-sidebar-editions",
}
THEME_NOISE = {
    "pydata_sphinx_theme": ("console: Got invalid theme mode: . Resetting to auto.",),
    "sphinx_book_theme": ("console: Got invalid theme mode: . Resetting to auto.",),
    "openstackdocs": ("failed: https://", "console: Failed to load resource: net::ERR_NAME_NOT_RESOLVED"),
}
MIDDLE = "tg-p20"  # one of the guide's 30 paragraphs, in the middle

# The page's title: in the text, or (openstackdocstheme) in the title row above it.
HEADING = """document.querySelector('[role="main"] h1') || document.querySelector('h1')"""
AT_TOP = """([id, limit]) => { const top = document.getElementById(id).getBoundingClientRect().top;
                              return -1 <= top && top < limit; }"""
GEOMETRY = """(bar) => {
    const box = (element) => { const r = element.getBoundingClientRect();
                               return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; };
    return {bar: box(document.querySelector(bar)), heading: box(""" + HEADING + """),
            scrollWidth: document.scrollingElement.scrollWidth, width: window.innerWidth, height: window.innerHeight};
}"""


def ours(problems: Problems, theme: str) -> list[str]:
    """The problems of the page that are not the theme's own: pydata's (and sphinx-book-theme's) script logs an
    error when no colour mode is stored; openstackdocstheme loads analytics from the Internet (offline here)."""
    noise = THEME_NOISE.get(theme, ())
    return [item for item in problems.items if not any(pattern in item for pattern in noise)]


def bar_violations(page: object) -> list[str]:
    """axe-core's WCAG 2 A and AA violations in the reader's bar and the note under it (not the theme's)."""
    page.add_script_tag(content=axe_source())
    return page.evaluate("selectors => axe.run({include: selectors}, {runOnly: {type: 'tag', values: "
                         "['wcag2a', 'wcag2aa']}}).then(result => result.violations.map(item => item.id))",
                         [[BAR], [".triglot-fallback-note"]])


def served(site: ThemeSite) -> object:
    return serve(site.site.resolve())


def alternates(page: object) -> list[list[str]]:
    return page.eval_on_selector_all('link[rel="alternate"][hreflang]',
                                     "links => links.map(link => [link.hreflang, link.getAttribute('href')])")


def assert_in_first_screen_and_clear_of_the_heading(geometry: dict) -> None:
    bar, heading = geometry["bar"], geometry["heading"]
    assert 0 <= bar["top"] and bar["bottom"] <= geometry["height"]  # in the first screen
    assert 0 <= bar["left"] and bar["right"] <= geometry["width"]
    assert geometry["scrollWidth"] <= geometry["width"]  # nothing wider than the screen
    assert bar["bottom"] <= heading["top"] or heading["bottom"] <= bar["top"]  # not over the heading


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_the_reader_features_fit_the_theme(theme_site, open_page, problems, tmp_path: Path, theme: str, width: str):
    site = theme_site(theme)
    with served(site) as url:
        page = open_page(WIDTHS[width])
        page.goto(f"{url}/de/guide.html")
        page.wait_for_load_state("load")
        assert_in_first_screen_and_clear_of_the_heading(page.evaluate(GEOMETRY, BAR))
        bar = page.locator(BAR)
        assert bar.locator("a[hreflang], [aria-current=page]").all_inner_texts() == ["English", "Deutsch", "日本語"]
        assert bar.locator('[aria-current="page"]').get_attribute("lang") == "de"
        assert alternates(page) == [*[[code, f"../{code}/guide.html"] for code in site.languages],
                                    ["x-default", "../en/guide.html"]]
        # The untranslated paragraph: in English, marked, the mark visible; the note above links the status page.
        fallback = page.locator("p.triglot-fallback")
        assert fallback.inner_text().endswith(UNTRANSLATED) and fallback.get_attribute("lang") == "en"
        assert fallback.locator(".triglot-fallback-mark").is_visible()
        assert page.evaluate(f"({HEADING}).innerText").startswith(translation("de", "Reading the guide"))
        status = page.locator(".triglot-fallback-note a").get_attribute("href")
        parallel = bar.locator(".triglot-parallel-link").get_attribute("href")
        # The page's own parallel view (its columns default to the source and this edition).
        assert (status, parallel) == ("status.html#fallback", "parallel/guide.html")
        for href in (status, parallel):
            assert page.request.get(f"{url}/de/{href}").status == 200
        assert bar_violations(page) == []
        page.screenshot(path=tmp_path / f"{theme}-{width}.png")
    assert ours(problems, theme) == []


@pytest.mark.parametrize("theme", THEMES)
def test_choosing_a_language_keeps_the_place(theme_site, open_page, problems, theme: str):
    with served(theme_site(theme)) as url:
        page = open_page(DESKTOP)
        if theme in READING_SLOT:  # read on in the middle of the page, choose in the sidebar
            page.goto(f"{url}/en/guide.html")
            page.evaluate("id => document.getElementById(id).scrollIntoView({block: 'start', behavior: 'instant'})",
                          MIDDLE)
            link, place = f'{READING_SLOT[theme]} a[hreflang="ja"]', MIDDLE
        else:  # the bar at the top: the paragraph the reader was sent to is kept while in view
            page.goto(f"{url}/en/guide.html#tg-p3")
            link, place = f'{BAR} a[hreflang="ja"]', "tg-p3"
        page.click(link)
        page.wait_for_url(f"{url}/ja/guide.html#{place}")
        # At the top of the screen (some themes scroll there smoothly), below a sticky header if any.
        page.wait_for_function(AT_TOP, arg=[place, DESKTOP["height"] / 4], timeout=5000)
        assert page.evaluate("document.documentElement.lang") == "ja"
    assert ours(problems, theme) == []


@pytest.mark.parametrize("theme", THEMES)
def test_ten_languages_take_one_line_on_a_phone_and_open_as_a_menu(theme_site, open_page, problems,
                                                                 tmp_path: Path, theme: str):
    site = theme_site(theme, MANY_LANGUAGES)
    with served(site) as url:
        page = open_page(PHONE)
        page.goto(f"{url}/en/guide.html")
        page.wait_for_load_state("load")
        geometry = page.evaluate(GEOMETRY, BAR)
        assert_in_first_screen_and_clear_of_the_heading(geometry)
        summary = page.locator(f"{BAR} details.triglot-editions-menu > summary")
        line = summary.bounding_box()["height"]
        # One line: a second row would make the bar at least twice as high as the menu's button; and a tenth of
        # the phone's first screen at most (with ten languages as a list the bar took 40 % of it).
        assert geometry["bar"]["height"] - 1 < 2 * line and geometry["bar"]["height"] < PHONE["height"] / 10
        menu = page.locator(f"{BAR} .triglot-editions-menu-list")
        assert not menu.is_visible()
        summary.focus()
        page.keyboard.press("Enter")
        assert menu.is_visible()
        assert menu.locator("a, [aria-current]").evaluate_all("items => items.map(item => item.lang)") == \
            [code.replace("_", "-") for code in MANY_LANGUAGES]
        assert menu.locator('[aria-current="page"]').inner_text() == "English"
        box = menu.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
        assert bar_violations(page) == []  # the open menu
        page.screenshot(path=tmp_path / f"{theme}-phone-menu.png")
        page.keyboard.press("Escape")
        assert not menu.is_visible()
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")  # past English (the current one, not a link) to Deutsch, the same page in German
        assert page.evaluate("document.activeElement.getAttribute('href')") == "../de/guide.html"
    assert ours(problems, theme) == []
