"""Every page has its parallel view, in any theme: a small book (a root page, a page, a page in a sub-folder) in
English, German and French, built with furo, alabaster and openstackdocstheme, read in Chromium.

In the sub-folder page one paragraph only the French edition has (``ifconfig``), so the others leave its cell
empty, and one paragraph German leaves in English (its fallback mark must stay out of the search index).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from triglot.catalog import Catalog, Entry, format_po

from .conftest import DESKTOP, PHONE, serve

THEMES = {"furo": "furo", "alabaster": "alabaster", "openstackdocstheme": "openstackdocs"}
LANGUAGES = ["en", "de", "fr"]
INDEX = "Small book\n==========\n\nThe first paragraph of the book.\n\n.. toctree::\n\n   guide/intro\n   usage\n"
INTRO = ("Introduction\n============\n\nA paragraph every edition translates.\n\n"
         ".. ifconfig:: language == 'fr'\n\n   A paragraph only the French edition keeps.\n\n"
         "A paragraph German leaves in English.\n\nSecond part\n-----------\n\nThe last paragraph.\n")
USAGE = "Usage\n=====\n\nHow to use the book.\n"
CATALOGS = {
    "de": {
        "index": {"Small book": "Kleines Buch", "The first paragraph of the book.": "Der erste Absatz des Buches."},
        "guide": {"Introduction": "Einleitung", "A paragraph every edition translates.": "Ein Absatz, den jede "
                  "Ausgabe übersetzt.", "Second part": "Zweiter Teil", "The last paragraph.": "Der letzte Absatz."},
        "usage": {"Usage": "Gebrauch", "How to use the book.": "Wie man das Buch benutzt."},
    },
    "fr": {
        "index": {"Small book": "Petit livre", "The first paragraph of the book.": "Le premier paragraphe du livre."},
        "guide": {"Introduction": "Introduction", "A paragraph every edition translates.": "Un paragraphe que chaque "
                  "édition traduit.", "A paragraph only the French edition keeps.": "Un paragraphe que seule "
                  "l’édition française garde.", "A paragraph German leaves in English.": "Un paragraphe que "
                  "l’allemand laisse en anglais.", "Second part": "Deuxième partie",
                  "The last paragraph.": "Le dernier paragraphe."},
        # Two spaces: a finding of triglot check, so that the status page has a findings table.
        "usage": {"Usage": "Utilisation", "How to use the book.": "Comment  utiliser le livre."},
    },
}


def conf(theme: str) -> str:
    """The book's conf.py with *theme* (openstackdocstheme is an extension too, and its analytics are left out)."""
    openstack = theme == "openstackdocstheme"
    extensions = ["openstackdocstheme"] * openstack + ["triglot.sphinx", "sphinx.ext.ifconfig"]
    options = {"analytics_tracking_code": ""} if openstack else {}
    return (f'project = "Small book"\nextensions = {extensions!r}\nlocale_dirs = ["locale/"]\n'
            f'html_theme = "{THEMES[theme]}"\nhtml_theme_options = {options!r}\n')


