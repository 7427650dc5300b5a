"""The status page's findings are ``triglot check``'s: on each language's text catalogs and its interface catalog
(``sphinx.po``), the same files and findings, shown in the page's table with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import polib
import pytest

from conftest import copy_project, run_triglot
from triglot.checks import REGISTRY
from triglot.config import load_settings
from triglot.site.status_page import INTERFACE_UNREADABLE, catalog_status, check_findings

ARTICLE = "locale/ru/LC_MESSAGES/article.po"
INTERFACE = "locale/ru/LC_MESSAGES/sphinx.po"
DOUBLE_SPACE = REGISTRY["typo-double-space"].summary


def _double_space(path: Path, msgid: str) -> int:
    """Put a doubled space into the msgstr of *msgid* in the catalog *path*; the line of that msgstr."""
    catalog = polib.pofile(str(path), wrapwidth=0)
    (entry,) = [entry for entry in catalog if entry.msgid == msgid]
    entry.msgstr = entry.msgstr.replace(" ", "  ", 1)
    catalog.save()
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines.index(f'msgstr "{entry.msgstr}"') + 1


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A copy of the project with a doubled space in one Russian translation of the article and one of the
    interface; the msgstr line of each, by catalog."""
    root = copy_project(tmp_path_factory.mktemp("status-findings") / "project")
    lines = {ARTICLE: _double_space(root / ARTICLE, "Editorial notes"),
             INTERFACE: _double_space(root / INTERFACE, "Parallel view")}
    return root, lines


def test_the_status_page_s_findings_are_triglot_check_s(project: tuple[Path, dict[str, int]]) -> None:
    root, lines = project
    completed = run_triglot("check", "--lang", "ru", "--format", "json", "--fail-on", "never", cwd=root)
    assert completed.returncode == 0, completed.stderr
    checked = [(Path(item["file"]).relative_to(root).as_posix(), item["line"], item["check"], item["severity"])
               for item in json.loads(completed.stdout)["findings"]]
    expected = [(ARTICLE, lines[ARTICLE], "typo-double-space", "warning"),
                (INTERFACE, lines[INTERFACE], "typo-double-space", "warning")]
    assert checked == expected
    found = check_findings(load_settings(root), "ru")
    assert [(f.file, f.line, f.check, f.severity, f.message) for f in found] == [
        (*finding, DOUBLE_SPACE) for finding in expected]


def test_the_status_page_s_table_names_the_interface_catalog_s_line(project: tuple[Path, dict[str, int]]) -> None:
    root, lines = project
    completed = run_triglot("build", "--lang", "en", "--lang", "ru", "--format", "html", cwd=root)
    assert completed.returncode == 0, completed.stderr
    page = lxml.html.parse(str(root / "build" / "site" / "status.html"))
    rows = [[" ".join(cell.text_content().split()) for cell in row.xpath("td")]
            for row in page.xpath('//section[@id="ru"]//table[@class="findings"]/tbody/tr')]
    assert rows == [[f"{ARTICLE}:{lines[ARTICLE]}", "typo-double-space", "warning", DOUBLE_SPACE],
                    [f"{INTERFACE}:{lines[INTERFACE]}", "typo-double-space", "warning", DOUBLE_SPACE]]


def test_an_unreadable_interface_catalog_is_a_finding_beside_the_text_s_counts(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    settings = load_settings(root)
    before = catalog_status(settings, "ru")
    assert before.translated > 0 and before.findings == ()
    (root / INTERFACE).write_bytes(b'msgid "Parallel view"\nmsgstr "\xff"\n')
    after = catalog_status(settings, "ru")
    assert (after.translated, after.fuzzy, after.untranslated) == (before.translated, before.fuzzy,
                                                                  before.untranslated)
    assert [(f.file, f.check, f.severity, f.message) for f in after.findings] == [
        (INTERFACE, "catalog", "error", INTERFACE_UNREADABLE)]
