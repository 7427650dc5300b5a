"""The benchmarks' copies of the project: its sources (settings, docs, catalogs, glossary), never its build."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["pyproject.toml", "docs", "locale", "glossary"]


def copy_project(target: Path) -> Path:
    """The project's sources, without any build output or compiled catalog, in *target* (a new folder)."""
    target.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("_build", "__pycache__", "*.mo"))
        else:
            shutil.copy2(source, target / part)
    return target
