"""The editions pass the validators a publisher, a library or a search engine runs (see tests/validators.py).

EPUBCheck on every EPUB, the Nu HTML Checker on every page of the site
(editions, root page, parallel view, status pages); axe-core runs in the
browser tests (``tests/browser/test_accessibility.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_triglot
from editions import editions_built
from test_pdf import LANGS
from test_pdf_languages import SAMPLES, make_project
from triglot.site.reader_pages import SITE_PAGES
from validators import epubcheck, nu_check


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return editions_built(tmp_path_factory)


@pytest.mark.parametrize("lang", LANGS)
def test_epubcheck_finds_no_error_and_no_warning(editions: Path, lang: str) -> None:
    path = editions / "build" / "site" / lang / "downloads" / f"article-{lang}.epub"
    assert [str(problem) for problem in epubcheck(path)] == []


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of *site* (not the theme's static files)."""
    return sorted(path for path in site.resolve().rglob("*.html") if "_static" not in path.parts)


def test_the_nu_html_checker_finds_no_error_on_any_page(editions: Path) -> None:
    pages = site_pages(editions / "build" / "site")
    assert len(pages) >= 3 * 6 + 3  # six pages per edition, the root page, the parallel view, the status page
    assert [str(problem) for problem in nu_check(pages)] == []


@pytest.fixture(scope="module")
def regional_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a one-page project written in pt_BR and translated into zh_CN (one message untranslated)."""
    root = make_project(tmp_path_factory.mktemp("regional") / "project", ["zh_CN"],
                        {"zh_CN": (SAMPLES["zh_CN"][0], "", SAMPLES["zh_CN"][2])}, source="pt_BR")
    completed = run_triglot("build", cwd=root)
    assert completed.returncode == 0, completed.stderr
    return root / "build" / "site"


def test_regional_languages_are_written_as_bcp_47_tags(regional_site: Path) -> None:
    """Sphinx's pt_BR and zh_CN are pt-BR and zh-CN in every lang and hreflang the site's pages hold."""
    pages = site_pages(regional_site)
    values = {value for page in pages
              for value in re.findall(r'\s(?:lang|hreflang)="([^"]*)"', page.read_text(encoding="utf-8"))}
    assert values == {"pt-BR", "zh-CN", "x-default"}
    # The pages triglot writes itself (the editions' are Sphinx's default theme's, whose headings skip a level).
    own = [page for page in pages if page.name in SITE_PAGES or page == regional_site.resolve() / "index.html"]
    assert len(own) == 7  # the root page, and the status page and parallel view at the root and in each edition
    assert [str(problem) for problem in nu_check(own)] == []


def test_a_site_of_a_translation_alone_has_a_valid_root_page(tmp_path: Path) -> None:
    """``triglot build --lang zh_CN`` in a fresh clone: the root page's title and language are that edition's."""
    root = make_project(tmp_path / "project", ["zh_CN"], {"zh_CN": SAMPLES["zh_CN"]})
    completed = run_triglot("build", "--lang", "zh_CN", cwd=root)
    assert completed.returncode == 0, completed.stderr
    page = root / "build" / "site" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in text and f"<title>{SAMPLES['zh_CN'][0]}</title>" in text
    assert [str(problem) for problem in nu_check([page])] == []


def test_an_epub_of_a_project_without_copyright_or_version_passes_epubcheck(tmp_path: Path) -> None:
    """conf.py sets neither ``copyright`` nor ``version`` (tests/test_pdf_languages.py's project): Sphinx's package
    template writes them as empty elements, which EPUB does not allow; the edition's package leaves them out."""
    root = make_project(tmp_path / "project", ["de"], {"de": SAMPLES["de"]})
    completed = run_triglot("build", "--lang", "de", "--format", "epub", cwd=root)
    assert completed.returncode == 0, completed.stderr
    assert [str(problem) for problem in epubcheck(root / "build" / "site" / "de" / "downloads" / "notes-de.epub")] == []
