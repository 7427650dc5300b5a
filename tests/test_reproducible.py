"""With SOURCE_DATE_EPOCH set, a PDF and an EPUB edition built again elsewhere from the same inputs are the same
bytes as the session's (built in another folder, with every other edition beside them)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from editions import EPOCH_ENV, editions_built, translated_project


def test_pdf_and_epub_are_reproducible(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    session = editions_built(tmp_path_factory) / "build" / "site" / "en" / "downloads"
    root = translated_project(tmp_path / "elsewhere")
    completed = subprocess.run([sys.executable, "-m", "triglot.cli", "build", "--lang", "en", "--format", "pdf",
                                "--format", "epub"], cwd=root, capture_output=True, text=True,
                               env={**os.environ, **EPOCH_ENV})
    assert completed.returncode == 0, completed.stderr
    downloads = root / "build" / "site" / "en" / "downloads"
    again = {path.name: path.read_bytes() for path in sorted(downloads.iterdir())}
    assert sorted(again) == ["article-en.epub", "article-en.pdf"]
    assert again == {name: (session / name).read_bytes() for name in again}
    with zipfile.ZipFile(downloads / "article-en.epub") as epub:
        members = epub.infolist()
    assert members[0].filename == "mimetype" and members[0].compress_type == zipfile.ZIP_STORED
    assert {member.date_time for member in members} == {(2014, 1, 21, 0, 0, 0)}
