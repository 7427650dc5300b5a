"""Runs the Sphinx builds of the editions, in parallel, each into its own cache."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .config import Settings

# The Sphinx builder behind each output format of triglot.
BUILDERS = {"html": "html", "pdf": "latex", "epub": "epub"}
FORMATS = tuple(BUILDERS)


@dataclass(frozen=True)
class EditionBuild:
    """One edition in one format: where Sphinx writes it and logs its warnings."""

    lang: str
    fmt: str
    output: Path
    doctrees: Path
    log: Path


@dataclass(frozen=True)
class BuildResult:
    """The outcome of one edition build."""

    edition: EditionBuild
    ok: bool
    message: str


def plan(settings: Settings, langs: list[str], formats: list[str]) -> list[EditionBuild]:
    """The edition builds for *langs* × *formats*, with their cache folders under ``build/``."""
    cache = settings.build / "cache"
    return [
        EditionBuild(
            lang=lang,
            fmt=fmt,
            output=cache / lang / fmt,
            doctrees=cache / lang / "doctrees" / fmt,
            log=settings.build / "logs" / f"{lang}-{fmt}.log",
        )
        for lang in langs
        for fmt in formats
    ]


def sphinx_command(settings: Settings, edition: EditionBuild) -> list[str]:
    """The ``sphinx-build`` command line of one edition build."""
    return [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        BUILDERS[edition.fmt],
        "-q",
        "-D",
        f"language={edition.lang}",
        "-d",
        str(edition.doctrees),
        "-w",
        str(edition.log),
        str(settings.docs),
        str(edition.output),
    ]


def run_edition(settings: Settings, edition: EditionBuild) -> BuildResult:
    """Build one edition; a failure is reported with the log's last lines, never raised."""
    edition.log.parent.mkdir(parents=True, exist_ok=True)
    edition.output.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(
        sphinx_command(settings, edition),
        cwd=settings.root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    if completed.returncode == 0:
        return BuildResult(edition, True, "built")
    detail = (completed.stderr or completed.stdout).strip().splitlines()[-8:]
    return BuildResult(edition, False, "\n".join(detail) or f"sphinx-build exited {completed.returncode}")


def run_editions(settings: Settings, editions: list[EditionBuild], jobs: int | None = None) -> list[BuildResult]:
    """Build *editions* in parallel (one process per edition, up to *jobs* at once)."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(editions)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda edition: run_edition(settings, edition), editions))
