"""Benchmark: the HTML editions from nothing, ``triglot build`` against a plain ``sphinx-build`` of each language.

Usage (a minute or two; the machine is shared)::

    .venv/bin/python bench/bench_html.py [--rounds N] [--profile FILE]

Each run starts from a fresh copy of the project (no build folder). The
plain build is ``sphinx-build -b html -D language=L docs OUT`` with the same
conf.py (the triglot extension included: Sphinx's own set-up is not the
comparison, the runner is). Measured, in one run, each N times (the fastest
kept): a plain build of each language; ``triglot build --lang L`` of each
language; ``triglot build`` of the three; and the three plain builds one
after the other. ``--profile FILE`` writes a cProfile of the triglot
process of a three-edition build (what runs besides Sphinx: planning,
fingerprints, the status page's checks, the assembly of the site).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from project_copy import ROOT, copy_project

LANGS = ["en", "ru", "ja"]



def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr[-3000:]}")
    return elapsed


def plain(lang: str, root: Path) -> list[str]:
    return [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-D", f"language={lang}",
            "-d", str(root / "out" / f"doctrees-{lang}"), "docs", str(root / "out" / lang)]


def triglot(*langs: str) -> list[str]:
    return [sys.executable, "-m", "triglot.cli", "build", *[arg for lang in langs for arg in ("--lang", lang)]]


def fresh(tmp: Path, name: str) -> Path:
    target = tmp / name
    shutil.rmtree(target, ignore_errors=True)
    return copy_project(target)


def main(rounds: int, profile: Path | None) -> None:
    results: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        results[name] = min(results.get(name, seconds), seconds)

    with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp_name:
        tmp = Path(tmp_name)
        for _round in range(rounds):
            for lang in LANGS:
                keep(f"sphinx-build {lang}", timed(plain(lang, tmp / "p"), fresh(tmp, "p")))
                keep(f"triglot build --lang {lang}", timed(triglot(lang), fresh(tmp, "t")))
            root = fresh(tmp, "p")
            keep("sphinx-build en, ru, ja one after the other", sum(timed(plain(lang, root), root) for lang in LANGS))
            keep("triglot build (en, ru, ja)", timed(triglot(), fresh(tmp, "t")))
        if profile is not None:
            subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "triglot.cli", "build"],
                           cwd=fresh(tmp, "t"), capture_output=True, check=True)
    print("| build (HTML, from nothing) | seconds | vs sphinx-build of the same language |")
    print("|---|---:|---:|")
    for lang in LANGS:
        base = results[f"sphinx-build {lang}"]
        print(f"| sphinx-build {lang} | {base:.2f} | 1.00× |")
        print(f"| triglot build --lang {lang} | {results[f'triglot build --lang {lang}']:.2f} | "
              f"{results[f'triglot build --lang {lang}'] / base:.2f}× |")
    slowest = max(results[f"sphinx-build {lang}"] for lang in LANGS)
    three = results["triglot build (en, ru, ja)"]
    serial = results["sphinx-build en, ru, ja one after the other"]
    print(f"| sphinx-build en, ru, ja one after the other | {serial:.2f} | |")
    print(f"| triglot build (en, ru, ja; 2 cores) | {three:.2f} | {three / slowest:.2f}× the slowest single build, "
          f"{three / serial:.2f}× the three one after the other |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    arguments = parser.parse_args()
    main(arguments.rounds, arguments.profile)
