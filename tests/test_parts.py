"""Parts (``triglot build --part-out``) and ``triglot assemble``: what a part holds, and every way a set of parts
can be wrong, each refused with exit 2 naming the part, before anything is published."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import copy_project, run_triglot
from triglot.config import load_settings
from triglot.site.status_page import catalog_status
from triglot.stats import catalog_stats


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy whose three HTML editions were written as parts into ``parts/``."""
    root = copy_project(tmp_path_factory.mktemp("parts") / "project")
    completed = run_triglot("build", "--part-out", "parts", cwd=root)
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr.splitlines()[-3:] == [f"triglot: part in parts/{lang}-html/" for lang in ("en", "ru", "ja")]
    assert not (root / "build" / "site").exists()  # parts only: nothing is published
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    """A copy of :func:`built` with its parts and build cache, for one test to change."""
    target = tmp_path / "project"
    shutil.copytree(built, target, symlinks=True)
    return target


def manifest(root: Path, part: str) -> dict:
    return json.loads((root / "parts" / part / "triglot-part.json").read_text(encoding="utf-8"))


def test_a_part_describes_its_files_inputs_and_tools(built: Path) -> None:
    data = manifest(built, "ru-html")
    assert sorted(data) == ["catalogs", "files", "fingerprint", "format", "interface", "lang", "passages", "settings",
                            "sources", "status", "tools", "triglot_part"]
    assert (data["triglot_part"], data["lang"], data["format"]) == (1, "ru", "html")
    assert data["settings"] == {"source_language": "en", "languages": "en ru ja", "catalog": "article",
                                "source_date_epoch": ""}
    assert sorted(data["tools"]) == ["docutils", "sphinx", "triglot", "triglot-files"]
    assert data["fingerprint"] == (built / "build" / "cache" / "ru" / "html.fingerprint").read_text().strip()
    files = sorted(path.relative_to(built / "parts" / "ru-html").as_posix()
                   for path in (built / "parts" / "ru-html").rglob("*") if path.is_file())
    assert files == sorted([*data["files"], "triglot-part.json"])
    assert "ru/index.html" in data["files"] and not any(".buildinfo" in name for name in data["files"])
    # The status page's line of the edition: the counts of `triglot stats`, the findings of `triglot check`.
    settings = load_settings(built)
    stats = [stats for stats in catalog_stats(settings, ["ru"]) if stats.catalog == "article"]
    assert [data["status"][state] for state in ("translated", "fuzzy", "untranslated")] == [
        sum(getattr(s, state).messages for s in stats) for state in ("translated", "fuzzy", "untranslated")]
    assert data["status"] == catalog_status(settings, "ru").as_json()
    assert data["interface"]["Parallel view"] == "Параллельный текст"
    # The passages the build showed translated, as its summary gives them.
    record = json.loads((built / "build" / "cache" / "ru" / "doctrees" / "html" / "triglot-build.json").read_text())
    assert data["passages"] == {"total": record["passages"], "translated": record["translated"]}
    assert record["passages"] == record["translated"] > 50


def test_assembled_parts_make_the_site(project: Path) -> None:
    completed = run_triglot("assemble", "parts", cwd=project)
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr.splitlines() == [
        "triglot: assembled 3 parts",
        "  en     html  parts/en-html",
        "  ru     html  parts/ru-html",
        "  ja     html  parts/ja-html",
        f"triglot: site in {project / 'build' / 'site'}/",
    ]
    site = project / "build" / "site"
    assert sorted(path.name for path in site.iterdir()) == [
        ".triglot-published.json", "en", "index.html", "ja", "parallel", "parallel.html", "ru", "sitemap.xml",
        "status.html"]
    assert "Параллельный текст" in (site / "ru" / "status.html").read_text(encoding="utf-8")


def assemble_refused(project: Path, *args: str) -> str:
    """Run ``triglot assemble``, which must refuse with exit 2 and publish nothing; its one-line error."""
    completed = run_triglot("assemble", *args, cwd=project)
    assert completed.returncode == 2, completed.stderr
    assert not (project / "build" / "site").exists()
    assert len(completed.stderr.splitlines()) == 1
    return completed.stderr


def test_a_changed_file_is_a_damaged_part(project: Path) -> None:
    (project / "parts" / "ru-html" / "ru" / "index.html").write_text("<p>changed</p>", encoding="utf-8")
    assert assemble_refused(project, "parts") == (
        "triglot: error: parts/ru-html: part ru/html is damaged: ru/index.html is not the file that was built\n")


def test_a_missing_file_is_an_incomplete_part(project: Path) -> None:
    (project / "parts" / "ja-html" / "ja" / "searchindex.js").unlink()
    assert assemble_refused(project, "parts") == (
        "triglot: error: parts/ja-html: part ja/html is incomplete: ja/searchindex.js is missing\n")


def test_a_file_the_manifest_does_not_list_is_refused(project: Path) -> None:
    (project / "parts" / "en-html" / "en" / "extra.html").write_text("<p>extra</p>", encoding="utf-8")
    assert assemble_refused(project, "parts") == (
        "triglot: error: parts/en-html: part en/html holds files its manifest does not list: en/extra.html\n")


