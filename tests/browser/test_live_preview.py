"""``triglot serve --watch`` in Chromium: a saved msgstr appears in the open page at the paragraph in view;
a catalog that does not parse shows its file and line over the page, which keeps the last good text."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import copy_project

from .conftest import DESKTOP

PARAGRAPH = "tg-p20"  # a paragraph in the middle of the article
WAIT = 20_000  # ms: a rebuild of the Russian edition takes a few seconds on a busy machine
TOP = """(id) => document.getElementById(id).getBoundingClientRect().top"""


@dataclass
class LiveServer:
    """A project copy served by ``triglot serve --watch``, and what the server printed."""

    root: Path
    url: str
    process: subprocess.Popen
    output: list[str] = field(default_factory=list)

    @property
    def catalog(self) -> Path:
        return self.root / "locale" / "ru" / "LC_MESSAGES" / "article.po"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    """A fresh project copy, built and served with ``--watch`` (waits until it watches)."""
    root = copy_project(tmp_path / "project")
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "triglot.cli", "serve", "--watch", "--port", str(port)],
                               cwd=root, stderr=subprocess.PIPE, text=True)
    server = LiveServer(root, f"http://127.0.0.1:{port}", process)
    ready = threading.Event()

    def drain() -> None:
        for line in process.stderr:
            server.output.append(line)
            if line.startswith("triglot: watching"):
                ready.set()

    threading.Thread(target=drain, daemon=True).start()
    try:
        assert ready.wait(180), "".join(server.output)
        yield server
    finally:
        process.terminate()
        process.wait()


def _first_line_of(catalog: Path, text: str) -> int:
    """The number of the catalog's one line whose string starts with *text*."""
    lines = catalog.read_text(encoding="utf-8").split("\n")
    (index,) = [i for i, line in enumerate(lines) if line.startswith(f'"{text}')]
    return index + 1


def _edit_line(catalog: Path, number: int, edit) -> None:
    """Save *catalog* with line *number* changed by *edit*, as an editor saves it (the whole file rewritten)."""
    lines = catalog.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = edit(lines[number - 1])
    catalog.write_text("\n".join(lines), encoding="utf-8")


def _open_at_paragraph(live: LiveServer, open_page) -> tuple[object, str, float]:
    """The Russian article open with PARAGRAPH 120 px below the window's top: the page, its text, its top."""
    page = open_page(DESKTOP, locale="ru-RU")
    page.goto(f"{live.url}/ru/index.html")
    page.wait_for_function("() => document.querySelector('script[data-generation]') !== null")
    page.evaluate("(id) => { document.getElementById(id).scrollIntoView({block: 'start', behavior: 'instant'});"
                  " window.scrollBy({top: -120, behavior: 'instant'}); }", PARAGRAPH)
    return page, page.text_content(f"#{PARAGRAPH}"), page.evaluate(TOP, PARAGRAPH)


def test_a_saved_translation_appears_in_the_open_page_at_the_same_paragraph(live, open_page, problems):
    page, text, top = _open_at_paragraph(live, open_page)
    first_words = " ".join(text.split()[:3])
    number = _first_line_of(live.catalog, first_words)
    _edit_line(live.catalog, number, lambda line: line.replace(f'"{first_words}', f'"Правка переводчика. {first_words}', 1))
    started = time.monotonic()
    page.wait_for_function("([id, start]) => document.getElementById(id)?.textContent.trim().startsWith(start)",
                           arg=[PARAGRAPH, f"Правка переводчика. {first_words}"], timeout=WAIT)
    page.wait_for_load_state("load")
    page.wait_for_function("([id, top]) => Math.abs(document.getElementById(id).getBoundingClientRect().top - top) < 2",
                           arg=[PARAGRAPH, top], timeout=5_000)
    assert time.monotonic() - started < WAIT / 1000
    assert [re.sub(r"[0-9.]+ s$", "N s", line) for line in live.output if line.startswith("triglot: rebuilt")] == [
        "triglot: rebuilt ru in N s\n"]
    assert problems.items == []


def test_a_catalog_that_does_not_parse_shows_its_line_and_the_page_keeps_its_text(live, open_page, problems):
    page, text, _ = _open_at_paragraph(live, open_page)
    first_words = " ".join(text.split()[:3])
    number = _first_line_of(live.catalog, first_words)
    good = live.catalog.read_bytes()
    _edit_line(live.catalog, number, lambda line: line.replace(f'"{first_words}', f'"ПОЛОМКА {first_words}', 1)[:-1])
    overlay = page.wait_for_selector("#triglot-live-error", timeout=WAIT)
    assert overlay.get_attribute("role") == "alert"
    message = overlay.text_content()
    assert message.startswith("Rebuild failed: this page is the last good version.")
    assert f"{live.catalog}:{number}: expected a string in double quotes" in message
    assert page.text_content(f"#{PARAGRAPH}") == text
    # A page opened while the catalog is broken shows the error too, over the last good text.
    other = open_page(DESKTOP, locale="ru-RU")
    other.goto(f"{live.url}/ru/index.html")
    assert f"{live.catalog}:{number}:" in other.wait_for_selector("#triglot-live-error", timeout=5_000).text_content()
    assert other.text_content(f"#{PARAGRAPH}") == text
    # Fixed: the error goes away, the text is the good one.
    live.catalog.write_bytes(good)
    page.wait_for_selector("#triglot-live-error", state="detached", timeout=WAIT)
    assert page.text_content(f"#{PARAGRAPH}") == text
    assert problems.items == []
