"""The benchmarks' copies of the project: its sources (settings, docs, catalogs, glossary), never its build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


# The runs import triglot from a snapshot of tools/triglot (see snapshot_triglot): edits made to the checkout
# while a benchmark runs change neither the extension nor triglot's fingerprints.
ENV = dict(os.environ)


def snapshot_triglot(folder: Path) -> None:
    """Copy tools/triglot into *folder*/lib and have every :func:`run` import it from there."""
    shutil.copytree(ROOT / "tools" / "triglot", folder / "lib" / "triglot", ignore=shutil.ignore_patterns("__pycache__"))
    ENV["PYTHONPATH"] = str(folder / "lib")


def run(command: list[str], cwd: Path) -> str:
    """Run *command* in *cwd* with the snapshot's triglot; its stderr, or exit with its output when it fails."""
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL, env=ENV)
    if completed.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{completed.stdout[-2000:]}\n{completed.stderr[-2000:]}")
    return completed.stderr
