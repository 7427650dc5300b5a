"""axe-core finds no serious or critical violation on any kind of page, at phone and desktop width, light and dark.

The pages are those of the editions built in every format (so the download
links are shown), and the Japanese article of the reader's site, which shows
a passage in the original with its mark. axe-core (npm) is injected into each
page as it is loaded in Chromium; its WCAG 2.x A/AA rules and best practices
run.
"""

from __future__ import annotations

import pytest
from editions import editions_built
from validators import axe_source

from .conftest import DESKTOP, PHONE, serve

# One page of each kind: the article in each edition, a glossary, the site's root, parallel and status pages.
PAGES = ["en/index.html", "ru/index.html", "ja/index.html", "ru/glossary.html", "index.html",
         "parallel.html", "ru/parallel.html", "ja/status.html"]
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
MODES = [(name, viewport, scheme) for name, viewport in (("phone", PHONE), ("desktop", DESKTOP))
         for scheme in ("light", "dark")]


@pytest.fixture(scope="module")
def editions_server(tmp_path_factory: pytest.TempPathFactory):
    with serve((editions_built(tmp_path_factory) / "build" / "site").resolve()) as url:
        yield url


def violations(page: object, url: str) -> list[str]:
    """axe's serious and critical violations on the page at *url*, one line each."""
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_script_tag(content=axe_source())
    result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES)
    return [f"{url}: {item['impact']} {item['id']} ({len(item['nodes'])}×, first {item['nodes'][0]['target']}): "
            f"{item['nodes'][0]['failureSummary']}"
            for item in result["violations"] if item["impact"] in {"serious", "critical"}]


@pytest.mark.parametrize(("name", "viewport", "scheme"), MODES, ids=[f"{n}-{s}" for n, _, s in MODES])
def test_axe_finds_no_serious_violation(editions_server, server, open_page, problems, name, viewport, scheme):
    page = open_page(viewport, color_scheme=scheme)
    found = [line for path in PAGES for line in violations(page, f"{editions_server}/{path}")]
    found += violations(page, f"{server}/ja/index.html")  # a passage shown in the original, and its mark
    assert found == []
    assert problems.items == []