def write_book(root: Path, theme: str) -> None:
    """The book's sources and its German and French catalogs (Sphinx's layout: one catalog per page or folder)."""
    (root / "docs" / "guide").mkdir(parents=True)
    (root / "pyproject.toml").write_text(f"[tool.triglot]\nlanguages = {json.dumps(LANGUAGES)}\n", encoding="utf-8")
    (root / "docs" / "conf.py").write_text(conf(theme), encoding="utf-8")
    for path, text in (("index.rst", INDEX), ("guide/intro.rst", INTRO), ("usage.rst", USAGE)):
        (root / "docs" / path).write_text(text, encoding="utf-8")
    for lang, catalogs in CATALOGS.items():
        for name, messages in catalogs.items():
            header = Entry(msgid="", msgstr=f"Language: {lang}\nContent-Type: text/plain; charset=UTF-8\n")
            path = root / "docs" / "locale" / lang / "LC_MESSAGES" / f"{name}.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(format_po(Catalog([header, *(Entry(msgid=k, msgstr=v) for k, v in messages.items())])))


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The book's published site in each theme (theme → site), the builds run side by side."""
    roots = {theme: tmp_path_factory.mktemp(f"book-{theme}") for theme in THEMES}
    builds = {}
    for theme, root in roots.items():
        write_book(root, theme)
        builds[theme] = subprocess.Popen([sys.executable, "-m", "triglot.cli", "build"], cwd=root, text=True,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for theme, build in builds.items():
        output, _ = build.communicate()
        assert build.returncode == 0, f"{theme}: {output}"
    return {theme: (root / "build" / "site").resolve() for theme, root in roots.items()}


@pytest.fixture(scope="module", params=list(THEMES))
def book(request: pytest.FixtureRequest, books: dict[str, Path]) -> Path:
    """The book's published site in one theme."""
    return books[request.param]


@pytest.fixture(scope="module")
def book_url(book: Path) -> Iterator[str]:
    """The book's site served over http://127.0.0.1."""
    with serve(book) as url:
        yield url


def opened(open_page: object, viewport: dict[str, int], url: str, site: str) -> object:
    """A page showing *url*; requests off the *site* (openstackdocstheme's search widget) get an empty answer."""
    page = open_page(viewport)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site)
               else route.fulfill(status=200, body=""))
    page.goto(url)
    return page


def translated(lang: str, text: str) -> str:
    """*text* as *lang*'s edition shows it: its translation, else the source with the fallback mark."""
    found = {k: v for catalogs in CATALOGS[lang].values() for k, v in catalogs.items()}
    return found[text] if text in found else f"{LANGUAGES[0].upper()} {text}"


# The sub-folder page's blocks in the English edition's order, each with its English text ("" for the block
# only the French edition has).
INTRO_ROWS = [("introduction", "Introduction"), ("tg-p1", "A paragraph every edition translates."),
              ("tg-p2", ""), ("tg-p3", "A paragraph German leaves in English."), ("second-part", "Second part"),
              ("tg-p4", "The last paragraph.")]


def shown_rows(page: object) -> list[tuple[str, dict[str, str]]]:
    """Each row of the view: its id and the text of each visible cell (by language)."""
    return [(row_id, cells) for row_id, cells in page.evaluate(
        """() => Array.from(document.querySelectorAll('#parallel .row')).map((row) => [row.id, Object.fromEntries(
            Array.from(row.querySelectorAll('.cell')).filter((cell) => !cell.hidden)
                 .map((cell) => [cell.dataset.lang, cell.innerText.trim()]))])""")]


def cell_boxes(page: object, row_id: str) -> dict[str, dict[str, float]]:
    """The visible cells of a row: language → bounding box."""
    return page.evaluate("""(id) => Object.fromEntries(Array.from(document.getElementById(id).querySelectorAll(
        '.cell')).filter((cell) => !cell.hidden).map((cell) => [cell.dataset.lang, cell.getBoundingClientRect()
        .toJSON()]))""", row_id)


def test_a_sub_page_s_link_opens_its_own_parallel_view_aligned_by_paragraph(book_url, open_page, problems,
                                                                            tmp_path):
    page = opened(open_page, DESKTOP, f"{book_url}/de/guide/intro.html#tg-p4", book_url)
    page.locator(".triglot-parallel-link:visible").first.click()
    page.wait_for_url(f"{book_url}/de/parallel/guide/intro.html#tg-p4")  # the reader's place is kept
    # Two columns, the source and the edition the reader came from; the block German lacks is an empty cell.
    expected = [(row_id, {"en": text, "de": text and translated("de", text)}) for row_id, text in INTRO_ROWS]
    assert shown_rows(page) == expected
    for row_id, _text in INTRO_ROWS:
        boxes = cell_boxes(page, row_id)
        assert abs(boxes["en"]["top"] - boxes["de"]["top"]) < 1, row_id
        assert boxes["en"]["right"] <= boxes["de"]["left"], row_id
    page.screenshot(path=str(tmp_path / "parallel-de-guide-intro.png"), full_page=True)
    assert problems.items == []


