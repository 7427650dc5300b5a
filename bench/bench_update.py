"""Benchmark: triglot's merge against GNU msgmerge and sphinx-intl on the python-docs-fr corpus.

The corpus (../shared/corpora/python-docs-fr.tar.xz) holds the French
catalogs (po/), templates after a simulated source change (pot-v1/) and
truth.json, which says which msgid each edited msgid was. Each tool merges
po/ with pot-v1/ in a fresh copy, in one run of this script; then the
outputs are compared with truth.json.

    .venv/bin/python bench/bench_update.py [--corpus DIR] [--jobs N]

Prints a Markdown table: wall time (and its ratio to msgmerge's), peak
memory of the process(es), and for the edited msgids that had a translation:
their own old translation back as fuzzy (correct), another message's
(wrong), nothing (untranslated); and old translations found nowhere in the
file afterwards (lost).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "python-docs-fr.tar.xz"
TOOLS = ("triglot", "msgmerge", "sphinx-intl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="an unpacked python-docs-fr folder (default: unpack the archive)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for sphinx-intl (default 2)")
    parser.add_argument("--child", metavar="FOLDER", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child, args.corpus)
        return
    with tempfile.TemporaryDirectory(prefix="triglot-bench-") as scratch:
        corpus = args.corpus or unpack(Path(scratch))
        results = {tool: measure(tool, corpus, Path(scratch) / tool, args.jobs) for tool in TOOLS}
    print(table(results))


def unpack(scratch: Path) -> Path:
    with tarfile.open(CORPUS) as archive:
        archive.extractall(scratch, filter="data")
    return scratch / "python-docs-fr"


def measure(tool: str, corpus: Path, folder: Path, jobs: int) -> dict:
    """Copy the catalogs, run *tool* on them under GNU time, and score its output.

    Peak memory is the largest resident set of the tool's processes as
    ``/usr/bin/time -f %M`` reports it. It is taken from a process of its
    own, started by the small ``time`` program: Linux carries the resident
    size of the process that forks over into a child's maximum, so measuring
    from this script (which holds the corpus) would report this script's size.
    """
    folder.mkdir(parents=True)
    catalogs = folder / "fr" / "LC_MESSAGES"
    shutil.copytree(corpus / "po", catalogs)
    relatives = sorted(path.relative_to(catalogs) for path in catalogs.rglob("*.po"))
    start = time.perf_counter()
    completed = subprocess.run(["/usr/bin/time", "-f", "%M", *tool_command(tool, folder, corpus, relatives, jobs)],
                               capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    peak_kib = int(completed.stderr.strip().splitlines()[-1])
    return {"wall": wall, "peak_mib": peak_kib / 1024, **score(corpus, catalogs)}


def tool_command(tool: str, folder: Path, corpus: Path, relatives: list[Path], jobs: int) -> list[str]:
    """The command line that runs *tool* on the catalogs in *folder*."""
    catalogs = folder / "fr" / "LC_MESSAGES"
    if tool == "triglot":
        return [sys.executable, __file__, "--child", str(folder), "--corpus", str(corpus)]
    if tool == "msgmerge":  # per file, from a shell (a small process) so each msgmerge is measured alone
        pairs = [str(item) for rel in relatives for item in (catalogs / rel, corpus / "pot-v1" / rel.with_suffix(".pot"))]
        loop = 'while [ $# -gt 0 ]; do msgmerge --quiet --previous --update --backup=off "$1" "$2" || exit 1; shift 2; done'
        return ["sh", "-c", loop, "sh", *pairs]
    return [str(Path(sys.executable).with_name("sphinx-intl")), "update", "-p", str(corpus / "pot-v1"),
            "-d", str(folder), "-l", "fr", "-j", str(jobs)]


def run_child(folder: Path, corpus: Path) -> None:
    """Run triglot's merge on the copy in *folder*, one catalog at a time, as ``triglot update`` does."""
    catalogs = folder / "fr" / "LC_MESSAGES"
    relatives = sorted(path.relative_to(catalogs) for path in catalogs.rglob("*.po"))
    sys.path.insert(0, str(ROOT / "tools"))
    from triglot.catalog import read_po
    from triglot.catalog.merge import Source, canonical, merge_sources
    from triglot.catalog.write import format_po
    from triglot.fs import atomic_write

    sources = [Source(str(rel), (lambda r=rel: read_po(corpus / "pot-v1" / r.with_suffix(".pot"))),
                      (lambda r=rel: read_po(catalogs / r))) for rel in relatives]
    for merged in merge_sources(sources):  # one catalog at a time: written, then dropped
        atomic_write(catalogs / merged.name, format_po(canonical(merged)))


def score(corpus: Path, catalogs: Path) -> dict:
    """Compare the merged catalogs with truth.json and with the old translations."""
    sys.path.insert(0, str(ROOT / "tools"))
    from triglot.catalog import read_po

    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))["files"]
    counts = {"correct": 0, "wrong": 0, "untranslated": 0, "lost": 0}
    for rel, changes in truth.items():
        old = {entry.msgid: entry for entry in read_po(corpus / "po" / rel).entries if not entry.is_header}
        new_catalog = read_po(catalogs / rel)
        new = {entry.msgid: entry for entry in new_catalog.entries if not entry.obsolete}
        for before, after in changes["modified"]:
            if before not in old or not old[before].msgstr:
                continue
            given = new[after].msgstr
            key = "untranslated" if not given else "correct" if given == old[before].msgstr else "wrong"
            counts[key] += 1
        kept = {entry.msgstr for entry in new_catalog.entries}
        counts["lost"] += sum(1 for entry in old.values() if entry.msgstr and entry.msgstr not in kept)
    return counts


def table(results: dict) -> str:
    base = results["msgmerge"]["wall"]
    lines = ["| tool | wall | vs msgmerge | peak memory | correct fuzzy | wrong fuzzy | untranslated | lost |",
             "|---|---|---|---|---|---|---|---|"]
    for tool, result in results.items():
        edited = result["correct"] + result["wrong"] + result["untranslated"]
        lines.append(f"| {tool} | {result['wall']:.1f} s | {result['wall'] / base:.2f}× | {result['peak_mib']:.0f} MiB "
                     f"| {result['correct']:,} | {result['wrong']:,} | {result['untranslated']:,} of {edited:,} "
                     f"| {result['lost']:,} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
