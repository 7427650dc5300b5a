"""``triglot add-language``: the new catalog, its headers, the settings edited and nothing else."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import run_triglot

from triglot.catalog import read_po
from triglot.catalog.new_language import add_to_languages
from triglot.errors import TriglotError


def test_adds_a_catalog_from_the_template_and_the_language_to_the_settings(project: Path) -> None:
    pyproject = (project / "pyproject.toml").read_text(encoding="utf-8")
    completed = run_triglot("add-language", "kk", cwd=project)
    assert completed.returncode == 0, completed.stderr
    path = project / "locale" / "kk" / "LC_MESSAGES" / "article.po"
    catalog = read_po(path)
    template = read_po(project / "locale" / "article.pot")
    assert [entry.msgid for entry in catalog.messages] == [entry.msgid for entry in template.messages]
    assert all(entry.msgstr == "" for entry in catalog.messages)
    assert [(name, value) for name, value in catalog.header_fields() if name in (
        "Language", "Content-Type", "Plural-Forms", "Last-Translator")] == [
        ("Last-Translator", "Automatically generated"), ("Language", "kk"),
        ("Content-Type", "text/plain; charset=UTF-8"), ("Plural-Forms", "nplurals=2; plural=(n != 1);")]
    assert subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)]).returncode == 0
    assert subprocess.run(["msgcat", str(path)], capture_output=True).stdout == path.read_bytes()
    expected = pyproject.replace('languages = ["en", "ru", "ja"]', 'languages = ["en", "ru", "ja", "kk"]')
    assert expected != pyproject
    assert (project / "pyproject.toml").read_text(encoding="utf-8") == expected
    again = run_triglot("add-language", "kk", cwd=project)
    assert again.returncode == 2 and "'kk' is already one of this project's languages" in again.stderr


@pytest.mark.parametrize("code", ["../ru", "qq", "kk/../../x", ""])
def test_a_bad_code_exits_2_and_changes_nothing(project: Path, code: str) -> None:
    before = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    completed = run_triglot("add-language", code, cwd=project)
    assert completed.returncode == 2
    assert completed.stderr.startswith("triglot: error: ") and "Traceback" not in completed.stderr
    assert {path: path.read_bytes() for path in project.rglob("*") if path.is_file()} == before


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('[tool.triglot]\nlanguages = ["en", "ru"]  # editions\nx = 1\n',
         '[tool.triglot]\nlanguages = ["en", "ru", "kk"]  # editions\nx = 1\n'),
        ('[tool.triglot]\nlanguages = [\n    "en",\n    "ru",  # Russian\n]\n\n[other]\nlanguages = []\n',
         '[tool.triglot]\nlanguages = [\n    "en",\n    "ru",  # Russian\n    "kk",\n]\n\n[other]\nlanguages = []\n'),
        ('[tool.triglot]\nsource_language = "en"\n', '[tool.triglot]\nlanguages = ["en", "kk"]\nsource_language = "en"\n'),
    ],
)
def test_the_settings_edit_keeps_everything_else(before: str, after: str) -> None:
    current = ("en", "ru") if "ru" in before.split("[other]")[0] else ("en",)
    assert add_to_languages(before, "kk", current, Path("pyproject.toml")) == after


def test_a_settings_file_it_cannot_edit_safely_is_left_alone() -> None:
    with pytest.raises(TriglotError, match="add it by hand"):
        add_to_languages('[tool.triglot]\nlanguages = ["en", # ]\n "ru"]\n', "kk", ("en", "ru"), Path("p.toml"))


def test_the_next_build_has_the_new_edition_in_english(project: Path) -> None:
    assert run_triglot("add-language", "kk", cwd=project).returncode == 0
    completed = run_triglot("build", "--lang", "kk", cwd=project)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    page = (project / "build" / "site" / "kk" / "index.html").read_text(encoding="utf-8")
    assert 'lang="kk"' in page and "Japan's Soft Power in Central Asia" in page
