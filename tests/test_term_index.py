"""The glossary's term index finds exactly what matching each term on its own finds, on real text."""

from __future__ import annotations


import polib
import pytest

from conftest import ROOT
from triglot.checks.terminology import source_terms
from triglot.checks.words import TermIndex, TermMatcher
from triglot.glossary import load_glossary

GLOSSARY = load_glossary(ROOT / "glossary")


def spans_one_by_one(lang: str, terms: list[tuple[str, tuple[str, ...]]], text: str) -> list[tuple[int, int, str]]:
    """Each term's spans by :meth:`TermMatcher.spans`, longest first, then by position, then in the terms' order."""
    matcher = TermMatcher(lang)
    hits = [(start, end, name) for name, forms in terms for form in forms for start, end in matcher.spans(text, [form])]
    return sorted(hits, key=lambda hit: (-(hit[1] - hit[0]), hit[0]))  # stable: the terms' order stays


def texts(lang: str) -> list[str]:
    """The article's sources (msgids) or its translations in *lang* (msgstrs)."""
    catalog = polib.pofile(str(ROOT / "locale" / ("ru" if lang == "en" else lang) / "LC_MESSAGES" / "article.po"))
    return [entry.msgid if lang == "en" else entry.msgstr for entry in catalog if entry.msgstr or lang == "en"]


@pytest.mark.parametrize("lang", ["en", "ru", "ja"])
def test_the_index_finds_what_each_term_finds(lang: str) -> None:
    terms = [(entry.id, term.accepted) for entry in GLOSSARY if (term := entry.term(lang)) is not None]
    index = TermIndex(lang, terms)
    found_any = 0
    for text in texts(lang):
        expected = spans_one_by_one(lang, terms, text)
        assert index.find(text) == expected, text
        assert index.terms_in(text) == list(dict.fromkeys(name for name, _forms in terms
                                                           if any(hit[2] == name for hit in expected)))
        found_any += bool(expected)
    assert found_any >= 20  # the article's text is full of glossary terms


def test_a_lower_case_term_matches_at_a_sentence_start_and_the_longest_wins() -> None:
    index = TermIndex("en", [("road", ("Silk Road",)), ("diplomacy", ("Silk Road diplomacy",)),
                             ("soft", ("soft power",))])
    assert index.find("Soft power and Silk Road diplomacy") == [(3, 6, "diplomacy"), (0, 2, "soft"), (3, 5, "road")]
    assert index.terms_in("the Silk Road") == ["road"]
    assert index.find("") == []


def test_source_terms_keeps_the_longest_of_overlapping_terms() -> None:
    found = source_terms(GLOSSARY, "the start of Silk Road diplomacy in 1997")
    assert [(entry.id, surface) for entry, surface in found] == [("silk-road-diplomacy", "Silk Road diplomacy")]


def test_japanese_forms_are_found_as_substrings() -> None:
    index = TermIndex("ja", [("kōhō", ("広報文化外交",)), ("soft", ("ソフトパワー",))])
    assert index.find("日本のソフトパワーと広報文化外交") == [(3, 9, "soft"), (10, 16, "kōhō")]


def test_an_index_is_built_once_per_glossary() -> None:
    from triglot.checks.terminology import source_index

    assert source_index(GLOSSARY) is source_index(GLOSSARY)
    other = load_glossary(ROOT / "glossary")
    assert source_index(other) is not source_index(GLOSSARY)