def test_a_file_outside_its_edition_is_refused(project: Path) -> None:
    path = project / "parts" / "en-html" / "triglot-part.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["files"]["../../outside.html"] = data["files"].pop("en/index.html")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert assemble_refused(project, "parts") == (
        f"triglot: error: {path.relative_to(project)}: part en/html lists a file outside its edition: "
        "'../../outside.html'\n")


def test_a_file_reached_through_a_link_is_refused(project: Path, tmp_path: Path) -> None:
    """A linked folder inside a part would let its manifest name files from anywhere on the machine."""
    static = project / "parts" / "ru-html" / "ru" / "_static"
    outside = tmp_path / "outside"
    static.rename(outside)
    static.symlink_to(outside)
    assert assemble_refused(project, "parts") == (
        "triglot: error: parts/ru-html: part ru/html holds a link: ru/_static/base-stemmer.js is not a file of the "
        "part\n")


def test_a_folder_without_a_manifest_is_not_a_part(project: Path) -> None:
    (project / "parts" / "ru-html" / "triglot-part.json").unlink()
    assert assemble_refused(project, "parts/ru-html") == (
        "triglot: error: parts/ru-html: not a triglot part: it has no triglot-part.json "
        "(made by triglot build --part-out), nor sub-folders that have one\n")


def test_a_malformed_manifest_is_refused_at_its_line(project: Path) -> None:
    (project / "parts" / "ru-html" / "triglot-part.json").write_text('{\n "lang": "ru",\n "format": html\n}\n',
                                                                       encoding="utf-8")
    assert assemble_refused(project, "parts") == (
        "triglot: error: parts/ru-html/triglot-part.json:3: not a part manifest: "
        "Expecting value: line 3 column 12 (char 28)\n")


def test_a_part_given_twice_is_refused(project: Path) -> None:
    shutil.copytree(project / "parts" / "ru-html", project / "more" / "ru-html")
    assert assemble_refused(project, "parts", "more") == (
        "triglot: error: more/ru-html: part ru/html is given twice (also parts/ru-html)\n")


def test_a_part_of_other_sources_is_refused(project: Path) -> None:
    colophon = project / "docs" / "colophon.rst"
    colophon.write_text(colophon.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert assemble_refused(project, "parts") == (
        "triglot: error: parts/en-html: part en/html was built from other sources than this checkout's "
        "(docs, glossary, pyproject.toml): build it again from this commit\n")


def test_a_part_of_other_catalogs_is_refused(project: Path) -> None:
    catalog = project / "locale" / "ja" / "LC_MESSAGES" / "article.po"
    catalog.write_text(catalog.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert assemble_refused(project, "parts") == (
        "triglot: error: parts/ja-html: part ja/html was built from other ja catalogs than this checkout's: "
        "build it again from this commit\n")


def test_parts_built_with_another_date_are_refused(project: Path) -> None:
    completed = run_triglot("assemble", "parts", cwd=project, env={"SOURCE_DATE_EPOCH": "1390262400"})
    assert completed.returncode == 2
    assert completed.stderr == ("triglot: error: parts/en-html: part en/html was built with source_date_epoch = '', "
                                "this assembly has '1390262400'\n")


def test_a_part_of_a_language_the_project_lacks_is_refused(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('"ru", "ja"]', '"ja"]'), encoding="utf-8")
    assert assemble_refused(project, "parts/ru-html") == (
        "triglot: error: parts/ru-html: part ru/html is of a language this project does not have (en, ja)\n")


def test_a_missing_part_without_a_published_site_is_refused(project: Path) -> None:
    assert assemble_refused(project, "parts/en-html", "parts/ru-html") == (
        f"triglot: error: no part for ja/html, and {project / 'build' / 'site'} has no published version of it "
        "to keep: build it (triglot build --part-out) or leave the format out\n")


def test_a_missing_part_keeps_its_published_version(project: Path) -> None:
    assert run_triglot("assemble", "parts", cwd=project).returncode == 0
    japanese = (project / "build" / "site" / "ja" / "index.html").read_bytes()
    japanese_part = manifest(project, "ja-html")
    shutil.rmtree(project / "parts" / "ja-html")
    completed = run_triglot("assemble", "parts", cwd=project)
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr.splitlines()[1:4] == [
        "  en     html  parts/en-html",
        "  ru     html  parts/ru-html",
        "  ja     html  missing: its published version is kept",
    ]
    site = project / "build" / "site"
    assert (site / "ja" / "index.html").read_bytes() == japanese
    published = json.loads((site / ".triglot-published.json").read_text(encoding="utf-8"))["parts"]
    assert sorted(published) == ["en/html", "ja/html", "ru/html"]
    assert published["ja/html"] == japanese_part


def test_a_refused_assembly_leaves_the_published_site_as_it_was(project: Path) -> None:
    assert run_triglot("assemble", "parts", cwd=project).returncode == 0
    site = project / "build" / "site"
    before = os.readlink(site)
    (project / "parts" / "ru-html" / "ru" / "index.html").write_text("<p>changed</p>", encoding="utf-8")
    completed = run_triglot("assemble", "parts", cwd=project)
    assert completed.returncode == 2
    assert os.readlink(site) == before
