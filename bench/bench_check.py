"""Benchmark ``triglot check`` against translate-toolkit's ``pofilter`` on the French Python-docs corpus.

Usage (once; the machine is shared)::

    .venv/bin/python bench/bench_check.py [CORPUS.tar.xz] [--profile FILE]

Unpacks the corpus into a temporary folder (never into the repository) and
runs, on the same PO files, in one run (each twice, the faster kept):

- ``pofilter`` (its default filters; one process);
- ``triglot check --jobs 1`` outside a project (no glossary: no terminology
  or transliteration checks);
- ``triglot check --jobs 1`` inside a copy of this project, so that its
  glossary is loaded, as it is for a project's own catalogs;
- the same with a glossary ten times ours (:func:`write_large_glossary`);
- ``triglot check`` inside the project on every core.

Prints the wall and CPU seconds of each and their ratios to pofilter's, and
triglot's findings per check. ``--profile FILE`` also writes a cProfile of
the one-process run with our glossary (``python -m pstats FILE``).
The Spanish corpus named in the issue is not available here.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

import polib
import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "python-docs-fr.tar.xz"
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run *command* in *cwd*; its wall-clock and CPU seconds (user + system) and the completed process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), completed


def project_copy(target: Path, glossary: Path) -> Path:
    """A folder with this project's ``pyproject.toml`` and the glossary *glossary*: triglot run there loads it."""
    target.mkdir(parents=True)
    shutil.copy2(ROOT / "pyproject.toml", target / "pyproject.toml")
    shutil.copytree(glossary, target / "glossary")
    return target


def corpus_terms(files: list[Path], count: int) -> list[str]:
    """The *count* most frequent two-word phrases of the corpus's msgids (letters only, words of 4+ letters):
    terms that occur, as a real project's glossary terms do."""
    phrases: Counter[str] = Counter()
    for path in files:
        for entry in polib.pofile(str(path)):
            words = re.findall(r"[A-Za-z]{4,}", re.sub(r"(?::\w+:)?`[^`]*`+", " ", entry.msgid))
            phrases.update(f"{first.lower()} {second.lower()}" for first, second in zip(words, words[1:]))
    return [phrase for phrase, _count in phrases.most_common(count)]


def write_large_glossary(target: Path, files: list[Path], factor: int = 10) -> Path:
    """Our glossary and, beside it, synthetic entries that make it *factor* times as large.

    Their English terms are the corpus's most frequent phrases; their Russian
    and Japanese terms are numbered placeholders. Valid for ``triglot glossary
    check``.
    """
    shutil.copytree(ROOT / "glossary", target)
    ours = sum(len(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
               for path in sorted(target.glob("*.yaml")))
    taken = {term.lower() for path in sorted(target.glob("*.yaml")) for entry in yaml.safe_load(path.read_text(
        encoding="utf-8")) or [] for term in [entry["en"]["term"], *entry["en"].get("variants", [])]}
    phrases = [phrase for phrase in corpus_terms(files, ours * factor * 2) if phrase not in taken]
    entries = [{
        "id": f"synthetic-{number}", "category": "concept", "pos": "noun",
        "en": {"term": phrase, "definition": f"A synthetic term, number {number}."},
        "ru": {"term": f"синтетический термин {number}", "definition": f"Синтетический термин номер {number}."},
        "ja": {"term": f"合成用語{number}", "definition": f"合成用語、番号{number}。"},
    } for number, phrase in enumerate(phrases[:ours * (factor - 1)], start=1)]
    (target / "synthetic.yaml").write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")
    return target


def main(corpus: Path, profile: Path | None) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        tmp_path = Path(tmp)
        with tarfile.open(corpus) as archive:
            archive.extractall(tmp_path, filter="data")
        po = next(tmp_path.rglob("po"))
        files = sorted(po.rglob("*.po"))
        ours = project_copy(tmp_path / "project", ROOT / "glossary")
        large_glossary = write_large_glossary(tmp_path / "large-glossary", files)
        large = project_copy(tmp_path / "project-large", large_glossary)
        entries = sum(len(yaml.safe_load(p.read_text(encoding="utf-8")) or []) for p in large_glossary.glob("*.yaml"))
        check = [str(BIN / "triglot"), "check", "--format", "json", "--fail-on", "never"]
        runs = {
            "pofilter": ([str(BIN / "pofilter"), "--progress=none", "-i", str(po), "-o", str(tmp_path / "out")],
                         tmp_path),
            "triglot check, 1 process, no glossary": ([*check, "--jobs", "1", str(po)], tmp_path),
            "triglot check, 1 process, our glossary": ([*check, "--jobs", "1", str(po)], ours),
            f"triglot check, 1 process, glossary x10 ({entries} entries)": ([*check, "--jobs", "1", str(po)], large),
            "triglot check, 2 processes, our glossary": ([*check, str(po)], ours),
        }
        best: dict[str, tuple[float, float]] = {}
        findings: list[dict] = []
        for _round in range(2):
            for name, (command, cwd) in runs.items():
                shutil.rmtree(tmp_path / "out", ignore_errors=True)
                wall, cpu, completed = timed(command, cwd)
                previous = best.get(name, (wall, cpu))
                best[name] = (min(previous[0], wall), min(previous[1], cpu))
                if name == "triglot check, 1 process, our glossary":
                    findings = json.loads(completed.stdout)["findings"]
        if profile is not None:
            subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "triglot.cli", *check[1:],
                            "--jobs", "1", str(po)], cwd=ours, capture_output=True, check=True)
    print(f"{len(files)} PO files")
    print("| run | wall | CPU | wall vs pofilter | CPU vs pofilter |")
    print("|---|---:|---:|---:|---:|")
    base_wall, base_cpu = best["pofilter"]
    for name, (wall, cpu) in best.items():
        print(f"| {name} | {wall:.1f} s | {cpu:.1f} s | {wall / base_wall:.2f}× | {cpu / base_cpu:.2f}× |")
    print()
    print("| check | severity | findings |")
    print("|---|---|---:|")
    for (check_id, severity), count in sorted(Counter((f["check"], f["severity"]) for f in findings).items()):
        print(f"| {check_id} | {severity} | {count} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the one-process run with our glossary")
    arguments = parser.parse_args()
    main(arguments.corpus, arguments.profile)
