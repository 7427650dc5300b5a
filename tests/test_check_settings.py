"""What ``triglot check`` takes from the project: its source language and ``[tool.triglot.typography]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_triglot

from triglot.checks import REGISTRY, read_catalog, run_checks
from triglot.config import Typography, load_settings
from triglot.errors import TriglotError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "checks"


def _project(tmp_path: Path, table: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.triglot]\nlanguages = ["en", "ja"]\n\n' + table, encoding="utf-8")
    return tmp_path


def test_a_regional_variant_of_the_source_language_is_no_foreign_language() -> None:
    catalog = read_catalog(FIXTURES / "identical-en_GB.po")
    assert catalog.lang == "en_GB"
    assert run_checks([catalog], [REGISTRY["identical"]], source_language="en") == []
    # Translated from French, the same English catalog is a translation left as its source.
    found = run_checks([catalog], [REGISTRY["identical"]], source_language="fr")
    line = _line_of(FIXTURES / "identical-en_GB.po", 'msgstr "The soft power of a country"')
    assert [(f.line, f.check) for f in found] == [(line, "identical")]


def _line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_typography_defaults_and_settings(tmp_path: Path) -> None:
    assert load_settings(_project(tmp_path, "")).typography == Typography("、。", 1)
    settings = load_settings(_project(tmp_path, '[tool.triglot.typography]\nja_punctuation = "，．"\n'
                                                 "sentence_spacing = 2\n"))
    assert settings.typography == Typography("，．", 2)


@pytest.mark.parametrize(("table", "key", "message"), [
    ('ja_punctuation = "、."\n', "ja_punctuation",
     "[tool.triglot.typography] ja_punctuation must be one of '、。', '，．', '，。', ',.' "
     "(the comma and the full stop), not '、.'"),
    ("sentence_spacing = 3\n", "sentence_spacing",
     "[tool.triglot.typography] sentence_spacing must be 1 or 2 (spaces after a full stop), not 3"),
    ("sentence_spacing = true\n", "sentence_spacing",
     "[tool.triglot.typography] sentence_spacing must be 1 or 2 (spaces after a full stop), not True"),
    ("quotes = 1\n", "quotes",
     "[tool.triglot.typography] has unknown setting(s): quotes (known: ja_punctuation, sentence_spacing)"),
])
def test_a_bad_typography_setting_names_its_file_and_line(tmp_path: Path, table: str, key: str, message: str) -> None:
    project = _project(tmp_path, "[tool.triglot.typography]\n" + table)
    text = (project / "pyproject.toml").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith(key))
    with pytest.raises(TriglotError) as caught:
        load_settings(project)
    assert (caught.value.path, caught.value.line, caught.value.message) == (project / "pyproject.toml", line, message)


def test_the_command_follows_the_projects_typography(tmp_path: Path) -> None:
    project = _project(tmp_path, '[tool.triglot.typography]\nja_punctuation = "，．"\n')
    po = project / "ja.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ja\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  '#: index.rst:1\nmsgid "Build, run."\nmsgstr "ビルド，実行．"\n\n'
                  '#: index.rst:2\nmsgid "Build, test."\nmsgstr "ビルド、テスト。"\n', encoding="utf-8")
    result = run_triglot("check", "--format", "json", "--disable", "textlint", str(po), cwd=project)
    found = [(f["line"], f["check"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    line = _line_of(po, 'msgstr "ビルド、テスト。"')
    assert found == [(line, "typo-ja-punctuation", "、 。 in Japanese text: use ，． and full-width （）「」！？：")]


@pytest.mark.parametrize(("lang", "word", "value"), [
    ("es", "dos", 2), ("ru", "двумя", 2), ("ru", "восемнадцатый", 18), ("en", "eighteenth", 18),
    ("de", "zwanzig", 20), ("fr", "décembre", 12), ("en", "decade", 10), ("pt_BR", "três", 3), ("cs", "dva", 2),
])
def test_number_words_of_every_language(lang: str, word: str, value: int) -> None:
    from triglot.checks.numbers import number_words

    assert value in number_words(lang)[word]


def test_a_language_cldr_does_not_spell_has_no_number_words() -> None:
    from triglot.checks.numbers import number_words

    assert number_words("tlh") == {}


def test_every_language_cldr_spells_gives_its_words() -> None:
    from unicode_rbnf import RbnfEngine

    from triglot.checks.numbers import number_words

    # Chakma, Khmer and Tamil words hold vowel signs (combining marks), which Python's \w, and so the
    # checks' word splitter, does not take as parts of a word: their spelled numbers are not read (yet).
    assert {lang for lang in RbnfEngine.get_supported_languages() if not number_words(lang)} == {"ccp", "km", "ta"}
