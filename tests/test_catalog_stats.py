"""``triglot stats``: exact counts from a fixture catalog against its template, as data, JSON and a text table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_triglot

from triglot.cli.stats import render_table
from triglot.config import load_settings
from triglot.stats import Tally, catalog_stats

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "catalog" / "stats-ja.po"
# The source: the fixture's messages, and one the catalog does not list at all.
SOURCE = """Japan's soft power
==================

in Central Asia

The Japan Foundation office

Untranslated paragraph with five words

A paragraph the catalog does not list
"""


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.triglot]\nsource_language = "en"\nlanguages = ["en", "ja", "ru"]\ncatalog = "article"\n',
        encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").write_text('project = "Stats"\n', encoding="utf-8")
    (tmp_path / "docs" / "index.rst").write_text(SOURCE, encoding="utf-8")
    target = tmp_path / "locale" / "ja" / "LC_MESSAGES" / "article.po"
    target.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, target)
    return tmp_path


def test_counts_messages_source_words_and_japanese_characters(small_project: Path) -> None:
    ja, ru = catalog_stats(load_settings(small_project), ["en", "ja", "ru"])
    assert (ja.lang, ja.catalog, ja.exists, ja.translation_unit) == ("ja", "article", True, "characters")
    assert ja.translated == Tally(messages=2, source_words=6, translation_size=9 + 9)
    assert ja.fuzzy == Tally(messages=1, source_words=4, translation_size=6)  # the space is not counted
    # Counted against the template: the message the catalog does not list is untranslated too.
    assert ja.untranslated == Tally(messages=2, source_words=5 + 7, translation_size=0)
    assert ja.obsolete == Tally(messages=1, source_words=3, translation_size=2)
    assert round(ja.percent, 1) == round(100 * 6 / 22, 1)
    assert (ru.exists, ru.total, ru.untranslated.messages, ru.translation_unit) == (False, Tally(5, 22), 5, "words")


def test_json_output(small_project: Path) -> None:
    completed = run_triglot("stats", "--lang", "ja", "--format", "json", cwd=small_project)
    assert completed.returncode == 0, completed.stderr
    [data] = json.loads(completed.stdout)
    assert (data["lang"], data["percent"], data["translated"]["messages"], data["total"]["source_words"]) == (
        "ja", 27.3, 2, 22)


def test_text_table_fits_the_terminal_without_colour_when_not_a_tty(small_project: Path) -> None:
    stats = catalog_stats(load_settings(small_project), ["ja", "ru"])
    table = render_table(stats, columns=100)
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= 100 and "\033[" not in table
    assert lines[1].split() == ["ja", "article", "███▒▒░░░░░░░", "27%", "2", "(6)", "1", "(4)", "2", "(12)", "1",
                                "(3)", "24", "characters"]
    assert lines[2].split()[:2] == ["ru", "article"]
    narrow = render_table(stats, columns=60)
    assert "█" not in narrow  # no room for a bar: the numbers stay
    completed = run_triglot("stats", cwd=small_project)
    assert completed.returncode == 0 and "\033[" not in completed.stdout


def test_a_broken_catalog_exits_2_with_its_line(small_project: Path) -> None:
    path = small_project / "locale" / "ja" / "LC_MESSAGES" / "article.po"
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "中央', 'msgstr 中央'), encoding="utf-8")
    completed = run_triglot("stats", cwd=small_project)
    assert completed.returncode == 2
    assert completed.stderr.startswith(f"triglot: error: {path}:11: expected a string in double quotes")
