"""Benchmark: ``triglot serve --watch``, from saving a Russian msgstr to the open page showing it.

Usage (a minute or two; the machine is shared)::

    .venv/bin/python bench/bench_preview.py [--rounds N]

A fresh copy of the project is built and served with ``--watch``; the
Russian article is opened in headless Chromium (Debian's, through
Playwright) and one paragraph's msgstr is saved N times with a new word in
it. Each round is timed from just before the file is written to the moment
the page, reloaded, shows the new text (polled by the page every animation
frame). Then, to say where the time goes, the same edit is rebuilt N times
in this process with the functions the server calls: the Sphinx build of
the Russian edition (``build_parts``: fingerprints, ``sphinx-build`` in a
warm worker as the server runs it, the status page's checks alongside) and the assembly and swap of the site
(``assemble_site``: copying the parts, the root, parallel and status pages,
the sitemap). Medians are printed.
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from project_copy import copy_project
from triglot.build.sphinx_worker import SphinxWorker
from triglot.config import load_settings
from triglot.site.assemble import assemble_site, build_parts

PARAGRAPH = "tg-p20"
CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Catalog:
    """The Russian catalog, and the line where the paragraph's msgstr starts (found by its first words)."""

    def __init__(self, path: Path, first_words: str) -> None:
        self.path = path
        self.lines = path.read_text(encoding="utf-8").split("\n")
        (self.index,) = [i for i, line in enumerate(self.lines) if line.startswith(f'"{first_words}')]
        self.first_words = first_words

    def save(self, word: str) -> str:
        """Save the catalog with *word* before the paragraph's first words; the paragraph's new start."""
        lines = list(self.lines)
        lines[self.index] = f'"{word} ' + lines[self.index][1:]
        self.path.write_text("\n".join(lines), encoding="utf-8")
        return f"{word} {self.first_words}"

    def restore(self) -> None:
        """Save the catalog as it was."""
        self.path.write_text("\n".join(self.lines), encoding="utf-8")


REBUILT = re.compile(r"triglot: rebuilt \S+ in ([0-9.]+) s")


def serve(root: Path, port: int, rebuilt: list[float] | None = None) -> subprocess.Popen:
    """``triglot serve --watch`` on *port*, returned once it watches; the seconds of each rebuild the server
    reports are appended to *rebuilt*."""
    process = subprocess.Popen([sys.executable, "-m", "triglot.cli", "serve", "--watch", "--port", str(port)],
                               cwd=root, stderr=subprocess.PIPE, text=True)
    ready = threading.Event()

    def drain() -> None:
        for line in process.stderr:
            if line.startswith("triglot: watching"):
                ready.set()
            elif (match := REBUILT.match(line)) and rebuilt is not None:
                rebuilt.append(float(match.group(1)))

    threading.Thread(target=drain, daemon=True).start()
    if not ready.wait(300):
        process.kill()
        sys.exit("triglot serve --watch did not start")
    return process


def listen(url: str, published: list[float]) -> None:
    """Append the time of each new site the event stream announces to *published* (the first event is the
    state at connection)."""
    with urllib.request.urlopen(url) as stream:
        first = True
        for line in stream:
            if line.startswith(b"data:"):
                if not first:
                    published.append(time.perf_counter())
                first = False


def in_the_browser(root: Path, rounds: int) -> tuple[list[float], list[float], list[float], str]:
    """Seconds from each save to the page showing it, and to the server announcing the new site; the server's
    own rebuild times (as it prints them); the paragraph's first words."""
    port = free_port()
    rebuilt: list[float] = []
    server = serve(root, port, rebuilt)
    times, published = [], []
    threading.Thread(target=listen, args=(f"http://127.0.0.1:{port}/_triglot/events", published), daemon=True).start()
    announced = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/ru/index.html")
            page.evaluate("(id) => document.getElementById(id).scrollIntoView({block: 'start'})", PARAGRAPH)
            text = page.text_content(f"#{PARAGRAPH}")
            catalog = Catalog(root / "locale/ru/LC_MESSAGES/article.po", " ".join(text.split()[:3]))
            for number in range(rounds):
                time.sleep(1.0)  # the watcher settles; the page has reconnected
                start = time.perf_counter()
                expected = catalog.save(f"Правка{number}")
                page.wait_for_function("([id, start]) => document.getElementById(id)?.textContent.trim()"
                                       ".startsWith(start)", arg=[PARAGRAPH, expected], timeout=60_000, polling="raf")
                times.append(time.perf_counter() - start)
                announced.append(published[-1] - start)
            catalog.restore()
            browser.close()
    finally:
        server.terminate()
        server.wait()
    return times, announced, rebuilt, catalog.first_words


def in_process(root: Path, rounds: int, first_words: str) -> tuple[list[float], list[float]]:
    """Seconds of each rebuild's two halves, run as the server runs them: Sphinx, then the site's assembly."""
    settings = load_settings(root)
    catalog = Catalog(root / "locale/ru/LC_MESSAGES/article.po", first_words)
    builds, assemblies = [], []
    with SphinxWorker(root) as worker:
        build_parts(settings, ["ru"], ["html"], runner=worker.run)  # the worker warms up (the server's start)
        for number in range(rounds):
            catalog.save(f"Замер{number}")
            start = time.perf_counter()
            results, parts = build_parts(settings, ["ru"], ["html"], runner=worker.run)
            middle = time.perf_counter()
            assert all(result.ok for result in results), results
            assemble_site(settings, parts)
            builds.append(middle - start)
            assemblies.append(time.perf_counter() - middle)
    return builds, assemblies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        root = copy_project(Path(folder) / "project")
        browser, announced, rebuilt, first_words = in_the_browser(root, args.rounds)
        builds, assemblies = in_process(root, args.rounds, first_words)
    print(f"save → page updated (median of {args.rounds}): {statistics.median(browser):.2f} s "
          f"(min {min(browser):.2f}, max {max(browser):.2f})")
    print(f"  save → new site announced to the page (median): {statistics.median(announced):.2f} s")
    print(f"  the server's rebuild, as it prints it (median): {statistics.median(rebuilt):.1f} s")
    print(f"  announced → page reloaded and showing it (median): "
          f"{statistics.median([total - server for total, server in zip(browser, announced)]):.2f} s")
    print(f"  in this process, the same rebuild's Sphinx build of the ru edition (median): "
          f"{statistics.median(builds):.2f} s")
    print(f"  in this process, its assembly and swap of the site (median): {statistics.median(assemblies):.2f} s")


if __name__ == "__main__":
    main()
