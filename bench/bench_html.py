"""Benchmark: the HTML editions from nothing, ``triglot build`` against a plain ``sphinx-build`` of each language.

Usage (a minute or two; the machine is shared)::

    .venv/bin/python bench/bench_html.py [--rounds N] [--profile FILE]

Each run starts from a fresh copy of the project (no build folder). The
plain build is ``sphinx-build -b html -D language=L docs OUT`` with the same
conf.py (the triglot extension included: Sphinx's own set-up is not the
comparison, the runner is). Measured, in one run, each N times (the fastest
kept; wall-clock seconds, and the CPU seconds of the command's processes,
which a loaded machine distorts less): a plain build of each language;
``triglot build --lang L`` of each language; ``triglot build`` of the three;
and the three plain builds one after the other. ``--profile FILE`` writes a
cProfile of the triglot process of a three-edition build: its main thread
only (planning, fingerprints, waiting for Sphinx, the assembly of the site),
not the thread that checks the catalogs for the status page.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from project_copy import ROOT, copy_project

LANGS = ["en", "ru", "ja"]



def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run *command* in *cwd*; its wall-clock seconds and the CPU seconds (user + system) of its processes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr[-3000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
    cpu: dict[str, float] = {}

    def keep(name: str, seconds: tuple[float, float]) -> None:
        results[name] = min(results.get(name, seconds[0]), seconds[0])
        cpu[name] = min(cpu.get(name, seconds[1]), seconds[1])

    with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp_name:
        tmp = Path(tmp_name)
        for _round in range(rounds):
            for lang in LANGS:
                keep(f"sphinx-build {lang}", timed(plain(lang, tmp / "p"), fresh(tmp, "p")))
                keep(f"triglot build --lang {lang}", timed(triglot(lang), fresh(tmp, "t")))
            root = fresh(tmp, "p")
            serial = [timed(plain(lang, root), root) for lang in LANGS]
            keep("sphinx-build en, ru, ja one after the other", (sum(w for w, _ in serial), sum(c for _, c in serial)))
            keep("triglot build (en, ru, ja)", timed(triglot(), fresh(tmp, "t")))
        if profile is not None:
            subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "triglot.cli", "build"],
                           cwd=fresh(tmp, "t"), capture_output=True, check=True)
    print("| build (HTML, from nothing) | wall s | CPU s | wall vs sphinx-build of the same language | CPU vs it |")
    print("|---|---:|---:|---:|---:|")
    for lang in LANGS:
        base, base_cpu = results[f"sphinx-build {lang}"], cpu[f"sphinx-build {lang}"]
        ours = f"triglot build --lang {lang}"
        print(f"| sphinx-build {lang} | {base:.2f} | {base_cpu:.2f} | 1.00× | 1.00× |")
        print(f"| {ours} | {results[ours]:.2f} | {cpu[ours]:.2f} | {results[ours] / base:.2f}× | "
              f"{cpu[ours] / base_cpu:.2f}× |")
    slowest = max(results[f"sphinx-build {lang}"] for lang in LANGS)
    three, serial = "triglot build (en, ru, ja)", "sphinx-build en, ru, ja one after the other"
    print(f"| {serial} | {results[serial]:.2f} | {cpu[serial]:.2f} | | |")
    print(f"| triglot build (en, ru, ja; 2 cores) | {results[three]:.2f} | {cpu[three]:.2f} | "
          f"{results[three] / slowest:.2f}× the slowest single build, {results[three] / results[serial]:.2f}× the three "
          f"one after the other | {cpu[three] / cpu[serial]:.2f}× the three one after the other |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    arguments = parser.parse_args()
    main(arguments.rounds, arguments.profile)
