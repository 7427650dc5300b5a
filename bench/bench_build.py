"""Benchmark: ``triglot build`` against plain ``sphinx-build`` (+ ``latexmk``) per language and format.

Three scenarios on a fresh copy of the project, every edition (en, ru, ja)
in every format (HTML, PDF, EPUB):

- full: a first build from nothing;
- no-op: the same build again, nothing changed;
- one message: one Russian msgstr changed, then the build again.

The baseline is what a user would script without triglot: for each language
and format, ``sphinx-build -b html|epub|latex -D language=L`` one after the
other, each with its own doctree cache, then ``latexmk -pdflua`` on each
TeX file. It uses the same conf.py (the triglot extension's LuaLaTeX set-up:
Sphinx's own defaults cannot typeset the Japanese edition at all), so the
comparison is of the runner: parallel jobs and skipping unchanged editions.

Run: ``.venv/bin/python bench/bench_build.py`` (a few minutes; run it once).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import polib

from project_copy import copy_project, run, snapshot_triglot

LANGS = ["en", "ru", "ja"]
BUILDERS = ["html", "epub", "latex"]





def triglot(root: Path) -> None:
    report = run([sys.executable, "-m", "triglot.cli", "build", "--format", "html", "--format", "pdf",
                  "--format", "epub"], root)
    rebuilt = [" ".join(line.split()[:2]) for line in report.splitlines()
               if line.startswith("  ") and line.split()[2:3] == ["ok"]]
    print(f"  triglot rebuilt: {', '.join(rebuilt) or 'nothing'}", file=sys.stderr)


def plain_sphinx(root: Path) -> None:
    for lang in LANGS:
        for builder in BUILDERS:
            out = root / "out" / lang / builder
            run([sys.executable, "-m", "sphinx", "-b", builder, "-q", "-D", f"language={lang}",
                 "-d", str(root / "out" / lang / f"doctrees-{builder}"), "docs", str(out)], root)
            if builder == "latex":
                run(["latexmk", "-pdflua", "-interaction=nonstopmode", "-halt-on-error", f"article-{lang}.tex"], out)


def change_one_message(root: Path) -> None:
    path = root / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    catalog = polib.pofile(str(path))
    entry = catalog.find("Colophon")
    entry.msgstr = entry.msgstr + " издания"
    catalog.save(str(path))


def timed(action, root: Path) -> float:
    start = time.perf_counter()
    action(root)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="triglot-bench-") as tmp:
        snapshot_triglot(Path(tmp))
        ours = copy_project(Path(tmp) / "triglot")
        theirs = copy_project(Path(tmp) / "sphinx")
        rows = []
        for scenario, prepare in [("full build", None), ("no-op rebuild", None),
                                  ("one Russian message changed", change_one_message)]:
            print(scenario, file=sys.stderr)
            if prepare:
                prepare(ours)
                prepare(theirs)
            baseline = timed(plain_sphinx, theirs)
            result = timed(triglot, ours)
            rows.append((scenario, baseline, result))
    print("| scenario (3 editions × HTML, PDF, EPUB) | sphinx-build + latexmk, one after the other | "
          "triglot build | speed-up |")
    print("|---|---:|---:|---:|")
    for scenario, baseline, result in rows:
        print(f"| {scenario} | {baseline:.1f} s | {result:.2f} s | {baseline / result:.1f}× |")


if __name__ == "__main__":
    main()
