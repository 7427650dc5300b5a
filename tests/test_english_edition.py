"""The English edition against the seed text: every paragraph, only the recorded emendations."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import polib
import pytest

from conftest import ROOT, SEED
from html_text import read_page

FOOTNOTE_MARK = re.compile(r"\[\d+\]")
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
NOTE_LABELS = [str(number) for number in range(1, 20)]


def normalise(text: str) -> list[str]:
    """Words of *text*, with footnote marks removed and curly quotes straightened."""
    return FOOTNOTE_MARK.sub(" ", text.translate(QUOTES)).split()


def seed_article() -> str:
    """The author's text of the seed capture: from the first paragraph to the last note."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Soft power in modern"))
    end = next(i for i, line in enumerate(lines) if line.startswith("« Пред."))
    return "\n".join(lines[start:end])


def seed_paragraphs() -> tuple[list[str], dict[int, str]]:
    """The seed's text paragraphs, and its notes by number (notes 7 and 8 share a line there)."""
    blocks = [block.strip() for block in seed_article().split("\n\n") if block.strip()]
    text = [block for block in blocks if not block.startswith("[")]
    notes = {}
    for block in blocks:
        if block.startswith("["):
            for number, note in re.findall(r"\[(\d+)\]\s*(.*?)(?=\s*\[\d+\]|$)", block, flags=re.DOTALL):
                notes[int(number)] = note
    return text, notes


def emendations() -> list[tuple[str, str]]:
    """(source reading, edition reading) pairs of the editorial notes' tables."""
    text = (ROOT / "docs" / "editorial-notes.rst").read_text(encoding="utf-8")
    rows = re.findall(r"^\s*\* - (.*)\n\s*- (.*)$", text, flags=re.MULTILINE)
    return [(unescape(source), unescape(edition)) for source, edition in rows]


def unescape(rst: str) -> str:
    """The text an RST table cell prints (escaped spaces and full stops)."""
    return rst.replace("\\ ", "").replace("\\.", ".")


def unexplained_differences(seed: str, built: str, table: list[tuple[str, str]]) -> list[str]:
    """Each difference between two paragraphs that no emendation row accounts for."""
    seed_words, built_words = normalise(seed), normalise(built)
    differences = []
    matcher = difflib.SequenceMatcher(None, seed_words, built_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = " ".join(seed_words[i1:i2]), " ".join(built_words[j1:j2])
        if tag != "equal" and not explained(removed, added, table):
            differences.append(f"{tag}: {removed!r} -> {added!r}")
    return differences


def explained(removed: str, added: str, table: list[tuple[str, str]]) -> bool:
    """True when one emendation row accounts for replacing *removed* with *added*."""
    for source, edition in table:
        for source_part, edition_part in zip(source.split("…"), edition.split("…")):
            if removed in " ".join(normalise(source_part)) and added in " ".join(normalise(edition_part)):
                return True
    return False


@pytest.fixture(scope="module")
def english(site: Path):
    return read_page(site / "en" / "index.html")


def edition_parts(english) -> tuple[list[str], list[str]]:
    """The built article's text paragraphs and note paragraphs (after byline, dateline; around the rubric)."""
    body = english.paragraphs[2:]
    rubric = body.index("Notes")
    return body[:rubric], body[rubric + 1 :]


def test_every_difference_from_the_seed_is_a_recorded_emendation(english) -> None:
    seed_text, seed_notes = seed_paragraphs()
    text, notes = edition_parts(english)
    table = emendations()
    assert len(text) == len(seed_text) == 34
    unexplained = []
    for number, (source, built) in enumerate(zip(seed_text, text), start=1):
        unexplained += [f"paragraph {number}: {d}" for d in unexplained_differences(source, built, table)]
    assert len(notes) == 19
    for number, built in enumerate(notes, start=1):
        if number in (10, 16):
            assert number not in seed_notes
            assert built == "The text of this note did not survive in the source of this edition."
        else:
            unexplained += [f"note {number}: {d}" for d in unexplained_differences(seed_notes[number], built, table)]
    assert unexplained == []


def test_every_emendation_is_applied(english) -> None:
    seed = " ".join(normalise(seed_article()))
    built = " ".join(normalise(" ".join(english.paragraphs)))
    for source, edition in emendations():
        for part in source.split("…"):
            assert " ".join(normalise(part)) in seed, f"source reading not in the seed: {part!r}"
        for part in edition.split("…"):
            assert " ".join(normalise(part)) in built, f"edition reading not in the edition: {part!r}"


def test_metadata(english) -> None:
    assert english.paragraphs[0] == "Olga Dobrinskaya"
    assert english.paragraphs[1] == "Institute of Far Eastern Studies, Russian Academy of Sciences, 21 January 2014"


def test_nineteen_footnotes_linked_both_ways(site: Path) -> None:
    html = (site / "en" / "index.html").read_text(encoding="utf-8")
    references = re.findall(r'<a class="footnote-reference brackets" href="#([^"]+)" id="([^"]+)"', html)
    notes = re.findall(r'<aside class="footnote brackets" id="([^"]+)"[^>]*>\s*(?:<span id="tg-n\d+"></span>)?<span class="label"><span class="fn-bracket">\[</span>'
                       r'<a role="doc-backlink" href="#([^"]+)">(\d+)</a>', html)
    assert [label for _, _, label in notes] == NOTE_LABELS
    note_of_reference = {ref_id: target for target, ref_id in references}
    for note_id, backlink, label in notes:
        assert note_of_reference[backlink] == note_id, f"note {label} and its reference do not point at each other"
    assert len(references) == 19


@pytest.mark.parametrize("lang, expected", [("en", "21 January 2014"), ("ru", "21 января 2014\u202fг."), ("ja", "2014年1月21日")])
def test_publication_date_in_each_language(site: Path, lang: str, expected: str) -> None:
    html = (site / lang / "index.html").read_text(encoding="utf-8")
    assert f'<span class="pubdate">{expected}</span>' in html


@pytest.mark.parametrize("lang", ["en", "ru", "ja"])
def test_each_language_has_its_edition(site: Path, lang: str) -> None:
    page = read_page(site / lang / "index.html")
    assert page.html_lang == lang
    for name in ["index.html", "editorial-notes.html", "colophon.html", "glossary.html"]:
        assert (site / lang / name).is_file()
    root = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{lang}/index.html"' in root


@pytest.mark.parametrize("lang", ["en", "ru", "ja"])
def test_emendation_tables_quote_the_source_exactly_in_every_edition(site: Path, lang: str) -> None:
    html = (site / lang / "editorial-notes.html").read_text(encoding="utf-8")
    assert html.count('<div class="triglot-untranslated docutils container" lang="en">') == 2
    assert "in 1905'. [2]The people" in html  # the straight apostrophe of the source, not a smart quote
    assert "‘soft' power competition era" in html


def test_emendation_tables_are_not_in_the_catalog() -> None:
    msgids = [entry.msgid for entry in polib.pofile(str(ROOT / "locale" / "article.pot"))]
    assert not [msgid for msgid in msgids if "achievethe" in msgid]
    assert "Each row gives the reading of the source, then the reading of this edition. The readings are quoted in English in every edition." in msgids
