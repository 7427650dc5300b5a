"""Scale: merge, check and build on books 1×, 10× and 100× the article, and on the OpenStack Operations Guide.

Usage (about half an hour; the machine is shared)::

    .venv/bin/python bench/bench_scale.py [--sizes 1 10 100] [--rounds 2] [--plot bench/scale.png]

For each synthetic book (:mod:`synthetic_book`), in a fresh folder, timed
in one run beside the tool a user would otherwise run:

- merge: after a source change (one paragraph in twenty reworded),
  ``triglot update`` (extraction with Sphinx's gettext builder, then the
  merge into ru and ja) against ``sphinx-build -b gettext`` and ``msgmerge
  --update`` of each language;
- check: ``triglot check --jobs 1`` inside the project (its glossary loaded)
  against ``pofilter`` on the same catalogs;
- build: ``triglot build`` of the three HTML editions from nothing against
  ``sphinx-build -b html`` of each language, one after the other.

The Operations Guide (``../shared/corpora/sphinx-projects/operations-guide.tar.xz``,
its ja catalogs) is checked the same way. Each measure is taken twice up to
×10 (the faster kept), once at ×100. Prints a table and the cost per
thousand messages, and draws the times against the number of messages
(``--plot``, PNG, log–log: a straight line of slope 1 is linear growth).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_book import make_book  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
OPERATIONS_GUIDE = ROOT.parent / "shared" / "corpora" / "sphinx-projects" / "operations-guide.tar.xz"
LANGS = ("en", "ru", "ja")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if completed.returncode not in (0, 1) or (completed.returncode == 1 and command[1:2] != ["check"]):
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr[-3000:]}")
    return time.perf_counter() - start


def reword(book: Path) -> None:
    """A source change: one paragraph in twenty of every document gets a word changed."""
    for path in sorted((book / "docs").glob("*.rst")):
        lines = path.read_text(encoding="utf-8").split("\n")
        paragraphs = [i for i, line in enumerate(lines) if len(line) > 200 and not line.startswith((" ", ".."))]
        for i in paragraphs[::20]:
            lines[i] = lines[i].replace(" the ", " this ", 1)
        path.write_text("\n".join(lines), encoding="utf-8")


def merge(book: Path) -> tuple[float, float]:
    """(triglot update, sphinx-build -b gettext + msgmerge) after :func:`reword`, each in its own copy."""
    theirs = book.with_name(book.name + "-msgmerge")
    shutil.copytree(book, theirs)
    reword(book)
    reword(theirs)
    ours = timed([str(BIN / "triglot"), "update"], book)
    start = time.perf_counter()
    timed([sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-D", "gettext_compact=article", "docs", "pot"],
          theirs)
    for lang in ("ru", "ja"):
        timed(["msgmerge", "--quiet", "--previous", "--update", "--backup=none",
               f"locale/{lang}/LC_MESSAGES/article.po", "pot/article.pot"], theirs)
    return ours, time.perf_counter() - start


def check(project: Path, catalogs: Path) -> tuple[float, float]:
    """(triglot check --jobs 1 in *project*, pofilter) on the PO files under *catalogs*."""
    ours = timed([str(BIN / "triglot"), "check", "--jobs", "1", "--format", "json", "--fail-on", "never",
                  str(catalogs)], project)
    out = project.parent / f"{project.name}-pofilter"
    theirs = timed([str(BIN / "pofilter"), "--progress=none", "-i", str(catalogs), "-o", str(out)], project)
    shutil.rmtree(out, ignore_errors=True)
    return ours, theirs


def build(book: Path) -> tuple[float, float]:
    """(triglot build, sphinx-build -b html of each language one after the other), both from nothing."""
    shutil.rmtree(book / "build", ignore_errors=True)
    shutil.rmtree(book / "plain", ignore_errors=True)
    ours = timed([str(BIN / "triglot"), "build"], book)
    theirs = sum(timed([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-D", f"language={lang}", "-d",
                        f"plain/doctrees-{lang}", "docs", f"plain/{lang}"], book) for lang in LANGS)
    return ours, theirs


def messages(path: Path) -> int:
    """The active messages of the PO files under *path* (a file, or a folder)."""
    files = [path] if path.is_file() else sorted(path.rglob("*.po"))
    return sum(len([e for e in polib.pofile(str(po)) if not e.obsolete]) for po in files)


def best(measure, rounds: int) -> tuple[float, float]:
    """The fastest of *rounds* runs of *measure* (each returns triglot's time and the baseline's)."""
    runs = [measure(round_number) for round_number in range(rounds)]
    return min(run[0] for run in runs), min(run[1] for run in runs)


def operations_guide(tmp: Path, rounds: int) -> tuple[int, tuple[float, float]]:
    """The check of the Operations Guide's Japanese catalogs, inside this project (our glossary loaded)."""
    with tarfile.open(OPERATIONS_GUIDE) as archive:
        archive.extractall(tmp / "og", filter="data")
    catalogs = next(path for path in (tmp / "og").rglob("locale") if (path / "ja").is_dir()) / "ja"
    project = tmp / "og-project"
    project.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", project)
    shutil.copytree(ROOT / "glossary", project / "glossary")
    return messages(catalogs), best(lambda _round: check(project, catalogs), rounds)


