"""Incremental builds: an unchanged edition × format is skipped; one changed message rebuilds one language."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import polib
import pytest

from conftest import copy_project
from editions import EPOCH_ENV, editions_built
from triglot.config import load_settings
from triglot.build.fingerprint import common_inputs, edition_fingerprint, tree_files
from triglot.build.tex import latex_error

ALL = ["--format", "html", "--format", "pdf", "--format", "epub"]
EDITIONS = [(lang, fmt) for lang in ("en", "ru", "ja") for fmt in ("html", "pdf", "epub")]


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the fully built, translated project, build folder and all."""
    target = tmp_path_factory.mktemp("incremental") / "project"
    shutil.copytree(editions_built(tmp_path_factory), target, symlinks=True)
    return target


def build(root: Path) -> dict[tuple[str, str], str]:
    """Run ``triglot build`` in every format; each edition's status as the command reports it."""
    completed = subprocess.run([sys.executable, "-m", "triglot.cli", "build", *ALL], cwd=root,
                               capture_output=True, text=True, env={**os.environ, **EPOCH_ENV})
    assert completed.returncode == 0, completed.stderr
    statuses = {}
    for line in completed.stderr.splitlines():
        parts = line.split()
        if line.startswith("  ") and not line.startswith("    ") and len(parts) >= 3:
            statuses[(parts[0], parts[1])] = parts[2]
    return statuses


def test_nothing_changed_nothing_rebuilt_nothing_written(built_copy: Path) -> None:
    site = built_copy / "build" / "site"
    before = os.readlink(site)
    files = {path: path.stat().st_mtime_ns for path in site.resolve().rglob("*") if path.is_file()}
    assert build(built_copy) == {edition: "unchanged" for edition in EDITIONS}
    assert os.readlink(site) == before
    assert {path: path.stat().st_mtime_ns for path in site.resolve().rglob("*") if path.is_file()} == files


