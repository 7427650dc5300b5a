"""Honest builds: each edition's summary gives the passages it showed translated, as the status page does;
``--min-translated`` (or ``min_translated``) refuses to publish an edition below it; catalogs that never reach
Sphinx are an error, not an ``ok``. On our article and on the OpenStack Operations Guide (a real book)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
from conftest import RealBuild, run_triglot

FALLBACK = re.compile(r'class="(?:[^"]*\s)?triglot-fallback(?:\s[^"]*)?"')
SITE_PAGES = {"search.html", "genindex.html", "parallel.html", "status.html"}


def shown_in_english(edition: Path) -> int:
    """Passages the built pages mark as shown in the source language, in every page of the edition."""
    return sum(len(FALLBACK.findall(page.read_text(encoding="utf-8"))) for page in sorted(edition.rglob("*.html"))
               if page.name not in SITE_PAGES and "_static" not in page.parts
               and page.relative_to(edition).parts[0] != "parallel")


def status_counts(site: Path, lang: str) -> tuple[int, int, int]:
    """(translated, all, shown in the original) passages of *lang* on the site's status page."""
    section = lxml.html.parse(str(site / "status.html")).xpath(f'//section[@id="{lang}"]')[0]
    return tuple(int(section.xpath(f'.//span[@data-count="{kind}"]')[0].text)
                 for kind in ("passages-translated", "passages", "shown-in-source"))


def make_fuzzy(catalog: Path, count: int) -> list[str]:
    """Mark the first *count* translated entries after the header of *catalog* fuzzy; their msgids."""
    blocks = catalog.read_text(encoding="utf-8").split("\n\n")
    changed = []
    for index, block in enumerate(blocks[1:], start=1):
        if len(changed) == count:
            break
        if "#," not in block and 'msgstr ""' not in block:
            blocks[index] = block.replace("\nmsgid ", "\n#, fuzzy\nmsgid ", 1) if "\nmsgid " in block else (
                "#, fuzzy\n" + block)
            changed.append(re.search(r'^msgid "(.*)"$', block, re.M).group(1))
    catalog.write_text("\n\n".join(blocks), encoding="utf-8")
    return changed


def summary(stderr: str) -> dict[str, str]:
    """Each edition's summary line, by language: ``ok  89/92 translated (96.7 %)``."""
    return {match[0]: match[1] for match in re.findall(r"^  (\S+)\s+html  (.*)$", stderr, re.M)}


def share(translated: int, total: int) -> str:
    return f"{translated}/{total} translated ({(1000 * translated // total) / 10:g} %)"


def test_the_summary_gives_the_share_the_status_page_gives(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('"ru", "ja"]', '"ru", "ja", "kk"]'),
                         encoding="utf-8")
    make_fuzzy(project / "locale" / "ru" / "LC_MESSAGES" / "article.po", 3)
    completed = run_triglot("build", cwd=project)
    assert completed.returncode == 0, completed.stderr
    site = project / "build" / "site"
    # Kazakh has no catalog: every passage is shown in English, which gives the number of passages.
    total = shown_in_english(site / "kk")
    untranslated = shown_in_english(site / "ru")
    assert total > 50 and untranslated >= 3
    assert summary(completed.stderr) == {"en": "ok", "ru": f"ok  {share(total - untranslated, total)}",
                                         "ja": f"ok  {share(total, total)}", "kk": f"ok  {share(0, total)}"}
    assert summary(completed.stderr)["ja"] == f"ok  {total}/{total} translated (100 %)"
    for lang, translated in (("ru", total - untranslated), ("ja", total), ("kk", 0)):
        assert status_counts(site, lang) == (translated, total, total - translated), lang
    # A second build reads the same counts from the unchanged editions.
    again = run_triglot("build", cwd=project)
    assert summary(again.stderr)["ru"] == f"unchanged  {share(total - untranslated, total)}"


def test_an_edition_below_the_minimum_is_not_published(project: Path) -> None:
    make_fuzzy(project / "locale" / "ru" / "LC_MESSAGES" / "article.po", 5)
    published = run_triglot("build", "--lang", "ru", cwd=project)
    assert published.returncode == 0, published.stderr
    site = project / "build" / "site"
    before = os.readlink(site)
    line = summary(published.stderr)["ru"].removeprefix("ok  ")
    translated, total, percent = re.fullmatch(r"(\d+)/(\d+) translated \((.*) %\)", line).groups()
    assert float(percent) < 99.5

    refused = run_triglot("build", "--lang", "ru", "--lang", "ja", "--min-translated", "99.5", cwd=project)
    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.splitlines()[1:] == [
        f"  ru     html  ERROR  {line}",
        f"    {percent} % translated, below the minimum of 99.5 %",
        f"  ja     html  ok  {total}/{total} translated (100 %)",
        f"triglot: error: ru html: not publishable (nothing published; {site} is as it was)",
    ]
    assert os.readlink(site) == before and not (site / "ja").exists()  # not even the Japanese edition

    parts = project / "parts"
    assert run_triglot("build", "--lang", "ru", "--min-translated", "100", "--part-out", str(parts),
                       cwd=project).returncode == 2
    assert not parts.exists()

    # The setting does the same; the option overrides it.
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('catalog = "article"\n',
                                                                       'catalog = "article"\nmin_translated = 100\n'),
                         encoding="utf-8")
    assert run_triglot("build", "--lang", "ru", cwd=project).returncode == 2
    assert os.readlink(site) == before
    assert run_triglot("build", "--lang", "ru", "--min-translated", "90", cwd=project).returncode == 0


