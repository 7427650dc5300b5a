"""The editions in the theme's sidebar: added to the theme's own sidebars, never to those conf.py chose."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from triglot.sphinx.theme_slots import SIDEBAR, with_editions


@pytest.mark.parametrize(("sidebars", "expected"), [
    # alabaster's default: after its search field
    (["about.html", "searchfield.html", "navigation.html"],
     ["about.html", "searchfield.html", SIDEBAR, "navigation.html"]),
    # pydata-sphinx-theme's: after the button that collapses the sidebar
    (["sidebar-collapse", "sidebar-nav-bs"], ["sidebar-collapse", SIDEBAR, "sidebar-nav-bs"]),
    ([], [SIDEBAR]),
])
def test_the_editions_go_after_the_search_field_or_first(sidebars: list[str], expected: list[str]) -> None:
    assert with_editions(sidebars) == expected


def build_alabaster(root: Path, conf: str) -> str:
    """A one-page alabaster project with *conf* added to its conf.py, built by sphinx-build: the page's HTML."""
    (root / "src").mkdir(parents=True)
    (root / "src" / "conf.py").write_text(f'extensions = ["triglot.sphinx"]\nhtml_theme = "alabaster"\n{conf}',
                                          encoding="utf-8")
    (root / "src" / "index.rst").write_text("Title\n=====\n\nText.\n", encoding="utf-8")
    command = [sys.executable, "-m", "sphinx", "--no-color", "-b", "html", "-q", str(root / "src"), str(root / "out")]
    completed = subprocess.run(command, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return (root / "out" / "index.html").read_text(encoding="utf-8")


def test_alabaster_gets_the_editions_in_its_own_sidebar_but_not_in_the_project_s(tmp_path: Path) -> None:
    page = build_alabaster(tmp_path / "theme", "")
    assert page.index('id="searchbox"') < page.index('class="triglot-sidebar-editions"') < page.index(">Navigation<")
    page = build_alabaster(tmp_path / "project", 'html_sidebars = {"**": ["localtoc.html"]}\n')
    assert "triglot-sidebar-editions" not in page and "triglot-reader-bar" in page
