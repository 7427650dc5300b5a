"""The Russian and Japanese editions: complete, in their language, credited."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from conftest import ROOT
from conftest import run_triglot
from html_text import read_page
from triglot.checks.citations import read_citation

SCRIPT = {"ru": re.compile(r"[А-Яа-яЁё]"), "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")}
PAGES = ["index.html", "editorial-notes.html", "colophon.html"]
# Notes with no words to translate: the title of an English newspaper with its date.
NEUTRAL = {"ru": {"The Japan Times. 29.10.1992."}, "ja": {"The Japan Times, October 29, 1992."}}


def _in_edition_language(text: str, lang: str) -> bool:
    """In the edition's script, or a note citing a work in Latin script in its own language and script (as both
    editions' practice is: ГОСТ Р 7.0.5-2008, Japanese scholarly practice)."""
    citation = read_citation(text, lang)
    return bool(SCRIPT[lang].search(text)) or text in NEUTRAL[lang] or (citation is not None and citation.latin)


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_catalog_is_complete(lang: str) -> None:
    catalog = polib.pofile(str(ROOT / "locale" / lang / "LC_MESSAGES" / "article.po"))
    template = polib.pofile(str(ROOT / "locale" / "article.pot"))
    assert sorted(entry.msgid for entry in catalog.translated_entries()) == sorted(entry.msgid for entry in template)
    assert catalog.fuzzy_entries() == []
    assert catalog.percent_translated() == 100


@pytest.mark.parametrize("lang", ["ru", "ja"])
@pytest.mark.parametrize("page", PAGES)
def test_every_paragraph_is_in_the_edition_language(site: Path, lang: str, page: str) -> None:
    built = read_page(site / lang / page)
    own = [text for text in built.paragraphs if text not in built.foreign]
    assert own, "no paragraphs found"
    assert [text for text in own if not _in_edition_language(text, lang)] == []
    if page != "editorial-notes.html":  # only the emendation tables quote English
        assert built.foreign == []


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_catalog_credits_translator_and_reviewer(lang: str) -> None:
    catalog = polib.pofile(str(ROOT / "locale" / lang / "LC_MESSAGES" / "article.po"))
    assert catalog.metadata["Last-Translator"].startswith("triglot editorial team")
    assert "Reviewer:" in catalog.header


def test_russian_edition_says_it_was_translated_from_english(site: Path) -> None:
    colophon = " ".join(read_page(site / "ru" / "colophon.html").paragraphs)
    assert "перевод с английского" in colophon.lower() or "переведено с английского" in colophon.lower()


def test_committed_catalogs_are_up_to_date(project: Path) -> None:
    """What CI runs as `triglot update --check`: the template and catalogs match the source, byte for byte."""
    completed = run_triglot("update", "--check", cwd=project)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout == "catalogs are up to date\n"
