"""Each check against its fixture: tests/fixtures/checks/<check>[-variant].po, findings in <name>.findings.

A fixture holds failing and passing messages; its ``.findings`` file lists
exactly the findings expected (``file:line: severity check: message``), so a
passing message that is flagged, or a failing one that is not, fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from triglot.checks import REGISTRY, read_catalog, run_checks
from triglot.config import Typography
from triglot.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path("tests/fixtures/checks")
# Corpus-scope checks read several catalogs at once.
GROUPS = {"consistency-source": ["consistency-source.po", "consistency-source-2.po"]}
# The project's [tool.triglot.typography], where a fixture needs other than the defaults (as its header says).
TYPOGRAPHY = {
    "typo-double-space-sentences": Typography(sentence_spacing=2),
    "typo-ja-punctuation-fullwidth-comma": Typography(ja_punctuation="，．"),
    "typo-ja-punctuation-ascii": Typography(ja_punctuation=",."),
}


def _check_of(stem: str) -> str:
    return max((c for c in REGISTRY if stem == c or stem.startswith(c + "-")), key=len)


def _cases() -> list[str]:
    return sorted(p.stem for p in (ROOT / FIXTURES).glob("*.findings"))


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / FIXTURES / "glossary", ("en", "ru", "ja"))


def test_every_check_has_a_fixture() -> None:
    assert {_check_of(stem) for stem in _cases()} == set(REGISTRY)


@pytest.mark.parametrize("name", _cases())
def test_fixture(name: str, glossary, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    files = [FIXTURES / f for f in GROUPS.get(name, [f"{name}.po"])]
    check = REGISTRY[_check_of(name)]
    findings = run_checks([read_catalog(f) for f in files], [check], glossary,
                          typography=TYPOGRAPHY.get(name, Typography()))
    got = "".join(
        f"{f.file.name}:{f.line}: {f.severity} {f.check}: {f.message.replace(str(ROOT / FIXTURES), str(FIXTURES))}\n"
        for f in findings
    )
    assert got == (FIXTURES / f"{name}.findings").read_text(encoding="utf-8")
