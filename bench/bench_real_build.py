"""Benchmark: ``triglot build`` against the plain ``sphinx-build`` loop, on the OpenStack Operations Guide.

The Operations Guide (52 RST files, openstackdocstheme, de/id/ja; ../shared/corpora/sphinx-projects) is
unpacked twice. Three scenarios, each run by both in the same minutes:

- cold: a first build of the four HTML editions (en, de, id, ja) from nothing;
- no-op: the same build again, nothing changed;
- one message: one Japanese msgstr changed, then the build again.

The baseline is the loop a team writes without triglot: ``sphinx-build -b html -D language=L`` for each
language one after the other, each with its own doctree cache (Sphinx's own incremental build applies), the
catalogs in sphinx-intl's usual layout inside the source folder (``doc/source/locale/<lang>/LC_MESSAGES/``).
Sphinx looks a document's translations up in one catalog only, so the baseline's catalogs of a language are
merged into one ``doc.po`` (``msgcat --use-first``, with ``gettext_compact = "doc"`` in conf.py): what the
triglot copy's pattern table gives Sphinx too. triglot's copy keeps the catalogs as the project has them and
adds ``triglot.sphinx`` to conf.py (its [tool.triglot] table is the tests' one, tests/conftest.py).

Run: ``.venv/bin/python bench/bench_real_build.py`` (several minutes; run it once).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polib

from project_copy import ROOT, run, snapshot_triglot

ARCHIVE = ROOT.parent / "shared" / "corpora" / "sphinx-projects" / "operations-guide.tar.xz"
LANGS = ["en", "de", "id", "ja"]
TABLE = ('[tool.triglot]\ndocs = "doc/source"\nlanguages = ["en", "de", "id", "ja"]\nupdate_mode = "preserve"\n\n'
         '[tool.triglot.catalog]\ndoc-common = ["common/*"]\ndoc = ["*"]\n')


def unpack(target: Path) -> Path:
    target.mkdir(parents=True)
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(target, filter="data")
    return target / "operations-guide"


def set_up_triglot(root: Path) -> None:
    (root / "pyproject.toml").write_text(TABLE, encoding="utf-8")
    conf = root / "doc" / "source" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(
        "extensions = ['openstackdocstheme']", "extensions = ['openstackdocstheme', 'triglot.sphinx']"),
        encoding="utf-8")


def set_up_sphinx_intl(root: Path) -> None:
    """One catalog per language, doc.po, holding every catalog of the language (the first one's entry wins)."""
    for folder in sorted((root / "doc" / "source" / "locale").glob("*/LC_MESSAGES")):
        catalogs = [folder / "doc.po", *sorted(path for path in folder.glob("*.po") if path.name != "doc.po")]
        merged = subprocess.run(["msgcat", "--use-first", *map(str, catalogs)], capture_output=True, check=True)
        for path in catalogs:
            path.unlink()
        (folder / "doc.po").write_bytes(merged.stdout)
    with (root / "doc" / "source" / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ngettext_compact = "doc"\n')


def triglot(root: Path) -> None:
    report = run([sys.executable, "-m", "triglot.cli", "build"], root)
    rebuilt = [line.split()[0] for line in report.splitlines() if re.match(r"  \S+\s+html\s+ok", line)]
    print(f"  triglot rebuilt: {', '.join(rebuilt) or 'nothing'}", file=sys.stderr)


def plain_sphinx(root: Path) -> None:
    for lang in LANGS:
        run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-D", f"language={lang}",
             "-d", str(root / "out" / lang / "doctrees"), "doc/source", str(root / "out" / lang / "html")], root)


def change_one_message(root: Path, msgid: str) -> None:
    path = root / "doc" / "source" / "locale" / "ja" / "LC_MESSAGES" / "doc.po"
    catalog = polib.pofile(str(path), wrapwidth=0)
    entry = catalog.find(msgid)
    entry.msgstr += "（改訂）"
    catalog.save(str(path))


def timed(action: Callable[[Path], None], root: Path) -> tuple[float, float]:
    """Wall and CPU seconds (this process's children) of *action*."""
    before, start = os.times(), time.perf_counter()
    action(root)
    after = os.times()
    return time.perf_counter() - start, (after.children_user + after.children_system
                                         - before.children_user - before.children_system)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="triglot-bench-real-") as tmp:
        snapshot_triglot(Path(tmp))
        ours, theirs = unpack(Path(tmp) / "triglot"), unpack(Path(tmp) / "sphinx")
        set_up_triglot(ours)
        set_up_sphinx_intl(theirs)
        # A plain paragraph of the Japanese doc.po, the same entry in both copies.
        msgid = next(entry.msgid for entry in polib.pofile(str(ours / "doc/source/locale/ja/LC_MESSAGES/doc.po"))
                     if entry.translated() and not entry.obsolete and re.fullmatch(r"[A-Za-z ,.]{60,}", entry.msgid))
        rows = []
        for scenario, prepare in [("cold", None), ("no-op", None), ("one Japanese message changed", change_one_message)]:
            print(f"{scenario} (load average {os.getloadavg()[0]:.1f})", file=sys.stderr)
            if prepare:
                prepare(ours, msgid)
                prepare(theirs, msgid)
            baseline = timed(plain_sphinx, theirs)
            result = timed(triglot, ours)
            rows.append((scenario, baseline, result))
        print(f"load average at the end: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    print("| scenario (4 HTML editions) | sphinx-build loop: wall, CPU | triglot build: wall, CPU | "
          "ratio triglot / loop: wall, CPU |")
    print("|---|---:|---:|---:|")
    for scenario, (base_wall, base_cpu), (wall, cpu) in rows:
        print(f"| {scenario} | {base_wall:.1f} s, {base_cpu:.1f} s | {wall:.1f} s, {cpu:.1f} s | "
              f"{wall / base_wall:.2f}×, {cpu / base_cpu:.2f}× |")


if __name__ == "__main__":
    main()
