"""The data of the convention checks (tools/triglot/checks/data/conventions.yaml) agrees with the checks and the glossary."""

from __future__ import annotations

import re
from pathlib import Path

from triglot.checks import REGISTRY, read_catalog, run_checks
from triglot.checks.conventions import conventions, without_translator_notes
from triglot.glossary import load_glossary
from triglot.punctuation import punctuate

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = {"typo-nbsp": "no_break_space", "typo-note-position": "note_mark", "typo-ja-range": "range_marks",
            "cite-script": "citations"}


def test_each_check_runs_for_the_languages_its_data_has() -> None:
    for check, section in SECTIONS.items():
        assert REGISTRY[check].languages == frozenset(conventions()[section]), check


def test_translator_notes_are_left_out() -> None:
    assert without_translator_notes("1997 г. [Примеч.\u00a0пер.: 2007 г.]", "ru") == "1997 г.  "
    assert without_translator_notes("1997年〔訳注：2007年〕。", "ja") == "1997年 。"
    assert without_translator_notes("1997 [Примеч. пер.: 2007]", "de") == "1997 [Примеч. пер.: 2007]"


def test_the_japanese_glossary_writes_ranges_as_the_japanese_catalog_does() -> None:
    glossary = load_glossary(ROOT / "glossary", ("en", "ru", "ja"))
    catalog = (ROOT / "locale/ja/LC_MESSAGES/article.po").read_text(encoding="utf-8")
    japanese_text = "\n".join(entry.term("ja").definition for entry in glossary) + catalog
    marks = set(re.findall(r"(?<=\d)([〜～–-])(?=\d+[年世])|(?<=（\d{4})([〜～–-])(?=\d{4}）)", japanese_text))
    assert {mark for pair in marks for mark in pair if mark} == {"〜"}


def test_the_interface_strings_follow_the_japanese_punctuation_rules() -> None:
    """The checks of Japanese catalogs hold for the interface's own catalog, and labels get a full-width colon."""
    catalog = read_catalog(ROOT / "locale/ja/LC_MESSAGES/sphinx.po", "ja")
    checks = [check for check in REGISTRY.values() if check.family == "typography" and check.runs_for("ja")]
    assert run_checks([catalog], checks) == []
    assert {message.msgid: message.msgstr for message in catalog.messages}["Download"] == "ダウンロード"
    assert punctuate("label", "ダウンロード", "ja") == "ダウンロード："
    assert punctuate("label", "Download", "en") == "Download: "
    assert punctuate("gloss", "sofuto pawā", "ja") == "（sofuto pawā）"