@pytest.mark.parametrize("value", ['"90"', "101", "true", "-1"])
def test_a_bad_minimum_names_its_line(project: Path, value: str) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        'catalog = "article"\n', f'catalog = "article"\nmin_translated = {value}\n'), encoding="utf-8")
    line = pyproject.read_text(encoding="utf-8").splitlines().index(f"min_translated = {value}") + 1
    shown = {'"90"': "'90'", "true": "True"}.get(value, value)
    completed = run_triglot("build", cwd=project)
    assert (completed.returncode, completed.stderr) == (2, (
        f"triglot: error: {pyproject}:{line}: [tool.triglot] min_translated must be a percentage from 0 to 100, "
        f"not {shown}\n"))


def test_a_catalog_sphinx_never_finds_is_an_error(project: Path) -> None:
    folder = project / "locale" / "ru" / "LC_MESSAGES"
    (folder / "article.po").rename(folder / "Article.po")
    completed = run_triglot("build", "--lang", "ru", cwd=project)
    assert completed.returncode == 2, completed.stderr
    assert completed.stderr.splitlines()[1:3] == [
        "  ru     html  ERROR  0/92 translated (0 %)",
        "    no catalog of ru reaches the build: Sphinx looks for locale/ru/LC_MESSAGES/article.po, and "
        "locale/ru/LC_MESSAGES/Article.po is not it; move or rename the catalogs, or set locale and catalog in "
        "[tool.triglot] (or locale_dirs and gettext_compact in conf.py)",
    ]
    assert not (project / "build" / "site").exists()


def test_a_catalog_folder_outside_locale_dirs_is_an_error(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('locale = "locale"\n', ""), encoding="utf-8")
    with (project / "docs" / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nlocale_dirs = ["locales/"]\n')
    completed = run_triglot("build", "--lang", "ru", "--lang", "ja", cwd=project)
    assert completed.returncode == 2, completed.stderr
    lines = completed.stderr.splitlines()
    for lang, index in (("ru", 1), ("ja", 3)):
        assert lines[index:index + 2] == [
            f"  {lang}     html  ERROR  0/92 translated (0 %)",
            f"    no catalog of {lang} reaches the build: Sphinx looks for docs/locales/{lang}/LC_MESSAGES/article.po, "
            f"and locale/{lang}/LC_MESSAGES/article.po is not it; move or rename the catalogs, or set locale and "
            "catalog in [tool.triglot] (or locale_dirs and gettext_compact in conf.py)",
        ]


def test_a_project_without_the_extension_is_not_called_translated(project: Path) -> None:
    conf = project / "docs" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('extensions = ["triglot.sphinx"]', "extensions = []"),
                    encoding="utf-8")
    completed = run_triglot("build", "--lang", "ru", cwd=project)
    assert completed.returncode == 2, completed.stderr
    assert completed.stderr.splitlines()[1:3] == [
        "  ru     html  ERROR",
        '    the build did not count what the ru edition shows translated: add "triglot.sphinx" to the extensions '
        "in docs/conf.py",
    ]


def test_a_real_book_reports_what_it_shows_translated(real_build: Callable[[str], RealBuild]) -> None:
    """The Operations Guide (52 pages in sub-folders, its own theme, three catalogs per language) in German."""
    build = real_build("operations-guide")  # every language's HTML, built once (tests/test_real_projects.py)
    site = build.site
    translated, total, in_english = status_counts(site, "de")
    assert in_english == shown_in_english(site / "de") > 100  # the sub-folders' pages are counted too
    assert summary(build.html.stderr)["de"] == f"ok  {share(translated, total)}"
    assert 0.8 * total < translated < total
    published = os.readlink(site)
    refused = run_triglot("build", "--lang", "de", "--min-translated", "100", cwd=build.root)
    assert refused.returncode == 2
    assert f"  de     html  ERROR  {share(translated, total)}" in refused.stderr.splitlines()
    assert os.readlink(site) == published
