"""``triglot glossary check`` and ``export`` as a user runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_triglot

FIXTURES = ROOT / "tests" / "fixtures" / "glossary"


def test_check_passes_on_our_glossary(project: Path) -> None:
    completed = run_triglot("glossary", "check", cwd=project)
    assert (completed.returncode, completed.stderr) == (0, "")
    assert completed.stdout == "glossary: 71 entries (52 published) in 5 files: no problems\n"


@pytest.mark.parametrize("case", ["malformed", "unknown-field", "missing-field", "duplicate-id"])
def test_check_fails_with_located_messages(project: Path, case: str) -> None:
    shutil.rmtree(project / "glossary")
    shutil.copytree(FIXTURES / case, project / "glossary", ignore=shutil.ignore_patterns("expected.txt"))
    completed = run_triglot("glossary", "check", cwd=project)
    expected = (FIXTURES / case / "expected.txt").read_text(encoding="utf-8").replace(f"{case}/", "glossary/")
    assert completed.returncode == 2
    assert completed.stderr == "".join(f"triglot: error: {line}\n" for line in expected.splitlines())
    assert completed.stdout == ""


def test_check_takes_a_path(project: Path) -> None:
    completed = run_triglot("glossary", "check", str(FIXTURES / "duplicate-id"), cwd=project)
    assert completed.returncode == 2
    assert completed.stderr == (
        f"triglot: error: {FIXTURES}/duplicate-id/b.yaml:1: duplicate id 'soft-power' "
        f"(first defined at {FIXTURES}/duplicate-id/a.yaml:1)\n"
    )


def test_export_refuses_a_broken_glossary_and_writes_nothing(project: Path) -> None:
    (project / "glossary" / "terms.yaml").write_text("- id: x\n  colour: blue\n", encoding="utf-8")
    completed = run_triglot("glossary", "export", "--format", "tbx", "-o", "out.tbx", cwd=project)
    assert completed.returncode == 2
    assert completed.stderr.startswith("triglot: error: glossary/terms.yaml:1: entry 'x' has no 'category' field (and ")
    assert not (project / "out.tbx").exists()


def test_export_to_file_is_deterministic(project: Path) -> None:
    first = run_triglot("glossary", "export", "--format", "tbx2008", "-o", "a.tbx", cwd=project)
    second = run_triglot("glossary", "export", "--format", "tbx2008", cwd=project)
    assert first.returncode == second.returncode == 0
    assert (project / "a.tbx").read_text(encoding="utf-8") == second.stdout
    assert list(project.glob(".a.tbx.*")) == []


def test_bilingual_export_needs_a_target_language(project: Path) -> None:
    completed = run_triglot("glossary", "export", "--format", "csv", cwd=project)
    assert completed.returncode == 2
    assert completed.stderr == "triglot: error: the csv export is bilingual: choose the target language with --lang (ru, ja)\n"
    completed = run_triglot("glossary", "export", "--format", "tbx", "--lang", "ru", cwd=project)
    assert completed.returncode == 2
    assert completed.stderr == (
        "triglot: error: --lang applies to the csv and tsv exports only; tbx holds every language\n"
    )
