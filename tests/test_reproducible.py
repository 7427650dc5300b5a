"""With SOURCE_DATE_EPOCH set, a PDF and an EPUB edition built twice are the same bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import copy_project

EPOCH = "1390262400"  # 2014-01-21, the article's date


def build(root: Path) -> dict[str, bytes]:
    """Build the English PDF and EPUB from scratch; their bytes by name."""
    shutil.rmtree(root / "build", ignore_errors=True)
    completed = subprocess.run([sys.executable, "-m", "triglot.cli", "build", "--lang", "en", "--format", "pdf",
                                "--format", "epub"], cwd=root, capture_output=True, text=True,
                               env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    assert completed.returncode == 0, completed.stderr
    downloads = root / "build" / "site" / "en" / "downloads"
    return {path.name: path.read_bytes() for path in sorted(downloads.iterdir())}


def test_pdf_and_epub_are_reproducible(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    first, second = build(root), build(root)
    assert sorted(first) == ["article-en.epub", "article-en.pdf"]
    assert first == second
    with zipfile.ZipFile(root / "build" / "site" / "en" / "downloads" / "article-en.epub") as epub:
        members = epub.infolist()
    assert members[0].filename == "mimetype" and members[0].compress_type == zipfile.ZIP_STORED
    assert {member.date_time for member in members} == {(2014, 1, 21, 0, 0, 0)}
