"""The plain text of a message skips the substitutions that cannot apply, and gives what running them all gives.

:func:`triglot.checks.plain.plain_text` runs a substitution only when the
text holds the string every match of its pattern holds, and
:func:`triglot.checks.numbers.numbers_in` the CJK units' one only when a unit
is there (a speed-up: most messages have none of them). Compared here with
every substitution run, on real text: the article's catalogs, the checks'
fixtures and the French Python-docs corpus (56,069 messages).
"""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from conftest import ROOT
from triglot.catalog import read_po
from triglot.checks import numbers, plain

CORPUS = ROOT.parent / "shared" / "corpora" / "python-docs-fr.tar.xz"
# Markup of every kind the substitutions handle, and CJK numbers.
SAMPLES = [
    "See ``os.path`` and :func:`open() <io.open>`, `Python <https://python.org>`_ [1]_ [#n]_ |sub|_ *e* **s**.",
    "An escaped\\ space, a \\*star, a :term:`soft power`\\ 's, mailto:a@b.example and ftp://x.",
    "日本の\\ :term:`ソフトパワー <soft power>`\\ は3万人、1億2000万円、千年、5千。",
    "``x`` only", "a ` lone backquote", "a | bar", "]_ alone", "no markup at all, 12,345 and 7 000",
]


def every_substitution(rst: str, keep_literals: bool) -> str:
    """:func:`plain_text` as it was: every substitution run, in order."""
    text = rst
    for _needle, pattern, replacement in plain.STEPS[keep_literals]:
        text = pattern.sub(replacement, text)
    return text


def numbers_every_substitution(text: str) -> tuple[frozenset[str], ...]:
    """:func:`numbers_in` as it was: the CJK units' substitution always run."""
    text = numbers._CJK_UNITS.sub(numbers._cjk_value, every_substitution(text, True).translate(numbers._FULLWIDTH))
    text, times = numbers.times_in(text)
    return (*times, *(numbers.readings(match.group(1)) for match in numbers._NUMBER.finditer(text)))


def texts_of(paths: list[Path]) -> list[str]:
    """Every msgid and msgstr of the catalogs at *paths*, once each."""
    found = dict.fromkeys(SAMPLES)
    for path in paths:
        for entry in read_po(path).entries:
            found.update(dict.fromkeys(text for text in (entry.msgid, entry.msgstr, *entry.msgstr_plural) if text))
    return list(found)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    if not CORPUS.exists():
        pytest.fail(f"{CORPUS} is missing: the corpora must be beside the clone")
    folder = tmp_path_factory.mktemp("corpus")
    with tarfile.open(CORPUS) as archive:
        archive.extractall(folder, filter="data")
    paths = sorted((folder / "python-docs-fr" / "po").rglob("*.po"))
    assert len(paths) == 481
    return paths


def project_catalogs() -> list[Path]:
    return sorted((ROOT / "locale").rglob("*.po")) + sorted((ROOT / "tests" / "fixtures").rglob("*.po"))


def assert_same(texts: list[str]) -> None:
    for text in texts:
        for keep_literals in (False, True):
            assert plain.plain_text.__wrapped__(text, keep_literals) == every_substitution(text, keep_literals), text
        assert numbers.numbers_in.__wrapped__(text) == numbers_every_substitution(text), text


def test_each_pattern_needs_its_string() -> None:
    """What the skipping rests on: a text without a step's string is one its pattern does not match."""
    for needle, pattern, _replacement in plain.STEPS[False]:
        for text in [*SAMPLES, *(sample.replace(needle, " ") for sample in SAMPLES)]:
            assert pattern.search(text) is None or needle in text, (needle, text)
    assert numbers._CJK_UNITS.search("3 000 人、百年") is None
    assert [match.group() for match in numbers._CJK_UNITS.finditer("3万人") if match.group()] == ["3万"]


def test_the_samples_exactly() -> None:
    assert plain.plain_text(SAMPLES[0]) == "See \ufffc and \ufffc, Python \ufffc \ufffc \ufffc e s."
    assert plain.plain_text(SAMPLES[0], keep_literals=True) == "See  os.path  and \ufffc, Python \ufffc \ufffc \ufffc e s."
    assert plain.plain_text(SAMPLES[1]) == "An escapedspace, a *star, a soft power's, \ufffc and \ufffc"
    assert numbers.numbers_in(SAMPLES[2]) == (frozenset({"30000"}), frozenset({"120000000"}), frozenset({"5000"}))
    assert numbers.numbers_in(SAMPLES[7]) == (frozenset({"12345", "12.345"}), frozenset({"7000"}))


def test_the_project_and_fixture_catalogs_give_the_same_plain_text() -> None:
    texts = texts_of(project_catalogs())
    assert len(texts) > 300
    assert_same(texts)


def test_the_french_corpus_gives_the_same_plain_text(corpus: list[Path]) -> None:
    texts = texts_of(corpus)
    assert len(texts) > 70000
    assert_same(texts)
