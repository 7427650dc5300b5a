"""Shared fixtures: a throw-away copy of the project, and its built site.

Tests never build into the checkout: they copy the project's sources into a
temporary folder first, so they can change them freely.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The web capture the English edition was made from (a copy of shared/seed/000_aa2858c967cf37a0.txt).
SEED = ROOT / "tests" / "fixtures" / "seed-capture.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
PROJECT_PARTS = ["pyproject.toml", "docs", "locale", "glossary"]


def copy_project(target: Path) -> Path:
    """Copy the project's sources (not its build output) into *target*."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("_build", "__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


@dataclass
class Completed:
    """A finished ``triglot`` run."""

    returncode: int
    stdout: str
    stderr: str


def run_triglot(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Completed:
    """Run the ``triglot`` command line in a subprocess, as a user would (*env*: variables to add)."""
    completed = subprocess.run(
        [sys.executable, "-m", "triglot.cli", *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, **env} if env else None,
    )
    return Completed(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project for one test."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose HTML editions have been built (once per test session)."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    completed = run_triglot("build", cwd=root)
    assert completed.returncode == 0, completed.stderr
    return root


@pytest.fixture(scope="session")
def site(built_project: Path) -> Path:
    """The published site of :func:`built_project`."""
    return built_project / "build" / "site"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where tests leave files for people to look at (screenshots, rendered pages)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
