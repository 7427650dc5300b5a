"""The editions pass the validators a publisher, a library or a search engine runs (see tests/validators.py).

EPUBCheck on every EPUB, the Nu HTML Checker on every page of the site
(editions, root page, parallel view, status pages); axe-core runs in the
browser tests (``tests/browser/test_accessibility.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editions import editions_built
from test_pdf import LANGS
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
