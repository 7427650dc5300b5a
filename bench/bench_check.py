"""Benchmark ``triglot check`` against translate-toolkit's ``pofilter`` on the French Python-docs corpus.

Usage (once; the machine is shared)::

    .venv/bin/python bench/bench_check.py [CORPUS.tar.xz]

Unpacks the corpus into a temporary folder (never into the repository), runs
both tools on the same PO files one after the other, and prints their times,
the ratio, and triglot's findings per check (the table in bench/README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "python-docs-fr.tar.xz"
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run *command* in *cwd*; return the wall-clock seconds and the completed process."""
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    return time.perf_counter() - start, completed


def main(corpus: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        with tarfile.open(corpus) as archive:
            archive.extractall(tmp, filter="data")
        po = next(Path(tmp).rglob("po"))
        files = sorted(po.rglob("*.po"))
        # Run outside the project, so that this project's glossary is not applied to the corpus.
        triglot_s, checked = timed([str(BIN / "triglot"), "check", "--format", "json", "--fail-on", "never", str(po)], tmp)
        if checked.returncode != 0:
            sys.exit(f"triglot check failed:\n{checked.stderr}")
        pofilter_s, filtered = timed([str(BIN / "pofilter"), "--progress=none", "-i", str(po), "-o", str(Path(tmp) / "out")], tmp)
        if filtered.returncode != 0:
            sys.exit(f"pofilter failed:\n{filtered.stderr}")
    findings = json.loads(checked.stdout)["findings"]
    print(f"{len(files)} PO files")
    print(f"triglot check: {triglot_s:.1f} s, {len(findings)} findings")
    print(f"pofilter:      {pofilter_s:.1f} s")
    print(f"ratio pofilter/triglot: {pofilter_s / triglot_s:.2f}")
    print()
    print("| check | severity | findings |")
    print("|---|---|---:|")
    counts = Counter((f["check"], f["severity"]) for f in findings)
    for (check, severity), count in sorted(counts.items()):
        print(f"| {check} | {severity} | {count} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