def test_a_column_s_language_is_chosen_and_kept_in_the_url(book_url, open_page, problems, tmp_path):
    page = open_page(DESKTOP)
    page.goto(f"{book_url}/de/parallel/guide/intro.html")
    page.get_by_label("Column 2").select_option("fr")
    assert page.url == f"{book_url}/de/parallel/guide/intro.html?l=en%2Cfr"
    expected = [(row_id, {"en": text, "fr": translated("fr", text or "A paragraph only the French edition keeps.")})
                for row_id, text in INTRO_ROWS]
    assert shown_rows(page) == expected
    # The URL, shared, opens the same columns; a third column can be added, and the choice is swapped back.
    page = open_page(DESKTOP)
    page.goto(f"{book_url}/de/parallel/guide/intro.html?l=en%2Cfr")
    assert [set(cells) for _id, cells in shown_rows(page)] == [{"en", "fr"}] * len(INTRO_ROWS)
    page.get_by_role("button", name="Add a column").click()
    assert page.url.endswith("?l=en%2Cfr%2Cde")
    boxes = cell_boxes(page, "tg-p1")
    assert boxes["en"]["right"] <= boxes["fr"]["left"] <= boxes["fr"]["right"] <= boxes["de"]["left"]
    page.screenshot(path=str(tmp_path / "parallel-three-columns.png"))
    page.get_by_label("Column 1").select_option("de")  # de was column 3: the two swap
    assert page.url.endswith("?l=de%2Cfr%2Cen")
    assert problems.items == []


def test_the_view_stacks_the_columns_on_a_phone(book_url, open_page, problems, tmp_path):
    page = open_page(PHONE)
    page.goto(f"{book_url}/de/parallel/guide/intro.html?l=en,de,fr")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for row_id, _text in INTRO_ROWS:
        boxes = cell_boxes(page, row_id)
        assert boxes["en"]["bottom"] <= boxes["de"]["top"] and boxes["de"]["bottom"] <= boxes["fr"]["top"], row_id
        assert boxes["en"]["left"] == boxes["de"]["left"] == boxes["fr"]["left"], row_id
    page.screenshot(path=str(tmp_path / "parallel-phone.png"), full_page=True)
    assert problems.items == []


@pytest.mark.parametrize("book", ["furo"], indirect=True)  # the status page is the site's, the same in any theme
def test_the_status_page_s_findings_table_stays_in_its_box(book, book_url, open_page, problems, tmp_path):
    status = lxml.html.parse(str(book / "status.html"))
    assert status.xpath('//section[@id="fr"]//table[@class="findings"]//td[2]/text()') == ["typo-double-space"]
    for viewport in (PHONE, DESKTOP):
        page = open_page(viewport)
        page.goto(f"{book_url}/status.html")
        box = page.locator("#fr table.findings").bounding_box()
        section = page.locator("section#fr").bounding_box()
        assert box["x"] + box["width"] <= section["x"] + section["width"] + 0.5
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.screenshot(path=str(tmp_path / f"status-{viewport['width']}.png"), full_page=True)
    assert problems.items == []


def test_the_status_page_counts_the_passages_of_every_page(book):
    """Every message of the French catalogs is a passage of the book, the sub-folder's included."""
    status = lxml.html.parse(str(book / "status.html"))
    total = sum(len(messages) for messages in CATALOGS["fr"].values())
    for lang in ("de", "fr"):
        spans = status.xpath(f'//section[@id="{lang}"]//span[@data-count]')
        counts = {span.get("data-count"): int(span.text) for span in spans}
        assert counts["passages"] == total, lang
        assert counts["passages-translated"] == sum(len(messages) for messages in CATALOGS[lang].values()), lang


def test_the_fallback_mark_stays_out_of_the_search_index(book):
    page = lxml.html.parse(str(book / "de/guide/intro.html"))
    marks = page.xpath('//*[@data-triglot-body]//abbr[@class="triglot-fallback-mark"]')
    assert [mark.text for mark in marks] == ["EN"]
    index = (book / "de" / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    assert "paragraph" in terms  # the fallback paragraph's own words are indexed
    assert "en" not in {term.lower() for term in terms}
