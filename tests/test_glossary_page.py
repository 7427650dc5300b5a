"""The glossary page of every edition: generated from glossary/, same anchors, reached by :term: links."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from sphinx.util.nodes import _make_id

from conftest import ROOT, copy_project
from triglot.glossary import load_glossary

LANGUAGES = ("en", "ru", "ja")


class _Glossary(HTMLParser):
    """The <dt id="term-…"> entries of a glossary page (id → text) and the glossary links of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.terms: dict[str, str] = {}
        self.links: list[tuple[str, str]] = []  # (href, text)
        self._dt: str | None = None
        self._a: str | None = None
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "dt" and (attributes.get("id") or "").startswith("term-"):
            self._dt, self._text = attributes["id"], []
        elif tag == "a" and "headerlink" in (attributes.get("class") or ""):
            self._skip += 1
        elif tag == "a" and "#term-" in (attributes.get("href") or ""):
            self._a, self._text = attributes["href"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "dt" and self._dt:
            self.terms[self._dt] = "".join(self._text).strip()
            self._dt = None
        elif tag == "a" and self._skip:
            self._skip -= 1
        elif tag == "a" and self._a:
            self.links.append((self._a, "".join(self._text).strip()))
            self._a = None

    def handle_data(self, data: str) -> None:
        if (self._dt or self._a) and not self._skip:
            self._text.append(data)


def parse(path: Path) -> _Glossary:
    parser = _Glossary()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "glossary")


def expected_anchor(english: str) -> str:
    """The anchor Sphinx's own glossary gives an English term."""
    return _make_id(f"term-{english}")


def test_each_edition_lists_the_published_entries_in_its_language(site: Path, glossary) -> None:
    published = glossary.published()
    for lang in LANGUAGES:
        page = parse(site / lang / "glossary.html")
        assert page.terms == {expected_anchor(entry.term("en").term): entry.term(lang).term for entry in published}, lang
    unpublished = {expected_anchor(entry.term("en").term) for entry in glossary if not entry.published}
    assert unpublished and not unpublished & set(parse(site / "en" / "glossary.html").terms)


def test_the_order_is_the_editions_dictionary_order(site: Path) -> None:
    assert list(parse(site / "en" / "glossary.html").terms.values())[:3] == ["Ajina-tepa", "Aral Sea", "Arc of Freedom and Prosperity"]
    russian = list(parse(site / "ru" / "glossary.html").terms.values())
    assert russian.index("Т. Асо (Асо Таро)") < russian.index("безопасность человека") < russian.index("Большая игра")
    japanese = list(parse(site / "ja" / "glossary.html").terms.values())
    assert japanese[:3] == ["アジナ・テペ", "麻生太郎", "アラル海"]  # あじな, あそう, あらる


def test_entries_show_the_other_languages_and_the_definition(site: Path) -> None:
    html = (site / "ru" / "glossary.html").read_text(encoding="utf-8")
    item = html[html.index('id="term-mottainai"'):]
    item = re.sub(r"<[^>]+>", "", item[: item.index("</dd>")])
    assert "Английский: mottainai · Японский: もったいない (mottainai)" in item
    assert "Японское выражение сожаления о напрасной трате" in item
    html = (site / "ja" / "glossary.html").read_text(encoding="utf-8")
    item = html[html.index('id="term-soft-power"'):]
    item = re.sub(r"<[^>]+>", "", item[: item.index("</dd>")])
    assert "英語：soft power · ロシア語：мягкая сила" in item  # Japanese punctuation, no half-width colon


def test_english_term_links_reach_the_glossary(site: Path) -> None:
    glossary_ids = set(parse(site / "en" / "glossary.html").terms)
    links = parse(site / "en" / "index.html").links
    assert len(links) == 19
    assert {href.split("#")[1] for href, _text in links} <= glossary_ids
    assert ("glossary.html#term-koho-bunka-gaiko", "kōhō bunka gaikō") in links
    for lang in ("ru", "ja"):  # translated or not yet, every link of the edition lands on its glossary
        ids = set(parse(site / lang / "glossary.html").terms)
        hrefs = [href for href, _text in parse(site / lang / "index.html").links]
        assert len(hrefs) == 19 and {href.split("#")[1] for href in hrefs} <= ids, lang


