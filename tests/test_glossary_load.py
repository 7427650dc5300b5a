"""The glossary data: our glossary is valid and complete; each broken fixture gives its exact problems."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from triglot.errors import TriglotError
from triglot.glossary import GlossaryError, check_glossary, load_glossary

FIXTURES = ROOT / "tests" / "fixtures" / "glossary"
BROKEN = sorted(path.name for path in FIXTURES.iterdir() if (path / "expected.txt").is_file())
LANGUAGES = ("en", "ru", "ja")

# The renderings agreed with the translators (the first table of the team's terms.md):
# English :term: target, Russian, Japanese.
AGREED = [
    ("soft power", "мягкая сила", "ソフトパワー"),
    ("Great Game", "Большая игра", "グレート・ゲーム"),
    ("Great Silk Road", "Великий шёлковый путь", "シルクロード"),
    ("Eurasian diplomacy", "евразийская дипломатия", "ユーラシア外交"),
    ("Silk Road diplomacy", "дипломатия Шёлкового пути", "シルクロード外交"),
    ("values-based diplomacy", "ценностная дипломатия", "価値観外交"),
    ("Arc of Freedom and Prosperity", "Дуга свободы и процветания", "自由と繁栄の弧"),
    ("democracy through development", "демократия через развитие", "発展を通じた民主主義"),
    ("mottainai", "моттайнай", "もったいない"),
    ("Official Development Assistance", "официальная помощь развитию (ОПР)", "政府開発援助（ODA）"),
    ("human security", "безопасность человека", "人間の安全保障"),
    ("cultural diplomacy", "культурная дипломатия", "文化外交"),
    ("public diplomacy", "публичная дипломатия", "パブリック・ディプロマシー"),
    ("kōhō bunka gaikō", "кохо бунка гайко (публичная культурная дипломатия)", "広報文化外交"),
    ("Central Asia plus Japan dialogue", "диалог «Центральная Азия + Япония»", "「中央アジア＋日本」対話"),
    ("Japanese Language Proficiency Test", "Экзамен на знание японского языка (Нихонго норёку сикэн)", "日本語能力試験"),
    ("Japan International Cooperation Agency", "Японское агентство международного сотрудничества (JICA)", "国際協力機構（JICA）"),
    ("Japan Centers", "Японские центры", "日本センター"),
    ("Japan Foundation", "Японский фонд", "国際交流基金"),
]


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "glossary")


def article_term_targets() -> list[str]:
    """The targets of the English article's :term: links."""
    text = (ROOT / "docs" / "index.rst").read_text(encoding="utf-8")
    targets = []
    for content in re.findall(r":term:`([^`]+)`", text):
        match = re.search(r"<([^>]+)>$", content)
        targets.append(match.group(1) if match else content)
    return targets


def test_our_glossary_has_no_problems() -> None:
    glossary, problems = check_glossary(ROOT / "glossary")
    assert problems == []
    assert glossary.languages == LANGUAGES
    assert len(glossary) == 71
    assert len(glossary.published()) == 52


def test_every_term_link_of_the_article_is_a_preferred_english_term(glossary) -> None:
    targets = article_term_targets()
    assert len(targets) == 19
    english = {entry.term("en").term for entry in glossary.published()}
    assert sorted(targets) == sorted(agreed[0] for agreed in AGREED)
    assert set(targets) <= english


@pytest.mark.parametrize(("en", "ru", "ja"), AGREED)
def test_agreed_renderings(glossary, en: str, ru: str, ja: str) -> None:
    entry = glossary.lookup("en", en)
    assert entry is not None
    assert (entry.term("en").term, entry.term("ru").term, entry.term("ja").term) == (en, ru, ja)
    assert entry.published


def test_every_entry_has_three_definitions(glossary) -> None:
    for entry in glossary:
        assert [lang for lang in LANGUAGES if entry.term(lang).definition] == list(LANGUAGES), entry.id


def test_japanese_names_have_romanization_and_polivanov_data(glossary) -> None:
    japanese = {entry.id for entry in glossary.japanese()}
    assert {"otani-kozui", "hashimoto-ryutaro", "mottainai", "koho-bunka-gaiko", "tokyo", "kyoto"} <= japanese
    for entry in glossary.japanese():
        assert entry.term("ja").romanization, entry.id
        if entry.category == "person" and entry.id != "sugiura":
            # English gives Japanese names in modified Hepburn, as the romanization does
            assert entry.term("en").term == entry.term("ja").romanization, entry.id
    hashimoto = glossary.get("hashimoto-ryutaro")
    assert [item.term for item in hashimoto.term("ru").forbidden][0] == "Хашимото"
    forbidden = {item.term: entry.term("ru").term for item, entry in glossary.forbidden("ru")}
    assert forbidden["Хашимото"] == "Хасимото Рютаро"
    assert forbidden["Кавагучи"] == "Ё. Кавагути (Кавагути Ёрико)"
    assert glossary.get("tokyo").term("ru").exception.startswith("Traditional Russian exonym")
    assert glossary.get("otani-kozui").term("en").variants == ("Otani Kozui",)


def test_lookup_accepts_variants_and_forms(glossary) -> None:
    assert glossary.lookup("ru", "Отани Кодзуя").id == "otani-kozui"
    assert glossary.lookup("en", "ODA").id == "official-development-assistance"
    assert glossary.lookup("ja", "勿体無い").id == "mottainai"
    assert glossary.lookup("ru", "Хашимото") is None


def test_locations_point_at_the_entries(glossary) -> None:
    entry = glossary.get("soft-power")
    assert entry.path == ROOT / "glossary" / "terms.yaml"
    lines = (ROOT / "glossary" / "terms.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[entry.line - 1] == "- id: soft-power"
    assert lines[entry.term("ru").line - 1].strip() == "term: мягкая сила"


@pytest.mark.parametrize("case", BROKEN)
def test_broken_fixture_gives_exactly_its_problems(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    _glossary, problems = check_glossary(Path(case), LANGUAGES, source_language="en")
    expected = (FIXTURES / case / "expected.txt").read_text(encoding="utf-8")
    assert "".join(f"{problem}\n" for problem in problems) == expected


def test_broken_fixtures_cover_every_kind_of_problem() -> None:
    assert BROKEN == [
        "duplicate-id", "duplicate-term", "forbidden-preferred", "japanese-name",
        "malformed", "missing-field", "unknown-field", "wrong-types",
    ]


def test_load_raises_the_first_problem_with_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    with pytest.raises(GlossaryError) as caught:
        load_glossary(Path("duplicate-id"), LANGUAGES)
    assert str(caught.value) == "duplicate-id/b.yaml:1: duplicate id 'soft-power' (first defined at duplicate-id/a.yaml:1)"
    assert isinstance(caught.value, TriglotError)


def test_valid_fixture_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    glossary = load_glossary(Path("valid"), LANGUAGES)
    assert [entry.id for entry in glossary] == ["soft-power", "hashimoto-ryutaro"]
    assert [entry.id for entry in glossary.published()] == ["soft-power"]
    assert glossary.get("hashimoto-ryutaro").is_japanese


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TriglotError, match="no glossary here"):
        load_glossary(tmp_path / "nowhere", LANGUAGES)


def test_non_utf8_file_is_located(tmp_path: Path) -> None:
    (tmp_path / "terms.yaml").write_bytes("- id: x\n  category: concept\n".encode() + b"  pos: \xff\n")
    _glossary, problems = check_glossary(tmp_path, LANGUAGES)
    assert [str(problem) for problem in problems] == [f"{tmp_path / 'terms.yaml'}:3: not UTF-8 text: save the file as UTF-8"]