def test_one_russian_message_rebuilds_only_the_russian_outputs(built_copy: Path) -> None:
    po_path = built_copy / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    catalog = polib.pofile(str(po_path))
    entry = catalog.find("Colophon")
    entry.msgstr = "Выходные данные издания"
    catalog.save(str(po_path))
    english_pdf = (built_copy / "build" / "site" / "en" / "downloads" / "article-en.pdf").read_bytes()

    statuses = build(built_copy)

    assert statuses == {(lang, fmt): "ok" if lang == "ru" else "unchanged" for lang, fmt in EDITIONS}
    site = built_copy / "build" / "site"
    assert "Выходные данные издания" in (site / "ru" / "colophon.html").read_text(encoding="utf-8")
    pdf_text = subprocess.run(["pdftotext", str(site / "ru" / "downloads" / "article-ru.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
    assert "Выходные данные издания" in pdf_text
    assert (site / "en" / "downloads" / "article-en.pdf").read_bytes() == english_pdf
    assert (site / "ja" / "downloads" / "article-ja.epub").is_file()


def test_fingerprints_follow_each_editions_inputs(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    settings = load_settings(root)

    def prints() -> dict[tuple[str, str], str]:
        common = common_inputs(settings)
        return {(lang, fmt): edition_fingerprint(settings, lang, fmt, common) for lang, fmt in EDITIONS}

    first = prints()
    assert len(set(first.values())) == len(EDITIONS)
    assert prints() == first

    po = settings.root / "locale" / "ja" / "LC_MESSAGES" / "article.po"
    po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_catalog = prints()
    assert {key for key in EDITIONS if after_catalog[key] != first[key]} == {
        ("ja", "html"), ("ja", "pdf"), ("ja", "epub")}

    (settings.docs / "colophon.rst").write_text("Colophon\n========\n", encoding="utf-8")
    after_source = prints()
    assert all(after_source[key] != after_catalog[key] for key in EDITIONS)

    # Caches and compiled files are not inputs.
    (settings.docs / "__pycache__").mkdir()
    (settings.docs / "__pycache__" / "conf.cpython-311.pyc").write_bytes(b"\0")
    po.with_suffix(".mo").write_bytes(b"\0")
    assert prints() == after_source
    assert settings.docs / "__pycache__" / "conf.cpython-311.pyc" not in tree_files(settings.docs)


def test_a_build_folder_elsewhere_does_not_change_the_fingerprints(tmp_path: Path) -> None:
    settings = load_settings(copy_project(tmp_path / "project"))
    moved = replace(settings, build=tmp_path / "elsewhere")
    assert edition_fingerprint(settings, "ru", "pdf") == edition_fingerprint(moved, "ru", "pdf")


def test_latex_error_keeps_the_message_and_its_context() -> None:
    log = "\n".join([
        "(./sphinxmessages.sty)",
        "! Undefined control sequence.",
        "l.412 some text \\unknowncommand",
        "                                {x}",
        "",
        "Here is how much of LuaTeX's memory you used:",
    ])
    assert latex_error(log) == [
        "! Undefined control sequence.",
        "l.412 some text \\unknowncommand",
        "                                {x}",
    ]
    assert latex_error("This is LuaHBTeX\nOutput written on x.pdf (3 pages).\n") == []


def test_catalogs_inside_the_source_folder_are_each_their_language_s_input(real_projects: dict[str, Path],
                                                                           tmp_path: Path) -> None:
    """The Operations Guide keeps its catalogs in doc/source/locale: a catalog change rebuilds its language only."""
    root = shutil.copytree(real_projects["operations-guide"], tmp_path / "operations-guide")
    settings = load_settings(root)
    editions = [(lang, "html") for lang in ("de", "id", "ja")]

    def prints() -> dict[tuple[str, str], str]:
        common = common_inputs(settings)
        return {(lang, fmt): edition_fingerprint(settings, lang, fmt, common) for lang, fmt in editions}

    first = prints()
    catalogs = root / "doc" / "source" / "locale"
    for changed in (catalogs / "ja" / "LC_MESSAGES" / "doc.po", catalogs / "ja" / "LC_MESSAGES" / "doc-common.po"):
        changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        after = prints()
        assert {key for key in editions if after[key] != first[key]} == {("ja", "html")}
    (catalogs / "doc.pot").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")  # a template: read by no build
    assert prints() == after
    (root / "doc" / "source" / "ops-upgrades.rst").write_text("Upgrades\n========\n", encoding="utf-8")
    assert all(value != after[key] for key, value in prints().items())


def test_a_file_no_build_reads_rebuilds_nothing(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")

    def html() -> dict[tuple[str, str], str]:
        completed = subprocess.run([sys.executable, "-m", "triglot.cli", "build", "--lang", "en", "--lang", "ru"],
                                   cwd=root, capture_output=True, text=True)
        assert completed.returncode == 0, completed.stderr
        return {tuple(line.split()[:2]): line.split()[2] for line in completed.stderr.splitlines()
                if line.startswith("  ") and not line.startswith("    ")}

    both = {("en", "html"), ("ru", "html")}
    assert html() == dict.fromkeys(both, "ok")
    site = root / "build" / "site"
    before = os.readlink(site)
    notes = root / "docs" / "notes.txt"
    notes.write_text("To do: check the transliteration of the names.\n", encoding="utf-8")
    assert html() == dict.fromkeys(both, "unchanged")
    assert os.readlink(site) == before  # nothing published again
    # Once a document includes it, it is an input like the others.
    colophon = root / "docs" / "colophon.rst"
    colophon.write_text(colophon.read_text(encoding="utf-8") + "\n.. include:: notes.txt\n", encoding="utf-8")
    assert html() == dict.fromkeys(both, "ok")
    assert html() == dict.fromkeys(both, "unchanged")
    notes.write_text("Checked.\n", encoding="utf-8")
    assert html() == dict.fromkeys(both, "ok")