# A copy of the project whose translators' catalogs get two translated paragraphs with term links.
TRANSLATIONS = {
    "ru": {
        "Japan Foundation": "Посольства отвечают и за программы :term:`Японского фонда <Japan Foundation>`.",
        "Great Game": (
            "Центральная Азия привлекала внимание как арена :term:`Большой игры <Great Game>` и как путь "
            ":term:`Великого шёлкового пути <Great Silk Road>`."
        ),
    },
    "ja": {
        "Japan Foundation": "大使館は\\ :term:`国際交流基金 <Japan Foundation>`\\ の事業も担う。",
        "Great Game": (
            "中央アジアは\\ :term:`グレート・ゲーム <Great Game>`\\ の舞台として、また"
            "\\ :term:`シルクロード <Great Silk Road>`\\ の道として注目された。"
        ),
    },
}


def build(root: Path, builder: str, lang: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-q", "--no-color", "-D", f"language={lang}",
         str(root / "docs"), str(root / "out" / f"{builder}-{lang}")],
        capture_output=True, text=True,
    )


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("glossary") / "project")
    for lang, messages in TRANSLATIONS.items():
        path = root / "locale" / lang / "LC_MESSAGES" / "article.po"
        catalog = polib.pofile(str(path))
        for marker, translation in messages.items():
            entry = next(e for e in catalog if f":term:`{marker}`" in e.msgid)
            entry.msgstr, entry.flags = translation, [flag for flag in entry.flags if flag != "fuzzy"]
        catalog.save(str(path))
        completed = build(root, "html", lang)
        assert completed.returncode == 0, completed.stderr
    return root


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", [("Большой игры", "Большая игра"), ("Великого шёлкового пути", "Великий шёлковый путь"),
                ("Японского фонда", "Японский фонд")]),
        ("ja", [("グレート・ゲーム", "グレート・ゲーム"), ("シルクロード", "シルクロード"), ("国際交流基金", "国際交流基金")]),
    ],
)
def test_translated_term_links_reach_the_editions_entries(translated: Path, lang: str, expected) -> None:
    out = translated / "out" / f"html-{lang}"
    terms = parse(out / "glossary.html").terms
    links = dict((text, href) for href, text in parse(out / "index.html").links)
    for display, term in expected:
        href = links[display]
        assert href.startswith("glossary.html#term-")
        assert terms[href.split("#")[1]] == term


def test_glossary_text_never_reaches_the_pot(tmp_path: Path, glossary) -> None:
    root = copy_project(tmp_path / "project")
    completed = build(root, "gettext", "en")
    assert completed.returncode == 0, completed.stderr
    pot = polib.pofile(str(root / "out" / "gettext-en" / "article.pot"))
    msgids = "\n".join(entry.msgid for entry in pot)
    assert "Glossary" in [entry.msgid for entry in pot]
    for entry in glossary:
        for lang in LANGUAGES:
            assert entry.term(lang).definition[:30] not in msgids, (entry.id, lang)
    assert "мягкая сила" not in msgids and "ソフトパワー" not in msgids


def test_a_broken_glossary_stops_the_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    path = root / "glossary" / "terms.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  pos: noun\n", "  pos: noun\n  colour: blue\n", 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("  colour: blue") + 1
    completed = build(root, "html", "en")
    assert completed.returncode == 2
    assert completed.stderr.startswith(
        f"{path}:{line}: ERROR: unknown field 'colour' in entry 'soft-power' (allowed: id, category, pos, origin, "
        "published, note, en, ru, ja) [triglot.glossary]\n\ntriglot glossary error!\n"
    )
    assert not (root / "out" / "html-en" / "index.html").exists()
