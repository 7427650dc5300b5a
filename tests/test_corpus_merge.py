"""The French Python-docs corpus (481 catalogs): preserve mode and stats against its templates.

``pot-v0/`` holds the templates that match ``po/`` exactly (an unchanged
source), ``pot-v1/`` the templates after a simulated source change
(../shared/corpora/README.md). The Spanish corpus the issue cites is not
available here; what its files showed has its own fixtures
(``tests/fixtures/catalog/python-format-es.po``, test_catalog_plural.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import tarfile
from pathlib import Path

import pytest

from triglot.catalog import parse_po, read_po
from triglot.catalog.merge import EXACT, Source, merge_sources
from triglot.catalog.preserve import preserved
from triglot.stats import catalog_progress

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "python-docs-fr.tar.xz"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.exists():
        pytest.fail(f"{CORPUS} is missing: the corpora must be beside the clone")
    folder = tmp_path_factory.mktemp("corpus")
    with tarfile.open(CORPUS) as archive:
        archive.extractall(folder, filter="data")
    return folder / "python-docs-fr"


def sources(corpus: Path, templates: str) -> list[Source]:
    catalogs = sorted(path.relative_to(corpus / "po") for path in (corpus / "po").rglob("*.po"))
    assert len(catalogs) == 481
    return [Source(rel.as_posix(), (lambda rel=rel: read_po(corpus / templates / rel.with_suffix(".pot"))),
                   (lambda rel=rel: read_po(corpus / "po" / rel))) for rel in catalogs]


def test_an_unchanged_source_changes_no_file(corpus: Path) -> None:
    unchanged = 0
    for merged in merge_sources(sources(corpus, "pot-v0")):
        path = corpus / "po" / merged.name
        original = path.read_text(encoding="utf-8")
        assert all(how == EXACT for how, _ in merged.origins), merged.name
        unchanged += preserved(merged, original, path) == original
    assert unchanged == 481


def test_a_changed_source_changes_only_what_it_requires(corpus: Path, tmp_path: Path) -> None:
    changed = 0
    for merged in merge_sources(sources(corpus, "pot-v1")):
        path = corpus / "po" / merged.name
        original = path.read_text(encoding="utf-8")
        text = preserved(merged, original, path)
        if text == original:
            continue
        changed += 1
        lines, new_lines = original.split("\n"), text.split("\n")
        old_blocks = ["\n".join(lines[e.first_line - 1:e.last_line]) for e in merged.old.entries]
        new = parse_po(text.encode("utf-8"))
        new_blocks = {"\n".join(new_lines[e.first_line - 1:e.last_line]) for e in new.entries}
        untouched = {index for how, index in merged.origins if how == EXACT and index is not None
                     and not merged.old.entries[index].obsolete}
        assert {old_blocks[index] for index in untouched} <= new_blocks, merged.name
        assert old_blocks[0] in new_blocks  # the header, as it was
        assert {e.msgstr for e in merged.old.entries if e.msgstr} <= {e.msgstr for e in new.entries}, merged.name
        written = tmp_path / "catalog.po"
        written.write_text(text, encoding="utf-8")
        check = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(written)], capture_output=True, text=True)
        assert check.returncode == 0, (merged.name, check.stderr)
    assert changed == 419


def test_stats_agree_with_msgfmt_statistics_against_the_template(corpus: Path, tmp_path: Path) -> None:
    merged_file = tmp_path / "merged.po"
    for path in sorted((corpus / "po").rglob("*.po")):
        template_path = corpus / "pot-v1" / path.relative_to(corpus / "po").with_suffix(".pot")
        progress = catalog_progress(read_po(template_path), read_po(path), "fr", path.stem, path, "en")
        subprocess.run(["msgmerge", "--no-fuzzy-matching", "-q", "-o", str(merged_file), str(path),
                        str(template_path)], check=True)
        report = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, str(merged_file)], capture_output=True,
                                text=True, check=True).stderr
        counts = {kind: int(number) for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", report)}
        assert (progress.translated.messages, progress.fuzzy.messages, progress.untranslated.messages) == (
            counts.get("translated", 0), counts.get("fuzzy", 0), counts.get("untranslated", 0)), path
