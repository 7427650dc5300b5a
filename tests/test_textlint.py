"""textlint (npm) on the Japanese catalogs: installed by `./dev test`, clean on our catalog, exact on a bad one."""

from __future__ import annotations

from pathlib import Path

import pytest

from triglot.checks import REGISTRY, read_catalog, run_checks
from triglot.checks.textlint import find_textlint

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_textlint_is_installed() -> None:
    # A missing textlint must fail CI, not make the Japanese check pass silently.
    assert find_textlint(ROOT) == ROOT / "node_modules" / ".bin" / "textlint"


def test_our_japanese_catalog_is_clean() -> None:
    catalog = read_catalog(ROOT / "locale/ja/LC_MESSAGES/article.po")
    assert run_checks([catalog], [REGISTRY["ja-textlint"]]) == []


def test_without_textlint_a_note_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    catalog = read_catalog(ROOT / "tests/fixtures/checks/ja-textlint.po")
    [finding] = run_checks([catalog], [REGISTRY["ja-textlint"]])
    assert (finding.line, finding.severity) == (9, "info")
    assert finding.message.startswith("textlint is not installed")


def test_interface_catalogs_are_not_given_to_textlint(tmp_path: Path) -> None:
    # The bad fixture's findings vanish once the same messages are an interface catalog (sphinx.po).
    fixture = ROOT / "tests/fixtures/checks/ja-textlint.po"
    assert run_checks([read_catalog(fixture)], [REGISTRY["ja-textlint"]]) != []
    interface = tmp_path / "sphinx.po"
    interface.write_bytes(fixture.read_bytes())
    assert run_checks([read_catalog(interface, "ja")], [REGISTRY["ja-textlint"]]) == []