def plot(rows: list[tuple[str, int, dict[str, tuple[float, float]]]], target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 5.5), dpi=120)
    books = [(size, costs) for name, size, costs in rows if name.startswith("book")]
    styles = {"merge": "tab:blue", "check": "tab:orange", "build": "tab:green"}
    baselines = {"merge": "gettext + msgmerge", "check": "pofilter", "build": "sphinx-build ×3"}
    for operation, colour in styles.items():
        sizes = [size for size, costs in books if operation in costs]
        axes.plot(sizes, [costs[operation][0] for size, costs in books if operation in costs], "o-", color=colour,
                  label=f"triglot {operation}")
        axes.plot(sizes, [costs[operation][1] for size, costs in books if operation in costs], "s--", color=colour,
                  alpha=0.6, label=baselines[operation])
    for name, size, costs in rows:
        if not name.startswith("book"):
            axes.plot([size], [costs["check"][0]], "*", color="tab:red", markersize=12, label=f"triglot check, {name}")
            axes.plot([size], [costs["check"][1]], "x", color="tab:red", markersize=9, label=f"pofilter, {name}")
    low = min(size for _name, size, _costs in rows)
    high = max(size for _name, size, _costs in rows)
    first = books[0][1]["check"][0] if books else 1.0
    axes.plot([low, high], [first, first * high / low], ":", color="grey", label="linear (slope 1)")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("messages of the text, per language (article ×1, ×10, ×100)")
    axes.set_ylabel("seconds (wall)")
    axes.set_title("triglot at scale: cost against size")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=7, loc="upper left")
    figure.tight_layout()
    figure.savefig(target)


def main(sizes: list[int], rounds: int, plot_to: Path | None) -> None:
    rows: list[tuple[str, int, dict[str, tuple[float, float]]]] = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp_name:
        tmp = Path(tmp_name)
        for size in sizes:
            print(f"book ×{size}", file=sys.stderr)
            book = make_book(tmp / f"book-{size}", size)
            timed([str(BIN / "triglot"), "update"], book)  # the catalogs as triglot writes them
            count = messages(book / "locale" / "ru" / "LC_MESSAGES" / "article.po")
            book_rounds = rounds if size <= 10 else 1
            costs = {"build": best(lambda _round: build(book), book_rounds),
                     "check": best(lambda _round: check(book, book / "locale"), book_rounds)}

            def merged(round_number: int) -> tuple[float, float]:
                copy = tmp / f"book-{size}-merge-{round_number}"
                shutil.copytree(book, copy, ignore=shutil.ignore_patterns("build", "plain"))
                return merge(copy)

            costs["merge"] = best(merged, book_rounds)
            rows.append((f"book ×{size}", count, costs))
        if OPERATIONS_GUIDE.is_file():
            print("Operations Guide", file=sys.stderr)
            count, costs_check = operations_guide(tmp, rounds)
            rows.append(("Operations Guide (ja)", count, {"check": costs_check}))
    print("| input | messages | operation | triglot | baseline | triglot per 1,000 messages |")
    print("|---|---:|---|---:|---:|---:|")
    for name, count, costs in rows:
        for operation, (ours, theirs) in costs.items():
            print(f"| {name} | {count:,} | {operation} | {ours:.1f} s | {theirs:.1f} s | "
                  f"{1000 * ours / count:.2f} s |")
    if plot_to is not None:
        plot(rows, plot_to)
        print(f"plot: {plot_to}", file=sys.stderr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--rounds", type=int, default=2, help="runs of each measure up to ×10 (the fastest kept)")
    parser.add_argument("--plot", type=Path, default=ROOT / "bench" / "scale.png")
    arguments = parser.parse_args()
    main(arguments.sizes, arguments.rounds, arguments.plot)
